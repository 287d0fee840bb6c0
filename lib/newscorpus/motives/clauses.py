"""Reading one sentence: its parts, the actors and pronouns in it, and whom a pronoun stands for.

The rules are few and written down here, for English news prose:

* **Parts.** A sentence is cut at ``;``, ``!``, ``?``, a dash between spaces (``—``, ``–``,
  ``--``) and before the ``clause_words`` of the rules file ("but", "while", "whereas", ...).
  A clause word does not cut after "not only" ("not just a war but Russia's standing"). A
  colon and a comma do not cut, and the semicolons of a list after a colon do not either
  ("Russia has three aims: ...; ...; ..."). Inside a part, commas and ``complementizers``
  ("that") mark *stretches*: the cue's own stretch is where its holder is looked for first.
* **Mentions.** Every actor of the actor dictionary, and every pronoun of the rules file
  ("it", "its", "they", "he"). A mention right after a preposition (skipping determiners) is an
  *object* ("talks with Russia"), except after "by" and "for" ("propped up by Moscow", "For
  Russia, ..."); one joined to a word by a hyphen is a *modifier*
  ("Russian-backed forces", "US-led coalition"). Neither object nor modifier holds an aim.
* **Groups.** Mentions joined only by commas, coordinators and determiners, with at least one
  coordinator, are one holder ("Russia, Turkey and Iran want", "he and his Iranian and Turkish
  counterparts are calling for").
* **Pronouns** stand for the group of the nearest actor before them that opens its stretch
  and is neither object nor modifier, a subject ("While Russia regards the US as a
  trespasser, it needs ..."); failing that, for the nearest actor that is neither.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from newscorpus.motives.codebook import Codebook

__all__ = ["Mention", "Reading", "read"]

_BREAK = re.compile(r"[;!?]|\s[—–]|[—–]\s|\s--\s")
_HYPHEN = "-‐‑"
_GAP = re.compile(r"[\s,]*")
_COMMA = re.compile(",")
_TOKEN = re.compile(r"\S+")  # a word, for counting: a run of characters other than spaces
_CORRELATIVE = re.compile(r"\bnot (?:only|just|merely|simply)\b[^;!?]*$", re.IGNORECASE)
_POSSESSIVE = ("'s", "’s", "s'", "s’")
#: Prepositions whose object may still hold an aim: the agent and the point of view.
AGENTIVE = ("", "by", "for")


@dataclass(frozen=True)
class Mention:
    """An actor mention or a pronoun, as a possible holder of an aim."""

    start: int
    end: int
    actor: str  # the actor's label, or "" for a pronoun
    term: str  # as written
    prep: str = ""  # the preposition it is the object of, lower-cased, or ""
    modifier: bool = False

    @property
    def free(self) -> bool:
        """Neither object (but of "by" and "for") nor modifier: it may hold an aim."""
        return self.prep in AGENTIVE and not self.modifier

    @property
    def possessive(self) -> bool:
        """Whether it is written as a possessive: "Russia's", "its", "their", "his"."""
        return self.term.endswith(_POSSESSIVE) or self.term.lower() in ("its", "their", "his")


@dataclass
class Reading:
    """One sentence read: its parts, mentions, function words, commas and stretch breaks.

    ``part(position)`` gives the part (start, end) a position belongs to, ``stretch(position)``
    where its stretch (between commas and complementizers) starts.
    """

    text: str
    parts: list[tuple[int, int]]
    mentions: list[Mention]
    words: list[tuple[int, int, str]]  # function words: (start, end, class), in order
    commas: list[int]
    breaks: list[int]  # after each comma, and after each complementizer
    tokens: list[int] = field(default_factory=list)  # where each word starts

    def __post_init__(self):
        self.tokens = [m.start() for m in _TOKEN.finditer(self.text)]
        self._part_starts = [a for a, _ in self.parts]
        self._word_starts = [a for a, _, _ in self.words]
        self._word_ends = {b: (a, cls) for a, b, cls in self.words}
        self._groups: dict[Mention, list[Mention]] = {}

    def part(self, position: int) -> tuple[int, int]:
        return self.parts[max(bisect.bisect_right(self._part_starts, position) - 1, 0)]

    def stretch(self, position: int) -> int:
        start = self.part(position)[0]
        i = bisect.bisect_right(self.breaks, position)
        return max(start, self.breaks[i - 1]) if i else start

    def word_before(self, position: int) -> str:
        """The function word right before ``position`` (spaces between), lower-cased, or ""."""
        end = len(self.text[:position].rstrip())
        return self.text[self._word_ends[end][0]:end].lower() if end in self._word_ends else ""

    def _within(self, a: int, b: int) -> list[tuple[int, int, str]]:
        i = bisect.bisect_left(self._word_starts, a)
        j = bisect.bisect_left(self._word_starts, b)
        return [w for w in self.words[i:j] if w[1] <= b]

    def has(self, a: int, b: int, cls: str) -> bool:
        """Whether a function word of class ``cls`` stands between ``a`` and ``b``."""
        return any(c == cls for _, _, c in self._within(a, b))

    def blank(self, a: int, b: int, classes: tuple[str, ...]) -> str:
        """The text from ``a`` to ``b`` with the function words of ``classes`` blanked."""
        chars = list(self.text[a:b])
        for s, e, cls in self._within(a, b):
            if cls in classes:
                chars[s - a:e - a] = " " * (e - s)
        return "".join(chars)

    def words_between(self, a: int, b: int) -> int:
        """The number of words from ``a`` to ``b``."""
        return max(bisect.bisect_left(self.tokens, b) - bisect.bisect_left(self.tokens, a), 0)

    def word_start(self, position: int, count: int) -> int:
        """Where the ``count``-th word before ``position`` starts (or the text does)."""
        i = bisect.bisect_left(self.tokens, position) - count
        return self.tokens[i] if i >= 0 else 0

    def word_limit(self, position: int, count: int) -> int:
        """Where the word after the ``count``-th word after ``position`` starts (or the text
        ends)."""
        i = bisect.bisect_left(self.tokens, position) + count
        return self.tokens[i] if i < len(self.tokens) else len(self.text)

    def group(self, mention: Mention) -> list[Mention]:
        """The mentions coordinated with ``mention`` (itself included), in order."""
        if mention not in self._groups:
            self._groups[mention] = self._group(mention)
        return self._groups[mention]

    def _group(self, mention: Mention) -> list[Mention]:
        i = self.mentions.index(mention)
        lo = hi = i
        while lo > 0 and self._joined(self.mentions[lo - 1], self.mentions[lo]):
            lo -= 1
        while hi + 1 < len(self.mentions) and self._joined(self.mentions[hi],
                                                          self.mentions[hi + 1]):
            hi += 1
        group = self.mentions[lo:hi + 1]
        if not any(self.has(x.end, y.start, "coordinators")
                   for x, y in zip(group, group[1:], strict=False)):
            return [mention]
        return group

    def _joined(self, left: Mention, right: Mention) -> bool:
        if left.modifier or right.modifier:
            return False
        return _GAP.fullmatch(self.blank(left.end, right.start,
                                         ("coordinators", "determiners"))) is not None

    def resolve(self, mention: Mention) -> list[Mention]:
        """The actor mentions ``mention`` stands for: its group, pronouns replaced by theirs."""
        out: list[Mention] = []
        for m in self.group(mention):
            out.extend([m] if m.actor else self._antecedent(m))
        return out

    def _antecedent(self, pronoun: Mention) -> list[Mention]:
        before = [m for m in self.mentions if m.actor and m.end <= pronoun.start and m.free]
        subjects = [m for m in before if not any(
            o.free and o.start < m.start and self.stretch(o.start) == self.stretch(m.start)
            for o in self.mentions)]
        chosen = subjects[-1] if subjects else (before[-1] if before else None)
        return [m for m in self.group(chosen) if m.actor] if chosen is not None else []


def _preposition(text: str, start: int, words: list[tuple[int, int, str]],
                 starts: list[int]) -> str:
    """The preposition right before ``start`` (determiners skipped), lower-cased, or ""."""
    position = start
    for a, b, cls in reversed(words[:bisect.bisect_left(starts, start)]):
        if b > position:
            continue
        if text[b:position].strip():
            return ""
        if cls == "prepositions":
            return text[a:b].lower()
        if cls not in ("determiners", "pronouns"):  # "with its ally", "for the Kremlin"
            return ""
        position = a
    return ""


def _mentions(text: str, actors: list[tuple[str, str, int, int]],
              words: list[tuple[int, int, str]]) -> list[Mention]:
    found = [(a, b, label) for label, _, a, b in actors]
    taken = [(a, b) for a, b, _ in found]
    found += [(a, b, "") for a, b, cls in words if cls == "pronouns"
              and not any(x < b and a < y for x, y in taken)]
    out = []
    starts = [a for a, _, _ in words]
    for a, b, label in sorted(found):
        modifier = ((b < len(text) - 1 and text[b] in _HYPHEN and text[b + 1].isalpha())
                    or (a > 1 and text[a - 1] in _HYPHEN and text[a - 2].isalpha()))
        out.append(Mention(a, b, label, text[a:b], _preposition(text, a, words, starts),
                           modifier))
    return out


def read(text: str, actors: list[tuple[str, str, int, int]], book: Codebook,
         words: list[tuple[int, int, str]] | None = None) -> Reading:
    """Read one sentence, given its actor mentions (from ``load_actors().find``) and, when
    already found, its function words ``(start, end, class)``.

    Examples
    --------
    >>> from newscorpus.motives.codebook import default_codebook
    >>> from newscorpus.sentiment.actors import load_actors
    >>> text = "Russia, which backs Assad, opposed US strikes, but talks with Iran went on."
    >>> r = read(text, load_actors().find(text), default_codebook())
    >>> [(m.term, r.part(m.start), m.free) for m in r.mentions]
    [('Russia', (0, 47), True), ('Assad', (0, 47), True), ('US', (0, 47), True), \
('Iran', (47, 75), False)]
    >>> r.stretch(text.index("opposed")), [m.term for m in r.resolve(r.mentions[0])]
    (26, ['Russia'])
    """
    if words is None:
        matcher, classes = book.word_matcher
        words = [(a, b, classes[k]) for a, b, k in matcher.find_text(text)]
    mentions = _mentions(text, actors, words)
    colon = text.find(":")
    cuts = {m.start() for m in _BREAK.finditer(text)
            if not (0 <= colon < m.start() and text[m.start()] == ";")}
    cuts |= {a for a, _, cls in words if cls == "clause_words"
             and not _CORRELATIVE.search(text, max(0, a - 80), a)}  # "not just X but Y"
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(text)), len(text)]
    parts = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a] or [(0, 0)]
    commas = [m.start() for m in _COMMA.finditer(text)]
    breaks = sorted({*(i + 1 for i in commas),
                     *(b for _, b, cls in words if cls == "complementizers")})
    return Reading(text, parts, mentions, words, commas, breaks)
