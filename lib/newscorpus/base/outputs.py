"""Write outputs whole or not at all.

Every file the notebooks produce goes through :func:`atomic_path`: it is written to a temporary
file beside its target and renamed into place only when complete, so an interrupted run never
leaves a half-written table or figure behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from newscorpus.base.errors import NewsCorpusError, Problem
from newscorpus.base.paths import display

__all__ = ["PART_ROWS", "TEXT_COLUMNS", "WrittenFile", "atomic_path", "read_table",
           "publish_parts", "replace_folder", "table_location", "table_parts", "table_to_csv",
           "temporary_folders", "write_parts", "write_table"]

#: Columns of the project's tables that hold text, never numbers (see :func:`read_table`).
TEXT_COLUMNS = ("doc_id", "text", "token", "lower", "stem", "term", "title", "outlet", "author",
                "published", "url", "kind", "notes", "file", "role", "rule", "removed")


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


#: How :func:`table_to_csv` writes numbers: ten significant digits.
FLOAT_FORMAT = "%.10g"


def table_to_csv(table: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write ``table`` in the project's CSV form: UTF-8, no index, ``\\n`` line ends.

    Numbers are written to :data:`FLOAT_FORMAT` (ten significant digits): sums and
    correlations differ in their last bits from one CPU to another (vectorised summation
    order), and a table must be the same bytes on every machine.

    Examples
    --------
    >>> import io
    >>> buffer = io.StringIO()
    >>> table_to_csv(pd.DataFrame({"r": [0.1 + 0.2, 1 / 3], "n": [3, 4]}), buffer)
    >>> print(buffer.getvalue(), end="")
    r,n
    0.3,3
    0.3333333333,4
    """
    table.to_csv(path, index=False, lineterminator="\n", encoding="utf-8",
                 float_format=FLOAT_FORMAT)


def write_table(table: pd.DataFrame, path: str | os.PathLike[str], *,
                backend: str = "local") -> WrittenFile:
    """Write ``table`` with :func:`table_to_csv`, atomically; return the path, for display.

    With ``backend="dask"`` the table is written instead as a folder of Parquet parts named as
    the CSV file without ``.csv`` (:func:`write_parts`; :func:`read_table` reads it back with
    the same columns), as the Dask backend writes its per-sentence tables. Either way the other
    form of the same table is removed, so a reader never finds a stale one.
    """
    from newscorpus.base.dask_backend import check_backend

    path, folder = Path(path), Path(path).with_suffix("")
    if check_backend(backend) == "dask":
        write_parts(table, folder)
        if path.exists():
            path.unlink()
        return WrittenFile(display(folder))
    with atomic_path(path) as tmp:
        table_to_csv(table, tmp)
    if folder.is_dir() and all(p.suffix == ".parquet" for p in folder.iterdir()):
        shutil.rmtree(folder)
    return WrittenFile(display(path))


#: Rows per Parquet part when a pandas table is written by :func:`write_parts`.
PART_ROWS = 500_000


