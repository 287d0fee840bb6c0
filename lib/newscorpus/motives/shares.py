"""The share of sentences with each motive, per document or group, with intervals over documents.

A group's share of a label is the number of its sentences with the label over its sentences.
The sentences of one article are not independent draws; what a corpus samples, if anything, is
articles. So the interval of a share resamples **units** (an article with all its sentences,
or one snippet of a snippet aggregate: :func:`newscorpus.corpus.snippets.analysis_units`) by
:func:`newscorpus.base.stats.cluster_bootstrap`, and a group of fewer than
:data:`~newscorpus.base.stats.MIN_CLUSTERS` units gets none.

:func:`unit_groups` puts each sentence in its group. Grouped by ``period``, an article's
sentences take the period of its date; the snippets of an aggregate are never given the
aggregate's span: by default (``aggregate_over_time=False``) they are left out of a comparison
over time, and otherwise each snippet goes to the period of the year it states (none if it
states none). Grouped by any other column, a snippet keeps its document's group.
:func:`motive_shares` counts and bootstraps; :func:`comparison_note` says, from the table, which
groups are too small for a comparison.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from newscorpus.base.checks import check_table
from newscorpus.base.stats import MIN_CLUSTERS, cluster_bootstrap
from newscorpus.corpus.describe import assign_periods
from newscorpus.corpus.groups import example_documents, group_label
from newscorpus.motives.codebook import LABELS

__all__ = ["SHARE_COLUMNS", "comparison_note", "documents_to_show", "label_counts",
           "motive_shares", "share_label", "shares_from_units", "side_by_side", "unit_groups",
           "unit_partial"]

#: The columns of :func:`motive_shares`.
SHARE_COLUMNS = ["group", "group_label", "label", "documents", "snippets", "units", "sentences",
                 "matched", "share", "ci_low", "ci_high"]


def unit_groups(units: pd.DataFrame, groups: pd.Series, by: str, *,
                periods: Mapping[str, object] | None = None,
                aggregate_over_time: bool = False) -> pd.Series:
    """Return the group of each sentence (``None``: left out), indexed like ``units``.

    Parameters
    ----------
    units : DataFrame
        :func:`~newscorpus.corpus.snippets.analysis_units` of the sentences: ``doc_id``,
        ``unit_kind`` and ``unit_year``.
    groups : Series
        The group of each document, indexed by ``doc_id``
        (:func:`~newscorpus.corpus.groups.document_groups`).
    by : str
        What ``groups`` groups by; ``"period"`` is a comparison over time.
    periods : mapping, optional
        The periods (needed to date snippets when ``aggregate_over_time``).
    aggregate_over_time : bool
        Whether a snippet goes to the period of the year it states (else it is left out of a
        comparison over time).

    Examples
    --------
    >>> units = pd.DataFrame({"doc_id": ["a", "s", "s"], "unit_kind": ["article", "snippet",
    ...                       "snippet"], "unit_year": [2016.0, 2015.0, np.nan]})
    >>> groups = pd.Series({"a": "2015-16", "s": "2019-24"})
    >>> unit_groups(units, groups, "period").tolist()
    ['2015-16', None, None]
    >>> unit_groups(units, groups, "period", periods={"2015-16": ["2015", "2016"]},
    ...             aggregate_over_time=True).tolist()
    ['2015-16', '2015-16', None]
    >>> unit_groups(units, groups, "kind").tolist()
    ['2015-16', '2019-24', '2019-24']
    """
    check_table(units, ["doc_id", "unit_kind", "unit_year"], "units",
                "newscorpus.corpus.snippets.analysis_units")
    out = units["doc_id"].map(groups).astype(object)
    snippet = units["unit_kind"].eq("snippet")
    if by == "period" and snippet.any():
        out[snippet] = None
        if aggregate_over_time and periods:
            years = units.loc[snippet, "unit_year"]
            dated = years.dropna()
            ends = pd.DataFrame({"date_end": pd.to_datetime(
                [f"{int(y)}-12-31" for y in dated])}, index=dated.index)
            found = assign_periods(ends, periods) if len(ends) else pd.Series(dtype=object)
            found = found.where(~found.astype(str).str.startswith("("), None)
            out.loc[dated.index] = found.to_numpy()
    return out.where(out.notna(), None)


def share_label(name: object, documents: int, snippets: int, kind: str = "article") -> str:
    """A group's label with the documents (and snippets) behind it.

    Examples
    --------
    >>> share_label("2017-18", 1, 0), share_label("2015-16", 3, 12)
    ('2017-18 (1 article)', '2015-16 (3 articles, 12 snippets)')
    >>> share_label("snippets", 0, 186)
    'snippets (186 snippets)'
    """
    parts = ([f"{documents:,} {kind}{'' if documents == 1 else 's'}"] if documents else []) + (
        [f"{snippets:,} snippet{'' if snippets == 1 else 's'}"] if snippets else [])
    if not parts:
        return group_label(name, 0, kind)
    return f"{name} ({', '.join(parts)})"


def motive_shares(flags: pd.DataFrame, units: pd.DataFrame, groups: pd.Series, *,
                  order: Sequence[str] | None = None, labels: Sequence[str] = LABELS,
                  n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Return the share of sentences with each label, per group, with intervals over units.

    Parameters
    ----------
    flags : DataFrame
        :func:`~newscorpus.motives.motive_flags`: a bool column per label, one row per sentence.
    units : DataFrame
        The same sentences, in the same order, with ``doc_id``, ``unit_id`` and ``unit_kind``.
    groups : Series
        The group of each sentence (aligned with the rows; ``None`` leaves a sentence out), as
        :func:`unit_groups` gives.
    order : sequence of str, optional
        The groups in the order to list them (groups not in it follow, sorted).
    n_boot, seed : int
        Resamples and seed of :func:`~newscorpus.base.stats.cluster_bootstrap`.

    Returns
    -------
    DataFrame
        :data:`SHARE_COLUMNS`: per group and label, ``documents`` (articles and other
        documents, snippet aggregates not counted), ``snippets``, ``units`` (what is
        resampled), ``sentences``, ``matched``, ``share`` and the 95% interval (NaN with fewer
        than five units). ``kind`` of the label: "article" when every document is one.

    Examples
    --------
    >>> flags = pd.DataFrame({"a": [True, False, True], "b": [False, False, True]})
    >>> units = pd.DataFrame({"doc_id": ["d1", "d1", "d2"], "unit_id": ["d1", "d1", "d2"],
    ...                       "unit_kind": "article"})
    >>> groups = pd.Series(["x", "x", "y"])
    >>> motive_shares(flags, units, groups, labels=["a", "b"])[
    ...     ["group_label", "label", "matched", "sentences", "share", "ci_low"]]
         group_label label  matched  sentences  share  ci_low
    0  x (1 article)     a        1          2    0.5     NaN
    1  x (1 article)     b        0          2    0.0     NaN
    2  y (1 article)     a        1          1    1.0     NaN
    3  y (1 article)     b        1          1    1.0     NaN
    """
    return shares_from_units(unit_partial(flags, units, groups, labels=labels), order=order,
                             labels=labels, n_boot=n_boot, seed=seed)


