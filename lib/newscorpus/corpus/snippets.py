"""A snippet aggregate as what it is: many short texts from many pages, not one document.

A page of web-search snippets (``kind = snippet-aggregate``) pastes together text from many
outlets and years, usually without marking where one snippet ends. Counting it as one document
dated by its whole span would put 2015 events in a 2024 period and weigh a hundred sources as
one. So each of its sentences becomes a unit of its own (the aggregate does not mark snippet
boundaries; a sentence is the nearest thing), with the date the sentence itself states, if it
states a year. Articles keep their own document and date.

:func:`analysis_units` gives every sentence its unit: ``unit_id`` (the document, or the
aggregate's id with ``#`` and the sentence number), ``unit_kind`` and ``unit_year`` (the
document's year, or the latest year a snippet mentions, or nothing).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from newscorpus.base.checks import check_table

__all__ = ["AGGREGATE", "analysis_units", "stated_year"]

#: The kind of a document that gathers many snippets.
AGGREGATE = "snippet-aggregate"

_YEAR = re.compile(r"(?<![\d.,/-])(19[5-9]\d|20[0-4]\d)(?![\d,]|\.\d)")


def stated_year(text: str, *, earliest: int = 1950, latest: int = 2049) -> float:
    """The latest year a text mentions (1950-2049), or NaN if it mentions none.

    A text cannot have been written before the last year it reports, so the latest year
    mentioned is the closest a snippet comes to a date. Numbers inside larger numbers,
    decimals or ranges of digits are not years.

    Examples
    --------
    >>> stated_year("Russia intervened in September 2015 and stayed until December 2024.")
    2024.0
    >>> stated_year("On 17 August, US forces killed at least one Syrian soldier.")
    nan
    >>> stated_year("It sold 2015.5 tonnes and 12,2019 units.")
    nan
    """
    years = [int(y) for y in _YEAR.findall(text)]
    years = [y for y in years if earliest <= y <= latest]
    return float(max(years)) if years else float("nan")


def analysis_units(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Return ``sentences`` with the unit each belongs to: a document, or one snippet.

    Parameters
    ----------
    sentences : DataFrame
        ``doc_id``, ``sentence_id``, ``text`` (notebook 01's ``sentences.csv``).
    documents : DataFrame
        ``doc_id``, ``kind`` and ``date_end`` (notebook 00's ``documents.csv``).

    Returns
    -------
    DataFrame
        ``sentences`` with ``unit_id``, ``unit_kind`` (``article``, ``other`` or ``snippet``)
        and ``unit_year`` (the document's last possible year; for a snippet, the latest year
        it mentions, NaN if none).

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "s"], "kind": ["article", "snippet-aggregate"],
    ...                      "date_end": pd.to_datetime(["2016-06-03", "2024-12-31"])})
    >>> sents = pd.DataFrame({"doc_id": ["a", "s", "s"], "sentence_id": [1, 1, 2],
    ...                       "text": ["Moscow acted.", "In 2015 Russia intervened.",
    ...                                "Assad fell."]})
    >>> analysis_units(sents, docs)[["unit_id", "unit_kind", "unit_year"]]
      unit_id unit_kind  unit_year
    0       a   article     2016.0
    1     s#1   snippet     2015.0
    2     s#2   snippet        NaN
    """
    check_table(sentences, ["doc_id", "sentence_id", "text"], "sentences",
                "the cleaning notebook (sentences.csv)")
    check_table(documents, ["doc_id", "kind", "date_end"], "documents",
                "notebook 00 (documents.csv)")
    kind = sentences["doc_id"].map(documents.set_index("doc_id")["kind"]).fillna("other")
    year = sentences["doc_id"].map(pd.to_datetime(documents.set_index("doc_id")["date_end"])
                                   .dt.year)
    snippet = (kind == AGGREGATE).to_numpy()
    out = sentences.copy()
    out["unit_id"] = np.where(snippet, sentences["doc_id"].astype(str) + "#"
                              + sentences["sentence_id"].astype(str),
                              sentences["doc_id"].astype(str))
    out["unit_kind"] = np.where(snippet, "snippet", kind.replace("", "other"))
    stated = [stated_year(t) if s else np.nan for t, s in zip(sentences["text"], snippet,
                                                               strict=True)]
    out["unit_year"] = np.where(snippet, stated, year.astype(float))
    return out
