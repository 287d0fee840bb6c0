"""Rules for notes around the story: disclaimers, author bios and headlines of other stories."""

from __future__ import annotations

import functools
import re
from collections import Counter

from newscorpus.base.words import stem, stop_words
from newscorpus.clean.patterns import (
    BYLINE,
    DATE_LINE,
    Span,
    _any,
    _each_line,
    _line_words,
    _Memo,
    _Words,
    _words,
)
from newscorpus.clean.textview import Line, TextView

# A pattern that starts with ^ is tried at the start of a line only; every other one needs one
# of the words of _DISCLAIMER_WORDS (a test checks that it has one), and is tried only on the
# lines that have one of them.
_DISCLAIMERS = (
    r"\b(?:views|opinions) expressed (?:in this [\w -]{1,30} |here(?:in)? )?(?:are|is) "
    r"(?:those of |solely |entirely )?(?:the|its|his|her|their)(?: own)? authors?",
    r"\b(?:views|opinions?) (?:of|expressed by) the authors?\b",
    r"\bdo(?:es)? not necessarily (?:reflect|represent)\b", r"\bmay not necessarily reflect\b",
    r"^(?:\(|—|-)?\s*(?:additional )?reporting by\b",
    r"^(?:\(|—|-)?\s*(?:writing|editing|edited|compiled|produced|graphics|research) by\b",
    r"\bcontributed (?:reporting|to this (?:report|article|story))\b",
    r"^our standards\b", r"\btrust principles\b",
    r"^a version of this (?:article|story|piece) (?:appears|appeared)\b",
    r"\bappears? in print on\b", r"^©", r"^copyright\b", r"\ball rights reserved\b",
    r"^this (?:article|story|piece) (?:has been|was) (?:amended|corrected|updated)\b",
    r"^_{3,}\s*$", r"^(?:the )?author'?s? (?:bio|biography)\b",
    r"\bis not responsible for the content of external\b",
    r"^this (?:article|story|piece) was (?:originally|first) published\b",
    r"^source: [\w .&,'-]{1,40}$", r"(?:^|\s)©\s?\d{4}\b",
)
_DISCLAIMER = _any(*_DISCLAIMERS)
_DISCLAIMER_AT_START = _any(*(p for p in _DISCLAIMERS if p.startswith("^")))
_DISCLAIMER_INSIDE = _any(*(p for p in _DISCLAIMERS if not p.startswith("^")))
_DISCLAIMER_WORDS = _Words("expressed", "author", "necessarily", "contributed",
                           "trust principles", "in print on", "rights reserved", "not responsible",
                           "©")


def _is_disclaimer(text: str) -> bool:
    """Whether a line of at most 80 words matches ``_DISCLAIMER``, most lines ruled out by a
    cheap test first."""
    return _words(text) <= 80 and bool(
        _DISCLAIMER_AT_START.match(text)
        or (_DISCLAIMER_WORDS.search(text) and _DISCLAIMER_INSIDE.search(text)))


_BIO = re.compile(
    r"^(?:[—–-]\s*)?[A-Z][\w.'-]+(?: (?:[A-Z][\w.'-]*|de|al|van|von|bin|ibn|la|le)){1,4},? "
    r"(?:(?:is|was|serves as|has been|is currently|was formerly) (?:a|an|the|currently|formerly|"
    r"previously|also)\b|(?:reports|writes|reported|wrote) (?:on|about|for|from)\b|covers\b|"
    r"is based in\b)")


def find_disclaimers(view: TextView) -> list[Span]:
    """Author disclaimers (``The views expressed ... do not necessarily reflect ...``),
    reporting and editing credits, trust-principle and print-edition notes, copyright lines.

    A line of at most 80 words that matches one of the patterns is removed.
    """
    return [(line.start, line.end) for line, disclaimer
            in zip(view.lines, _each_line(view, _is_disclaimer), strict=True) if disclaimer]


def find_author_bios(view: TextView) -> list[Span]:
    """Author bios at the end of a piece (``Jane Doe is a senior fellow at ...``).

    Only among the last three paragraphs, and only a paragraph of one line, at most three
    sentences and 70 words, that starts with a name followed by ``is a``/``was the``/...; a
    bio-like sentence inside the article is journalism and stays.
    """
    blocks = view.blocks
    spans = []
    for block in blocks[max(1, len(blocks) - 3):]:
        line = block[0]
        if (len(block) == 1 and _words(line.text) <= 70 and _BIO.match(line.text)
                and len(re.findall(r"[.!?](?:\s|$)", line.text)) <= 3):
            spans.append((line.start, line.end))
    return spans


def _content_words(words: list[str]) -> list[str]:
    """The stems of the words (lower case) that are not stop words or numbers."""
    return [stem for stem in map(_CONTENT_STEMS.__getitem__, words) if stem]


def _content_stem(word: str) -> str:
    """The stem of a word (lower case), or "" for a stop word or a number (a stem is never "")."""
    return "" if word in _stop_words() or word[0].isdigit() else stem(word)


_stop_words = functools.cache(stop_words)
_CONTENT_STEMS = _Memo(_content_stem)


# A sentence ending inside a line, before the next one: a headline is one clause.
_SENTENCE_BREAK = re.compile(r"[a-z]{3}[.!?] [A-Z]")


def find_promo_headlines(view: TextView) -> list[Span]:
    """Headlines of other stories dropped between paragraphs with no marker.

    A one-line paragraph of 4 to 20 words that is not a sentence (no final full stop,
    exclamation mark or colon, no sentence ending inside it), after
    the first two paragraphs, is taken for a cross-promotion headline when fewer than half of
    its content words (stemmed, stop words left out) occur anywhere else in the document.
    A subheading shares its words with the article it introduces; a promotion for another
    story does not. Needs at least 150 content words elsewhere to judge.
    """
    candidates: list[Line] = []
    for block in view.blocks[2:]:
        text = block[0].text
        if (len(block) == 1 and 4 <= _words(text) <= 20 and not text.endswith((".", "!", ":"))
                and not _SENTENCE_BREAK.search(text)
                and not text.startswith(("\"", "'", "“")) and not BYLINE.match(text)
                and not DATE_LINE.match(text)):
            candidates.append(block[0])
    if not candidates:
        return []
    # The words of the text are those of its lines (a word never runs across lines).
    counts: Counter[str] = Counter()
    found = _each_line(view, _line_words)
    for line_words in found:
        counts.update(_content_words(line_words[1]))
    spans = []
    for line in candidates:
        words = _content_words(found[line.index][1])
        own: dict[str, int] = {}
        for word in words:
            own[word] = own.get(word, 0) + 1
        elsewhere = sum(counts.values()) - len(words)
        if len(set(words)) < 4 or elsewhere < 150:
            continue
        shared = sum(1 for w in set(words) if counts.get(w, 0) > own[w])
        if shared / len(set(words)) < 0.5:
            spans.append((line.start, line.end))
    return spans
