"""Mentions of actors in sentences, who is named with whom, and the tone around each actor."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from newscorpus.base.errors import ParameterError, Problem
from newscorpus.sentiment.actors import Actors, load_actors

#: The columns of :func:`mentions`.
MENTION_COLUMNS = ("doc_id", "sentence_id", "actor", "term", "matched", "start", "end")


_SENTENCE_KEYS = ("doc_id", "sentence_id")


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
        ``actor``, ``units`` (units naming the actor at least once), ``actor_tables`` (all its
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
               level: float = 0.95, cluster: str | None = None) -> pd.DataFrame:
    """Tone of the sentences that mention each actor: mean compound with interval, shares.

    This is the tone of the coverage around an actor: how positive or negative the words of
    the sentences naming it are. It is not the actor's stance, nor a stance towards it: "Russia
    condemned the massacre" is negative for Russia's sentence count.

    Parameters
    ----------
    scored : DataFrame
        Scored sentences (:func:`newscorpus.sentiment.scorers.score_sentences`), with the ``keys``
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
    keys, negative, positive, n_boot, seed, level, cluster
        See :func:`mentions` and :func:`newscorpus.sentiment.summary.summarize`; with
        ``cluster="doc_id"`` the intervals resample documents.

    Returns
    -------
    DataFrame
        ``actor``, the ``by`` columns, then the columns of
        :func:`newscorpus.sentiment.summary.summarize`: ``n`` (sentences), ``mean_compound``,
        ``ci_low``, ``ci_high``, ``share_negative``, ``share_neutral``, ``share_positive``.

    Examples
    --------
    >>> from newscorpus.sentiment import score_sentences
    >>> table = pd.DataFrame({"doc_id": ["a", "a", "a"], "sentence_id": [1, 2, 3],
    ...                       "text": ["Moscow welcomed the truce.", "Russian jets killed 20.",
    ...                                "Ankara replied."]})
    >>> scored = score_sentences(table, "vader")
    >>> tone = actor_tone(scored, actor_sentences(mentions(table)), baseline="all", n_boot=0)
    >>> tone[["actor", "n", "mean_compound", "share_negative", "share_positive"]]
        actor  n  mean_compound  share_negative  share_positive
    0     all  3      -0.110167        0.333333        0.333333
    1  Russia  2      -0.165250        0.500000        0.500000
    2  Turkey  1       0.000000        0.000000        0.000000
    """
    from newscorpus.sentiment.summary import summarize

    keys = list(keys)
    by = [] if by is None else [by] if isinstance(by, str) else list(by)
    fix = "score sentences with unit='sentence', or pass the keys you gave mentions()"
    _check_table(scored, [*keys, "compound", *by], "scored", fix)
    _check_table(pairs, [*keys, "actor"], "pairs", "pass the table made by actor_sentences()")
    if "actor" in by:
        raise ParameterError(Problem("parameter 'by'", "'actor' is always a group column",
                                     "leave it out of by"))
    units = pairs[[*keys, "actor"]].drop_duplicates()
    extra = [cluster] if cluster and cluster not in keys and cluster not in by else []
    merged = scored[[*keys, "compound", *by, *extra]].merge(units, on=keys, how="inner")
    if len(units) and len(scored) and not len(merged):
        warnings.warn("no sentence of 'pairs' is in 'scored': check that both come from the "
                      "same sentence table and that their key columns have the same types",
                      stacklevel=2)
    labels = _order(merged["actor"], order)
    merged["actor"] = pd.Categorical(merged["actor"], categories=labels, ordered=True)
    options = dict(negative=negative, positive=positive, n_boot=n_boot, seed=seed, level=level,
                   cluster=cluster)
    tone = summarize(merged, ["actor", *by], **options)
    tone["actor"] = tone["actor"].astype(str)
    if baseline is not None:
        everything = summarize(scored, by, **options)
        everything.insert(0, "actor", baseline)
        tone = pd.concat([everything, tone], ignore_index=True)
    return tone
