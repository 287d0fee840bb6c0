"""A corpus stored as a Parquet dataset: read and checked like a corpus folder.

A Parquet corpus is a folder of ``*.parquet`` files (searched recursively, in name order) with
a ``doc_id`` and a ``text`` column and any of the metadata columns of a corpus folder
(``outlet``, ``title``, ``published``, ...; see ``corpus/README.md``), and no
``metadata.csv``: :func:`newscorpus.corpus.load_corpus` and :func:`~newscorpus.corpus.
validate_corpus` then read it with :func:`load_parquet_corpus` and :func:`check_parquet`
(:func:`~newscorpus.corpus.validate.corpus_format` tells the two kinds of folder apart).
Each row is checked with
the same functions, and so the same messages, as a row of ``metadata.csv`` and its text file:
doc_id, date, kind, url, an empty text or one without words, a doc_id listed twice. A problem
is located as ``<folder>/<file> row <n> (doc_id '...')``.

:func:`load_parquet_corpus` returns the table :func:`newscorpus.corpus.load_corpus` returns
(``file`` is the Parquet file's path inside the folder unless the dataset has a ``file``
column, ``path`` its absolute path, ``format`` is ``text``): read eagerly with pandas for the local
backend, lazily with Dask (one partition per file) for the Dask backend, in which case the
checks run partition by partition and only the problems and the doc_id counts reach the client.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus.base.dask_backend import check_backend
from newscorpus.base.errors import CorpusError, NewsCorpusError, Problem
from newscorpus.corpus.fields import check_doc_id, check_kind, check_published, check_url
from newscorpus.corpus.files import no_words
from newscorpus.corpus.metadata import (
    ADDED_COLUMNS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    STR,
)
from newscorpus.corpus.metadata import folder_label as _label

__all__ = ["PARQUET_REQUIRED", "check_parquet", "load_parquet_corpus", "parquet_files"]

#: The columns a Parquet corpus must have.
PARQUET_REQUIRED: tuple[str, ...] = ("doc_id", "text")

_FIX_FOLDER = ("pass a folder of .parquet files with a doc_id and a text column (for example "
               "written by pandas: table.to_parquet(folder / 'part-0.parquet'))")

#: Columns the loaded table makes itself: a dataset may not have them.
_RESERVED = tuple(c for c in ADDED_COLUMNS if c != "text")


def parquet_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The ``.parquet`` files of ``folder`` (recursively, in name order), or raise."""
    folder = Path(folder)
    if not folder.is_dir():
        found = "is not a folder" if folder.exists() else "does not exist"
        raise CorpusError(Problem(_label(folder), f"the Parquet corpus folder {found} "
                                  f"(looked for {folder.resolve()})", _FIX_FOLDER))
    files = sorted(p for p in folder.rglob("*.parquet") if p.is_file())
    if not files:
        raise CorpusError(Problem(_label(folder), "the folder holds no .parquet file",
                                  _FIX_FOLDER))
    return files


def _schema_problems(files: list[Path], label: str) -> list[Problem]:
    import pyarrow.parquet as pq

    problems, rows = [], 0
    for path in files:
        shown = f"{label}/{path.name}"
        try:
            with pq.ParquetFile(path) as file:
                names, rows = file.schema_arrow.names, rows + file.metadata.num_rows
        except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
            problems.append(Problem(shown, f"the file cannot be read as Parquet ({exc})",
                                    "write it again (e.g. with pandas' to_parquet), or move it "
                                    "out of the folder"))
            continue
        for column in names:
            if column in _RESERVED:
                problems.append(Problem(shown, f"the column '{column}' has the name of a "
                                f"column the loaded table adds ({', '.join(_RESERVED)})",
                                "rename or remove the column", column))
        for column in PARQUET_REQUIRED:
            if column not in names:
                problems.append(Problem(shown, f"the file has no column "
                                f"'{column}' (it has {', '.join(names) or 'no columns'})",
                                f"add a '{column}' column to every file of the dataset",
                                column))
    if not problems and not rows:
        problems.append(Problem(label, "the Parquet files hold no rows",
                                "add one row per document (doc_id, text and any metadata)"))
    return problems


