"""Making the term matcher cheap on many sentences: quick screens and chunked vocabularies.

* :class:`Screen`. The project's term matcher (:mod:`newscorpus.base.terms`) tries its terms at
  every word of a text. Most sentences of a corpus mention no Russian actor and need no
  matching at all. A screen is a *necessary condition* for a match: every match of a term
  contains, in any case, the first part of its first word (up to a hyphen, apostrophe, full
  stop or ``*``), so a sentence that contains none of these parts, as a plain substring, cannot
  match and is skipped. A screen never decides a match: when it lets a sentence through, the
  term matcher finds the matches (a test checks that the results are the same without it).
* :class:`Chunks`. One term matcher of several hundred terms costs far more per term than a few
  matchers of a hundred or two (Python's regular expressions slow down with many groups), so
  a long list is cut into chunks between first letters, one matcher each, and their matches
  merged by the matcher's own rule: of overlapping matches the one that starts first wins.
  Matches that start at the same place begin with the same letter, so they are in the same
  chunk, where the matcher prefers the match of more words, then the term listed first. The
  matches are those of one matcher of all the terms (a test compares them on the corpus).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newscorpus.base.terms import TermMatcher

__all__ = ["Chunks", "Screen"]

_PART = re.compile(r"[\s\-‐‑'’ʼ.*]+")
_FIRST = re.compile(r"[^\W_]")


class Screen:
    """A screen for a list of terms.

    Examples
    --------
    >>> screen = Screen(["Russia", "al-Assad", "Kremlin's*", "U.S."])
    >>> sorted(screen.parts)
    ['al', 'kremlin', 'russia', 'u']
    >>> screen.passes("The KREMLIN said"), screen.passes("Iran said")
    (True, False)
    """

    def __init__(self, terms: Iterable[str]):
        parts = set()
        for term in terms:
            first = [p for p in _PART.split(term.strip()) if p]
            parts.add(first[0].casefold() if first else "")
        self.parts: frozenset[str] = frozenset(parts)
        self._all = "" in self.parts  # a term with no letters: screen nothing

    def passes(self, text: str, folded: str | None = None) -> bool:
        """Whether a term may occur in ``text`` (``folded``: ``text.casefold()``, if known)."""
        if self._all:
            return True
        folded = text.casefold() if folded is None else folded
        return any(part in folded for part in self.parts)


class Chunks:
    """The terms in chunks of at most ``size`` (a first letter's terms stay together), one
    :class:`~newscorpus.base.terms.TermMatcher` each, read as one matcher.

    Examples
    --------
    >>> chunks = Chunks(["naval base", "base", "Tartus", "air base"], size=2)
    >>> [m.terms for m, _ in chunks.matchers]
    [['base', 'air base'], ['naval base', 'Tartus']]
    >>> text = "Its naval base at Tartus and an air base."
    >>> [(text[a:b], chunks.terms[k]) for a, b, k in chunks.find_text(text)]
    [('naval base', 'naval base'), ('Tartus', 'Tartus'), ('air base', 'air base')]
    """

    def __init__(self, terms: Iterable[str], *, size: int = 150, parameter: str = "terms"):
        self.terms: list[str] = list(terms)
        by_letter: dict[str, list[int]] = {}
        for k, term in enumerate(self.terms):
            first = _FIRST.search(term)
            by_letter.setdefault(first.group().casefold() if first else "", []).append(k)
        groups: list[list[int]] = [[]]
        for letter in sorted(by_letter, key=lambda x: (-len(by_letter[x]), x)):
            chunk = min(groups, key=len)
            if chunk and len(chunk) + len(by_letter[letter]) > size:
                groups.append(chunk := [])
            chunk.extend(by_letter[letter])
        self.matchers: list[tuple[TermMatcher, list[int]]] = [
            (TermMatcher([self.terms[k] for k in sorted(g)], parameter=parameter), sorted(g))
            for g in groups if g]

    def find_text(self, text: str) -> list[tuple[int, int, int]]:
        """Return ``(start, end, term index)`` of each match in ``text``, left to right.

        A match of one chunk that starts inside an earlier match of another is dropped, as one
        matcher would; if it runs past that match's end, its chunk is read again from there,
        since it may have hidden a match that one matcher would find ("military presence in
        Syria": "presence in Syria" is dropped, "in Syria" is found).
        """
        found = sorted((a, b, index[k], c) for c, (matcher, index) in enumerate(self.matchers)
                       for a, b, k in matcher.find_text(text))
        out: list[tuple[int, int, int]] = []
        end = i = 0
        while i < len(found):
            a, b, k, c = found[i]
            i += 1
            if a >= end:
                out.append((a, b, k))
                end = b
            elif b > end:  # chunk c read past a match it could not see: read it again
                matcher, index = self.matchers[c]
                again = [(end + x, end + y, index[z], c)
                         for x, y, z in matcher.find_text(text[end:])]
                found = sorted([m for m in found[i:] if m[3] != c] + again)
                i = 0
        return out
