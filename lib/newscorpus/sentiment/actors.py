"""Who is mentioned where: an editable dictionary of actors, their mentions, the tone around them.

The dictionary (``data/actors_en.yaml`` in this package, or any file of the same form) lists
for each actor the words and phrases that refer to it; the file's header explains the format.
Terms are matched by the project's one rule (:mod:`newscorpus.base.terms`): whole words and
the parts of hyphenated words, a term in capitals (``US``, ``IS``) only in capitals and any
other term in any case, possessives included in the match, a final ``*`` for any continuation,
the first and longest of overlapping matches, an actor's ``exclude`` phrases dropping the
matches they overlap (``Washington Post`` is not Washington), and no capital-only term in a
sentence written in capitals (``WHAT IS RUSSIA DOING`` mentions Russia, not the Islamic State).

A mention is a word that names an actor. Counting mentions says who the coverage talks about;
the tone of sentences that mention an actor (:func:`actor_tone`) is the tone of the coverage
around it, not the actor's stance and not a stance towards it.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path

import pandas as pd

from newscorpus.base.errors import NewsCorpusError, ParameterError, Problem
from newscorpus.base.paths import display, resolve
from newscorpus.base.terms import TermMatcher

__all__ = ["Actor", "Actors", "default_actors_path", "load_actors"]

_FIELDS = {"label", "terms", "exclude", "note"}
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def default_actors_path() -> Path:
    """Return the path of the packaged dictionary, ``data/actors_en.yaml``."""
    return Path(str(importlib_resources.files("newscorpus") / "data" / "actors_en.yaml"))


def _normal(term: str) -> str:
    """The form two terms share when they would match the same words."""
    body = re.sub(r"[\s\-‐‑]+", " ", term.strip()).replace("’", "'").replace("ʼ", "'")
    return body.casefold()


@dataclass(frozen=True)
class Actor:
    """One actor: its ``key``, the ``label`` shown in tables, its terms and exclusions."""

    key: str
    label: str
    terms: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Actors:
    """An actor dictionary, in file order; made by :func:`load_actors`.

    Examples
    --------
    >>> actors = load_actors()
    >>> actors.labels[:3]
    ('Russia', 'United States', 'Assad government')
    >>> actors.find("The U.S. and Russia's envoys met; the US-led coalition is in Syria.")
    [('United States', 'U.S.', 4, 8), ('Russia', 'Russia', 13, 21), ('United States', 'US', 38, 40)]
    """

    actors: tuple[Actor, ...]
    source: str = ""

    @property
    def labels(self) -> tuple[str, ...]:
        """The actors' labels, in file order."""
        return tuple(a.label for a in self.actors)

    @functools.cached_property
    def _matcher(self) -> tuple[TermMatcher, list[str]]:
        terms = [(a.label, term) for a in self.actors for term in a.terms]
        exclude = [term for a in self.actors for term in a.exclude]
        return TermMatcher([term for _, term in terms], exclude=exclude), [a for a, _ in terms]

    def find(self, text: str) -> list[tuple[str, str, int, int]]:
        """Return ``(actor label, term, start, end)`` for each mention in ``text``, in order.

        Terms are matched by the project's one rule (:mod:`newscorpus.base.terms`).
        """
        matcher, owners = self._matcher
        return [(owners[k], matcher.terms[k], start, end)
                for start, end, k in matcher.find_text(text)]

    def table(self) -> pd.DataFrame:
        """The dictionary as a table: ``actor, key, terms, exclude, note`` (terms joined)."""
        return pd.DataFrame({"actor": [a.label for a in self.actors],
                             "key": [a.key for a in self.actors],
                             "terms": [", ".join(a.terms) for a in self.actors],
                             "exclude": [", ".join(a.exclude) for a in self.actors],
                             "note": [a.note for a in self.actors]})


# --- loading ----------------------------------------------------------------------------------


def _strings(value, where: str, field: str, problems: list[Problem]) -> tuple[str, ...]:
    """The list of terms in ``value``, each checked; problems are added to ``problems``."""
    if value is None:
        value = []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        problems.append(Problem(where, f"expected a list of terms, got {type(value).__name__}",
                                f"write {field}: [term, term, ...]", field))
        return ()
    out = []
    for item in value:
        if not isinstance(item, str):
            problems.append(Problem(where, f"the term {item!r} is not text (YAML read it as "
                                    f"{type(item).__name__})", f"put it in quotes: \"{item}\"",
                                    field))
        elif not item.strip() or not item.strip().rstrip("*").strip():
            problems.append(Problem(where, f"the term {item!r} is empty", "remove it", field))
        elif "*" in item.strip()[:-1]:
            problems.append(Problem(where, f"the term {item!r} has a * before its end",
                                    "use * only as the last character", field))
        else:
            out.append(" ".join(item.split()))
    return tuple(out)


