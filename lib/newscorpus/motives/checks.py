"""Checks of a motive rules file, section by section, in the project's error style.

Each check adds a :class:`~newscorpus.base.errors.Problem` per fault (file, entry, field,
what is wrong, how to fix it) to a list, so :func:`~newscorpus.motives.codebook.load_codebook`
reports every problem of a file at once.
"""

from __future__ import annotations

import re

from newscorpus.base.errors import ParameterError, Problem
from newscorpus.base.terms import TermMatcher

__all__ = ["cues", "labels", "settings"]

_LABEL_FIELDS = ("description", "terms", "objects", "exclude")
_CUE_FIELDS = ("description", "holder", "scope", "window", "after", "labels", "objects",
               "objects_unless", "terms", "exclude", "needs")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _normal(term: str) -> str:
    """The form two terms share when they would match the same words."""
    return re.sub(r"[\s\-‐‑]+", " ", term.strip()).replace("’", "'").casefold()


def _terms(value: object, where: str, name: str, problems: list[Problem], *,
           required: bool = True, seen: dict[str, str] | None = None) -> tuple[str, ...]:
    """The terms of ``value``, checked; problems are added to ``problems``.

    ``seen`` maps the normal form of terms already listed (in this group of entries) to the
    entry that lists them, so a term listed twice is refused, naming both places.
    """
    if value is None and not required:
        return ()
    if not isinstance(value, list) or (required and not value):
        found = "nothing" if not value else type(value).__name__
        problems.append(Problem(where, f"'{name}' should be a list of words or phrases, found "
                                f"{found}", f"write {name}: [word, phrase, ...]", name))
        return ()
    seen = {} if seen is None else seen
    out = []
    for i, term in enumerate(value, 1):
        if isinstance(term, bool):
            problems.append(Problem(where, f"item {i} was read by YAML as {term} (an unquoted "
                                    "on, off, yes or no)", 'put the word in quotes: "on"', name))
            continue
        if not isinstance(term, str):
            problems.append(Problem(where, f"item {i} is {term!r} ({type(term).__name__}), not "
                                    "text", f'put it in quotes: "{term}"', name))
            continue
        try:
            TermMatcher([term])
        except ParameterError as exc:
            problems.extend(Problem(where, f"item {i}: {p.message}", p.fix, name)
                            for p in exc.problems)
            continue
        normal = _normal(term)
        if normal in seen:
            problems.append(Problem(where, f"item {i}, {term!r}, is already listed "
                                    f"({seen[normal]})", "keep it once", name))
            continue
        seen[normal] = f"{where.rsplit(', ', 1)[-1]}, '{name}'"
        out.append(" ".join(term.split()))
    return tuple(out)


def _both(terms: tuple[str, ...], exclude: tuple[str, ...], where: str,
          problems: list[Problem]) -> None:
    """Refuse a word that is both a term and an exclusion (it would never match)."""
    listed = {_normal(t) for t in terms}
    problems.extend(Problem(where, f"{x!r} is both a term and an exclusion, so it never "
                            "counts", "keep it in one of the two lists (an exclude: line "
                            "placed in the middle of the terms moves the terms after it)",
                            "exclude") for x in exclude if _normal(x) in listed)


def _text(fields: dict, key: str, where: str, problems: list[Problem]) -> str:
    value = fields.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(where, f"the entry has no {key}", "write one sentence saying "
                                "what it covers", key))
        return ""
    return " ".join(value.split())


def _unknown(fields: dict, allowed: tuple[str, ...], where: str, problems: list[Problem]) -> None:
    problems.extend(Problem(where, f"unknown field {k!r}", f"use only {', '.join(allowed)}",
                            str(k)) for k in fields if k not in allowed)


def settings(data: object, where: str, problems: list[Problem], *,
             lists: tuple[str, ...]) -> tuple[dict, int]:
    """The word ``lists`` of the settings section and its window."""
    place = f"{where}, settings"
    if not isinstance(data, dict):
        problems.append(Problem(place, "'settings' should be a mapping of word lists",
                                "copy the settings block of the packaged motives_en.yaml"))
        return {}, 1
    _unknown(data, ("window", *lists), place, problems)
    window = data.get("window")
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        problems.append(Problem(place, f"the window should be a whole number of words, at "
                                f"least 1, found {window!r}", "write for example window: 20",
                                "window"))
        window = 1
    seen: dict[str, str] = {}
    words = {name: _terms(data.get(name), f"{place}", name, problems, seen=seen)
             for name in lists}
    return words, window


def labels(data: object, where: str, problems: list[Problem], *,
           names: tuple[str, ...]) -> list[tuple]:
    """Each label of ``names``: (name, description, terms, exclude, objects)."""
    if not isinstance(data, dict):
        problems.append(Problem(f"{where}, labels", "'labels' should map each of the nine "
                                "labels to its fields", "copy the labels block of the packaged "
                                "motives_en.yaml"))
        return []
    for name in data:
        if name not in names:
            problems.append(Problem(f"{where}, label {name!r}", "not a label of the codebook",
                                    "use one of " + ", ".join(names)))
    out = []
    seen: dict[str, str] = {}
    for name in names:
        place = f"{where}, label '{name}'"
        fields = data.get(name)
        if not isinstance(fields, dict):
            problems.append(Problem(place, "the label is missing or has no fields", "give it "
                                    "description and terms (every label of the codebook is "
                                    "needed)"))
            continue
        _unknown(fields, _LABEL_FIELDS, place, problems)
        description = _text(fields, "description", place, problems)
        terms = _terms(fields.get("terms"), place, "terms", problems, seen=seen)
        objects = _terms(fields.get("objects"), place, "objects", problems, required=False,
                         seen=seen)
        exclude = _terms(fields.get("exclude"), place, "exclude", problems, required=False)
        _both(terms + objects, exclude, place, problems)
        out.append((name, description, terms, exclude, objects))
    return out


