"""One pass over the parts of a corpus on Dask: each part computed and written by a worker, only
its partial aggregates sent back.

The costly steps of notebooks 02, 03 and 04 (keywords, tone, motives) share this frame (notebook
01 maps the partitions of a lazy corpus instead): a *compute*
function turns one part (whole documents) into ``(result, written)``: a dict of partial
aggregates, and the tables to write; :func:`dask_pass` runs it on every part, writes each
non-empty table as ``<name>/part.<index>.parquet`` into a temporary folder, and puts the folders
in place only when every part has succeeded, so an error or an interruption leaves the earlier
tables as they were. ``result["empty"]`` maps each table to its columns without rows (for a
table that no part filled).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial
from pathlib import Path

import pandas as pd

__all__ = ["dask_pass", "run_part", "write_part"]


def write_part(written: Mapping[str, pd.DataFrame], folders: Mapping[str, str],
               index: int) -> None:
    """Write each non-empty table of ``written`` as part ``index`` of its folder (an empty part
    is left out: its columns have no types to agree on)."""
    for name, table in written.items():
        if len(table):
            table.to_parquet(Path(folders[name]) / f"part.{index:06d}.parquet", index=False)


def run_part(compute: Callable, source, index: int, *, folders: Mapping[str, str],
             **options) -> dict:
    """One part on a worker: ``compute(source, index, **options)``, its tables written; return
    its partial aggregates."""
    result, written = compute(source, index, **options)
    write_part(written, folders, index)
    return result


def dask_pass(compute: Callable, sources: list, processed: str | Path, tables: Iterable[str], *,
              shared: Mapping[str, object], options: Mapping[str, object], desc: str,
              scheduler: str, workers: int | None, dashboard: bool,
              progress: bool, on_result: Callable | None = None) -> list[dict]:
    """Run ``compute`` on every source on a Dask cluster; write ``tables`` into ``processed``.

    ``shared`` (e.g. tables of one row per document) is sent to each worker once; ``options``,
    small, travel with the function (Dask would take a hashable argument for a key). Returns
    the results of the parts in their order; ``on_result(index, result)``, when given, sees
    each result as it arrives and returns what is kept of it (e.g. counts added up at once).
    """
    from newscorpus.base.dask_backend import dask_client, gather_in_order
    from newscorpus.base.outputs import publish_parts, temporary_folders

    with temporary_folders(processed, tables, prefix=f".{desc}.") as folders:
        with dask_client(scheduler, workers=workers, dashboard=dashboard) as client:
            scattered = {k: client.scatter(v, broadcast=True) for k, v in shared.items()}
            task = partial(run_part, compute, folders=folders, **options)
            futures = [client.submit(task, source, i, **scattered, pure=False)
                       for i, source in enumerate(sources)]
            parts = gather_in_order(futures, desc=desc, progress=progress,
                                    on_result=on_result)
        publish_parts(folders, processed, parts[0]["empty"])
    return parts
