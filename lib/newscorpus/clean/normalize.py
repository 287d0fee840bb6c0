"""Unicode normalisation that keeps every character traceable to the raw text.

:func:`normalize` applies NFKC, straightens quotes, unifies dashes and whitespace, and drops
invisible format characters (soft hyphens, zero-width spaces, byte-order marks). It returns the
new text together with an :class:`OffsetMap`, so any span of the normalised text can be mapped
back to the exact characters of the raw file it came from.

=====================================  ==========================================
raw                                    normalised
=====================================  ==========================================
``\\r\\n``, ``\\r``, U+2028               ``\\n``   (U+2029 paragraph separator: ``\\n\\n``)
tabs, no-break and other spaces,       one space ``" "``
runs of them
‘ ’ ‚ ‛ ′ ‹ ›                          ``'``
“ ” „ ‟ ″ « »                          ``"``
‐ ‑ ‒ − (hyphens, minus sign)          ``-``
– — ― ⸺ ⸻ and `` -- ``                 ``—``
soft hyphen, zero-width and other      removed (reported as removals)
format characters (Unicode Cf), and
spacing accents on no letter (``¨``)
anything else outside ASCII            NFKC (``ﬁ`` → ``fi``, ``…`` → ``...``, full-width
                                       letters → ASCII), with combining marks composed
=====================================  ==========================================
"""

from __future__ import annotations

import bisect
import re
import string
import unicodedata
from dataclasses import dataclass, field

__all__ = ["OffsetMap", "identity_map", "normalize"]

_QUOTES = {c: "'" for c in "‘’‚‛′‹›"} | {c: '"' for c in "“”„‟″«»"}
_DASHES = {c: "-" for c in "‐‑‒−"} | {c: "—" for c in "–—―⸺⸻"}

# What needs changing; everything else (almost all of an English text) is copied in one slice.
# A non-ASCII character is taken together with any combining marks that follow it, and so is an
# ASCII letter (normalize() adds the letter to the marks after it: a pattern that can start only
# with a space, a dash or a non-ASCII character skips the rest of the text quickly).
_MARKS = r"\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_SPECIAL = re.compile(
    r"(?=[\s\-\x80-\U0010ffff])(?:"
    r"\r\n?"
    r"|[^\S\n]{2,}|[^\S \n]"
    r"|(?<= )--(?= )"
    rf"|[{_MARKS}]+"
    rf"|[^\x00-\x7f][{_MARKS}]*)"
)
_MARK = re.compile(f"[{_MARKS}]")
_ASCII_LETTERS = frozenset(string.ascii_letters)


def _replacement(piece: str) -> str:
    """Return what one matched piece of raw text becomes."""
    if piece[0] == "\r" or piece in ("\u2028", "\x85"):
        return "\n"
    if piece == "\u2029":
        return "\n\n"
    if piece == "--":
        return "—"
    if piece.isspace():
        return " "
    if piece in _QUOTES:
        return _QUOTES[piece]
    if piece in _DASHES:
        return _DASHES[piece]
    if unicodedata.category(piece[0]) == "Cf":
        return ""
    out = unicodedata.normalize("NFKC", piece)
    if out[:1] == " " and all(unicodedata.combining(c) for c in out[1:]):
        return ""  # a spacing accent ("¨", "´") on no letter: NFKC would leave a stray mark
    # NFKC can itself produce quotes, dashes or spaces (e.g. full-width forms): unify those too.
    return "".join(_QUOTES.get(c, _DASHES.get(c, " " if c.isspace() and c != "\n" else c))
                   for c in out)