def unit_partial(flags: pd.DataFrame, units: pd.DataFrame, groups: pd.Series, *,
                 labels: Sequence[str] = LABELS) -> pd.DataFrame:
    """Per group and unit: its document, kind, sentences and the sentences with each label.

    The partial aggregate of :func:`motive_shares` (arguments as there; sentences without a
    group are kept, with ``group`` ``None``): the rows of parts of a corpus that never split a
    document, stacked, give :func:`shares_from_units` what the whole gives. It has one row per
    unit (a document, or a snippet), not per sentence.

    Examples
    --------
    >>> flags = pd.DataFrame({"a": [True, False, True]})
    >>> units = pd.DataFrame({"doc_id": ["d1", "d1", "d2"], "unit_id": ["d1", "d1", "d2"],
    ...                       "unit_kind": "article"})
    >>> unit_partial(flags, units, pd.Series(["x", "x", None]), labels=["a"]).values.tolist()
    [['x', 'd1', 'd1', False, True, 2, 1], [None, 'd2', 'd2', False, True, 1, 1]]
    """
    check_table(flags, list(labels), "flags", "newscorpus.motives.motive_flags")
    check_table(units, ["doc_id", "unit_id", "unit_kind"], "units",
                "newscorpus.corpus.snippets.analysis_units")
    frame = pd.DataFrame({"group": np.asarray(groups, dtype=object),
                          "unit_id": units["unit_id"].to_numpy(),
                          "doc_id": units["doc_id"].to_numpy(),
                          "snippet": units["unit_kind"].eq("snippet").to_numpy(),
                          "article": units["unit_kind"].eq("article").to_numpy(),
                          "sentences": 1,
                          **{label: flags[label].to_numpy(dtype=bool).astype("int64")
                             for label in labels}})
    key = frame["group"].astype(str).where(frame["group"].notna(), "\0none")
    grouped = frame.groupby([key, frame["unit_id"]], sort=False)
    out = grouped.agg(group=("group", "first"), unit_id=("unit_id", "first"),
                      doc_id=("doc_id", "first"), snippet=("snippet", "first"),
                      article=("article", "first"), sentences=("sentences", "sum"),
                      **{label: (label, "sum") for label in labels})
    out = out.reset_index(drop=True).astype({"group": object})
    out["group"] = out["group"].where(out["group"].notna(), None)
    return out