def write_parts(table, target: str | os.PathLike[str]) -> str:
    """Write ``table`` (pandas or Dask) as a folder of Parquet part files, whole or not at all.

    A Dask table gives one part per partition; a pandas one parts of :data:`PART_ROWS` rows
    (at least one part, so the columns are kept). The parts are written into a temporary
    folder beside ``target``, which then replaces ``target`` (an earlier folder is removed
    only once the new one is complete); on an error or an interruption the temporary folder
    is removed and ``target`` is left as it was.

    Examples
    --------
    >>> folder = Path(tempfile.mkdtemp()) / "sentences"
    >>> _ = write_parts(pd.DataFrame({"doc_id": ["a"], "n": [1]}), folder)
    >>> pd.read_parquet(folder).to_dict("records")
    [{'doc_id': 'a', 'n': 1}]
    """
    from newscorpus.base.dask_backend import is_dask

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        if is_dask(table):
            table.to_parquet(tmp, write_index=False, overwrite=False)
        else:
            for k, start in enumerate(range(0, max(len(table), 1), PART_ROWS)):
                table.iloc[start:start + PART_ROWS].to_parquet(tmp / f"part.{k}.parquet",
                                                               index=False)
        replace_folder(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return display(target)


def read_table(path: str | os.PathLike[str], *, made_by: str, columns: Iterable[str] = (),
               dates: Iterable[str] = (), text: Iterable[str] = TEXT_COLUMNS) -> pd.DataFrame:
    """Read a table an earlier notebook wrote, or say which notebook to run to make it.

    Text columns are read as text (an empty field is ``""``, not a missing value), so ids like
    ``"007"`` and words like ``"nan"`` or ``"null"`` stay as written.

    A table written by the Dask backend is a folder of Parquet parts named as the CSV file
    without ``.csv`` (``sentences/`` for ``sentences.csv``); when there is no CSV file and
    that folder exists, its parts are read in name order (the corpus order), with the same
    columns and types (a float column of whole numbers without a gap is read as integers, as
    from CSV; other floats keep their full precision, where the CSV file keeps ten digits).

    Parameters
    ----------
    path : path
        The CSV file.
    made_by : str
        The notebook that writes it, named in the message when the file is missing.
    columns : iterable of str
        Columns the caller needs; a table without one of them is refused.
    dates : iterable of str
        Columns to parse as dates (empty fields become ``NaT``).
    text : iterable of str
        Columns that stay text even when every value looks like a number (default
        :data:`TEXT_COLUMNS`). Other columns become numbers when every value that is not
        empty is one (without a leading zero; empty fields become NaN), and booleans when
        every value is ``True`` or ``False``.

    Raises
    ------
    NewsCorpusError
        If the file is missing, is not UTF-8 CSV, or lacks a needed column.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = write_table(pd.DataFrame({"id": ["007"], "word": ["null"], "n": [3]}),
    ...                 folder / "t.csv")
    >>> read_table(folder / "t.csv", made_by="00-corpus").to_dict("records")
    [{'id': '007', 'word': 'null', 'n': 3}]
    >>> read_table(folder / "none.csv", made_by="00-corpus")
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.NewsCorpusError: ...none.csv: the table does not exist. Fix: run the \
notebook 00-corpus first (make run does it), or check processed_dir.
    """
    where = display(path)
    fix = f"run the notebook {made_by} first (make run does it), or check processed_dir"
    folder = Path(path).with_suffix("")
    if not Path(path).exists() and folder.is_dir():
        return _read_parts(folder, columns, dates, fix)
    try:
        header = pd.read_csv(path, nrows=0, encoding="utf-8").columns
        text_columns = {c: str for c in header if c not in set(dates)}
        table = pd.read_csv(path, dtype=text_columns, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise NewsCorpusError(Problem(where, "the table does not exist", fix)) from None
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise NewsCorpusError(Problem(where, f"the table cannot be read as UTF-8 CSV ({reason})",
                                      f"regenerate it: {fix}")) from None
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise NewsCorpusError(Problem(where, f"the table has no column {', '.join(missing)}",
                                      f"regenerate it: {fix}"))
    for column in table.columns:  # numbers back to numbers, text stays text
        if column in set(dates):
            table[column] = pd.to_datetime(table[column].replace("", None), errors="coerce")
            continue
        if column in set(text):
            continue
        filled = table[column] != ""
        converted = pd.to_numeric(table[column].where(filled), errors="coerce")
        if filled.any() and converted[filled].notna().all() and not table[column].str.match(
                r"^0\d").any():
            table[column] = converted  # an empty field is a missing number (NaN)
        elif len(table) and table[column].isin(["True", "False"]).all():
            table[column] = table[column] == "True"
    return table


def replace_folder(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Put the complete folder ``source`` in the place of ``target`` (a folder, or nothing):
    the earlier folder is moved aside, the new one renamed into place, the old one removed.
    """
    source, target = Path(source), Path(target)
    if target.is_dir():
        old = target.parent / f".{target.name}.old"
        shutil.rmtree(old, ignore_errors=True)
        os.replace(target, old)
        shutil.rmtree(old, ignore_errors=True)
    os.replace(source, target)


@contextlib.contextmanager
def temporary_folders(parent: str | os.PathLike[str], names: Iterable[str], *,
                      prefix: str) -> Iterator[dict[str, str]]:
    """Yield an empty folder per name, inside one temporary folder in ``parent``, for workers to
    write parts into; everything left in it is removed at the end (see :func:`publish_parts`),
    so an error or an interruption leaves ``parent`` as it was."""
    tmp = Path(tempfile.mkdtemp(dir=parent, prefix=prefix, suffix=".tmp"))
    try:
        folders = {name: str(tmp / name) for name in names}
        for folder in folders.values():
            os.mkdir(folder)
        yield folders
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def publish_parts(folders: dict[str, str], target: str | os.PathLike[str],
                  empties: dict[str, pd.DataFrame]) -> None:
    """Put each complete folder of parts of ``folders`` in the place of ``target/<name>``.

    A table of ``empties`` whose folder holds no part (no rows at all) gets one empty part with
    its columns; ``target/<name>.csv``, the other form of the table, is removed.
    """
    for name, folder in folders.items():
        if name in empties and not any(Path(folder).iterdir()):
            with atomic_path(Path(folder) / "part.000000.parquet") as path:
                empties[name].to_parquet(path, index=False)
        replace_folder(folder, Path(target) / name)
        stale = Path(target) / f"{name}.csv"
        if stale.exists():
            stale.unlink()


def table_parts(folder: str | os.PathLike[str], name: str, *, made_by: str,
                partition_mb: float = 16) -> list:
    """The table ``name`` of ``folder`` in parts of whole documents, for workers to read: the
    paths of its Parquet parts (the folder ``name``), or slices of ``name.csv`` of about
    ``partition_mb`` MB of text each. A missing or empty table is refused as by
    :func:`read_table`.
    """
    parts = Path(folder) / name
    if parts.is_dir():
        found = [str(p) for p in sorted(parts.glob("*.parquet"))]
        if found:
            return found
    from newscorpus.base.dask_backend import document_bounds

    table = read_table(Path(folder) / f"{name}.csv", made_by=made_by)
    bounds = document_bounds(table, partition_mb) or [(0, len(table))]
    return [table.iloc[a:b] for a, b in bounds]


def table_location(folder: str | os.PathLike[str], name: str) -> str:
    """Where the table ``name`` is in ``folder``, as shown in messages: the folder of Parquet
    parts ``name`` when there is one (the Dask backend writes it), else ``name.csv``.

    Examples
    --------
    >>> import tempfile
    >>> table_location(tempfile.mkdtemp(), "sentences").endswith("sentences.csv")
    True
    """
    parts = Path(folder) / name
    return display(parts if parts.is_dir() else parts.with_name(f"{name}.csv"))


def _read_parts(folder: Path, columns: Iterable[str], dates: Iterable[str],
                fix: str) -> pd.DataFrame:
    """A table written as a folder of Parquet parts (see :func:`read_table`)."""
    where = display(folder)
    parts = sorted(folder.glob("*.parquet"))
    if not parts:
        raise NewsCorpusError(Problem(where, "the folder holds no Parquet part of the table",
                                      f"regenerate it: {fix}"))
    try:
        table = pd.concat([pd.read_parquet(part) for part in parts], ignore_index=True)
    except Exception as exc:  # pyarrow's errors have no common base
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise NewsCorpusError(Problem(where, f"a part cannot be read as Parquet ({reason})",
                                      f"regenerate it: {fix}")) from None
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise NewsCorpusError(Problem(where, f"the table has no column {', '.join(missing)}",
                                      f"regenerate it: {fix}"))
    for column in table.columns:
        if column in set(dates):
            table[column] = pd.to_datetime(table[column], errors="coerce")
        elif (pd.api.types.is_float_dtype(table[column]) and len(table)
              and table[column].notna().all() and (table[column] % 1 == 0).all()):
            table[column] = table[column].astype("int64")  # as the CSV file reads back
    return table