def _needs(value: object, place: str, labels: list, problems: list[Problem]) -> dict:
    """The words each label of a cue needs: a list for all its labels, or label: [words]."""
    if value is None:
        return {}
    if isinstance(value, list):
        words = _terms(value, place, "needs", problems)
        return {label: words for label in labels}
    if not isinstance(value, dict):
        problems.append(Problem(place, f"needs should be a list of words or a mapping of labels "
                                f"to words, found {type(value).__name__}", "write needs: [word, "
                                "...] or needs: {label: [word, ...]}", "needs"))
        return {}
    out = {}
    for label, words in value.items():
        if label not in labels:
            problems.append(Problem(place, f"needs names {label!r}, which the cue does not "
                                    "license", "use one of its labels: " + ", ".join(labels),
                                    "needs"))
            continue
        out[label] = _terms(words, place, "needs", problems)
    return out


def cues(data: object, where: str, problems: list[Problem], *, names: tuple[str, ...],
         holders: tuple[str, ...], scopes: tuple[str, ...]) -> list[dict]:
    """Each kind of cue: a dict of the fields of :class:`~newscorpus.motives.codebook.CueKind`."""
    if not isinstance(data, dict) or not data:
        problems.append(Problem(f"{where}, cues", "'cues' should map kinds of cue to their "
                                "fields", "copy the cues block of the packaged motives_en.yaml"))
        return []
    out = []
    seen: dict[str, str] = {}
    for name, fields in data.items():
        place = f"{where}, cue {name!r}"
        if not isinstance(name, str) or not _NAME.match(name):
            problems.append(Problem(place, "the name is not lower-case letters, digits and _",
                                    "rename it, e.g. aim_noun"))
            continue
        if not isinstance(fields, dict):
            problems.append(Problem(place, "the cue has no fields", "give it description, "
                                    "holder, labels and terms"))
            continue
        _unknown(fields, _CUE_FIELDS, place, problems)
        description = _text(fields, "description", place, problems)
        holder = fields.get("holder")
        if holder not in holders:
            problems.append(Problem(place, f"the holder {holder!r} is not one of "
                                    f"{', '.join(holders)}", "say where the actor holding the "
                                    "aim stands: before, speaker, subject, noun, owner or after",
                                    "holder"))
        scope = fields.get("scope", "after")
        if scope not in scopes:
            problems.append(Problem(place, f"the scope {scope!r} is not one of "
                                    f"{', '.join(scopes)}", "write scope: after (motive words "
                                    "after the cue) or scope: clause (anywhere in its clause)",
                                    "scope"))
        labels = fields.get("labels")
        if labels == "all":
            labels = list(names)
        if not isinstance(labels, list) or not labels:
            problems.append(Problem(place, f"labels should be 'all' or a list of labels, found "
                                    f"{labels!r}", "write labels: all, or labels: "
                                    "[regime_survival, ...]", "labels"))
            labels = []
        bad = [x for x in labels if x not in names]
        if bad:
            problems.append(Problem(place, f"unknown label {', '.join(map(repr, bad))}",
                                    "use labels of the codebook: " + ", ".join(names),
                                    "labels"))
        objects = fields.get("objects", False)
        if not isinstance(objects, bool):
            problems.append(Problem(place, f"objects should be true or false, found {objects!r}",
                                    "write objects: true (the regime's names count beside "
                                    "this cue) or leave it out", "objects"))
        unless = fields.get("objects_unless", [])
        if not isinstance(unless, list) or any(x not in labels for x in unless):
            problems.append(Problem(place, f"objects_unless should list labels the cue "
                                    f"licenses, found {unless!r}", "write objects_unless: "
                                    "[economic_interests, ...] or leave it out",
                                    "objects_unless"))
            unless = []
        window = fields.get("window")
        if window is not None and (isinstance(window, bool) or not isinstance(window, int)
                                   or window < 1):
            problems.append(Problem(place, f"the window should be a whole number of words, at "
                                    f"least 1, found {window!r}", "write for example window: 6, "
                                    "or leave it out for the settings' window", "window"))
            window = None
        terms = _terms(fields.get("terms"), place, "terms", problems, seen=seen)
        exclude = _terms(fields.get("exclude"), place, "exclude", problems, required=False)
        _both(terms, exclude, place, problems)
        needs = _needs(fields.get("needs"), place, labels, problems)
        out.append({"name": name, "description": description, "holder": str(holder),
                    "labels": tuple(x for x in names if x in labels), "terms": terms,
                    "exclude": exclude, "scope": str(scope), "needs": needs,
                    "objects": objects is True, "objects_unless": tuple(unless),
                    "window": window, "after": _terms(fields.get("after"), place, "after",
                                                      problems, required=False)})
    return out
