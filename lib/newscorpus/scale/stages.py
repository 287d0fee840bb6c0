"""Documents cut into partitions, and the per-document steps applied to each partition.

Every step is a library function the local path uses too (:func:`~newscorpus.clean.
clean_corpus`, :func:`~newscorpus.clean.segment.token_table`, :func:`~newscorpus.sentiment.
scorers.score_sentences`, :func:`~newscorpus.motives.tables.motive_table` and
:func:`~newscorpus.motives.tables.motive_flags`), applied to a whole table (``local``) or to
each partition with ``map_partitions`` (``dask``). A document is never split across two
partitions, so per-document results are the same either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd

from newscorpus.base.dask_backend import (  # re-exported: stages of a Dask table
    check_backend,
    check_partition_mb,
    is_dask,
    to_dask,
)

__all__ = ["STAGES", "attach", "collect", "corpus_tables", "is_dask", "map_step", "to_dask"]

#: The tables :func:`corpus_tables` returns, in the order they are made.
STAGES = ("sentences", "tokens", "scores", "motives", "flags")


# --- the steps, one module-level function each (workers import them by name) -------------------


def sentences_step(docs: pd.DataFrame, rules: tuple[str, ...] | None = None) -> pd.DataFrame:
    """The sentence table of ``docs`` (:func:`newscorpus.clean.clean_corpus`, in this process)."""
    from newscorpus.clean import clean_corpus

    return clean_corpus(docs, rules=rules, workers=1)["sentences"]


def tokens_step(sentences: pd.DataFrame, options: tuple = ()) -> pd.DataFrame:
    """The token table of ``sentences`` (:func:`newscorpus.clean.segment.token_table`)."""
    from newscorpus.clean.segment import token_table

    return token_table(sentences, **dict(options))


def scores_step(sentences: pd.DataFrame, method: str = "news", unit: str = "sentence"
                ) -> pd.DataFrame:
    """``sentences`` scored (:func:`newscorpus.sentiment.scorers.score_sentences`)."""
    from newscorpus.sentiment.scorers import score_sentences

    return score_sentences(sentences, method, unit=unit, processes=1)


def motives_step(sentences: pd.DataFrame, codebook=None) -> pd.DataFrame:
    """The motive evidence of ``sentences`` (:func:`newscorpus.motives.tables.motive_table`,
    with ``codebook``, by default the packaged one)."""
    from newscorpus.motives.tables import motive_table

    return motive_table(sentences, codebook=codebook)


def flags_step(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence, a flag per motive (:func:`newscorpus.motives.tables.motive_flags`)."""
    from newscorpus.motives.tables import motive_flags, motive_table

    return motive_flags(sentences, motive_table(sentences))


def map_step(step: Callable[..., pd.DataFrame], table: pd.DataFrame, *, backend: str = "local",
             scheduler: str | None = "", workers: int | None = 0, partition_mb: float = 16,
             dashboard: bool = False, progress: bool = False, **options) -> pd.DataFrame:
    """``step(table, **options)`` here (``local``), or on each partition of whole documents on a
    Dask cluster (``dask``), the partitions' results stacked with a fresh index.

    ``step`` is a module-level function (e.g. :func:`motives_step`) that gives, for any set of
    whole documents, the rows it gives for them within the whole table; ``table`` has
    ``doc_id`` (a document's rows consecutive) and, to size the partitions, ``text``. The
    other arguments are those of :func:`newscorpus.base.dask_backend.map_documents`.

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Moscow said so.", "Fine."]})
    >>> map_step(lambda part: part, table).equals(table)
    True
    """
    from functools import partial

    from newscorpus.base.dask_backend import map_documents

    if check_backend(backend) == "local":
        return step(table, **options).reset_index(drop=True)
    parts = map_documents(partial(step, **options), table, scheduler=scheduler,
                          workers=workers, partition_mb=partition_mb, progress=progress,
                          dashboard=dashboard)
    return pd.concat(parts, ignore_index=True)


def apply_step(frame, step: Callable[..., pd.DataFrame], sample: pd.DataFrame, **options):
    """Apply ``step`` to a pandas table, or to each partition of a Dask one.

    ``sample`` is a few rows of ``frame`` (pandas): the step run on them gives Dask the
    columns and types of the result. Returns the result and the step's result on ``sample``.
    """
    example = step(sample, **options)
    if not is_dask(frame):
        return step(frame, **options), example
    return frame.map_partitions(step, **options, meta=example.iloc[:0],
                                enforce_metadata=False), example


