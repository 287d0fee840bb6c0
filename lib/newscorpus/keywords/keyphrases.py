"""Keyphrases per document with YAKE (its own stop-word list from the yake package, no download)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from newscorpus.base.checks import check_int, check_table, check_text_column, fail


def _texts(texts: Mapping[str, str] | pd.DataFrame) -> dict[str, str]:
    """One text per document: a mapping as given, or the rows of a table joined in order."""
    if isinstance(texts, Mapping):
        bad = [k for k, v in texts.items() if not isinstance(v, str)]
        if bad:
            raise fail("texts", f"the value for {bad[0]!r} is {type(texts[bad[0]]).__name__}, "
                        "not text", "map each doc_id to its text as a str")
        return dict(texts)
    check_table(texts, ["doc_id", "text"], "texts",
                 "the cleaning notebook (sentences.csv), or pass a dict of doc_id to text")
    check_text_column(texts, "text", "texts")
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
    :func:`newscorpus.base.lexicons.yake_stop_words`), plus ``extra_stop_words``; lemmatisation is
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

    from newscorpus.base.lexicons import yake_stop_words

    top = check_int(top, "top", 1)
    max_ngram = check_int(max_ngram, "max_ngram", 1)
    if isinstance(dedup, bool) or not isinstance(dedup, int | float) or not 0 < dedup <= 1:
        raise fail("dedup", f"expected a number above 0 and at most 1, got {dedup!r}",
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
    return pd.DataFrame(rows).astype({"doc_id": "str", "rank": "int64", "score": "float64",
                                      "phrase": "str"})
