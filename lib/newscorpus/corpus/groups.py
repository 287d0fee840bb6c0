"""Views that fit the corpus: each document while there are few, groups of documents beyond.

Every notebook tells its story at the level its corpus allows. With at most ``max_documents``
documents (a parameter, 12 by default) it shows each document; with more, it shows groups of
documents (``group_by``: a period, the outlet, the kind, or any column of ``documents.csv``),
as distributions and top-k lists, plus a few example documents drawn with a fixed seed or
named by the reader. Every group label says how many documents stand behind it, and a column
with more than ``max_groups`` values keeps its largest groups and pools the rest, so no table
or figure grows with the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from newscorpus.base.checks import check_int, fail
from newscorpus.corpus.describe import assign_periods

__all__ = ["OTHER", "document_groups", "example_documents", "group_label", "group_sizes",
           "per_document"]

#: The label of the groups pooled beyond ``max_groups``.
OTHER = "(other groups)"


def per_document(n_documents: int, max_documents: int) -> bool:
    """Whether a corpus of ``n_documents`` is shown document by document.

    Examples
    --------
    >>> per_document(5, 12), per_document(800, 12)
    (True, False)
    """
    return int(n_documents) <= check_int(max_documents, "max_documents", 1)


def group_label(name: object, n: int, unit: str = "document") -> str:
    """A group's label with the number of documents behind it.

    Examples
    --------
    >>> group_label("2017-18", 1, "article"), group_label("Al-Monitor", 12)
    ('2017-18 (1 article)', 'Al-Monitor (12 documents)')
    """
    return f"{name} ({n:,} {unit}{'' if n == 1 else 's'})"


def document_groups(docs: pd.DataFrame, by: str, *, periods: Mapping[str, object] | None = None,
                    max_groups: int = 12, parameter: str = "group_by") -> pd.Series:
    """Return the group of each document (indexed like ``docs``), the small ones pooled.

    Parameters
    ----------
    docs : DataFrame
        One row per document (``documents.csv``), with the column ``by``.
    by : str
        A column of ``docs``, or ``"period"`` to group by the ``periods`` parameter.
    periods : mapping, optional
        Period label to ``[first, last]``, needed when ``by`` is ``"period"`` and ``docs``
        has no ``period`` column (see :func:`newscorpus.corpus.describe.assign_periods`).
    max_groups : int
        Keep the largest groups (ties by name) and pool the others as :data:`OTHER`.
    parameter : str
        The parameter named when ``by`` is not a column.

    Returns
    -------
    Series of str
        The group of each document; empty values are shown as ``(none)``. The order of the
        groups (largest first, or periods in their order) is in ``attrs["order"]``.

    Examples
    --------
    >>> docs = pd.DataFrame({"outlet": ["A", "B", "A", "C", ""]})
    >>> groups = document_groups(docs, "outlet", max_groups=3)
    >>> groups.tolist(), groups.attrs["order"]
    (['A', '(other groups)', 'A', '(other groups)', '(none)'], ['A', '(none)', '(other groups)'])
    """
    max_groups = check_int(max_groups, "max_groups", 1)
    if by == "period" and (periods is not None or "period" not in docs.columns):
        if periods is None:
            raise fail(parameter, "grouping by period needs the periods parameter",
                       "pass periods, or group by a column of documents.csv")
        values = assign_periods(docs, periods).astype("str")
        order = [*periods, *sorted(set(values) - set(periods))]
    elif by not in docs.columns:
        raise fail(parameter, f"{by!r} is not a column of the document table (it has "
                   f"{', '.join(map(str, docs.columns))})",
                   "use period or one of those columns")
    else:
        values = docs[by].astype("string").fillna("").astype("str")
        order = None
    values = values.where(values.str.strip() != "", "(none)")
    sizes = values.value_counts()
    if order is None:
        order = sorted(sizes.index, key=lambda g: (-sizes[g], g))
    else:
        order = [g for g in order if g in sizes.index]
    if len(order) > max_groups:
        keep = set(sorted(order, key=lambda g: (-sizes[g], order.index(g)))[:max_groups - 1])
        values = values.where(values.isin(keep), OTHER)
        order = [g for g in order if g in keep] + [OTHER]
    out = pd.Series(values.to_numpy(), index=docs.index, name=by, dtype="str")
    out.attrs["order"] = order
    return out


def example_documents(doc_ids: Iterable[str], k: int = 3, *, seed: int = 0,
                      chosen: Sequence[str] = ()) -> list[str]:
    """Return the documents to show as examples: ``chosen`` if given, else ``k`` drawn.

    The draw is reproducible: the same ids, ``k`` and ``seed`` give the same examples, in the
    order the ids were given.

    Raises
    ------
    ParameterError
        If a chosen id is not one of ``doc_ids``.

    Examples
    --------
    >>> example_documents([f"d{i}" for i in range(100)], 3, seed=0)
    ['d51', 'd63', 'd83']
    >>> example_documents(["a", "b"], chosen=["b"])
    ['b']
    """
    ids = list(doc_ids)
    if chosen:
        unknown = [d for d in chosen if d not in set(ids)]
        if unknown:
            raise fail("examples", f"{', '.join(map(repr, unknown))} is not a doc_id of the "
                       "corpus", "name documents listed in metadata.csv, or leave examples "
                       "empty to draw some")
        return list(chosen)
    k = min(check_int(k, "k", 0), len(ids))
    picked = np.random.default_rng(seed).choice(len(ids), size=k, replace=False)
    return [ids[i] for i in sorted(picked)]


def group_sizes(docs: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Return how many documents, words and characters each group holds, in group order.

    Parameters
    ----------
    docs : DataFrame
        One row per document: ``doc_id``, and ``text`` or ``characters``.
    groups : Series
        :func:`document_groups`, indexed by ``doc_id``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["x" * 10, "y" * 30, "z"]})
    >>> groups = pd.Series(["A", "B", "A"], index=["a", "b", "c"], name="outlet")
    >>> group_sizes(docs, groups)
      outlet  documents  share  characters
    0      A          2  0.667          11
    1      B          1  0.333          30
    """
    chars = docs["characters"] if "characters" in docs else docs["text"].str.len()
    frame = pd.DataFrame({"group": docs["doc_id"].map(groups).to_numpy(),
                          "characters": chars.to_numpy()})
    out = frame.groupby("group", sort=False).agg(documents=("group", "size"),
                                                 characters=("characters", "sum"))
    order = [g for g in groups.attrs.get("order", sorted(out.index)) if g in out.index]
    out = out.reindex(order)
    out.insert(1, "share", (out["documents"] / out["documents"].sum()).round(3))
    return out.rename_axis(groups.name or "group").reset_index()
