"""Where the work runs: the ``backend``, ``scheduler``, ``partition_mb`` and ``dashboard``
parameters.

:func:`dask_client` starts a local cluster of ``workers`` single-threaded processes on loopback
(no dashboard unless asked), or connects to the scheduler at ``scheduler``; the client and the
cluster are closed when the ``with`` block ends, even on an error or an interruption. With
``dashboard=True`` a local cluster serves Dask's dashboard on 127.0.0.1 only, on a free port;
its link is logged at INFO level on the ``newscorpus.base.dask_backend`` logger (so it does not
appear in a notebook's output unless logging is switched on: :func:`show_dashboard_links`) and
kept in :data:`DASHBOARD_LINKS`.

:func:`map_documents` is :func:`~newscorpus.base.parallel.map_chunks` on Dask: it cuts a table
into partitions of about ``partition_mb`` MB of text that never split a document, applies a
function to each on the cluster and returns the results in order. ``clean_corpus`` and
``score_sentences`` use it for ``backend="dask"``; :mod:`newscorpus.scale` builds the rest.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from newscorpus.base.checks import check_choice, fail
from newscorpus.base.parallel import PROGRESS_FROM, resolve_workers

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BACKENDS", "DASHBOARD_LINKS", "check_backend", "check_dashboard",
           "check_partition_mb", "check_scheduler", "close_local_cluster", "dask_client",
           "document_bounds", "gather_in_order", "is_dask", "map_documents", "partition_bounds",
           "show_dashboard_links", "to_dask"]

log = logging.getLogger(__name__)

#: The values of the ``backend`` parameter.
BACKENDS = ("local", "dask")

#: The dashboard links of the clusters started in this process, the latest last.
DASHBOARD_LINKS: list[str] = []


def check_backend(backend: object) -> str:
    """Return ``backend`` if it is ``"local"`` or ``"dask"``; else raise, naming the parameter.

    Examples
    --------
    >>> check_backend("dask")
    'dask'
    >>> check_backend("spark")
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: parameter 'backend': expected one of 'local', \
'dask', got 'spark'. Fix: use one of local, dask.
    """
    return check_choice(backend, BACKENDS, "backend")


def check_partition_mb(partition_mb: object) -> float:
    """Return ``partition_mb`` as a float if it is a positive number; else raise.

    Examples
    --------
    >>> check_partition_mb(16)
    16.0
    >>> check_partition_mb(0)
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: parameter 'partition_mb': expected a positive number \
of megabytes of text per partition, got 0. Fix: use for example partition_mb: 16 (smaller \
partitions use less memory per worker, larger ones less overhead).
    """
    if isinstance(partition_mb, bool) or not isinstance(partition_mb, int | float) or not (
            partition_mb > 0 and partition_mb < float("inf")):
        raise fail("partition_mb", "expected a positive number of megabytes of text per "
                   f"partition, got {partition_mb!r}", "use for example partition_mb: 16 "
                   "(smaller partitions use less memory per worker, larger ones less overhead)")
    return float(partition_mb)


def check_dashboard(dashboard: object) -> bool:
    """Return ``dashboard`` if it is ``True`` or ``False``; else raise, naming the parameter.

    Examples
    --------
    >>> check_dashboard(False)
    False
    >>> check_dashboard("yes")
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: parameter 'dashboard': expected true or false, got \
'yes'. Fix: write dashboard: true to serve Dask's dashboard on 127.0.0.1 while a step runs on \
a local Dask cluster, or dashboard: false (the default) for none.
    """
    if not isinstance(dashboard, bool):
        raise fail("dashboard", f"expected true or false, got {dashboard!r}",
                   "write dashboard: true to serve Dask's dashboard on 127.0.0.1 while a step "
                   "runs on a local Dask cluster, or dashboard: false (the default) for none")
    return dashboard


def _check_bokeh() -> None:
    """Raise unless bokeh, which Dask's dashboard draws with, can be imported."""
    import importlib.util

    if importlib.util.find_spec("bokeh") is None:
        raise fail("dashboard", "Dask's dashboard needs the bokeh package, which is not "
                   "installed", "install it into the environment (.venv/bin/python -m pip "
                   "install 'bokeh>=3.1'), or set dashboard: false")


def show_dashboard_links() -> None:
    """Print the dashboard link of each Dask cluster started from now on (in a notebook: in the
    output of the cell that starts it), by sending this module's INFO messages to stderr."""
    if not any(getattr(h, "_newscorpus_dashboard", False) for h in log.handlers):
        handler = logging.StreamHandler()
        handler._newscorpus_dashboard = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.INFO)


