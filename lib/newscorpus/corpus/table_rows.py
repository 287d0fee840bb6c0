"""Check the rows of a table of articles and turn the good ones into corpus documents.

:func:`check_rows` looks at every row and returns the :class:`Document` of each good row and
the problems of each bad one, every problem with its row, line and column: ids that are empty,
repeated, or that collide once made into file names; texts that are missing, empty, only white
space, or that UTF-8 files cannot hold; dates that cannot be read; addresses that are not http(s);
values of the wrong type (a list where text belongs). :func:`safe_name` makes a file name of an id.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from newscorpus.base.errors import CorpusError, Problem
from newscorpus.corpus.table_dates import to_published
from newscorpus.corpus.table_read import Row, Table

__all__ = ["FIELDS", "Document", "check_columns", "check_rows", "safe_name"]

#: The parameters of ``import_table`` that name columns, and the metadata field each fills.
FIELDS = {"id": "doc_id", "text": "text", "title": "title", "date": "published",
          "outlet": "outlet", "url": "url", "author": "author"}
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}
_BINARY_STARTS = ("%PDF", "\x89PNG", "GIF8", "PK\x03\x04")


@dataclass
class Document:
    """A good row: its ``row``, the text and the metadata row to write (without sha256)."""

    row: Row
    text: str
    metadata: dict[str, str]


def safe_name(identifier: str) -> str:
    """A file stem and doc_id for ``identifier``: ASCII letters, digits, ``.``, ``_``, ``-``.

    Accents are dropped, other runs of characters become one ``-``, the result is cut to 100
    characters; an id with no ASCII letter or digit becomes ``id-`` and 12 hex digits of its
    SHA-256, and a name Windows reserves (``CON``, ``NUL`` ...) gets a trailing ``_``.

    Examples
    --------
    >>> safe_name("al-monitor/2016/06 Moscow's return"), safe_name("Café 1"), safe_name("con")
    ('al-monitor-2016-06-Moscow-s-return', 'Cafe-1', 'con_')
    >>> safe_name("Москва")
    'id-eb63f79a2297'
    """
    ascii_text = unicodedata.normalize("NFKD", identifier).encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_text).strip("-._")[:100].rstrip("-._")
    if not re.search(r"[A-Za-z0-9]", name):
        return "id-" + hashlib.sha256(identifier.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return name + "_" if name.split(".")[0].upper() in _RESERVED else name


def check_columns(table: Table, columns: dict[str, str | None]) -> None:
    """Raise one CorpusError naming every mapped column the table lacks, with those it has.

    Examples
    --------
    >>> from pathlib import Path
    >>> table = Table(Path("a.csv"), "a.csv", "csv", ["id", "Body"], [])
    >>> check_columns(table, {"id": "id", "text": "body"})
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.CorpusError: a.csv, field 'body': there is no column 'body' (given as \
text=); the table's columns are 'id', 'Body'. Fix: pass the name of the column that holds the \
text; perhaps text='Body'.
    """
    problems = []
    have = ", ".join(map(repr, table.columns)) or "none"
    for parameter, column in columns.items():
        if column is not None and column not in table.columns:
            near = difflib.get_close_matches(column, table.columns, n=1, cutoff=0.6)
            hint = f"; perhaps {parameter}={near[0]!r}" if near else ""
            problems.append(Problem(table.label, f"there is no column {column!r} (given as"
                                    f" {parameter}=); the table's columns are {have}",
                                    f"pass the name of the column that holds the {parameter}"
                                    f"{hint}", column))
    if problems:
        raise CorpusError(problems)


def _as_text(value: Any, encoding: str) -> tuple[str, str]:
    """A cell as text, and what is wrong with it (``""`` if nothing)."""
    if value is None or isinstance(value, str):
        return value or "", ""
    if isinstance(value, bool) or not isinstance(value, int | datetime.date | bytes):
        shown = repr(value) if len(repr(value)) < 40 else repr(value)[:37] + "..."
        return "", f"the value is {type(value).__name__} {shown}, not text"
    if isinstance(value, bytes):
        try:
            return value.decode(encoding), ""
        except UnicodeDecodeError as err:
            return "", (f"the bytes are not {encoding}: byte 0x{value[err.start]:02X} at offset"
                        f" {err.start} of the cell cannot be decoded")
    return value.isoformat() if isinstance(value, datetime.date) else str(value), ""


def _text_problem(text: str, raw: Any) -> str:
    if raw is None:
        return "the text is missing"
    if not text:
        return "the text is empty"
    if not text.strip():
        return f"the text holds only white space ({len(text)} characters)"
    if "\x00" in text:
        return f"the text holds a NUL character (at character {text.index(chr(0))}): binary data?"
    lone = re.search("[\ud800-\udfff]", text)
    if lone:
        return (f"the text holds half of a surrogate pair (U+{ord(lone[0]):04X} at character"
                f" {lone.start()}), which UTF-8 cannot store; the JSON \\u escape of an emoji"
                " needs both halves")
    if text.startswith("\ufeff"):
        return ("the text starts with a byte-order mark (U+FEFF), which newscorpus drops when"
                " it reads a file, so the corpus would not hold the text as it is")
    if text.startswith(_BINARY_STARTS):
        return f"the text starts with {text[:4]!r}, so newscorpus would take its file for binary"
    return ""


def _collisions(table: Table, ids: dict[int, str]) -> dict[int, list[Problem]]:
    """Problems of rows whose id repeats, or whose safe file name another id also gets."""
    out: dict[int, list[Problem]] = defaultdict(list)
    by_id: dict[str, list[int]] = defaultdict(list)
    for number, identifier in ids.items():
        by_id[identifier].append(number)
    by_name: dict[str, list[str]] = defaultdict(list)
    for identifier, numbers in by_id.items():
        if len(numbers) > 1:
            for number in numbers:
                others = ", ".join(str(n) for n in numbers if n != number)
                out[number].append(Problem("", f"the id {identifier!r} is also the id of row"
                                           f"{'s' if len(numbers) > 2 else ''} {others}",
                                           "give each article its own id, or remove the"
                                           " repeated row"))
        else:
            by_name[safe_name(identifier).lower()].append(identifier)
    for clash in (group for group in by_name.values() if len(group) > 1):
        for identifier in clash:
            others = "; ".join(f"{other!r} (row {by_id[other][0]})" for other in clash
                               if other != identifier)
            out[by_id[identifier][0]].append(Problem(
                "", f"the id {identifier!r} becomes the file name '{safe_name(identifier)}.txt',"
                f" which the id {others} also becomes (file names keep only letters, digits,"
                " '.', '_' and '-', and ignore case)", "make the ids differ in their letters or"
                " digits"))
    return out


def check_rows(table: Table, columns: dict[str, str | None], *, date_format: str | None,
               kind: str, encoding: str) -> tuple[list[Document], list[tuple[Row, Problem]]]:
    """Check every row; return the good rows' documents and every ``(row, problem)``.

    ``columns`` maps the parameters of :data:`FIELDS` to column names (``None``: not given).
    Every problem names the row, its line and id, and the column.

    Examples
    --------
    >>> from pathlib import Path
    >>> rows = [Row(1, 2, {"id": "a/1", "text": "Lavrov met Kerry."}),
    ...         Row(2, 3, {"id": "a 1", "text": "Talks resumed."})]
    >>> table = Table(Path("t.csv"), "t.csv", "csv", ["id", "text"], rows)
    >>> good, bad = check_rows(table, {"id": "id", "text": "text"}, date_format=None,
    ...                        kind="article", encoding="utf-8")
    >>> good, [str(problem)[:62] for _, problem in bad]
    ([], ["t.csv row 1 (line 2) (id 'a/1'), field 'id': the id 'a/1' beco", \
"t.csv row 2 (line 3) (id 'a 1'), field 'id': the id 'a 1' beco"])
    """
    found: dict[int, list[Problem]] = defaultdict(list)
    ids: dict[int, str] = {}
    documents = []
    for row in table.rows:
        found[row.number] += row.problems
        if row.problems:
            continue
        cells = {}
        for parameter, column in columns.items():
            if column is None:
                continue
            value = row.values.get(column)
            cells[parameter], wrong = _as_text(value, encoding)
            if parameter == "text" and not isinstance(value, str | bytes | None):
                wrong = wrong or f"the value is {type(value).__name__} {value!r}, not text"
            if wrong:
                found[row.number].append(Problem("", wrong, f"write the {parameter} as text",
                                                 column))
        identifier = cells.get("id", "").strip()
        if not identifier:
            found[row.number].append(Problem("", "the id is empty", "give every article an"
                                             " id", columns["id"] or ""))
        else:
            ids[row.number] = identifier
        text = cells.get("text", "")
        if not any(p.field == columns["text"] for p in found[row.number]):
            wrong = _text_problem(text, row.values.get(columns["text"] or ""))
            if wrong:
                found[row.number].append(Problem("", wrong, "add the article's text, or remove"
                                                 " the row", columns["text"] or ""))
        metadata = {field: " ".join(cells.get(parameter, "").split())
                    for parameter, field in FIELDS.items() if field not in ("doc_id", "text")}
        notes = [f"Imported from {table.label} row {row.number}"]
        try:
            published, precision, note = to_published(cells.get("date", ""), date_format)
            metadata.update(published=published, date_precision=precision)
            notes += [note] if note else []
        except ValueError as err:
            found[row.number].append(Problem("", err.args[0], err.args[1], columns["date"] or ""))
        url = urlparse(metadata["url"])
        if metadata["url"] and not (url.scheme in ("http", "https") and url.netloc):
            found[row.number].append(Problem("", f"the url {metadata['url']!r} is not an http(s)"
                                             " address", "write the full address, starting"
                                             " with https:// or http://, or leave it empty",
                                             columns["url"] or ""))
        if identifier and safe_name(identifier) != identifier:
            notes.append(f"doc_id made from the id {identifier!r}, which is not a file name")
        metadata.update(doc_id=safe_name(identifier) if identifier else "", kind=kind,
                        notes="; ".join(notes) + ".", source_id=identifier,
                        source_row=str(row.number))
        metadata["file"] = f"{metadata['doc_id']}.txt"
        documents.append(Document(row, text, metadata))
    for number, problems in _collisions(table, ids).items():
        found[number] += [Problem(p.where, p.message, p.fix, columns["id"] or "")
                          for p in problems]
    rows = {row.number: row for row in table.rows}
    located = []
    for number in sorted(found):
        row = rows[number]
        identifier = ids.get(number) or str(row.values.get(columns["id"] or "") or "").strip()
        where = table.where(row) + (f" (id {identifier!r})" if identifier else "")
        located += [(row, Problem(where, p.message, p.fix, p.field) if not p.where else p)
                    for p in found[number]]
    bad = {number for number, problems in found.items() if problems}
    return [doc for doc in documents if doc.row.number not in bad], located