def _as_text(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value)


def _read_part(path: str, shown: str, root: str) -> pd.DataFrame:
    """One Parquet file as rows of the document table, with a ``_problems`` column."""
    return _documents(pd.read_parquet(path), path, shown, root)


def _first_row(path: str, shown: str, root: str) -> pd.DataFrame:
    """The first row of a Parquet file, as :func:`_read_part` makes it (for Dask's meta)."""
    import pyarrow.parquet as pq

    with pq.ParquetFile(path) as file:
        raw = file.read_row_group(0).slice(0, 1).to_pandas() if file.num_row_groups else None
    if raw is None:
        raw = pd.read_parquet(path)
    return _documents(raw, path, shown, root)


def _documents(raw: pd.DataFrame, path: str, shown: str, root: str) -> pd.DataFrame:
    columns = [*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS]
    others = [c for c in raw.columns if c not in columns and c != "text"]
    rows = {c: [_as_text(v) for v in raw[c]] if c in raw.columns else [""] * len(raw)
            for c in [*columns, *others, "text"]}
    if "file" not in raw.columns:
        rows["file"] = [Path(path).relative_to(root).as_posix()] * len(raw)
    name = Path(path).name
    problems, starts, ends = [], [], []
    for i in range(len(raw)):
        row = {c: rows[c][i] for c in rows}
        doc_id = row["doc_id"]
        here = f"{shown}/{name} row {i + 1}" + (f" (doc_id '{doc_id}')" if doc_id else "")
        found = check_doc_id(doc_id, here)
        span, dated, _ = check_published(row, here)
        found += dated + check_kind(row, here) + check_url(row, here)
        text = row["text"]
        if not text.strip():
            found.append(Problem(here, "the text is empty", "add its text, or remove the row",
                                 "text"))
        elif problem := no_words(text, here):
            found.append(Problem(here, problem.message, "add its text, or remove the row",
                                 "text"))
        problems.append(json.dumps([[p.where, p.message, p.fix, p.field] for p in found])
                        if found else "")
        starts.append(span.start if span else None)
        ends.append(span.end if span else None)
    # the columns of newscorpus.corpus.load_corpus, in its order
    frame = pd.DataFrame({c: pd.Series(rows[c], dtype=STR) for c in [*columns, *others]})
    frame["text"] = pd.Series(rows["text"], dtype=STR)
    frame["path"] = pd.Series([str(Path(path).resolve())] * len(raw), dtype=STR)
    frame["date_start"] = pd.Series(starts, dtype="datetime64[ns]")
    frame["date_end"] = pd.Series(ends, dtype="datetime64[ns]")
    frame["n_bytes"] = pd.Series([len(t.encode("utf-8")) for t in rows["text"]], dtype="int64")
    frame["format"] = pd.Series(["text"] * len(raw), dtype=STR)
    frame["_problems"] = pd.Series(problems, dtype=STR)
    frame["_where"] = pd.Series([f"{shown}/{name} row {i + 1}" for i in range(len(raw))],
                                dtype=STR)
    return frame


def _found(cells: list[str], duplicates: list[Problem]) -> list[Problem]:
    return [Problem(*p) for cell in cells if cell for p in json.loads(cell)] + duplicates


def _raise(cells: list[str], duplicates: list[Problem], label: str) -> None:
    problems = _found(cells, duplicates)
    if problems:
        n = len(problems)
        raise CorpusError(problems, title=f"Cannot load the corpus {label}: {n} problem"
                          f"{'' if n == 1 else 's'} found.")


def _duplicates(table: pd.DataFrame) -> list[Problem]:
    """The doc_ids listed twice (``table``: ``doc_id``, ``_where``, in dataset order)."""
    seen = table[table["doc_id"] != ""].duplicated("doc_id", keep=False)
    found = table[seen]
    problems = []
    for _, group in found.groupby("doc_id", sort=False):
        first = group["_where"].iloc[0]
        for where in group["_where"].iloc[1:]:
            problems.append(Problem(f"{where} (doc_id '{group['doc_id'].iloc[0]}')",
                                    f"the doc_id '{group['doc_id'].iloc[0]}' is already listed"
                                    f" on {first}", "give each document its own doc_id, or "
                                    "remove one of the two rows", "doc_id"))
    return problems


