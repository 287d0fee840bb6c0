"""Page rules: where the article stands on a page rendered as text, and what surrounds it.

A scraper's plain text of a news page holds the article between a header (site menus, other
stories' headlines) and a footer (share buttons, teaser cards, reader comments, service links).
These rules look at whole paragraphs and where they stand on the page:

* :func:`find_comments`: a reader-comment section (``34 responses to ...``, ``Leave a Reply``,
  ``jane says:`` with a time stamp) after the article, up to the end of the page;
* :func:`find_teasers`: teaser cards, a headline followed by a summary cut short (``...``);
* :func:`find_page_edges`: everything before the article's head and after its last paragraph,
  the article being the run of paragraphs where prose outweighs everything else most.
"""

from __future__ import annotations

import re

from newscorpus.clean.patterns import DATE_LINE, Span, _any, _each_line, _line_words, _words
from newscorpus.clean.textview import Line, TextView

__all__ = ["find_comments", "find_page_edges", "find_teasers"]

#: Prose words a page must hold before the article is looked for.
MIN_ARTICLE_WORDS = 50
#: Short paragraphs kept before the article (its title, standfirst, byline and date): at most
#: this many, of at most this many words in all.
HEAD_PARAGRAPHS = 6
HEAD_WORDS = 80
DATE_WEIGHT = 40

_SENTENCE_END = ('"', "'", '”', '’', ')', ':')
_FULL_STOP = ('.', '!', '?')
_NUMBERS = re.compile(r"[\d\W]+")


def _block_words(view: TextView) -> list[int]:
    """The number of words (``WORD_RE`` tokens) of each paragraph."""
    found = _each_line(view, _line_words)
    return [sum(len(found[line.index][0]) for line in block) for block in view.blocks]


def _is_prose(text: str, words: int) -> bool:
    """Whether a paragraph reads as running text: long, or a sentence (of 8 words or more
    if it ends in a quotation mark, a bracket or a colon, of 3 if in a full stop, question or
    exclamation mark), not cut short with ``...``."""
    if words >= 40:
        return True
    if text.endswith("...") or words < 3:
        return False
    return text.endswith(_FULL_STOP) or (words >= 8 and text.endswith(_SENTENCE_END))


def _weights(view: TextView, words: list[int]) -> list[int]:
    """What each paragraph weighs for or against being part of the article: its words when it
    is prose, minus its words (at least 4) when it is not."""
    out = []
    for block, n in zip(view.blocks, words, strict=True):
        text = block[-1].text
        if _is_prose(text, n):
            out.append(n)
        elif DATE_LINE.match(text):
            out.append(-DATE_WEIGHT)
        else:
            out.append(0 if _NUMBERS.fullmatch(text) else -max(n, 2))
    return out


def _best_run(weights: list[int]) -> tuple[int, int, int]:
    """``(total, first, last)`` of the run of paragraphs with the largest total weight (the
    earliest of equal runs; Kadane's algorithm)."""
    best = (0, 0, -1)
    total, start = 0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0, i
        total += w
        if total > best[0]:
            best = (total, start, i)
    return best


def find_page_edges(view: TextView) -> list[Span]:
    """The page around the article: menus, headlines and widgets before it, and everything
    after its last paragraph (share bars, other stories, comments, footers).

    Each paragraph weighs its number of words if it reads as prose (a sentence of 8 words or
    more, or 40 words) and minus its number of words (at least 4) if not; the article is the
    run of paragraphs of largest total weight. Up to :data:`HEAD_PARAGRAPHS` paragraphs just
    before it, of :data:`HEAD_WORDS` words in all (title, standfirst, byline, date), are kept
    with it. Pages
    whose article weighs less than :data:`MIN_ARTICLE_WORDS` are left alone.
    """
    blocks = view.blocks
    if len(blocks) < 3:
        return []
    words = _block_words(view)
    total, first, last = _best_run(_weights(view, words))
    if total < MIN_ARTICLE_WORDS:
        return []
    head, budget = first, HEAD_WORDS
    while head > 0 and first - head < HEAD_PARAGRAPHS and words[head - 1] <= budget:
        budget -= words[head - 1]
        head -= 1
    spans = []
    if head > 0:
        spans.append((blocks[0][0].start, blocks[head - 1][-1].end))
    if last + 1 < len(blocks):
        spans.append((blocks[last + 1][0].start, blocks[-1][-1].end))
    return spans


