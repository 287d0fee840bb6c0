"""Counting words: n-grams, frequencies, TF-IDF and YAKE keyphrases, document by document.

Every function here takes the token table written by the cleaning notebook
(:func:`newscorpus.clean.segment.token_table`: ``doc_id, sentence_id, position, token, lower, stem,
term, stop``) and counts per document or per group. Counts are plain sums, so a table counted
per document and then summed per group equals the table counted per group: the corpus can be
processed in parts.

Conventions shared by the functions:

* ``column`` chooses the form counted: ``term`` (what the token table's parameters made it:
  lower-cased and/or stemmed), ``lower``, ``stem`` or ``token`` (as written).
* ``drop_stop=True`` leaves out the tokens flagged ``stop`` *before* n-grams are formed, as
  scikit-learn's vectorizers do, so "the bases of Russia" gives the bigram ``bases russia``.
  N-grams never run across a sentence.
* Ties are broken by the term, alphabetically, so outputs are stable from run to run.

:mod:`newscorpus.keywords.compare` compares frequency tables;
:mod:`newscorpus.keywords.concordance` finds collocations, keywords in context and dispersion;
:mod:`newscorpus.keywords.themes` counts a dictionary of motives.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from newscorpus.base.checks import (
    check_by,
    check_choice,
    check_int,
    check_table,
    check_text_column,
    fail,
)
from newscorpus.keywords.tokens import COLUMNS, _check_stop, _ordered

__all__ = ["frequencies", "ngrams", "tfidf", "tfidf_from_counts", "top_terms"]


# --- checks shared by the keyword modules -----------------------------------------------------


def _check_n(n: object) -> tuple[int, int]:
    """Return ``(lo, hi)`` from ``n``: one int, or a pair of ints with ``1 <= lo <= hi``."""
    pair = (n, n) if isinstance(n, int | np.integer) and not isinstance(n, bool) else n
    ok = (isinstance(pair, tuple | list) and len(pair) == 2
          and all(isinstance(k, int | np.integer) and not isinstance(k, bool) for k in pair)
          and 1 <= pair[0] <= pair[1])
    if not ok:
        raise fail("n", f"expected the n-gram sizes as (lo, hi) with 1 <= lo <= hi, got {n!r}",
                    "pass for example n=(1, 1) for words or n=(1, 2) for words and bigrams")
    return int(pair[0]), int(pair[1])


# --- choosing the tokens ----------------------------------------------------------------------


# --- n-grams and frequencies ------------------------------------------------------------------


def _grams(tokens: pd.DataFrame, n: object, drop_stop: bool, column: str,
           keep: Sequence[str] = ()) -> pd.DataFrame:
    """The n-gram table with the ``keep`` columns of each n-gram's tokens carried along."""
    lo, hi = _check_n(n)
    check_choice(column, COLUMNS, "column")
    needed = ["doc_id", "sentence_id", "position", column] + (["stop"] if drop_stop else [])
    check_table(tokens, dict.fromkeys(needed + list(keep)), "tokens")
    check_text_column(tokens, column, "tokens")
    table = _ordered(tokens)
    if drop_stop:
        table = table[~_check_stop(table)]
    carried = list(dict.fromkeys(["doc_id", "sentence_id", *keep]))
    # An n-gram may not cross a change of sentence or of a carried column: runs number them.
    codes = [pd.factorize(table[c], use_na_sentinel=False)[0] for c in carried]
    changed = np.zeros(len(table), dtype=bool)
    for code in codes:
        changed[1:] |= code[1:] != code[:-1]
    run = np.cumsum(changed)
    words = table[column].to_numpy(dtype=object)
    pieces = []
    for k in range(lo, hi + 1):
        m = len(words) - k + 1
        if m <= 0:
            continue
        ok = run[:m] == run[k - 1:]
        joined = words[:m][ok]
        for j in range(1, k):
            joined = joined + " " + words[j:m + j][ok]
        piece = table.iloc[np.flatnonzero(ok)][carried].reset_index(drop=True)
        piece["n"] = k
        piece["term"] = pd.array(list(joined), dtype="str")
        piece["_order"] = np.flatnonzero(ok)
        pieces.append(piece)
    if not pieces:
        return pd.DataFrame({c: table[c].iloc[:0] for c in carried}
                            | {"n": pd.Series([], dtype="int64"),
                               "term": pd.Series([], dtype="str")})
    out = pd.concat(pieces, ignore_index=True)
    # Reading order: document, sentence, then n, then position of the first word.
    first = out["_order"].to_numpy()
    out = out.iloc[np.lexsort((first, out["n"].to_numpy(), run[first]))]
    return out.drop(columns="_order").reset_index(drop=True).astype({"n": "int64"})


