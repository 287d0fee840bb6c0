"""Derived tables written as partitioned Parquet, whole or not at all; a Parquet corpus.

:func:`write_parquet` writes a Dask (or pandas) table as a folder of part files, atomically: it
is written to a temporary folder beside the target, which replaces the target in one rename
once complete. A corpus stored as a Parquet dataset is read by
:mod:`newscorpus.corpus.parquet` (:func:`load_parquet_corpus`, re-exported here), which
:func:`newscorpus.corpus.load_corpus` uses for a folder of ``.parquet`` files.
"""

from __future__ import annotations

import os

from newscorpus.base.outputs import write_parts
from newscorpus.corpus.parquet import PARQUET_REQUIRED, load_parquet_corpus, parquet_files

__all__ = ["PARQUET_REQUIRED", "load_parquet_corpus", "parquet_files", "write_parquet"]


def write_parquet(table, target: str | os.PathLike[str]) -> str:
    """Write ``table`` (pandas or Dask) as a folder of Parquet part files, whole or not at all
    (:func:`newscorpus.base.outputs.write_parts`).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import pandas as pd
    >>> folder = Path(tempfile.mkdtemp()) / "sentences"
    >>> _ = write_parquet(pd.DataFrame({"doc_id": ["a"], "n": [1]}), folder)
    >>> pd.read_parquet(folder).to_dict("records")
    [{'doc_id': 'a', 'n': 1}]
    """
    return write_parts(table, target)
