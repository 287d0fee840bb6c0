"""Where the work runs: the ``backend``, ``scheduler`` and ``partition_mb`` parameters.

:func:`dask_client` starts a local cluster of ``workers`` single-threaded processes on loopback
(no dashboard unless asked), or connects to the scheduler at ``scheduler``; the client and the
cluster are closed when the ``with`` block ends, even on an error or an interruption.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterator

from newscorpus.base.checks import check_choice, fail
from newscorpus.base.parallel import resolve_workers

__all__ = ["BACKENDS", "check_backend", "check_partition_mb", "check_scheduler", "dask_client"]

log = logging.getLogger(__name__)

#: The values of the ``backend`` parameter.
BACKENDS = ("local", "dask")


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


@contextlib.contextmanager
def dask_client(scheduler: str | None = "", *, workers: int | None = 0,
                dashboard: bool = False, timeout: float = 10) -> Iterator[object]:
    """Yield a ``distributed.Client``: on a new local cluster, or on ``scheduler``.

    Parameters
    ----------
    scheduler : str
        ``""`` starts a ``LocalCluster`` of ``workers`` processes with one thread each, on
        loopback; an address (``tcp://host:8786``) connects to a running cluster.
    workers : int or None
        Worker processes of the local cluster (``0`` or ``None``: every core); ignored with an
        address.
    dashboard : bool
        Serve Dask's dashboard on loopback (its address is logged); off by default.
    timeout : float
        Seconds to wait for the scheduler at ``scheduler``.

    Raises
    ------
    ParameterError
        For a bad ``scheduler`` or ``workers``, or a scheduler that cannot be reached.
    """
    import dask
    from distributed import Client, LocalCluster

    address = check_scheduler(scheduler)
    n = resolve_workers(workers)
    cluster = client = None
    # Keep pandas' Python strings: Dask would turn text columns to Arrow strings, and the two
    # backends would no longer give the same tables.
    with dask.config.set({"dataframe.convert-string": False}):
        try:
            if address:
                try:
                    client = Client(address, timeout=timeout)
                except (OSError, TimeoutError, ValueError) as exc:
                    raise fail("scheduler", f"cannot connect to the Dask scheduler at "
                               f"{address!r} ({type(exc).__name__}: {exc})",
                               "start the scheduler first, check the address and port, or "
                               "leave scheduler empty for a local cluster") from None
            else:
                with warnings.catch_warnings():
                    # the scheduler's small HTTP server (health, metrics) takes another port
                    # when 8787 is taken, e.g. by a second cluster: nothing to warn about
                    warnings.filterwarnings("ignore", "Port .* is already in use")
                    cluster = LocalCluster(
                        n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address="127.0.0.1:0" if dashboard else None)
                client = Client(cluster)
            if dashboard:
                log.warning("Dask dashboard: %s", client.dashboard_link)
            yield client
        finally:
            if client is not None:
                client.close()
            if cluster is not None:
                cluster.close()
