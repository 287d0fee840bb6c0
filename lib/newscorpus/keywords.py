"""Counting words: n-grams, frequencies, TF-IDF and YAKE keyphrases, document by document.

Every function here takes the token table written by the cleaning notebook
(:func:`newscorpus.segment.token_table`: ``doc_id, sentence_id, position, token, lower, stem,
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

:mod:`newscorpus.keyness` compares frequency tables; :mod:`newscorpus.concordance` finds
collocations, keywords in context and dispersion; :mod:`newscorpus.themes` counts a dictionary
of motives.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from newscorpus.errors import ParameterError, Problem

__all__ = ["COLUMNS", "frequencies", "keyphrases", "label_terms", "ngrams", "select_tokens",
           "tfidf", "top_terms"]

#: The token-table columns that can be counted.
COLUMNS = ("term", "lower", "stem", "token")

_READ_FIX = ("read the table with newscorpus.outputs.read_table, which keeps words such as "
             "'null' and 'NA' as text")


# --- checks shared by the keyword modules -----------------------------------------------------


def _fail(parameter: str, message: str, fix: str) -> ParameterError:
    return ParameterError(Problem(f"parameter '{parameter}'", message, fix))


def _check_table(table: object, columns: Iterable[str], parameter: str,
                 made_by: str = "newscorpus.segment.token_table") -> pd.DataFrame:
    """Refuse anything but a DataFrame holding ``columns`` (named in the message)."""
    if not isinstance(table, pd.DataFrame):
        raise _fail(parameter, f"expected a pandas DataFrame, got {type(table).__name__}",
                    f"pass the table made by {made_by}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise _fail(parameter, f"the table has no column {', '.join(map(repr, missing))} "
                    f"(it has {', '.join(map(str, table.columns)) or 'no columns'})",
                    f"pass the table made by {made_by}, with any grouping column merged on")
    return table


def _check_text_column(table: pd.DataFrame, column: str, parameter: str) -> None:
    missing = table[column].isna()
    if missing.any():
        row = int(np.flatnonzero(missing.to_numpy())[0])
        raise _fail(parameter, f"column '{column}' has {int(missing.sum())} missing values "
                    f"(first at row {row}), where every row should hold a word", _READ_FIX)


def _check_choice(value: object, choices: Sequence[str], parameter: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise _fail(parameter, f"expected one of {', '.join(map(repr, choices))}, got {value!r}",
                    f"use one of {', '.join(choices)}")
    return value


def _check_int(value: object, parameter: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise _fail(parameter, f"expected a whole number of at least {minimum}, got {value!r}",
                    f"pass an int of {minimum} or more")
    return int(value)


def _check_n(n: object) -> tuple[int, int]:
    """Return ``(lo, hi)`` from ``n``: one int, or a pair of ints with ``1 <= lo <= hi``."""
    pair = (n, n) if isinstance(n, int | np.integer) and not isinstance(n, bool) else n
    ok = (isinstance(pair, tuple | list) and len(pair) == 2
          and all(isinstance(k, int | np.integer) and not isinstance(k, bool) for k in pair)
          and 1 <= pair[0] <= pair[1])
    if not ok:
        raise _fail("n", f"expected the n-gram sizes as (lo, hi) with 1 <= lo <= hi, got {n!r}",
                    "pass for example n=(1, 1) for words or n=(1, 2) for words and bigrams")
    return int(pair[0]), int(pair[1])


def _check_by(table: pd.DataFrame, by: str | Sequence[str], parameter: str = "by") -> list[str]:
    columns = [by] if isinstance(by, str) else list(by)
    if not columns or not all(isinstance(c, str) for c in columns):
        raise _fail(parameter, f"expected a column name or a list of them, got {by!r}",
                    "pass for example by='doc_id' or by=('kind',)")
    unknown = [c for c in columns if c not in table.columns]
    if unknown:
        raise _fail(parameter, f"the table has no column {', '.join(map(repr, unknown))} to "
                    f"group by (it has {', '.join(map(str, table.columns))})",
                    "merge the column onto the table first (e.g. tokens.merge(documents[['doc_id',"
                    " 'kind']], on='doc_id')) or group by one of its columns")
    return columns


def _check_stop(tokens: pd.DataFrame) -> np.ndarray:
    stop = tokens["stop"]
    if stop.dtype != bool:
        raise _fail("tokens", f"column 'stop' should hold True/False, but its type is "
                    f"{stop.dtype}", _READ_FIX)
    return stop.to_numpy()


def _ordered(tokens: pd.DataFrame) -> pd.DataFrame:
    """Tokens in reading order: documents as they first appear, then sentence and position."""
    doc = pd.factorize(tokens["doc_id"])[0]
    order = np.lexsort((tokens["position"].to_numpy(), tokens["sentence_id"].to_numpy(), doc))
    if (np.diff(order) == 1).all():
        return tokens
    return tokens.iloc[order]


# --- choosing the tokens ----------------------------------------------------------------------


def select_tokens(tokens: pd.DataFrame, sentences: pd.DataFrame, *,
                  documents: pd.DataFrame | None = None, attach: str | Sequence[str] = (),
                  extra_stop_words: Iterable[str] = (), parameter: str = "group_by"
                  ) -> pd.DataFrame:
    """Return the tokens of the given sentences, with document columns and extra stop words.

    Parameters
    ----------
    tokens : DataFrame
        The token table (``tokens.csv`` of the cleaning notebook).
    sentences : DataFrame
        The sentences to keep (``doc_id``, ``sentence_id``), e.g. those of chosen roles.
    documents : DataFrame, optional
        One row per ``doc_id`` (``documents.csv``, perhaps with a ``period`` column added).
    attach : str or sequence of str
        Columns of ``documents`` copied onto each token, to count by them.
    extra_stop_words : iterable of str
        Words whose tokens are flagged ``stop`` as well (compared in lower case), on top of
        those the token table already flags.
    parameter : str
        The parameter named when an ``attach`` column does not exist.

    Returns
    -------
    DataFrame
        The kept tokens in their table order, with the ``attach`` columns.

    Raises
    ------
    ParameterError
        If an ``attach`` column is not in ``documents`` (its columns are listed), or a token's
        document has no row there.

    Examples
    --------
    >>> tokens = pd.DataFrame({"doc_id": "a", "sentence_id": [1, 2, 2], "position": [0, 0, 1],
    ...     "lower": ["by", "russia", "says"], "stop": [True, False, False]})
    >>> docs = pd.DataFrame({"doc_id": ["a"], "kind": ["article"]})
    >>> select_tokens(tokens, pd.DataFrame({"doc_id": ["a"], "sentence_id": [2]}),
    ...               documents=docs, attach="kind", extra_stop_words=["Says"])
      doc_id  sentence_id  position   lower   stop     kind
    0      a            2         0  russia  False  article
    1      a            2         1    says   True  article
    """
    _check_table(tokens, ["doc_id", "sentence_id", "lower", "stop"], "tokens")
    _check_table(sentences, ["doc_id", "sentence_id"], "sentences",
                 "the cleaning notebook (sentences.csv)")
    keys = sentences[["doc_id", "sentence_id"]].drop_duplicates()
    kept = tokens.merge(keys, on=["doc_id", "sentence_id"], how="inner", sort=False)
    extra = {str(w).strip().lower() for w in extra_stop_words if str(w).strip()}
    if extra:
        kept["stop"] = _check_stop(kept) | kept["lower"].str.lower().isin(extra).to_numpy()
    columns = [attach] if isinstance(attach, str) else list(attach)
    if columns:
        if documents is None:
            raise _fail(parameter, "no document table given to take the columns from",
                        "pass documents=<documents.csv as read by read_table>")
        _check_table(documents, ["doc_id"], "documents", "the corpus notebook (documents.csv)")
        unknown = [c for c in columns if c not in documents.columns]
        if unknown:
            raise _fail(parameter, f"the documents have no column "
                        f"{', '.join(map(repr, unknown))}",
                        f"use one of {', '.join(c for c in documents.columns if c != 'doc_id')}")
        extra_columns = [c for c in columns if c not in kept.columns]
        kept = kept.merge(documents[["doc_id", *extra_columns]], on="doc_id", how="left",
                          validate="many_to_one", indicator="_found")
        missing = sorted(set(kept.loc[kept["_found"] == "left_only", "doc_id"]))
        if missing:
            raise _fail("documents", f"no row for document(s) {', '.join(missing[:5])}",
                        "read documents.csv and tokens.csv from the same run")
        kept = kept.drop(columns="_found")
    return kept.reset_index(drop=True)


# --- n-grams and frequencies ------------------------------------------------------------------


def _grams(tokens: pd.DataFrame, n: object, drop_stop: bool, column: str,
           keep: Sequence[str] = ()) -> pd.DataFrame:
    """The n-gram table with the ``keep`` columns of each n-gram's tokens carried along."""
    lo, hi = _check_n(n)
    _check_choice(column, COLUMNS, "column")
    needed = ["doc_id", "sentence_id", "position", column] + (["stop"] if drop_stop else [])
    _check_table(tokens, dict.fromkeys(needed + list(keep)), "tokens")
    _check_text_column(tokens, column, "tokens")
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
    newscorpus.errors.ParameterError: parameter 'n': expected the n-gram sizes as (lo, hi) with \
