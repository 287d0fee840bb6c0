"""Measure documents: lengths in characters, words and sentences, and their dates.

Each measure is a function of one document; corpus tables are built by applying it row by row,
so the same code can run partition by partition.
"""

from __future__ import annotations

import pandas as pd

from newscorpus import resources

__all__ = ["document_lengths", "text_lengths", "timeline_table"]

UNKNOWN_OUTLET = "(outlet not known)"
MANY_OUTLETS = "(many outlets)"


def text_lengths(text: str) -> dict[str, int]:
    """Return the length of one text in characters, words and sentences.

    Words are :func:`newscorpus.resources.tokenize` tokens; sentences are
    :func:`newscorpus.resources.sentence_spans` spans.

    Examples
    --------
    >>> text_lengths("Mr. Putin spoke. The U.S. did not reply.")
    {'characters': 40, 'words': 8, 'sentences': 2}
    """
    return {
        "characters": len(text),
        "words": len(resources.tokenize(text)),
        "sentences": len(resources.sentence_spans(text)),
    }


def document_lengths(docs: pd.DataFrame) -> pd.DataFrame:
    """Return one row per document: ``doc_id``, ``characters``, ``words``, ``sentences``.

    Parameters
    ----------
    docs : pandas.DataFrame
        A corpus as returned by :func:`newscorpus.corpus.load_corpus` (columns ``doc_id`` and
        ``text`` are used).

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
