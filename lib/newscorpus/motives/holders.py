"""Who holds a cue: the actor whose aim, support or claim the cue states, and the cue's scope.

Where the holder stands depends on the kind of cue (``holder`` in the rules file):

* ``before``: the agent before the cue in its part: the nearest actor or pronoun before it in
  its stretch that is neither object nor modifier ("Russia wants"), or the owner right before
  a noun, even inside a prepositional phrase ("thanks to Russian backing"). When the stretch
  has none: for a cue opening its part, the actor opening the next stretch, the scope ending at
  the comma ("To keep its base, Moscow ..."); else the actor right before a comma that a
  relative or appositive stretch follows ("Russia, which backs Assad, wants ..."); else the
  nearest free actor before the stretch.
* ``speaker`` (verbs of saying): as ``before``; but when the cue stands in a stretch after a
  comma, at most :data:`TAIL_WORDS` words from the end of its part, the speaker is the actor of
  that stretch, before or right after the verb, and the scope is the reported speech before
  the comma ("The aim is to help the Syrian army, said Kremlin spokesman Dmitry Peskov").
* ``subject``: an actor of the stretch joined to the cue by a copula, never the possessive
  before the cue ("Russia is Assad's main backer"; "Russia, Assad's main backer, ..." is in
  passing).
* ``owner`` (nouns of stake): an actor at most :data:`OWNER_WORDS` words before the noun with
  no comma or preposition between ("its regional influence", "Russia's clout"), or after
  "of", "for", "by" or "why" ("the influence of Moscow"); nobody else.
* ``noun`` (nouns of aim): as ``owner``, else as ``before`` ("Moscow pursues three goals").
* ``after``: the actor right after the cue ("important to Moscow").

For every kind but ``after``, an actor after "by" right after the cue is the holder
("propped up by Moscow"). The holder is a group: coordinated actors, pronouns resolved
(:mod:`newscorpus.motives.clauses`); it is empty when nobody holds the cue.
"""

from __future__ import annotations

import re

from newscorpus.motives.clauses import Mention, Reading
from newscorpus.motives.codebook import CueKind

__all__ = ["OWNER_WORDS", "TAIL_WORDS", "holder"]

#: At most this many words between the owner of a noun and the noun.
OWNER_WORDS = 4

#: At most this many words after a verb of saying that ends its part ("..., Lavrov said").
TAIL_WORDS = 8

_WORD_BEFORE = re.compile(r"([^\W_][\w'’-]*)[ \t]+$")


def _after(r: Reading, b: int, end: int, preps: tuple[str, ...] | None) -> Mention | None:
    """The first mention after ``b`` (before ``end``) with only function words between, the
    object of a preposition of ``preps`` (``None``: of any, the cue's own: "important to")."""
    m = next((m for m in r.mentions if m.start >= b), None)
    if (m is None or m.start >= end or m.modifier
            or r.blank(b, m.start, ("determiners", "prepositions")).strip()):
        return None
    if preps is None or m.prep in preps or "why" in r.text[b:m.start].lower().split():
        return m
    return None


def _owner(r: Reading, a: int, start: int) -> Mention | None:
    """The actor owning the noun at ``a``: a few words before it, no comma or preposition."""
    m = next((m for m in reversed(r.mentions) if start <= m.start and m.end <= a), None)
    if (m is None or m.modifier or "," in r.text[m.end:a]
            or r.words_between(m.end, a) > OWNER_WORDS or r.has(m.end, a, "prepositions")):
        return None
    return m


def _phrase(r: Reading, a: int) -> int:
    """Where the noun phrase ending with the noun at ``a`` starts: up to three words before it
    that are neither function words nor actors ("a major diplomatic initiative")."""
    taken = [(s, e) for s, e, _ in r.words] + [(m.start, m.end) for m in r.mentions]
    for _ in range(3):
        found = _WORD_BEFORE.search(r.text, 0, a)
        if found is None or any(s < found.end(1) and found.start(1) < e for s, e in taken):
            break
        a = found.start(1)
    return a


