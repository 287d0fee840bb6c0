"""Words in their context: keywords in context (KWIC) and lexical dispersion."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from newscorpus.base.checks import (
    check_choice,
    check_int,
    check_table,
    check_text_column,
    fail,
)
from newscorpus.base.terms import TermMatcher
from newscorpus.base.words import WORD_RE
from newscorpus.keywords.tokens import COLUMNS, _ordered


def _sentence_order(sentences: pd.DataFrame) -> pd.DataFrame:
    doc = pd.factorize(sentences["doc_id"])[0]
    order = np.lexsort((sentences["sentence_id"].to_numpy(), doc))
    return sentences.iloc[order]


def _squash(text: str) -> str:
    return " ".join(text.split())


def kwic(sentences: pd.DataFrame, terms: str | Iterable[str], window: int = 8,
         compare: str = "words") -> pd.DataFrame:
    """Return every occurrence of ``terms`` in ``sentences`` with the words around it.

    Parameters
    ----------
    sentences : DataFrame
        A sentence table (``doc_id``, ``sentence_id``, ``text``).
    terms : str or iterable of str
        Words or phrases to find, with optional trailing ``*`` wildcards (see
        :class:`TermMatcher`).
    window : int
        How many words of context to show on each side (within the sentence).
    compare : {'words', 'stems'}
        Compare words by the project's rule (:mod:`newscorpus.base.terms`: case ignored unless
        a term is in capitals), or by their Porter stems (``"negotiations"`` then also finds
        ``negotiated``).

    Returns
    -------
    DataFrame
        ``doc_id``, ``sentence_id``, ``term`` (the query term that matched), ``left``,
        ``keyword`` (as written), ``right``, ``start``, ``end``: one row per match, in reading
        order. ``start`` and ``end`` are character offsets into the sentence's ``text``:
        ``text[start:end] == keyword``. Context keeps the punctuation of the text, with runs
        of white space shown as one space.

    Raises
    ------
    ParameterError
        For a bad term, ``window`` or ``column``, or a table without the columns needed.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sentence_id": [1],
    ...                   "text": ["Russia's naval base at Tartus, on the coast, matters."]})
    >>> kwic(s, ["naval base", "russia"], window=3)[["left", "keyword", "right", "start"]]
           left     keyword          right  start
    0              Russia's  naval base at      0
    1  Russia's  naval base  at Tartus, on      9
    """
    check_table(sentences, ["doc_id", "sentence_id", "text"], "sentences",
                 "the cleaning notebook (sentences.csv)")
    check_text_column(sentences, "text", "sentences")
    window = check_int(window, "window", 0)
    check_choice(compare, ("words", "stems"), "compare")
    matcher = TermMatcher(terms, compare=compare)
    rows: dict[str, list] = {k: [] for k in ("doc_id", "sentence_id", "term", "left", "keyword",
                                             "right", "start", "end")}
    table = _sentence_order(sentences)
    for doc_id, sentence_id, text in zip(table["doc_id"], table["sentence_id"], table["text"],
                                         strict=True):
        found = matcher.find_text(text)
        if not found:
            continue
        spans = [m.span() for m in WORD_RE.finditer(text)]
        ends = [b for _, b in spans]
        for start, stop, k in found:
            first = bisect.bisect_right(ends, start)  # the word the match starts in
            last = bisect.bisect_left(ends, stop)  # the word it ends in
            left = text[spans[max(first - window, 0)][0]:start] if window else ""
            right = text[stop:spans[min(last + window, len(spans) - 1)][1]] if window else ""
            for key, value in (("doc_id", doc_id), ("sentence_id", sentence_id),
                               ("term", matcher.terms[k]), ("left", _squash(left)),
                               ("keyword", text[start:stop]), ("right", _squash(right)),
                               ("start", start), ("end", stop)):
                rows[key].append(value)
    return pd.DataFrame(rows).astype({"sentence_id": "int64", "start": "int64", "end": "int64",
                                      "term": "str", "left": "str", "keyword": "str",
                                      "right": "str"})


def _in_order(tokens: pd.DataFrame, doc_order: Sequence[str] | None) -> pd.DataFrame:
    table = _ordered(tokens)
    if doc_order is None:
        return table
    if isinstance(doc_order, str):
        doc_order = [doc_order]
    present = set(pd.unique(table["doc_id"]))
    unknown = [d for d in doc_order if d not in present]
    if unknown:
        raise fail("doc_order", f"{', '.join(map(repr, unknown))} "
                    f"{'is' if len(unknown) == 1 else 'are'} not a doc_id of the token table",
                    "list doc_ids of the table, e.g. documents sorted by date: "
                    "documents.sort_values('date_start')['doc_id']")
    if len(set(doc_order)) != len(list(doc_order)):
        raise fail("doc_order", "a doc_id is listed twice", "list each document once")
    rank = {d: i for i, d in enumerate(doc_order)}
    kept = table[table["doc_id"].isin(rank)]
    return kept.iloc[np.argsort(kept["doc_id"].map(rank).to_numpy(), kind="stable")]


def document_spans(tokens: pd.DataFrame, doc_order: Sequence[str] | None = None) -> pd.DataFrame:
    """Return where each document starts and ends in the running word count of a corpus.

    Parameters
    ----------
    tokens : DataFrame
        A token table.
    doc_order : sequence of str, optional
        The documents in the order to lay them out (others are left out); by default, in
        the order of the table.

    Returns
    -------
    DataFrame
        ``doc_id``, ``start`` (offset of its first word), ``end`` (one past its last word) and
        ``words``, offsets counting every word token (stop words included) from 0, as the
        ``offset`` of :func:`dispersion`.

    Examples
    --------
    >>> tokens = pd.DataFrame({"doc_id": ["a", "a", "b"], "sentence_id": 1,
    ...                        "position": [0, 1, 0]})
    >>> document_spans(tokens, doc_order=["b", "a"])
      doc_id  start  end  words
    0      b      0    1      1
    1      a      1    3      2
    """
    check_table(tokens, ["doc_id", "sentence_id", "position"], "tokens")
    table = _in_order(tokens, doc_order)
    sizes = table.groupby("doc_id", sort=False).size()
    end = np.cumsum(sizes.to_numpy())
    return pd.DataFrame({"doc_id": sizes.index.astype("str"), "start": end - sizes.to_numpy(),
                         "end": end, "words": sizes.to_numpy()}).astype(
        {"start": "int64", "end": "int64", "words": "int64"})


def dispersion(tokens: pd.DataFrame, terms: str | Iterable[str],
               doc_order: Sequence[str] | None = None, column: str = "lower") -> pd.DataFrame:
    """Return where each of ``terms`` occurs in the running text, for a lexical dispersion plot.

    Parameters
    ----------
    tokens : DataFrame
        A token table (``doc_id``, ``sentence_id``, ``position``, ``token`` and ``column``).
    terms : str or iterable of str
        Words or phrases (matched within sentences, with ``*`` wildcards; see
        :class:`TermMatcher`).
    doc_order : sequence of str, optional
        The documents in the order to lay them out (others are left out); by default, in
        the order of the table. :func:`document_spans` gives their boundaries.
    column : {'token', 'lower', 'stem', 'term'}
        Compare the written words by the project's rule (``token`` or ``lower``: case ignored
        unless a term is in capitals; :mod:`newscorpus.base.terms`), by their Porter stems
        (``stem``), or with the ``term`` column as it is (write the terms in that form then,
        e.g. stems).

    Returns
    -------
    DataFrame
        ``doc_id``, ``sentence_id``, ``term`` (the query term), ``position`` (word number in
        the document, from 0) and ``offset`` (word number in the whole corpus laid out in
        ``doc_order``, from 0), counting every word token, stop words included. A phrase is at
        the position of its first word. Sorted by offset, then by term.

    Examples
    --------
    >>> tokens = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "sentence_id": 1,
    ...     "position": [0, 1, 0, 1], "token": ["Russia", "wants", "Russia's", "bases"]})
    >>> dispersion(tokens, ["russia", "bases"], doc_order=["b", "a"])
      doc_id  sentence_id    term  position  offset
    0      b            1  russia         0       0
    1      b            1   bases         1       1
    2      a            1  russia         0       2
    """
    check_choice(column, COLUMNS, "column")
    source = "term" if column == "term" else "token"
    check_table(tokens, ["doc_id", "sentence_id", "position", source], "tokens")
    check_text_column(tokens, source, "tokens")
    compare = {"term": "as_is", "stem": "stems"}.get(column, "words")
    matcher = TermMatcher(terms, compare=compare)
    table = _in_order(tokens, doc_order)
    if table.empty:
        return pd.DataFrame({"doc_id": pd.Series([], dtype="str"),
                             "sentence_id": pd.Series([], dtype="int64"),
                             "term": pd.Series([], dtype="str"),
                             "position": pd.Series([], dtype="int64"),
                             "offset": pd.Series([], dtype="int64")})
    doc = table["doc_id"].to_numpy(dtype=object)
    words = table[source].to_numpy(dtype=object)
    sentence = pd.factorize(pd.MultiIndex.from_arrays([table["doc_id"], table["sentence_id"]]))[0]
    starts = np.flatnonzero(np.r_[True, sentence[1:] != sentence[:-1]])
    doc_start = np.flatnonzero(np.r_[True, doc[1:] != doc[:-1]])
    first_word = np.repeat(doc_start, np.diff(np.r_[doc_start, len(doc)]))
    hits: list[tuple[int, int]] = []
    for a, b in zip(starts, np.r_[starts[1:], len(words)], strict=True):
        hits.extend((a + i, k) for i, _, k in matcher.find(list(words[a:b])))
    offset = np.array([h[0] for h in hits], dtype="int64")
    out = pd.DataFrame({
        "doc_id": pd.array(doc[offset], dtype="str"),
        "sentence_id": table["sentence_id"].to_numpy()[offset],
        "term": pd.array([matcher.terms[h[1]] for h in hits], dtype="str"),
        "position": offset - first_word[offset],
        "offset": offset}).astype({"sentence_id": "int64", "position": "int64"})
    return out.sort_values(["offset", "term"], kind="stable").reset_index(drop=True)


def rates_by_group(hits: pd.DataFrame, tokens: pd.DataFrame, by: str) -> pd.DataFrame:
    """Occurrences of each term per 10,000 words of each group: dispersion for a large corpus.

    Parameters
    ----------
    hits : DataFrame
        :func:`dispersion` (``doc_id``, ``term``).
    tokens : DataFrame
        The token table with the group column ``by`` (every token counts as a word).
    by : str
        The group column.

    Returns
    -------
    DataFrame
        ``by``, ``term``, ``hits``, ``documents`` (with at least one hit), ``words`` and
        ``per_10k``, one row per group and term (terms without hits included, with 0).

    Examples
    --------
    >>> tokens = pd.DataFrame({"doc_id": ["a"] * 4 + ["b"] * 2, "g": ["x"] * 4 + ["y"] * 2})
    >>> hits = pd.DataFrame({"doc_id": ["a", "a", "b"], "term": ["base", "truce", "base"]})
    >>> rates_by_group(hits, tokens, "g")
       g   term  hits  documents  words  per_10k
    0  x   base     1          1      4   2500.0
    1  x  truce     1          1      4   2500.0
    2  y   base     1          1      2   5000.0
    3  y  truce     0          0      2      0.0
    """
    check_table(hits, ["doc_id", "term"], "hits", "newscorpus.keywords.concordance.dispersion")
    if "offset" not in hits.columns:  # terms in the order of the table
        hits = hits.assign(offset=np.arange(len(hits)))
    return rates_from_counts(rate_counts(hits, tokens, by), by)


# --- the same, from counts that add up over parts of a corpus ---------------------------------


def rate_counts(hits: pd.DataFrame, tokens: pd.DataFrame, by: str,
                key: Sequence[str] = ("offset",)) -> dict:
    """What :func:`rates_by_group` needs, counted in one part of a corpus (whole documents).

    Returns ``hits`` (``by``, ``term``, ``hits``, ``documents``), ``words`` (``by``, ``words``,
    groups in order of first appearance) and ``first`` (``term`` and the ``key`` columns of its
    first hit, which orders the terms). ``key`` must order hits across parts as ``offset``
    orders them in the whole corpus, e.g. ``("doc_rank", "position")``. Add the counts of
    parts with :func:`add_rate_counts`; :func:`rates_from_counts` finishes the table.
    """
    key = list(key)
    check_table(tokens, ["doc_id", by], "tokens")
    group_of = tokens.drop_duplicates("doc_id").set_index("doc_id")[by]
    words = tokens.groupby(by, sort=False).size().rename("words").reset_index()
    found = hits.assign(**{by: hits["doc_id"].map(group_of)})
    counts = found.groupby([by, "term"], sort=False).agg(
        hits=("doc_id", "size"), documents=("doc_id", "nunique")).reset_index()
    first = (hits.sort_values([*key, "term"], kind="stable").drop_duplicates("term")
             [["term", *key]].reset_index(drop=True))
    return {"hits": counts, "words": words, "first": first, "key": key}


def add_rate_counts(parts: Sequence[dict], by: str) -> dict:
    """:func:`rate_counts` of consecutive parts of a corpus, added up in their order."""
    key = parts[0]["key"]
    hits = pd.concat([p["hits"] for p in parts], ignore_index=True)
    words = pd.concat([p["words"] for p in parts], ignore_index=True)
    first = pd.concat([p["first"] for p in parts], ignore_index=True)
    return {"hits": hits.groupby([by, "term"], sort=False)[["hits", "documents"]].sum()
            .reset_index(),
            "words": words.groupby(by, sort=False)["words"].sum().reset_index(),
            "first": first.sort_values([*key, "term"], kind="stable").drop_duplicates("term"),
            "key": key}


def rates_from_counts(counts: dict, by: str) -> pd.DataFrame:
    """The table of :func:`rates_by_group` from :func:`rate_counts` (added up)."""
    words = counts["words"].set_index(by)["words"]
    terms = list(counts["first"]["term"])
    index = pd.MultiIndex.from_product([list(words.index), terms], names=[by, "term"])
    out = (counts["hits"].set_index([by, "term"])[["hits", "documents"]]
           .reindex(index, fill_value=0).reset_index())
    out["words"] = out[by].map(words).astype("int64")
    out["per_10k"] = (out["hits"] / out["words"] * 10_000).round(2)
    return out


def document_sizes(tokens: pd.DataFrame) -> pd.DataFrame:
    """Words per document (``doc_id``, ``words``; every token counts), in table order: what
    :func:`spans_from_sizes` lays out."""
    check_table(tokens, ["doc_id"], "tokens")
    return tokens.groupby("doc_id", sort=False).size().rename("words").reset_index()


def spans_from_sizes(sizes: pd.DataFrame, doc_order: Sequence[str] | None = None
                     ) -> pd.DataFrame:
    """:func:`document_spans` from the words per document (:func:`document_sizes`, of parts
    concatenated), the documents laid out in ``doc_order`` (by default as listed)."""
    words = sizes.set_index("doc_id")["words"]
    if doc_order is not None:
        doc_order = [doc_order] if isinstance(doc_order, str) else list(doc_order)
        unknown = [d for d in doc_order if d not in words.index]
        if unknown:
            raise fail("doc_order", f"{', '.join(map(repr, unknown))} "
                        f"{'is' if len(unknown) == 1 else 'are'} not a doc_id of the token "
                        "table", "list doc_ids of the table, e.g. documents sorted by date: "
                        "documents.sort_values('date_start')['doc_id']")
        words = words.reindex(doc_order)
    end = np.cumsum(words.to_numpy())
    return pd.DataFrame({"doc_id": pd.array(words.index, dtype="str"),
                         "start": end - words.to_numpy(), "end": end,
                         "words": words.to_numpy()}).astype(
        {"start": "int64", "end": "int64", "words": "int64"})


def place_hits(hits: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Hits found in parts of a corpus (:func:`dispersion` of each), laid out as
    :func:`dispersion` lays out the whole: ``offset`` counted through the documents of
    ``spans`` (:func:`spans_from_sizes`), others left out."""
    start = spans.set_index("doc_id")["start"]
    kept = hits[hits["doc_id"].isin(start.index)]
    offset = (kept["doc_id"].map(start).to_numpy(dtype="int64")
              + kept["position"].to_numpy(dtype="int64"))
    out = kept.assign(offset=offset)
    return out.sort_values(["offset", "term"], kind="stable").reset_index(drop=True)
