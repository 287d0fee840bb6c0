"""Read a table of articles (CSV, TSV, JSON Lines, Parquet) into numbered rows, or say why not.

:func:`read_table_file` returns a :class:`Table`: the column names and one :class:`Row` per
record, numbered from 1 after the header, with the line it starts on (text formats). Problems
that spoil the whole file (unknown format, wrong encoding, unreadable CSV or Parquet) raise a
:class:`~newscorpus.base.errors.CorpusError`; problems of one record (a CSV row with too many
fields, a line that is not a JSON object) are kept on that row, so that the other rows can still
be used.
Text is decoded strictly in the stated encoding: a byte that does not fit is reported with its
offset and line, never replaced.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import charset_normalizer

from newscorpus.base.errors import CorpusError, ParameterError, Problem

__all__ = ["FORMATS", "Row", "Table", "read_table_file"]

#: File name endings and the format each one means (``.gz`` may follow the text formats).
FORMATS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
           ".parquet": "parquet", ".pq": "parquet"}
_HINTS = {".json": "a .json file is one JSON document; write one JSON object per line and name"
                   " the file .jsonl (pandas: df.to_json(path, orient='records', lines=True))",
          ".xlsx": "save the sheet as CSV UTF-8 (File > Save As), or with pandas df.to_csv()",
          ".xls": "save the sheet as CSV UTF-8 (File > Save As), or with pandas df.to_csv()"}
_SIGNATURES = {b"PK\x03\x04": "a ZIP archive (an .xlsx workbook?)", b"PAR1": "a Parquet file",
               b"%PDF": "a PDF document", b"\xd0\xcf\x11\xe0": "an old Excel (.xls) workbook"}


@dataclass
class Row:
    """One record: its ``number`` (1 = first after the header), ``line`` (0 when the format has
    no lines), ``values`` by column (absent = ``None``) and the ``problems`` found reading it."""

    number: int
    line: int
    values: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Table:
    """A table read from ``path``: its ``label`` for messages, ``format`` and ``columns``."""

    path: Path
    label: str
    format: str
    columns: list[str]
    rows: list[Row]

    def where(self, row: Row) -> str:
        """How messages name a row, e.g. ``'articles.csv row 3 (line 5)'``."""
        return f"{self.label} row {row.number}" + (f" (line {row.line})" if row.line else "")


def _format(path: Path, label: str) -> tuple[str, bool]:
    name = path.name.lower()
    gzipped = name.endswith(".gz")
    suffix = Path(name.removesuffix(".gz")).suffix
    kind = FORMATS.get(suffix)
    if kind is None or (gzipped and kind == "parquet"):
        known = ", ".join(FORMATS) + " (text formats optionally gzipped: .csv.gz)"
        hint = _HINTS.get(suffix, f"save it as one of {known}")
        raise CorpusError(Problem(label, f"the format of the table is unknown: its name ends in"
                                  f" '{suffix or name}', not one of {known}", hint))
    return kind, gzipped


def _bad_bytes(data: bytes, codec: str) -> tuple[list[int], int]:
    """Offsets of undecodable bytes (up to 5 kept) and how many there are (counting stops at
    100: each search decodes the rest of the file again)."""
    decoder, offsets, count, position = codecs.getincrementaldecoder(codec)(), [], 0, 0
    while position < len(data) and count < 100:
        try:
            decoder.decode(data[position:], final=True)
            break
        except UnicodeDecodeError as err:
            count += 1
            if len(offsets) < 5:
                offsets.append(position + err.start)
            position += max(err.end, 1)
            decoder.reset()
    return offsets, count


def _likely(data: bytes, first: int) -> str:
    """What the encoding may be: windows-1252 (Excel's CSV on Windows) if it decodes, else
    charset-normalizer's guess; with the character the first bad byte is in that encoding."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "it starts with a UTF-16 byte-order mark, so it is probably utf-16"
    likely = "cp1252"
    try:
        data.decode(likely)
    except UnicodeDecodeError:
        guess = charset_normalizer.from_bytes(data).best()
        likely = guess.encoding if guess else "latin-1"
    try:
        char = data[first:first + 4].decode(likely, errors="ignore")[:1]
    except LookupError:
        char = ""
    return f"it may be {likely}" + (f", where that byte is {char!r}" if char.strip() else "")


def _decode(data: bytes, encoding: str, label: str) -> str:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise ParameterError(Problem("parameter 'encoding'", f"the encoding {encoding!r} is"
                                     " unknown", "use a Python codec name such as 'utf-8',"
                                     " 'cp1252' or 'latin-1'")) from None
    kind = next((name for sig, name in _SIGNATURES.items() if data.startswith(sig)), "")
    if kind:
        raise CorpusError(Problem(label, f"the file is {kind}, not a text table", "export the"
                                  " table as CSV or JSON Lines, or name it by its real format"))
    if codec == "utf-8":
        codec = "utf-8-sig"  # a leading byte-order mark is not part of the first column's name
    offsets, count = _bad_bytes(data, codec)
    if count:
        first = offsets[0]
        line = data.count(b"\n", 0, first) + 1
        column = first - (data.rfind(b"\n", 0, first) + 1) + 1
        more = (f"; {count - 1}{' or more' if count >= 100 else ''} more such"
                f" byte{'s' if count > 2 else ''}"
                + (f", at offsets {', '.join(map(str, offsets[1:]))}" if offsets[1:] else "")
                + (" ..." if count > len(offsets) else "")) if count > 1 else ""
        raise CorpusError(Problem(label, f"the file is not {encoding}: byte 0x{data[first]:02X}"
                                  f" at offset {first} (line {line}, byte {column} of the line)"
                                  f" cannot be decoded{more}; {_likely(data, first)}",
                                  "pass the file's encoding (e.g. encoding='cp1252'), or"
                                  " convert the file: iconv -f ENCODING -t utf-8 FILE > NEW"))
    text = data.decode(codec)
    if "\x00" in text:
        offset = text.index("\x00")
        raise CorpusError(Problem(label, f"the file holds NUL characters (first at character"
                                  f" {offset}), so it is not {encoding} text; it is probably"
                                  " UTF-16 without a byte-order mark", "pass"
                                  " encoding='utf-16-le' (or 'utf-16-be'), or convert it"))
    return text


@contextlib.contextmanager
def _field_limit() -> Iterator[None]:
    """Allow CSV fields longer than the csv module's 128 KB default (long articles)."""
    old = csv.field_size_limit(sys.maxsize)
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _read_csv(text: str, label: str, delimiter: str) -> tuple[list[str], list[Row]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] = []
    rows: list[Row] = []
    previous = 0
    with _field_limit():
        try:
            for record in reader:
                line, previous = previous + 1, reader.line_num
                if not record:
                    continue
                if not header:
                    header = record
                    continue
                values = dict(zip(header, record, strict=False))
                row = Row(len(rows) + 1, line, values)
                if len(record) != len(header):
                    fix = ("put fields that hold the delimiter in double quotes"
                           if len(record) > len(header) else "add the missing fields")
                    row.problems.append(Problem("", f"the row has {len(record)} fields but"
                                                f" the header has {len(header)}", fix))
                rows.append(row)
        except csv.Error as err:
            found = ("a quoted field that starts here is never closed" if "EOF" in str(err)
                     or "end of data" in str(err) else f"the CSV cannot be parsed ({err})")
            raise CorpusError(Problem(f"{label} line {previous + 1}", found, "close the quote;"
                                      ' inside a quoted field, write a quote as two ("")')
                              ) from None
    return header, rows


def _read_jsonl(text: str) -> tuple[list[str], list[Row]]:
    columns: dict[str, None] = {}
    rows: list[Row] = []
    for line, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        row = Row(len(rows) + 1, line, {})
        rows.append(row)
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as err:
            row.problems.append(Problem("", f"the line is not valid JSON ({err.msg}, at"
                                        f" character {err.colno})", "write one complete JSON"
                                        " object per line"))
            continue
        if not isinstance(record, dict):
            row.problems.append(Problem("", f"the line is a JSON {type(record).__name__}, not"
                                        " an object",
                                        'write one object per line: {"id": ..., "text": ...}'))
            continue
        row.values = record
        columns.update(dict.fromkeys(record))
    return list(columns), rows


def _read_parquet(path: Path, label: str) -> tuple[list[str], list[Row]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as err:
        raise CorpusError(Problem(label, f"the file cannot be read as Parquet ({err})",
                                  "check that it is a complete Parquet file (pyarrow or pandas"
                                  " df.to_parquet write one)")) from None
    rows = [Row(number, 0, values) for number, values in enumerate(table.to_pylist(), start=1)]
    return list(table.column_names), rows


def read_table_file(path: str | Path, *, encoding: str = "utf-8", label: str = "") -> Table:
    """Read a table of articles; its format comes from the file name.

    Parameters
    ----------
    path : path
        A ``.csv``, ``.tsv``, ``.jsonl`` / ``.ndjson`` (each optionally ``.gz``), or
        ``.parquet`` / ``.pq`` file.
    encoding : str
        The encoding of a text format; a UTF-8 byte-order mark is dropped.
    label : str
        How messages name the file (default: its name).

    Raises
    ------
    CorpusError
        For an unknown format, an unreadable file, text not in ``encoding``, a CSV quote that
        never closes, or a Parquet file pyarrow cannot read.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = path.write_bytes(b'id,text\\n1,"Moscow said, on Tuesday, that..."\\n')
    >>> table = read_table_file(path)
    >>> table.columns, table.rows[0].values["text"], table.where(table.rows[0])
    (['id', 'text'], 'Moscow said, on Tuesday, that...', 'a.csv row 1 (line 2)')
    """
    path = Path(path)
    label = label or path.name
    kind, gzipped = _format(path, label)
    try:
        data = path.read_bytes() if kind != "parquet" else b""
        if gzipped:
            data = gzip.decompress(data)
    except FileNotFoundError:
        raise CorpusError(Problem(label, f"the table does not exist (looked for"
                                  f" {path.resolve()})", "check the path")) from None
    except (OSError, EOFError, zlib.error) as err:
        raise CorpusError(Problem(label, f"the file cannot be read ({err})", "check that it"
                                  " is a complete, readable file")) from None
    if kind == "parquet":
        if not path.is_file():
            raise CorpusError(Problem(label, f"the table does not exist (looked for"
                                      f" {path.resolve()})", "check the path"))
        columns, rows = _read_parquet(path, label)
    else:
        text = _decode(data, encoding, label)
        columns, rows = (_read_jsonl(text) if kind == "jsonl"
                         else _read_csv(text, label, "\t" if kind == "tsv" else ","))
    if not columns and not rows:
        raise CorpusError(Problem(label, "the table is empty", "write a header row and one"
                                  " row per article"))
    if not rows:
        raise CorpusError(Problem(label, "the table has a header but no rows", "add one row"
                                  " per article"))
    duplicated = sorted({c for c in columns if columns.count(c) > 1})
    if duplicated:
        raise CorpusError(Problem(label, f"more than one column is named"
                                  f" {', '.join(map(repr, duplicated))}", "give each column"
                                  " its own name"))
    return Table(path, label, kind, columns, rows)
