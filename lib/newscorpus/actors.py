"""Who is mentioned where: an editable dictionary of actors, their mentions, the tone around them.

The dictionary (``data/actors_en.yaml`` in this package, or any file of the same form) lists
for each actor the words and phrases that refer to it; the file's header explains the format.
The matching rules, general for English news text:

- A term written in capitals (``US``, ``IS``, ``U.S.``, ``IDF``) matches only in capitals;
  any other term matches in any case.
- Terms match whole words: ``US`` does not match ``USA`` or ``us``, ``IS`` not ``is``,
  ``Iran`` not ``Iranian``. A final ``*`` allows any continuation of the last word
  (``Russian*``: Russian, Russians).
- Possessives need no listing: ``Russia's``, ``Russia’s`` and ``Russians'`` match ``Russia``
  and ``Russians`` (the apostrophe ends the word).
- In a term, a space matches any run of white space, a hyphen a hyphen or a space
  (``al-Assad``, ``al Assad``), an apostrophe any of ``'``, ``’``, ``ʼ``.
- Overlapping terms: the match starting first wins, then the longest (``Free Syrian Army``
  is not the ``Syrian army``); an actor's ``exclude`` phrases win the same way and are
  dropped (``Washington Post`` is not Washington).
- In a sentence (almost) all in capitals, the capital-only terms are not matched: there,
  capitals say nothing (``WHAT IS RUSSIA DOING`` mentions Russia, not the Islamic State).

A mention is a word that names an actor. Counting mentions says who the coverage talks about;
the tone of sentences that mention an actor (:func:`actor_tone`) is the tone of the coverage
around it, not the actor's stance and not a stance towards it.
"""

from __future__ import annotations

import functools
import os
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus.errors import NewsCorpusError, ParameterError, Problem
from newscorpus.paths import display, resolve
from newscorpus.resources import written_in_capitals

__all__ = ["MENTION_COLUMNS", "Actor", "Actors", "actor_sentences", "actor_tone",
           "co_mention_shares", "co_mentions", "default_actors_path", "load_actors",
           "mention_counts", "mention_matrix", "mentions"]

#: The columns of :func:`mentions`.
MENTION_COLUMNS = ("doc_id", "sentence_id", "actor", "term", "matched", "start", "end")
_FIELDS = {"label", "terms", "exclude", "note"}
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_SENTENCE_KEYS = ("doc_id", "sentence_id")


def default_actors_path() -> Path:
    """Return the path of the packaged dictionary, ``data/actors_en.yaml``."""
    return Path(str(importlib_resources.files("newscorpus") / "data" / "actors_en.yaml"))


def _in_capitals(term: str) -> bool:
    """Whether ``term`` is written in capitals, and so matches case-sensitively."""
    body = term.rstrip("*")
    return any(c.isalpha() for c in body) and body == body.upper()


def _normal(term: str) -> str:
    """The form two terms share when they would match the same words."""
    body = re.sub(r"[\s\-‐‑]+", " ", term.strip()).replace("’", "'").replace("ʼ", "'")
    return body.casefold()