def load_actors(path: str | os.PathLike[str] | None = None) -> Actors:
    """Read an actor dictionary (default: the packaged ``data/actors_en.yaml``).

    A relative path is read from the project root. Every problem in the file is reported at
    once.

    Raises
    ------
    ParameterError
        If the file is missing or cannot be read (a subclass of NewsCorpusError).
    NewsCorpusError
        If the file is not UTF-8 YAML, is not a mapping of actors, an actor has no
        terms, a term is not text (``NO`` or ``1`` unquoted), an entry has an unknown field, or
        a term is listed twice (for two actors, or as a term and an exclusion), naming both.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "actors.yaml"
    >>> _ = path.write_text("a:\\n  label: A\\n  terms: [Damascus]\\n"
    ...                     "b:\\n  label: B\\n  terms: [damascus]\\n")
    >>> load_actors(path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.NewsCorpusError: .../actors.yaml, actor 'b', field 'terms': the term \
'damascus' is already listed for actor 'a' (as 'Damascus'). Fix: keep it for one actor only.
    """
    import yaml

    from newscorpus.corpus.files import decode_text

    path = default_actors_path() if path is None else resolve(path)
    where = display(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ParameterError(Problem(where, f"the actor dictionary cannot be read "
                                     f"({err.strerror})", "check the path (in the notebooks: "
                                     "the actors_file parameter), or pass None for the "
                                     "packaged dictionary")) from None
    text, problem = decode_text(data, where, where)
    if problem:
        raise NewsCorpusError(problem)
    try:
        content = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f" line {mark.line + 1}" if mark is not None else ""
        reason = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise NewsCorpusError(Problem(f"{where}{at}", f"the file is not valid YAML ({reason})",
                                      "compare it with the packaged actors_en.yaml")) from None
    if not isinstance(content, dict) or not content:
        raise NewsCorpusError(Problem(where, "expected a mapping of actors (key: {label, "
                                      f"terms}}), found {type(content).__name__}",
                                      "start each actor with its key at the left margin"))
    problems: list[Problem] = []
    actors: list[Actor] = []
    seen: dict[str, tuple[str, str]] = {}
    for key, entry in content.items():
        here = f"{where}, actor '{key}'"
        if not isinstance(key, str) or not _KEY.fullmatch(key):
            read = "" if isinstance(key, str) else f" (YAML read it as {type(key).__name__})"
            problems.append(Problem(here, f"the key {key!r} is not a plain name{read}",
                                    "use letters, digits and _ only, starting with a letter"))
            continue
        if not isinstance(entry, dict):
            problems.append(Problem(here, "expected a label and a list of terms",
                                    "write label: ... and terms: [...] under the key"))
            continue
        unknown = sorted(map(str, set(entry) - _FIELDS))
        if unknown:
            problems.append(Problem(here, "unknown field " + ", ".join(map(repr, unknown)),
                                    "use only " + ", ".join(sorted(_FIELDS))))
        label = entry.get("label", key)
        if not isinstance(label, str) or not label.strip():
            problems.append(Problem(here, f"the label {label!r} is not text", "write a name",
                                    "label"))
            continue
        terms = _strings(entry.get("terms"), here, "terms", problems)
        exclude = _strings(entry.get("exclude"), here, "exclude", problems)
        if not terms and not any(p.where == here and p.field == "terms" for p in problems):
            problems.append(Problem(here, "the actor has no terms",
                                    "list the words that refer to it, or remove it", "terms"))
        for field, items in (("terms", terms), ("exclude", exclude)):
            for term in items:
                normal = _normal(term)
                if normal in seen:
                    other, first = seen[normal]
                    problems.append(Problem(here, f"the term {term!r} is already listed for "
                                            f"actor '{other}' (as {first!r})",
                                            "keep it for one actor only", field))
                else:
                    seen[normal] = (key, term)
        actors.append(Actor(key, label.strip(), terms, exclude, str(entry.get("note") or "")))
    labels = [a.label for a in actors]
    for label in sorted({x for x in labels if labels.count(x) > 1}):
        problems.append(Problem(where, f"two actors have the label {label!r}",
                                "give each actor its own label", "label"))
    if problems:
        raise NewsCorpusError(problems)
    return Actors(tuple(actors), where)


# --- mentions ---------------------------------------------------------------------------------