def check_scheduler(scheduler: object) -> str:
    """Return ``scheduler`` ("" for a local cluster, or an address); else raise.

    Examples
    --------
    >>> check_scheduler(None), check_scheduler("tcp://10.0.0.5:8786")
    ('', 'tcp://10.0.0.5:8786')
    """
    if scheduler is None:
        return ""
    if not isinstance(scheduler, str):
        raise fail("scheduler", f"expected the address of a Dask scheduler, got {scheduler!r}",
                   "leave it empty for a local cluster, or write e.g. tcp://10.0.0.5:8786")
    return scheduler.strip()


#: The local cluster this process keeps for the next call (see :func:`dask_client`): its key
#: (workers, dashboard), the cluster and its client; one at a time.
_KEPT: dict[str, object] = {}


def close_local_cluster() -> None:
    """Close the local cluster :func:`dask_client` keeps, if any (also done at exit)."""
    kept = dict(_KEPT)
    _KEPT.clear()
    for name in ("client", "cluster"):
        with contextlib.suppress(Exception):  # already gone: nothing left to close
            if kept.get(name) is not None:
                kept[name].close()


def _running(kept: dict) -> bool:
    from distributed.core import Status

    return (kept.get("client") is not None and kept["client"].status == "running"
            and kept["cluster"].status == Status.running)


def _local_client(n: int, dashboard: bool):
    """The kept local cluster's client if it has ``n`` workers and the same dashboard setting
    and still runs; else a new cluster (closing the one kept before)."""
    if _KEPT.get("key") == (n, dashboard) and _running(_KEPT):
        return _KEPT["client"]
    close_local_cluster()
    from distributed import Client, LocalCluster

    with warnings.catch_warnings():
        # the scheduler's small HTTP server (health, metrics) takes another port when 8787 is
        # taken, e.g. by a second cluster: nothing to warn about
        warnings.filterwarnings("ignore", "Port .* is already in use")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               host="127.0.0.1",
                               dashboard_address="127.0.0.1:0" if dashboard else None)
    try:
        client = Client(cluster, set_as_default=False)
    except BaseException:
        cluster.close()
        raise
    if not _KEPT.get("registered"):
        atexit.register(close_local_cluster)
    _KEPT.update(key=(n, dashboard), cluster=cluster, client=client, registered=True)
    return client


@contextlib.contextmanager
def dask_client(scheduler: str | None = "", *, workers: int | None = 0,
                dashboard: bool = False, timeout: float = 10) -> Iterator[object]:
    """Yield a ``distributed.Client``: on a local cluster, or on ``scheduler``.

    Parameters
    ----------
    scheduler : str
        ``""``: a ``LocalCluster`` of ``workers`` processes with one thread each, on loopback.
        It is started by the first call and kept for the next ones in this process (a notebook
        starts one cluster, not one per step); a call with another number of workers or
        dashboard setting replaces it, and it is closed at exit (or by
        :func:`close_local_cluster`). An address (``tcp://host:8786``) connects to a running
        cluster, and the connection is closed after the block.
    workers : int or None
        Worker processes of the local cluster (``0`` or ``None``: every core); ignored with an
        address.
    dashboard : bool
        Serve Dask's dashboard on 127.0.0.1 (a local cluster; needs bokeh), its link logged at
        INFO level and added to :data:`DASHBOARD_LINKS`; off by default. With ``scheduler``,
        the link of that cluster's dashboard, if it has one, is logged.
    timeout : float
        Seconds to wait for the scheduler at ``scheduler``.

    Raises
    ------
    ParameterError
        For a bad ``scheduler``, ``workers`` or ``dashboard``, a dashboard without bokeh, or a
        scheduler that cannot be reached.
    """
    import dask
    from distributed import Client

    address = check_scheduler(scheduler)
    n = resolve_workers(workers)
    if check_dashboard(dashboard) and not address:
        _check_bokeh()
    client = None
    # Keep pandas' Python strings: Dask would turn text columns to Arrow strings, and the two
    # backends would no longer give the same tables.
    with dask.config.set({"dataframe.convert-string": False}):
        try:
            if address:
                try:
                    client = Client(address, timeout=timeout, set_as_default=False)
                except (OSError, TimeoutError, ValueError) as exc:
                    raise fail("scheduler", f"cannot connect to the Dask scheduler at "
                               f"{address!r} ({type(exc).__name__}: {exc})",
                               "start the scheduler first, check the address and port, or "
                               "leave scheduler empty for a local cluster") from None
            used = client if address else _local_client(n, bool(dashboard))
            if dashboard:
                link = used.dashboard_link
                if link not in DASHBOARD_LINKS:
                    DASHBOARD_LINKS.append(link)
                log.info("Dask dashboard: %s", link)
            with used.as_current():  # the default client in the block, and only there
                yield used
        finally:
            if client is not None:  # a connection to a scheduler: closed; a kept cluster: kept
                client.close()


