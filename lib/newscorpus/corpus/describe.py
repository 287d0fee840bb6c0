"""Measure documents: lengths in characters, words and sentences, and their dates.

Each measure is a function of one document; corpus tables are built by applying it row by row,
so the same code can run partition by partition.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from newscorpus.base.errors import ParameterError, Problem
from newscorpus.base.parallel import map_chunks
from newscorpus.base.sentences import sentence_count
from newscorpus.base.words import tokenize

__all__ = ["MANY_OUTLETS", "NO_DATE", "OUTSIDE", "UNKNOWN_OUTLET", "assign_periods",
           "corpus_summary", "document_lengths", "parse_periods", "text_lengths", "timeline_counts",
           "timeline_table"]

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
    :func:`newscorpus.base.sentences.sentence_spans` spans (counted by
    :func:`~newscorpus.base.sentences.sentence_count`, which remembers the texts it counted:
    a corpus measured here and again before and after cleaning is split once).

    Examples
    --------
    >>> text_lengths("Mr. Putin spoke. The U.S. did not reply.")
    {'characters': 40, 'words': 8, 'sentences': 2}
    """
    return {
        "characters": len(text),
        "words": len(tokenize(text)),
        "sentences": sentence_count(text),
    }


def _lengths(texts) -> list[tuple[int, int, int]]:
    return [tuple(text_lengths(text).values()) for text in texts]


def _lengths_part(docs: pd.DataFrame) -> pd.DataFrame:
    """:func:`document_lengths` of a partition, in the worker's process (for Dask)."""
    return document_lengths(docs, workers=1)


def document_lengths(docs: pd.DataFrame, *, workers: int | None = 1, backend: str = "local",
                     scheduler: str = "", partition_mb: float = 16, dashboard: bool = False,
                     progress: bool = False) -> pd.DataFrame:
    """Return one row per document: ``doc_id``, ``characters``, ``words``, ``sentences``.

    Parameters
    ----------
    docs : DataFrame
        A corpus as returned by :func:`newscorpus.corpus.validate.load_corpus` (columns ``doc_id``
        and ``text`` are used): pandas, or the lazy Dask table of a Parquet corpus (counted
        partition by partition on the cluster with ``backend="dask"``; only the counts come back).
    workers : int or None
        Worker processes (``None`` or 0: every core); the result does not depend on it.
    backend, scheduler, partition_mb, dashboard, progress
        ``backend="dask"`` counts on a Dask cluster of ``workers`` processes (or the one at
        ``scheduler``), in partitions of about ``partition_mb`` MB of text
        (:func:`newscorpus.base.dask_backend.map_documents`); the table is the same.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["One. Two.", "Three words here"]})
    >>> document_lengths(docs)
      doc_id  characters  words  sentences
    0      a           9      2          2
    1      b          16      3          1
    """
    from newscorpus.base.dask_backend import check_backend, dask_client, is_dask, map_documents

    if check_backend(backend) == "dask" and is_dask(docs):  # a lazy Parquet corpus
        example = _lengths_part(pd.DataFrame({"doc_id": ["a"], "text": ["One."]}))
        lazy = docs[["doc_id", "text"]].map_partitions(_lengths_part, meta=example.iloc[:0],
                                                       enforce_metadata=False)
        with dask_client(scheduler, workers=workers, dashboard=dashboard) as client:
            table = client.compute(lazy).result()
        return table.reset_index(drop=True).astype(
            dict.fromkeys(["characters", "words", "sentences"], "int64"))
    if is_dask(docs):
        docs = docs.compute()
    if check_backend(backend) == "dask":
        parts = map_documents(_lengths_part, docs[["doc_id", "text"]], scheduler=scheduler,
                              workers=workers, partition_mb=partition_mb, progress=progress,
                              dashboard=dashboard)
        return pd.concat(parts, ignore_index=True).astype(
            dict.fromkeys(["characters", "words", "sentences"], "int64"))
    parts = map_chunks(_lengths, docs["text"].tolist(), workers=workers, chunk_size=200,
                       desc="lengths", unit="doc", weight=len)
    rows = [row for part in parts for row in part]
    table = pd.DataFrame(rows, columns=["characters", "words", "sentences"], dtype="int64")
    table.insert(0, "doc_id", docs["doc_id"].to_numpy())
    return table


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
    ends = pd.to_datetime(docs["date_end"]).to_numpy()
    firsts, lasts = table["first"].to_numpy(), table["last"].to_numpy()
    k = np.searchsorted(firsts, ends, side="right") - 1  # the last period starting by then
    inside = (k >= 0) & (ends <= lasts[np.clip(k, 0, None)])
    labels = np.where(inside, table["label"].to_numpy()[np.clip(k, 0, None)], OUTSIDE)
    labels = np.where(pd.isna(ends), NO_DATE, labels)
    return pd.Series(labels, index=docs.index, name="period", dtype=object)


