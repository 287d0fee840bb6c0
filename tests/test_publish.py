"""Publishing: the figure catalogue, the manifest that guards the figures, and the HTML site."""

from __future__ import annotations

import json
import re

import nbformat
import pytest

from newscorpus import publish
from newscorpus.base.figures import figure_caption
from newscorpus.publish import site

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
FIGURES = ROOT / "figures"


# --- the manifest guards the published figures (nbval never compares images) -------------------


def test_every_figure_file_matches_the_manifest():
    assert publish.check_manifest(FIGURES) == []


def test_the_manifest_records_versions_parameters_and_the_corpus():
    data = json.loads((FIGURES / "manifest.json").read_text(encoding="utf-8"))
    assert data["python"] == "3.11"
    assert {"pandas", "matplotlib", "nltk", "vadersentiment", "newscorpus"} <= {
        name.lower() for name in data["packages"]}
    assert list(data["notebooks"]) == [p.name for p in NOTEBOOKS]
    for nb in NOTEBOOKS:
        assert data["notebooks"][nb.name]["parameters"] == publish.ran_with(nb)
        assert data["notebooks"][nb.name]["sha256"] == publish.sha256(nb)
    corpus = ROOT / data["corpus"]["dir"]
    assert data["corpus"]["files"] == {p.name: publish.sha256(p)
                                       for p in sorted(corpus.iterdir()) if p.is_file()}


def test_a_changed_figure_is_caught(tmp_path):
    for path in publish.figure_files(FIGURES)[:3]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    publish.write_manifest([], tmp_path)
    assert publish.check_manifest(tmp_path) == []
    victim = publish.figure_files(tmp_path)[0]
    victim.write_bytes(victim.read_bytes() + b"\n")
    extra = tmp_path / "09-extra.csv"
    extra.write_text("x\n1\n")
    problems = publish.check_manifest(tmp_path)
    assert len(problems) == 2
    assert victim.name in problems[1] and "differs from the manifest" in problems[1]
    assert "09-extra.csv is not in the manifest" in problems[0]


def test_the_manifest_is_the_same_bytes_when_written_twice(tmp_path):
    first = publish.manifest(NOTEBOOKS, FIGURES, None, ROOT / "corpus" / "raw")
    second = publish.manifest(NOTEBOOKS, FIGURES, None, ROOT / "corpus" / "raw")
    assert json.dumps(first) == json.dumps(second)


def test_ran_with_reads_the_injected_parameters_as_values():
    params = publish.ran_with(ROOT / "notebooks" / "02-keywords.ipynb")
    assert params["periods"]["2015-16"] == ["2015", "2016"]
    assert isinstance(params["top_n"], int) and isinstance(params["stem"], bool)


# --- the catalogue ---------------------------------------------------------------------------


def test_every_figure_is_catalogued_with_a_caption_and_its_notebook():
    table = publish.catalogue(FIGURES, NOTEBOOKS)
    assert sorted(table["png"]) == sorted(p.name for p in FIGURES.glob("*.png"))
    assert (table["caption"].str.len() > 20).all(), table.loc[table["caption"].str.len() <= 20]
    assert table["notebook"].isin([p.name for p in NOTEBOOKS]).all()
    assert (table["svg"] != "").all() and (table["csv"] != "").all()


def test_the_committed_catalogue_is_current(tmp_path):
    for path in publish.figure_files(FIGURES):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    written = publish.write_catalogue(tmp_path, NOTEBOOKS)
    assert written.read_text(encoding="utf-8") == (FIGURES / "README.md").read_text(
        encoding="utf-8"), "figures/README.md is stale: run make run"
    text = written.read_text(encoding="utf-8")
    for png in FIGURES.glob("*.png"):
        assert f"`{png.stem}`" in text and figure_caption(png) in text.replace("\\|", "|")


def test_a_caption_with_a_pipe_keeps_the_catalogue_table_intact(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    from newscorpus.base.figures import save_figure

    fig, _ = plt.subplots()
    save_figure(fig, pd.DataFrame({"x": [1]}), "05-pipe", tmp_path, caption="a | b\nc")
    plt.close(fig)
    row = [line for line in publish.write_catalogue(tmp_path).read_text().splitlines()
           if "05-pipe" in line][0]
    assert "a \\| b c" in row and row.count(" | ") == 3


# --- the site --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    index = site.build_site(NOTEBOOKS, FIGURES, out)
    return out, index


def test_the_site_has_an_index_and_a_page_per_notebook(built):
    out, index = built
    assert index == out / "index.html"
    assert sorted(p.name for p in out.glob("*.html")) == sorted(
        ["index.html", *(p.with_suffix(".html").name for p in NOTEBOOKS)])
    assert sorted(p.name for p in (out / "figures").iterdir()) == [
        p.name for p in publish.figure_files(FIGURES)]


def test_pages_load_nothing_from_the_network_and_run_no_script(built):
    out, _ = built
    for page in out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text.lower(), page.name
        remote = r"""<(?:link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)=["']?"""
        assert not re.search(remote + r"(?:https?:)?//", text, flags=re.IGNORECASE), page.name
        assert "@import" not in text and not re.search(r"url\(\s*['\"]?(?:https?:)?//", text)
        assert not re.search(r"<img\b[^>]*\bsrc=[\"'](?!data:)", text), page.name


def test_the_index_lists_notebooks_parameters_and_every_figure_with_its_caption(built):
    _, index = built
    text = index.read_text(encoding="utf-8")
    for nb in NOTEBOOKS:
        assert f'href="{nb.with_suffix(".html").name}"' in text
    assert "corpus_dir" in text and "&#x27;corpus/raw&#x27;" in text
    import html

    for png in FIGURES.glob("*.png"):
        assert f'id="{png.stem}"' in text
        assert html.escape(figure_caption(png)) in text
    assert text.count("<img ") == len(list(FIGURES.glob("*.png")))


def test_notebook_pages_hide_the_code_but_keep_the_prose_and_outputs(built):
    out, _ = built
    page = (out / "02-keywords.html").read_text(encoding="utf-8")
    assert "keyness.keyness(" not in page  # code is hidden
    assert "What this shows, and what it does not" in page
    assert page.count("data:image/png;base64,") >= 5


def test_text_from_the_corpus_is_escaped_in_a_page(tmp_path):
    import pandas as pd

    hostile = '<script>alert(1)</script> <img src=x onerror="alert(2)">'
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# 99 · Test"),
        nbformat.v4.new_code_cell("table", execution_count=1, outputs=[
            nbformat.v4.new_output("execute_result", execution_count=1, data={
                "text/html": pd.DataFrame({"title": [hostile]}).to_html(),
                "text/plain": hostile}),
            nbformat.v4.new_output("stream", name="stdout", text=hostile + "\n")])])
    path = tmp_path / "99-test.ipynb"
    nbformat.write(nb, path)
    page = site.render_notebook(path)
    assert "<script>alert" not in page
    assert not re.search(r"<[a-z][^<>]*\bonerror\s*=", page, flags=re.IGNORECASE)
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2  # the table and the stream