def partition_bounds(sizes: Iterable[int], partition_mb: float) -> list[tuple[int, int]]:
    """Cut rows of ``sizes`` bytes into consecutive ranges of about ``partition_mb`` MB each.

    A range closes once it holds ``partition_mb`` MB (so one large document makes a range of
    its own); every range holds at least one row.

    Examples
    --------
    >>> partition_bounds([400_000, 400_000, 400_000, 100], 0.5)
    [(0, 2), (2, 4)]
    >>> partition_bounds([], 1)
    []
    """
    limit = check_partition_mb(partition_mb) * 1e6
    bounds, start, held = [], 0, 0
    sizes = list(sizes)
    for i, size in enumerate(sizes):
        held += int(size)
        if held >= limit:
            bounds.append((start, i + 1))
            start, held = i + 1, 0
    if start < len(sizes):
        bounds.append((start, len(sizes)))
    return bounds


def document_bounds(table, partition_mb: float) -> list[tuple[int, int]]:
    """Row ranges of ``table`` (``doc_id``, ``text``) of about ``partition_mb`` MB of text
    that never split a document (its rows must be consecutive).

    A table without ``text`` (a token table) counts each row as its mean size in memory.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "text": ["x" * 10] * 4})
    >>> document_bounds(table, 1e-5)
    [(0, 2), (2, 3), (3, 4)]
    """
    if "text" in table.columns:
        sizes = table["text"].str.len().fillna(0).to_numpy()
    else:
        import numpy as np

        mean = table.memory_usage(deep=True, index=False).sum() / max(len(table), 1)
        sizes = np.full(len(table), max(int(mean), 1))
    ids = table["doc_id"].to_numpy()
    bounds: list[tuple[int, int]] = []
    for a, b in partition_bounds(sizes, partition_mb):
        if bounds and bounds[-1][1] > a:  # the previous range was extended past this start
            a = bounds[-1][1]
        while a < b < len(ids) and ids[b] == ids[b - 1]:
            b += 1
        if a < b:
            bounds.append((a, b))
    return bounds


def map_documents(func: Callable, table, *, scheduler: str | None = "",
                  workers: int | None = 0, partition_mb: float = 16,
                  progress: bool = False, dashboard: bool = False) -> list:
    """Apply ``func`` to partitions of ``table`` on a Dask cluster; results in table order.

    Parameters
    ----------
    func : callable
        Takes a slice of ``table`` (a DataFrame) and returns a frame or a tuple of frames; a
        module-level function, so that workers can import it.
    table : pandas.DataFrame
        With ``doc_id`` and ``text``; a document's rows must be consecutive.
    scheduler, workers, dashboard
        See :func:`dask_client`.
    partition_mb : float
        Megabytes of text per partition (:func:`document_bounds`).
    progress : bool
        Show Dask's progress bar when the table has at least
        :data:`~newscorpus.base.parallel.PROGRESS_FROM` rows.

    Returns
    -------
    list
        ``func(part)`` for each partition, in order.
    """
    import dask

    bounds = document_bounds(table, partition_mb) or [(0, 0)]
    with dask_client(scheduler, workers=workers, dashboard=dashboard) as client:
        tasks = [dask.delayed(func)(table.iloc[a:b]) for a, b in bounds]
        futures = client.compute(tasks)
        if progress and len(table) >= PROGRESS_FROM:
            from distributed import progress as show_progress

            show_progress(futures)
        return client.gather(futures)


def is_dask(frame: object) -> bool:
    """Whether ``frame`` is a Dask DataFrame (else a pandas one)."""
    return type(frame).__module__.startswith("dask")


def _part(frame: pd.DataFrame) -> pd.DataFrame:
    return frame


def to_dask(docs: pd.DataFrame, partition_mb: float = 16):
    """Return the document table ``docs`` as a Dask DataFrame of about ``partition_mb`` MB each.

    The sizes are the ``n_bytes`` column when there is one, else the length of ``text``.
    """
    import dask.dataframe as dd

    sizes = docs["n_bytes"] if "n_bytes" in docs.columns else docs["text"].str.len()
    bounds = partition_bounds(sizes.to_numpy(), partition_mb) or [(0, 0)]
    frames = [docs.iloc[a:b] for a, b in bounds]
    return dd.from_map(_part, frames, meta=docs.iloc[:0], enforce_metadata=False)


def gather_in_order(futures: list, *, desc: str, unit: str = "part", progress: bool = False,
                    on_result: Callable | None = None) -> list:
    """The results of ``futures`` in their order, each taken (and released on the cluster) as
    soon as it is done, with a progress bar over them when ``progress``; ``on_result(index,
    result)`` replaces each result as it arrives by what it returns."""
    from distributed import as_completed
    from tqdm import tqdm

    order = {future.key: i for i, future in enumerate(futures)}
    results: list = [None] * len(futures)
    with tqdm(total=len(futures), desc=desc, unit=unit, disable=not progress,
              mininterval=1.0) as bar:
        for future in as_completed(futures):
            index = order[future.key]
            result = future.result()
            results[index] = result if on_result is None else on_result(index, result)
            future.release()
            bar.update(1)
    return results
