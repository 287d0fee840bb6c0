"""Argument checks shared by the analysis modules: one message style, naming the parameter.

Each check raises :class:`~newscorpus.base.errors.ParameterError` with what was expected, what was
received and how to fix it, so a notebook user sees one sentence naming the parameter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from newscorpus.base.errors import ParameterError, Problem

READ_FIX = ("read the table with newscorpus.base.outputs.read_table, which keeps words such as "
             "'null' and 'NA' as text")


def fail(parameter: str, message: str, fix: str) -> ParameterError:
    return ParameterError(Problem(f"parameter '{parameter}'", message, fix))


def check_table(table: object, columns: Iterable[str], parameter: str,
                 made_by: str = "newscorpus.clean.segment.token_table") -> pd.DataFrame:
    """Refuse anything but a DataFrame holding ``columns`` (named in the message)."""
    if not isinstance(table, pd.DataFrame):
        raise fail(parameter, f"expected a pandas DataFrame, got {type(table).__name__}",
                    f"pass the table made by {made_by}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise fail(parameter, f"the table has no column {', '.join(map(repr, missing))} "
                    f"(it has {', '.join(map(str, table.columns)) or 'no columns'})",
                    f"pass the table made by {made_by}, with any grouping column merged on")
    return table


def check_text_column(table: pd.DataFrame, column: str, parameter: str) -> None:
    missing = table[column].isna()
    if missing.any():
        row = int(np.flatnonzero(missing.to_numpy())[0])
        raise fail(parameter, f"column '{column}' has {int(missing.sum())} missing values "
                    f"(first at row {row}), where every row should hold a word", READ_FIX)


def check_choice(value: object, choices: Sequence[str], parameter: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise fail(parameter, f"expected one of {', '.join(map(repr, choices))}, got {value!r}",
                    f"use one of {', '.join(choices)}")
    return value


def check_int(value: object, parameter: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise fail(parameter, f"expected a whole number of at least {minimum}, got {value!r}",
                    f"pass an int of {minimum} or more")
    return int(value)


def check_by(table: pd.DataFrame, by: str | Sequence[str], parameter: str = "by") -> list[str]:
    columns = [by] if isinstance(by, str) else list(by)
    if not columns or not all(isinstance(c, str) for c in columns):
        raise fail(parameter, f"expected a column name or a list of them, got {by!r}",
                    "pass for example by='doc_id' or by=('kind',)")
    unknown = [c for c in columns if c not in table.columns]
    if unknown:
        raise fail(parameter, f"the table has no column {', '.join(map(repr, unknown))} to "
                    f"group by (it has {', '.join(map(str, table.columns))})",
                    "merge the column onto the table first (e.g. tokens.merge(documents[['doc_id',"
                    " 'kind']], on='doc_id')) or group by one of its columns")
    return columns