# --- reader comments ------------------------------------------------------------------------

_COMMENT_HEADING = _any(
    r"^\d[\d,]* (?:comments?|responses?|replies|reactions|thoughts)\b.{0,120}$",
    r"^(?:(?:reader|readers'|user) )?comments?(?: \(\d+\)| \d+)?\W*$",
    r"^(?:leave|post|add|write|submit) (?:a|your) (?:reply|comment|response)\b.{0,60}$",
    r"^join the (?:discussion|conversation|debate)\b.{0,60}$",
    r"^(?:show|view|load|read|see) (?:all )?(?:\d+ )?comments?\b.{0,40}$",
    r"^(?:\d+ )?(?:responses?|replies|comments?) to [\"“'‘].{0,150}$",
    r"^you must be logged in to post a comment",
    r"^(?:comments?|commenting) (?:are|is) (?:closed|disabled)\b",
    r"^(?:what do you think|have your say|tell us what you think)\W{0,10}$",
)
_COMMENT_HEADER = _any(
    r"^.{1,60} (?:says|said|wrote|commented|replied|writes)\s*:$",
    r"^(?:reply|report(?: abuse| comment)?|flag|like|dislike|share this comment)\W*$",
    r"^.{0,60}\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)\W*$",
    r"^.{0,60}\b\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago\W*$",
)


def _comment_line(text: str) -> tuple[bool, bool]:
    """Whether a line is a comment-section heading, and whether it is a comment's header."""
    if _words(text) > 30:
        return False, False
    return bool(_COMMENT_HEADING.match(text)), bool(_COMMENT_HEADER.match(text))


def find_comments(view: TextView, *, min_words_before: int = 60) -> list[Span]:
    """Reader comments: from the start of the comment section to the end of the page.

    The section starts at a comment heading (``34 responses to "..."``, ``Comments (12)``,
    ``Leave a Reply``, ``Join the discussion``, ``View all comments``) or at the first of
    three comment headers (``jane says:``, a line ending in a time stamp or ``3 hours ago``,
    ``Reply``) among twelve lines, provided that ``min_words_before`` words of prose come
    before it: a page's comments follow its article, and a page ends with them and its footer.
    """
    lines = view.lines
    kinds = _each_line(view, _comment_line)
    found = _each_line(view, _line_words)
    prose = 0
    for i, line in enumerate(lines):
        heading, header = kinds[i]
        if prose >= min_words_before and (heading or (header and sum(
                k[1] for k in kinds[i:i + 12]) >= 3)):
            return [(line.start, lines[-1].end)]
        n = len(found[i][0])
        if _is_prose(line.text, n):
            prose += n
    return []


# --- teaser cards ---------------------------------------------------------------------------

_CUT_SHORT = re.compile(r"(?:\.\.\.|\[\.\.\.\]|\[…\]|…)\s*(?:(?:read|continue|more)\W*\w*\W*)?$",
                        re.IGNORECASE)


def _headline(text: str) -> bool:
    """A line that reads as a headline: 3 to 20 words, no final full stop, not a date."""
    return (3 <= _words(text) <= 20 and not text.endswith((".", ",", ";"))
            and not DATE_LINE.match(text))


def find_teasers(view: TextView) -> list[Span]:
    """Teaser cards for other stories: a summary of at most 60 words cut short (ending in
    ``...`` or ``[...]``), with the headline line just before it and a date line after it.

    A paragraph of the article rarely ends in an ellipsis; one that follows a headline-like
    line and is cut short is the summary of another page.
    """
    spans = []
    lines = view.lines
    for i, line in enumerate(lines):
        if _words(line.text) > 60 or not _CUT_SHORT.search(line.text) or line.text[:1] in "\"“":
            continue
        start = line
        if i > 0 and _headline(lines[i - 1].text):
            start = lines[i - 1]
        elif _words(line.text) < 6:
            continue
        end: Line = line
        if i + 1 < len(lines) and DATE_LINE.match(lines[i + 1].text):
            end = lines[i + 1]
        spans.append((start.start, end.end))
    return spans