def corpus_tables(docs, *, backend: str = "local", method: str = "news",
                  unit: str = "sentence", rules: Iterable[str] | None = None,
                  token_options: dict | None = None, roles: Iterable[str] | None = None,
                  workers: int | None = 1, partition_mb: float = 16,
                  stages: Iterable[str] = STAGES) -> dict:
    """Make the derived tables of a document table, on the local or the Dask backend.

    Parameters
    ----------
    docs : DataFrame
        The documents (``doc_id``, ``text``, ...; from :func:`newscorpus.corpus.load_corpus`
        or :func:`newscorpus.scale.parquet.load_parquet_corpus`), pandas or Dask.
    backend : {"local", "dask"}
        ``local``: the library's functions on whole tables, with ``workers`` processes;
        ``dask``: the same functions on each partition, lazily (compute or write the
        results inside :func:`~newscorpus.base.dask_backend.dask_client`).
    method, unit : str
        As in :func:`newscorpus.sentiment.scorers.score_sentences`.
    rules : iterable of str, optional
        Cleaning rules (:func:`newscorpus.clean.clean_corpus`).
    token_options : dict, optional
        Keyword arguments of :func:`newscorpus.clean.segment.token_table`.
    roles : iterable of str, optional
        Sentence roles kept for tokens, scores and motives (all when ``None``).
    workers : int or None
        Worker processes of the local backend.
    partition_mb : float
        Megabytes of text per partition, when a pandas table goes to Dask.
    stages : iterable of str
        Which of :data:`STAGES` to make (``sentences`` always).

    Returns
    -------
    dict
        Table name to DataFrame (pandas for ``local``, lazy Dask for ``dask``).
    """
    backend = check_backend(backend)
    check_partition_mb(partition_mb)
    stages = set(stages) | {"sentences"}
    unknown = sorted(stages - set(STAGES))
    if unknown:
        from newscorpus.base.checks import fail

        raise fail("stages", f"unknown stage {', '.join(map(repr, unknown))}",
                   f"use some of {', '.join(STAGES)}")
    rules = None if rules is None else tuple(rules)
    if backend == "dask" and not is_dask(docs):
        docs = to_dask(docs, partition_mb)
    # a few documents of the first partition only: the steps run on them give Dask the columns
    sample = (docs.partitions[0].compute() if is_dask(docs) else docs).head(3).copy()
    tables: dict = {}
    if backend == "local":
        from newscorpus.clean import clean_corpus

        if is_dask(docs):
            docs = docs.compute()
        sentences = clean_corpus(docs, rules=rules, workers=workers)["sentences"]
        example = sentences_step(sample, rules=rules)
    else:
        sentences, example = apply_step(docs, sentences_step, sample, rules=rules)
    tables["sentences"] = sentences
    if roles is not None:
        keep = list(roles)
        sentences = sentences[sentences["role"].isin(keep)]
        example = example[example["role"].isin(keep)]
    if "tokens" in stages:
        tables["tokens"] = apply_step(sentences, tokens_step, example,
                                      options=tuple(sorted((token_options or {}).items())))[0]
    if "scores" in stages:
        if backend == "local":
            from newscorpus.sentiment.scorers import score_sentences

            tables["scores"] = score_sentences(sentences, method, unit=unit, processes=workers)
        else:
            tables["scores"] = apply_step(sentences, scores_step, example, method=method,
                                          unit=unit)[0]
    if "motives" in stages:
        tables["motives"] = apply_step(sentences, motives_step, example)[0]
    if "flags" in stages:
        tables["flags"] = apply_step(sentences, flags_step, example)[0]
    return tables


def collect(frame) -> pd.DataFrame:
    """A pandas table with a fresh index: ``frame`` computed if it is a Dask one."""
    table = frame.compute() if is_dask(frame) else frame
    return table.reset_index(drop=True)




def _merge_left(frame: pd.DataFrame, table: pd.DataFrame, on: str) -> pd.DataFrame:
    return frame.merge(table, on=on, how="left")


def attach(frame, table: pd.DataFrame, on: str = "doc_id"):
    """``frame`` (pandas or Dask) with the columns of the small pandas ``table`` merged on.

    Each partition is merged with the whole of ``table`` (e.g. ``documents[["doc_id",
    "period"]]``), so row order within partitions is kept.

    Examples
    --------
    >>> attach(pd.DataFrame({"doc_id": ["b", "a"]}), pd.DataFrame({"doc_id": ["a", "b"],
    ...                                                           "kind": ["x", "y"]}))
      doc_id kind
    0      b    y
    1      a    x
    """
    if not is_dask(frame):
        return _merge_left(frame, table, on)
    meta = _merge_left(frame._meta, table.iloc[:0], on)
    return frame.map_partitions(_merge_left, table, on, meta=meta, enforce_metadata=False)
