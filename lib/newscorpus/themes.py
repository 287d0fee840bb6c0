"""Motives the coverage attributes to Russia, counted with a small editable dictionary.

The dictionary (``data/themes_en.yaml`` in this package; its header explains the format) lists
for each theme a label, a one-sentence description and the terms that signal it. A sentence
mentions a theme when it contains one of its terms, matched as :class:`TermMatcher
<newscorpus.concordance.TermMatcher>` does in ``auto`` mode: whole words, phrases, trailing
``*`` wildcards, a possessive ``'s`` ignored, case ignored unless the term has a capital.

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

import numpy as np
import pandas as pd
import yaml

from newscorpus.concordance import TermMatcher, _sentence_order
from newscorpus.errors import NewsCorpusError, ParameterError, Problem
from newscorpus.keywords import _check_by, _check_table, _check_text_column, _fail
from newscorpus.paths import display
from newscorpus.resources import WORD_PATTERN

__all__ = ["Theme", "default_themes_path", "load_themes", "share_matrix", "theme_examples",
           "theme_matches", "theme_sentences", "theme_shares", "themes_table", "wilson_interval"]

_WORD = re.compile(WORD_PATTERN)
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

    def matchers(self) -> tuple[TermMatcher, TermMatcher | None]:
        """Return the matcher of the terms and that of the exclusions (or None)."""
        terms = TermMatcher(self.terms, mode="auto", parameter=f"theme {self.name} terms")
        exclude = (TermMatcher(self.exclude, mode="auto", parameter=f"theme {self.name} exclude")
                   if self.exclude else None)
        return terms, exclude


def default_themes_path() -> Path:
    """Return the path of the packaged dictionary, ``newscorpus/data/themes_en.yaml``."""
    return Path(str(resources.files("newscorpus") / "data" / "themes_en.yaml"))


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice (PyYAML keeps the last one silently)."""