def timeline_counts(timeline: pd.DataFrame, groups: pd.Series | None = None) -> pd.DataFrame:
    """Count documents per stretch of time (and per group): the timeline of a large corpus.

    A document counts in the month (or quarter, or year, whichever gives at most about 60
    stretches over the corpus's span) that holds the last day its date can mean.

    Parameters
    ----------
    timeline : DataFrame
        :func:`timeline_table` (``doc_id``, ``date_end``, ...).
    groups : Series, optional
        The group of each document, indexed by ``doc_id``
        (:func:`newscorpus.corpus.groups.document_groups` with ``doc_id`` as index).

    Returns
    -------
    DataFrame
        ``stretch`` (its first day), ``freq`` (``MS``, ``QS`` or ``YS``), ``group`` and
        ``documents``, one row per stretch and group with documents.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a", "b", "c"],
    ...                   "date_end": pd.to_datetime(["2016-01-05", "2016-01-20", "2016-03-01"])})
    >>> timeline_counts(t)
         stretch freq  group  documents
    0 2016-01-01   MS  (all)          2
    1 2016-03-01   MS  (all)          1
    """
    ends = pd.to_datetime(timeline["date_end"])
    span_months = 1 if ends.empty else (ends.max().year - ends.min().year) * 12 + 12
    freq = "MS" if span_months <= 60 else "QS" if span_months <= 180 else "YS"
    group = (timeline["doc_id"].map(groups).fillna("(none)") if groups is not None
             else pd.Series("(all)", index=timeline.index))
    stretch = ends.dt.to_period({"MS": "M", "QS": "Q", "YS": "Y"}[freq]).dt.start_time
    table = (pd.DataFrame({"stretch": stretch, "group": group.astype("str")})
             .groupby(["stretch", "group"], sort=True).size().rename("documents").reset_index())
    table.insert(1, "freq", freq)
    return table


def corpus_summary(docs: pd.DataFrame, lengths: pd.DataFrame | None = None) -> str:
    """One paragraph (Markdown) saying what the corpus holds: kinds, outlets, dates, words.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "kind": ["article", "snippet-aggregate"],
    ...     "outlet": ["Al-Monitor", ""],
    ...     "date_start": pd.to_datetime(["2016-06-03", "2015-09-01"]),
    ...     "date_end": pd.to_datetime(["2016-06-03", "2024-12-31"])})
    >>> print(corpus_summary(docs))
    **2 documents**: 1 article, 1 snippet-aggregate; 1 outlet named (Al-Monitor); dated from \
2015-09-01 to 2024-12-31.
    """
    kinds = docs["kind"].fillna("").replace("", "other").value_counts()
    kind_text = ", ".join(f"{n:,} {k}{'' if n == 1 else 's'}" for k, n in kinds.items())
    outlets = docs["outlet"].fillna("").replace("", np.nan).dropna().value_counts()
    top = ", ".join(str(o) for o in outlets.index[:5])
    outlet_text = (f"{len(outlets):,} outlet{'' if len(outlets) == 1 else 's'} named"
                   + (f" ({top}{', ...' if len(outlets) > 5 else ''})" if top else ""))
    dated = docs["date_start"].notna()
    date_text = (f"dated from {docs['date_start'].min():%Y-%m-%d} to "
                 f"{docs['date_end'].max():%Y-%m-%d}" if dated.any() else "no dates")
    if (~dated).any() and dated.any():
        date_text += f" ({int((~dated).sum()):,} without a date)"
    words = "" if lengths is None else f"; {int(lengths['words'].sum()):,} words as they arrived"
    return (f"**{len(docs):,} document{'' if len(docs) == 1 else 's'}**: {kind_text}; "
            f"{outlet_text}; {date_text}{words}.")
