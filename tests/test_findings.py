"""The findings notebook's statements: read from tables, worked out by hand, escaped."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus.publish import findings

SHARES = pd.DataFrame({
    "period": ["early", "early", "late", "late"], "theme": ["bases", "talks"] * 2,
    "sentences": [100, 100, 200, 200], "matched": [10, 40, 60, 20]})
SHARES["share"] = SHARES["matched"] / SHARES["sentences"]
SHARES["ci_low"], SHARES["ci_high"] = zip(*[
    (0.055, 0.174), (0.309, 0.498), (0.239, 0.369), (0.066, 0.149)], strict=True)


def test_overall_shares_sum_the_counts_of_the_groups():
    overall = findings.overall_motives(SHARES, {"bases": "Bases"})
    # bases: (10 + 60) / 300 = 0.2333; talks: (40 + 20) / 300 = 0.2
    assert overall[["theme", "label"]].values.tolist() == [["bases", "Bases"], ["talks", "talks"]]
    assert overall["share"].tolist() == pytest.approx([70 / 300, 60 / 300])
    assert (overall["ci_low"] < overall["share"]).all()


def test_shifts_compare_the_first_and_last_group_and_flag_clear_changes():
    shifts = findings.motive_shifts(SHARES)
    assert shifts["change"].tolist() == pytest.approx([0.3 - 0.1, 0.1 - 0.4])
    # bases: [0.055, 0.174] vs [0.239, 0.369] do not overlap; talks: [0.309, 0.498] vs
    # [0.066, 0.149] do not either
    assert shifts["clear"].tolist() == [True, True]
    overlapping = SHARES.assign(ci_high=[0.30, 0.498, 0.369, 0.149])  # bases now overlap
    assert findings.motive_shifts(overlapping)["clear"].tolist() == [False, True]
    assert findings.motive_shifts(SHARES[SHARES["period"] == "early"]).empty


def test_the_motive_statement_names_its_source_and_escapes_labels():
    labels = {"bases": "<b>Bases</b> *and* ports"}
    text = str(findings.describe_motives(findings.overall_motives(SHARES, labels),
                                         findings.motive_shifts(SHARES, labels=labels),
                                         source="figure 02-x"))
    assert "(figure 02-x)" in text and "<b>" not in text
    assert "&lt;b&gt;Bases&lt;/b&gt; \\*and\\* ports" in text
    assert "23% of sentences" in text and "From **early** (100 sentences) to **late**" in text
    assert text.index("talks: 40% to 10%") < text.index("ports: 10% to 30%")  # fall first


TONE = pd.DataFrame({"actor": ["all sentences", "Russia", "Israel", "Kurds"],
                     "n": [100, 80, 12, 3], "mean_compound": [-0.1, -0.09, -0.4, 0.2],
                     "ci_low": [-0.15, -0.15, -0.6, float("nan")],
                     "ci_high": [-0.05, -0.02, -0.2, float("nan")]})


def test_actor_contrasts_read_the_interval_against_the_baseline_mean():
    out = findings.actor_contrasts(TONE)
    assert out["actor"].tolist() == ["Russia", "Israel", "Kurds"]
    assert out["difference"].tolist() == pytest.approx([0.01, -0.3, 0.3])
    assert out["reading"].tolist() == ["like the rest", "more negative", "like the rest"]
    text = str(findings.describe_actors(out, source="figure 03-y"))
    assert "Kurds: +0.20 (no interval, n = 3), like the rest (too few units to say)" in text
    assert "Israel: -0.40 (95% interval -0.60 to -0.20, n = 12), more negative" in text


def test_validation_says_whether_the_published_figure_is_inside_the_interval():
    comparison = pd.DataFrame({"label": ["nyt · vader", "nyt · textblob", "x · vader"],
                               "metric": "pearson_r", "measured": [0.489, 0.30, 0.5],
                               "ci_low": [0.46, 0.27, 0.45], "ci_high": [0.518, 0.34, 0.55],
                               "published": [0.492, "", 0.6]})
    text = str(findings.describe_validation(comparison, source="figure 03-validation"))
    assert "published 0.492, inside the interval" in text
    assert "published 0.600, outside the interval" in text
    assert "textblob: r = 0.300 (95% interval 0.270 to 0.340)" in text


def test_keyness_lists_each_side_with_raw_counts():
    key = pd.DataFrame({"term": ["truce", "want", "war"], "label": ["truce", "want", "war"],
                        "count_target": [10, 1, 5], "count_reference": [0, 41, 43],
                        "g2": [23.7, 23.0, 11.2], "direction": ["target", "reference",
                                                                "reference"]})
    text = str(findings.describe_keyness(key, target="2015-16", reference="the rest",
                                         source="figure 02-keyness", k=1))
    assert "*truce* (10:0)" in text and "*want* (1:41)" in text and "war" not in text
    empty = findings.describe_keyness(key.iloc[:0], target="", reference="", source="f")
    assert "No keyness" in str(empty)


def test_corpus_limits_count_the_documents_behind_each_group():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "period": ["p1", "p1", "p2"],
                         "kind": ["article", "article", "snippet-aggregate"]})
    text = str(findings.corpus_limits(docs))
    assert "3 document(s)" in text and "- p1: 2 document(s) (a, b)" in text
    assert "c is not one text" in text


def test_a_finding_is_markdown_in_the_notebook_and_the_same_text_when_printed():
    finding = findings.Finding("**x** = 1")
    assert finding._repr_markdown_() == repr(finding) == str(finding) == "**x** = 1"


def test_actor_contrasts_read_blank_intervals_from_csv_as_no_interval():
    # A one-document corpus: actor_tone.csv has no intervals, read back as empty strings.
    as_read = TONE.astype(str).replace("nan", "")
    out = findings.actor_contrasts(as_read)
    assert out["reading"].tolist() == ["like the rest", "more negative", "like the rest"]
    assert "Kurds: +0.20 (no interval, n = 3)" in str(findings.describe_actors(out, source="x"))
