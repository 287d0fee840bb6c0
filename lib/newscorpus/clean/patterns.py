"""What the cleaning rules share: the Rule record, phrase lists, and patterns of bylines,
dates and furniture.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from itertools import repeat
from operator import itemgetter
from typing import TypeVar

from newscorpus.clean.textview import TextView

Span = tuple[int, int]
T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    """A named, documented, separately switchable cleaning rule.

    ``family`` groups rules for reporting (the families of the gold standard in
    ``tests/gold``); ``find`` is ``None`` for rules applied elsewhere (the Unicode
    normalisation, and the sentence rules of :mod:`newscorpus.clean.segment`).
    """

    name: str
    family: str
    description: str
    find: Callable[[TextView], list[Span]] | None = None


def _phrases(name: str) -> frozenset[str]:
    text = (resources.files("newscorpus") / "data" / name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line)


@functools.cache
def photo_agencies() -> frozenset[str]:
    """Agency and photo-service names from ``data/photo_agencies_en.txt`` (lower case)."""
    return _phrases("photo_agencies_en.txt")


@functools.cache
def page_furniture() -> frozenset[str]:
    """Button and navigation phrases from ``data/page_furniture_en.txt`` (lower case)."""
    return _phrases("page_furniture_en.txt")


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")


_DATE = (rf"(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? "
         rf"\d{{4}}|{_MONTH} \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})")


#: A byline: ``By Jane Doe and John Roe``.
BYLINE = re.compile(r"^(?:by|written by|words by|reporting by)\s+[A-Z][\w.'-]+", re.IGNORECASE)


#: A line that is only a date, perhaps with a time and "Published"/"Updated" before it.
DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|last updated|first published)(?: on)?:?\s*)?"
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?{_DATE}"
    rf"(?:,? (?:at )?\d{{1,2}}[:.]\d{{2}}(?:\s?[ap]\.?m\.?)?(?: [A-Z]{{2,4}})?)?\.?$",
    re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> int:
    """Number of words, counted as space-separated pieces (cheap; used for length limits, by
    several rules on each line: remembered)."""
    return len(text.split())


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class _Words:
    """A cheap first test for patterns that need one of some words: whether ``text`` holds one
    of ``words`` (lower case), in any case, as ``re.IGNORECASE`` compares them.

    Examples
    --------
    >>> words = _Words("newsletter", "sign")
    >>> words.search("Our NEWSLETTER"), words.search("ſign up"), words.search("Russia")
    (True, True, False)
    """

    def __init__(self, *words: str) -> None:
        self.words = words
        self._any_case = re.compile("|".join(map(re.escape, words)), re.IGNORECASE)

    def search(self, text: str) -> bool:
        lower = _lower(text)
        if lower is None:
            return bool(self._any_case.search(text))
        return any(map(lower.__contains__, self.words))


#: The characters besides A-Z that re.IGNORECASE matches to an ASCII letter (a test checks it).
_FOLDED = re.compile("[\u0130\u0131\u017f\u212a]")


@functools.lru_cache(maxsize=4096)
def _lower(text: str) -> str | None:
    """``text.lower()``, or None if ``text`` has one of the characters of ``_FOLDED``
    (remembered: several rules test each line)."""
    return None if _FOLDED.search(text) else text.lower()


def _is_furniture(text: str) -> bool:
    """Whether ``text`` is only a button or navigation label (see :func:`page_furniture`)."""
    # What re.sub(r"^[\W_]+|[\s.:!|>»›→·•]+$", "", text.strip()) leaves, found faster.
    core = text.strip()
    lead = _LEAD.match(core)
    core = core[lead.end():] if lead else core
    while (shorter := core.rstrip().rstrip(".:!|>»›→·•")) != core:
        core = shorter
    core = core.lower()
    return bool(core) and (core in page_furniture() or bool(_COUNTED_FURNITURE.fullmatch(core)))


_LEAD = re.compile(r"[\W_]+")


_COUNTED_FURNITURE = re.compile(
    r"\d+\s*(?:min(?:ute)?s?|sec)\.? (?:read|listen|watch)"
    r"|(?:read|view|show) (?:all )?\d+ comments?|\d+ comments?"
    r"|(?:updated|published|posted) \d+ (?:minutes?|hours?|days?) ago"
    r"|page \d+(?: of \d+)?|(?:list |item |slide |image )?\d+ of \d+|skip to [\w ]{1,40}"
    r"|\d{1,2}:\d{2}(?::\d{2})?|comments? \(\d+\)", re.IGNORECASE)


def _is_prose(text: str, min_words: int = 12) -> bool:
    """Whether a line reads as a sentence of prose: long enough, ending as sentences do."""
    return _words(text) >= min_words and text.rstrip()[-1:] in ".!?\"'”"


class _Memo(dict):
    """A dict that computes the value of a missing key with ``function`` and remembers it,
    forgetting everything when it holds ``limit`` keys (for answers about single words).

    Examples
    --------
    >>> lengths = _Memo(len)
    >>> list(map(lengths.__getitem__, ["Assad", "Putin", "Assad"])), len(lengths)
    ([5, 5, 5], 2)
    """

    def __init__(self, function: Callable, limit: int = 200_000) -> None:
        super().__init__()
        self.function = function
        self.limit = limit

    def __missing__(self, key):
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.function(key)
        return value


def _each_line(view: TextView, test: Callable[[str], T]) -> list[T]:
    """``[test(line.text) for line in view.lines]``, each line's answer remembered by its text
    (in ``view.memo``), so a line that a removal left as it was is not tested again."""
    known = view.memo.setdefault(test, {})
    texts = [line.text for line in view.lines]
    for text in set(texts).difference(known):
        known[text] = test(text)
    return list(map(known.__getitem__, texts))


# The words of WORD_RE (newscorpus.base.words), found faster: both kinds start with a letter or
# digit, and what they repeat never has to give back a character to what follows.
_WORD_SPLIT = re.compile(r"(?=\w)(\d++(?:[.,]\d++)++|[^\W_]++(?:[-'’.][^\W_]++)*+)")


def _line_words(text: str) -> tuple[list[str], list[str], list[str], bytes, bytes]:
    """The words of ``text`` as ``WORD_RE.findall`` gives them, lower-cased, the text cut into
    what comes before the first word, the first word, what comes between it and the next, ...,
    what comes after the last word; and for each word, whether a ``.``, ``?`` or ``!`` follows
    it and whether it starts with a capital (one byte per word, 0 or 1).

    A word never runs across lines, so the words of a text are those of its lines, and
    ``_each_line(view, _line_words)`` splits each line once for every rule that counts words.

    Examples
    --------
    >>> tokens, lower, pieces, stops, capitals = _line_words("Russia's U.S. policy.")
    >>> tokens, lower, pieces
    (["Russia's", 'U.S', 'policy'], ["russia's", 'u.s', 'policy'], \
['', "Russia's", ' ', 'U.S', '. ', 'policy', '.'])
    >>> stops, capitals
    (b'\\x00\\x01\\x01', b'\\x01\\x01\\x00')
    """
    pieces = _WORD_SPLIT.split(text)  # between words, a word, between words, ..., between words
    tokens = pieces[1::2]
    return (tokens, list(map(str.lower, tokens)), pieces,
            bytes(map(str.startswith, pieces[2::2], repeat((".", "?", "!")))),
            bytes(map(str.isupper, map(itemgetter(0), tokens))))
