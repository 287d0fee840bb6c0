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
import string

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

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``list(self.span_tokenize(text))``: NLTK's steps (``_match_potential_end_contexts``,
        ``_slices_from_text``, ``_realign_boundaries``) in two loops instead of generators."""
        slices: list[tuple[int, int]] = []
        last_break = prev_start = prev_stop = 0
        previous = None
        spaces = [c for c in _WHITESPACE if c in text]  # of string.whitespace
        for match in self._lang_vars._re_period_context.finditer(text):
            start = match.start()
            # _get_last_whitespace_index: the last of string.whitespace, 0 if none or first.
            space = max([text.rfind(c, prev_stop, start) for c in spaces], default=-1)
            word_start = space + 1 if space > prev_stop else prev_start
            if previous is not None and prev_stop <= word_start:
                last_break = self._decide(text, previous, prev_start, prev_stop, slices,
                                          last_break)
            previous, prev_start, prev_stop = match, word_start, start
        if previous is not None:
            last_break = self._decide(text, previous, prev_start, prev_stop, slices, last_break)
        slices.append((last_break, len(text.rstrip())))
        spans = []
        realign = 0
        for k, (start, stop) in enumerate(slices):
            start += realign
            if k + 1 == len(slices):
                if text[start:stop]:
                    spans.append((start, stop))
                continue
            next_start, next_stop = slices[k + 1]
            # As match(text[next_start:next_stop]): the pattern looks behind nothing.
            match = self._lang_vars.re_boundary_realignment.match(text, next_start, next_stop)
            if match:
                spans.append((start, next_start + len(match.group(0).rstrip())))
                realign = match.end() - next_start
            else:
                realign = 0
                if text[start:stop]:
                    spans.append((start, stop))
        return spans

    def _decide(self, text: str, match: re.Match[str], word_start: int, word_stop: int,
                slices: list[tuple[int, int]], last_break: int) -> int:
        """Add the sentence that ends at ``match`` if Punkt breaks there; the next one's start."""
        context = text[word_start:word_stop] + match.group() + match.group("after_tok")
        if not self.text_contains_sentbreak(context):
            return last_break
        slices.append((last_break, match.end()))
        return match.start("next_tok") if match.group("next_tok") else match.end()


_WHITESPACE = string.whitespace


@functools.cache
def _fast_splitter() -> _Splitter:
    return _Splitter()


# The classes Punkt's patterns use (\S and \W are complements of two of them).
_CLASSES = (r"\s", r"\d", r"\w", r"[^\W\d]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_AGREE: dict[str, bool] = {}


def _same_classes(char: str) -> bool:
    """Whether ``re`` and ``regex`` put ``char`` in the same classes."""
    import regex

    return all((re.match(c, char) is None) == (regex.match(c, char) is None) for c in _CLASSES)


def _engines_agree(text: str) -> bool:
    """Whether ``re`` and ``regex`` read every character of ``text`` alike."""
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
        return False  # \s to re, not to regex
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
    if _engines_agree(text):
        found = _fast_splitter().spans(text)
    else:
        found = sentence_splitter().span_tokenize(text)
    spans = []
    for start, end in found:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def sentence_count(text: str) -> int:
    """Return the number of sentences of ``text`` (see :func:`sentence_spans`), remembered:
    a text counted twice (its length in the corpus table, then before and after cleaning) is
    split once. The most recent texts are remembered, up to 16 million characters in all.

    Examples
    --------
    >>> sentence_count("Mr. Lavrov met Mr. Kerry on Sept. 9. They agreed.")
    2
    """
    count = _COUNTED.get(text)
    if count is None:
        count = len(sentence_spans(text))
        global _counted_chars
        if len(text) <= _MAX_COUNTED_CHARS:
            while _COUNTED and _counted_chars + len(text) > _MAX_COUNTED_CHARS:
                oldest = next(iter(_COUNTED))  # the first remembered
                del _COUNTED[oldest]
                _counted_chars -= len(oldest)
            _COUNTED[text] = count
            _counted_chars += len(text)
    return count


_COUNTED: dict[str, int] = {}
_counted_chars = 0
_MAX_COUNTED_CHARS = 16_000_000


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` (see :func:`sentence_spans`).

    Examples
    --------
    >>> split_sentences("Mr. Lavrov met Mr. Kerry on Sept. 9. They agreed.")
    ['Mr. Lavrov met Mr. Kerry on Sept. 9.', 'They agreed.']
    """
    return [text[a:b] for a, b in sentence_spans(text)]
