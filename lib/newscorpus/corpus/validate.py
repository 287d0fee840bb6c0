"""Load and validate a corpus folder: UTF-8 text files and web pages listed in ``metadata.csv``.

A web page (``.html``, ``.htm``, optionally ``.gz``) becomes the article text trafilatura
extracts from it, and its empty metadata fields are filled from the page
(:mod:`~newscorpus.corpus.extraction`); the ``format`` column says which documents are pages.
:func:`validate_corpus` reports every problem it finds and never raises for bad input;
:func:`load_corpus` raises one :class:`~newscorpus.base.errors.CorpusError` listing them all, or
returns one row per document. Files are only ever read. A folder with no ``metadata.csv`` but
``.parquet`` files is a Parquet corpus (:func:`corpus_format`), read and checked by
:mod:`newscorpus.corpus.parquet` with the same messages. The checks come in two kinds so that they
can run partition by partition: :func:`_check_document` looks at one metadata row and its file, and
:func:`_check_collection` at the rows together (duplicates, unlisted files).
"""

from __future__ import annotations

import difflib
import hashlib
import os
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from newscorpus.base.errors import CorpusError, Problem
from newscorpus.base.parallel import resolve_workers
from newscorpus.corpus.dates import DateSpan, parse_published
from newscorpus.corpus.decoding import is_html_name
from newscorpus.corpus.extraction import Page, extract_pages, fill_metadata
from newscorpus.corpus.fields import (
    KINDS,
    MAX_DOC_ID_LENGTH,
    check_doc_id,
    check_kind,
    check_published,
    check_sha256,
    check_url,
)
from newscorpus.corpus.files import NotRegularFile, _empty, decode_text, no_words, read_regular
from newscorpus.corpus.metadata import (
    ADDED_COLUMNS,
    METADATA_FILE,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    STR,
    read_metadata,
)
from newscorpus.corpus.metadata import (
    folder_label as _label,
)

__all__ = ["ADDED_COLUMNS", "CORPUS_FORMATS", "KINDS", "MAX_DOC_ID_LENGTH", "METADATA_FILE",
           "OPTIONAL_COLUMNS", "REQUIRED_COLUMNS", "STR", "ValidationReport", "corpus_format",
           "load_corpus", "validate_corpus"]

#: The kinds of corpus folder :func:`load_corpus` reads.
CORPUS_FORMATS = ("text", "parquet")


_NOT_REGULAR = {  # what a listed path is instead of a file: the message and the fix
    "a folder": ("the path is a folder, not a file", "give the path of a text file inside it"),
    "a named pipe": ("the path is a named pipe, not a regular file", "list a regular text"
                     " file, e.g. save what the pipe delivers into a .txt file")}


@dataclass
class ValidationReport:
    """What :func:`validate_corpus` found: ``problems`` stop loading, ``warnings`` do not.

    Attributes
    ----------
    corpus_dir : Path
        The folder, as given.
    n_documents, n_characters : int
        Rows read from metadata.csv, and characters in the documents that could be read.
    problems, warnings : list of Problem
        Errors (the corpus cannot be loaded) and things worth knowing (an unlisted .txt file).
    """

    corpus_dir: Path
    n_documents: int
    n_characters: int
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there are no problems (warnings are allowed)."""
        return not self.problems

    def summary(self) -> str:
        """One line: the counts, then ``metadata OK`` or the number of problems."""
        def count(n: int, noun: str) -> str:
            return f"{n:,} {noun}{'' if n == 1 else 's'}"
        state = "metadata OK" if self.ok else count(len(self.problems), "problem")
        tail = f" ({count(len(self.warnings), 'warning')})" if self.warnings else ""
        return (f"{_label(self.corpus_dir)}: {count(self.n_documents, 'document')}, "
                f"{count(self.n_characters, 'character')}, {state}{tail}")


@dataclass
class _Checked:
    """One document after its checks: its problems, and what loading it needs."""

    problems: list[Problem]
    warnings: list[Problem] = field(default_factory=list)  # a date in the future
    text: str | None = None
    path: str = ""
    n_bytes: int = 0
    span: DateSpan | None = None
    page: Page | None = None  # a web page, to extract
    extraction: Any = None  # its webpages.Extraction, once extracted


def _check_document(row: Mapping[str, str], *, corpus_dir: Path, line: int) -> _Checked:
    """Check one metadata row and its file; ``line`` is the row's line in metadata.csv."""
    doc_id, label = row["doc_id"], _label(corpus_dir)
    shown = doc_id if len(doc_id) <= 60 else f"{doc_id[:57]}..."
    here = f"{label}/{METADATA_FILE} line {line}" + (f" (doc_id '{shown}')" if doc_id else "")
    out = _Checked(check_doc_id(doc_id, here))
    out.span, problems, out.warnings = check_published(row, here)
    sha, bad_sha = check_sha256(row, here)
    out.problems += problems + check_kind(row, here) + check_url(row, here) + bad_sha
    if not row["file"]:
        out.problems.append(Problem(here, "no file is given", "write the path of the text file,"
                                    f" relative to {label}", "file"))
        return out
    try:
        _check_file(row["file"], sha, corpus_dir=corpus_dir, line=line, out=out)
    except OSError as err:
        out.problems.append(Problem(here, f"the file cannot be read ({err.strerror})",
                                    "make it readable", "file"))
    return out


