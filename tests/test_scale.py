"""The whole collection on a generated corpus of a few hundred documents.

Beyond ``max_documents`` every notebook must switch from documents to groups: no figure over
the pixel budget of :func:`newscorpus.base.figures.save_figure`, no stored notebook over 2 MB,
no output that prints a line per document. The corpus is built from the repository's own text
(:func:`newscorpus.corpus.synthetic.make_corpus`), so nothing is downloaded.
"""

from __future__ import annotations

import struct

import nbformat
import pytest

from newscorpus.base.figures import MAX_PIXELS, MAX_SIDE_PX
from newscorpus.corpus.synthetic import make_corpus

from .conftest import ROOT, notebook_names, run_collection

DOCUMENTS = 250
MAX_NOTEBOOK_BYTES = 2_000_000


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    corpus = make_corpus(tmp_path_factory.mktemp("corpus") / "c", documents=DOCUMENTS,
                         project=ROOT)
    out = tmp_path_factory.mktemp("run")
    return run_collection(corpus, out, timeout=1800), out


def _png_size(path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def test_every_notebook_runs_on_a_few_hundred_documents(run):
    result, out = run
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == notebook_names()


def test_every_figure_is_within_the_pixel_budget(run):
    _, out = run
    pngs = sorted((out / "figures").glob("*.png"))
    assert pngs
    for png in pngs:
        width, height = _png_size(png)
        assert max(width, height) <= MAX_SIDE_PX and width * height <= MAX_PIXELS, png.name
        assert png.with_suffix(".svg").is_file() and png.with_suffix(".csv").is_file()


def test_every_stored_notebook_is_small_and_prints_no_line_per_document(run):
    _, out = run
    for path in sorted((out / "notebooks").glob("*.ipynb")):
        assert path.stat().st_size < MAX_NOTEBOOK_BYTES, path.name
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                text = output.get("text", "") or output.get("data", {}).get("text/plain", "")
                assert str(text).count("\n") < DOCUMENTS, (path.name, cell.source[:80])