@dataclass
class OffsetMap:
    """Where each character of a derived text came from in its source text.

    The derived text is a sequence of segments. In a *copied* segment character ``i`` comes
    from source character ``src + (i - start)``; in a *replaced* segment every character comes
    from the whole source span ``[src, src_end)`` (e.g. ``"..."`` from one ``"…"``).

    Examples
    --------
    >>> text, offsets = normalize("A “quote” … end")
    >>> text
    'A "quote" ... end'
    >>> offsets.source_span(10, 13)      # the three full stops come from one raw character
    (10, 11)
    >>> offsets.source_span(2, 9)
    (2, 9)
    """

    starts: list[int] = field(default_factory=list)  # segment start in the derived text
    ends: list[int] = field(default_factory=list)
    src_starts: list[int] = field(default_factory=list)
    src_ends: list[int] = field(default_factory=list)
    copied: list[bool] = field(default_factory=list)
    length: int = 0  # length of the derived text
    src_length: int = 0  # length of the source text
    dropped: list[tuple[int, int]] = field(default_factory=list)  # source spans with no output

    def add(self, length: int, src: int, src_end: int, copied: bool) -> None:
        """Append a segment of ``length`` derived characters from source ``[src, src_end)``."""
        if length <= 0:
            return
        if (copied and self.copied and self.copied[-1] and self.ends[-1] == self.length
                and self.src_ends[-1] == src):
            self.ends[-1] += length  # extend the previous copied segment
            self.src_ends[-1] = src_end
        else:
            self.starts.append(self.length)
            self.ends.append(self.length + length)
            self.src_starts.append(src)
            self.src_ends.append(src_end)
            self.copied.append(copied)
        self.length += length

    def _segment(self, i: int) -> int:
        return bisect.bisect_right(self.starts, i) - 1

    def source_start(self, i: int) -> int:
        """Source offset of derived character ``i`` (``length`` maps to ``src_length``)."""
        if i >= self.length:
            return self.src_length
        k = self._segment(i)
        return self.src_starts[k] + (i - self.starts[k] if self.copied[k] else 0)

    def source_end(self, i: int) -> int:
        """Source offset just after the source of derived character ``i``."""
        k = self._segment(i)
        return self.src_starts[k] + (i - self.starts[k] + 1) if self.copied[k] else self.src_ends[k]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the source span ``[a, b)`` that derived characters ``[start, end)`` come from."""
        if end <= start:
            a = self.source_start(start)
            return a, a
        return self.source_start(start), self.source_end(end - 1)

    def then(self, inner: OffsetMap) -> OffsetMap:
        """Compose: ``inner`` maps a text derived from this map's derived text.

        The result maps ``inner``'s derived text straight to this map's source.
        """
        out = OffsetMap(src_length=self.src_length)
        for start, end, src, src_end, copied in zip(
                inner.starts, inner.ends, inner.src_starts, inner.src_ends, inner.copied,
                strict=True):
            if not copied:
                a, b = self.source_span(src, src_end)
                out.add(end - start, a, b, False)
                continue
            # A copied run of the middle text may cross several segments of this map.
            pos = src
            while pos < src_end:
                k = self._segment(pos)
                seg_end = min(src_end, self.ends[k])
                n = seg_end - pos
                if self.copied[k]:
                    a = self.src_starts[k] + pos - self.starts[k]
                    out.add(n, a, a + n, True)
                else:
                    out.add(n, self.src_starts[k], self.src_ends[k], False)
                pos = seg_end
        return out


def identity_map(length: int) -> OffsetMap:
    """Return the map of a text to itself."""
    offsets = OffsetMap(src_length=length)
    offsets.add(length, 0, length, True)
    return offsets


def normalize(text: str) -> tuple[str, OffsetMap]:
    """Normalise ``text`` (see the module docstring) and map the result back to it.

    Returns
    -------
    normalised : str
    offsets : OffsetMap
        ``offsets.source_span(a, b)`` is the raw span that ``normalised[a:b]`` came from;
        ``offsets.dropped`` lists the raw spans of the invisible characters that were dropped.

    Examples
    --------
    >>> text, offsets = normalize("Russia’s “ally”\\u00a0—\\u00ad Assad\\r\\n")
    >>> text
    'Russia\\'s "ally" — Assad\\n'
    >>> offsets.dropped
    [(17, 18)]
    """
    pieces: list[str] = []
    offsets = OffsetMap(src_length=len(text))
    pos = 0
    for match in _SPECIAL.finditer(text):
        start, end = match.span()
        if start > pos and text[start - 1] in _ASCII_LETTERS and _MARK.match(text, start):
            start -= 1  # a letter with combining marks: composed by NFKC
        if start > pos:
            pieces.append(text[pos:start])
            offsets.add(start - pos, pos, start, True)
        new = _replacement(text[start:end])
        if not new:
            offsets.dropped.append((start, end))
        pieces.append(new)
        offsets.add(len(new), start, end, len(new) == end - start == 1)
        pos = end
    if pos < len(text):
        pieces.append(text[pos:])
        offsets.add(len(text) - pos, pos, len(text), True)
    out = "".join(pieces)
    # Spaces that met where an invisible character was dropped. (The only spaces left are
    # " " and "\n", so this is _DOUBLE_SPACE.search(out), found faster.)
    if "  " in out:
        again, inner = normalize(out)
        composed = offsets.then(inner)
        composed.dropped = offsets.dropped
        return again, composed
    return out, offsets