1 <= lo <= hi, got (2, 1). Fix: ...
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
    columns = _check_by(_check_table(tokens, [], "tokens"), by)
    grams = _grams(tokens, n, drop_stop, column, keep=columns)
    counts = (grams.groupby(columns + ["term"], sort=False, dropna=False)
              .size().rename("count").reset_index())
    words = tokens.groupby(columns, sort=False, dropna=False).size().rename("words").reset_index()
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
    _check_table(freq, ["term", score], "freq", "newscorpus.keywords.frequencies")
    columns = _check_by(freq, by)
    k = _check_int(k, "k", 1)
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
        raise _fail("norm", f"expected 'l1', 'l2' or None, got {norm!r}",
                    "use norm='l2' (scikit-learn's default), 'l1' or None")
    if not isinstance(by, str):
        raise _fail("by", f"expected one column name, got {by!r}",
                    "pass by='doc_id' (or one other column, e.g. by='outlet')")
    (by,) = _check_by(_check_table(tokens, [], "tokens"), by)
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


def label_terms(table: pd.DataFrame, tokens: pd.DataFrame, *, column: str = "term",
                form: str = "lower", name: str = "label") -> pd.DataFrame:
    """Return ``table`` with a readable ``label`` beside each (stemmed) ``term``.

    A stem such as ``militari`` is what is counted, but not what a reader should see. Each
    word of a term is shown as its most frequent written form among the tokens it was counted
    from (``military``; tokens flagged ``stop`` are left out when the term has others), with a
    possessive ending removed; equal counts go to the alphabetically first form, so labels
    are stable. An n-gram is labelled word by word
    (``arm faction`` -> ``armed factions``). Counts stay those of ``term``.

    Parameters
    ----------
    table : DataFrame
        Any table with a ``term`` column (frequencies, TF-IDF, keyness).
    tokens : DataFrame
        The token table the terms were counted from (columns ``column`` and ``form``).
    column : str
        The token column that holds the counted terms.
    form : str
        The token column whose most frequent value labels a term (``lower`` or ``token``).
    name : str
        The name of the new column, inserted just after ``term``.

    Examples
    --------
    >>> tokens = pd.DataFrame({"term": ["militari", "militari", "militari", "forc"],
    ...                        "lower": ["military", "military's", "militaries", "forces"]})
    >>> label_terms(pd.DataFrame({"term": ["militari forc", "forc"]}), tokens)
                term            label
    0  militari forc  military forces
    1           forc           forces
    """
    from newscorpus.resources import _POSSESSIVE_END

    _check_table(table, ["term"], "table", "newscorpus.keywords.frequencies")
    _check_table(tokens, [column, form], "tokens")
    if "stop" in tokens.columns and tokens["stop"].dtype == bool:
        # Label from the tokens that were counted: "US" (the country), not the pronoun "us".
        counted_terms = set(tokens.loc[~tokens["stop"], column])
        tokens = tokens[~tokens["stop"] | ~tokens[column].isin(counted_terms)]
    bare = tokens[form].astype(str).str.replace(_POSSESSIVE_END, "", regex=True)
    counted = (pd.DataFrame({"term": tokens[column].to_numpy(), "form": bare.to_numpy()})
               .value_counts().rename("n").reset_index()
               .sort_values(["term", "n", "form"], ascending=[True, False, True], kind="stable"))
    best = dict(counted.drop_duplicates("term")[["term", "form"]].itertuples(index=False))
    labels = [" ".join(best.get(word, word) for word in str(term).split(" "))
              for term in table["term"]]
    out = table.copy()
    out.insert(out.columns.get_loc("term") + 1, name, pd.array(labels, dtype="str"))
    return out