def _pattern(term: str) -> str:
    """The regular expression of one term (without the word boundaries)."""
    body, wildcard = (term[:-1], True) if term.endswith("*") else (term, False)
    parts = []
    for word in body.split():
        pieces = []
        for ch in word:
            if ch in "-‐‑":
                pieces.append(r"[-‐‑\s]")
            elif ch in "'’ʼ":
                pieces.append("['’ʼ]")
            else:
                pieces.append(re.escape(ch))
        parts.append("".join(pieces))
    pattern = r"\s+".join(parts) + (r"\w*" if wildcard else "")
    return pattern if _in_capitals(term) else f"(?i:{pattern})"


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
    [('United States', 'U.S.', 4, 8), ('Russia', 'Russia', 13, 19), ('United States', 'US', 38, 40)]
    """

    actors: tuple[Actor, ...]
    source: str = ""

    @property
    def labels(self) -> tuple[str, ...]:
        """The actors' labels, in file order."""
        return tuple(a.label for a in self.actors)

    @functools.cached_property
    def _regexes(self) -> tuple[re.Pattern, re.Pattern, list[tuple[str | None, str]]]:
        # One alternation of every term and exclusion (actor None), longest first, each in its
        # own group; group i+1 belongs to entries[i]. Terms are grouped by first letter behind
        # a one-character lookahead, so at each position only the terms that can start there
        # are tried (five times faster). The second regex leaves out the capital-only terms.
        terms = [(a.label, t) for a in self.actors for t in a.terms]
        terms += [(None, t) for a in self.actors for t in a.exclude]
        terms.sort(key=lambda e: (-len(e[1].rstrip("*")), e[1]))
        by_first: dict[str, list[tuple[str | None, str]]] = {}
        for entry in terms:
            by_first.setdefault(entry[1][0].casefold(), []).append(entry)
        entries = [entry for group in by_first.values() for entry in group]

        def build(keep) -> re.Pattern:
            alternatives = []
            for first, group in by_first.items():
                chars = sorted(c for c in {first, first.upper(), first.lower()} if len(c) == 1)
                inner = "|".join(f"({_pattern(t) if keep(t) else '(?!)'})" for _, t in group)
                alternatives.append(f"(?=[{''.join(map(re.escape, chars))}])(?:{inner})")
            return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")

        return build(lambda t: True), build(lambda t: not _in_capitals(t)), entries

    def find(self, text: str) -> list[tuple[str, str, int, int]]:
        """Return ``(actor label, term, start, end)`` for each mention in ``text``, in order."""
        full, lower_only, entries = self._regexes
        matches = [(entries[m.lastindex - 1], m.span()) for m in full.finditer(text)]
        if any(_in_capitals(term) for (_, term), _ in matches) and written_in_capitals(text):
            matches = [(entries[m.lastindex - 1], m.span()) for m in lower_only.finditer(text)]
        return [(actor, term, start, end) for (actor, term), (start, end) in matches
                if actor is not None]

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
    newscorpus.errors.NewsCorpusError: .../actors.yaml, actor 'b', field 'terms': the term \
