"""The fast VADER reads exactly NLTK's words and gives exactly NLTK's scores."""

from __future__ import annotations

import string

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.sentiment import vader

from newscorpus.base.lexicons import nltk_sentiment_analyzer, sentiment_analyzer
from newscorpus.base.vader_fast import FastSentiText, SentimentIntensityAnalyzer

from .conftest import ROOT

CONSTANTS = vader.VaderConstants()


def _nltk_words(text: str) -> list[str]:
    return vader.SentiText(text, CONSTANTS.PUNC_LIST,
                           CONSTANTS.REGEX_REMOVE_PUNCTUATION).words_and_emoticons


def _fast_words(text: str) -> list[str]:
    return FastSentiText(text, CONSTANTS.PUNC_LIST,
                         CONSTANTS.REGEX_REMOVE_PUNCTUATION).words_and_emoticons


def test_the_project_analyzer_is_the_fast_one():
    assert isinstance(sentiment_analyzer(), SentimentIntensityAnalyzer)


def test_words_and_scores_equal_nltk_on_every_rated_text():
    texts = []
    for path in sorted((ROOT / "validation" / "hutto2014").glob("*.tsv")):
        texts += pd.read_csv(path, sep="\t", quoting=3, keep_default_na=False)["text"].tolist()
    assert len(texts) > 20_000
    fast, slow = sentiment_analyzer(), nltk_sentiment_analyzer()
    for text in texts:
        assert _fast_words(text) == _nltk_words(text), text
        assert fast.polarity_scores(text) == slow.polarity_scores(text), text


TOKENS = st.sampled_from(["good", "bad", "not", "cat", "U.S.", "very", "but", "kind", "of",
                          "GREAT", ":)", ":-(", "<3", "a", "I", "don't", "it's"])
MARKS = st.sampled_from(["", *CONSTANTS.PUNC_LIST, *string.punctuation, "...", "''", "(", ")"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(MARKS, TOKENS, MARKS), max_size=12),
       st.lists(st.sampled_from([" ", "  ", "\n", "\t"]), min_size=12, max_size=12))
def test_words_and_scores_equal_nltk_on_generated_texts(parts, spaces):
    text = "".join(before + word + after + space
                   for (before, word, after), space in zip(parts, spaces, strict=False))
    assert _fast_words(text) == _nltk_words(text)
    expected = nltk_sentiment_analyzer().polarity_scores(text)
    assert sentiment_analyzer().polarity_scores(text) == expected
