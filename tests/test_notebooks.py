"""The stored notebooks: read in order, run with papermill, executed, and publishing their data.

nbval (``make nbval``) re-executes the notebooks and compares outputs; these checks cover what
nbval does not: the layout a reader relies on, and the figure files behind the images.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FIGURES = ROOT / "figures"


def test_notebooks_are_numbered_in_reading_order():
    assert NOTEBOOKS, "no notebooks found"
    names = [p.name for p in NOTEBOOKS]
    assert all(re.fullmatch(r"\d\d-[a-z0-9-]+\.ipynb", n) for n in names), names
    numbers = [n[:2] for n in names]
    assert len(set(numbers)) == len(numbers), f"two notebooks share a number: {names}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_opens_with_title_then_parameters_then_imports(path):
    cells = nbformat.read(path, as_version=4).cells
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# ")
    assert "parameters" in cells[1].metadata.get("tags", [])
    code = [c for c in cells if c.cell_type == "code"
            and "injected-parameters" not in c.metadata.get("tags", [])]
    assert "import" in code[1].source, "the cell after the parameters should be the imports"
    assert all("import " not in c.source for c in code[2:]), "imports belong in one cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_executed_without_errors_or_volatile_metadata(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    assert all(c.execution_count is not None for c in code), "store notebooks executed"
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    assert "papermill" not in nb.metadata
    assert all("execution" not in c.metadata for c in nb.cells)
    assert nb.metadata.kernelspec.name == "newscorpus"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_cells_stay_short_and_prose_outnumbers_code(path):
    cells = nbformat.read(path, as_version=4).cells
    code = [c for c in cells if c.cell_type == "code"]
    prose = [c for c in cells if c.cell_type == "markdown"]
    assert len(prose) >= len(code) * 0.6
    # Parameter cells are declarations, one line per parameter, not code to move out.
    declared = {"parameters", "injected-parameters"}
    long = [c.source for c in code if len(c.source.splitlines()) > 15
            and not declared & set(c.metadata.get("tags", []))]
    assert not long, f"cells over 15 lines belong in the library: {long}"


def test_every_published_figure_has_svg_and_csv_and_a_notebook():
    pngs = sorted(FIGURES.glob("*.png"))
    assert pngs, "no figures published"
    numbers = {p.name[:2] for p in NOTEBOOKS}
    for png in pngs:
        assert png.with_suffix(".svg").is_file(), f"{png.name} lacks its SVG"
        assert png.with_suffix(".csv").is_file(), f"{png.name} lacks its CSV"
        assert png.name[:2] in numbers, f"{png.name} is not named after a notebook"


def test_every_figure_a_notebook_saves_is_published():
    saved = []
    for path in NOTEBOOKS:
        text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
        for name in re.findall(r'save_figure\([^"]*"(\d\d-[a-z0-9-]+)"', text):
            saved.append(name)
            assert name.startswith(path.name[:2]), f"{name} saved by {path.name}"
            assert (FIGURES / f"{name}.png").is_file(), f"{name}.png missing from figures/"
    assert saved, "no save_figure call found in the notebooks"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_papermill_sees_every_parameter_the_parameters_cell_declares(path):
    """A comment papermill cannot parse (one holding "=", say) silently drops a parameter."""
    import papermill

    cell = nbformat.read(path, as_version=4).cells[1]
    declared = re.findall(r"^([a-z_][a-z0-9_]*)\s*:", cell.source, flags=re.MULTILINE)
    seen = papermill.inspect_notebook(str(path))
    assert declared and list(seen) == declared
    assert all(p["help"] for p in seen.values()), "give every parameter a trailing comment"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_stored_output_carries_a_script_or_an_event_handler(path):
    """The site shows outputs as they are: HTML in them must be escaped text, never markup."""
    bad = re.compile(r"<script|<iframe|<[a-z][^<>]*\son[a-z]+\s*=|javascript:", re.IGNORECASE)
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            for mime in ("text/html", "text/markdown", "image/svg+xml"):
                text = output.get("data", {}).get(mime, "")
                text = "".join(text) if isinstance(text, list) else text
                assert not bad.search(text), f"{path.name}: {mime} output {text[:200]!r}"


def test_the_default_parameter_file_holds_the_notebooks_own_defaults():
    """So a parameter file may name only what it changes (params/articles-only.yaml)."""
    import ast

    import papermill
    import yaml

    params = yaml.safe_load((ROOT / "params" / "default.yaml").read_text(encoding="utf-8"))
    declared = {}
    for path in NOTEBOOKS:
        for name, info in papermill.inspect_notebook(str(path)).items():
            value = ast.literal_eval(info["default"])
            assert declared.setdefault(name, value) == value, f"{name} differs in {path.name}"
    assert params == declared
