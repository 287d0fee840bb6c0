"""The same analysis on Dask: from a laptop to a cluster.

``backend="local"`` runs the library's functions on the whole table in this process (with
:func:`~newscorpus.base.parallel.map_chunks` workers); ``backend="dask"`` cuts the documents into
partitions of about ``partition_mb`` MB of text and applies the *same* functions to each
partition with ``map_partitions``, on a local Dask cluster (``scheduler=""``) or on an existing
one (``scheduler="tcp://host:8786"``). Aggregates are partial sums per partition, combined.

================  ==========================================================================
module            what it holds
================  ==========================================================================
``stages``        documents to partitions; sentences, tokens, scores, motives per partition
``aggregates``    term and document frequencies, keyness counts, tone and motive summaries,
                  the tone around each actor
``parquet``       derived tables written as partitioned Parquet (a Parquet corpus is read by
                  :mod:`newscorpus.corpus.parquet`, re-exported here)
``pipeline``      :func:`process_corpus`: every table in one pass, written as Parquet, and
                  the aggregates combined as partitions finish
================  ==========================================================================

The parameter checks and :func:`dask_client` live in :mod:`newscorpus.base.dask_backend`, so
that the stages (``clean_corpus``, ``score_sentences``) can take ``backend="dask"`` too.
"""

from newscorpus.base.dask_backend import (
    BACKENDS,
    check_backend,
    check_partition_mb,
    dask_client,
)

__all__ = ["BACKENDS", "check_backend", "check_partition_mb", "dask_client"]
