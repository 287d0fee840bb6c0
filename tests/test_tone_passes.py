"""Notebook 03's one pass (score_and_write): the same scores and aggregates on both backends.

The sentences come from notebook 01's pass on the seeds and on a generated corpus (``written``
in conftest), as CSV (local) and as Parquet parts (dask). The aggregates kept equal what the
whole tables give: the summary per group, the tone around each actor, the mention counts.
"""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus.base.outputs import read_table
from newscorpus.clean import select_roles
from newscorpus.scale import aggregates
from newscorpus.sentiment import (
    actor_sentences,
    actor_tone_from_partials,
    co_mentions,
    document_tally,
    label,
    load_actors,
    mention_counts,
    mentions,
    score_and_write,
    score_sentences,
    summarize,
    summary_from_documents,
)

from .conftest import assert_same_results

pytest.importorskip("dask")
pytest.importorskip("distributed")

ROLES = ["title", "standfirst", "subheading", "body"]
ACTORS = load_actors()


def _score(folder, docs, groups, **options):
    options = {"shown": list(docs["doc_id"][:2]), **options}
    return score_and_write(folder, groups, by="period", roles=ROLES, method="vader",
                           other="pattern", actors=ACTORS, baseline="all", **options)


def _same(a: dict, b: dict) -> None:
    """The same results; the tallies per actor and document may come in another order (the
    parts' baseline rows first in each), so the tone drawn from them is compared."""
    a, b = ({**x, "actor_tone": actor_tone_from_partials(x["actor_tone"], order=ACTORS,
                                                         baseline="all", n_boot=200)}
            for x in (a, b))
    assert_same_results(a, b)


def test_both_backends_write_the_same_scores_and_keep_the_same_aggregates(written, client):
    docs, groups, folder = written
    local = _score(folder / "local", docs, groups)
    far = _score(folder / "dask", docs, groups, backend="dask",
                 scheduler=client.scheduler.address)
    _same(local, far)
    for name in ("sentiment", "actor_mentions"):
        assert (folder / "local" / f"{name}.csv").is_file()
        assert (folder / "dask" / name).is_dir() and not (folder / "dask" / f"{name}.csv").exists()
        pd.testing.assert_frame_equal(
            read_table(folder / "local" / f"{name}.csv", made_by="03"),
            read_table(folder / "dask" / f"{name}.csv", made_by="03"), check_exact=False,
            rtol=1e-9, obj=name)  # the CSV keeps ten significant digits, Parquet all
    assert [p.name for p in (folder / "dask").iterdir() if p.name.startswith(".")] == []
    small = _score(folder / "local", docs, groups, sample_units=7)
    far_small = _score(folder / "dask", docs, groups, sample_units=7, backend="dask",
                       scheduler=client.scheduler.address)
    _same(small, far_small)


def test_the_aggregates_are_those_of_the_whole_tables(written):
    docs, groups, folder = written
    got = _score(folder / "local", docs, groups)
    sentences = select_roles(read_table(folder / "local" / "sentences.csv", made_by="01"),
                             ROLES)
    sentences["period"] = sentences["doc_id"].map(groups).to_numpy()
    scored = score_sentences(sentences, "vader")
    assert got["rows"] == len(scored)
    whole = summarize(scored, "period", cluster="doc_id", n_boot=300, seed=4)
    parts = summary_from_documents(got["documents"], "period", n_boot=300, seed=4)
    pd.testing.assert_frame_equal(parts, whole, check_exact=False, rtol=1e-12)
    pd.testing.assert_frame_equal(parts[["n", "documents", "ci_low", "ci_high"]],
                                  whole[["n", "documents", "ci_low", "ci_high"]],
                                  check_exact=True)  # the same documents' sums resampled
    assert got["documents"]["n"].sum() == len(scored)
    tone = actor_tone_from_partials(got["actor_tone"], order=ACTORS, baseline="all",
                                    n_boot=300, seed=4)
    pd.testing.assert_frame_equal(tone, aggregates.actor_tone_summary(
        scored, ACTORS, order=ACTORS, baseline="all", n_boot=300, seed=4), check_exact=True)
    pairs = actor_sentences(mentions(scored, ACTORS))
    pd.testing.assert_frame_equal(got["mentions"], mention_counts(pairs, ACTORS))
    pd.testing.assert_frame_equal(got["co_mentions"], co_mentions(pairs, ACTORS))
    lowest = scored.nsmallest(3, "compound")["compound"].tolist()
    assert got["extremes"]["compound"].tolist()[:3] == lowest
    assert sorted(got["scored_shown"]["doc_id"].unique()) == sorted(docs["doc_id"][:2])
    # every unit kept (groups are smaller than the sample), in corpus order
    assert got["sample"]["compound"].tolist() == scored["compound"].tolist()
    labels = label(scored["compound"])
    assert got["documents"]["n_negative"].sum() == (labels == "negative").sum()


def test_the_sample_keeps_at_most_n_rows_a_group_the_same_for_a_seed(written):
    docs, groups, folder = written
    one = _score(folder / "local", docs, groups, sample_units=5, seed=1)["sample"]
    again = _score(folder / "local", docs, groups, sample_units=5, seed=1)["sample"]
    other = _score(folder / "local", docs, groups, sample_units=5, seed=2)["sample"]
    assert one.groupby("period").size().max() <= 5
    pd.testing.assert_frame_equal(one, again)
    assert not one.equals(other)
    every = _score(folder / "local", docs, groups)["sample"]
    merged = one.merge(every, on=["doc_id", "sentence_id"], suffixes=("", "_all"))
    assert len(merged) == len(one)  # a subset of the units, with their scores
    assert (merged["compound"] == merged["compound_all"]).all()


def test_a_document_table_tally_adds_up_as_counted_by_hand():
    scored = pd.DataFrame({"g": ["x", "x", "x", "y"], "doc_id": ["a", "b", "a", "c"],
                           "compound": [0.5, -0.25, 0.25, 0.0]})
    tallies = document_tally(scored, "g")
    assert tallies[["g", "doc_id", "n", "sum_compound", "n_negative", "n_positive"]
                   ].values.tolist() == [["x", "a", 2, 0.75, 0, 2], ["x", "b", 1, -0.25, 1, 0],
                                         ["y", "c", 1, 0.0, 0, 0]]
    summary = summary_from_documents(tallies, "g", n_boot=0)
    assert summary[["g", "n", "documents", "mean_compound"]].values.tolist() == [
        ["x", 3, 2, 0.5 / 3], ["y", 1, 1, 0.0]]
