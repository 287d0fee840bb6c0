"""Words in context: the term matcher, NLTK collocations counted by hand, KWIC, dispersion."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.base.errors import ParameterError
from newscorpus.clean.segment import token_table
from newscorpus.keywords.collocations import collocations
from newscorpus.keywords.concordance import dispersion, document_spans, kwic
from newscorpus.keywords.counts import frequencies


def sentences_of(*texts, doc_id="a"):
    return pd.DataFrame({"doc_id": doc_id, "sentence_id": range(1, len(texts) + 1),
                         "text": list(texts)})


def tokens_of(*texts):
    return token_table(sentences_of(*texts), stem=False)


# --- collocations ------------------------------------------------------------------------------

# window=3: each word pairs with the 2 words after it, within its sentence.
# s1: russia>keeps russia>naval keeps>naval keeps>bases naval>bases
# s2: russia>keeps russia>bases keeps>bases          (no bases>russia across the sentences)
TWO = ("Russia keeps naval bases.", "Russia keeps bases.")


def test_collocation_counts_match_a_hand_count_of_nltk_windows():
    out = collocations(tokens_of(*TWO), "russia", window=3, min_freq=1, attracted_only=False)
    assert list(out.columns) == ["node", "collocate", "side", "count", "likelihood_ratio", "pmi"]
    assert out[["collocate", "side", "count"]].values.tolist() == [
        ["keeps", "right", 2], ["naval", "right", 1], ["bases", "right", 1]]


def test_collocation_scores_follow_nltks_scaled_contingency_table():
    row = collocations(tokens_of(*TWO), "russia", window=3, min_freq=1,
                       attracted_only=False).iloc[0]
    # NLTK divides the pair count by window - 1: n_ii = 2 / 2 = 1; russia 2, keeps 2, N = 7
    assert row["pmi"] == pytest.approx(math.log2(1 * 7 / (2 * 2)))  # 0.807355
    # table [[1, 1], [1, 4]], expected [[4/7, 10/7], [10/7, 25/7]]
    cells = [(1, 4 / 7), (1, 10 / 7), (1, 10 / 7), (4, 25 / 7)]
    g2 = 2 * sum(o * math.log(o / e) for o, e in cells)  # 0.599166
    assert row["likelihood_ratio"] == pytest.approx(g2, abs=1e-9)


def test_a_window_of_two_counts_adjacent_words_only():
    out = collocations(tokens_of(*TWO), "russia", window=2, min_freq=1)
    assert out[["collocate", "count"]].values.tolist() == [["keeps", 2]]


def test_words_before_the_node_are_left_collocates():
    out = collocations(tokens_of("Bases near Russia matter."), "russia", window=3, min_freq=1)
    assert sorted(out[["collocate", "side", "count"]].values.tolist()) == [
        ["bases", "left", 1], ["matter", "right", 1], ["near", "left", 1]]


def test_stop_words_fill_the_window_but_are_not_reported():
    text = "Russia and the bases."
    wide = collocations(tokens_of(text), "russia", window=4, min_freq=1)
    assert wide[["collocate", "count"]].values.tolist() == [["bases", 1]]
    assert collocations(tokens_of(text), "russia", window=3, min_freq=1).empty
    kept = collocations(tokens_of(text), "russia", window=3, min_freq=1, drop_stop=False)
    assert sorted(kept["collocate"]) == ["and", "the"]


def test_node_forms_are_merged_before_counting():
    tokens = tokens_of(*TWO, "Moscow keeps bases.")
    out = collocations(tokens, {"Russia": ["russia", "moscow"]}, window=3, min_freq=1)
    assert set(out["node"]) == {"Russia"}
    assert out.set_index("collocate").loc["keeps", "count"] == 3


def test_min_freq_drops_rare_pairs():
    out = collocations(tokens_of(*TWO), "russia", window=3, min_freq=2)
    assert out["collocate"].tolist() == ["keeps"]


def test_two_nodes_each_get_their_rows_in_the_order_given():
    out = collocations(tokens_of(*TWO), ["bases", "russia"], window=3, min_freq=1,
                       attracted_only=False)
    assert out["node"].tolist()[:1] == ["bases"] and out["node"].tolist()[-1] == "russia"
    pair = out[(out["node"] == "bases") & (out["collocate"] == "russia")]
    assert pair[["side", "count"]].values.tolist() == [["left", 1]]


def test_a_possessive_of_a_node_counts_as_the_node():
    out = collocations(tokens_of("Russia's bases matter.", "Russia’s bases stay."), "russia",
                       window=2, min_freq=1, attracted_only=False)
    assert out[["collocate", "side", "count"]].values.tolist() == [["bases", "right", 2]]


def test_attracted_only_drops_exactly_the_pairs_seen_no_more_often_than_chance():
    every = collocations(tokens_of(*TWO), "russia", window=3, min_freq=1, attracted_only=False)
    kept = collocations(tokens_of(*TWO), "russia", window=3, min_freq=1)
    # russia-bases: pair 1 / (3 - 1) = 0.5, russia 2, bases 2, N 7: PMI log2(0.5 * 7 / 4) < 0
    assert every.loc[every["collocate"] == "bases", "pmi"].item() == pytest.approx(
        math.log2(0.5 * 7 / 4))
    assert kept.equals(every[every["pmi"] > 0].reset_index(drop=True))
    assert kept["collocate"].tolist() == ["keeps", "naval"]


SENTENCE_WORDS = st.lists(st.lists(st.sampled_from(["russia", "base", "war", "sea"]),
                                   min_size=1, max_size=8), min_size=1, max_size=5)


@given(SENTENCE_WORDS, st.integers(2, 5))
@settings(max_examples=60, deadline=None)
def test_collocation_counts_equal_a_brute_force_count_within_sentences(sentences, window):
    tokens = tokens_of(*[" ".join(s) + "." for s in sentences])
    out = collocations(tokens, "russia", window=window, min_freq=1, attracted_only=False)
    expected: dict[tuple[str, str], int] = {}
    for words in sentences:
        for i, first in enumerate(words):
            for second in words[i + 1:i + window]:
                if (first == "russia") != (second == "russia"):
                    key = ((second, "right") if first == "russia" else (first, "left"))
                    expected[key] = expected.get(key, 0) + 1
    got = {(r.collocate, r.side): r.count for r in out.itertuples()}
    assert got == expected


@pytest.mark.parametrize("kwargs,parameter", [
    ({"nodes": []}, "nodes"), ({"nodes": {"russia": []}}, "nodes"),
    ({"nodes": "russia", "window": 1}, "window"),
    ({"nodes": "russia", "min_freq": 0}, "min_freq"),
    ({"nodes": "russia", "measures": ["t_score"]}, "measures"),
    ({"nodes": "russia", "column": "lemma"}, "column"),
])
def test_bad_collocation_parameters_are_named(kwargs, parameter):
    with pytest.raises(ParameterError, match=f"^parameter '{parameter}'"):
        collocations(tokens_of(*TWO), **kwargs)


# --- KWIC --------------------------------------------------------------------------------------

TEXTS = ("Russia's naval base at Tartus, on the coast, matters to Moscow.",
         "Negotiations stalled; Russia negotiated with Turkey, and the Naval  Base stayed.")


def test_kwic_offsets_point_at_the_keyword_in_the_sentence():
    table = sentences_of(*TEXTS)
    out = kwic(table, ["naval base", "russia"])
    assert list(out.columns) == ["doc_id", "sentence_id", "term", "left", "keyword", "right",
                                 "start", "end"]
    assert out["keyword"].tolist() == ["Russia's", "naval base", "Russia", "Naval  Base"]
    for row in out.itertuples():
        assert TEXTS[row.sentence_id - 1][row.start:row.end] == row.keyword


def test_kwic_context_has_at_most_window_words_with_punctuation_kept():
    out = kwic(sentences_of(*TEXTS), "tartus", window=3)
    assert out[["left", "keyword", "right"]].values.tolist() == [
        ["naval base at", "Tartus", ", on the coast"]]
    assert kwic(sentences_of(*TEXTS), "tartus", window=0)["left"].tolist() == [""]


def test_kwic_can_match_stems():
    assert kwic(sentences_of(*TEXTS), "negotiations", compare="stems")["keyword"].tolist() == [
        "Negotiations", "negotiated"]
    assert kwic(sentences_of(*TEXTS), "NAVAL")["keyword"].tolist() == []  # capitals only
    assert kwic(sentences_of(*TEXTS), "Naval")["keyword"].tolist() == ["naval", "Naval"]


def test_kwic_finds_a_name_inside_a_hyphenated_word_with_its_context():
    out = kwic(sentences_of("Moscow backed Bashar al-Assad's government in Syria."), "assad",
               window=2)
    assert out[["left", "keyword", "right"]].values.tolist() == [
        ["backed Bashar al-", "Assad's", "government in"]]


def test_kwic_finds_as_many_words_as_the_frequency_table_counts():
    texts = TEXTS + ("Russia, Russia and again Russia's allies.",)
    tokens = tokens_of(*texts)
    freq = frequencies(tokens, by="doc_id", drop_stop=False, column="lower")
    counted = freq.loc[freq["term"].isin(["russia", "russia's"]), "count"].sum()
    assert len(kwic(sentences_of(*texts), "russia")) == counted == 5  # 1 + 1 + 3


def test_kwic_rows_follow_document_then_sentence_order():
    table = pd.concat([sentences_of("Peace in Syria.", doc_id="z"),
                       sentences_of("War in Syria.", "Syria again.", doc_id="b")])
    out = kwic(table.iloc[::-1], "syria")
    assert list(zip(out["doc_id"], out["sentence_id"], strict=True)) == [
        ("b", 1), ("b", 2), ("z", 1)]


@given(st.text(alphabet="abc Rs'’-., \n", max_size=60))
@settings(max_examples=100, deadline=None)
def test_every_kwic_keyword_is_the_text_at_its_offsets(text):
    out = kwic(sentences_of(text), ["a", "ab*", "b c"])
    for row in out.itertuples():
        assert text[row.start:row.end] == row.keyword


@pytest.mark.parametrize("kwargs,parameter", [
    ({"terms": "russia", "window": -1}, "window"),
    ({"terms": "russia", "compare": "as_is"}, "compare"),
    ({"terms": ["russia", ""]}, "terms"),
])
def test_bad_kwic_parameters_are_named(kwargs, parameter):
    with pytest.raises(ParameterError, match=f"^parameter '{parameter}'"):
        kwic(sentences_of(*TEXTS), **kwargs)


# --- dispersion --------------------------------------------------------------------------------

DOCS = pd.concat([
    sentences_of("Russia wants a base.", "The naval base stays.", doc_id="a"),  # 4 + 4 words
    sentences_of("Russia's naval base.", doc_id="b"),                          # 3 words
])


@pytest.fixture
def doc_tokens():
    return token_table(DOCS, stem=False)


def test_dispersion_offsets_run_across_documents_in_the_order_given(doc_tokens):
    out = dispersion(doc_tokens, ["russia", "naval base"], doc_order=["b", "a"])
    assert list(out.columns) == ["doc_id", "sentence_id", "term", "position", "offset"]
    assert out[["doc_id", "term", "position", "offset"]].values.tolist() == [
        ["b", "russia", 0, 0], ["b", "naval base", 1, 1],
        ["a", "russia", 0, 3], ["a", "naval base", 5, 8]]


def test_document_spans_mark_the_boundaries_of_the_dispersion_offsets(doc_tokens):
    spans = document_spans(doc_tokens, doc_order=["b", "a"])
    assert spans.values.tolist() == [["b", 0, 3, 3], ["a", 3, 11, 8]]
    default = document_spans(doc_tokens)
    assert default["doc_id"].tolist() == ["a", "b"]


def test_dispersion_leaves_out_documents_not_in_the_order(doc_tokens):
    out = dispersion(doc_tokens, "base", doc_order=["a"])
    assert out["offset"].tolist() == [3, 6]


def test_dispersion_on_the_term_column_compares_terms_as_written(doc_tokens):
    stems = token_table(DOCS)  # term = Porter stem
    assert dispersion(stems, "stay", column="term")["offset"].tolist() == [7]
    assert dispersion(stems, "stays", column="term").empty


@pytest.mark.parametrize("kwargs,message", [
    ({"doc_order": ["a", "x"]}, "parameter 'doc_order': 'x' is not a doc_id"),
    ({"doc_order": ["a", "a"]}, "parameter 'doc_order': a doc_id is listed twice"),
    ({"column": "lemma"}, "parameter 'column'"),
])
def test_bad_dispersion_parameters_are_named(doc_tokens, kwargs, message):
    with pytest.raises(ParameterError) as info:
        dispersion(doc_tokens, "base", **kwargs)
    assert str(info.value).startswith(message)
