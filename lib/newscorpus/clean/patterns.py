"""What the cleaning rules share: the Rule record, phrase lists, and patterns of bylines,
dates and furniture.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from newscorpus.clean.textview import TextView

Span = tuple[int, int]




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


def _words(text: str) -> int:
    """Number of words, counted as space-separated pieces (cheap; used for length limits)."""
    return len(text.split())


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _is_furniture(text: str) -> bool:
    """Whether ``text`` is only a button or navigation label (see :func:`page_furniture`)."""
    core = re.sub(r"^[\W_]+|[\s.:!|>»›→·•]+$", "", text.strip()).lower()
    return bool(core) and (core in page_furniture() or bool(_COUNTED_FURNITURE.fullmatch(core)))


_COUNTED_FURNITURE = re.compile(
    r"\d+\s*(?:min(?:ute)?s?|sec)\.? (?:read|listen|watch)"
    r"|(?:read|view|show) (?:all )?\d+ comments?|\d+ comments?"
    r"|(?:updated|published|posted) \d+ (?:minutes?|hours?|days?) ago"
    r"|page \d+(?: of \d+)?|(?:list |item |slide |image )?\d+ of \d+|skip to [\w ]{1,40}"
    r"|\d{1,2}:\d{2}(?::\d{2})?|comments? \(\d+\)", re.IGNORECASE)


def _is_prose(text: str, min_words: int = 12) -> bool:
    """Whether a line reads as a sentence of prose: long enough, ending as sentences do."""
    return _words(text) >= min_words and text.rstrip()[-1:] in ".!?\"'”"
