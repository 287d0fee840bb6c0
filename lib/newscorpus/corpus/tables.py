"""Turn a table of articles (CSV, TSV, JSON Lines, Parquet) into a corpus folder.

:func:`import_table` writes one UTF-8 text file per row, holding the row's text exactly as it was
in the table (after decoding), and a ``metadata.csv`` in the project's format (see
``corpus/README.md``) with two more columns: ``source_id`` (the id as written in the table) and
``source_row``. Every bad row is reported with its row, line, id and column, what is wrong and how
to fix it; nothing is written until the whole table passes, unless ``keep_good=True``, which
writes the good rows and lists the others in ``rejected.csv`` beside ``metadata.csv``. The folder
written passes :func:`~newscorpus.corpus.validate.validate_corpus` and loads with
:func:`~newscorpus.corpus.validate.load_corpus`.

The table is read by :mod:`~newscorpus.corpus.table_read`, its rows checked by
:mod:`~newscorpus.corpus.table_rows` (dates: :mod:`~newscorpus.corpus.table_dates`) and the
folder written whole by :mod:`~newscorpus.corpus.writing`. From the shell:
``newscorpus import TABLE OUT_DIR --id ID --text TEXT [...]``; ``--help`` lists the options.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from newscorpus.base.errors import CorpusError, ParameterError, Problem
from newscorpus.corpus.table_dates import check_date_format
from newscorpus.corpus.table_read import read_table_file
from newscorpus.corpus.table_rows import check_columns, check_rows
from newscorpus.corpus.validate import KINDS, ValidationReport
from newscorpus.corpus.writing import check_out_dir, write_corpus

__all__ = ["REJECTED_COLUMNS", "REJECTED_FILE", "ImportResult", "import_table"]

REJECTED_FILE = "rejected.csv"
REJECTED_COLUMNS = ("row", "line", "id", "column", "problem", "fix")


@dataclass(frozen=True)
class ImportResult:
    """What :func:`import_table` wrote: ``written`` documents, ``rejected`` rows, the report."""

    out_dir: Path
    written: int
    rejected: int
    report: ValidationReport

    def summary(self) -> str:
        """One line, e.g. ``'Wrote 3 documents to out (1 row rejected, see out/rejected.csv).'``"""
        tail = (f" ({self.rejected} row{'s' if self.rejected != 1 else ''} rejected, see"
                f" {self.out_dir / REJECTED_FILE})" if self.rejected else "")
        return (f"Wrote {self.written} document{'s' if self.written != 1 else ''} to"
                f" {self.out_dir}{tail}.")


def _check_parameters(id: str, text: str, encoding: str, date_format: str | None,
                      kind: str) -> list[Problem]:
    problems = [Problem(f"parameter '{name}'", "no column is named", f"pass the name of the"
                        f" column that holds each article's {name}")
                for name, value in (("id", id), ("text", text)) if not value]
    try:
        codecs.lookup(encoding)
    except LookupError:
        problems.append(Problem("parameter 'encoding'", f"the encoding {encoding!r} is unknown",
                                "use a Python codec name such as 'utf-8' or 'cp1252'"))
    try:
        check_date_format(date_format)
    except ParameterError as err:
        problems += err.problems
    if kind not in KINDS:
        problems.append(Problem("parameter 'kind'", f"{kind!r} is not a kind of document",
                                f"use one of {', '.join(KINDS)}"))
    return problems


def import_table(table_path: str | os.PathLike[str], out_dir: str | os.PathLike[str], *,
                 id: str, text: str, title: str | None = None, date: str | None = None,
                 outlet: str | None = None, url: str | None = None, author: str | None = None,
                 encoding: str = "utf-8", date_format: str | None = None,
                 keep_good: bool = False, kind: str = "article") -> ImportResult:
    """Write a corpus folder from a table with one article per row.

    Parameters
    ----------
    table_path : path
        A ``.csv``, ``.tsv``, ``.jsonl`` / ``.ndjson`` (each optionally ``.gz``), or
        ``.parquet`` / ``.pq`` file; the format comes from the name.
    out_dir : path
        A folder that does not exist or is empty; nothing is written outside it.
    id, text : str
        The columns holding each article's id and text. An id that is not a file name
        (``al-monitor/2016 #3``) gets a safe one (``al-monitor-2016-3``) as doc_id and file
        name; the id as written is kept in ``source_id``. Ids that become the same file name
        (ignoring case) are refused.
    title, date, outlet, url, author : str or None
        The columns holding the other metadata, if any.
    encoding : str
        The encoding of a CSV or JSON Lines file, or of binary cells in Parquet.
    date_format : str or None
        A ``strptime`` format for the dates (``"%d/%m/%Y"``); by default ISO dates
        (``2016-09-21``, ``2016-09``, ``2016``, ``START/END``) and ISO date-times, whose
        calendar date is kept as written.
    keep_good : bool
        Write the good rows and list the bad ones in ``rejected.csv`` (row, line, id, column,
        problem, fix) instead of writing nothing.
    kind : str
        The ``kind`` of every document: ``article``, ``snippet-aggregate`` or ``other``.

    Returns
    -------
    ImportResult

    Raises
    ------
    ParameterError
        For a bad parameter (unknown encoding or kind, a date_format without a year).
    CorpusError
        Listing every problem: a non-empty ``out_dir``, an unknown format, a file not in
        ``encoding``, missing columns, and every bad row (unless ``keep_good``).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.csv").write_text(
    ...     "id,body,day\\nam-1,Moscow said on Tuesday that talks would go on.,2016-06-03\\n"
    ...     "am 2,,2016-06-31\\n", encoding="utf-8")
    >>> import_table(folder / "a.csv", folder / "out", id="id", text="body", date="day")
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.CorpusError: Cannot import a.csv: 2 problems in 1 of 2 rows; nothing \
was written.
    a.csv row 2 (line 3) (id 'am 2'), field 'body': the text is empty. Fix: add the article's \
text, or remove the row.
    a.csv row 2 (line 3) (id 'am 2'), field 'day': the date '2016-06-31' does not exist (day is \
out of range for month). Fix: correct the date.
    >>> import_table(folder / "a.csv", folder / "out", id="id", text="body", date="day",
    ...              keep_good=True).written
    1
    """
    table_path, out_dir = Path(table_path), Path(out_dir)
    parameters = _check_parameters(id, text, encoding, date_format, kind)
    if parameters:
        raise ParameterError(parameters)
    problems: list[Problem] = []
    try:
        check_out_dir(out_dir)
    except CorpusError as err:
        problems += err.problems
    try:
        table = read_table_file(table_path, encoding=encoding)
        columns = {"id": id, "text": text, "title": title, "date": date, "outlet": outlet,
                   "url": url, "author": author}
        check_columns(table, columns)
    except CorpusError as err:
        raise CorpusError(problems + err.problems, title=f"Cannot import {table_path.name}:"
                          " nothing was written.") from None
    documents, bad = check_rows(table, columns, date_format=date_format, kind=kind,
                                encoding=encoding)
    n_bad = len({row.number for row, _ in bad})
    if problems or (bad and not (keep_good and documents)):
        found = f"{len(bad)} problem{'s' if len(bad) != 1 else ''} in {n_bad} of" \
                f" {len(table.rows)} rows"
        reason = "; no row is good" if keep_good and bad else ""
        raise CorpusError(problems + [p for _, p in bad], title=f"Cannot import {table.label}:"
                          f" {found}{reason}; nothing was written.")
    rejected = [{"row": str(row.number), "line": str(row.line or ""),
                 "id": str(row.values.get(id) or ""), "column": problem.field,
                 "problem": problem.message, "fix": problem.fix} for row, problem in bad]
    report = write_corpus(out_dir, {doc.metadata["file"]: doc.text for doc in documents},
                          [doc.metadata for doc in documents],
                          tables={REJECTED_FILE: (REJECTED_COLUMNS, rejected)} if bad else {},
                          sources=[table.where(doc.row) for doc in documents])
    return ImportResult(out_dir, len(documents), n_bad, report)

