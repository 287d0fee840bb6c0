"""Sentences: NLTK's Punkt splitter, built from the abbreviation list in this package.

Nothing is downloaded: the splitter is made from parameters, not from NLTK's trained data.
"""

from __future__ import annotations

import functools

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from newscorpus.base.paths import data_file


@functools.cache
def abbreviations() -> frozenset[str]:
    """Return the abbreviations after which a full stop does not end a sentence.

    Read from ``data/abbreviations_en.txt`` (one per line, lower case, without the final full
    stop; ``#`` starts a comment).

    Examples
    --------
    >>> {"u.s", "mr", "sept", "gen"} <= abbreviations()
    True
    """
    lines = data_file("abbreviations_en.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.split("#", 1)[0].strip().lower() for line in lines if line.split("#", 1)[0].strip()
    )


@functools.cache
def sentence_splitter() -> PunktSentenceTokenizer:
    """Return NLTK's Punkt sentence splitter set up with :func:`abbreviations`.

    The splitter is built from parameters, not loaded from NLTK's data, so it is the same on
    every machine and needs no download.
    """
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` character offsets of each sentence in ``text``.

    Offsets index into ``text`` itself, so every sentence can be traced back to its source.
    Spans start and end on non-space characters.

    Examples
    --------
    >>> text = "Lt. Gen. Sergei Rudskoi spoke. The U.S. Navy did not."
    >>> [text[a:b] for a, b in sentence_spans(text)]
    ['Lt. Gen. Sergei Rudskoi spoke.', 'The U.S. Navy did not.']
    """
    spans = []
    for start, end in sentence_splitter().span_tokenize(text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` (see :func:`sentence_spans`).

    Examples
    --------
    >>> split_sentences("Mr. Lavrov met Mr. Kerry on Sept. 9. They agreed.")
    ['Mr. Lavrov met Mr. Kerry on Sept. 9.', 'They agreed.']
    """
    return [text[a:b] for a, b in sentence_spans(text)]
