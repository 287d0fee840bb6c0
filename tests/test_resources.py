"""The linguistic resources: offline, pinned, and doing what the analysis expects of them."""

from __future__ import annotations

import math
import socket

import nltk
import pytest

from newscorpus.base.lexicons import sentiment_analyzer, vader_lexicon_path
from newscorpus.base.resources import describe as describe_resources
from newscorpus.base.sentences import (
    abbreviations,
    sentence_spans,
    sentence_splitter,
    split_sentences,
)
from newscorpus.base.words import english_words, is_word, stem, stemmer, stop_words, tokenize
from newscorpus.corpus.describe import document_lengths
from newscorpus.corpus.validate import load_corpus

from .conftest import RAW, NetworkBlocked

# Real sentences from news text, with the sentences a reader sees in them.
SENTENCE_CASES = [
    ("The U.S. reaction was quite harsh. Moscow replied.",
     ["The U.S. reaction was quite harsh.", "Moscow replied."]),
    ("From the onset of the CoH on Sept. 12, the Russian commanders were skeptical. "
     "The Kremlin was not.",
     ["From the onset of the CoH on Sept. 12, the Russian commanders were skeptical.",
      "The Kremlin was not."]),
    ("“We deem it possible,” said Lt. Gen. Sergei Rudskoi. He did not elaborate.",
     ["“We deem it possible,” said Lt. Gen. Sergei Rudskoi.", "He did not elaborate."]),
    ("“We've gotten used to living with sanctions,” says Mr. Sotnikov. Growth returned.",
     ["“We've gotten used to living with sanctions,” says Mr. Sotnikov.", "Growth returned."]),
    ("Is Moscow bombing its way out? It is hard to say!",
     ["Is Moscow bombing its way out?", "It is hard to say!"]),
]


@pytest.mark.parametrize(("text", "sentences"), SENTENCE_CASES)
def test_sentence_splitter_keeps_abbreviations_inside_sentences(text, sentences):
    assert split_sentences(text) == sentences


def test_sentence_spans_index_into_the_text_itself():
    text = "  Mr. Lavrov spoke.\n\nThe U.N. convoy was hit.  "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["Mr. Lavrov spoke.", "The U.N. convoy was hit."]


@pytest.mark.parametrize(("text", "tokens"), [
    ("Russia's U.S. policy", ["Russia's", "U.S", "policy"]),
    ("al-Assad's forces, 3,000 tons; 2.5%", ["al-Assad's", "forces", "3,000", "tons", "2.5"]),
    ("Kerry-Lavrov — “deconfliction”", ["Kerry-Lavrov", "deconfliction"]),
    ("Erdoğan and Hmeimim", ["Erdoğan", "and", "Hmeimim"]),
    ("", []),
])
def test_tokenize_keeps_inner_hyphens_apostrophes_and_number_separators(text, tokens):
    assert tokenize(text) == tokens


def test_stop_words_are_lower_case_and_take_additions():
    words = stop_words(extra=["  Syria ", ""])
    assert "syria" in words and "" not in words
    assert all(w == w.lower() for w in words)
    assert "russia" not in stop_words()


def test_vader_compound_matches_the_normalisation_formula_worked_by_hand():
    # vader_lexicon.txt gives "good" a mean valence of 1.9 and "horrible" -2.5; VADER's compound
    # is x / sqrt(x**2 + 15) with alpha = 15, rounded to 4 places.
    lexicon = {}
    for line in vader_lexicon_path().read_text(encoding="utf-8").splitlines():
        word, valence, *_ = line.split("\t")
        lexicon[word] = float(valence)
    analyzer = sentiment_analyzer()
    for word in ("good", "horrible"):
        x = lexicon[word]
        assert analyzer.polarity_scores(word)["compound"] == round(x / math.sqrt(x * x + 15), 4)


def test_describe_names_every_resource_with_its_package_version():
    rows = describe_resources()
    assert {r["resource"] for r in rows} == {
        "stop words", "VADER lexicon", "sentence splitter", "word tokenizer",
        "English word list", "stemmer"}
    assert all(any(ch.isdigit() for ch in r["package"]) for r in rows)


def test_the_network_guard_really_blocks_connections(no_network):
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 9))


def test_loading_and_analysis_work_with_the_network_blocked(no_network, monkeypatch):
    # No NLTK data folder either: every resource must come from pinned packages or the repo.
    monkeypatch.setattr(nltk.data, "path", [])
    sentiment_analyzer.cache_clear()
    sentence_splitter.cache_clear()
    abbreviations.cache_clear()
    try:
        docs = load_corpus(RAW)
        lengths = document_lengths(docs)
        assert (lengths[["words", "sentences"]] > 0).all().all()
        sentence = split_sentences(docs["text"].iloc[0])[2]
        scores = sentiment_analyzer().polarity_scores(sentence)
        assert set(scores) == {"neg", "neu", "pos", "compound"}
        assert stop_words() and describe_resources()
    finally:
        sentiment_analyzer.cache_clear()


def test_the_word_list_and_stemmer_work_offline(no_network):
    english_words.cache_clear()
    is_word.cache_clear()
    assert is_word("negotiations") and not is_word("thwdk")
    assert stemmer().stem("negotiations") == "negoti"


@pytest.mark.parametrize("token,expected", [
    ("Syria", True), ("launched", True), ("ed", False), ("t's", False), ("Russia's", True),
    ("don't", True), ("a", True), ("zxbun", False), ("I", True),
])
def test_is_word_table(token, expected):
    assert is_word(token) is expected


@pytest.mark.parametrize(("word", "expected"), [
    ("Russia's", "russia"), ("Russia’s", "russia"), ("rebels'", "rebel"), ("bases", "base"),
    ("U.S", "us"), ("US", "us"), ("U.N", "un"), ("F-16s", "f-16s"), ("1990s", "1990s"),
    ("'s", "'s"),
    ("negotiations", "negoti"),
])
def test_stem_drops_possessives_and_leaves_abbreviations_and_codes_whole(word, expected):
    assert stem(word) == expected
