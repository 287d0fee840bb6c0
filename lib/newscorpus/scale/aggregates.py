"""Aggregates computed as partial sums per partition, then combined.

Each aggregate has a *partial* function, which a partition (or a whole pandas table) turns into
a small table of counts, and a *combine* step that adds the partials up and finishes the table
(shares, ranks, order). With the ``local`` backend the partial is taken of the whole table;
with ``dask`` of each partition, and only the partials come back to the client: their size
grows with the vocabulary and the groups, not with the corpus.

Counts are integers, so they add up exactly whatever the partitions. Sums of scores are
floats: :func:`tone_summary` keeps one partial per document (a document is never split across
partitions) and adds them with :func:`math.fsum`, which is exact, so both backends give the same
bits. :func:`actor_tone_summary` does the same per actor, and keeps the per-document sums its
interval over documents resamples.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from newscorpus.base.checks import check_by, check_table
from newscorpus.keywords.partials import (
    document_counts,
    document_frequency_from_counts,
    frequencies_from_counts,
    term_counts,
)
from newscorpus.scale.stages import is_dask
from newscorpus.sentiment.actor_partials import actor_partial, actor_tone_from_partials

__all__ = ["actor_tone_summary", "document_frequencies", "group_frequencies", "motive_summary",
           "tone_summary"]


def _columns(by: str | Sequence[str]) -> list[str]:
    return [by] if isinstance(by, str) else list(by)


def _partials(frame, partial, example: pd.DataFrame, *, on: dict | None = None,
              **options) -> pd.DataFrame:
    """``partial`` of the whole pandas table, or of each Dask partition, concatenated.

    ``on`` (``backend``, ``scheduler``, ``workers``, ``partition_mb``, ``dashboard``,
    ``progress``) with ``backend="dask"`` sends a pandas table to a Dask cluster in partitions
    of whole documents (:func:`newscorpus.scale.stages.map_step`); the partials come back.
    """
    if is_dask(frame):
        meta = partial(example, **options).iloc[:0]
        return frame.map_partitions(partial, **options, meta=meta, enforce_metadata=False)
    if on and on.get("backend", "local") != "local":
        from newscorpus.scale.stages import map_step

        return map_step(partial, frame, **on, **options)
    return partial(frame, **options)


def _example(frame) -> pd.DataFrame:
    return frame._meta if is_dask(frame) else frame.iloc[:0]


def _sum(partials, keys: list[str], columns: list[str]) -> pd.DataFrame:
    """Partials added up per ``keys`` (in Dask when they are lazy); a pandas table."""
    summed = partials.groupby(keys, sort=False, dropna=False)[columns].sum()
    if is_dask(partials):
        summed = summed.compute()
    return summed.reset_index()


# --- term and document frequencies ------------------------------------------------------------


def group_frequencies(tokens, by: str | Sequence[str], n=(1, 1), drop_stop: bool = True,
                      column: str = "term", *, backend: str = "local",
                      scheduler: str | None = "", workers: int | None = 0,
                      partition_mb: float = 16, dashboard: bool = False) -> pd.DataFrame:
    """:func:`newscorpus.keywords.counts.frequencies` per group, from partial counts.

    ``tokens`` is a token table (pandas or Dask) with the ``by`` columns on it. The result
    equals ``frequencies(tokens, by, n, drop_stop, column)`` on the whole table: the counts and
    each group's words are summed over partitions, then ``per_10k`` and ``rank`` are computed.
    Its size is the vocabulary times the groups. A pandas table goes to a Dask cluster in
    partitions of whole documents with ``backend="dask"`` (``scheduler``, ``workers``,
    ``partition_mb``, ``dashboard``: :func:`newscorpus.base.dask_backend.map_documents`).

    Examples
    --------
    >>> tokens = pd.DataFrame({"doc_id": ["a"] * 3 + ["b"] * 2, "sentence_id": 1,
    ...     "position": [0, 1, 2, 0, 1], "term": ["russia", "the", "syria", "syria", "the"],
    ...     "stop": [False, True, False, False, True], "kind": ["x", "x", "x", "x", "x"]})
    >>> group_frequencies(tokens, "kind")
      kind    term  count  words  per_10k  rank
    0    x   syria      2      5   4000.0     1
    1    x  russia      1      5   2000.0     2
    """
    columns = _columns(by)
    if not is_dask(tokens):
        check_by(check_table(tokens, [], "tokens"), columns)
    on = dict(backend=backend, scheduler=scheduler, workers=workers,
              partition_mb=partition_mb, dashboard=dashboard)
    partials = _partials(tokens, term_counts, _example(tokens), on=on, by=tuple(columns),
                         n=n, drop_stop=drop_stop, column=column)
    if is_dask(partials):
        partials = partials.compute()
    return frequencies_from_counts(partials, columns)


def document_frequencies(tokens, by: str | Sequence[str] = (), n=(1, 1),
                         drop_stop: bool = True, column: str = "term") -> pd.DataFrame:
    """In how many documents each term occurs (per group of ``by``), from partial counts.

    Returns the ``by`` columns, ``term`` and ``documents``, sorted by group, ``documents``
    (highest first) and term.

    Examples
    --------
    >>> tokens = pd.DataFrame({"doc_id": ["a", "a", "b"], "sentence_id": 1,
    ...     "position": [0, 1, 0], "term": ["russia", "syria", "syria"], "stop": False})
    >>> document_frequencies(tokens)
         term  documents
    0   syria          2
    1  russia          1
    """
    columns = _columns(by)
    if not is_dask(tokens):
        check_table(tokens, ["doc_id", *columns], "tokens")
    partials = _partials(tokens, document_counts, _example(tokens), by=tuple(columns), n=n,
                         drop_stop=drop_stop, column=column)
    if is_dask(partials):
        partials = partials.compute()
    return document_frequency_from_counts(partials, columns)


# --- tone and motives -------------------------------------------------------------------------


def _tone_partial(scored: pd.DataFrame, by: tuple[str, ...], negative: float,
                  positive: float) -> pd.DataFrame:
    from newscorpus.sentiment.summary import tally

    keys = list(dict.fromkeys([*by, "doc_id"]))
    table = tally(scored, keys, negative=negative, positive=positive)
    # pandas' grouped sum depends on how the rows are laid out in memory: fsum does not
    exact = scored.groupby(keys, sort=True, dropna=False, observed=True)["compound"].agg(
        lambda s: math.fsum(s.astype("float64")))
    table["sum_compound"] = exact.to_numpy(dtype="float64")
    return table


def tone_summary(scored, by: str | Sequence[str] = "doc_id", *, negative: float = -0.05,
                 positive: float = 0.05) -> pd.DataFrame:
    """Tone per group: units, documents, mean compound and label shares, from per-document tallies.

    The partials are :func:`newscorpus.sentiment.summary.tally` per document (``n``,
    ``sum_compound``, ``n_negative``, ``n_neutral``, ``n_positive``); the sums per group are
    exact (:func:`math.fsum`). Returns the ``by`` columns (groups sorted), ``n``,
    ``documents``, ``sum_compound``, ``mean_compound``, the three counts and the three shares.

    Examples
    --------
    >>> scored = pd.DataFrame({"doc_id": ["a", "a", "b"], "period": ["p", "p", "p"],
    ...                        "compound": [0.5, -0.2, 0.0]})
    >>> tone_summary(scored, "period")[["period", "n", "documents", "mean_compound"]]
      period  n  documents  mean_compound
    0      p  3          2            0.1
    """
    columns = _columns(by)
    if not is_dask(scored):
        check_table(scored, ["doc_id", "compound", *columns], "scored",
                    "newscorpus.sentiment.score_sentences")
    partials = _partials(scored, _tone_partial, _example(scored), by=tuple(columns),
                         negative=negative, positive=positive)
    if is_dask(partials):
        partials = partials.compute()
    per_doc = partials.sort_values([*columns, "doc_id"], kind="stable")
    grouped = per_doc.groupby(columns, sort=True, dropna=False)
    counts = ["n", "n_negative", "n_neutral", "n_positive"]
    table = grouped[counts].sum().astype("int64")
    table.insert(1, "documents", grouped.size().astype("int64"))
    table.insert(2, "sum_compound", grouped["sum_compound"].agg(lambda s: math.fsum(s)))
    table.insert(3, "mean_compound", table["sum_compound"] / table["n"])
    for name in ("negative", "neutral", "positive"):
        table[f"share_{name}"] = table[f"n_{name}"] / table["n"]
    return table.reset_index()


def _motive_partial(flags: pd.DataFrame, by: tuple[str, ...], labels: tuple[str, ...]
                    ) -> pd.DataFrame:
    frame = flags[[*by, *labels]].astype(dict.fromkeys(labels, "int64"))
    frame = frame.assign(sentences=1, any_motive=flags[list(labels)].any(axis=1).astype("int64"))
    return frame.groupby(list(by), sort=False, dropna=False).sum().reset_index()


def motive_summary(flags, by: str | Sequence[str] = "doc_id") -> pd.DataFrame:
    """Sentences per group, and how many of them carry each motive, from partial counts.

    ``flags`` is :func:`newscorpus.motives.tables.motive_flags` (pandas or Dask) with the
    ``by`` columns on it. Returns the ``by`` columns (groups sorted), ``sentences``,
    ``any_motive`` and one count per label of :data:`newscorpus.motives.codebook.LABELS`.
    """
    from newscorpus.motives.codebook import LABELS

    columns = _columns(by)
    labels = tuple(c for c in LABELS if c in flags.columns)
    if not is_dask(flags):
        check_table(flags, [*columns, *labels], "flags", "newscorpus.motives.motive_flags")
    partials = _partials(flags, _motive_partial, _example(flags), by=tuple(columns),
                         labels=labels)
    table = _sum(partials, columns, ["sentences", "any_motive", *labels])
    table = table.sort_values(columns, kind="stable").reset_index(drop=True)
    return table.astype(dict.fromkeys(["sentences", "any_motive", *labels], "int64"))


# --- tone around each actor -------------------------------------------------------------------

def actor_tone_summary(scored, actors=None, by: str | Sequence[str] | None = None, *,
                       order=None, baseline: str | None = None,
                       keys: Sequence[str] = ("doc_id", "sentence_id"),
                       negative: float = -0.05, positive: float = 0.05, n_boot: int = 2000,
                       seed: int = 0, level: float = 0.95, backend: str = "local",
                       scheduler: str | None = "", workers: int | None = 0,
                       partition_mb: float = 16, progress: bool = False,
                       dashboard: bool = False) -> pd.DataFrame:
    """The tone around each actor, from partial tallies per document: as
    :func:`newscorpus.sentiment.actor_tables.actor_tone` with ``cluster="doc_id"``.

    Each partition (or the whole pandas table) finds the actors its units name
    (:func:`~newscorpus.sentiment.actor_tables.mentions`) and returns, per actor, group and
    document, the units, the exact sum of their compound (:func:`math.fsum`) and the label
    counts; the combine step adds them up per actor and group and resamples the documents for
    the interval (:func:`newscorpus.base.stats.cluster_bootstrap`, seed ``seed + k`` for the
    ``k``-th row, the baseline counted apart, as ``actor_tone`` does). A document is never split
    across partitions, so both backends give the same bits; the client holds one row per
    document and actor named, not the units.

    Parameters
    ----------
    scored : DataFrame
        Scored units (:func:`newscorpus.sentiment.scorers.score_sentences`) with ``text``, the
        ``keys`` columns, ``compound`` and the ``by`` columns; pandas, or Dask with no document
        split across partitions (computed inside the caller's client).
    actors : Actors, path or None
        The actor dictionary (:func:`newscorpus.sentiment.actors.load_actors`).
    by, order, baseline, keys, negative, positive, n_boot, seed, level
        As in ``actor_tone``.
    backend, scheduler, workers, partition_mb, progress, dashboard
        For a pandas table: ``local`` runs here; ``dask`` cuts it into partitions of about
        ``partition_mb`` MB of text, whole documents each, on a Dask cluster
        (:func:`newscorpus.base.dask_backend.map_documents`).

    Returns
    -------
    DataFrame
        ``actor``, the ``by`` columns, ``n``, ``documents``, ``mean_compound``, ``ci_low``,
        ``ci_high``, ``share_negative``, ``share_neutral``, ``share_positive``: the baseline
        row(s) first, then the actors named, in ``order``.

    Examples
    --------
    >>> scored = pd.DataFrame({"doc_id": ["a", "a", "b"], "sentence_id": [1, 2, 1],
    ...     "text": ["Moscow welcomed the truce.", "Russian jets killed 20.", "Ankara replied."],
    ...     "compound": [0.5, -0.6, 0.0]})
    >>> tone = actor_tone_summary(scored, baseline="all", n_boot=0)
    >>> tone[["actor", "n", "documents", "mean_compound", "share_negative"]]
        actor  n  documents  mean_compound  share_negative
    0     all  3          2      -0.033333        0.333333
    1  Russia  2          1      -0.050000        0.500000
    2  Turkey  1          1       0.000000        0.000000
    """
    from newscorpus.base.dask_backend import check_backend
    from newscorpus.base.errors import ParameterError, Problem
    from newscorpus.sentiment.actor_tables import _actors
    from newscorpus.sentiment.checks import _check_count, _check_seed

    backend = check_backend(backend)
    n_boot, seed = _check_count(n_boot, "n_boot", minimum=0), _check_seed(seed)
    if isinstance(level, bool) or not isinstance(level, int | float) or not 0 < level < 1:
        raise ParameterError(Problem("parameter 'level'", f"expected a number between 0 and 1,"
                                     f" got {level!r}", "use e.g. level=0.95"))
    columns = [] if by is None else _columns(by)
    if "actor" in columns:
        raise ParameterError(Problem("parameter 'by'", "'actor' is always a group column",
                                     "leave it out of by"))
    keys = tuple(keys)
    if not is_dask(scored):
        check_table(scored, [*keys, "doc_id", "text", "compound", *columns], "scored",
                    "newscorpus.sentiment.score_sentences")
    actors = _actors(actors)
    if baseline is not None and baseline in actors.labels:
        raise ParameterError(Problem("parameter 'baseline'", f"{baseline!r} is also an actor's "
                                     "label", "give the row of all units another label, e.g. "
                                     "'all sentences'"))
    options = dict(actors=actors, by=tuple(columns), keys=keys, baseline=baseline,
                   negative=negative, positive=positive)
    on = dict(backend=backend, scheduler=scheduler, workers=workers,
              partition_mb=partition_mb, dashboard=dashboard, progress=progress)
    partials = _partials(scored, actor_partial, _example(scored), on=on, **options)
    if is_dask(partials):
        partials = partials.compute()
    return actor_tone_from_partials(partials, columns, order=order, baseline=baseline,
                                    n_boot=n_boot, seed=seed, level=level)