def _check_file(name: str, sha: str, *, corpus_dir: Path, line: int, out: _Checked) -> None:
    """Check that ``name`` is a UTF-8 text file or a web page inside the folder, with the
    expected sha256 (a page is extracted later, with the others: :func:`_extract`)."""
    label, path = _label(corpus_dir), corpus_dir / name
    shown = name if os.path.isabs(name) else f"{label}/{name}"
    where = f"{shown} ({METADATA_FILE} line {line})"

    def add(message: str, fix: str, column: str = "file") -> None:
        out.problems.append(Problem(where, message, fix, column))

    if os.path.isabs(name) or Path(os.path.normpath(name)).parts[:1] == ("..",):
        add(f"the path '{name}' leads outside the corpus folder",
            f"move the file into {label} and give its path relative to that folder")
    elif not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(corpus_dir)):
        add(f"the file is a link to {os.path.realpath(path)}, outside the corpus folder",
            "copy the file into the corpus folder instead of linking to it")
    elif os.path.normpath(name) == METADATA_FILE:
        add(f"{METADATA_FILE} is the metadata, not a document", "list the text files only")
    elif not path.exists():
        names = {p.name.lower(): p.name for p in path.parent.glob("*")}
        near = difflib.get_close_matches(path.name.lower(), names, n=1)
        hint = f", perhaps to '{names[near[0]]}'" if near else ""
        add("the file does not exist", f"correct the path{hint} (paths are relative to {label}"
            " and case-sensitive), or add the file")
    else:
        try:
            data = read_regular(path)
        except NotRegularFile as err:
            add(*_NOT_REGULAR.get(err.kind, (str(err), "list a regular text file instead")))
            return
        out.path, out.n_bytes = os.path.abspath(path), len(data)
        actual = hashlib.sha256(data).hexdigest()
        if sha and sha != actual:
            add(f"the sha256 does not match: metadata says {sha}, the file has {actual}",
                "restore the original file; if it changed on purpose, recompute the sha256 with"
                f" `sha256sum {shown}` and update metadata", "sha256")
        if is_html_name(name):
            out.page = Page(out.path, actual, where)
            return
        text, problem = decode_text(data, where, shown)
        problem = problem or _empty(text, data, where) or no_words(text, where)
        if problem:
            out.problems.append(problem)
        else:
            out.text = text


def _check_collection(rows: Sequence[tuple[int, Mapping[str, str]]], *,
                      corpus_dir: Path) -> tuple[list[Problem], list[Problem]]:
    """Check rows together: duplicate doc_ids and files (problems), unlisted .txt (warnings)."""
    problems, meta = [], f"{_label(corpus_dir)}/{METADATA_FILE}"
    for column in REQUIRED_COLUMNS:
        first: dict[str, int] = {}
        for line, row in rows:
            key = os.path.normpath(row[column]) if column == "file" else row[column]
            if row[column] and key in first:
                problems.append(Problem(
                    f"{meta} line {line}", f"the {column} '{row[column]}' is already listed on"
                    f" line {first[key]}", f"give each document its own {column}, or remove one"
                    " of the two rows", column))
            first.setdefault(key, line)
    listed = {os.path.normpath(row["file"]) for _, row in rows}
    found = sorted(p.relative_to(corpus_dir).as_posix() for p in corpus_dir.rglob("*")
                   if p.name.endswith(".txt") or is_html_name(p.name))
    warned = [Problem(f"{_label(corpus_dir)}/{name}", f"the file is not listed in {METADATA_FILE},"
                      " so it is not loaded", "add a row for it, or move it out of the folder")
              for name in found if os.path.normpath(name) not in listed]
    return problems, warned


