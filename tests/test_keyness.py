"""Keyness: G2 and log ratio against arithmetic done by hand and an independent G-test.

Notation as in the module: a, b = a term's counts in target and reference; c, d = the sizes
of the two sides; E1 = c (a + b) / (c + d), E2 = d (a + b) / (c + d).
2-term G2 (Rayson & Garside 2000) = 2 (a ln(a / E1) + b ln(b / E2));
4-term G2 (Dunning 1993, the default) adds 2 ((c - a) ln((c - a) / (c - E1))
+ (d - b) ln((d - b) / (d - E2))); log ratio = log2((a / c) / (b / d)), a zero count -> 0.5.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import chi2_contingency, power_divergence

from newscorpus.base.errors import ParameterError
from newscorpus.clean.segment import token_table
from newscorpus.keywords.compare import (
    keyness,
    keyness_by_group,
    log_likelihood,
    log_ratio,
    top_keyness,
    verify_keyness,
)
from newscorpus.keywords.counts import frequencies

# (a, b, c, d, 4-term G2, 2-term G2, log ratio), each worked out by hand:
HAND = [
    # E1 = E2 = 1000 * 12 / 2000 = 6; 2-term: 2 (10 ln(10/6) + 2 ln(2/6))
    #    = 2 (5.108256 - 2.197225) = 5.822063
    # other words: 990 and 998 against 994 each: 2 (990 ln(990/994) + 998 ln(998/994))
    #    = 2 (-3.991941 + 4.008038) = 0.032194, so 4-term = 5.854257
    # log ratio = log2((10/1000) / (2/1000)) = log2(5) = 2.321928
    (10, 2, 1000, 1000, 5.854257, 5.822063, 2.321928),
    # E1 = E2 = 2; a = 0 adds nothing: 2-term = 2 (4 ln(4/2)) = 8 ln 2 = 5.545177
    # other words: 100 and 96 against 98: 2 (2.020271 - 1.979452) = 0.081638 -> 5.626816
    # log ratio = log2((0.5/100) / (4/100)) = log2(1/8) = -3
    (0, 4, 100, 100, 5.626816, 5.545177, -3.0),
    # E1 = 10 * 2 / 21 = 0.952381; 2-term = 2 (2 ln(2 / 0.952381)) = 4 ln 2.1 = 2.967749
    # other words: 8 against 9.047619, 11 against 9.952381:
    #    2 (-0.984481 + 1.100918) = 0.232874 -> 3.200624
    # log ratio = log2((2/10) / (0.5/11)) = log2(4.4) = 2.137504
    (2, 0, 10, 11, 3.200624, 2.967749, 2.137504),
    # Unequal sides: E1 = 5000 * 30 / 15000 = 10, E2 = 20;
    # 2-term = 2 (20 ln(20/10) + 10 ln(10/20)) = 2 (13.862944 - 6.931472) = 13.862944
    # other words: 4980 against 4990, 9990 against 9980: 2 (-9.989973 + 10.005008) -> 13.893014
    # log ratio = log2((20/5000) / (10/10000)) = log2(4) = 2
    (20, 10, 5000, 10000, 13.893014, 13.862944, 2.0),
    # Equal rates: every observed count equals its expectation, so G2 = 0, log ratio = 0
    (5, 10, 100, 200, 0.0, 0.0, 0.0),
]


@pytest.mark.parametrize("a,b,c,d,g4,g2,lr", HAND)
def test_g2_and_log_ratio_equal_the_hand_computation(a, b, c, d, g4, g2, lr):
    assert round(float(log_likelihood(a, b, c, d)), 6) == g4
    assert round(float(log_likelihood(a, b, c, d, form="2-term")), 6) == g2
    assert round(float(log_ratio(a, b, c, d)), 6) == lr


def table_of(a, b, c, d, term="x"):
    """A frequency table whose target and reference sides have totals c and d."""
    return pd.DataFrame({"side": ["t", "t", "r", "r"], "term": [term, "~rest", term, "~rest"],
                         "count": [a, c - a, b, d - b], "words": [c, c, d, d]})


@pytest.mark.parametrize("a,b,c,d,g4,g2,lr", HAND)
def test_keyness_reports_the_hand_computed_values_for_a_two_by_two_table(a, b, c, d, g4, g2, lr):
    row = keyness(table_of(a, b, c, d), "side", "t", min_count=1).set_index("term").loc["x"]
    assert (row["count_target"], row["count_reference"]) == (a, b)
    assert (row["total_target"], row["total_reference"]) == (c, d)
    assert round(row["g2"], 6) == g4 and round(row["log_ratio"], 6) == lr
    assert row["p_value"] == pytest.approx(math.erfc(math.sqrt(g4 / 2)))  # chi2(1) survival
    assert row["direction"] == ("target" if lr > 0 else "reference" if lr < 0 else "equal")
    rayson = keyness(table_of(a, b, c, d), "side", "t", min_count=1, g2_form="2-term")
    assert round(rayson.set_index("term").loc["x", "g2"], 6) == g2


def test_swapping_target_and_reference_keeps_g2_and_negates_log_ratio():
    freq = table_of(10, 2, 1000, 1000)
    one = keyness(freq, "side", "t", min_count=1).set_index("term")
    other = keyness(freq, "side", "r", min_count=1).set_index("term").loc[one.index]
    np.testing.assert_allclose(other["g2"], one["g2"])
    np.testing.assert_allclose(other["log_ratio"], -one["log_ratio"])
    assert other.loc["x", "direction"] == "reference" and one.loc["x", "direction"] == "target"
    assert other["count_target"].tolist() == one["count_reference"].tolist()


def test_a_term_missing_from_one_side_gets_a_finite_log_ratio():
    out = keyness(table_of(0, 7, 50, 60), "side", "t", min_count=1).set_index("term")
    assert out.loc["x", "count_target"] == 0
    assert np.isfinite(out.loc["x", "log_ratio"]) and out.loc["x", "log_ratio"] < 0
    assert out.loc["x", "g2"] > 0


SIDES = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=2, max_size=8)


@given(SIDES)
@settings(max_examples=150, deadline=None)
def test_g2_equals_scipys_g_test_of_the_full_contingency_table(pairs):
    terms = [f"t{i}" for i in range(len(pairs))]
    freq = pd.DataFrame({
        "side": ["t"] * len(pairs) + ["r"] * len(pairs), "term": terms * 2,
        "count": [a for a, _ in pairs] + [b for _, b in pairs], "words": 0})
    c, d = sum(a for a, _ in pairs), sum(b for _, b in pairs)
    if c == 0 or d == 0:
        return
    freq["words"] = np.where(freq["side"] == "t", c, d)
    out = keyness(freq, "side", "t", min_count=0)
    for row in out.itertuples():
        a, b = row.count_target, row.count_reference
        assert (row.total_target, row.total_reference) == (c, d)
        if a + b == c + d:  # the only term: the other row of the table is empty
            assert row.g2 == pytest.approx(0, abs=1e-9)
            continue
        g, p, _, _ = chi2_contingency([[a, b], [c - a, d - b]], lambda_="log-likelihood",
                                      correction=False)
        assert row.g2 == pytest.approx(g, rel=1e-9, abs=1e-9)
        assert row.p_value == pytest.approx(p, rel=1e-6, abs=1e-12)
        rate_t, rate_r = max(a, 0.5) / c, max(b, 0.5) / d
        assert row.log_ratio == pytest.approx(math.log2(rate_t / rate_r))
    assert out["g2"].round(9).is_monotonic_decreasing


@given(st.integers(0, 50), st.integers(0, 50), st.integers(0, 500), st.integers(0, 500))
@settings(max_examples=150, deadline=None)
def test_the_two_term_form_is_scipys_goodness_of_fit_of_the_term_row_and_never_larger(
        a, b, other_c, other_d):
    c, d = a + other_c + 1, b + other_d + 1  # each side has at least one other word
    if a + b == 0:
        return
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    g, _ = power_divergence([a, b], [e1, e2], lambda_="log-likelihood")
    two = float(log_likelihood(a, b, c, d, form="2-term"))
    assert two == pytest.approx(g, rel=1e-9, abs=1e-9)
    assert float(log_likelihood(a, b, c, d)) >= two - 1e-9


# --- on token tables ---------------------------------------------------------------------------

SENTENCES = pd.DataFrame({
    "doc_id": ["a", "a", "b", "c"], "sentence_id": [1, 2, 1, 1],
    "text": ["Russia wants a naval base in Syria.", "The base gives Russia access to the sea.",
             "Russia and the West talk about peace in Syria.",
             "Peace talks failed, and the West blamed Russia."]})
KINDS = pd.DataFrame({"doc_id": ["a", "b", "c"], "kind": ["article", "snippet", "snippet"]})


@pytest.fixture(scope="module")
def tokens():
    return token_table(SENTENCES, stem=False).merge(KINDS, on="doc_id")


def test_keyness_of_a_tiny_corpus_matches_a_hand_count(tokens):
    out = keyness(frequencies(tokens, by="kind"), "kind", "article", min_count=2)
    row = out.set_index("term").loc["base"]
    # article: 10 counted terms, base 2; snippet: 11 counted terms, base 0
    assert (row["count_target"], row["count_reference"]) == (2, 0)
    assert (row["total_target"], row["total_reference"]) == (10, 11)
    assert round(row["g2"], 6) == 3.200624  # see HAND
    assert row["per_10k_target"] == pytest.approx(2 / 15 * 10_000)  # 15 words, stop words in
    assert set(out["term"]) == {"base", "russia", "syria", "peace", "west"}  # a + b >= 2


def test_a_table_per_document_gives_the_same_keyness_as_one_per_group(tokens):
    per_doc = keyness(frequencies(tokens, by=("doc_id", "kind")), "kind", "article")
    per_kind = keyness(frequencies(tokens, by="kind"), "kind", "article")
    pd.testing.assert_frame_equal(per_doc, per_kind)


def test_totals_of_words_make_the_log_ratio_the_ratio_of_rates_per_10k(tokens):
    out = keyness(frequencies(tokens, by="kind"), "kind", "article", min_count=1,
                  totals="words")
    assert set(out["total_target"]) == {15} and set(out["total_reference"]) == {17}
    both = out[(out["count_target"] > 0) & (out["count_reference"] > 0)]
    np.testing.assert_allclose(both["log_ratio"],
                               np.log2(both["per_10k_target"] / both["per_10k_reference"]))


def test_keyness_output_is_sorted_by_g2_then_term(tokens):
    out = keyness(frequencies(tokens, by="doc_id"), "doc_id", "a", ["b"], min_count=1)
    keys = list(zip(-out["g2"], out["term"], strict=True))
    assert keys == sorted(keys)
    assert list(out.columns) == ["term", "count_target", "count_reference", "per_10k_target",
                                 "per_10k_reference", "total_target", "total_reference", "g2",
                                 "p_value", "log_ratio", "direction", "target", "reference"]
    assert set(out["target"]) == {"a"} and set(out["reference"]) == {"b"}


def test_a_reference_of_some_groups_leaves_the_others_out(tokens):
    out = keyness(frequencies(tokens, by="doc_id"), "doc_id", "a", "b", min_count=1)
    assert "blamed" not in set(out["term"])  # only in c
    assert set(out["total_reference"]) == {5}


@pytest.mark.parametrize("kwargs,message", [
    ({"group_column": "period", "target": "2015"}, "parameter 'group_column': the frequency "
     "table has no column 'period'"),
    ({"group_column": "kind", "target": "articles"}, "parameter 'target': 'articles' is not a "
     "value of column 'kind'. Fix: use one or more of 'article', 'snippet'"),
    ({"group_column": "kind", "target": "article", "reference": ["snippets"]},
     "parameter 'reference': 'snippets' is not a value"),
    ({"group_column": "kind", "target": "article", "reference": "article"},
     "parameter 'reference': the reference shares"),
    ({"group_column": "kind", "target": ["article", "snippet"]},
     "parameter 'reference': the reference side has no counted terms"),
    ({"group_column": "kind", "target": "article", "totals": "tokens"}, "parameter 'totals'"),
    ({"group_column": "kind", "target": "article", "min_count": -1}, "parameter 'min_count'"),
    ({"group_column": "kind", "target": "article", "g2_form": "dunning"},
     "parameter 'g2_form'"),
])
def test_bad_keyness_parameters_are_named_with_a_fix(tokens, kwargs, message):
    with pytest.raises(ParameterError) as info:
        keyness(frequencies(tokens, by="kind"), **kwargs)
    assert message in str(info.value) and "Fix:" in str(info.value)


# --- every group against the rest, and the independent check -------------------------------------

GROUPS = pd.DataFrame({"period": ["p1"] * 3 + ["p2"] * 3 + ["p3"] * 3,
                       "term": ["base", "talks", "war"] * 3,
                       "count": [10, 5, 5, 2, 10, 8, 3, 3, 14], "words": 40})


def test_each_group_is_compared_with_all_the_others_together():
    each = keyness_by_group(GROUPS, "period", k=1, min_count=1)
    assert each[["group", "term"]].values.tolist() == [["p1", "base"], ["p2", "talks"],
                                                      ["p3", "war"]]
    # p1 base: a = 10, b = 2 + 3 = 5, c = 20, d = 40 (counted terms of p2 and p3)
    first = each.iloc[0]
    assert (first["count_target"], first["count_reference"]) == (10, 5)
    assert (first["total_target"], first["total_reference"]) == (20, 40)
    assert first["log_ratio"] == pytest.approx(math.log2((10 / 20) / (5 / 40)))  # 2
    table = [[10, 10], [5, 35]]
    assert first["g2"] == pytest.approx(
        chi2_contingency(table, correction=False, lambda_="log-likelihood")[0])


def test_a_single_group_has_nothing_to_be_compared_with():
    alone = keyness_by_group(GROUPS[GROUPS["period"] == "p1"], "period")
    assert alone.empty and "g2" in alone.columns


@pytest.mark.parametrize("a,b,c,d,g4,g2,lr", HAND)
def test_verify_keyness_agrees_with_the_hand_computed_tables(a, b, c, d, g4, g2, lr):
    freq = pd.DataFrame({"side": ["t", "t", "r", "r"], "term": ["x", "other", "x", "other"],
                         "count": [a, c - a, b, d - b], "words": [c, c, d, d]})
    table = keyness(freq, "side", "t", min_count=0)
    row = table.set_index("term").loc["x"]
    assert row["g2"] == pytest.approx(g4, abs=1e-6)
    assert row["log_ratio"] == pytest.approx(lr, abs=1e-6)
    assert (verify_keyness(table)["max_abs_difference"] < 1e-9).all()


def test_verify_keyness_catches_a_wrong_value():
    table = keyness(GROUPS, "period", "p1", min_count=1)
    table.loc[0, "g2"] += 0.01
    check = verify_keyness(table).set_index("statistic")["max_abs_difference"]
    assert check["g2"] == pytest.approx(0.01) and check["log_ratio"] < 1e-12


def test_the_published_keyness_table_agrees_with_scipy_on_its_own_counts():
    """figures/02-keyness.csv, read as plain CSV: every G2, p and log ratio recomputed."""
    from .conftest import ROOT

    path = ROOT / "figures" / "02-keyness.csv"
    table = pd.read_csv(path, keep_default_na=False)
    required = {"term", "count_target", "count_reference", "total_target", "total_reference",
                "g2", "log_ratio", "p_value"}
    assert required <= set(table.columns), sorted(required - set(table.columns))
    assert len(table) > 0
    for row in table.itertuples(index=False):
        a, b, c, d = row.count_target, row.count_reference, row.total_target, row.total_reference
        g2, p, _, _ = chi2_contingency([[a, c - a], [b, d - b]], correction=False,
                                       lambda_="log-likelihood")
        assert row.g2 == pytest.approx(g2, rel=1e-9, abs=1e-9), row.term
        assert row.p_value == pytest.approx(p, rel=1e-6, abs=1e-12), row.term
        expected_lr = math.log2(((a or 0.5) / c) / ((b or 0.5) / d))
        assert row.log_ratio == pytest.approx(expected_lr, abs=1e-9), row.term
    # the rows of the bars, top to bottom: the target's side by G2, then the reference's
    # side from its least to its most key term
    over, under = table[table["log_ratio"] > 0], table[table["log_ratio"] < 0]
    assert len(over) + len(under) == len(table)
    assert (over["g2"].round(9).diff().dropna() <= 0).all()
    assert (under["g2"].round(9).diff().dropna() >= 0).all()
    assert table.index[table["log_ratio"] < 0].min() > table.index[table["log_ratio"] > 0].max()


def test_an_empty_target_means_the_first_group_and_the_sides_are_named():
    table = keyness(GROUPS, "period", "", min_count=1)
    assert table.equals(keyness(GROUPS, "period", "p1", min_count=1))
    assert table.attrs["target"] == "p1" and table.attrs["reference"] == "all the other groups"
    assert keyness(GROUPS, "period", ["p2"], ["p1", "p3"]).attrs["reference"] == "p1 + p3"


def test_a_single_group_gives_an_empty_table_that_says_why():
    alone = keyness(GROUPS[GROUPS["period"] == "p1"], "period", None)
    assert alone.empty and "g2" in alone.columns
    assert "column 'period' has only 'p1'" in alone.attrs["reason"]
    with pytest.raises(ParameterError, match="'p9' is not a value"):
        keyness(GROUPS[GROUPS["period"] == "p1"], "period", "p9")


def test_the_keyness_charts_table_holds_the_bars_drawn_not_the_vocabulary():
    """A figure's CSV must not grow with the corpus: 10,000 terms give 2 x k rows."""
    from newscorpus.keywords.charts import keyness_chart

    rng = np.random.default_rng(0)
    terms = [f"w{i}" for i in range(10_000)]
    freq = pd.DataFrame({"side": ["a"] * len(terms) + ["b"] * len(terms), "term": terms * 2,
                         "count": rng.integers(1, 60, 2 * len(terms))})
    freq["words"] = freq.groupby("side")["count"].transform("sum")
    table = keyness(freq, "side", "a", min_count=1)
    shown = top_keyness(table, k=12)
    assert len(shown) == 24
    assert (shown["log_ratio"].iloc[:12] > 0).all() and (shown["log_ratio"].iloc[12:] < 0).all()
    # the strongest of each side are kept: none left out has a larger G2 on its side
    left_out = table.drop(shown.index)
    for positive in (True, False):
        side = shown[(shown["log_ratio"] > 0) == positive]
        rest = left_out[(left_out["log_ratio"] > 0) == positive]
        assert side["g2"].min() >= rest["g2"].max()
    fig, ax = keyness_chart(table, k=12)
    assert len(ax.patches) == len(shown)
    import matplotlib.pyplot as plt
    plt.close(fig)
