"""Term and document frequencies as counts that add up over parts of a corpus.

:func:`term_counts` of parts of whole documents, added up by :func:`frequencies_from_counts`,
give :func:`~newscorpus.keywords.counts.frequencies` of the whole; :func:`document_counts`
added up by :func:`document_frequency_from_counts` give in how many documents each term
occurs. The Dask backend's aggregates (:mod:`newscorpus.scale.aggregates`) and notebook 02's
pass (:mod:`newscorpus.keywords.passes`) are built on them.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from newscorpus.keywords.counts import frequencies, rate_and_rank

__all__ = ["document_counts", "document_frequency_from_counts", "frequencies_from_counts",
           "term_counts"]


def term_counts(tokens: pd.DataFrame, by: Sequence[str], n=(1, 1), drop_stop: bool = True,
                column: str = "term") -> pd.DataFrame:
    """Counts per group and term, and each group's words as a row without a term (``by``,
    ``term``, ``count``, ``words``), so one grouped sum adds up both.

    Examples
    --------
    >>> tokens = pd.DataFrame({"doc_id": "a", "sentence_id": 1, "position": [0, 1],
    ...                        "term": ["russia", "the"], "stop": [False, True], "g": "x"})
    >>> term_counts(tokens, ["g"])
       g    term  count  words
    0  x  russia      1      0
    1  x     NaN      0      2
    """
    by = list(by)
    counts = frequencies(tokens, by=by, n=n, drop_stop=drop_stop, column=column)
    counts = counts[[*by, "term", "count"]].assign(words=0)
    words = tokens.groupby(by, sort=False, dropna=False).size().rename("words")
    words = words.reset_index().assign(term=pd.NA, count=0)
    return pd.concat([counts, words[[*by, "term", "count", "words"]].astype(
        {"term": counts["term"].dtype})], ignore_index=True)


def frequencies_from_counts(partials: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """The :func:`~newscorpus.keywords.counts.frequencies` table from :func:`term_counts` of
    parts (concatenated, pandas)."""
    by = list(by)
    summed = (partials.groupby([*by, "term"], sort=False, dropna=False)[["count", "words"]]
              .sum().reset_index())
    words = summed[summed["term"].isna()][[*by, "words"]]
    counts = summed[summed["term"].notna()][[*by, "term", "count"]]
    return rate_and_rank(counts, words, by)


def document_counts(tokens: pd.DataFrame, by: Sequence[str] = (), n=(1, 1),
                    drop_stop: bool = True, column: str = "term") -> pd.DataFrame:
    """In how many of these documents each term occurs, per group (``by``, ``term``,
    ``documents``)."""
    keys = list(dict.fromkeys(["doc_id", *by]))
    per_doc = frequencies(tokens, by=keys, n=n, drop_stop=drop_stop, column=column)
    return (per_doc.groupby([*by, "term"], sort=False, dropna=False).size()
            .rename("documents").reset_index())


def document_frequency_from_counts(partials: pd.DataFrame, by: Sequence[str] = ()
                                   ) -> pd.DataFrame:
    """:func:`document_counts` of parts (concatenated) added up: ``by``, ``term``,
    ``documents``, sorted by group, ``documents`` (highest first) and term."""
    by = list(by)
    table = (partials.groupby([*by, "term"], sort=False, dropna=False)["documents"].sum()
             .reset_index())
    return table.sort_values([*by, "documents", "term"],
                             ascending=[True] * len(by) + [False, True],
                             kind="stable").reset_index(drop=True).astype({"documents": "int64"})