def _before(r: Reading, a: int, b: int, subject: bool) -> tuple[Mention | None, int]:
    """The agent of the cue at ``a:b`` and where its scope ends (-1: the part's end)."""
    start, end = r.part(a)
    stretch = r.stretch(a)
    near = [m for m in r.mentions if stretch <= m.start and m.end <= a and not m.modifier]
    if subject:
        near = [m for m in near if r.has(m.end, a, "copulas") and m.free]
        return (near[-1] if near else None), -1
    if near:
        last = near[-1]
        if not r.text[last.end:a].strip():  # the owner right before a noun: "Russian backing"
            return last, -1
        free = [m for m in near if m.free]
        return (free[-1] if free else None), -1
    if stretch == start:  # the cue opens its part: "To keep its base, Moscow ..."
        comma = next((c for c in r.commas if b <= c < end), -1)
        later = next((m for m in r.mentions if comma < m.start < end), None)
        if (comma > 0 and later is not None and later.free and later.actor
                and r.words_between(start, a) <= 1
                and not r.blank(comma + 1, later.start, ("determiners",)).strip()):
            return later, comma
        return None, -1
    free = [m for m in r.mentions if start <= m.start and m.end <= stretch and m.free]
    heads = [m for m in free if r.text[m.end:m.end + 1] == "," and m.end + 1 != stretch]
    return (heads[-1] if heads else free[-1] if free else None), -1


def holder(r: Reading, a: int, b: int,
           kind: CueKind) -> tuple[tuple[Mention, ...], int, int, int]:
    """The holder group of the cue at ``a:b``, where its scope starts and ends, and where its
    objects may start.

    The end is -1 when the scope runs to the end of the part (within the window). The scope
    starts at the cue, at the start of a noun's phrase or after its owner, or at the start of
    the stretch when a copula comes right before the noun ("Keeping Assad in power is
    Moscow's priority"). Objects stand after the cue, or anywhere in the part for a passive
    ("Assad, propped up by Moscow"), or in the stretch for a noun right after its holder
    ("Assad retains Moscow's support") and for a subject ("Russia is Assad's backer").

    Examples
    --------
    >>> from newscorpus.motives.clauses import read
    >>> from newscorpus.motives.codebook import default_codebook
    >>> from newscorpus.sentiment.actors import load_actors
    >>> book = default_codebook()
    >>> def held(text, cue, kind):
    ...     r = read(text, load_actors().find(text), book)
    ...     a = text.index(cue)
    ...     group, start, end, _ = holder(r, a, a + len(cue), book.kinds[kind])
    ...     return [m.term for m in group], text[start:end if end >= 0 else None]
    >>> held("Assad has been propped up by the Russian and Iranian military.", "propped up",
    ...      "support")
    (['Russian', 'Iranian'], 'propped up by the Russian and Iranian military.')
    >>> held("Russia, which backs Assad, wants calm.", "wants", "want")
    (['Russia'], 'wants calm.')
    >>> held("Israel seeks to limit Russia's regional influence.", "influence", "stake")
    (["Russia's"], ' regional influence.')
    >>> held("Keeping Assad in power is Moscow's priority.", "priority", "aim_noun")
    (["Moscow's"], "Keeping Assad in power is Moscow's priority.")
    >>> held("To keep its base, Moscow courts Damascus.", "To keep", "purpose")
    (['Moscow'], 'To keep its base')
    """
    start, end = r.part(a)
    if kind.holder != "after":
        agent = _after(r, b, end, ("by",))
        if agent is not None:
            return tuple(r.resolve(agent)), a, -1, start
    if kind.holder == "after":
        m = _after(r, b, end, None)
        return (tuple(r.resolve(m)) if m is not None else ()), a, -1, a
    stretch = r.stretch(a)
    if (kind.holder == "speaker" and stretch > start and r.words_between(b, end) <= TAIL_WORDS
            and r.words_between(stretch, a) <= OWNER_WORDS):  # "..., the Kremlin said"
        m = next((x for x in reversed(r.mentions) if stretch <= x.start and x.end <= a), None)
        if m is None and not r.text[stretch:a].strip():  # "..., said Kremlin spokesman X"
            m = next((x for x in r.mentions if x.start >= b), None)
            m = m if m is not None and r.words_between(b, m.start) <= 2 else None
        if m is not None and m.free:
            return tuple(r.resolve(m)), start, stretch - 1, start
    copula = r.has(max(stretch, r.word_start(a, OWNER_WORDS + 1)), a, "copulas")
    if kind.holder in ("owner", "noun"):
        m = _owner(r, a, start)
        if m is not None:
            scope = stretch if copula and not r.has(m.end, a, "copulas") else m.end
            return tuple(r.resolve(m)), scope, -1, a
        m = _after(r, b, end, ("of", "for", "by"))
        if m is not None:
            return tuple(r.resolve(m)), stretch if copula else _phrase(r, a), -1, a
        if kind.holder == "owner":
            return (), a, -1, a
    m, stop = _before(r, a, b, kind.holder == "subject")
    if m is None:
        return (), a, stop, a
    scope = (stretch if copula else _phrase(r, a)) if kind.holder == "noun" else a
    lowest = stretch if kind.holder == "subject" or not r.text[m.end:a].strip() else a
    return tuple(r.resolve(m)), scope, stop, lowest
