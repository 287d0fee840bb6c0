"""Derived tables written as partitioned Parquet, whole or not at all; a Parquet corpus.

:func:`write_parquet` writes a Dask (or pandas) table as a folder of part files, atomically: it
is written to a temporary folder beside the target, which replaces the target in one rename
once complete. A corpus stored as a Parquet dataset is read by
:mod:`newscorpus.corpus.parquet` (:func:`load_parquet_corpus`, re-exported here), which
:func:`newscorpus.corpus.load_corpus` uses for a folder of ``.parquet`` files.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from newscorpus.base.paths import display
from newscorpus.corpus.parquet import PARQUET_REQUIRED, load_parquet_corpus, parquet_files
from newscorpus.scale.stages import is_dask

__all__ = ["PARQUET_REQUIRED", "load_parquet_corpus", "parquet_files", "write_parquet"]


def write_parquet(table, target: str | os.PathLike[str]) -> str:
    """Write ``table`` (pandas or Dask) as a folder of Parquet part files, whole or not at all.

    The parts are written into a temporary folder beside ``target``, which then replaces
    ``target`` (an earlier folder is removed only once the new one is complete); on an error or
    an interruption the temporary folder is removed and ``target`` is left as it was.

    Examples
    --------
    >>> import pandas as pd
    >>> folder = Path(tempfile.mkdtemp()) / "sentences"
    >>> _ = write_parquet(pd.DataFrame({"doc_id": ["a"], "n": [1]}), folder)
    >>> pd.read_parquet(folder).to_dict("records")
    [{'doc_id': 'a', 'n': 1}]
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    old = None
    try:
        if is_dask(table):
            table.to_parquet(tmp, write_index=False, overwrite=False)
        else:
            table.to_parquet(tmp / "part.0.parquet", index=False)
        if target.exists():
            old = target.parent / f".{target.name}.old"
            shutil.rmtree(old, ignore_errors=True)
            os.replace(target, old)
        os.replace(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return display(target)


