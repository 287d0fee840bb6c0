"""Rules for notes around the story: disclaimers, author bios and headlines of other stories."""

from __future__ import annotations

import re

from newscorpus.base.words import WORD_RE, stem, stop_words
from newscorpus.clean.patterns import BYLINE, DATE_LINE, Span, _any, _words
from newscorpus.clean.textview import Line, TextView

_DISCLAIMER = _any(
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
    return [(line.start, line.end) for line in view.lines
            if _words(line.text) <= 80 and _DISCLAIMER.search(line.text)]


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


def find_promo_headlines(view: TextView) -> list[Span]:
    """Headlines of other stories dropped between paragraphs with no marker.

    A one-line paragraph of 4 to 20 words that is not a sentence (no final full stop), after
    the first two paragraphs, is taken for a cross-promotion headline when fewer than half of
    its content words (stemmed, stop words left out) occur anywhere else in the document.
    A subheading shares its words with the article it introduces; a promotion for another
    story does not. Needs at least 150 content words elsewhere to judge.
    """
    stops = stop_words()

    def content(text: str) -> list[str]:
        return [stem(w.lower()) for w in WORD_RE.findall(text)
                if w.lower() not in stops and not w[0].isdigit()]

    candidates: list[Line] = []
    for block in view.blocks[2:]:
        text = block[0].text
        if (len(block) == 1 and 4 <= _words(text) <= 20 and not text.endswith(".")
                and not text.startswith(("\"", "'", "“")) and not BYLINE.match(text)
                and not DATE_LINE.match(text)):
            candidates.append(block[0])
    if not candidates:
        return []
    counts: dict[str, int] = {}
    for word in content(view.text):
        counts[word] = counts.get(word, 0) + 1
    spans = []
    for line in candidates:
        words = content(line.text)
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