# --- keyphrases -------------------------------------------------------------------------------


def _texts(texts: Mapping[str, str] | pd.DataFrame) -> dict[str, str]:
    """One text per document: a mapping as given, or the rows of a table joined in order."""
    if isinstance(texts, Mapping):
        bad = [k for k, v in texts.items() if not isinstance(v, str)]
        if bad:
            raise _fail("texts", f"the value for {bad[0]!r} is {type(texts[bad[0]]).__name__}, "
                        "not text", "map each doc_id to its text as a str")
        return dict(texts)
    _check_table(texts, ["doc_id", "text"], "texts",
                 "the cleaning notebook (sentences.csv), or pass a dict of doc_id to text")
    _check_text_column(texts, "text", "texts")
    joined: dict[str, list[str]] = {}
    for doc_id, text in zip(texts["doc_id"], texts["text"], strict=True):
        parts = joined.setdefault(doc_id, [])
        # A full stop where a row (a title, a subheading) has none, so YAKE does not run a
        # phrase from one row into the next.
        parts.append(text if text.rstrip()[-1:] in (".", "!", "?", "") else text.rstrip() + ".")
    return {doc_id: " ".join(parts) for doc_id, parts in joined.items()}


def keyphrases(texts: Mapping[str, str] | pd.DataFrame, top: int = 10, max_ngram: int = 3,
               dedup: float = 0.9, language: str = "en",
               extra_stop_words: Iterable[str] = ()) -> pd.DataFrame:
    """Return each document's YAKE keyphrases (Campos et al. 2020), best first.

    YAKE scores candidate phrases of one document from statistics of that document alone
    (position, frequency, case, spread over sentences, variety of neighbours). A *lower* score
    means a *more* relevant phrase; scores are comparable within a document, not across
    documents. YAKE's own stop-word list for ``language`` is used (see
    :func:`newscorpus.resources.yake_stop_words`), plus ``extra_stop_words``; lemmatisation is
    off, so nothing is downloaded.

    Parameters
    ----------
    texts : mapping of doc_id to str, or DataFrame
        The texts; a table needs ``doc_id`` and ``text``, and several rows of a document (its
        sentences) are joined in table order, with a full stop added after a row that has no
        final punctuation (a title) so that no phrase runs across rows.
    top : int
        How many phrases to return per document.
    max_ngram : int
        The longest phrase, in words.
    dedup : float
        YAKE's deduplication threshold: a phrase more similar than this to a better one is
        dropped (``1.0`` keeps near-duplicates).
    language : str
        The language code of YAKE's stop-word list (``"en"``).
    extra_stop_words : iterable of str
        Further stop words.

    Returns
    -------
    DataFrame
        ``doc_id``, ``rank`` (1 = best), ``phrase`` (as YAKE returns it, in the case of the
        text) and ``score`` (a float rounded to 6 significant digits, lower is better). Sorted
        by document (in input order) and rank. An empty text has no rows.

    Raises
    ------
    ParameterError
        For bad ``top``, ``max_ngram``, ``dedup`` or ``language``, or texts that are not text.

    Examples
    --------
    >>> text = ("Russia wants a naval base in Syria. The naval base at Tartus gives Russia "
    ...         "access to the Mediterranean. Russia also wants influence.")
    >>> keyphrases({"a": text}, top=3)
      doc_id  rank         phrase     score
    0      a     1  base in Syria  0.058861
    1      a     2          Syria  0.073109
    2      a     3     naval base  0.076520
    """
    import yake

    from newscorpus.resources import yake_stop_words

    top = _check_int(top, "top", 1)
    max_ngram = _check_int(max_ngram, "max_ngram", 1)
    if isinstance(dedup, bool) or not isinstance(dedup, int | float) or not 0 < dedup <= 1:
        raise _fail("dedup", f"expected a number above 0 and at most 1, got {dedup!r}",
                    "use 0.9 (YAKE's default) or 1.0 to keep near-duplicates")
    stops = yake_stop_words(language, extra=extra_stop_words)
    rows: dict[str, list] = {"doc_id": [], "rank": [], "phrase": [], "score": []}
    for doc_id, text in _texts(texts).items():
        # A new extractor per text: YAKE caches similarities between calls.
        extractor = yake.KeywordExtractor(lan=language, n=max_ngram, dedup_lim=float(dedup),
                                          top=top, stopwords=set(stops), lemmatize=False)
        found = extractor.extract_keywords(text) if text.strip() else []
        for rank, (phrase, score) in enumerate(found, 1):
            rows["doc_id"].append(doc_id)
            rows["rank"].append(rank)
            rows["phrase"].append(str(phrase))
            rows["score"].append(float(f"{float(score):.6g}"))
    return pd.DataFrame(rows).astype({"rank": "int64", "score": "float64", "phrase": "str"})
