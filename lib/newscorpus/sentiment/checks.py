"""Argument checks and constants shared by the sentiment modules."""

from __future__ import annotations

import math
import os
from collections.abc import Iterable

import numpy as np
import pandas as pd

from newscorpus.base.errors import ParameterError, Problem

#: The scoring methods; the first is the default.
METHODS: tuple[str, ...] = ("news", "vader", "pattern")

#: Other names accepted for a method.
ALIASES: dict[str, str] = {"textblob": "pattern"}

#: Each method's label thresholds on ``compound`` (negative at or below, positive at or above):
#: VADER's documented ones, and for ``news`` those chosen on the development half of the
#: rated NYT snippets (:data:`newscorpus.sentiment.news_tone.THRESHOLDS`, divided by 4).
THRESHOLDS: dict[str, tuple[float, float]] = {"news": (-0.0225, -0.02), "vader": (-0.05, 0.05),
                                              "pattern": (-0.05, 0.05)}


#: The human classes on the rating scale (Hutto & Gilbert 2014): a mean rating at or below
#: -0.05 is negative, at or above 0.05 positive.
HUMAN_THRESHOLDS: tuple[float, float] = (-0.05, 0.05)

#: The three labels, in the order used in every table.
LABELS: tuple[str, ...] = ("negative", "neutral", "positive")


#: The columns :func:`score_texts` returns for each method.
SCORE_COLUMNS: dict[str, tuple[str, ...]] = {
    "news": ("neg", "neu", "pos", "compound", "rating"),
    "vader": ("neg", "neu", "pos", "compound"),
    "pattern": ("neg", "neu", "pos", "compound", "subjectivity"),
}


#: The columns that identify one scored unit, for each ``unit`` of :func:`score_sentences`.
UNIT_KEYS: dict[str, tuple[str, ...]] = {"sentence": ("doc_id", "sentence_id"),
                                         "paragraph": ("doc_id", "paragraph")}


def _check_method(method: str, parameter: str = "method") -> str:
    method = ALIASES.get(method, method)
    if method not in METHODS:
        raise ParameterError(Problem(
            f"parameter '{parameter}'", f"unknown sentiment method {method!r}",
            "use one of " + ", ".join(repr(m) for m in METHODS) + f" (default {METHODS[0]!r})"))
    return method


def _check_count(value, parameter: str, *, minimum: int = 1, none_ok: bool = False) -> int:
    if value is None and none_ok:
        return os.cpu_count() or 1
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise ParameterError(Problem(f"parameter '{parameter}'",
                                     f"expected a whole number of at least {minimum}, "
                                     f"got {value!r}", f"pass {parameter}={minimum} "
                                     "or more" + (" (None: all cores)" if none_ok else "")))
    return int(value)


def _check_unit(unit: str) -> str:
    if unit not in UNIT_KEYS:
        raise ParameterError(Problem("parameter 'unit'", f"unknown unit {unit!r}",
                                     "use 'sentence' or 'paragraph'"))
    return unit


def _check_seed(seed) -> int:
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ParameterError(Problem("parameter 'seed'", f"expected a whole number of at "
                                     f"least 0, got {seed!r}", "pass e.g. seed=0"))
    return int(seed)


def _check_thresholds(negative: float, positive: float) -> None:
    for name, value in (("negative", negative), ("positive", positive)):
        if isinstance(value, bool) or not isinstance(value, int | float | np.number) \
                or not math.isfinite(value):
            raise ParameterError(Problem(f"parameter '{name}'",
                                         f"expected a finite number, got {value!r}",
                                         "use e.g. negative=-0.05, positive=0.05"))
    if not negative < positive:
        raise ParameterError(Problem(
            "parameters 'negative' and 'positive'",
            f"the negative threshold ({negative}) must be below the positive one ({positive})",
            "pass negative < positive, e.g. negative=-0.05, positive=0.05 (VADER's defaults)"))


def _as_texts(texts, parameter: str = "texts") -> tuple[list[str], pd.Index | None]:
    if isinstance(texts, str):
        raise ParameterError(Problem(f"parameter '{parameter}'",
                                     "a single string was given, not a collection of texts",
                                     "wrap it in a list: [text]"))
    index = texts.index if isinstance(texts, pd.Series) else None
    values = texts.tolist() if isinstance(texts, pd.Series) else list(texts)
    bad = [(i, v) for i, v in enumerate(values) if not isinstance(v, str)]
    if bad:
        i, v = bad[0]
        raise ParameterError(Problem(
            f"parameter '{parameter}'", f"{len(bad)} item(s) are not text; the first, at "
            f"position {i}, is {v!r} ({type(v).__name__})",
            "drop or fill missing texts first, e.g. texts.dropna() or texts.fillna('')"))
    return values, index


def _check_columns(table: pd.DataFrame, columns: Iterable[str], parameter: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise ParameterError(Problem(f"parameter '{parameter}'",
                                     f"expected a DataFrame, got {type(table).__name__}",
                                     "pass a table such as the sentence table"))
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ParameterError(Problem(
            f"parameter '{parameter}'", "the table has no column " + ", ".join(
                repr(c) for c in missing) + f" (it has {', '.join(map(str, table.columns))})",
            "pass a table with these columns, or merge them in first (e.g. on doc_id)"))


def _paired(x, y, names: tuple[str, str], what: tuple[str, str],
            fix: str) -> tuple[np.ndarray, np.ndarray]:
    """Two equally long, non-empty arrays of numbers without NaN, or a ParameterError."""
    a, b = np.asarray(x, dtype=float).ravel(), np.asarray(y, dtype=float).ravel()
    where = f"parameters '{names[0]}' and '{names[1]}'"
    if len(a) != len(b) or not len(a):
        got = (f"{len(a)} and {len(b)} {what[0]}" if what[0] == what[1] else
               f"{len(a)} {what[0]} and {len(b)} {what[1]}")
        raise ParameterError(Problem(where, f"expected two equally long, non-empty inputs, "
                                     f"got {got}", fix))
    if np.isnan(a).any() or np.isnan(b).any():
        raise ParameterError(Problem(where, "some values are missing (NaN)",
                                     "drop those texts first"))
    return a, b


def _by_list(table: pd.DataFrame, by, parameter: str = "scored") -> list[str]:
    by = [] if by is None else [by] if isinstance(by, str) else list(by)
    _check_columns(table, by, parameter)
    return by


def _compound(table: pd.DataFrame, parameter: str) -> np.ndarray:
    _check_columns(table, ["compound"], parameter)
    try:
        values = table["compound"].to_numpy(dtype=float)
    except (TypeError, ValueError):
        raise ParameterError(Problem(f"parameter '{parameter}'", "the column 'compound' holds "
                                     "values that are not numbers", "score the texts with "
                                     "score_texts or score_sentences")) from None
    missing = int(np.isnan(values).sum())
    if missing:
        raise ParameterError(Problem(f"parameter '{parameter}'", f"the column 'compound' has "
                                     f"{missing} missing value(s)", "drop those rows first"))
    return values