def _extract(checked: list[_Checked], cache_dir: str | os.PathLike[str] | None,
             workers: int | None) -> None:
    """Extract the web pages among the documents: their text, or their problems."""
    pages = [doc for doc in checked if doc.page is not None]
    found = extract_pages([doc.page for doc in pages if doc.page], cache_dir=cache_dir,
                          workers=workers) if pages else []
    for doc, page, result in zip(pages, [doc.page for doc in pages if doc.page], found,
                                 strict=True):
        if isinstance(result, list):
            doc.problems += result
        elif problem := no_words(result.corpus_text, page.where):
            doc.problems.append(problem)
        else:
            doc.extraction, doc.text = result, result.corpus_text


def _scan(corpus_dir: Path, cache_dir: str | os.PathLike[str] | None = None,
          workers: int | None = 1) -> tuple[ValidationReport, list[str], list[_Checked],
                                            list[dict]]:
    header, rows, problems, warned = read_metadata(corpus_dir)
    checked = [_check_document(row, corpus_dir=corpus_dir, line=line) for line, row in rows]
    _extract(checked, cache_dir, workers)
    problems += [problem for doc in checked for problem in doc.problems]
    warned += [warning for doc in checked for warning in doc.warnings]
    if header:
        more, later = _check_collection(rows, corpus_dir=corpus_dir)
        problems, warned = problems + more, warned + later
    n_characters = sum(len(doc.text) for doc in checked if doc.text)
    report = ValidationReport(corpus_dir, len(rows), n_characters, problems, warned)
    return report, header, checked, [row for _, row in rows]


def corpus_format(corpus_dir: str | os.PathLike[str]) -> str:
    """``"parquet"`` for a folder of ``.parquet`` files without ``metadata.csv``, else ``"text"``.

    A folder that holds ``metadata.csv`` is a folder of texts, whatever else it holds; one that
    is neither is checked as a folder of texts, whose messages then say what is missing.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> corpus_format(folder)
    'text'
    >>> pd.DataFrame({"doc_id": ["a"], "text": ["Moscow said so."]}).to_parquet(
    ...     folder / "part-0.parquet")
    >>> corpus_format(folder)
    'parquet'
    """
    folder = Path(corpus_dir)
    if not folder.is_dir() or (folder / METADATA_FILE).exists():
        return "text"
    return "parquet" if any(p.is_file() for p in folder.rglob("*.parquet")) else "text"


def validate_corpus(corpus_dir: str | os.PathLike[str], *,
                    cache_dir: str | os.PathLike[str] | None = None,
                    workers: int | None = 1) -> ValidationReport:
    """Check a corpus folder and report every problem found; never raises for bad input.

    Web pages are extracted to check them (a page with no article text is a problem);
    ``cache_dir`` and ``workers`` are those of :func:`load_corpus`.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "raw"
    >>> folder.mkdir()
    >>> _ = (folder / "a.txt").write_text("Moscow said on Tuesday...", encoding="utf-8")
    >>> _ = (folder / "metadata.csv").write_text("doc_id,file,published\\na,a.txt,2016-02-30\\n")
    >>> report = validate_corpus(folder)
    >>> report.summary()
    'raw: 1 document, 25 characters, 1 problem'
    >>> print(report.problems[0])  # doctest: +NORMALIZE_WHITESPACE
    raw/metadata.csv line 2 (doc_id 'a'), field 'published': the date '2016-02-30' does not exist
    (day is out of range for month). Fix: write it like 2016-09-21, 2016-09, 2016 or 2016-09/2017.
    """
    resolve_workers(workers)
    if corpus_format(corpus_dir) == "parquet":
        from newscorpus.corpus.parquet import check_parquet

        return ValidationReport(Path(corpus_dir), *check_parquet(corpus_dir))
    return _scan(Path(corpus_dir), cache_dir, workers)[0]


