"""The whole collection on a user's corpus: `newscorpus run --corpus DIR --out DIR`.

The fixture corpus (tests/fixtures/one-document) is as small as a corpus gets: one undated
text of one unnamed outlet, with markup in its title and its text. Every notebook must run on
it (a step with too little data says so instead of failing), write everything under --out,
publish a site in which the markup shows as text, and leave the repository untouched.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from newscorpus import publish

from .conftest import ROOT, notebook_names, notebooks_with_errors, run_collection

FIXTURE = ROOT / "tests" / "fixtures" / "one-document"
TRACKED = ("notebooks", "figures", "corpus/processed")


def _snapshot() -> dict[str, str]:
    """The bytes of every file the collection could write in the repository, hashed."""
    return {p.relative_to(ROOT).as_posix(): publish.sha256(p)
            for folder in TRACKED for p in sorted((ROOT / folder).rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    before = _snapshot()
    return run_collection(FIXTURE, out, timeout=900), out, before


def test_the_collection_runs_on_a_one_document_corpus(run):
    result, out, _ = run
    assert result.returncode == 0, result.stderr[-3000:]
    notebooks = notebook_names()
    for i, name in enumerate(notebooks, 1):
        assert f"[{i}/{len(notebooks)}] notebooks/{name}" in result.stdout  # progress
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == notebooks
    assert not notebooks_with_errors(out)


def test_it_leaves_the_repository_untouched(run):
    _, _, before = run
    assert _snapshot() == before


def test_everything_is_written_under_out(run):
    _, out, _ = run
    assert {"documents.csv", "sentences.csv", "tokens.csv"} <= {
        p.name for p in (out / "processed").iterdir()}
    assert (out / "figures" / "README.md").is_file()
    assert publish.check_manifest(out / "figures") == []
    data = json.loads((out / "figures" / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(data["corpus"]["files"]) == ["metadata.csv", "note.txt"]
    assert data["notebooks"]["00-corpus.ipynb"]["parameters"]["corpus_dir"] == str(FIXTURE)
    assert (out / "site" / "index.html").is_file()
    assert len(list((out / "site").glob("[0-9][0-9]-*.html"))) == len(data["notebooks"])


def test_a_step_without_enough_data_says_so(run):
    _, out, _ = run
    keyness = (out / "figures" / "02-keyness.csv").read_text(encoding="utf-8").splitlines()
    assert len(keyness) == 1 and keyness[0].startswith("term,")  # header only: one group
    from newscorpus.base.figures import figure_caption

    assert "against (nothing)" in figure_caption(out / "figures" / "02-keyness.png")


def test_markup_in_the_corpus_is_shown_as_text_on_the_site(run):
    _, out, _ = run
    pages = {p.name: p.read_text(encoding="utf-8") for p in (out / "site").glob("*.html")}
    for name, text in pages.items():
        assert "<script" not in text.lower(), name
        assert not re.search(r"<[a-z][^<>]*\bonerror\s*=", text, flags=re.IGNORECASE), name
    shown = "".join(pages.values())
    assert "&lt;script&gt;alert(" in shown  # the title, shown as text


def test_a_second_parameter_file_runs_the_articles_alone(tmp_path):
    before = _snapshot()
    result = subprocess.run(
        [sys.executable, "-m", "newscorpus", "run", "--params", "params/articles-only.yaml",
         "--only", "00", "01", "--out", str(tmp_path), "--quiet"],
        capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    from newscorpus.base.outputs import read_table

    docs = read_table(tmp_path / "processed" / "documents.csv", made_by="00-corpus")
    sentences = read_table(tmp_path / "processed" / "sentences.csv", made_by="01-cleaning")
    assert len(docs) == 4 and set(docs["kind"]) == {"article"}
    assert set(sentences["doc_id"]) == set(docs["doc_id"])
    assert _snapshot() == before