def _local_table(files: list[Path], label: str, root: str) -> pd.DataFrame:
    return pd.concat([_read_part(str(p), label, root) for p in files], ignore_index=True)


def check_parquet(folder: str | os.PathLike[str]) -> tuple[int, int, list[Problem]]:
    """Check a Parquet corpus without raising: its rows, the characters of the rows without a
    problem, and every problem (:func:`~newscorpus.corpus.validate.validate_corpus` makes its
    report of them).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "pq"
    >>> folder.mkdir()
    >>> pd.DataFrame({"doc_id": ["a", "b"], "text": ["Moscow said so.", " "]}).to_parquet(
    ...     folder / "part-0.parquet")
    >>> rows, characters, problems = check_parquet(folder)
    >>> rows, characters
    (2, 15)
    >>> print(problems[0])
    pq/part-0.parquet row 2 (doc_id 'b'), field 'text': the text is empty. Fix: add its text, \
or remove the row.
    """
    import pyarrow.parquet as pq

    folder = Path(folder)
    try:
        files = parquet_files(folder)
    except NewsCorpusError as err:
        return 0, 0, err.problems
    label = _label(folder)
    problems = _schema_problems(files, label)
    if problems:
        rows = 0
        for path in files:
            with contextlib.suppress(OSError, ValueError):
                rows += pq.ParquetFile(path).metadata.num_rows
        return rows, 0, problems
    table = _local_table(files, label, str(folder))
    problems = _found(table["_problems"].tolist(), _duplicates(table[["doc_id", "_where"]]))
    readable = table["_problems"] == ""
    return len(table), int(table.loc[readable, "text"].str.len().sum()), problems


def load_parquet_corpus(folder: str | os.PathLike[str], *, backend: str = "local"):
    """Validate a Parquet corpus and return its document table (pandas, or lazy Dask).

    Parameters
    ----------
    folder : path
        A folder of ``.parquet`` files (module docstring).
    backend : {"local", "dask"}
        ``local`` reads every file with pandas; ``dask`` returns a Dask DataFrame of one
        partition per file, after a first pass that checks every row on the workers.

    Returns
    -------
    DataFrame
        The columns of :func:`newscorpus.corpus.load_corpus` (no ``file`` or ``sha256``).

    Raises
    ------
    CorpusError
        Listing every problem found, with the messages of a corpus folder.
    """
    backend = check_backend(backend)
    files = parquet_files(folder)
    label, root = _label(Path(folder)), str(folder)
    problems = _schema_problems(files, label)
    if problems:
        raise CorpusError(problems, title=f"Cannot load the corpus {label}: {len(problems)} "
                          f"problem{'' if len(problems) == 1 else 's'} found.")
    if backend == "local":
        table = _local_table(files, label, root)
        _raise(table["_problems"].tolist(), _duplicates(table[["doc_id", "_where"]]), label)
        return table.drop(columns=["_problems", "_where"])
    import dask.dataframe as dd

    lazy = dd.from_map(_read_part, [str(p) for p in files], shown=label, root=root,
                       meta=_first_row(str(files[0]), label, root).iloc[:0],
                       enforce_metadata=False)
    import dask

    ids = lazy["doc_id"].value_counts()
    found, twice = dask.compute(lazy[lazy["_problems"] != ""]["_problems"], ids[ids > 1])
    found = found.tolist()  # one pass over the files for both
    duplicates = []
    if len(twice):
        rows = lazy[lazy["doc_id"].isin(list(twice.index))][["doc_id", "_where"]].compute()
        duplicates = _duplicates(rows)
    _raise(found, duplicates, label)
    return lazy.drop(columns=["_problems", "_where"])