def ngrams(tokens: pd.DataFrame, n: int | tuple[int, int] = (1, 1), drop_stop: bool = True,
           column: str = "term") -> pd.DataFrame:
    """Return every n-gram of ``tokens``, one row each, formed within sentences.

    Parameters
    ----------
    tokens : DataFrame
        A token table (``doc_id``, ``sentence_id``, ``position``, the ``column`` counted and,
        with ``drop_stop``, ``stop``).
    n : int or (int, int)
        The n-gram sizes, from ``lo`` to ``hi`` words: ``(1, 1)`` words, ``(2, 2)`` bigrams,
        ``(1, 3)`` all three.
    drop_stop : bool
        Leave out stop words before forming n-grams (scikit-learn's convention, so the counts
        agree with :func:`tfidf` and with ``CountVectorizer(stop_words=...)``).
    column : {'term', 'lower', 'stem', 'token'}
        The token form joined into n-grams.

    Returns
    -------
    DataFrame
        ``doc_id``, ``sentence_id``, ``n`` (words in the n-gram) and ``term`` (its words joined
        by a space), in reading order: document, sentence, n, position.

    Raises
    ------
    ParameterError
        For a bad ``n`` or ``column``, or a token table without the columns needed.

    Examples
    --------
    >>> tokens = pd.DataFrame({"doc_id": "a", "sentence_id": [1, 1, 1, 1, 2],
    ...     "position": [0, 1, 2, 3, 0], "term": ["russia", "wants", "the", "base", "peace"],
    ...     "stop": [False, False, True, False, False]})
    >>> ngrams(tokens, n=(2, 2))["term"].tolist()
    ['russia wants', 'wants base']
    >>> ngrams(tokens, n=(2, 1))
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: parameter 'n': expected the n-gram sizes as (lo, hi) \
with 1 <= lo <= hi, got (2, 1). Fix: ...
    """
    return _grams(tokens, n, drop_stop, column)[["doc_id", "sentence_id", "n", "term"]]


def frequencies(tokens: pd.DataFrame, by: str | Sequence[str] = ("doc_id",),
                n: int | tuple[int, int] = (1, 1), drop_stop: bool = True,
                column: str = "term") -> pd.DataFrame:
    """Return how often each term (or n-gram) occurs in each group, per 10,000 words.

    Parameters
    ----------
    tokens : DataFrame
        A token table, with the ``by`` columns merged on when they are not its own
        (``tokens.merge(documents[["doc_id", "kind"]], on="doc_id")``).
    by : str or sequence of str
        The grouping columns: ``"doc_id"`` counts per document; ``("kind",)`` per kind.
    n, drop_stop, column
        As in :func:`ngrams`.

    Returns
    -------
    DataFrame
        The ``by`` columns, then ``term``, ``count``, ``words`` (the group's word tokens
        *including* stop words: the denominator of "per 10,000 words"), ``per_10k``
        (``count / words * 10000``) and ``rank`` (1 for the most frequent term of the group;
        equal counts are ranked alphabetically, so ranks are unique). Sorted by group, count
        (highest first) and term. A group whose words are all stop words has no rows.

    Raises
    ------
    ParameterError
        For an unknown ``by`` column, a bad ``n`` or ``column``, or a token table without the
        columns needed.

    Examples
    --------
    >>> tokens = pd.DataFrame({"doc_id": ["a"] * 4 + ["b"] * 2, "sentence_id": 1,
    ...     "position": [0, 1, 2, 3, 0, 1],
    ...     "term": ["russia", "and", "russia", "syria", "the", "syria"],
    ...     "stop": [False, True, False, False, True, False]})
    >>> frequencies(tokens)
      doc_id    term  count  words  per_10k  rank
    0      a  russia      2      4   5000.0     1
    1      a   syria      1      4   2500.0     2
    2      b   syria      1      2   5000.0     1
    """
    columns = check_by(check_table(tokens, [], "tokens"), by)
    grams = _grams(tokens, n, drop_stop, column, keep=columns)
    counts = (grams.groupby(columns + ["term"], sort=False, dropna=False)
              .size().rename("count").reset_index())
    words = tokens.groupby(columns, sort=False, dropna=False).size().rename("words").reset_index()
    return rate_and_rank(counts, words, columns)