def _unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} is given twice", key_node.start_mark)
        seen[key] = True
    return loader.construct_mapping(node, deep=True)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


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
            TermMatcher([term], mode="auto")
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
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except FileNotFoundError:
        raise NewsCorpusError(Problem(where, "the theme dictionary does not exist",
                                      "check the path, or pass path=None for the packaged "
                                      "dictionary")) from None
    except UnicodeDecodeError as exc:
        raise NewsCorpusError(Problem(where, f"the file is not UTF-8 text ({exc.reason})",
                                      "save it as UTF-8")) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise NewsCorpusError(Problem(f"{where}{line}", f"the file is not valid YAML: {reason}",
                                      "fix the indentation or quoting there (each theme is "
                                      "'name:' then indented fields)")) from None
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
        raise _fail("themes", f"expected Theme objects from load_themes, got {themes!r:.80}",
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


def theme_matches(sentences: pd.DataFrame,
                  themes: Sequence[Theme] | str | Path | None = None) -> pd.DataFrame:
    """Return every match of every theme's terms in ``sentences``.

    Parameters
    ----------
    sentences : DataFrame
        A sentence table (``doc_id``, ``sentence_id``, ``text``).
    themes : sequence of Theme, path, or None
        The dictionary (:func:`load_themes`); ``None`` reads the packaged one.

    Returns
    -------
    DataFrame
        ``doc_id``, ``sentence_id``, ``theme`` (its name), ``term`` (the dictionary term that
        matched), ``match`` (the words as written) and ``start``, ``end`` (character offsets
        into the sentence's ``text``: ``text[start:end] == match``). In reading order, then
        in dictionary order of themes. Within a theme matches do not overlap (the longest
        term wins); the same words may count for two themes.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": "a", "sentence_id": [1, 2], "text": [
    ...     "Moscow wants its naval base at Tartus and a seat in talks with the West.",
    ...     "Israeli raids in the West Bank hit a database."]})
    >>> theme_matches(s)[["sentence_id", "theme", "term", "match"]]
       sentence_id        theme         term       match
    0            1        bases  naval base*  naval base
    1            1        bases       tartus      Tartus
    2            1  great_power     the west    the West
    3            1    diplomacy        talks       talks
    """
    _check_table(sentences, ["doc_id", "sentence_id", "text"], "sentences",
                 "the cleaning notebook (sentences.csv)")
    _check_text_column(sentences, "text", "sentences")
    themes = _themes(themes)
    matchers = [(t.name, *t.matchers()) for t in themes]
    rows: dict[str, list] = {k: [] for k in ("doc_id", "sentence_id", "theme", "term", "match",
                                             "start", "end")}
    table = _sentence_order(sentences)
    for doc_id, sentence_id, text in zip(table["doc_id"], table["sentence_id"], table["text"],
                                         strict=True):
        lower = text.lower()
        candidates = [m for m in matchers if m[1].could_match(text, lower)]
        if not candidates:
            continue
        spans = [m.span() for m in _WORD.finditer(text)]
        words = [text[a:b] for a, b in spans]
        forms = candidates[0][1].forms(words)
        for name, terms, exclude in candidates:
            found = terms.find(words, forms=forms)
            if found and exclude is not None:
                vetoes = exclude.find(words, forms=forms, overlap=True)
                found = [m for m in found if not any(a < m[1] and m[0] < b for a, b, _ in vetoes)]
            for first, end, k in found:
                start, stop = spans[first][0], spans[end - 1][1]
                for key, value in (("doc_id", doc_id), ("sentence_id", sentence_id),
                                   ("theme", name), ("term", terms.terms[k]),
                                   ("match", text[start:stop]), ("start", start),
                                   ("end", stop)):
                    rows[key].append(value)
    return pd.DataFrame(rows).astype({"sentence_id": "int64", "theme": "str", "term": "str",
                                      "match": "str", "start": "int64", "end": "int64"})


def theme_sentences(sentences: pd.DataFrame,
                    themes: Sequence[Theme] | str | Path | None = None, *,
                    matches: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per sentence with a True/False column per theme.

    Parameters
    ----------
    sentences : DataFrame
        A sentence table (``doc_id``, ``sentence_id``, ``text``, and any other columns).
    themes : sequence of Theme, path, or None
        The dictionary; ``None`` reads the packaged one.
    matches : DataFrame, optional
        :func:`theme_matches` of the same sentences and themes, if already computed.

    Returns
    -------
    DataFrame
        The columns of ``sentences`` except ``text`` (so ``role`` or a merged ``kind`` can be
        used to group), then one bool column per theme, named by the theme, in reading order.
        ``attrs["themes"]`` lists the theme columns for :func:`theme_shares`.

    Raises
    ------
    ParameterError
        If a sentence column has the name of a theme.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": "a", "sentence_id": [1, 2], "text": [
    ...     "Russia keeps its bases.", "Talks on a ceasefire resumed in Geneva."]})
    >>> theme_sentences(s)[["sentence_id", "bases", "diplomacy", "great_power"]]
       sentence_id  bases  diplomacy  great_power
    0            1   True      False        False
    1            2  False       True        False
    """
    themes = _themes(themes)
    if matches is None:
        matches = theme_matches(sentences, themes)
    _check_table(matches, ["doc_id", "sentence_id", "theme"], "matches",
                 "newscorpus.themes.theme_matches")
    names = [t.name for t in themes]
    clash = [n for n in names if n in sentences.columns]
    if clash:
        raise _fail("sentences", f"the sentence table already has a column named like the "
                    f"theme {clash[0]!r}", "drop or rename that column first")
    table = _sentence_order(sentences).drop(columns="text").reset_index(drop=True)
    keys = pd.MultiIndex.from_frame(table[["doc_id", "sentence_id"]])
    for name in names:
        hit = matches.loc[matches["theme"] == name, ["doc_id", "sentence_id"]]
        table[name] = keys.isin(pd.MultiIndex.from_frame(hit)) if len(hit) else False
    table = table.astype({name: "bool" for name in names})
    table.attrs["themes"] = names
    return table


def theme_shares(flags: pd.DataFrame, by: str | Sequence[str] = "doc_id",
                 themes: Sequence[Theme] | Sequence[str] | None = None) -> pd.DataFrame:
    """Return, per group, how many sentences mention each theme and their share.

    Parameters
    ----------
    flags : DataFrame
        :func:`theme_sentences`, with any grouping column merged on.
    by : str or sequence of str
        The grouping columns (``"doc_id"``, ``"kind"``, ``"role"``, ...).
    themes : sequence of Theme or of theme names, optional
        The theme columns; by default those listed in ``flags.attrs["themes"]``, else every
        True/False column of ``flags`` not in ``by``.

    Returns
    -------
    DataFrame
        The ``by`` columns, ``theme``, ``sentences`` (in the group), ``matched`` (mentioning
        the theme), ``share`` (``matched / sentences``) and ``ci_low``, ``ci_high`` (its 95%
        Wilson interval, see :func:`wilson_interval`). Sorted by group, then theme in
        dictionary order. Shares of merged groups are ratios of summed counts.

    Examples
    --------
    >>> flags = pd.DataFrame({"doc_id": ["a", "a", "b"], "bases": [True, False, False],
    ...                       "diplomacy": [True, True, False]})
    >>> theme_shares(flags, themes=["bases", "diplomacy"]).iloc[:, :5]
      doc_id      theme  sentences  matched  share
    0      a      bases          2        1    0.5
    1      a  diplomacy          2        2    1.0
    2      b      bases          1        0    0.0
    3      b  diplomacy          1        0    0.0
    """
    columns = _check_by(_check_table(flags, [], "flags", "newscorpus.themes.theme_sentences"), by)
    if themes is None:
        names = list(flags.attrs.get("themes") or
                     [c for c in flags.columns if flags[c].dtype == bool and c not in columns])
    else:
        names = [t.name if isinstance(t, Theme) else t for t in themes]
    missing = [n for n in names if n not in flags.columns]
    if not names or missing:
        raise _fail("themes", f"the table has no theme column {', '.join(map(repr, missing))}"
                    if missing else "no theme column found",
                    "pass the table made by theme_sentences (merge grouping columns onto it), "
                    "or name its theme columns with themes=[...]")
    grouped = flags.groupby(columns, sort=True, dropna=False)
    counts = grouped[names].sum().astype("int64")
    sizes = grouped.size()
    out = counts.melt(ignore_index=False, var_name="theme", value_name="matched").reset_index()
    out = out.merge(sizes.rename("sentences").reset_index(), on=columns, how="left")
    out["_theme"] = out["theme"].map({n: i for i, n in enumerate(names)})
    out = out.sort_values(columns + ["_theme"], kind="stable", na_position="last")
    out["share"] = out["matched"] / out["sentences"]
    out["ci_low"], out["ci_high"] = wilson_interval(out["matched"], out["sentences"])
    out = out[columns + ["theme", "sentences", "matched", "share", "ci_low", "ci_high"]]
    return out.reset_index(drop=True).astype({"theme": "str", "sentences": "int64",
                                              "matched": "int64", "share": "float64"})


def wilson_interval(matched, total, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Return the Wilson score interval of the proportions ``matched / total``.

    The interval (Wilson 1927) stays inside [0, 1] and is sensible for 0 of 50 as for 25 of
    50. It treats the sentences as independent draws, which sentences of one article are
    not: read it as the least uncertainty a share has, not the whole of it. A total of 0 gives
    NaN.

    Examples
    --------
    >>> # 0 of 50: z = 1.959964, upper = z^2 / (n + z^2) = 3.841459 / 53.841459 = 0.071348
    >>> low, high = wilson_interval([0, 25], [50, 50])
    >>> low.round(6).tolist(), high.round(6).tolist()
    ([0.0, 0.366445], [0.071348, 0.633555])
    """
    from scipy.stats import norm

    k = np.asarray(matched, dtype=float)
    n = np.asarray(total, dtype=float)
    z = norm.ppf(0.5 + level / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    # Rounding can leave the bounds a hair outside [0, 1] or on the wrong side of p.
    low = np.clip(np.minimum(centre - half, p), 0, 1)
    high = np.clip(np.maximum(centre + half, p), 0, 1)
    return low, high


def theme_examples(matches: pd.DataFrame, sentences: pd.DataFrame, *, k: int = 2,
                   by: str | Sequence[str] = ("theme",)) -> pd.DataFrame:
    """Return the first ``k`` sentences that mention each theme, with the words that matched.

    The quickest check of a theme share is to read the sentences behind it: this gives, per
    theme (or per theme and document with ``by=("theme", "doc_id")``), the first ``k``
    matched sentences in reading order, their matched words, and their text.

    Parameters
    ----------
    matches : DataFrame
        :func:`theme_matches` of ``sentences``.
    sentences : DataFrame
        The sentence table (``doc_id``, ``sentence_id``, ``text``).
    k : int
        Sentences per group.
    by : str or sequence of str
        Columns of ``matches`` to group by; ``theme`` first.

    Returns
    -------
    DataFrame
        The ``by`` columns, ``doc_id``, ``sentence_id``, ``matched`` (the words as written,
        joined by ``; `` in order) and ``text``. Themes in order of first match.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": "a", "sentence_id": [1, 2], "text": [
    ...     "Russia keeps its naval base at Tartus.", "Talks in Geneva resumed."]})
    >>> examples = theme_examples(theme_matches(s), s, k=1)
    >>> examples[["theme", "sentence_id", "matched"]].values.tolist()
    [['bases', 1, 'naval base; Tartus'], ['diplomacy', 2, 'Talks; Geneva']]
    >>> examples["text"].tolist()
    ['Russia keeps its naval base at Tartus.', 'Talks in Geneva resumed.']
    """
    from newscorpus.keywords import _check_int

    k = _check_int(k, "k", 1)
    _check_table(matches, ["doc_id", "sentence_id", "theme", "match"], "matches",
                 "newscorpus.themes.theme_matches")
    _check_table(sentences, ["doc_id", "sentence_id", "text"], "sentences",
                 "the cleaning notebook (sentences.csv)")
    columns = list(dict.fromkeys(_check_by(matches, by) + ["doc_id", "sentence_id"]))
    joined = (matches.groupby(columns, sort=False)["match"].agg("; ".join)
              .rename("matched").reset_index())
    first = joined.groupby(_check_by(matches, by), sort=False).head(k)
    texts = sentences[["doc_id", "sentence_id", "text"]].drop_duplicates(["doc_id",
                                                                          "sentence_id"])
    return first.merge(texts, on=["doc_id", "sentence_id"], how="left").reset_index(drop=True)


def share_matrix(shares: pd.DataFrame, by: str,
                 themes: Sequence[Theme] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return :func:`theme_shares` as two wide tables, themes by groups: shares and counts.

    Rows are themes in dictionary order, labelled with their ``label`` when ``themes`` is
    given; columns are the values of ``by`` in the order they appear. The second table holds
    the matched sentences behind each share, for a heat map's ``counts``.

    Examples
    --------
    >>> flags = pd.DataFrame({"period": ["a", "a", "b"], "bases": [True, False, False],
    ...                       "diplomacy": [True, True, False]})
    >>> share, matched = share_matrix(theme_shares(flags, by="period"), "period")
    >>> share.to_dict("index")
    {'bases': {'a': 0.5, 'b': 0.0}, 'diplomacy': {'a': 1.0, 'b': 0.0}}
    >>> matched.loc["diplomacy"].tolist()
    [2, 0]
    """
    _check_table(shares, [by, "theme", "share", "matched"], "shares",
                 "newscorpus.themes.theme_shares")
    rows = list(dict.fromkeys(shares["theme"]))
    columns = list(dict.fromkeys(shares[by]))
    wide = [shares.pivot(index="theme", columns=by, values=v).reindex(index=rows,
                                                                      columns=columns)
            for v in ("share", "matched")]
    if themes is not None:
        labels = {t.name: t.label for t in themes}
        wide = [w.rename(index=labels) for w in wide]
    return wide[0], wide[1].astype("int64")
