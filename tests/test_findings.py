"""The findings notebook's statements: read from tables, worked out by hand, escaped."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus.publish import answer, findings

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
    assert "p2" not in text  # the aggregate is never given one period
    assert "- (no period: snippets of many dates): 1 document(s) (c)" in text


def test_a_finding_is_markdown_in_the_notebook_and_the_same_text_when_printed():
    finding = findings.Finding("**x** = 1")
    assert finding._repr_markdown_() == repr(finding) == str(finding) == "**x** = 1"


def test_actor_contrasts_read_blank_intervals_from_csv_as_no_interval():
    # A one-document corpus: actor_tone.csv has no intervals, read back as empty strings.
    as_read = TONE.astype(str).replace("nan", "")
    out = findings.actor_contrasts(as_read)
    assert out["reading"].tolist() == ["like the rest", "more negative", "like the rest"]
    assert "Kurds: +0.20 (no interval, n = 3)" in str(findings.describe_actors(out, source="x"))


# --- the answer, from notebook 04's motive tables ---------------------------------------------

DOCS = pd.DataFrame({"doc_id": ["a1", "a2", "a3", "s"], "title": ["<b>One</b>", "Two", "", ""],
                     "outlet": ["Al-Monitor", "", "", ""], "published": ["2016-06-03", "", "", ""],
                     "kind": ["article", "article", "article", "snippet-aggregate"]})
COUNTS = pd.DataFrame({"label": ["regime_survival", "military_presence", "counterterrorism",
                                 "economic_interests"],
                       "sentences": [21, 4, 5, 0], "documents": [0, 2, 1, 0],
                       "snippets": [21, 1, 1, 0]})
VALIDATION = pd.DataFrame({"label": ["micro"], "precision_development": [0.981],
                           "recall_development": [0.718], "f1_development": [0.829],
                           "precision_heldout": [0.581], "recall_heldout": [0.45],
                           "f1_heldout": [0.507]})
EVIDENCE = pd.DataFrame({
    "doc_id": ["a1", "a1", "a1", "s"], "sentence_id": [6, 6, 9, 3], "start": [755, 755, 990, 40],
    "end": [981, 981, 1100, 90], "motives": ["military_presence;counterterrorism"] * 2
    + ["military_presence", "regime_survival"],
    "motive": ["military_presence", "counterterrorism", "military_presence", "regime_survival"],
    "actor": ["Moscow", "Moscow", "Russia", "Kremlin"], "cue": ["wants", "wants", "aims", "backs"],
    "text": ["Moscow wants [bases] and <script>x</script>.", "Moscow wants [bases] and x.",
             "Russia aims to stay.", "The Kremlin backs Assad."]})


def test_the_answer_names_the_most_attributed_motives_with_their_counts():
    text = str(answer.answer(COUNTS, VALIDATION, DOCS))
    # by sentences: regime_survival 21, counterterrorism 5, military_presence 4; none of 0
    assert text.index("regime\\_survival") < text.index("counterterrorism") < text.index(
        "military\\_presence")
    assert "economic" not in text
    assert "(21 sentences: 21 in snippets)" in text
    assert "(5 sentences: 4 in 1 of the 3 articles, 1 in snippets)" in text
    # the motive in most articles: military_presence, 2 of 3
    assert "stated in the most articles is **military\\_presence** (2 of 3)" in text
    assert "F1 0.51 (precision 0.58, recall 0.45; 0.83" in text


def test_the_answer_says_when_nothing_is_found():
    text = str(answer.answer(COUNTS.assign(sentences=0, documents=0, snippets=0), VALIDATION,
                             DOCS))
    assert text.startswith("No sentence of these texts attributes a motive")


def test_theses_quote_each_sentence_once_with_its_place_labels_and_cue_escaped():
    text = str(answer.theses(EVIDENCE, DOCS, ["a1", "a2", "s"], quotes=1))
    assert "**&lt;b&gt;One&lt;/b&gt;** (Al-Monitor, 2016-06-03; `a1`)" in text
    assert "**military\\_presence** (2 sentences), **counterterrorism** (1 sentence)" in text
    assert ("(`a1` sentence 6, characters 755-981; military\\_presence; counterterrorism; "
            "cue *wants* held by *Moscow*)") in text
    assert text.count("sentence 6,") == 1 and "sentence 9," not in text  # quotes=1
    assert "... and 1 more sentence" in text
    assert "<script>" not in text and "\\[bases\\]" in text
    assert "`a2`): no sentence attributes a motive" in text
    assert "a page of search snippets, not an article" in text


def test_the_limits_refuse_comparisons_the_design_cannot_support():
    groups = pd.DataFrame({"group": ["2015-16", "2017-18"], "units": [3, 1],
                           "group_label": ["2015-16 (3 articles)", "2017-18 (1 article)"]})
    text = str(answer.motive_limits(DOCS, VALIDATION, groups, by="period"))
    assert "**4 documents**: 3 articles, 1 snippet-aggregate" in text
    assert "2 of 2 groups hold fewer than 5 units" in text
    assert "held-out F1 0.51" in text and "vocabulary, not motives" in text
    big = groups.assign(units=[40, 50])
    assert "No change over time" not in str(answer.motive_limits(DOCS, VALIDATION, big,
                                                                 by="period"))


def test_an_earlier_figure_is_shown_with_its_stored_caption(tmp_path):
    import matplotlib.pyplot as plt

    from newscorpus.base.figures import save_figure

    fig, _ = plt.subplots()
    save_figure(fig, pd.DataFrame({"x": [1]}), "04-motive-shares", tmp_path, caption="Shares.")
    shown = answer.saved_figure(tmp_path, "04-motive-shares")
    assert shown.caption == "Shares." and 'alt="Shares."' in shown._repr_html_()
    assert "was not found" in str(answer.saved_figure(tmp_path, "04-nothing"))
