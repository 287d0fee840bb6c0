"""Inline rules: spans inside a line (wire codes, citation markers, broken words, gibberish)."""

from __future__ import annotations

import functools
import re

from newscorpus.base.words import is_word
from newscorpus.clean.patterns import Span, _phrases
from newscorpus.clean.textview import TextView

# Reuters-style story codes: "[nL8N1RO176]", "[ID:nLDE61J0ZK]"; also runs of them.
_WIRE_CODE = re.compile(
    r"(?:\s*\[(?:ID:)?n?(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,14}\])+")


# Citation markers: "[24]", "[3, 4]", "[12–14]", "[citation needed]", "[a]", "[]".
_CITATION = re.compile(
    r"(?:\s*\[(?:\d{1,4}(?:\s*[,–—-]\s*\d{1,4})*|citation needed|clarification needed|"
    r"according to whom\?|when\?|who\?|edit|note \d+|[a-z]|\s*)\])+")


def _inline(view: TextView, pattern: re.Pattern[str]) -> list[Span]:
    """Spans of ``pattern`` with the space before them, so no double space is left behind.

    A match at the start of a line takes the space after it instead.
    """
    spans = []
    text = view.text
    for match in pattern.finditer(text):
        start, end = match.span()
        if start == 0 or text[start - 1] == "\n":
            while end < len(text) and text[end] == " ":
                end += 1
        spans.append((start, end))
    return spans


def find_wire_codes(view: TextView) -> list[Span]:
    """Wire-service story codes in square brackets (``[nL8N1RO176]``): letters and digits
    mixed, 6 to 14 characters. Bracketed words (``[OPCW]``, ``[in Syria]``) are text and stay.
    """
    return _inline(view, _WIRE_CODE)


def find_citations(view: TextView) -> list[Span]:
    """Citation and note markers copied from reference works: ``[24]``, ``[3, 4]``,
    ``[citation needed]``, ``[a]`` and empty brackets ``[]``."""
    return _inline(view, _CITATION)


_LETTER_TOKEN = re.compile(r"(?<![\w'’-])[^\W\d_]+(?:['’][^\W\d_]+)?(?![\w'’-])")


@functools.cache
def word_endings() -> frozenset[str]:
    """Endings that are pieces of a broken word when alone (``data/word_endings_en.txt``)."""
    return _phrases("word_endings_en.txt")


def find_broken_words(view: TextView) -> list[Span]:
    """Words broken by a stray space (``launch ed``, ``govern ment``, ``I t's``): the space is
    removed.

    Two neighbouring letter tokens are joined when the joined form is an English word
    (:func:`~newscorpus.base.words.is_word`), the second part starts in lower case, and at
    least one part is not a word: not in the word list, or (the second part) a word ending
    such as ``ed``, ``ment`` or ``tions`` (:func:`word_endings`). ``a bout`` stays, because
    both parts are words.
    """
    spans = []
    text = view.text
    endings = word_endings()
    previous = None
    for match in _LETTER_TOKEN.finditer(text):
        if (previous is not None and match.start() == previous.end() + 1
                and text[previous.end()] == " "):
            left, right = previous.group(), match.group()
            if (right[0].islower() and len(left) + len(right) >= 4 and is_word(left + right)
                    and not (is_word(left) and is_word(right) and right not in endings)):
                spans.append((previous.end(), match.start()))
                previous = None  # a joined word does not join again
                continue
        previous = match
    return spans


_TOKEN = re.compile(r"\S+")


def _noise(token: str) -> bool:
    core = token.strip(".,;:!?\"'()[]")
    return (len(core) >= 2 and core.isalpha() and core.islower() and core.isascii()
            and (not is_word(core) or (len(core) >= 3 and not _VOWEL.search(core))))


_VOWEL = re.compile(r"[aeiouy]")


def find_gibberish(view: TextView, *, min_run: int = 3) -> list[Span]:
    """Runs of at least three neighbouring tokens that are not words of the language.

    A token counts as noise if it is lower-case letters only and not in the English word
    list, or has three letters or more and no vowel (``dwp``); capitalised names
    (``Khmeimim``, ``Lavrentiev``) never do, and one unknown word between real words is not a
    run.
    """
    spans = []
    for line in view.lines:
        run: list[re.Match[str]] = []
        for match in list(_TOKEN.finditer(line.text)) + [None]:
            if match is not None and _noise(match.group()):
                run.append(match)
                continue
            if len(run) >= min_run:
                start, end = line.start + run[0].start(), line.start + run[-1].end()
                before = view.text[start - 1] if start > 0 else "\n"
                spans.append((start - 1, end) if before == " " else (start, end))
            run = []
    return spans
