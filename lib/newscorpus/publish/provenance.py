"""After a run: the figure catalogue, the manifest and the parameters each notebook ran with.

``newscorpus run`` (``make run``) calls :func:`publish` once the notebooks have executed. It
writes two files beside the figures, both regenerated on every run and identical when the
inputs are:

``figures/README.md``
    The catalogue: every published figure with its caption (read from the figure file itself,
    see :func:`newscorpus.base.figures.figure_caption`), the notebook that made it and the CSV
    table it was drawn from.
``figures/manifest.json``
    What a reader needs to check a figure is the one this collection produced: the Python and
    package versions, the parameters each notebook ran with, and the SHA-256 of every corpus
    file, figure and table. :func:`check_manifest` compares the files with it.

Then :func:`newscorpus.publish.site.build_site` renders the executed notebooks to HTML.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path

import nbformat

from newscorpus.base.notebooks import INJECTED, PARAMETERS, parameter_values
from newscorpus.base.outputs import atomic_path
from newscorpus.base.paths import display, project_root
from newscorpus.publish.figure_catalogue import figure_files

__all__ = ["MANIFEST_NAME", "check_manifest", "manifest", "notebook_info", "ran_with", "sha256",
           "write_manifest"]

MANIFEST_NAME = "manifest.json"


def sha256(path: str | os.PathLike[str]) -> str:
    """Return the SHA-256 of a file's bytes, in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def ran_with(notebook: str | os.PathLike[str]) -> dict[str, object]:
    """Return the parameters an executed notebook ran with, by name, in order.

    They are read from its ``parameters`` cell, where a run writes the values it used
    (:func:`newscorpus.base.notebooks.store_form`); a notebook stored before that, with
    papermill's ``injected-parameters`` cell, is read from that cell.

    Examples
    --------
    >>> ran_with(project_root() / "notebooks" / "00-corpus.ipynb")["corpus_dir"]
    'corpus/raw'
    """
    cells = nbformat.read(notebook, as_version=4).cells
    tagged = {tag: c for c in cells for tag in c.get("metadata", {}).get("tags", [])}
    cell = tagged.get(INJECTED) or tagged.get(PARAMETERS)
    return {} if cell is None else parameter_values(cell.source)


def notebook_info(notebook: str | os.PathLike[str]) -> dict[str, str]:
    """Return a notebook's ``name``, ``number``, ``title`` and ``question`` (from its cell 0).

    The title is the first ``# `` heading; the question is the paragraph that starts with
    ``**Question:**``, without that label and without Markdown's ``*`` and backquote marks
    (empty if there is none).
    """
    path = Path(notebook)
    cells = nbformat.read(path, as_version=4).cells
    first = cells[0].source if cells and cells[0].cell_type == "markdown" else ""
    title = next((line[2:].strip() for line in first.splitlines() if line.startswith("# ")),
                 path.stem)
    question = ""
    for paragraph in re.split(r"\n\s*\n", first):
        if paragraph.strip().startswith("**Question:**"):
            question = " ".join(paragraph.strip().removeprefix("**Question:**").split())
    # Plain text for the index: emphasis and code marks dropped.
    question = re.sub(r"\*+|`", "", question)
    return {"name": path.name, "number": path.name[:2], "title": title, "question": question}


def _locked_packages() -> list[str]:
    lock = project_root() / "requirements.lock"
    if not lock.is_file():
        return sorted({d.metadata["Name"] for d in metadata.distributions()})
    return re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", lock.read_text(encoding="utf-8"),
                      flags=re.MULTILINE)


def _versions(names: Iterable[str]) -> dict[str, str]:
    versions = {}
    for name in sorted(set(names), key=str.lower):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "(not installed)"
    return versions


def _hashes(folder: Path | None, files: Iterable[Path] | None = None) -> dict[str, str]:
    if folder is None or not folder.is_dir():
        return {}
    chosen = files if files is not None else (
        p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    return {p.relative_to(folder).as_posix(): sha256(p) for p in sorted(chosen)}


def manifest(notebooks: Sequence[str | os.PathLike[str]], figures_dir: str | os.PathLike[str],
             processed_dir: str | os.PathLike[str] | None = None,
             corpus_dir: str | os.PathLike[str] | None = None) -> dict:
    """Return the manifest of a run (see the module docstring) as a dictionary.

    Nothing in it depends on the time or the machine beyond the Python minor version and the
    installed package versions, so the same inputs give the same bytes.
    """
    figures = Path(figures_dir)
    processed = Path(processed_dir) if processed_dir else None
    corpus = Path(corpus_dir) if corpus_dir else None
    tables = ([p for p in sorted(processed.rglob("*")) if p.is_file() and p.suffix == ".csv"]
              if processed and processed.is_dir() else [])
    return {
        "about": "Written by `newscorpus run` (make run). Check the files with "
                 "newscorpus.publish.provenance.check_manifest.",
        "python": platform.python_version().rsplit(".", 1)[0],
        "packages": _versions(_locked_packages() + ["newscorpus"]),
        "notebooks": {Path(nb).name: {"sha256": sha256(nb), "parameters": ran_with(nb)}
                      for nb in notebooks},
        "corpus": {"dir": display(corpus) if corpus else "", "files": _hashes(corpus)},
        "figures": _hashes(figures, figure_files(figures)),
        "tables": {"dir": display(processed) if processed else "",
                   "files": _hashes(processed, tables)},
    }


def write_manifest(notebooks: Sequence[str | os.PathLike[str]],
                   figures_dir: str | os.PathLike[str],
                   processed_dir: str | os.PathLike[str] | None = None,
                   corpus_dir: str | os.PathLike[str] | None = None) -> Path:
    """Write ``figures/manifest.json`` (sorted keys, two-space indent); return its path."""
    data = manifest(notebooks, figures_dir, processed_dir, corpus_dir)
    target = Path(figures_dir) / MANIFEST_NAME
    with atomic_path(target) as tmp:
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def check_manifest(figures_dir: str | os.PathLike[str]) -> list[str]:
    """Compare the figure files with ``manifest.json``; return the differences (none: ``[]``).

    A figure file missing from the folder, one the manifest does not list, or one whose
    SHA-256 differs is reported in one sentence each.
    """
    folder = Path(figures_dir)
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return [f"{display(path)} does not exist: run make run to write it"]
    listed = json.loads(path.read_text(encoding="utf-8")).get("figures", {})
    present = {p.name: sha256(p) for p in figure_files(folder)}
    problems = [f"{name} is in the manifest but not in {display(folder)}"
                for name in sorted(set(listed) - set(present))]
    problems += [f"{name} is not in the manifest: run make run to regenerate it"
                 for name in sorted(set(present) - set(listed))]
    problems += [f"{name} differs from the manifest (sha256 {present[name][:12]}..., expected "
                 f"{listed[name][:12]}...): it was changed after the run that wrote the manifest"
                 for name in sorted(set(present) & set(listed)) if present[name] != listed[name]]
    return problems


