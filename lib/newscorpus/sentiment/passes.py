"""Score a whole corpus in one pass: the scores written, only aggregates and samples kept.

:func:`score_and_write` is notebook 03's costly step. For the sentences notebook 01 wrote, it
keeps the chosen roles, scores every unit with ``method`` and with a second method, finds the
actors each names, writes the scores (``sentiment``) and the mentions (``actor_mentions``), as
CSV locally or as folders of Parquet parts on Dask, and returns only what the notebook shows:

- per group, its documents and units; the three lowest and highest scored units;
- per document, its tally (:func:`~newscorpus.sentiment.summary.document_tally`), from which the
  summary per group follows with intervals over documents;
- the rows of the documents shown as examples (for their arcs, saturation and summaries);
- the mentions per actor and the co-mentions (counts that add up);
- the tone around each actor as tallies per document and actor
  (:func:`~newscorpus.sentiment.actor_partials.actor_partial`);
- a sample of at most ``sample_units`` rows per group, the same rows on any backend and any
  partitioning (those with the smallest hash of their keys and ``seed``), in corpus order: the
  score distribution and the agreement of the two methods are drawn from it. A group with
  fewer rows keeps them all, so on a corpus of that size those views are exact.

With ``backend="dask"`` each worker reads one part of notebook 01's ``sentences/`` (or a slice of
whole documents of ``sentences.csv``); the notebook's process holds a few numbers per document
and the bounded samples, not the sentences.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

__all__ = ["SAMPLE_UNITS", "TABLES", "combine", "partial_result", "score_and_write"]

#: Rows per group kept for the views that need every value (distribution, agreement).
SAMPLE_UNITS = 20_000

#: The tables written: the scores and the actor mentions.
TABLES = ("sentiment", "actor_mentions")


def _cap(rows: pd.DataFrame, by: str, n: int) -> pd.DataFrame:
    """At most ``n`` rows per group: those with the smallest ``_hash`` (ties: the first), in
    corpus order (``_part``, ``_row``)."""
    rank = rows.groupby(by, sort=False, dropna=False)["_hash"].rank(method="first")
    return rows[(rank <= n).to_numpy()].sort_values(["_part", "_row"], kind="stable")


def _sample(rows: pd.DataFrame, keys: Sequence[str], by: str, n: int, seed: int,
            index: int) -> pd.DataFrame:
    """:func:`_cap` of ``rows`` hashed by their keys with ``seed`` (the same on any machine)."""
    hashed = pd.util.hash_pandas_object(rows[list(keys)], index=False,
                                        hash_key=f"newscorpus{seed:06d}"[:16])
    return _cap(rows.assign(_hash=hashed.to_numpy(), _part=index,
                            _row=range(len(rows))), by, n)


def partial_result(sentences: pd.DataFrame, index: int, *, groups: pd.Series, by: str,
                   roles: Sequence[str] | None, method: str, other: str, unit: str,
                   negative: float, positive: float, actors, shown: Sequence[str],
                   baseline: str, sample_units: int = SAMPLE_UNITS,
                   seed: int = 0) -> tuple[dict, dict[str, pd.DataFrame]]:
    """The partial aggregates of some whole documents' sentences, and their written tables.

    ``index`` is the part's place in the corpus (it orders the kept rows across parts).
    """
    from newscorpus.clean.segment import select_roles
    from newscorpus.sentiment.actor_partials import actor_partial
    from newscorpus.sentiment.actor_tables import (
        actor_sentences,
        co_mentions,
        mention_counts,
        mentions,
    )
    from newscorpus.sentiment.scorers import label, score_sentences, unit_keys
    from newscorpus.sentiment.summary import document_tally

    keys = unit_keys(unit)
    chosen = select_roles(sentences, roles) if roles is not None else sentences
    chosen = chosen.assign(**{by: chosen["doc_id"].map(groups).to_numpy()})
    scored = score_sentences(chosen, method, unit=unit, processes=1)
    scored["label"] = label(scored["compound"], negative, positive)
    second = score_sentences(chosen, other, unit=unit, processes=1)["compound"].to_numpy()
    found = mentions(scored, actors, keys=keys)
    pairs = actor_sentences(found, keys=keys)
    rows = scored[list(dict.fromkeys([*keys, by, "compound"]))].assign(**{other: second})
    on_show = scored["doc_id"].isin(list(shown)).to_numpy()
    result = {
        "units": chosen.groupby(by, sort=False, dropna=False).agg(
            documents=("doc_id", "nunique"), units=("text", "size")).reset_index(),
        "lowest": scored.nsmallest(3, "compound")[["doc_id", "text", "compound"]],
        "highest": scored.nlargest(3, "compound")[["doc_id", "text", "compound"]],
        "chosen_shown": chosen[chosen["doc_id"].isin(list(shown)).to_numpy()],
        "scored_shown": scored[on_show],
        "documents": document_tally(scored, by, negative=negative, positive=positive),
        "mentions": mention_counts(pairs, actors, keys=keys),
        "co_mentions": co_mentions(pairs, actors, keys=keys),
        "actor_tone": actor_partial(scored, actors, (), tuple(keys), baseline, negative,
                                    positive),
        "sample": _sample(rows, keys, by, sample_units, seed, index),
        "rows": len(scored),
    }
    written = {"sentiment": scored.drop(columns=["text"]).assign(
                   method=method, **{f"compound_{other}": second}),
               "actor_mentions": found}
    result["empty"] = {name: table.iloc[:0] for name, table in written.items()}
    return result, written


def combine(parts: Sequence[dict], sample_units: int = SAMPLE_UNITS) -> dict:
    """The :func:`partial_result` of consecutive parts of a corpus, combined in their order
    (documents and units add up because no document is in two parts)."""
    from functools import reduce
    from operator import add

    def stacked(name: str) -> pd.DataFrame:
        return pd.concat([p[name] for p in parts], ignore_index=True)

    units = stacked("units")
    by = units.columns[0]
    sample = _cap(stacked("sample"), by, sample_units)
    sample = sample.drop(columns=["_hash", "_part", "_row"]).reset_index(drop=True)
    return {
        "units": units.groupby(by, sort=False, dropna=False).sum().reset_index(),
        "extremes": pd.concat([stacked("lowest").nsmallest(3, "compound"),
                               stacked("highest").nlargest(3, "compound")],
                              ignore_index=True),
        "chosen_shown": stacked("chosen_shown"),
        "scored_shown": stacked("scored_shown"),
        "documents": stacked("documents"),
        "mentions": stacked("mentions").groupby("actor", sort=False).sum().reset_index(),
        "co_mentions": reduce(add, (p["co_mentions"] for p in parts)),
        "actor_tone": stacked("actor_tone"),
        "sample": sample,
        "rows": sum(p["rows"] for p in parts),
    }


def _score_part(source, index: int, **options) -> tuple[dict, dict[str, pd.DataFrame]]:
    """One part on a worker: read it (a Parquet file, or a slice given) and score it; its
    partials, and its tables to write."""
    sentences = pd.read_parquet(source) if isinstance(source, str) else source
    return partial_result(sentences, index, **options)


def score_and_write(processed_dir: str | os.PathLike[str], groups: pd.Series, *, by: str,
                    roles: Sequence[str] | None = None, method: str = "news",
                    other: str = "vader", unit: str = "sentence", negative: float = -0.05,
                    positive: float = 0.05, actors=None, shown: Sequence[str] = (),
                    baseline: str = "all sentences", sample_units: int = SAMPLE_UNITS,
                    seed: int = 0, backend: str = "local", scheduler: str = "",
                    workers: int | None = 0, partition_mb: float = 16,
                    dashboard: bool = False, progress: bool = False) -> dict:
    """Score the sentences notebook 01 wrote to ``processed_dir``; write the scores there.

    Parameters
    ----------
    processed_dir : path
        Holds ``sentences.csv`` or the folder ``sentences/``; :data:`TABLES` are written there
        (CSV locally, folders of Parquet parts on Dask; the other form removed).
    groups : Series
        The group of each document (:func:`newscorpus.corpus.groups.document_groups`), put in
        the column ``by``.
    roles : sequence of str, optional
        Sentence roles scored (all when ``None``).
    method, other : str
        The scorer, and the second one it is compared with.
    unit : str
        ``sentence`` or ``paragraph`` (:func:`newscorpus.sentiment.scorers.score_sentences`).
    negative, positive : float
        Label thresholds.
    actors : Actors, path or None
        The actor dictionary.
    shown : sequence of str
        The documents shown one by one: all their rows are kept.
    baseline : str
        The label of the row of all units in the tone around the actors.
    sample_units, seed : int
        Rows kept per group for the distribution and the agreement, and the seed of the draw.
    backend, scheduler, workers, partition_mb, dashboard, progress
        Where the scoring runs (:func:`newscorpus.base.dask_backend.dask_client`); locally
        ``workers`` is not used (one process); ``partition_mb`` cuts ``sentences.csv`` into
        parts on Dask when there is no ``sentences/``.

    Returns
    -------
    dict
        See the module docstring: ``units``, ``extremes``, ``chosen_shown``, ``scored_shown``,
        ``documents``, ``mentions``, ``co_mentions``, ``actor_tone``, ``sample`` and ``rows``
        (units scored).
    """
    from newscorpus.base.dask_backend import check_backend, check_partition_mb
    from newscorpus.base.outputs import read_table, table_parts, write_table
    from newscorpus.base.passes import dask_pass
    from newscorpus.sentiment.actor_tables import _actors

    processed = Path(processed_dir)
    options = dict(groups=groups, by=by, roles=None if roles is None else tuple(roles),
                   method=method, other=other, unit=unit, negative=negative, positive=positive,
                   actors=_actors(actors), shown=tuple(shown), baseline=baseline,
                   sample_units=sample_units, seed=seed)
    if check_backend(backend) == "local":
        sentences = read_table(processed / "sentences.csv", made_by="01-cleaning")
        result, written = partial_result(sentences, 0, **options)
        for name, table in written.items():
            write_table(table, processed / f"{name}.csv")
        return combine([result], sample_units)
    check_partition_mb(partition_mb)
    sources = table_parts(processed, "sentences", made_by="01-cleaning",
                          partition_mb=partition_mb)
    # the groups (one per document) are sent to each worker once
    parts = dask_pass(_score_part, sources, processed, TABLES,
                      shared={"groups": options["groups"]},
                      options={k: v for k, v in options.items() if k != "groups"},
                      desc="scoring", scheduler=scheduler, workers=workers,
                      dashboard=dashboard, progress=progress)
    return combine(parts, options["sample_units"])
