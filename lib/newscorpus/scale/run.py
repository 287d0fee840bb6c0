"""The library's costly steps run on Dask and returned as pandas tables, for the notebooks.

:func:`newscorpus.clean.clean_corpus` and :func:`newscorpus.sentiment.score_sentences` take
``backend="dask"`` (with ``scheduler`` and ``partition_mb``) and call these functions, which cut
the table into partitions (a document is never split), run the same function on each partition
on the workers, and concatenate the results in order: the tables equal those of the local
backend. The whole result comes back to this process, so memory here still grows with the
corpus; for corpora larger than memory use :func:`newscorpus.scale.stages.corpus_tables` and the
aggregates of :mod:`newscorpus.scale.aggregates`, which keep the tables on the workers.
"""

from __future__ import annotations

import logging

import pandas as pd

from newscorpus.base.parallel import PROGRESS_FROM
from newscorpus.scale.backend import check_partition_mb, dask_client
from newscorpus.scale.stages import partition_bounds

__all__ = ["clean_on_dask", "score_on_dask"]

log = logging.getLogger(__name__)


def _document_bounds(table: pd.DataFrame, partition_mb: float) -> list[tuple[int, int]]:
    """Row ranges of about ``partition_mb`` MB of text that never split a document.

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "text": ["x" * 10] * 4})
    >>> _document_bounds(table, 1e-5)
    [(0, 2), (2, 3), (3, 4)]
    """
    sizes = table["text"].str.len().fillna(0).to_numpy()
    ids = table["doc_id"].to_numpy()
    bounds = []
    for a, b in partition_bounds(sizes, partition_mb):
        if bounds and bounds[-1][1] > a:  # the previous range was extended past this start
            a = bounds[-1][1]
        while b < len(ids) and b > a and ids[b] == ids[b - 1]:
            b += 1
        if a < b:
            bounds.append((a, b))
    return bounds


def _compute(client, tasks: list, progress: bool, items: int) -> list:
    futures = client.compute(tasks)
    if progress and items >= PROGRESS_FROM:
        from distributed import progress as show_progress

        show_progress(futures)
    return client.gather(futures)


def _clean_part(part: pd.DataFrame, rules) -> dict:
    from newscorpus.clean.pipeline import clean_corpus

    return clean_corpus(part, rules=rules, workers=1)


def clean_on_dask(documents: pd.DataFrame, *, rules, scheduler: str = "",
                  workers: int | None = 0, partition_mb: float = 16,
                  progress: bool = False) -> dict[str, pd.DataFrame]:
    """:func:`newscorpus.clean.clean_corpus` on Dask: the same three tables."""
    import dask

    partition_mb = check_partition_mb(partition_mb)
    bounds = _document_bounds(documents, partition_mb) or [(0, 0)]
    with dask_client(scheduler, workers=workers) as client:
        tasks = [dask.delayed(_clean_part)(documents.iloc[a:b], rules) for a, b in bounds]
        parts = _compute(client, tasks, progress, len(documents) * 100)
    return {name: pd.concat([p[name] for p in parts], ignore_index=True)
            for name in ("texts", "removals", "sentences")}


def _score_part(part: pd.DataFrame, method: str, unit: str, chunk_size: int) -> pd.DataFrame:
    from newscorpus.sentiment.scorers import score_sentences

    return score_sentences(part, method, unit=unit, processes=1, chunk_size=chunk_size)


def score_on_dask(sentences: pd.DataFrame, method: str, *, unit: str = "sentence",
                  scheduler: str = "", workers: int | None = 0, partition_mb: float = 16,
                  chunk_size: int = 2000, progress: bool = False) -> pd.DataFrame:
    """:func:`newscorpus.sentiment.score_sentences` on Dask: the same table."""
    import dask

    partition_mb = check_partition_mb(partition_mb)
    bounds = _document_bounds(sentences, partition_mb) or [(0, 0)]
    with dask_client(scheduler, workers=workers) as client:
        tasks = [dask.delayed(_score_part)(sentences.iloc[a:b], method, unit, chunk_size)
                 for a, b in bounds]
        parts = _compute(client, tasks, progress, len(sentences))
    table = pd.concat(parts)
    return table.reset_index(drop=True) if unit == "paragraph" else table
