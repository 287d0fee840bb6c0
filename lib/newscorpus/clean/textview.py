"""A text being cleaned: its current characters, lines and paragraphs, and where they came from.

Cleaning removes spans step by step. After each step the remaining text is a new
:class:`TextView` whose :class:`~newscorpus.clean.normalize.OffsetMap` still leads every character
back to the text the view started from, so rules can work on plain strings and the audit can still
report offsets into the raw file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

from newscorpus.clean.normalize import OffsetMap, identity_map

__all__ = ["Line", "TextView", "merge_spans"]

_LINE = re.compile(r"[^\n]+")


class Line(NamedTuple):
    """A non-blank line of a view, stripped of surrounding spaces.

    ``start`` and ``end`` index the view's text; ``block`` numbers the paragraph (a run of
    non-blank lines) the line belongs to; ``index`` numbers the non-blank lines.
    """

    start: int
    end: int
    text: str
    block: int
    index: int


def merge_spans(spans: Iterable[tuple[int, int]], text: str = "") -> list[tuple[int, int]]:
    """Sort spans and merge those that overlap or touch (or, given ``text``, are separated
    only by whitespace).

    Examples
    --------
    >>> merge_spans([(5, 8), (0, 2), (2, 3), (7, 9)])
    [(0, 3), (5, 9)]
    >>> merge_spans([(0, 2), (4, 6)], text="ab  cd")
    [(0, 6)]
    """
    out: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and (start <= out[-1][1] or (text and not text[out[-1][1]:start].strip())):
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


class TextView:
    """The current text and its map back to the text cleaning started from.

    Parameters
    ----------
    text : str
    offsets : OffsetMap, optional
        Map from ``text`` to the original; the identity when omitted.
    memo : dict, optional
        What rules remember about lines and paragraphs of the text being cleaned, by their
        characters (:meth:`remove` passes it on); a new one when omitted.

    Examples
    --------
    >>> view = TextView("Title\\n\\nPhoto: AP\\nBody text [12] here.")
    >>> [(line.block, line.text) for line in view.lines]
    [(0, 'Title'), (1, 'Photo: AP'), (1, 'Body text [12] here.')]
    >>> smaller = view.remove([(7, 16), (26, 31)])
    >>> smaller.text
    'Title\\n\\n\\nBody text here.'
    >>> smaller.original_span(8, 23)
    (17, 37)
    """

    def __init__(self, text: str, offsets: OffsetMap | None = None,
                 memo: dict | None = None) -> None:
        self.text = text
        self.offsets = offsets if offsets is not None else identity_map(len(text))
        # Shared by the views made from this one: what a removal left as it was is not looked
        # at again (each answer depends on the characters of the line or paragraph only).
        self.memo: dict = memo if memo is not None else {}

    @functools.cached_property
    def lines(self) -> list[Line]:
        """The non-blank lines, each with its paragraph number."""
        lines: list[Line] = []
        block, last_end = -1, -2
        for match in _LINE.finditer(self.text):
            start, end = match.span()
            while start < end and self.text[start] == " ":
                start += 1
            while end > start and self.text[end - 1] == " ":
                end -= 1
            if start == end:
                continue
            gap = self.text[last_end:start] if last_end >= 0 else "\n\n"
            if gap.count("\n") >= 2 or block < 0:
                block += 1
            lines.append(Line(start, end, self.text[start:end], block, len(lines)))
            last_end = end
        return lines

    @functools.cached_property
    def blocks(self) -> list[list[Line]]:
        """The paragraphs: lists of consecutive non-blank lines."""
        blocks: list[list[Line]] = []
        for line in self.lines:
            if line.block == len(blocks):
                blocks.append([])
            blocks[line.block].append(line)
        return blocks

    @functools.cached_property
    def sentences(self) -> list[tuple[int, int, int]]:
        """``(paragraph, start, end)`` of each sentence, split inside each paragraph with
        :func:`newscorpus.base.sentences.sentence_spans`; offsets index :attr:`text`."""
        out = []
        for number, block in enumerate(self.blocks):
            start = block[0].start
            out += [(number, start + a, start + b)
                    for a, b in self.paragraph_sentences(self.text[start:block[-1].end])]
        return out

    def paragraph_sentences(self, paragraph: str) -> list[tuple[int, int]]:
        """The sentence spans of one paragraph (offsets into it), split once per text."""
        from newscorpus.base.sentences import sentence_spans

        known = self.memo.setdefault("sentences", {})
        spans = known.get(paragraph)
        if spans is None:
            spans = known[paragraph] = sentence_spans(paragraph)
        return spans

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """Widen ``[start, end)`` so that it does not cut through characters that came from one
        original character (``...`` from ``…``): a span takes all of them or none."""
        off = self.offsets
        if end <= start or not off.starts:
            return start, end
        k = off._segment(start)
        if not off.copied[k]:
            start = off.starts[k]
        k = off._segment(end - 1)
        if not off.copied[k]:
            end = off.ends[k]
        return start, end

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of the original text that ``self.text[start:end]`` came from."""
        return self.offsets.source_span(start, end)

    def remove(self, spans: Iterable[tuple[int, int]]) -> TextView:
        """Return the view without ``spans`` (offsets into this view's text)."""
        spans = merge_spans(spans)
        if not spans:
            return self
        inner = OffsetMap(src_length=len(self.text))
        pieces, pos = [], 0
        for start, end in spans:
            pieces.append(self.text[pos:start])
            inner.add(start - pos, pos, start, True)
            pos = end
        pieces.append(self.text[pos:])
        inner.add(len(self.text) - pos, pos, len(self.text), True)
        return TextView("".join(pieces), self.offsets.then(inner), self.memo)