def shares_from_units(per_unit: pd.DataFrame, *, order: Sequence[str] | None = None,
                      labels: Sequence[str] = LABELS, n_boot: int = 2000,
                      seed: int = 0) -> pd.DataFrame:
    """:func:`motive_shares` from its :func:`unit_partial` (units without a group left out)."""
    frame = per_unit[per_unit["group"].notna()]
    present = list(dict.fromkeys(frame["group"]))
    order = [g for g in (order or []) if g in present]
    order += sorted((g for g in present if g not in order), key=str)
    rows = []
    for group in order:
        part = frame[frame["group"] == group].sort_values("unit_id", kind="stable")
        whole = part[~part["snippet"].astype(bool)]
        docs = whole["doc_id"].nunique()
        kind = "article" if whole["article"].astype(bool).all() else "document"
        snippets = int(part.loc[part["snippet"].astype(bool), "sentences"].sum())
        counts = part["sentences"].to_numpy()
        sentences = int(counts.sum())
        name = share_label(group, docs, snippets, kind)
        for label in labels:
            matched = int(part[label].sum())
            low, high = cluster_bootstrap(part[label].to_numpy(), counts, n_boot=n_boot,
                                          seed=seed)
            rows.append((group, name, label, docs, snippets, len(part), sentences, matched,
                         matched / sentences, low, high))
    return pd.DataFrame(rows, columns=SHARE_COLUMNS)


def side_by_side(shares: pd.DataFrame, labels: Sequence[str] = LABELS) -> pd.DataFrame:
    """The shares as a wide table: one row per label, one column per group, in their order.

    Examples
    --------
    >>> shares = pd.DataFrame({"group_label": ["b (1 article)", "b (1 article)", "a (2 articles)",
    ...     "a (2 articles)"], "label": ["x", "y", "x", "y"], "share": [0.5, 0.0, 0.25, 0.1]})
    >>> side_by_side(shares, labels=["x", "y"])
      label  b (1 article)  a (2 articles)
    0     x            0.5            0.25
    1     y            0.0            0.10
    """
    columns = list(dict.fromkeys(shares["group_label"]))
    wide = shares.pivot(index="label", columns="group_label", values="share")
    wide = wide.reindex(index=[x for x in labels if x in wide.index], columns=columns)
    wide.columns.name = None
    return wide.rename_axis("label").reset_index()


