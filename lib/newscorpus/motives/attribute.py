"""Which motives a sentence attributes to Russia, and why: a cue held by Russia, a motive word.

For one sentence, :func:`attribute` applies the rules file (:mod:`newscorpus.motives.codebook`)
to the sentence as :mod:`newscorpus.motives.clauses` reads it:

1. **Russia.** The sentence must mention the actor "Russia" of the actor dictionary (a quick
   substring screen first, so that most sentences of a corpus cost next to nothing). Its
   actors, function words and cues are then found in one pass (:meth:`Codebook.reader`).
2. **Holder.** Each cue gets the actor holding it, by its kind's ``holder``
   (:mod:`newscorpus.motives.holders`: "Russia wants", "Moscow's goal", "propped up by
   Moscow", "important to Moscow", "..., said Kremlin spokesman Peskov"; not an object, "talks
   with Russia", nor a hyphenated modifier, "Russian-backed forces"). The cue is Russia's when
   its holder group has a Russian mention; a cue nobody holds inside the scope of Russia's is
   Russia's too ("Moscow's aim is to help the Syrian army").
3. **Others' aims.** A Russian cue inside the aim of another actor ("Washington hopes Russia
   will help broker a truce") is that actor's, and is dropped; another actor's aim after a
   Russian cue ends its scope ("... banking on Obama's desire to defeat IS").
4. **Scope.** From the cue (from the owner, for a noun: "its regional influence"; on both sides
   for ``scope: clause``) to the end of its part, at most ``window`` words away; for a claim
   of counterterrorism, one of its ``needs`` words must come first ("Russia says its strikes
   *target* terrorists", not "Russia said its jets killed 30 terrorists").
5. **Label.** A word of a label's vocabulary in the scope, for a label the cue licenses, gives
   the label; the regime's names (``objects``) count only beside a cue of support, after it or,
   for a noun or a passive, before it ("Assad retains Moscow's support"), unless the help is
   of another kind (``objects_unless``: "help Damascus rebuild its oil industry"). The
   vocabularies are matched only where Russia holds a cue.

The evidence kept is that of the first cue, then the first word. A denied or disputed aim
still counts ("critics say Moscow only wants to save Assad"), as the codebook asks.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from newscorpus.motives.clauses import Mention, Reading, read
from newscorpus.motives.codebook import Codebook, CueKind, default_codebook
from newscorpus.motives.holders import holder
from newscorpus.motives.screens import Screen
from newscorpus.sentiment.actors import Actors, load_actors

__all__ = ["RUSSIA", "Evidence", "attribute"]

#: The label of the Russian actor in the actor dictionary.
RUSSIA = "Russia"

#: Kinds of cue whose holder's aim takes in a Russian cue after it ("Israel wants Russia to
#: keep ...") or ends the scope of one before it ("Moscow banks on Obama's desire to ...").
_AIMS = ("want", "aim_noun")


@dataclass(frozen=True)
class Evidence:
    """Why a sentence has a label: the Russian mention, the cue it holds, the motive word.

    Offsets are character offsets in the sentence.
    """

    motive: str
    actor: str
    actor_start: int
    actor_end: int
    cue: str
    cue_start: int
    cue_end: int
    term: str
    term_start: int
    term_end: int
    cue_kind: str = ""


@dataclass(frozen=True)
class _Held:
    """A cue with its holder group, its scope and the span its objects may stand in."""

    start: int
    end: int
    kind: CueKind
    holders: tuple[Mention, ...]
    scope: tuple[int, int]
    objects: tuple[int, int]
    actor: Mention | None  # the Russian mention of the holders, if any


def _russian(holders: tuple[Mention, ...]) -> Mention | None:
    """The first Russian mention of a holder group, or None."""
    return next((m for m in holders if m.actor == RUSSIA), None)


def _hold(r: Reading, a: int, b: int, kind: CueKind, window: int) -> _Held:
    group, start, stop, lowest = holder(r, a, b, kind)
    first, last = r.part(a)
    limit = min(last, r.word_limit(b, kind.window or window))
    end = min(limit, stop) if stop >= 0 else limit
    back = r.word_start(a, kind.window or window)
    if kind.scope == "clause":
        start = max(first, back)
    return _Held(a, b, kind, group, (start, end), (max(first, back, lowest), end),
                 _russian(group))


def _keep(r: Reading, held: list[_Held], window: int) -> list[_Held]:
    """The cues Russia holds, outside others' aims, their scopes ended by others' aims.

    A cue nobody holds, in the scope of a cue Russia holds, is Russia's too ("Moscow's aim is
    to *help* the Syrian army", "The aim is to *help* Assad, said Kremlin spokesman Peskov").
    """
    russian = [h for h in held if h.actor is not None]
    held = [h if h.holders else next(
        (_Held(h.start, h.end, h.kind, o.holders, h.scope, h.objects, o.actor) for o in russian
         if o.scope[0] <= h.start and h.end <= o.scope[1] and o is not h), h) for h in held]
    others = [o for o in held if o.holders and o.actor is None]
    out = []
    for h in held:
        actor = h.actor
        if actor is None or any(
                o.kind.name in _AIMS and o.end <= actor.start and h.start >= o.end
                and r.part(o.start) == r.part(h.start)
                and r.words_between(o.end, h.start) <= window for o in others):
            continue
        end = min([h.scope[1], *(o.start for o in others if o.start >= h.end
                                 and o.kind.name in _AIMS)])
        out.append(_Held(h.start, h.end, h.kind, h.holders, (h.scope[0], end), h.objects,
                         actor))
    return out


def _needed(text: str, h: _Held, label: str, term_start: int) -> bool:
    """Whether the cue needs no more words for ``label``, or one comes before the word, in
    the cue's scope: after the cue, or, for reported speech before the verb ("The strikes
    target IS, the ministry said"), from the start of the scope."""
    matcher = h.kind.needs_matchers.get(label)
    if matcher is None:
        return True
    first = min(h.end, h.scope[0])
    return any(first <= a and b <= term_start and not (h.start <= a < h.end)
               for a, b, _ in matcher.find_text(text))


