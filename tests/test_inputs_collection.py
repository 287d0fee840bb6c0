"""Real inputs through the whole collection: a table of articles and saved web pages.

A small JSON Lines table is turned into a corpus folder by ``newscorpus import``; the two web
pages of ``tests/fixtures/html-corpus`` (real pages of the article-extraction benchmark) are
added to it, and ``newscorpus run`` executes every notebook on the mixed corpus.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from .conftest import ROOT, notebook_names, notebooks_with_errors, run_collection

PAGES = ROOT / "tests" / "fixtures" / "html-corpus"
ARTICLES = [
    ("wire/1", "2016-03-15", "Wire", "Russia begins withdrawal",
     "Russia began pulling its main forces out of Syria on Tuesday. Moscow wants a settlement "
     "that keeps its ally in Damascus in power, officials said. The air base at Hmeimim and the "
     "naval facility at Tartus will stay."),
    ("wire/2", "2017-12-11", "Wire", "Putin visits Hmeimim",
     "President Vladimir Putin visited the Hmeimim air base and declared victory over the "
     "Islamic State. Russia aims to secure a lasting military presence in the eastern "
     "Mediterranean, analysts said. Critics said the strikes had killed many civilians."),
    ("daily-3", "2019-10-22", "Daily", "Sochi deal on the border",
     "Russia and Turkey agreed in Sochi to remove Kurdish fighters from the border. Moscow "
     "seeks to become the power broker of the region. The deal was welcomed in Damascus."),
    ("daily-4", "2015-09-30", "Daily", "First Russian air strikes",
     "Russian jets carried out their first air strikes in Syria on Wednesday. The Kremlin said "
     "it wanted to fight terrorism, but Western officials said the strikes hit rebels opposed "
     "to Assad."),
]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("inputs")
    table = tmp / "articles.jsonl"
    table.write_text("".join(json.dumps(dict(zip(("id", "day", "site", "headline", "body"), a,
                                                 strict=True))) + "\n" for a in ARTICLES),
                     encoding="utf-8")
    corpus = tmp / "corpus"
    imported = subprocess.run(
        [sys.executable, "-m", "newscorpus", "import", str(table), str(corpus), "--id", "id",
         "--text", "body", "--title", "headline", "--date", "day", "--outlet", "site"],
        capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert imported.returncode == 0, imported.stderr
    pages = pd.read_csv(PAGES / "metadata.csv", dtype=str, keep_default_na=False)
    pages = pages[pages["file"].str.endswith(".gz")]
    for name in pages["file"]:
        shutil.copy(PAGES / name, corpus / name)
    meta = pd.read_csv(corpus / "metadata.csv", dtype=str, keep_default_na=False)
    pd.concat([meta, pages], ignore_index=True).fillna("").to_csv(
        corpus / "metadata.csv", index=False, lineterminator="\n")
    out = tmp / "out"
    return run_collection(corpus, out, timeout=1200), out


def test_an_imported_table_and_web_pages_run_through_every_notebook(run):
    result, out = run
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == notebook_names()
    assert not notebooks_with_errors(out)


def test_the_documents_keep_their_format_and_metadata(run):
    _, out = run
    docs = pd.read_csv(out / "processed" / "documents.csv", dtype=str, keep_default_na=False)
    assert sorted(docs.loc[docs["format"] == "html", "doc_id"]) == [
        "aljazeera-2019-11-moon-shot", "panarmenian-2019-11-iran-unrest"]
    text = docs[docs["format"] == "text"]
    assert len(text) == len(ARTICLES)
    assert sorted(text["outlet"]) == ["Daily", "Daily", "Wire", "Wire"]
    sentences = pd.read_csv(out / "processed" / "sentences.csv", dtype=str,
                            keep_default_na=False)
    assert set(sentences["doc_id"]) == set(docs["doc_id"])  # every document has sentences
    motives = pd.read_csv(out / "processed" / "motives.csv", dtype=str, keep_default_na=False)
    assert set(motives["doc_id"]) <= set(docs["doc_id"])
