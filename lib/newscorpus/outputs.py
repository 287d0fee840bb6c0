"""Write outputs whole or not at all.

Every file the notebooks produce goes through :func:`atomic_path`: it is written to a temporary
file beside its target and renamed into place only when complete, so an interrupted run never
leaves a half-written table or figure behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from newscorpus.paths import display

__all__ = ["WrittenFile", "atomic_path", "table_to_csv", "write_table"]


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target`` in one rename.

    The folder of ``target`` is created if missing. On an exception the temporary file is
    removed and ``target`` is left as it was.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "t.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("whole")
    >>> target.read_text()
    'whole'
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


class WrittenFile(str):
    """A path written by :func:`write_table`, shown relative to the project root."""

    def __repr__(self) -> str:
        return f"Wrote {self}"


def table_to_csv(table: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write ``table`` in the project's CSV form: UTF-8, no index, ``\\n`` line ends."""
    table.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def write_table(table: pd.DataFrame, path: str | os.PathLike[str]) -> WrittenFile:
    """Write ``table`` with :func:`table_to_csv`, atomically; return the path, for display."""
    with atomic_path(path) as tmp:
        table_to_csv(table, tmp)
    return WrittenFile(display(path))