'damascus' is already listed for actor 'a' (as 'Damascus'). Fix: keep it for one actor only.
    """
    import yaml

    from newscorpus.corpus import _decode

    path = default_actors_path() if path is None else resolve(path)
    where = display(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ParameterError(Problem(where, f"the actor dictionary cannot be read "
                                     f"({err.strerror})", "check the path (in the notebooks: "
                                     "the actors_file parameter), or pass None for the "
                                     "packaged dictionary")) from None
    text, problem = _decode(data, where, where)
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


def _check_table(table, columns: Iterable[str], parameter: str, fix: str = "") -> None:
    if not isinstance(table, pd.DataFrame):
        raise ParameterError(Problem(f"parameter '{parameter}'",
                                     f"expected a DataFrame, got {type(table).__name__}",
                                     fix or "pass a table"))
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ParameterError(Problem(
            f"parameter '{parameter}'", "the table has no column " + ", ".join(
                map(repr, missing)) + f" (it has {', '.join(map(str, table.columns))})",
            fix or "pass a table with these columns"))


def _actors(actors) -> Actors:
    if actors is None or isinstance(actors, str | os.PathLike):
        return load_actors(actors)
    if not isinstance(actors, Actors):
        raise ParameterError(Problem("parameter 'actors'", f"expected an actor dictionary, "
                                     f"got {type(actors).__name__}",
                                     "pass load_actors(...), a path, or None"))
    return actors


def mentions(sentences: pd.DataFrame, actors: Actors | str | os.PathLike[str] | None = None, *,
             keys: Sequence[str] = _SENTENCE_KEYS) -> pd.DataFrame:
    """Find every mention of every actor in the sentences.

    Parameters
    ----------
    sentences : DataFrame
        The sentence table (``doc_id, sentence_id, text``, ...).
    actors : Actors, path or None
        The dictionary (:func:`load_actors`); ``None`` reads the packaged one.
    keys : sequence of str
        The columns that identify a unit: ``("doc_id", "sentence_id")``, or
        ``("doc_id", "paragraph")`` for paragraphs.

    Returns
    -------
    DataFrame
        One row per mention, in sentence order then by position: the ``keys`` columns, then
        ``actor`` (label), ``term`` (as in the dictionary), ``matched`` (as in the text),
        ``start``, ``end`` (character offsets into the sentence's ``text``).

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a", "a"], "sentence_id": [1, 2],
    ...                       "text": ["Putin met Erdogan.", "Let us see what IS does."]})
    >>> mentions(table)
      doc_id  sentence_id          actor     term  matched  start  end
    0      a            1         Russia    Putin    Putin      0    5
    1      a            1         Turkey  Erdogan  Erdogan     10   17
    2      a            2  Islamic State       IS       IS     16   18
    """
    keys = list(keys)
    _check_table(sentences, [*keys, "text"], "sentences")
    actors = _actors(actors)
    rows = []
    key_values = [sentences[k].tolist() for k in keys]
    for i, text in enumerate(sentences["text"].tolist()):
        if not isinstance(text, str):
            continue
        for actor, term, start, end in actors.find(text):
            rows.append((*(v[i] for v in key_values), actor, term, text[start:end], start, end))
    columns = [*keys, "actor", "term", "matched", "start", "end"]
    out = pd.DataFrame(rows, columns=columns)
    for k in keys:  # keep the key dtypes, so merges on them work
        out[k] = out[k].astype(sentences[k].dtype)
    return out.astype({"start": int, "end": int})


def actor_sentences(found: pd.DataFrame, *, keys: Sequence[str] = _SENTENCE_KEYS
                    ) -> pd.DataFrame:
    """One row per (sentence, actor) mentioned in it: the table mention counts come from.

    Parameters
    ----------
    found : DataFrame
        The output of :func:`mentions`.
    keys : sequence of str
        The unit columns, as given to :func:`mentions`.

    Returns
    -------
    DataFrame
        The ``keys`` columns, ``actor`` and ``n_mentions`` (mentions of the actor in that
        sentence), in order of first mention.

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a"], "sentence_id": [1],
    ...                       "text": ["Moscow and the Kremlin backed Assad."]})
    >>> actor_sentences(mentions(table))
      doc_id  sentence_id             actor  n_mentions
    0      a            1            Russia           2
    1      a            1  Assad government           1
    """
    keys = list(keys)
    _check_table(found, [*keys, "actor"], "found", "pass the table made by mentions()")
    counts = found.groupby([*keys, "actor"], sort=False, dropna=False).size()
    return counts.rename("n_mentions").reset_index()


def mention_counts(pairs: pd.DataFrame, order: Actors | Sequence[str] | None = None, *,
                   keys: Sequence[str] = _SENTENCE_KEYS) -> pd.DataFrame:
    """How often each actor is named: units (sentences), mentions, and documents.

    Parameters
    ----------
    pairs : DataFrame
        :func:`actor_sentences` (with ``n_mentions``).
    order : Actors or list of str, optional
        Row order; with an :class:`Actors`, actors never named get a row of zeros. By default
        the actors named, most units first.
    keys : sequence of str
        The unit columns, as given to :func:`mentions`; the first is the document.

    Returns
    -------
    DataFrame
        ``actor``, ``units`` (units naming the actor at least once), ``mentions`` (all its
        mentions), ``documents`` (documents naming it).

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a", "a", "b"], "sentence_id": [1, 2, 1],
    ...                       "text": ["Moscow and the Kremlin agreed.", "Ankara waited.",
    ...                                "Putin spoke."]})
    >>> mention_counts(actor_sentences(mentions(table)))
        actor  units  mentions  documents
    0  Russia      2         3          2
    1  Turkey      1         1          1
    """
    keys = list(keys)
    _check_table(pairs, [*keys, "actor", "n_mentions"], "pairs",
                 "pass the table made by actor_sentences()")
    grouped = pairs.groupby("actor")
    counts = pd.DataFrame({"units": grouped.size(), "mentions": grouped["n_mentions"].sum(),
                           "documents": grouped[keys[0]].nunique()})
    rows = _order(pairs["actor"], order, counts["units"])
    counts = counts.reindex(rows, fill_value=0).astype(int)
    counts.index.name = "actor"
    return counts.reset_index()


def _order(labels: Iterable[str], order: Actors | Sequence[str] | None,
           counts: pd.Series | None = None) -> list[str]:
    present = list(dict.fromkeys(labels))
    if isinstance(order, Actors):
        order = order.labels
    if order is None:
        if counts is not None:
            return sorted(present, key=lambda a: (-counts.get(a, 0), a))
        return sorted(present)
    order = list(order)
    return order + [a for a in sorted(present) if a not in order]


def mention_matrix(pairs: pd.DataFrame, order: Actors | Sequence[str] | None = None, *,
                   keys: Sequence[str] = _SENTENCE_KEYS) -> pd.DataFrame:
    """Sentences by actors: True where the sentence mentions the actor.

    Only sentences with at least one mention are rows. ``order`` (an :class:`Actors` or a list
    of labels) sets the columns and adds columns for actors never mentioned; by default the
    columns are sorted by number of sentences, then by name.

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a", "a"], "sentence_id": [1, 2],
    ...                       "text": ["Ankara and Moscow talked.", "Moscow struck."]})
    >>> mention_matrix(actor_sentences(mentions(table)))  # doctest: +NORMALIZE_WHITESPACE
    actor               Russia  Turkey
    doc_id sentence_id
    a      1              True    True
           2              True   False
    """
    keys = list(keys)
    _check_table(pairs, [*keys, "actor"], "pairs", "pass the table made by actor_sentences()")
    counts = pairs.groupby("actor").size()
    columns = _order(pairs["actor"], order, counts)
    matrix = pd.crosstab([pairs[k] for k in keys], pairs["actor"]).reindex(
        columns=columns, fill_value=0) > 0
    matrix.columns.name = "actor"
    return matrix


def co_mentions(pairs: pd.DataFrame, order: Actors | Sequence[str] | None = None, *,
                keys: Sequence[str] = _SENTENCE_KEYS) -> pd.DataFrame:
    """Actor by actor: the number of sentences that mention both.

    The diagonal holds the number of sentences that mention the actor at all. Columns and rows
    follow ``order`` (see :func:`mention_matrix`).

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a", "a", "b"], "sentence_id": [1, 2, 1],
    ...                       "text": ["Ankara and Moscow talked.", "Moscow struck.",
    ...                                "Putin called Erdogan and Netanyahu."]})
    >>> co_mentions(actor_sentences(mentions(table)), ["Russia", "Turkey", "Israel"])
    ... # doctest: +NORMALIZE_WHITESPACE
    actor   Russia  Turkey  Israel
    actor
    Russia       3       2       1
    Turkey       2       2       1
    Israel       1       1       1
    """
    matrix = mention_matrix(pairs, order, keys=keys)
    values = matrix.to_numpy(dtype=np.int64)
    index = pd.Index(list(matrix.columns), name="actor")
    return pd.DataFrame(values.T @ values, index=index, columns=index.copy())


def co_mention_shares(counts: pd.DataFrame) -> pd.DataFrame:
    """Turn :func:`co_mentions` into shares: of the row actor's sentences, those naming each.

    Each row is divided by its diagonal (the sentences that mention the row actor), so the
    table reads "of the sentences naming Israel, 68% also name Russia". It is not symmetric.
    An actor never mentioned gets a row of NaN.

    Examples
    --------
    >>> counts = pd.DataFrame([[4, 1], [1, 2]], index=["Russia", "Iran"],
    ...                       columns=["Russia", "Iran"])
    >>> co_mention_shares(counts)
            Russia  Iran
    Russia     1.0  0.25
    Iran       0.5  1.00
    """
    _check_table(counts, [], "counts", "pass the table made by co_mentions()")
    if list(counts.index) != list(counts.columns):
        raise ParameterError(Problem("parameter 'counts'", "the rows and columns name different "
                                     "actors", "pass the table made by co_mentions()"))
    diagonal = pd.Series(np.diag(counts.to_numpy(dtype=float)), index=counts.index)
    return counts.astype(float).div(diagonal.where(diagonal > 0), axis=0)


def actor_tone(scored: pd.DataFrame, pairs: pd.DataFrame, by: str | Sequence[str] | None = None,
               *, order: Actors | Sequence[str] | None = None, baseline: str | None = None,
               keys: Sequence[str] = _SENTENCE_KEYS, negative: float = -0.05,
               positive: float = 0.05, n_boot: int = 2000, seed: int = 0,
               level: float = 0.95) -> pd.DataFrame:
    """Tone of the sentences that mention each actor: mean compound with interval, shares.

    This is the tone of the coverage around an actor: how positive or negative the words of
    the sentences naming it are. It is not the actor's stance, nor a stance towards it: "Russia
    condemned the massacre" is negative for Russia's sentence count.

    Parameters
    ----------
    scored : DataFrame
        Scored sentences (:func:`newscorpus.sentiment.score_sentences`), with the ``keys``
        columns, ``compound`` and the ``by`` columns.
    pairs : DataFrame
        :func:`actor_sentences` of the same sentences. A sentence counts once per actor it
        mentions, however many times; sentences not in ``scored`` are left out.
    by : str, list of str or None
        Further group columns of ``scored`` (e.g. a period).
    order : Actors or list of str, optional
        Row order of the actors (default: sorted by label).
    baseline : str, optional
        If given, rows for all scored sentences, labelled with this string in the ``actor``
        column, come first: the tone to compare each actor with.
    keys, negative, positive, n_boot, seed, level
        See :func:`mentions` and :func:`newscorpus.sentiment.summarize`.

    Returns
    -------
    DataFrame
        ``actor``, the ``by`` columns, then the columns of
        :func:`newscorpus.sentiment.summarize`: ``n`` (sentences), ``mean_compound``,
        ``ci_low``, ``ci_high``, ``share_negative``, ``share_neutral``, ``share_positive``.

    Examples
    --------
    >>> from newscorpus.sentiment import score_sentences
    >>> table = pd.DataFrame({"doc_id": ["a", "a", "a"], "sentence_id": [1, 2, 3],
    ...                       "text": ["Moscow welcomed the truce.", "Russian jets killed 20.",
    ...                                "Ankara replied."]})
    >>> scored = score_sentences(table)
    >>> tone = actor_tone(scored, actor_sentences(mentions(table)), baseline="all", n_boot=0)
    >>> tone[["actor", "n", "mean_compound", "share_negative", "share_positive"]]
        actor  n  mean_compound  share_negative  share_positive
    0     all  3      -0.110167        0.333333        0.333333
    1  Russia  2      -0.165250        0.500000        0.500000
    2  Turkey  1       0.000000        0.000000        0.000000
    """
    from newscorpus.sentiment import summarize

    keys = list(keys)
    by = [] if by is None else [by] if isinstance(by, str) else list(by)
    fix = "score sentences with unit='sentence', or pass the keys you gave mentions()"
    _check_table(scored, [*keys, "compound", *by], "scored", fix)
    _check_table(pairs, [*keys, "actor"], "pairs", "pass the table made by actor_sentences()")
    if "actor" in by:
        raise ParameterError(Problem("parameter 'by'", "'actor' is always a group column",
                                     "leave it out of by"))
    units = pairs[[*keys, "actor"]].drop_duplicates()
    merged = scored[[*keys, "compound", *by]].merge(units, on=keys, how="inner")
    if len(units) and len(scored) and not len(merged):
        warnings.warn("no sentence of 'pairs' is in 'scored': check that both come from the "
                      "same sentence table and that their key columns have the same types",
                      stacklevel=2)
    labels = _order(merged["actor"], order)
    merged["actor"] = pd.Categorical(merged["actor"], categories=labels, ordered=True)
    options = dict(negative=negative, positive=positive, n_boot=n_boot, seed=seed, level=level)
    tone = summarize(merged, ["actor", *by], **options)
    tone["actor"] = tone["actor"].astype(str)
    if baseline is not None:
        everything = summarize(scored, by, **options)
        everything.insert(0, "actor", baseline)
        tone = pd.concat([everything, tone], ignore_index=True)
    return tone
