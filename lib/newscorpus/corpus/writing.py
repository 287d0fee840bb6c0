"""Write a corpus folder whole or not at all, and only inside the folder asked for.

:func:`write_corpus` refuses a folder that is not empty, writes every text file, ``metadata.csv``
(with each file's SHA-256) and any side table (``rejected.csv``) into a staging
folder *inside* the output folder, checks the result with the project's
:func:`~newscorpus.corpus.validate.validate_corpus`, then moves the files into place,
``metadata.csv`` last. A folder with a ``metadata.csv`` is therefore complete; on any error
everything written is removed and the output folder is left as it was found (an output folder
that did not exist is removed again).
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePosixPath

from newscorpus.base.errors import CorpusError, Problem
from newscorpus.corpus.metadata import METADATA_FILE, OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from newscorpus.corpus.validate import ValidationReport, validate_corpus

__all__ = ["METADATA_COLUMNS", "STAGING", "check_out_dir", "write_corpus", "write_csv"]

METADATA_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
STAGING = ".newscorpus-staging"


def check_out_dir(out_dir: Path) -> None:
    """Raise CorpusError unless ``out_dir`` is missing or an empty folder.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "old.txt").write_text("x")
    >>> check_out_dir(folder)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.CorpusError: ...: the output folder is not empty (it holds 'old.txt'). \
Fix: pass a new folder, or empty this one first (nothing is overwritten).
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise CorpusError(Problem(str(out_dir), "the output path is a file, not a folder",
                                  "pass the path of a new folder"))
    if out_dir.is_dir():
        entries = sorted(entry.name for entry in out_dir.iterdir())
        if entries:
            shown = ", ".join(map(repr, entries[:3])) + (f" and {len(entries) - 3} more"
                                                          if len(entries) > 3 else "")
            raise CorpusError(Problem(str(out_dir), f"the output folder is not empty (it holds"
                                      f" {shown})", "pass a new folder, or empty this one first"
                                      " (nothing is overwritten)"))


def write_csv(path: Path, columns: Sequence[str],
              rows: Iterable[Mapping[str, str]]) -> list[int]:
    """Write rows as the project's CSV: UTF-8, one header, ``\\n`` line ends, minimal quoting.

    Returns the line each row starts on (a quoted field may hold line breaks).
    """
    buffer, starts = io.StringIO(), []
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        starts.append(buffer.getvalue().count("\n") + 1)
        writer.writerow([row.get(column, "") for column in columns])
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return starts


def _inside(folder: Path, name: str) -> Path:
    """``folder / name``, refusing a name that could lead outside ``folder``."""
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or "\\" in name or not pure.parts:
        raise ValueError(f"refusing to write the file name {name!r}")
    return folder.joinpath(*pure.parts)


def _publish(stage: Path, out_dir: Path) -> None:
    files = sorted((p.relative_to(stage) for p in stage.rglob("*") if p.is_file()),
                   key=lambda rel: (rel.as_posix() == METADATA_FILE, rel.as_posix()))
    for rel in files:
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(stage / rel, target)
    shutil.rmtree(stage)


def _named(problem: Problem, out_dir: Path, origin: Mapping[int, str]) -> Problem:
    """A problem of the staged folder, placed at its input row when known, else in out_dir."""
    line = re.search(rf"{re.escape(METADATA_FILE)} line ([0-9]+)", problem.where)
    where = origin.get(int(line[1]), "") if line else ""
    where = where or problem.where.replace(f"/{STAGING}", "").replace(STAGING, out_dir.name)
    return Problem(where, problem.message, problem.fix, problem.field)


def write_corpus(out_dir: str | os.PathLike[str], texts: Mapping[str, str],
                 metadata: Sequence[Mapping[str, str]], *,
                 tables: Mapping[str, tuple[Sequence[str], Sequence[Mapping[str, str]]]] = {},
                 sources: Sequence[str] = ()) -> ValidationReport:
    """Write a corpus folder whole or not at all, and return its validation report.

    Parameters
    ----------
    out_dir : path
        A folder that does not exist or is empty.
    texts : mapping of str to str
        Each text by its file name (relative, ``/``-separated), written as UTF-8, unchanged.
    metadata : sequence of mapping
        One row per document; ``sha256`` is filled in from the written bytes. Columns beyond
        the project's (:data:`METADATA_COLUMNS`) follow them, in first-seen order.
    tables : mapping
        Side tables to write beside ``metadata.csv``: file name to ``(columns, rows)``.
    sources : sequence of str
        Where each metadata row came from (``"articles.csv row 3 (line 4)"``): a problem that
        :func:`~newscorpus.corpus.validate.validate_corpus` finds in a written row is reported
        there, since that is where it must be fixed.

    Raises
    ------
    CorpusError
        If ``out_dir`` is not empty or the written folder does not pass validate_corpus; then
        nothing is left behind.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "corpus"
    >>> write_corpus(out, {"a.txt": "Moscow said on Tuesday..."},
    ...              [{"doc_id": "a", "file": "a.txt", "published": "2016-09"}]).summary()
    ... # doctest: +ELLIPSIS
    '...corpus: 1 document, 25 characters, metadata OK'
    >>> write_corpus(out / "bad", {"b.txt": "Lavrov met Kerry."},
    ...              [{"doc_id": "b", "file": "b.txt", "published": "2016-13"}],
    ...              sources=["articles.csv row 1 (line 2)"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.CorpusError: The corpus written would not pass validate_corpus; nothing \
was written.
    articles.csv row 1 (line 2), field 'published': the date '2016-13' does not exist ...
    """
    out_dir = Path(out_dir)
    check_out_dir(out_dir)
    created = not out_dir.exists()
    out_dir.mkdir(parents=True, exist_ok=True)
    stage = out_dir / STAGING
    try:
        stage.mkdir()
        sums = {}
        for name, text in texts.items():
            target = _inside(stage, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            target.write_bytes(data)
            sums[name] = hashlib.sha256(data).hexdigest()
        rows = [{**row, "sha256": sums.get(row.get("file", ""), row.get("sha256", ""))}
                for row in metadata]
        extra = [c for row in rows for c in row if c not in METADATA_COLUMNS]
        starts = write_csv(stage / METADATA_FILE, [*METADATA_COLUMNS, *dict.fromkeys(extra)],
                           rows)
        for name, (columns, table) in tables.items():
            write_csv(_inside(stage, name), columns, table)
        report = validate_corpus(stage)
        if not report.ok:
            origin = dict(zip(starts, sources, strict=False))
            raise CorpusError([_named(p, out_dir, origin) for p in report.problems],
                              title="The corpus written would not pass validate_corpus;"
                              " nothing was written.")
        _publish(stage, out_dir)
    except BaseException:
        if created:
            shutil.rmtree(out_dir, ignore_errors=True)
        else:  # it was empty when checked: remove what was written into it
            for entry in out_dir.iterdir():
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        raise
    return validate_corpus(out_dir)
