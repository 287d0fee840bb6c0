"""The codebook's nine labels and the editable rules file that says how to find them.

:data:`LABELS` are the motives of the project's codebook (``tests/gold/motives/
MOTIVES_CODEBOOK.md``), in its order. The rules live in ``data/motives_en.yaml`` (its header
explains the format): per label a vocabulary (and the regime's names, counted only beside a
cue of support), per kind of cue its words, where the actor holding the aim stands and which
labels it may license, and the function words the rules read a sentence with.
:func:`load_codebook` reads and checks such a file, reporting every problem at once (file,
entry, field, what is wrong, how to fix it). The matchers are compiled once per codebook.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from newscorpus.base.errors import NewsCorpusError, Problem
from newscorpus.base.paths import display, resolve
from newscorpus.base.rulefiles import read_yaml
from newscorpus.base.terms import TermMatcher
from newscorpus.motives import checks
from newscorpus.motives.screens import Chunks

__all__ = ["HOLDERS", "LABELS", "SCOPES", "SETTINGS", "Codebook", "CueKind", "Motive",
           "default_codebook", "default_motives_path", "load_codebook"]

#: The nine motives of the codebook, in its order.
LABELS = ("regime_survival", "military_presence", "counterterrorism", "great_power_status",
          "leverage_over_west", "settlement_on_its_terms", "prevent_regime_change",
          "economic_interests", "regional_influence")

#: Where the actor holding a cue's aim stands (see the rules file's header).
HOLDERS = ("before", "speaker", "subject", "noun", "owner", "after")

#: Where a cue's motive words may stand: after the cue, or on either side of it in its part.
SCOPES = ("after", "clause")

#: The sections of a rules file.
SECTIONS = ("settings", "labels", "cues")

#: The word lists of ``settings``, each a class of function words.
SETTINGS = ("pronouns", "prepositions", "determiners", "coordinators", "complementizers",
            "copulas", "clause_words")


@dataclass(frozen=True)
class Motive:
    """One label: its ``name`` (from :data:`LABELS`), description, vocabulary, exclusions and
    ``objects`` (words that count only beside a cue of support: the regime's names)."""

    name: str
    description: str
    terms: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()


@dataclass(frozen=True)
class CueKind:
    """One kind of cue: where its holder stands, its scope, the labels it licenses, its words."""

    name: str
    description: str
    holder: str
    labels: tuple[str, ...]
    terms: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    scope: str = "after"
    needs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    objects: bool = False
    objects_unless: tuple[str, ...] = ()
    window: int | None = None
    after: tuple[str, ...] = ()

    @functools.cached_property
    def needs_matchers(self) -> dict[str, TermMatcher]:
        """The matcher of the words each label needs (labels that need nothing are absent)."""
        return {label: TermMatcher(words, parameter=f"cue {self.name}")
                for label, words in self.needs.items() if words}


@dataclass(frozen=True)
class Codebook:
    """The rules, as read by :func:`load_codebook`; the compiled matchers are cached on it.

    Examples
    --------
    >>> book = default_codebook()
    >>> [m.name for m in book.motives] == list(LABELS)
    True
    >>> [c.name for c in book.cues][:3], book.window
    (['want', 'aim_noun', 'stake'], 20)
    >>> matcher, kinds = book.cue_matcher
    >>> [(kinds[k], matcher.terms[k]) for _, _, k in matcher.find_text("Moscow's goal: a deal")]
    [('aim_noun', 'goal')]
    >>> matcher, owners = book.vocabulary
    >>> [owners[k] for _, _, k in matcher.find_text("to prop up Assad, not his chemical weapons")]
    [('regime_survival', 'term'), ('regime_survival', 'object'), ('', '')]
    """

    motives: tuple[Motive, ...]
    cues: tuple[CueKind, ...]
    words: Mapping[str, tuple[str, ...]]
    window: int
    source: str = field(default="", compare=False)

    @functools.cached_property
    def vocabulary(self) -> tuple[Chunks, list[tuple[str, str]]]:
        """The words of every label, matched together, and ``(label, 'term' or 'object')`` of
        each (:class:`~newscorpus.motives.screens.Chunks`: one matcher, read in chunks).

        The exclusions are terms of the same matcher, listed first, owned by ``('', '')``: by
        the matcher's overlap rule they take the words they cover from every label.
        """
        exclude = list(dict.fromkeys(x for m in self.motives for x in m.exclude))
        terms = [(m.name, kind, t) for m in self.motives
                 for kind, ts in (("term", m.terms), ("object", m.objects)) for t in ts]
        return (Chunks([*exclude, *(t for _, _, t in terms)], parameter="labels"),
                [("", "")] * len(exclude) + [(name, kind) for name, kind, _ in terms])

    @functools.cached_property
    def cue_matcher(self) -> tuple[Chunks, list[str]]:
        """Every cue word, matched together, and the kind of each term (by index); the
        exclusions, listed first, are of kind ``''`` and take the words they cover."""
        exclude = list(dict.fromkeys(t for c in self.cues for t in c.exclude))
        terms = [(c.name, t) for c in self.cues for t in c.terms]
        return (Chunks([*exclude, *(t for _, t in terms)], parameter="cues"),
                [""] * len(exclude) + [k for k, _ in terms])

    @functools.cached_property
    def word_matcher(self) -> tuple[TermMatcher, list[str]]:
        """One matcher of the function words, and the class of each term (by index)."""
        terms = [(name, t) for name in SETTINGS for t in self.words[name]]
        return TermMatcher([t for _, t in terms], parameter="settings"), [k for k, _ in terms]

    def reader(self, actors) -> tuple[Chunks, list[tuple[str, str]]]:
        """Everything a sentence is read with, matched in one pass: the actors' terms, the
        function words and the cue words, and of each term its ``('actor', label)``,
        ``('word', class)`` or ``('cue', kind)``.

        The exclusions (of actors and of cues) are terms too, listed first, of owner
        ``('', '')``: each starts with or before the term it excludes ("Washington Post",
        "humanitarian aid"), so by the matcher's overlap rule it takes that term's place. A cue
        of several words takes the function words it contains ("in order to"). The mentions
        are those of :meth:`~newscorpus.sentiment.actors.Actors.find` (a test compares them).
        Cached per actor dictionary.
        """
        cached = self._readers.get(id(actors))
        if cached is None or cached[0] is not actors:  # by identity: hashing is slow
            terms = [(("", ""), t) for a in actors.actors for t in a.exclude]
            terms += [(("", ""), t) for t in dict.fromkeys(x for c in self.cues
                                                           for x in c.exclude)]
            terms += [(("actor", a.label), t) for a in actors.actors for t in a.terms]
            terms += [(("word", name), t) for name in SETTINGS for t in self.words[name]]
            terms += [(("cue", c.name), t) for c in self.cues for t in c.terms]
            cached = (actors, Chunks([t for _, t in terms], size=170, parameter="reader"),
                      [owner for owner, _ in terms])
            self._readers[id(actors)] = cached
        return cached[1], cached[2]

    @functools.cached_property
    def _readers(self) -> dict:
        return {}

    @functools.cached_property
    def kinds(self) -> dict[str, CueKind]:
        """The cue kinds by name."""
        return {c.name: c for c in self.cues}


def default_motives_path() -> Path:
    """Return the path of the packaged rules, ``newscorpus/data/motives_en.yaml``."""
    return Path(str(resources.files("newscorpus") / "data" / "motives_en.yaml"))


@functools.lru_cache(maxsize=1)
def default_codebook() -> Codebook:
    """Return the packaged rules, read once per process."""
    return load_codebook()


def load_codebook(path: str | os.PathLike[str] | None = None) -> Codebook:
    """Read and check a rules file (by default the packaged ``motives_en.yaml``).

    A relative path is read from the project root. Every problem is reported at once.

    Raises
    ------
    NewsCorpusError
        If the file is missing, not UTF-8 YAML, has a key twice, lacks a section or a label,
        names an unknown label, field or holder, or has a term that is empty, not text,
        misplaces ``*`` or is listed twice in its group (labels, cues or settings).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "motives.yaml"
    >>> _ = path.write_text("settings: {}\\nlabels: {}\\ncues: {want: {holder: behind}}\\n")
    >>> load_codebook(path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.NewsCorpusError: The motive rules .../motives.yaml have problems:
    .../motives.yaml, settings, field 'window': the window should be a whole number ...
    ...
    .../motives.yaml, cue 'want', field 'holder': the holder 'behind' is not one of before, \
speaker, subject, noun, owner, after. Fix: say where the actor holding the aim stands: \
before, speaker, subject, noun, owner or after.
    ...
    """
    file = default_motives_path() if path is None else resolve(path)
    where = display(file)
    data = read_yaml(file, missing="the motive rules file does not exist",
                     missing_fix="check the path, or pass None for the packaged motives_en.yaml",
                     syntax_fix="fix the indentation or quoting there, as in the packaged "
                                "motives_en.yaml")
    if not isinstance(data, dict):
        raise NewsCorpusError(Problem(where, "expected a mapping with the sections "
                                      f"{', '.join(SECTIONS)}, found {type(data).__name__}",
                                      "start each section at the left margin, as in the "
                                      "packaged motives_en.yaml"))
    problems = [Problem(where, f"unknown section {k!r}", f"use only {', '.join(SECTIONS)}")
                for k in data if k not in SECTIONS]
    words, window = checks.settings(data.get("settings"), where, problems, lists=SETTINGS)
    motives = tuple(Motive(*x) for x in checks.labels(data.get("labels"), where, problems,
                                                        names=LABELS))
    cues = tuple(CueKind(**x) for x in checks.cues(data.get("cues"), where, problems,
                                                   names=LABELS, holders=HOLDERS,
                                                   scopes=SCOPES))
    if problems:
        raise NewsCorpusError(problems, title=f"The motive rules {where} have problems:")
    return Codebook(motives, cues, words, window, where)
