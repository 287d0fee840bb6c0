"""Work done document by document, in chunks, on worker processes, with a progress bar.

:func:`map_chunks` cuts a list of items (documents, sentences) into chunks, applies a function
to each chunk on a pool of worker processes (``workers``: a number, or ``None`` for every
core) and returns the results in input order, so the output is the same with one worker or
many. Functions return compact results per chunk (arrays or frames, not one dict per item),
which the caller concatenates: memory stays bounded by the chunk size times the workers, plus
the results. A progress bar (tqdm) is shown for long steps only, so short runs, such as the
seed corpus, print nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from newscorpus.base.checks import fail

__all__ = ["PROGRESS_FROM", "chunks", "map_chunks", "resolve_workers"]

T = TypeVar("T")
R = TypeVar("R")

#: Steps over fewer items than this show no progress bar.
PROGRESS_FROM = 20_000


def resolve_workers(workers: int | None, parameter: str = "workers") -> int:
    """Return the number of worker processes: ``workers``, or every core for ``None`` or 0.

    Examples
    --------
    >>> resolve_workers(1)
    1
    >>> resolve_workers(None) == (os.cpu_count() or 1)
    True
    """
    if workers is None or workers == 0:
        return os.cpu_count() or 1
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 0:
        raise fail(parameter, f"expected a number of worker processes, got {workers!r}",
                   "use 1 for one process, a larger number, or 0 for every core")
    return workers


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """Yield consecutive slices of ``items`` of at most ``size`` items.

    Examples
    --------
    >>> [list(c) for c in chunks([1, 2, 3, 4, 5], 2)]
    [[1, 2], [3, 4], [5]]
    """
    for start in range(0, len(items), size):
        yield items[start:start + size]


def map_chunks(func: Callable[[Sequence[T]], R], items: Sequence[T], *, workers: int | None = 1,
               chunk_size: int = 500, desc: str = "", unit: str = "item",
               weight: Callable[[Sequence[T]], int] = len) -> list[R]:
    """Apply ``func`` to chunks of ``items`` on ``workers`` processes; results in input order.

    Parameters
    ----------
    func : callable
        Takes a chunk (a slice of ``items``) and returns one result for it. It must be a
        module-level function (worker processes import it by name).
    items : sequence
        The work, e.g. texts or rows.
    workers : int or None
        Worker processes; ``1`` works in this process, ``None`` or ``0`` uses every core.
    chunk_size : int
        Items per chunk: bounds what a worker holds at once.
    desc, unit : str
        The progress bar's label and unit.
    weight : callable
        How much of the progress bar a chunk fills (its number of items by default).

    Returns
    -------
    list
        ``func(chunk)`` for each chunk, in order.

    Examples
    --------
    >>> map_chunks(sum, list(range(10)), chunk_size=4)
    [6, 22, 17]
    """
    import multiprocessing

    from tqdm import tqdm

    workers = resolve_workers(workers)
    parts = list(chunks(items, max(1, int(chunk_size))))
    total = sum(weight(p) for p in parts)
    results: list[R] = []
    with tqdm(total=total, desc=desc, unit=unit, disable=total < PROGRESS_FROM,
              mininterval=1.0) as bar:
        if workers == 1 or len(parts) < 2:
            for part in parts:
                results.append(func(part))
                bar.update(weight(part))
        else:
            context = multiprocessing.get_context("forkserver")  # safe in a Jupyter kernel
            with ProcessPoolExecutor(min(workers, len(parts)), mp_context=context) as pool:
                for part, result in zip(parts, pool.map(func, parts), strict=True):
                    results.append(result)
                    bar.update(weight(part))
    return results