def load_corpus(corpus_dir: str | os.PathLike[str], *,
                cache_dir: str | os.PathLike[str] | None = None,
                workers: int | None = 1, backend: str = "local") -> pd.DataFrame:
    """Validate a corpus folder and return one row per document, in metadata order.

    A web page (``.html``, ``.htm``, optionally ``.gz``) is read as the article text that
    trafilatura extracts from it (:func:`~newscorpus.corpus.webpages.article_text`), and its
    empty ``title``, ``published`` (with ``date_precision``), ``author`` and ``outlet`` are
    filled from the page, as ``notes`` then says (:func:`~newscorpus.corpus.extraction.
    fill_metadata`). What extraction left out: :func:`~newscorpus.corpus.extraction.
    dropped_table`.

    Parameters
    ----------
    corpus_dir : path
        The folder holding ``metadata.csv``, or a folder of ``.parquet`` files (a ``doc_id``
        and a ``text`` column, and metadata columns), read by :func:`newscorpus.corpus.parquet.
        load_parquet_corpus`: :func:`corpus_format`.
    cache_dir : path or None
        A folder in which each page's extraction is kept, by the page's SHA-256 and the
        trafilatura version, so that the next load does not extract it again; ``None``: none.
    workers : int or None
        Worker processes that extract the pages (``None`` or 0: every core).
    backend : {"local", "dask"}
        With ``dask``, a Parquet corpus is returned as a lazy Dask DataFrame of one partition
        per file (:func:`newscorpus.corpus.parquet.load_parquet_corpus`), checked but not held
        in memory; a folder of texts is read as with ``local``.

    Returns
    -------
    pandas.DataFrame
        The metadata columns as ``str`` (required, optional, then any others in file order;
        a missing optional column is all ``""``), then ``text``, ``path`` (absolute),
        ``date_start`` and ``date_end`` (``datetime64[ns]``, ``NaT`` when unknown),
        ``n_bytes`` (the size of the file) and ``format`` (``text`` or ``html``). Warnings,
        such as unlisted files, are issued as one ``UserWarning``.

    Raises
    ------
    CorpusError
        Listing every problem :func:`validate_corpus` finds.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Moscow said on Tuesday...", encoding="utf-8")
    >>> _ = (folder / "metadata.csv").write_text("doc_id,file,published\\na,a.txt,2016-09\\n")
    >>> load_corpus(folder)[["doc_id", "date_start", "date_end", "n_bytes"]]
      doc_id date_start   date_end  n_bytes
    0      a 2016-09-01 2016-09-30       25
    """
    from newscorpus.base.dask_backend import check_backend

    corpus_dir = Path(corpus_dir)
    resolve_workers(workers)
    check_backend(backend)
    if corpus_format(corpus_dir) == "parquet":
        from newscorpus.corpus.parquet import load_parquet_corpus

        return load_parquet_corpus(corpus_dir, backend=backend)
    report, header, checked, rows = _scan(corpus_dir, cache_dir, workers)
    if not report.ok:
        n = len(report.problems)
        raise CorpusError(report.problems, title=f"Cannot load the corpus {_label(corpus_dir)}:"
                          f" {n} problem{'' if n == 1 else 's'} found.")
    if report.warnings:
        warnings.warn("\n".join(map(str, report.warnings)), UserWarning, stacklevel=2)
    for i, doc in enumerate(checked):
        if doc.extraction is not None:
            rows[i], filled = fill_metadata(rows[i], doc.extraction)
            if "date" in filled:
                doc.span = parse_published(rows[i]["published"], rows[i]["date_precision"])
    known = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
    columns = [*known, *(c for c in header if c not in known)]
    frame = pd.DataFrame([[row.get(c, "") for c in columns] for row in rows], columns=columns,
                         dtype=STR)
    frame["text"] = pd.Series([doc.text for doc in checked], dtype=STR)
    frame["path"] = pd.Series([doc.path for doc in checked], dtype=STR)
    for side in ("start", "end"):
        frame[f"date_{side}"] = pd.Series([getattr(doc.span, side) if doc.span else None
                                           for doc in checked], dtype="datetime64[ns]")
    frame["n_bytes"] = pd.Series([doc.n_bytes for doc in checked], dtype="int64")
    frame["format"] = pd.Series(["html" if doc.page else "text" for doc in checked], dtype=STR)
    return frame
