"""Inline rules: spans inside a line (wire codes, citation markers, broken words, gibberish)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import compress

from newscorpus.base.words import is_word
from newscorpus.clean.patterns import Span, _each_line, _line_words, _Memo, _phrases
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
    # As pattern.finditer(text), faster: a match starts with the spaces before a "[" (or with
    # the "["), so the search goes from one "[" to the next.
    pos = 0
    while (bracket := text.find("[", pos)) >= 0:
        start = bracket
        while start > pos and text[start - 1].isspace():
            start -= 1
        match = pattern.match(text, start)
        if match is None:
            pos = bracket + 1
            continue
        start, end = match.span()
        pos = end
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
    known = view.memo.setdefault(_broken_in_line, {})
    spans = []
    for line, words in zip(view.lines, _each_line(view, _line_words), strict=True):
        found = known.get(line.text)
        if found is None:
            found = known[line.text] = (_broken_in_line(line.text)
                                        if _may_join(*words[:3]) else [])
        spans += [(line.start + a, line.start + b) for a, b in found]
    return spans


def _may_join(tokens: list[str], lower: list[str], pieces: list[str]) -> bool:
    """Whether a line may hold a broken word, judged from its words (``WORD_RE``'s, see
    :func:`~newscorpus.clean.patterns._line_words`): a cheap test that misses none.

    The two pieces of a broken word are letter tokens with one space between them. The first
    ends a word of ``WORD_RE`` and is its last part after a full stop (``U.S`` gives ``S``),
    the second starts the next word and is its first part; and one piece is not a word of the
    language, or the second is an ending. Only pairs with such a piece are tried.
    """
    endings = word_endings()
    for k in compress(range(len(lower)), map(_JOINABLE.__getitem__, lower)):
        for a in (k - 1, k):
            if a < 0 or a + 1 == len(lower) or pieces[2 * a + 2] != " ":
                continue  # not two words with one space between them
            left, right = tokens[a].rsplit(".", 1)[-1], tokens[a + 1].split(".", 1)[0]
            if (right[0].islower() and len(left) + len(right) >= 4 and is_word(left + right)
                    and not (is_word(left) and is_word(right) and right not in endings)):
                return True
    return False


def _joinable(word: str) -> bool:
    """Whether a word (lower case) has a first or last part (around full stops) that is a
    letter token and not a word or an ending (:func:`_may_join`)."""
    parts = word.split(".")
    return any(bool(_LETTERS.fullmatch(p)) and (not is_word(p) or p in word_endings())
               for p in (parts[0], parts[-1]))


_JOINABLE = _Memo(_joinable)
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _broken_in_line(text: str) -> list[Span]:
    """The spaces to remove from one line (a broken word never runs across lines)."""
    endings = word_endings()
    spans = []
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


#: Whether a token is noise (:func:`_noise`), remembered.
_NOISE = _Memo(_noise)


_VOWEL = re.compile(r"[aeiouy]")


def find_gibberish(view: TextView, *, min_run: int = 3) -> list[Span]:
    """Runs of at least three neighbouring tokens that are not words of the language.

    A token counts as noise if it is lower-case letters only and not in the English word
    list, or has three letters or more and no vowel (``dwp``); capitalised names
    (``Khmeimim``, ``Lavrentiev``) never do, and one unknown word between real words is not a
    run. In a line of which 40% of the tokens or more are noise (a line in another language),
    a run counts only if half of its tokens or more have no vowel.
    """
    runs = _noise_runs(min_run)
    known = view.memo.setdefault(runs, {})
    spans = []
    text = view.text
    for line, words in zip(view.lines, _each_line(view, _line_words), strict=True):
        found = known.get(line.text)
        if found is None:
            # The core of a noise token (letters only) is a word of WORD_RE, and a noise one:
            # a line with fewer such words than ``min_run`` has no run.
            found = known[line.text] = runs(line.text) if _noisy(words[0]) >= min_run else []
        for a, b in found:
            start, end = line.start + a, line.start + b
            before = text[start - 1] if start > 0 else "\n"
            spans.append((start - 1, end) if before == " " else (start, end))
    return spans


def _noisy(tokens: list[str]) -> int:
    """How many of ``tokens`` are noise (:func:`_noise`)."""
    return sum(map(_NOISE.__getitem__, tokens))


@functools.cache
def _noise_runs(min_run: int) -> Callable[[str], list[Span]]:
    """The function that finds runs of at least ``min_run`` noise tokens in one line."""

    def runs(text: str) -> list[Span]:
        # Most lines have no ``min_run`` noise tokens in a row: one test of the whole line.
        tokens = text.split()  # the tokens of _TOKEN (both split at str.isspace)
        noise = bytes(map(_NOISE.__getitem__, tokens))
        if b"\x01" * min_run not in noise:
            return []
        # A line mostly of words that are not English is in another language: only runs of
        # tokens without vowels in the main are noise there.
        foreign = noise.count(1) >= 0.4 * len(tokens)
        spans = []
        run: list[re.Match[str]] = []
        for match in list(_TOKEN.finditer(text)) + [None]:
            if match is not None and _noise(match.group()):
                run.append(match)
                continue
            if len(run) >= min_run and (not foreign or 2 * sum(
                    not _VOWEL.search(m.group().lower()) for m in run) >= len(run)):
                spans.append((run[0].start(), run[-1].end()))
            run = []
        return spans

    return runs
