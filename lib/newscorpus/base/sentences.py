"""Sentences: NLTK's Punkt splitter, built from the abbreviation list in this package.

Nothing is downloaded: the splitter is made from parameters, not from NLTK's trained data.

NLTK 3.10 runs every regular expression of Punkt through ``nltk.redos``: the third-party
``regex`` engine under a wall-clock timeout, a guard against hostile patterns that costs more
than the splitting itself. :func:`sentence_spans` runs NLTK's own Punkt code with NLTK's own
patterns compiled by the standard ``re`` module instead (constant patterns, linear on any input),
and remembers the decision Punkt takes about each candidate sentence end, which depends only on
the few characters around it. The two engines read ``\\s``, ``\\d`` and ``\\w`` alike on ASCII
and on almost every other character, but not on all (``\\x1c`` to ``\\x1f``, combining marks,
superscript digits, scripts newer than Python's Unicode tables): a text with any such character
is split by NLTK's splitter itself, so the spans are always exactly NLTK's.
"""

from __future__ import annotations

import functools
import re

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

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


def _parameters() -> PunktParameters:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return params


@functools.cache
def sentence_splitter() -> PunktSentenceTokenizer:
    """Return NLTK's Punkt sentence splitter set up with :func:`abbreviations`.

    The splitter is built from parameters, not loaded from NLTK's data, so it is the same on
    every machine and needs no download.
    """
    return PunktSentenceTokenizer(_parameters())


# --- the same splitter on the standard re module ----------------------------------------------

_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.UNICODE


def _std(pattern) -> re.Pattern[str]:
    """Compile one of NLTK's patterns (wrapped by ``nltk.redos``) with the standard ``re``."""
    compiled = getattr(pattern, "_rx", pattern)
    return re.compile(compiled.pattern, compiled.flags & _FLAGS)


class _Vars(PunktLanguageVars):
    """NLTK's English language variables, their patterns compiled with ``re``."""

    __slots__ = ()
    re_boundary_realignment = _std(PunktLanguageVars.re_boundary_realignment)

    def __init__(self) -> None:
        nltk_vars = PunktLanguageVars()
        self._re_word_tokenizer = _std(nltk_vars._word_tokenizer_re())
        self._re_period_context = _std(nltk_vars.period_context_re())


class _Token(PunktToken):
    """NLTK's Punkt token, its patterns compiled with ``re``."""

    __slots__ = ()
    _RE_ELLIPSIS = _std(PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = _std(PunktToken._RE_NUMERIC)
    _RE_INITIAL = _std(PunktToken._RE_INITIAL)
    _RE_ALPHA = _std(PunktToken._RE_ALPHA)


#: How many decisions about candidate sentence ends are remembered (then forgotten at once).
_MAX_DECISIONS = 200_000


class _Splitter(PunktSentenceTokenizer):
    """Punkt on ``re``, remembering its decision about each context of a candidate end.

    The decision (:meth:`text_contains_sentbreak`) depends only on the context string: the
    parameters are fixed and hold no collocations, sentence starters or orthographic counts.
    """

    def __init__(self) -> None:
        super().__init__(_parameters(), lang_vars=_Vars(), token_cls=_Token)
        self._decided: dict[str, bool] = {}

    def text_contains_sentbreak(self, text: str) -> bool:
        decided = self._decided.get(text)
        if decided is None:
            if len(self._decided) >= _MAX_DECISIONS:
                self._decided.clear()
            decided = self._decided[text] = super().text_contains_sentbreak(text)
        return decided


@functools.cache
def _fast_splitter() -> _Splitter:
    return _Splitter()


# The classes Punkt's patterns use (\S and \W are complements of two of them).
_CLASSES = (r"\s", r"\d", r"\w", r"[^\W\d]")
_ODD_ASCII = re.compile(r"[\x1c-\x1f]")  # \s to re, not to regex
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_AGREE: dict[str, bool] = {}


def _same_classes(char: str) -> bool:
    """Whether ``re`` and ``regex`` put ``char`` in the same classes."""
    import regex

    return all((re.match(c, char) is None) == (regex.match(c, char) is None) for c in _CLASSES)


def _engines_agree(text: str) -> bool:
    """Whether ``re`` and ``regex`` read every character of ``text`` alike."""
    if _ODD_ASCII.search(text):
        return False
    if text.isascii():
        return True
    for char in set(_NON_ASCII.findall(text)):
        agree = _AGREE.get(char)
        if agree is None:
            agree = _AGREE[char] = _same_classes(char)
        if not agree:
            return False
    return True


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
    splitter = _fast_splitter() if _engines_agree(text) else sentence_splitter()
    spans = []
    for start, end in splitter.span_tokenize(text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


@functools.lru_cache(maxsize=1024)
def sentence_count(text: str) -> int:
    """Return the number of sentences of ``text`` (see :func:`sentence_spans`), remembered:
    a text counted twice (its length in the corpus table, then before and after cleaning) is
    split once.

    Examples
    --------
    >>> sentence_count("Mr. Lavrov met Mr. Kerry on Sept. 9. They agreed.")
    2
    """
    return len(sentence_spans(text))


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` (see :func:`sentence_spans`).

    Examples
    --------
    >>> split_sentences("Mr. Lavrov met Mr. Kerry on Sept. 9. They agreed.")
    ['Mr. Lavrov met Mr. Kerry on Sept. 9.', 'They agreed.']
    """
    return [text[a:b] for a, b in sentence_spans(text)]