def rate_and_rank(counts: pd.DataFrame, words: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The frequency table from its counts: ``count`` per group and term, ``words`` per group.

    Adds ``words``, ``per_10k`` and ``rank`` (1 for the most frequent term of its group), and
    sorts by group, count (highest first) and term. Shared by :func:`frequencies` and the Dask
    backend's partial counts (:func:`newscorpus.scale.aggregates.group_frequencies`).
    """
    table = counts.merge(words, on=columns, how="left")
    table["per_10k"] = table["count"] / table["words"] * 10_000
    table = table.sort_values(columns + ["count", "term"],
                              ascending=[True] * len(columns) + [False, True],
                              kind="stable", na_position="last").reset_index(drop=True)
    table["rank"] = table.groupby(columns, sort=False, dropna=False).cumcount() + 1
    return table.astype({"count": "int64", "words": "int64", "per_10k": "float64",
                         "rank": "int64"})


def top_terms(freq: pd.DataFrame, by: str | Sequence[str] = "doc_id", k: int = 10,
              score: str = "count") -> pd.DataFrame:
    """Return the ``k`` terms with the highest ``score`` in each group of a table.

    Parameters
    ----------
    freq : DataFrame
        A table with a ``term`` column, the ``score`` column and the ``by`` columns, such as
        :func:`frequencies` or :func:`tfidf` returns.
    by : str or sequence of str
        The grouping columns.
    k : int
        How many terms to keep per group.
    score : str
        The column ranked, highest first (``"count"``, ``"per_10k"``, ``"tfidf"``); ties are
        broken alphabetically by term.

    Returns
    -------
    DataFrame
        The rows kept, sorted by group, score (highest first) and term, with a fresh index.

    Examples
    --------
    >>> freq = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "term": ["x", "z", "y", "x"],
    ...                      "count": [1, 3, 1, 2]})
    >>> top_terms(freq, by="doc_id", k=2)
      doc_id term  count
    0      a    z      3
    1      a    x      1
    2      b    x      2
    """
    check_table(freq, ["term", score], "freq", "newscorpus.keywords.counts.frequencies")
    columns = check_by(freq, by)
    k = check_int(k, "k", 1)
    table = freq.sort_values(columns + [score, "term"],
                             ascending=[True] * len(columns) + [False, True],
                             kind="stable", na_position="last")
    return table.groupby(columns, sort=False, dropna=False).head(k).reset_index(drop=True)


def tfidf(tokens: pd.DataFrame, n: int | tuple[int, int] = (1, 1), drop_stop: bool = True,
          column: str = "term", by: str = "doc_id", *, norm: str | None = "l2",
          use_idf: bool = True, smooth_idf: bool = True,
          sublinear_tf: bool = False) -> pd.DataFrame:
    """Return TF-IDF weights of each term in each document (or group), from scikit-learn.

    The counts are those of :func:`frequencies` (same n-grams, same stop words); they are
    weighted by scikit-learn's ``TfidfTransformer`` with the options given, so the result
    equals ``TfidfVectorizer`` run on the same tokens. Each group of ``by`` is one "document"
    for the inverse document frequency.

    Parameters
    ----------
    tokens : DataFrame
        A token table (with the ``by`` column merged on if it is not its own).
    n, drop_stop, column
        As in :func:`ngrams`.
    by : str
        The column whose values are the documents (``"doc_id"``, or e.g. ``"outlet"`` to treat
        each outlet's texts as one document).
    norm, use_idf, smooth_idf, sublinear_tf
        Passed to ``sklearn.feature_extraction.text.TfidfTransformer`` (same defaults).

    Returns
    -------
    DataFrame
        ``<by>`` (``doc_id`` by default), ``term``, ``count``, ``tfidf`` and ``rank`` (1 for
        the highest weight in the document; ties ranked alphabetically). Sorted by document,
        weight (highest first) and term. Terms absent from a document have no row.

    Raises
    ------
    ParameterError
        For a bad ``norm``, ``by``, ``n`` or ``column``.

    Examples
    --------
    >>> tokens = pd.DataFrame({"doc_id": ["a", "a", "b"], "sentence_id": 1,
    ...     "position": [0, 1, 0], "term": ["russia", "base", "russia"], "stop": False})
    >>> tfidf(tokens).round(4)
      doc_id    term  count   tfidf  rank
    0      a    base      1  0.8148     1
    1      a  russia      1  0.5797     2
    2      b  russia      1  1.0000     1
    """
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfTransformer

    if norm not in ("l1", "l2", None):
        raise fail("norm", f"expected 'l1', 'l2' or None, got {norm!r}",
                    "use norm='l2' (scikit-learn's default), 'l1' or None")
    if not isinstance(by, str):
        raise fail("by", f"expected one column name, got {by!r}",
                    "pass by='doc_id' (or one other column, e.g. by='outlet')")
    (by,) = check_by(check_table(tokens, [], "tokens"), by)
    grams = _grams(tokens, n, drop_stop, column, keep=[by])
    counts = grams.groupby([by, "term"], sort=False, dropna=False).size().rename("count")
    counts = counts.reset_index()
    doc_codes, docs = pd.factorize(counts[by], sort=True, use_na_sentinel=False)
    term_codes, terms = pd.factorize(counts["term"], sort=True)
    matrix = sparse.csr_matrix((counts["count"].to_numpy(dtype="float64"),
                                (doc_codes, term_codes)), shape=(len(docs), len(terms)))
    weights = TfidfTransformer(norm=norm, use_idf=use_idf, smooth_idf=smooth_idf,
                               sublinear_tf=sublinear_tf).fit_transform(matrix).tocsr()
    counts["tfidf"] = np.asarray(weights[doc_codes, term_codes]).ravel()
    table = counts.sort_values([by, "tfidf", "term"], ascending=[True, False, True],
                               kind="stable", na_position="last").reset_index(drop=True)
    table["rank"] = table.groupby(by, sort=False, dropna=False).cumcount() + 1
    return table.astype({"count": "int64", "tfidf": "float64", "rank": "int64"})


# --- keyphrases -------------------------------------------------------------------------------




def tfidf_from_counts(counts: pd.DataFrame, document_frequency: pd.DataFrame,
                      n_documents: int, by: str = "doc_id", *, norm: str | None = "l2",
                      use_idf: bool = True, smooth_idf: bool = True,
                      sublinear_tf: bool = False) -> pd.DataFrame:
    """The :func:`tfidf` table of some documents, from counts that add up over parts of a corpus.

    ``counts`` holds the documents wanted (``by``, ``term``, ``count``: :func:`frequencies` by
    ``by``); ``document_frequency`` (``term``, ``documents``) and ``n_documents`` (those with at
    least one term counted) describe the whole corpus. The inverse document frequency is
    scikit-learn's (``ln((1 + n) / (1 + df)) + 1`` with ``smooth_idf``, ``ln(n / df) + 1``
    without), so the rows equal those of :func:`tfidf` on the whole corpus for these documents.

    Examples
    --------
    >>> counts = pd.DataFrame({"doc_id": ["a", "a"], "term": ["russia", "base"], "count": 1})
    >>> df = pd.DataFrame({"term": ["russia", "base"], "documents": [2, 1]})
    >>> tfidf_from_counts(counts, df, n_documents=2).round(4)
      doc_id    term  count   tfidf  rank
    0      a    base      1  0.8148     1
    1      a  russia      1  0.5797     2
    """
    from scipy import sparse
    from sklearn.preprocessing import normalize

    if norm not in ("l1", "l2", None):
        raise fail("norm", f"expected 'l1', 'l2' or None, got {norm!r}",
                    "use norm='l2' (scikit-learn's default), 'l1' or None")
    check_table(counts, [by, "term", "count"], "counts", "newscorpus.keywords.frequencies")
    check_table(document_frequency, ["term", "documents"], "document_frequency",
                "newscorpus.scale.aggregates.document_frequencies")
    counts = counts[[by, "term", "count"]].reset_index(drop=True)
    doc_codes, docs = pd.factorize(counts[by], sort=True, use_na_sentinel=False)
    term_codes, terms = pd.factorize(counts["term"], sort=True)
    tf = counts["count"].to_numpy(dtype="float64")
    if sublinear_tf:
        tf = np.log(tf) + 1.0
    if use_idf:
        df = document_frequency.set_index("term")["documents"].reindex(terms)
        if df.isna().any():
            raise fail("document_frequency", f"no row for the term {df.index[df.isna()][0]!r}",
                        "count the document frequencies on the corpus the counts come from")
        df = df.to_numpy(dtype="float64") + int(smooth_idf)
        idf = np.log((n_documents + int(smooth_idf)) / df) + 1
        tf = tf * idf[term_codes]
    matrix = sparse.csr_matrix((tf, (doc_codes, term_codes)), shape=(len(docs), len(terms)))
    if norm is not None:
        matrix = normalize(matrix, norm=norm, copy=False)
    counts["tfidf"] = np.asarray(matrix[doc_codes, term_codes]).ravel()
    table = counts.sort_values([by, "tfidf", "term"], ascending=[True, False, True],
                               kind="stable", na_position="last").reset_index(drop=True)
    table["rank"] = table.groupby(by, sort=False, dropna=False).cumcount() + 1
    return table.astype({"count": "int64", "tfidf": "float64", "rank": "int64"})
