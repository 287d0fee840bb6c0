"""Motive shares per document or group, with intervals over units; the validation tables.

Counts worked out by hand on tiny tables; the snippet aggregate kept out of comparisons over
time unless asked; the gold-standard scores as the notebook reads them (aggregates only: no
sentence of the held-out part is printed).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from newscorpus import motives
from newscorpus.base.stats import cluster_bootstrap
from newscorpus.motives import charts

PERIODS = {"2015-16": ["2015", "2016"], "2017-18": ["2017", "2018"], "2019-24": ["2019", "2024"]}
UNITS = pd.DataFrame({
    "doc_id": ["a", "a", "b", "s", "s", "s"],
    "unit_id": ["a", "a", "b", "s#1", "s#2", "s#3"],
    "unit_kind": ["article", "article", "article", "snippet", "snippet", "snippet"],
    "unit_year": [2016.0, 2016.0, 2018.0, 2015.0, np.nan, 2020.0]})
GROUPS = pd.Series({"a": "2015-16", "b": "2017-18", "s": "2019-24"})


def flags(rows: list[tuple[bool, bool]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["x", "y"])


def test_snippets_are_left_out_of_periods_by_default_and_dated_by_their_year_if_asked():
    assert motives.unit_groups(UNITS, GROUPS, "period").tolist() == [
        "2015-16", "2015-16", "2017-18", None, None, None]
    dated = motives.unit_groups(UNITS, GROUPS, "period", periods=PERIODS,
                                aggregate_over_time=True)
    # never the aggregate's own period for all: 2015 -> 2015-16, no year -> out, 2020 -> 2019-24
    assert dated.tolist() == ["2015-16", "2015-16", "2017-18", "2015-16", None, "2019-24"]
    # grouped by a column that is not time, a snippet keeps its document's group
    assert motives.unit_groups(UNITS, GROUPS, "outlet").tolist()[3:] == ["2019-24"] * 3


def test_shares_count_sentences_and_label_groups_with_their_documents():
    table = motives.motive_shares(
        flags([(True, False), (False, False), (True, True), (False, True), (True, True),
               (False, False)]), UNITS, motives.unit_groups(UNITS, GROUPS, "period",
                                                            periods=PERIODS,
                                                            aggregate_over_time=True),
        order=list(PERIODS), labels=["x", "y"])
    first = table[table["label"] == "x"].set_index("group")
    # 2015-16: a's two sentences (x once) and snippet s#1 (no x): 1 of 3
    assert first.loc["2015-16", ["sentences", "matched", "documents", "snippets", "units"]
                     ].tolist() == [3, 1, 1, 1, 2]
    assert first.loc["2015-16", "share"] == pytest.approx(1 / 3)
    assert first["group_label"].tolist() == ["2015-16 (1 article, 1 snippet)",
                                             "2017-18 (1 article)", "2019-24 (1 snippet)"]
    assert first["ci_low"].isna().all()  # fewer than five units everywhere


def test_an_interval_resamples_units_not_sentences():
    units = pd.DataFrame({"doc_id": list("aabcdef"), "unit_id": list("aabcdef"),
                          "unit_kind": "article"})
    found = flags([(True, False), (True, False), (False, False), (True, False),
                   (False, False), (False, False), (True, False)])
    table = motives.motive_shares(found, units, pd.Series(["g"] * 7), labels=["x", "y"],
                                  n_boot=500, seed=3)
    row = table.iloc[0]
    # per unit: a 2 of 2, b 0/1, c 1/1, d 0/1, e 0/1, f 1/1 -> 4 of 7
    expected = cluster_bootstrap([2, 0, 1, 0, 0, 1], [2, 1, 1, 1, 1, 1], n_boot=500, seed=3)
    assert row["share"] == pytest.approx(4 / 7) and row["units"] == 6
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(expected)
    assert row["ci_low"] < row["share"] < row["ci_high"]


@pytest.mark.parametrize(("units", "expected"), [
    ([1, 3], "Every period holds fewer than 5 units"),
    ([1, 30], "1 of 2 groups hold fewer than 5 units (g0 (n))"),
    ([30, 30], "Every period holds at least 5 units"),
    ([2], "There is one period only"),
])
def test_the_comparison_note_is_written_from_the_table(units, expected):
    shares = pd.DataFrame({"group": [f"g{i}" for i in range(len(units))],
                           "group_label": [f"g{i} (n)" for i in range(len(units))],
                           "units": units})
    note = motives.comparison_note(shares, by="period")
    assert expected in note
    assert ("no comparison" in note) == (min(units) < 5 and len(units) > 1)


def test_documents_to_show_are_all_in_a_small_corpus_else_those_of_small_groups():
    shares = pd.DataFrame({"group": ["x", "y"], "units": [2, 40]})
    units = pd.DataFrame({"doc_id": ["a", "b", "c"]})
    groups = pd.Series(["x", "x", "y"])
    assert motives.documents_to_show(shares, units, groups, list("abc"), per_document=True,
                                     max_documents=2) == list("abc")
    assert motives.documents_to_show(shares, units, groups, list("abc"), per_document=False,
                                     max_documents=5) == ["a", "b"]
    assert motives.documents_to_show(shares, units, groups, list("abc"), per_document=False,
                                     max_documents=5, chosen=["c"]) == ["c"]
    big = shares.assign(units=[40, 40])
    assert len(motives.documents_to_show(big, units, groups, list("abc"), per_document=False,
                                         max_documents=5, k=2)) == 2


def test_label_counts_and_the_evidence_table_keep_raw_offsets():
    sentences = pd.DataFrame({"doc_id": "d", "sentence_id": [1, 2], "start": [0, 60],
                              "end": [58, 80], "role": "body", "unit_id": "d", "text": [
                                  "Russia wants to keep its naval base at Tartus.",
                                  "It rained."]})
    table = motives.motive_table(sentences)
    evidence = motives.evidence_table(sentences, table)
    assert evidence[["sentence_id", "start", "end", "motives", "cue"]].values.tolist() == [
        [1, 0, 58, "military_presence", "wants"]]
    assert evidence.columns[-1] == "text"
    counts = motives.label_counts(motives.motive_flags(sentences, table),
                                  sentences.assign(unit_kind="article"))
    assert counts.set_index("label").loc["military_presence"].tolist() == [1, 1, 0]
    assert counts["sentences"].sum() == 1


def test_the_codebook_table_lists_the_nine_labels():
    table = motives.codebook_table()
    assert table["label"].tolist() == list(motives.LABELS)
    assert (table["words"] > 0).all()


def test_the_validation_tables_match_the_gold_scores_and_the_coders_kappa():
    scored = motives.gold_scores("tests/gold/motives")
    agreement = motives.coder_agreement("tests/gold/motives")
    table = motives.validation_table(scored, agreement).set_index("label")
    assert list(table.index) == [*motives.LABELS, "micro", "any"]
    # the figures of tests/test_motives_gold.py, read the notebook's way
    assert table.loc["micro", "f1_development"] >= 0.78
    assert table.loc["micro", "support_heldout"] == 106
    assert table.loc["micro", "f1_heldout"] >= 0.365
    assert table.loc["micro", "support_retired_1"] == 40
    assert table.loc["micro", "support_retired_2"] == 93
    assert table.loc["micro", "support_retired_3"] == 68
    assert math.isnan(table.loc["micro", "kappa"])
    assert table.loc["any", "kappa"] == pytest.approx(
        agreement.set_index("label").loc["any", "kappa"])
    text = motives.describe_validation(table.reset_index())
    assert f"**F1 {table.loc['micro', 'f1_heldout']:.2f}**" in text


def test_the_charts_draw_a_small_and_an_empty_table():
    import matplotlib.pyplot as plt

    shares = motives.motive_shares(flags([(True, False)]), UNITS.iloc[:1], pd.Series(["a"]),
                                   labels=["x", "y"])
    for fig, _ in (charts.shares_chart(shares), charts.shares_chart(shares.iloc[:0]),
                   charts.validation_chart(pd.DataFrame())):
        plt.close(fig)
