"""The vocabulary of themes: a small editable dictionary of words, counted per sentence.

The dictionary (``data/themes_en.yaml`` in this package; its header explains the format) lists
for each theme a label, a one-sentence description and the terms that signal it. A sentence
uses a theme's vocabulary when it contains one of its terms, matched by the project's one rule
(:mod:`newscorpus.base.terms`: whole words and hyphen parts, phrases, trailing ``*``
wildcards, possessives, case ignored unless the term is in capitals). A word is not a motive:
:mod:`newscorpus.motives` says which sentences attribute an aim to Russia.

Three steps, each a table: :func:`theme_matches` (one row per match, to read and check),
:func:`theme_sentences` (one row per sentence, a True/False column per theme) and
:func:`theme_shares` (per group, the share of sentences mentioning each theme; the counts are
sums, so groups can be merged or computed in parts).

This is an interpretive instrument: a share says how often the coverage *mentions* a motive's
vocabulary, not what Russia wants.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from newscorpus.base.checks import fail
from newscorpus.base.errors import NewsCorpusError, ParameterError, Problem
from newscorpus.base.paths import display
from newscorpus.base.rulefiles import read_yaml
from newscorpus.base.terms import TermMatcher

__all__ = ["Theme", "default_themes_path", "load_themes", "themes_table"]

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_FIELDS = ("label", "description", "terms", "exclude")


@dataclass(frozen=True)
class Theme:
    """One theme of the dictionary.

    Attributes
    ----------
    name : str
        The key in the file, used as a column name.
    label, description : str
        For tables, charts and readers.
    terms, exclude : tuple of str
        What signals the theme, and phrases in which a term does not count.
    """

    name: str
    label: str
    description: str
    terms: tuple[str, ...]
    exclude: tuple[str, ...] = ()

    def matcher(self) -> TermMatcher:
        """Return the matcher of the terms, with the exclusions."""
        return TermMatcher(self.terms, exclude=self.exclude, parameter=f"theme {self.name}")


def default_themes_path() -> Path:
    """Return the path of the packaged dictionary, ``newscorpus/data/themes_en.yaml``."""
    return Path(str(resources.files("newscorpus") / "data" / "themes_en.yaml"))


def _term_problems(terms: object, where: str, field: str, required: bool) -> list[Problem]:
    if terms is None and not required:
        return []
    if not isinstance(terms, list) or (required and not terms):
        return [Problem(where, f"'{field}' should be a list of words or phrases, found "
                        f"{'nothing' if not terms else type(terms).__name__}",
                        f"write '{field}:' followed by lines such as '  - naval base'",
                        field=field)]
    problems, seen = [], set()
    for i, term in enumerate(terms, 1):
        if not isinstance(term, str):
            problems.append(Problem(where, f"item {i} is {term!r} ({type(term).__name__}), "
                            "not text", "write it in quotes, e.g. - \"2254\"", field=field))
            continue
        try:
            TermMatcher([term])
        except ParameterError as exc:
            problems.extend(Problem(where, f"item {i}: {p.message}", p.fix, field=field)
                            for p in exc.problems)
            continue
        if term.strip().lower() in seen and term == term.lower():
            problems.append(Problem(where, f"item {i}, {term!r}, is listed twice",
                                    "remove one of them", field=field))
        seen.add(term.strip().lower())
    return problems


def load_themes(path: str | Path | None = None) -> tuple[Theme, ...]:
    """Read a theme dictionary (by default the packaged ``themes_en.yaml``), checking it.

    Parameters
    ----------
    path : path, optional
        A YAML file in the format described in the packaged file's header. ``None`` reads
        :func:`default_themes_path`.

    Returns
    -------
    tuple of Theme
        In the order of the file.

    Raises
    ------
    NewsCorpusError
        If the file is missing, not UTF-8 YAML, has a key twice, or a theme has a bad name,
        an unknown field, no label, description or terms, or a term that is empty, not text,
        misplaces ``*`` or is listed twice. Every problem is reported at once.

    Examples
    --------
    >>> themes = load_themes()
    >>> [t.name for t in themes]
    ['bases', 'regime_survival', 'counterterrorism', 'great_power', 'diplomacy', 'arms_economy']
    >>> "hmeimim" in themes[0].terms
    True
    """
    file = default_themes_path() if path is None else Path(path)
    where = display(file)
    data = read_yaml(file, missing="the theme dictionary does not exist",
                     missing_fix="check the path, or pass path=None for the packaged dictionary",
                     syntax_fix="fix the indentation or quoting there (each theme is 'name:' "
                                "then indented fields)")
    themes_map = data.get("themes") if isinstance(data, dict) else None
    if not isinstance(themes_map, dict) or not themes_map:
        raise NewsCorpusError(Problem(where, "the file has no 'themes:' mapping of theme "
                                      "names to their fields",
                                      "start the file with 'themes:' and indent each theme "
                                      "under it, as in the packaged themes_en.yaml"))
    problems: list[Problem] = []
    themes = []
    for name, fields in themes_map.items():
        place = f"{where}, theme {name!r}"
        if not isinstance(name, str) or not _NAME.match(name):
            problems.append(Problem(place, "the theme name is not lower-case letters, digits "
                                    "and _ (it becomes a column name)",
                                    "rename it, e.g. great_power"))
        if not isinstance(fields, dict):
            problems.append(Problem(place, "the theme has no fields",
                                    "give it label, description and terms"))
            continue
        problems += [Problem(place, f"unknown field {key!r}",
                             f"use only {', '.join(_FIELDS)}", field=str(key))
                     for key in fields if key not in _FIELDS]
        for key in ("label", "description"):
            if not isinstance(fields.get(key), str) or not fields[key].strip():
                problems.append(Problem(place, f"the theme has no {key}",
                                        "write it as text: " + ("a short name for charts"
                                        if key == "label" else "one sentence saying what "
                                        "the theme covers"), field=key))
        found = (_term_problems(fields.get("terms"), place, "terms", True)
                 + _term_problems(fields.get("exclude"), place, "exclude", False))
        problems += found
        if not found and isinstance(name, str):
            themes.append(Theme(name, str(fields.get("label", "")).strip(),
                                " ".join(str(fields.get("description", "")).split()),
                                tuple(t.strip() for t in fields["terms"]),
                                tuple(t.strip() for t in fields.get("exclude") or ())))
    if problems:
        raise NewsCorpusError(problems, title=f"The theme dictionary {where} has problems:")
    return tuple(themes)


def _themes(themes: Sequence[Theme] | str | Path | None) -> tuple[Theme, ...]:
    if themes is None or isinstance(themes, str | Path):
        return load_themes(themes)
    themes = tuple(themes)
    if not themes or not all(isinstance(t, Theme) for t in themes):
        raise fail("themes", f"expected Theme objects from load_themes, got {themes!r:.80}",
                    "pass load_themes() or load_themes(path), or a path to a YAML file")
    return themes


def themes_table(themes: Sequence[Theme] | str | Path | None = None) -> pd.DataFrame:
    """Return the dictionary as a table, to show in a notebook.

    Returns
    -------
    DataFrame
        ``theme``, ``label``, ``description``, ``terms`` and ``exclude`` (joined by ``", "``).

    Examples
    --------
    >>> themes_table()[["theme", "label"]].head(2).to_string(index=False)
    '          theme                                   label\\n          bases Military bases \
and Mediterranean access\\nregime_survival                  Keeping Assad in power'
    """
    rows = [{"theme": t.name, "label": t.label, "description": t.description,
             "terms": ", ".join(t.terms), "exclude": ", ".join(t.exclude)}
            for t in _themes(themes)]
    return pd.DataFrame(rows, columns=["theme", "label", "description", "terms", "exclude"])


