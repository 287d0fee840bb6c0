"""Measure documents: lengths in characters, words and sentences, and their dates.

Each measure is a function of one document; corpus tables are built by applying it row by row,
so the same code can run partition by partition.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from newscorpus.base.errors import ParameterError, Problem
from newscorpus.base.sentences import sentence_spans
from newscorpus.base.words import tokenize

__all__ = ["MANY_OUTLETS", "NO_DATE", "OUTSIDE", "UNKNOWN_OUTLET", "assign_periods",
           "document_lengths", "parse_periods", "text_lengths", "timeline_table"]

UNKNOWN_OUTLET = "(outlet not known)"
MANY_OUTLETS = "(many outlets)"
NO_DATE = "(no date)"
OUTSIDE = "(outside the periods)"

_BOUND_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_PERIODS_FIX = ("write periods as a mapping from a label to [first, last], each a year, a month "
                "or a day, e.g. {'2015-16': ['2015', '2016'], '2018': ['2018-01', '2018-12']}")


def text_lengths(text: str) -> dict[str, int]:
    """Return the length of one text in characters, words and sentences.

    Words are :func:`newscorpus.base.words.tokenize` tokens; sentences are
    :func:`newscorpus.base.sentences.sentence_spans` spans.

    Examples
    --------
    >>> text_lengths("Mr. Putin spoke. The U.S. did not reply.")
    {'characters': 40, 'words': 8, 'sentences': 2}
    """
    return {
        "characters": len(text),
        "words": len(tokenize(text)),
        "sentences": len(sentence_spans(text)),
    }


def document_lengths(docs: pd.DataFrame) -> pd.DataFrame:
    """Return one row per document: ``doc_id``, ``characters``, ``words``, ``sentences``.

    Parameters
    ----------
    docs : pandas.DataFrame
        A corpus as returned by :func:`newscorpus.corpus.validate.load_corpus` (columns ``doc_id``
        and ``text`` are used).

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["One. Two.", "Three words here"]})
    >>> document_lengths(docs)
      doc_id  characters  words  sentences
    0      a           9      2          2
    1      b          16      3          1
    """
    pairs = zip(docs["doc_id"], docs["text"], strict=True)
    rows = [{"doc_id": doc_id, **text_lengths(text)} for doc_id, text in pairs]
    return pd.DataFrame(rows, columns=["doc_id", "characters", "words", "sentences"])


def timeline_table(docs: pd.DataFrame) -> pd.DataFrame:
    """Return the dates of each document for a timeline, earliest first.

    Columns: ``doc_id``, ``outlet`` (when empty: ``"(many outlets)"`` for a snippet aggregate,
    else ``"(outlet not known)"``), ``kind``, ``published``
    (as written), ``date_precision``, ``date_start`` and ``date_end`` (first and last day the
    date can mean). Documents without a date are left out; count them with
    ``docs["published"].eq("").sum()``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", ""], "kind": ["article"] * 2,
    ...     "published": ["2016-06", ""], "date_precision": ["month", ""],
    ...     "date_start": pd.to_datetime(["2016-06-01", None]),
    ...     "date_end": pd.to_datetime(["2016-06-30", None])})
    >>> timeline_table(docs)[["doc_id", "outlet", "date_start", "date_end"]]
      doc_id outlet date_start   date_end
    0      a      X 2016-06-01 2016-06-30
    """
    cols = ["doc_id", "outlet", "kind", "published", "date_precision", "date_start", "date_end"]
    table = docs.loc[docs["date_start"].notna(), cols].copy()
    missing = table["outlet"].str.strip() == ""
    aggregate = table["kind"] == "snippet-aggregate"
    table.loc[missing & aggregate, "outlet"] = MANY_OUTLETS
    table.loc[missing & ~aggregate, "outlet"] = UNKNOWN_OUTLET
    table = table.sort_values(["date_start", "doc_id"], kind="stable")
    return table.reset_index(drop=True)


def _bound(value: object, *, last: bool, label: str) -> pd.Timestamp:
    text = str(value)
    if not _BOUND_RE.match(text):
        raise ParameterError(Problem("periods", f"period {label!r}: {text!r} is not a year "
                                     "(2015), a month (2015-09) or a day (2015-09-30)",
                                     _PERIODS_FIX, field="periods"))
    try:
        first = pd.Timestamp(text + {4: "-01-01", 7: "-01"}.get(len(text), ""))
    except ValueError:
        raise ParameterError(Problem("periods", f"period {label!r}: {text!r} is not a date",
                                     _PERIODS_FIX, field="periods")) from None
    if not last:
        return first
    step = {4: pd.DateOffset(years=1), 7: pd.DateOffset(months=1)}.get(len(text))
    return first + step - pd.Timedelta(days=1) if step else first


def parse_periods(periods: Mapping[str, object]) -> pd.DataFrame:
    """Check a ``periods`` parameter and return ``label``, ``first``, ``last`` (days).

    Each period is ``label: [first, last]``, where a bound is a year, a month or a day: a
    year as first bound means its first day, as last bound its last day. Periods may not overlap.

    Examples
    --------
    >>> parse_periods({"2015-16": ["2015", "2016-06"], "late": ["2016-07-01", "2024"]})
         label      first       last
    0  2015-16 2015-01-01 2016-06-30
    1     late 2016-07-01 2024-12-31
    """
    if not isinstance(periods, Mapping) or not periods:
        raise ParameterError(Problem("periods", f"expected a mapping of periods, got "
                                     f"{periods!r}", _PERIODS_FIX, field="periods"))
    rows = []
    for label, bounds in periods.items():
        if not isinstance(bounds, list | tuple) or len(bounds) != 2:
            raise ParameterError(Problem("periods", f"period {label!r} is {bounds!r}, not a "
                                         "pair [first, last]", _PERIODS_FIX, field="periods"))
        first = _bound(bounds[0], last=False, label=str(label))
        last = _bound(bounds[1], last=True, label=str(label))
        if first > last:
            raise ParameterError(Problem("periods", f"period {label!r} ends before it starts",
                                         _PERIODS_FIX, field="periods"))
        rows.append({"label": str(label), "first": first, "last": last})
    table = pd.DataFrame(rows).sort_values("first", kind="stable").reset_index(drop=True)
    overlap = table["first"].iloc[1:].to_numpy() <= table["last"].iloc[:-1].to_numpy()
    if overlap.any():
        k = int(overlap.argmax())
        raise ParameterError(Problem("periods", f"periods {table['label'][k]!r} and "
                                     f"{table['label'][k + 1]!r} overlap",
                                     "give each day to one period at most", field="periods"))
    return table


def assign_periods(docs: pd.DataFrame, periods: Mapping[str, object]) -> pd.Series:
    """Return each document's period label, by the last day its date can mean.

    A text cannot have been written before the last event it reports, so a document dated by
    a month, a range or a span of snippets belongs to the period holding its ``date_end``.
    Documents without a date get ``"(no date)"``; dates outside every period get
    ``"(outside the periods)"``.

    Parameters
    ----------
    docs : pandas.DataFrame
        Column ``date_end`` (dates or ``NaT``), as in ``documents.csv``.
    periods : mapping
        See :func:`parse_periods`.

    Examples
    --------
    >>> docs = pd.DataFrame({"date_end": pd.to_datetime(["2015-09-30", "2024-12-31", None,
    ...                                                  "2030-01-01"])})
    >>> assign_periods(docs, {"2015-16": ["2015", "2016"], "2019-24": ["2019", "2024"]}).tolist()
    ['2015-16', '2019-24', '(no date)', '(outside the periods)']
    """
    table = parse_periods(periods)
    labels = []
    for end in pd.to_datetime(docs["date_end"]):
        if pd.isna(end):
            labels.append(NO_DATE)
            continue
        inside = table[(table["first"] <= end) & (end <= table["last"])]
        labels.append(inside["label"].iloc[0] if len(inside) else OUTSIDE)
    return pd.Series(labels, index=docs.index, name="period", dtype=object)
