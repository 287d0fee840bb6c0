"""Reading ``metadata.csv``: its columns, its header and its rows, with every problem of form.

:func:`read_metadata` parses the file strictly (UTF-8, one header row, quoted fields) into its
header and ``(line, row)`` pairs; the checks of each row and its file are in
:mod:`~newscorpus.corpus.validate`.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus.base.errors import Problem
from newscorpus.base.paths import display
from newscorpus.corpus.files import NotRegularFile, decode_text, read_regular

__all__ = ["ADDED_COLUMNS", "METADATA_FILE", "OPTIONAL_COLUMNS", "REQUIRED_COLUMNS", "STR",
           "folder_label", "read_metadata"]

METADATA_FILE = "metadata.csv"
REQUIRED_COLUMNS: tuple[str, ...] = ("doc_id", "file")
OPTIONAL_COLUMNS: tuple[str, ...] = ("outlet", "title", "author", "published", "date_precision",
                                     "url", "kind", "sha256", "notes")
STR = pd.StringDtype("python", na_value=np.nan)  # the dtype of text columns: plain Python str
#: The columns load_corpus adds after the metadata (a metadata column may not take their names).
ADDED_COLUMNS: tuple[str, ...] = ("text", "path", "date_start", "date_end", "n_bytes", "format")


def folder_label(corpus_dir: Path) -> str:
    """Name the folder in messages: as given if relative, else from the project root or by name."""
    if not corpus_dir.is_absolute():
        return corpus_dir.as_posix()
    shown = display(corpus_dir)
    return corpus_dir.name if os.path.isabs(shown) else shown


def _delimiter(text: str) -> str:
    """The separator ``;``, tab or ``|`` when the first line names the required columns with it
    (and not with commas), else ``""``."""
    first = text.lstrip().split("\n", 1)[0]  # the header: the first line that is not blank
    names = {sep: {name.strip().strip('"') for name in first.split(sep)} for sep in ",;\t|"}
    if set(REQUIRED_COLUMNS) <= names[","]:
        return ""
    return next((sep for sep in ";\t|" if len(names[sep]) > 1
                 and names[sep] & set(REQUIRED_COLUMNS)), "")


def _check_header(header: list[str], where: str) -> tuple[list[Problem], list[Problem]]:
    """Problems (fatal) and warnings about the column names."""
    problems, warned, known = [], [], REQUIRED_COLUMNS + OPTIONAL_COLUMNS
    for name in sorted({c for c in header if header.count(c) > 1 or not c or c in ADDED_COLUMNS}):
        found = (f"{header.count(name)} columns are named '{name}'" if header.count(name) > 1
                 else "a column has no name" if not name
                 else f"the column '{name}' clashes with a column load_corpus adds")
        problems.append(Problem(where, found, "rename or remove the column"))
    for name in REQUIRED_COLUMNS:
        if name not in header:
            problems.append(Problem(where, f"the required column '{name}' is missing (the header"
                                    f" has {', '.join(map(repr, header))})",
                                    f"add a '{name}' column to the header row", name))
    near = {c.strip().lower(): c for c in header if c not in known}
    warned = [Problem(where, f"there is no column '{name}' (found '{near[name]}'; names must"
                      " match exactly)", f"rename the column to '{name}'", name)
              for name in OPTIONAL_COLUMNS if name in near]
    return problems, warned


def read_metadata(corpus_dir: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]],
                                              list[Problem], list[Problem]]:
    """Parse metadata.csv into its header and (line, row) pairs; the header is [] if unusable."""
    meta, where = corpus_dir / METADATA_FILE, f"{folder_label(corpus_dir)}/{METADATA_FILE}"
    columns = ",".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
    if not corpus_dir.is_dir():
        found = "is not a folder" if corpus_dir.exists() else "does not exist"
        return [], [], [Problem(folder_label(corpus_dir), f"the corpus folder {found} (looked for"
                                f" {corpus_dir.resolve()})", "pass the folder that holds"
                                f" {METADATA_FILE} and the text files, or a folder of .parquet"
                                " files with a doc_id and a text column")], []
    create = (f"create it with a header row naming the columns doc_id,file (and any of"
              f" {','.join(OPTIONAL_COLUMNS)}), then one row per document")
    try:
        text, problem = decode_text(read_regular(meta), where, where)
    except FileNotFoundError:
        return [], [], [Problem(where, "the file is missing (and the folder holds no .parquet "
                                "file either)", create + "; or put the corpus in the folder as "
                                ".parquet files with a doc_id and a text column")], []
    except NotRegularFile as err:
        text, problem = "", Problem(where, f"{METADATA_FILE} is {err.kind}, not "
                                    f"{'a' if err.kind == 'a folder' else 'a regular'} file",
                                    f"move the {err.kind[2:]} away and write {METADATA_FILE} as"
                                    " a file " + create.removeprefix("create it "))
    except OSError as err:
        text, problem = "", Problem(where, f"the file cannot be read ({err.strerror})",
                                    "make it readable")
    if problem or not text.strip():
        return [], [], [problem or Problem(where, "the file is empty", "write a header row"
                                           f" ({columns}), then one row per document")], []
    separator = _delimiter(text)
    if separator:
        shown = "tabs" if separator == "\t" else f"'{separator}'"
        line = text[:len(text) - len(text.lstrip())].count("\n") + 1  # the header's
        return [], [], [Problem(f"{where} line {line}",
                                f"{METADATA_FILE} uses {shown} between fields; newscorpus reads"
                                " commas", "write it with commas (CSV), e.g. re-export it as CSV"
                                " (in a spreadsheet: save as 'CSV UTF-8 (comma delimited)')")], []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header, rows, problems, previous, header_line = [], [], [], 0, 1
    try:
        for record in reader:
            line, previous = previous + 1, reader.line_num
            if record and not header:
                header, header_line = record, line
            elif record and len(record) != len(header):
                fix = ('wrap fields that contain commas in double quotes ("a, b")'
                       if len(record) > len(header) else "add the missing fields (a,,c)")
                problems.append(Problem(f"{where} line {line}", f"the row has {len(record)}"
                                        f" fields but the header has {len(header)}", fix))
            elif record:
                rows.append((line, dict(zip(header, record, strict=True))))
    except csv.Error as err:
        found = ("a quoted field that starts here is never closed" if "end of data" in str(err)
                 else f"the CSV cannot be parsed ({err})")
        problems.append(Problem(f"{where} line {previous + 1}", found, "close the quote; inside"
                                ' a quoted field, write a quote as two quotes ("")'))
    if not header:  # the header itself could not be parsed
        return [], [], problems, []
    fatal, warned = _check_header(header, f"{where} line {header_line}")
    if fatal:
        return [], [], fatal + problems, warned
    if not rows and not problems:
        problems.append(Problem(where, "the file lists no documents (it has only a header row)",
                                "add one row per document"))
    return header, rows, problems, warned
