"""The Dask backend gives the same tables as the local one, on the seeds and a generated corpus.

One two-worker ``LocalCluster`` (processes, one thread each, no dashboard) serves the module.
The corpora are cut into small partitions so that documents spread over several of them.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from newscorpus.base.dask_backend import partition_bounds
from newscorpus.base.errors import ParameterError
from newscorpus.corpus import load_corpus
from newscorpus.corpus.synthetic import make_corpus
from newscorpus.keywords.compare import keyness
from newscorpus.keywords.counts import frequencies
from newscorpus.scale import aggregates, check_backend, check_partition_mb, dask_client
from newscorpus.scale.stages import attach, collect, corpus_tables, scores_step, to_dask
from newscorpus.sentiment.summary import tally

from .conftest import ROOT

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

SYNTHETIC_MB = 2.0


def _load(folder) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load_corpus(folder)


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    return _load(ROOT / "corpus" / "raw")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> pd.DataFrame:
    folder = make_corpus(tmp_path_factory.mktemp("dask") / "c", megabytes=SYNTHETIC_MB, seed=3,
                         project=ROOT)
    return _load(folder)


def _both(docs: pd.DataFrame, partition_mb: float, client) -> tuple[dict, dict, dict]:
    """Local tables, Dask tables (computed) and the lazy Dask tables, vader scores."""
    local = corpus_tables(docs, method="vader", workers=1)
    lazy = corpus_tables(docs, backend="dask", method="vader", partition_mb=partition_mb)
    assert lazy["sentences"].npartitions > 2
    return local, {k: collect(v) for k, v in lazy.items()}, lazy


@pytest.fixture(scope="module")
def seed_tables(seeds, client):
    return _both(seeds, 0.004, client)


@pytest.fixture(scope="module")
def synthetic_tables(synthetic, client):
    return _both(synthetic, 0.25, client)


CASES = ["seed_tables", "synthetic_tables"]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("table", ["sentences", "tokens", "scores", "motives", "flags"])
def test_the_per_document_tables_are_the_same_on_both_backends(case, table, request):
    local, dask_tables, _ = request.getfixturevalue(case)
    assert len(local[table]) > 0
    pd.testing.assert_frame_equal(collect(local[table]), dask_tables[table], check_exact=True)


@pytest.mark.parametrize("case", CASES)
def test_the_news_scorer_gives_the_same_scores_on_both_backends(case, request):
    local, dask_tables, _ = request.getfixturevalue(case)
    sentences = local["sentences"].head(400)  # the news scorer is the slow one
    expected = scores_step(sentences, method="news")
    lazy = dask.dataframe.from_pandas(sentences, npartitions=3, sort=False)
    got = lazy.map_partitions(scores_step, method="news",
                              meta=expected.iloc[:0]).compute()
    pd.testing.assert_frame_equal(expected, got, check_exact=True)


def _grouped(tables: dict, docs: pd.DataFrame, name: str):
    return attach(tables[name], docs[["doc_id", "outlet"]].astype({"outlet": "str"}))


@pytest.mark.parametrize("case,docs", [("seed_tables", "seeds"), ("synthetic_tables",
                                                                    "synthetic")])
def test_frequencies_and_keyness_are_the_same_on_both_backends(case, docs, request):
    local, _, lazy = request.getfixturevalue(case)
    docs = request.getfixturevalue(docs)
    for by, n in ((["doc_id"], (1, 1)), (["outlet"], (1, 2))):
        expected = frequencies(_grouped(local, docs, "tokens"), by=by, n=n)
        got = aggregates.group_frequencies(_grouped(lazy, docs, "tokens"), by, n=n)
        also = aggregates.group_frequencies(_grouped(local, docs, "tokens"), by, n=n)
        pd.testing.assert_frame_equal(expected, got, check_exact=True)
        pd.testing.assert_frame_equal(expected, also, check_exact=True)
    target = sorted(expected["outlet"].unique())[0]
    pd.testing.assert_frame_equal(keyness(expected, "outlet", target, min_count=2),
                                  keyness(got, "outlet", target, min_count=2), check_exact=True)


@pytest.mark.parametrize("case,docs", [("seed_tables", "seeds"), ("synthetic_tables",
                                                                    "synthetic")])
def test_document_frequencies_are_the_same_on_both_backends_and_count_documents(
        case, docs, request):
    local, _, lazy = request.getfixturevalue(case)
    docs = request.getfixturevalue(docs)
    expected = aggregates.document_frequencies(_grouped(local, docs, "tokens"), "outlet")
    got = aggregates.document_frequencies(_grouped(lazy, docs, "tokens"), "outlet")
    pd.testing.assert_frame_equal(expected, got, check_exact=True)
    # checked independently: the documents holding each term, counted from the token table
    tokens = _grouped(local, docs, "tokens")
    kept = tokens[~tokens["stop"]]
    by_hand = kept.groupby(["outlet", "term"])["doc_id"].nunique()
    merged = expected.set_index(["outlet", "term"])["documents"]
    assert merged.sort_index().equals(by_hand.sort_index().astype("int64"))


@pytest.mark.parametrize("case,docs", [("seed_tables", "seeds"), ("synthetic_tables",
                                                                    "synthetic")])
def test_tone_summaries_are_the_same_on_both_backends_and_match_the_tally(case, docs, request):
    local, _, lazy = request.getfixturevalue(case)
    docs = request.getfixturevalue(docs)
    for by in ("doc_id", "outlet"):
        expected = aggregates.tone_summary(_grouped(local, docs, "scores"), by)
        got = aggregates.tone_summary(_grouped(lazy, docs, "scores"), by)
        pd.testing.assert_frame_equal(expected, got, check_exact=True)
        counted = tally(_grouped(local, docs, "scores"), by)
        assert expected[by].tolist() == counted[by].tolist()
        assert expected["n"].tolist() == counted["n"].tolist()
        assert expected["n_positive"].tolist() == counted["n_positive"].tolist()
        pd.testing.assert_series_equal(expected["sum_compound"], counted["sum_compound"],
                                       check_exact=False, rtol=1e-9)


@pytest.mark.parametrize("case,docs", [("seed_tables", "seeds"), ("synthetic_tables",
                                                                    "synthetic")])
def test_motive_summaries_are_the_same_on_both_backends(case, docs, request):
    local, _, lazy = request.getfixturevalue(case)
    docs = request.getfixturevalue(docs)
    for by in ("doc_id", "outlet"):
        expected = aggregates.motive_summary(_grouped(local, docs, "flags"), by)
        got = aggregates.motive_summary(_grouped(lazy, docs, "flags"), by)
        pd.testing.assert_frame_equal(expected, got, check_exact=True)
    assert expected["sentences"].sum() == len(local["flags"])
    assert expected["any_motive"].sum() == (local["flags"]["motives"] != "").sum()


def test_documents_are_cut_into_partitions_without_splitting_one(synthetic):
    lazy = to_dask(synthetic, partition_mb=0.3)
    parts = [len(lazy.get_partition(i).compute()) for i in range(lazy.npartitions)]
    assert sum(parts) == len(synthetic) and lazy.npartitions > 3
    assert partition_bounds([10, 10, 10], 1e-5) == [(0, 1), (1, 2), (2, 3)]


@pytest.mark.parametrize("value", ["spark", "", None, 1])
def test_an_unknown_backend_is_refused_naming_the_parameter(value):
    with pytest.raises(ParameterError, match="parameter 'backend': expected one of 'local'"):
        check_backend(value)


@pytest.mark.parametrize("value", [0, -1, "16", True, float("nan"), float("inf")])
def test_a_partition_size_that_is_not_a_positive_number_is_refused(value):
    with pytest.raises(ParameterError, match="parameter 'partition_mb': expected a positive"):
        check_partition_mb(value)


def test_an_unreachable_scheduler_is_refused_with_a_fix():
    with pytest.raises(ParameterError, match=r"parameter 'scheduler': cannot connect .* Fix: "
                                             r"start the scheduler first"), \
            dask_client("tcp://127.0.0.1:9", timeout=1):
        pass


def test_a_scheduler_that_is_not_text_is_refused():
    with pytest.raises(ParameterError, match="parameter 'scheduler'"), dask_client(8786):
        pass


def test_clean_corpus_and_score_sentences_take_the_dask_backend_and_give_the_same_tables(
        seeds):
    from newscorpus.clean import clean_corpus
    from newscorpus.sentiment.scorers import score_sentences

    local = clean_corpus(seeds)
    on_dask = clean_corpus(seeds, backend="dask", workers=2, partition_mb=0.01)
    for name in ("texts", "removals", "sentences"):
        pd.testing.assert_frame_equal(local[name], on_dask[name], check_exact=True)
    sentences = local["sentences"]
    for unit in ("sentence", "paragraph"):
        expected = score_sentences(sentences, "vader", unit=unit)
        got = score_sentences(sentences, "vader", unit=unit, backend="dask", processes=2,
                              partition_mb=0.01)
        pd.testing.assert_frame_equal(expected, got, check_exact=True)


def test_one_pass_over_the_partitions_writes_the_tables_and_gives_the_same_aggregates(
        synthetic, synthetic_tables, client, tmp_path, monkeypatch):
    from newscorpus.scale import pipeline
    from newscorpus.scale.pipeline import TABLES, process_corpus

    monkeypatch.setattr(pipeline, "_BATCH_ROWS", 1)  # add partials up as they come, too

    local, _, _ = synthetic_tables
    docs = synthetic.astype({"outlet": "str"})
    got = process_corpus(to_dask(docs, 0.25), tmp_path, by="outlet", method="vader",
                         client=client)
    for name in TABLES:
        written = pd.read_parquet(tmp_path / name).reset_index(drop=True)
        assert list(written.columns) == list(local[name].columns)
        pd.testing.assert_frame_equal(written, collect(local[name]), check_dtype=False,
                                      check_exact=True)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    on = {name: _grouped(local, synthetic, name) for name in ("tokens", "scores", "flags")}
    expected = {"frequencies": frequencies(on["tokens"], by=["outlet"]),
                "document_frequencies": aggregates.document_frequencies(on["tokens"], "outlet"),
                "tone": aggregates.tone_summary(on["scores"], "outlet"),
                "motives": aggregates.motive_summary(on["flags"], "outlet")}
    for name, table in expected.items():
        pd.testing.assert_frame_equal(table, got[name], check_exact=True, obj=name)


@pytest.mark.parametrize("by", [None, "outlet"])
def test_the_tone_around_each_actor_is_the_same_on_both_backends_and_matches_actor_tone(
        seed_tables, seeds, client, by):
    from newscorpus.sentiment import actor_tables, load_actors

    local, _, lazy = seed_tables
    dictionary = load_actors(None)
    options = dict(order=dictionary, baseline="all sentences", n_boot=500, seed=3,
                   by=by)
    expected = aggregates.actor_tone_summary(_grouped(local, seeds, "scores"), dictionary,
                                             **options)
    got = aggregates.actor_tone_summary(_grouped(lazy, seeds, "scores"), dictionary, **options)
    pd.testing.assert_frame_equal(expected, got, check_exact=True)
    # a pandas table sent to the cluster in partitions of whole documents
    sent = aggregates.actor_tone_summary(_grouped(local, seeds, "scores"), dictionary,
                                         backend="dask", scheduler=client.scheduler.address,
                                         partition_mb=0.004, **options)
    pd.testing.assert_frame_equal(expected, sent, check_exact=True)
    assert expected["actor"].iloc[0] == "all sentences" and len(expected) > 5
    # the same numbers as actor_tone, which pools the sentences themselves
    scored = _grouped(local, seeds, "scores")
    pairs = actor_tables.actor_sentences(actor_tables.mentions(scored, dictionary))
    pooled = actor_tables.actor_tone(scored, pairs, by, cluster="doc_id", **{
        k: v for k, v in options.items() if k != "by"})
    pd.testing.assert_frame_equal(expected, pooled, check_exact=False, rtol=1e-12, atol=0)


@pytest.mark.parametrize("value", ["yes", "true", 1, None])
def test_a_dashboard_that_is_not_true_or_false_is_refused_naming_the_parameter(value):
    from newscorpus.base.dask_backend import check_dashboard
    from newscorpus.parameters import check_parameters

    with pytest.raises(ParameterError, match=r"parameter 'dashboard': expected true or false.*"
                                             r"Fix: write dashboard: true"):
        check_dashboard(value)
    with pytest.raises(ParameterError, match=r"parameter 'dashboard': expected true or false"):
        check_parameters({"dashboard": value})
    with pytest.raises(ParameterError, match="parameter 'dashboard'"), \
            dask_client(dashboard=value):
        pass


def test_without_bokeh_a_dashboard_is_refused_with_the_command_that_installs_it(monkeypatch):
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ParameterError, match=r"parameter 'dashboard': Dask's dashboard needs "
                                             r"the bokeh package.*pip install 'bokeh>=3\.1'"), \
            dask_client(workers=1, dashboard=True):
        pass


def test_the_dashboard_of_a_local_cluster_listens_on_loopback_and_its_link_is_logged(caplog):
    import logging
    import urllib.request
    from urllib.parse import urlsplit

    from newscorpus.base import dask_backend

    with caplog.at_level(logging.INFO, logger="newscorpus.base.dask_backend"), \
            dask_client(workers=1, dashboard=True) as client:
        link = client.dashboard_link
        sockets = client.cluster.scheduler.http_server._sockets.values()
        assert {s.getsockname()[0] for s in sockets} == {"127.0.0.1"}
        with urllib.request.urlopen(link, timeout=30) as page:  # bokeh (locked) draws it
            assert page.status == 200 and b"Dask" in page.read()
    assert urlsplit(link).hostname == "127.0.0.1"
    assert dask_backend.DASHBOARD_LINKS[-1] == link
    assert [r.getMessage() for r in caplog.records
            if r.name == "newscorpus.base.dask_backend"] == [f"Dask dashboard: {link}"]
    assert all(r.levelno == logging.INFO for r in caplog.records if link in r.getMessage())


def test_the_notebooks_costly_steps_give_the_same_tables_sent_to_the_cluster(seed_tables,
                                                                             seeds, client):
    """What notebooks 00, 02 and 04 run with backend: dask: lengths per document, frequencies
    per group from partial counts, motive labels per sentence."""
    from newscorpus.corpus import document_lengths
    from newscorpus.motives.tables import motive_table
    from newscorpus.scale.stages import map_step, motives_step

    local, _, _ = seed_tables
    on = dict(backend="dask", scheduler=client.scheduler.address, partition_mb=0.004)
    pd.testing.assert_frame_equal(document_lengths(seeds), document_lengths(seeds, **on),
                                  check_exact=True)
    tokens = _grouped(local, seeds, "tokens")
    for by, n in (("outlet", (1, 2)), ("doc_id", (1, 1))):
        pd.testing.assert_frame_equal(frequencies(tokens, by=by, n=n),
                                      aggregates.group_frequencies(tokens, by, n=n, **on),
                                      check_exact=True)
    sentences = local["sentences"]
    expected = motive_table(sentences)
    assert len(expected) > 10
    pd.testing.assert_frame_equal(expected, map_step(motives_step, sentences), check_exact=True)
    pd.testing.assert_frame_equal(expected, map_step(motives_step, sentences, **on),
                                  check_exact=True)


def test_an_actor_tone_baseline_named_like_an_actor_is_refused():
    scored = pd.DataFrame({"doc_id": ["a"], "sentence_id": [1], "text": ["Moscow won."],
                           "compound": [0.5]})
    with pytest.raises(ParameterError, match=r"parameter 'baseline': 'Russia' is also an "
                                             r"actor's label\. Fix: give the row"):
        aggregates.actor_tone_summary(scored, baseline="Russia")


def test_a_local_cluster_is_kept_for_the_next_call_and_replaced_when_the_workers_change():
    from distributed import default_client

    from newscorpus.base import dask_backend

    try:
        with dask_client(workers=1) as first:
            assert default_client() is first  # the default client inside the block
            assert len(first.scheduler_info()["workers"]) == 1
        try:
            after = default_client()  # the module's fixture's, if it is running
        except ValueError:
            after = None
        assert after is not first  # the kept cluster's client is the default only inside
        with dask_client(workers=1) as again:
            assert again is first and again.status == "running"
        with dask_client(workers=2) as other:
            assert other is not first and first.status == "closed"
            assert len(other.scheduler_info()["workers"]) == 2
    finally:
        dask_backend.close_local_cluster()
    assert other.status == "closed" and dask_backend._KEPT == {}
