"""Which documents an analysis takes: kinds left out, and the document table without its text.

Both work on the pandas table of :func:`newscorpus.corpus.validate.load_corpus` and on the lazy
Dask one it gives for a Parquet corpus with ``backend="dask"``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from newscorpus.base.errors import ParameterError, Problem
from newscorpus.corpus.fields import KINDS

__all__ = ["document_metadata", "exclude_kinds"]


def exclude_kinds(docs: pd.DataFrame, kinds: Sequence[str] = ()) -> pd.DataFrame:
    """Return the documents whose ``kind`` is not one of ``kinds``, in their order.

    The ``exclude_kinds`` parameter of notebooks 00 and 01: ``["snippet-aggregate"]`` runs
    the collection on the articles alone. ``docs`` may be a lazy Dask DataFrame (a Parquet
    corpus), which stays lazy. Later notebooks read what these two wrote, so they
    follow.

    Raises
    ------
    ParameterError
        For a kind that is not one of :data:`KINDS`, or when no document is left.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "s"], "kind": ["article", "snippet-aggregate"]})
    >>> exclude_kinds(docs, ["snippet-aggregate"])["doc_id"].tolist()
    ['a']
    >>> exclude_kinds(docs, ["snippets"])
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: parameter 'exclude_kinds': 'snippets' is not a kind of \
document. Fix: use some of article, snippet-aggregate, other.
    """
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ParameterError([Problem("parameter 'exclude_kinds'", f"{k!r} is not a kind of "
                                      "document", f"use some of {', '.join(KINDS)}")
                              for k in unknown])
    kept = docs[~docs["kind"].isin(kinds)]
    lazy = type(docs).__module__.startswith("dask")
    if not lazy:
        kept = kept.reset_index(drop=True)
    if kinds and (len(kept.index) == 0 if lazy else kept.empty):
        raise ParameterError(Problem("parameter 'exclude_kinds'", f"excluding "
                                     f"{', '.join(kinds)} leaves no document",
                                     "exclude fewer kinds, or check the kind column of "
                                     "metadata.csv"))
    return kept


def document_metadata(docs) -> pd.DataFrame:
    """Every column of the document table ``docs`` but ``text``, and ``characters`` (the length
    of the text): a pandas table, one row per document in corpus order (computed in one pass
    when ``docs`` is a lazy Dask DataFrame, the text counted where it is read).

    Examples
    --------
    >>> document_metadata(pd.DataFrame({"doc_id": ["a"], "text": ["Long text."],
    ...                                 "kind": ["article"]})).values.tolist()
    [['a', 'article', 10]]
    """
    table = docs.assign(characters=docs["text"].str.len().astype("int64")).drop(
        columns=["text"])
    if type(table).__module__.startswith("dask"):
        table = table.compute()
    return table.reset_index(drop=True)