def label_counts(flags: pd.DataFrame, units: pd.DataFrame,
                 labels: Sequence[str] = LABELS) -> pd.DataFrame:
    """Count, per label, the sentences with it and the documents and snippets they come from.

    Examples
    --------
    >>> flags = pd.DataFrame({"a": [True, True, False, True], "b": False})
    >>> units = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "s"],
    ...                       "unit_kind": ["article", "article", "article", "snippet"]})
    >>> label_counts(flags, units, labels=["a", "b"])
      label  sentences  documents  snippets
    0     a          3          1         1
    1     b          0          0         0
    """
    check_table(units, ["doc_id", "unit_kind"], "units",
                "newscorpus.corpus.snippets.analysis_units")
    snippet = units["unit_kind"].eq("snippet").to_numpy()
    rows = []
    for label in labels:
        found = flags[label].to_numpy(dtype=bool)
        rows.append((label, int(found.sum()),
                     units.loc[found & ~snippet, "doc_id"].nunique(),
                     int((found & snippet).sum())))
    return pd.DataFrame(rows, columns=["label", "sentences", "documents", "snippets"])


def documents_to_show(shares: pd.DataFrame, units: pd.DataFrame, groups: pd.Series,
                      doc_ids: Sequence[str], *, per_document: bool, max_documents: int,
                      k: int = 3, seed: int = 0, chosen: Sequence[str] = ()) -> list[str]:
    """The documents to show side by side: all of a small corpus, else those of small groups.

    In a corpus shown per document, every document. Otherwise the ``chosen`` examples if any,
    else the documents of the groups too small for an interval (fewer than
    :data:`~newscorpus.base.stats.MIN_CLUSTERS` units; at most ``max_documents``), else ``k``
    documents drawn with ``seed``.

    Examples
    --------
    >>> shares = pd.DataFrame({"group": ["x", "y"], "units": [2, 40]})
    >>> units = pd.DataFrame({"doc_id": ["a", "b", "c"]})
    >>> groups = pd.Series(["x", "x", "y"])
    >>> documents_to_show(shares, units, groups, ["a", "b", "c"], per_document=False,
    ...                   max_documents=1)
    ['a']
    """
    ids = list(doc_ids)
    if per_document:
        return ids
    if chosen:
        return example_documents(ids, k, seed=seed, chosen=chosen)
    small = set(shares.loc[shares["units"] < MIN_CLUSTERS, "group"])
    inside = set(units.loc[np.asarray(pd.Series(groups).isin(small)), "doc_id"])
    picked = [d for d in ids if d in inside][:max_documents]
    return picked or example_documents(ids, k, seed=seed)


def comparison_note(shares: pd.DataFrame, *, by: str, min_units: int = MIN_CLUSTERS) -> str:
    """Say, from a table of shares, whether its groups can be compared, and why not.

    Returns Markdown: which groups hold fewer than ``min_units`` units (so no interval and no
    comparison), or that every group has an interval.

    Examples
    --------
    >>> shares = pd.DataFrame({"group": ["a", "b"], "group_label": ["a (1 article)",
    ...                        "b (3 articles)"], "units": [1, 3], "label": "x"})
    >>> print(comparison_note(shares, by="period"))
    Every period holds fewer than 5 units (a (1 article); b (3 articles)), so **no comparison \
between periods is possible**: a difference between them is a difference between the \
documents shown side by side, not between periods.
    """
    check_table(shares, ["group", "group_label", "units"], "shares",
                "newscorpus.motives.shares.motive_shares")
    if shares.empty:
        return "No sentence falls in any group, so there is nothing to compare."
    first = shares.drop_duplicates("group")
    small = first[first["units"] < min_units]
    if len(first) == 1:
        return (f"There is one {by} only ({first['group_label'].iloc[0]}), so there is nothing "
                "to compare it with.")
    if small.empty:
        return (f"Every {by} holds at least {min_units} units, so each share has a 95% "
                "interval that resamples units; read a difference between groups only where "
                "the intervals do not overlap.")
    listed = "; ".join(small["group_label"])
    if len(small) == len(first):
        return (f"Every {by} holds fewer than {min_units} units ({listed}), so **no comparison "
                f"between {by}s is possible**: a difference between them is a difference "
                f"between the documents shown side by side, not between {by}s.")
    return (f"{len(small)} of {len(first)} groups hold fewer than {min_units} units ({listed}):"
            f" they have no interval, and **no comparison involving them is possible**; their "
            "documents are shown side by side.")
