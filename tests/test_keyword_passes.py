"""Notebook 02's one pass (count_and_write): the same counts and tables on both backends, and
the same as the whole-table functions of :mod:`newscorpus.keywords`.

The sentences and tokens come from notebook 01's pass (``clean_and_write``) on the seeds and on
a generated corpus, as CSV (local) and as Parquet parts (dask).
"""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus import keywords
from newscorpus.base.errors import NewsCorpusError
from newscorpus.base.outputs import read_table
from newscorpus.clean import clean_and_write, select_roles
from newscorpus.corpus import document_groups
from newscorpus.keywords import passes
from newscorpus.keywords.passes import count_and_write
from newscorpus.scale.aggregates import group_frequencies

from .conftest import PERIODS, ROOT, assert_same_results, load_quietly

dask = pytest.importorskip("dask")
pytest.importorskip("distributed")

ROLES = ["title", "standfirst", "subheading", "body"]
FOLLOW = ["base", "bases", "assad", "terror*", "influence", "truce", "ceasefire*"]
NODES = ["russia", "moscow", "putin", "assad", "base"]


def _count(folder, docs, groups, **options):
    shown = options.pop("shown", list(docs["doc_id"][:3]))
    return count_and_write(folder, docs, groups, by="period", roles=ROLES, column="stem",
                           ngrams=(1, 2), follow_terms=FOLLOW, nodes=NODES, window=5,
                           min_freq=2, shown=shown, top=8, **options)


@pytest.mark.parametrize("per_document", [True, False])
def test_both_backends_write_the_same_tables_and_keep_the_same_counts(written, client,
                                                                     per_document):
    docs, groups, folder = written
    local = _count(folder / "local", docs, groups, per_document=per_document)
    far = _count(folder / "dask", docs, groups, per_document=per_document, backend="dask",
                 scheduler=client.scheduler.address)
    assert_same_results(local, far)
    for name in passes.TABLES:
        assert (folder / "local" / f"{name}.csv").is_file()
        assert (folder / "dask" / name).is_dir()
        assert not (folder / "dask" / f"{name}.csv").exists()
        pd.testing.assert_frame_equal(read_table(folder / "local" / f"{name}.csv", made_by="02"),
                                      read_table(folder / "dask" / f"{name}.csv", made_by="02"),
                                      check_exact=True, obj=name)
    assert [p.name for p in (folder / "dask").iterdir() if p.name.startswith(".")] == []
    assert (len(local["hits"]) > 0) == per_document
    # Dask on the CSV tables (no Parquet folders): cut into slices of whole documents
    sliced = _count(folder / "local", docs, groups, per_document=per_document, backend="dask",
                    partition_mb=0.01, scheduler=client.scheduler.address)
    assert_same_results(local, sliced)


def test_counts_added_up_in_small_batches_give_the_same_tables(written, client, monkeypatch):
    docs, groups, folder = written
    whole = _count(folder / "dask", docs, groups, backend="dask",
                   scheduler=client.scheduler.address)
    monkeypatch.setattr(passes, "BATCH_ROWS", 1)  # every part added to the sum at once
    batched = _count(folder / "dask", docs, groups, backend="dask",
                     scheduler=client.scheduler.address)
    assert_same_results(whole, batched)


def test_the_pass_equals_the_whole_table_functions(written):
    docs, groups, folder = written
    shown = list(docs["doc_id"][:3])
    got = _count(folder / "local", docs, groups, per_document=True, shown=shown)
    sentences = select_roles(read_table(folder / "local" / "sentences.csv", made_by="01"),
                             ROLES)
    with_groups = docs.assign(period=docs["doc_id"].map(groups))
    tokens = keywords.select_tokens(read_table(folder / "local" / "tokens.csv", made_by="01"),
                                    sentences, documents=with_groups, attach="period")

    def same(a, b, name):
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True),
                                      check_exact=True, obj=name)

    same(got["frequencies"], keywords.label_terms(group_frequencies(
        tokens, "period", n=(1, 2), column="stem"), tokens, column="stem"), "frequencies")
    same(got["words"], keywords.frequencies(tokens, by="period", column="stem"), "words")
    weights = keywords.label_terms(keywords.tfidf(tokens, n=(1, 2), column="stem"), tokens,
                                   column="stem")
    same(got["tfidf"], weights[weights["doc_id"].isin(shown)], "tfidf")
    same(got["collocations"], keywords.collocations(tokens, NODES, window=5, min_freq=2),
         "collocations")
    found = keywords.kwic(sentences, FOLLOW, window=8)
    same(got["kwic"], found.groupby("term", sort=False).head(passes.KWIC_PREVIEW), "kwic")
    assert got["kwic_rows"] == len(found)
    order = with_groups.sort_values(["date_end", "date_start", "doc_id"])["doc_id"]
    present = [d for d in order if d in set(tokens["doc_id"])]
    hits = keywords.dispersion(tokens, FOLLOW, doc_order=present)
    same(got["hits"], hits, "hits")
    same(got["rates"], keywords.rates_by_group(hits, tokens, "period"), "rates")
    matches = keywords.theme_matches(sentences)
    flags = keywords.theme_sentences(sentences, matches=matches)
    same(got["theme_examples"], keywords.theme_examples(matches, sentences, k=2), "examples")
    same(got["theme_shares"], keywords.theme_shares(
        flags.merge(with_groups[["doc_id", "period"]], on="doc_id"), by="period"), "shares")
    same(got["keyphrases"], keywords.keyphrases(
        sentences[sentences["doc_id"].isin(shown)], top=8), "keyphrases")
    # counted by hand from the tokens: words and counted (not stop) words per group
    summary = got["summary"].set_index("period")
    assert summary["words"].to_dict() == tokens.groupby("period").size().to_dict()
    assert summary["counted"].to_dict() == (~tokens["stop"]).groupby(
        tokens["period"]).sum().to_dict()


def test_a_part_that_fails_on_a_worker_leaves_the_earlier_tables_whole(tmp_path, client):
    docs = load_quietly(ROOT / "corpus" / "raw")
    groups = document_groups(docs.set_index("doc_id"), "period", periods=PERIODS)
    clean_and_write(docs, tmp_path, backend="dask", scheduler=client.scheduler.address,
                    partition_mb=0.004)
    _count(tmp_path, docs, groups, backend="dask", scheduler=client.scheduler.address)
    before = {name: {p.name: p.read_bytes() for p in (tmp_path / name).iterdir()}
              for name in passes.TABLES}
    last = sorted((tmp_path / "tokens").glob("*.parquet"))[-1]
    pd.read_parquet(last).drop(columns=["lower"]).to_parquet(last, index=False)
    with pytest.raises(NewsCorpusError, match="lower"):
        _count(tmp_path, docs, groups, backend="dask", scheduler=client.scheduler.address)
    assert {name: {p.name: p.read_bytes() for p in (tmp_path / name).iterdir()}
            for name in passes.TABLES} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