def attribute(text: str, *, codebook: Codebook | None = None,
              actors: Actors | None = None) -> list[Evidence]:
    """Return the motives ``text`` (one sentence) attributes to Russia, with their evidence.

    Parameters
    ----------
    text : str
        One sentence.
    codebook : Codebook, optional
        The rules (default: the packaged ``motives_en.yaml``).
    actors : Actors, optional
        The actor dictionary (default: the packaged ``actors_en.yaml``).

    Returns
    -------
    list of Evidence
        One per label found, in the codebook's order of labels.

    Examples
    --------
    >>> [(e.motive, e.actor, e.cue, e.term) for e in attribute(
    ...     "Moscow wants to keep its naval base at Tartus and to prop up Assad.")]
    [('regime_survival', 'Moscow', 'wants', 'prop up'), ('military_presence', 'Moscow', \
'wants', 'naval base')]
    >>> attribute("Russian jets struck Idlib on Tuesday.")
    []
    >>> attribute("Israel seeks to limit Russian influence in Syria.")
    []
    """
    book = default_codebook() if codebook is None else codebook
    actors = _default_actors() if actors is None else actors
    if not _russian_screen(actors).passes(text):
        return []
    reader, owners = book.reader(actors)
    found, functions, cues = [], [], []
    for a, b, k in reader.find_text(text):
        role, name = owners[k]
        if role == "actor":
            found.append((name, text[a:b], a, b))
        elif role == "word":
            functions.append((a, b, name))
        elif role == "cue":
            cues.append((a, b, book.kinds[name]))
    if not cues or not any(label == RUSSIA for label, _, _, _ in found):
        return []
    r = read(text, found, book, functions)
    hot = {r.part(m.start) for m in r.mentions if m.actor in (RUSSIA, "")}  # Russia may hold
    cues = [(a, b, kind) for a, b, kind in cues if r.part(a) in hot
            and (not kind.after or _word_before(text, a) in kind.after)]
    russian = _keep(r, [_hold(r, a, b, kind, book.window) for a, b, kind in cues], book.window)
    if not russian:
        return []
    lo = r.word_start(min(min(h.scope[0], h.objects[0]) for h in russian), 3)  # exclusions
    hi = max(max(h.scope[1], h.objects[1]) for h in russian)
    vocabulary, labels = book.vocabulary
    words = [(lo + a, lo + b, *labels[k]) for a, b, k in vocabulary.find_text(text[lo:hi])
             if labels[k][0]]
    best: dict[str, Evidence] = {}
    for h in russian:
        actor = h.actor
        other = h.kind.objects_unless and any(  # "help Damascus rebuild": economic help
            h.end <= a and b <= h.scope[1] and role == "term" and label in h.kind.objects_unless
            for a, b, label, role in words)
        for a, b, label, role in words:
            if label in best or label not in h.kind.labels:
                continue
            if role == "object":
                lo, hi = h.objects
                if not h.kind.objects or not (lo <= a and b <= hi) or other:
                    continue
            elif not (h.scope[0] <= a and b <= h.scope[1]) or not _needed(text, h, label, a):
                continue
            if any(m.start < b and a < m.end for m in h.holders):
                continue
            best[label] = Evidence(label, text[actor.start:actor.end], actor.start,
                                   actor.end, text[h.start:h.end], h.start, h.end,
                                   text[a:b], a, b, h.kind.name)
    order = {name: i for i, name in enumerate(m.name for m in book.motives)}
    return sorted(best.values(), key=lambda e: order[e.motive])


_LAST_WORD = re.compile(r"([^\W_]+)\s+$")


def _word_before(text: str, position: int) -> str:
    """The word right before ``position``, lower-cased, also when it ends a cue of several
    words ("the campaign to *restore*": "to" is part of the cue "campaign to").

    >>> _word_before("a campaign to restore", 14)
    'to'
    """
    found = _LAST_WORD.search(text, max(0, position - 40), position)
    return found.group(1).lower() if found else ""


_SCREENS: dict[int, tuple[Actors, Screen]] = {}


def _russian_screen(actors: Actors) -> Screen:
    """The screen of the Russian actor's terms, cached by identity (hashing is slow)."""
    cached = _SCREENS.get(id(actors))
    if cached is None or cached[0] is not actors:
        cached = _SCREENS[id(actors)] = (actors, Screen(
            t for a in actors.actors if a.label == RUSSIA for t in a.terms))
    return cached[1]


@functools.lru_cache(maxsize=1)
def _default_actors() -> Actors:
    return load_actors()
