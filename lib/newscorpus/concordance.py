"""Words in their context: collocations, keywords in context (KWIC) and lexical dispersion.

Terms are looked up with :class:`TermMatcher`, which :mod:`newscorpus.themes` uses too:

* a term is a word or a phrase of consecutive words, split like the text
  (:func:`newscorpus.resources.tokenize`), so it matches whole words only: ``base`` does not
  match ``database`` or ``bases``; a hyphenated word (``al-Assad``) is one word;
* a trailing ``*`` makes a word a prefix: ``negotiat*`` matches ``negotiations``;
* a possessive ``'s`` is ignored: ``russia`` matches ``Russia's``;
* where several terms match at the same word, the longest wins, and matches do not overlap
  (``naval base`` is found once, not also as ``base``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from newscorpus.errors import ParameterError, Problem
from newscorpus.keywords import (
    COLUMNS,
    _check_choice,
    _check_int,
    _check_stop,
    _check_table,
    _check_text_column,
    _fail,
    _ordered,
)
from newscorpus.resources import WORD_PATTERN, stem, tokenize

__all__ = ["MEASURES", "TermMatcher", "collocations", "dispersion", "document_spans", "kwic"]

_WORD = re.compile(WORD_PATTERN)
_POSSESSIVE = re.compile(r"['’][sS]$")

#: NLTK bigram association measures :func:`collocations` can report.
MEASURES = ("likelihood_ratio", "pmi", "chi_sq", "student_t", "dice", "jaccard",
            "poisson_stirling", "phi_sq", "raw_freq")

_MODES = ("lower", "token", "stem", "auto", "as_is")


def _strip(form: str) -> tuple[str, ...]:
    bare = _POSSESSIVE.sub("", form)
    return (form,) if bare == form or not bare else (form, bare)


class TermMatcher:
    """Find words, phrases and ``*`` wildcards in sequences of tokens (see the module docstring).

    Parameters
    ----------
    terms : iterable of str
        The terms, in order of preference (the first of two equally long matches wins).
    mode : {'lower', 'token', 'stem', 'auto', 'as_is'}
        How words are compared: ``lower`` ignores case; ``token`` respects it; ``stem``
        compares Porter stems (a wildcard word is compared as typed, lower-cased); ``auto``
        ignores case for a word written in lower case and respects it for a word with a
        capital (so ``US`` does not match the pronoun ``us``); ``as_is`` compares the forms
        given to :meth:`find` with the terms unchanged.
    parameter : str
        The parameter named in error messages.

    Raises
    ------
    ParameterError
        For a term that is empty, not a string, has no word, or has ``*`` inside a word.

    Examples
    --------
    >>> m = TermMatcher(["naval base", "base", "negotiat*", "US"], mode="auto")
    >>> words = "The US naval base hosted us for negotiations at the base's gate".split()
    >>> [(i, j, m.terms[k]) for i, j, k in m.find(words)]
    [(1, 2, 'US'), (2, 4, 'naval base'), (7, 8, 'negotiat*'), (10, 11, 'base')]
    """

    def __init__(self, terms: Iterable[str], mode: str = "lower", parameter: str = "terms"):
        _check_choice(mode, _MODES, "mode")
        self.mode = mode
        self.terms: list[str] = []
        self.patterns: list[tuple[tuple[str, bool, int], ...]] = []
        if isinstance(terms, str):
            terms = [terms]
        problems = []
        for term in terms:
            try:
                pattern = self._parse(term, parameter)
            except ParameterError as exc:
                problems.extend(exc.problems)
                continue
            self.terms.append(term)
            self.patterns.append(pattern)
        if problems:
            raise ParameterError(problems)
        if not self.patterns:
            raise _fail(parameter, "no term given", "pass one or more words or phrases")
        self._exact: dict[tuple[int, str], list[int]] = {}
        self._prefix: list[int] = []
        for k, pattern in enumerate(self.patterns):
            value, prefix, space = pattern[0]
            if prefix:
                self._prefix.append(k)
            else:
                self._exact.setdefault((space, value), []).append(k)
        self._prefixes = tuple(self.patterns[k][0][0] for k in self._prefix)
        # A regular expression per case space that finds, in C, the longest (so likely the
        # rarest) word of each term: a text without any cannot match (see could_match).
        self._quick: list[re.Pattern | None] = [None, None]
        if mode in ("lower", "token", "auto"):
            keys = [max(p, key=lambda w: len(w[0])) for p in self.patterns]
            for space in (0, 1):
                words = sorted({w[0] for w in keys if w[2] == space}, key=lambda v: (-len(v), v))
                if words:
                    self._quick[space] = re.compile(
                        r"(?<![^\W_])(?:" + "|".join(map(re.escape, words)) + ")")

    def _parse(self, term: object, parameter: str) -> tuple[tuple[str, bool, int], ...]:
        where = f"parameter '{parameter}'"
        if not isinstance(term, str):
            raise ParameterError(Problem(where, f"the term {term!r} is not text",
                                         "write every term as a string"))
        if not term.strip():
            raise ParameterError(Problem(where, "a term is empty",
                                         "remove it or write a word or phrase"))
        words: list[tuple[str, bool, int]] = []
        for chunk in term.split():
            body = chunk[:-1] if chunk.endswith("*") else chunk
            parts = tokenize(body)
            if "*" in body or not parts:
                wrong = "a * inside a word" if "*" in body else "a part with no letter or digit"
                raise ParameterError(Problem(
                    where, f"the term {term!r} has {wrong} ({chunk!r})",
                    "write words of letters or digits; * may only end a word (negotiat*)"))
            for i, part in enumerate(parts):
                prefix = chunk.endswith("*") and i == len(parts) - 1
                words.append(self._word(part, prefix))
        return tuple(words)

    def _word(self, word: str, prefix: bool) -> tuple[str, bool, int]:
        if self.mode == "auto":  # a capital makes the word case-sensitive (space 1)
            return (word, prefix, int(word != word.lower()))
        if self.mode == "lower" or (self.mode == "stem" and prefix):
            return (word.lower(), prefix, 0)
        if self.mode == "stem":
            return (stem(word.lower()), prefix, 0)
        return (word, prefix, 0)

    def forms(self, tokens: Sequence[str]) -> list[list[tuple[str, ...]]]:
        """Return the forms of ``tokens`` compared with the terms (one list per case space)."""
        if self.mode in ("lower", "auto"):
            lower = [_strip(t.lower()) for t in tokens]
            return [lower, [_strip(t) for t in tokens]] if self.mode == "auto" else [lower]
        if self.mode == "token":
            return [[_strip(t) for t in tokens]]
        if self.mode == "stem":
            return [[tuple(dict.fromkeys(stem(f) for f in _strip(t.lower()))) for t in tokens]]
        return [[(t,) for t in tokens]]

    def could_match(self, text: str, lower: str | None = None) -> bool:
        """Return False only if no term can match in ``text`` (a fast test before tokenising).

        ``lower`` may pass ``text.lower()`` computed before. Always True in ``stem`` and
        ``as_is`` modes, where forms need not appear in the text.
        """
        if self.mode in ("stem", "as_is"):
            return True
        in_lower = self.mode in ("lower", "auto")
        if self._quick[0] is not None:
            haystack = (text.lower() if lower is None else lower) if in_lower else text
            if self._quick[0].search(haystack):
                return True
        return self._quick[1] is not None and self._quick[1].search(text) is not None

    @staticmethod
    def _hit(word: tuple[str, bool, int], forms: list[list[tuple[str, ...]]], i: int) -> bool:
        value, prefix, space = word
        if prefix:
            return any(f.startswith(value) for f in forms[space][i])
        return value in forms[space][i]

    def find(self, tokens: Sequence[str], *, forms: list | None = None,
             overlap: bool = False) -> list[tuple[int, int, int]]:
        """Return ``(first, end, term index)`` of each match in ``tokens``, left to right.

        ``tokens[first:end]`` is the matched run of words. ``forms`` may pass
        :meth:`forms` of ``tokens`` computed before (to share them between matchers of the
        same mode). With ``overlap``, the longest match starting at *every* word is returned,
        so matches may overlap.
        """
        forms = self.forms(tokens) if forms is None else forms
        n, out, i = len(tokens), [], 0
        while i < n:
            candidates = [k for space, space_forms in enumerate(forms)
                          for f in space_forms[i] for k in self._exact.get((space, f), ())]
            if self._prefixes and any(f.startswith(self._prefixes) for fs in forms
                                      for f in fs[i]):
                candidates += [k for k in self._prefix if self._hit(self.patterns[k][0], forms, i)]
            if not candidates:
                i += 1
                continue
            best, size = -1, 0
            for k in sorted(set(candidates)):
                pattern = self.patterns[k]
                if len(pattern) > size and i + len(pattern) <= n and all(
                        self._hit(w, forms, i + j) for j, w in enumerate(pattern[1:], 1)):
                    best, size = k, len(pattern)
            if best >= 0:
                out.append((i, i + size, best))
            i += size if best >= 0 and not overlap else 1
        return out


# --- keywords in context ----------------------------------------------------------------------


def _sentence_order(sentences: pd.DataFrame) -> pd.DataFrame:
    doc = pd.factorize(sentences["doc_id"])[0]
    order = np.lexsort((sentences["sentence_id"].to_numpy(), doc))
    return sentences.iloc[order]


def _squash(text: str) -> str:
    return " ".join(text.split())


def kwic(sentences: pd.DataFrame, terms: str | Iterable[str], window: int = 8,
         column: str = "lower") -> pd.DataFrame:
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
    column : {'lower', 'token', 'stem'}
        Compare words lower-cased (default), as written, or by their Porter stems
        (``"negotiations"`` then also finds ``negotiated``).

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
    _check_table(sentences, ["doc_id", "sentence_id", "text"], "sentences",
                 "the cleaning notebook (sentences.csv)")
    _check_text_column(sentences, "text", "sentences")
    window = _check_int(window, "window", 0)
    _check_choice(column, ("lower", "token", "stem"), "column")
    matcher = TermMatcher(terms, mode=column)
    rows: dict[str, list] = {k: [] for k in ("doc_id", "sentence_id", "term", "left", "keyword",
                                             "right", "start", "end")}
    table = _sentence_order(sentences)
    for doc_id, sentence_id, text in zip(table["doc_id"], table["sentence_id"], table["text"],
                                         strict=True):
        if not matcher.could_match(text):
            continue
        spans = [m.span() for m in _WORD.finditer(text)]
        for first, end, k in matcher.find([text[a:b] for a, b in spans]):
            start, stop = spans[first][0], spans[end - 1][1]
            left = text[spans[max(first - window, 0)][0]:start] if window else ""
            right = text[stop:spans[min(end + window, len(spans)) - 1][1]] if window else ""
            for key, value in (("doc_id", doc_id), ("sentence_id", sentence_id),
                               ("term", matcher.terms[k]), ("left", _squash(left)),
                               ("keyword", text[start:stop]), ("right", _squash(right)),
                               ("start", start), ("end", stop)):
                rows[key].append(value)
    return pd.DataFrame(rows).astype({"sentence_id": "int64", "start": "int64", "end": "int64",
                                      "term": "str", "left": "str", "keyword": "str",
                                      "right": "str"})


# --- collocations -----------------------------------------------------------------------------


def _nodes(nodes: str | Iterable[str] | Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    if isinstance(nodes, str):
        nodes = [nodes]
    if isinstance(nodes, Mapping):
        groups = {label: [forms] if isinstance(forms, str) else list(forms)
                  for label, forms in nodes.items()}
    else:
        groups = {node: [node] for node in nodes}
    bad = [(label, forms) for label, forms in groups.items()
           if not isinstance(label, str) or not forms
           or not all(isinstance(f, str) and f.strip() for f in forms)]
    if not groups or bad:
        raise _fail("nodes", f"expected words, or a mapping of a label to its word forms, got "
                    f"{nodes!r}", "pass e.g. nodes=['russia', 'assad'] or "
                    "nodes={'Russia': ['russia', 'russian', 'moscow']}")
    return {label: {f.strip() for f in forms} for label, forms in groups.items()}


def collocations(tokens: pd.DataFrame, nodes: str | Iterable[str] | Mapping[str, Iterable[str]],
                 window: int = 5, min_freq: int = 2,
                 measures: Sequence[str] = ("likelihood_ratio", "pmi"), drop_stop: bool = True,
                 column: str = "lower", attracted_only: bool = True) -> pd.DataFrame:
    """Return the words that occur near ``nodes`` more often than chance, scored by NLTK.

    Each sentence is a separate stream of words (padded, as NLTK's ``from_documents`` does,
    so no window crosses a sentence) given to ``BigramCollocationFinder.from_words`` with
    ``window_size=window``. NLTK counts the ordered pair (w1, w2) once for every w2 among the
    ``window - 1`` words *after* w1, and scores it with counts divided by ``window - 1``
    (Church & Hanks 1990). So a collocate found *before* the node and one found *after* it are
    two rows, told apart by ``side``. Stop words stay in the running text, so a window spans
    ``window`` running words, but with ``drop_stop`` they are not reported as collocates.
    With ``attracted_only``, a pair seen no more often than chance predicts (PMI of 0 or
    less) is left out whatever its likelihood ratio, which is high for avoidance as well as
    for attraction.

    Parameters
    ----------
    tokens : DataFrame
        A token table (``doc_id``, ``sentence_id``, ``position``, ``column``, ``stop``).
    nodes : str, iterable of str, or mapping of str to iterable of str
        The node words; a mapping gives a label and the forms counted as that node
        (``{"russia": ["russia", "russian", "moscow"]}``): the forms are merged into one word
        before counting. Forms are compared with ``column`` as written in it (lower case for
        ``lower``, stems for ``stem``); a form's possessive (``russia's``) counts as the form.
    window : int
        The window size in words, node included (NLTK's ``window_size``; 2 = adjacent words).
    min_freq : int
        Leave out pairs seen fewer times than this (the raw ``count``).
    measures : sequence of str
        NLTK ``BigramAssocMeasures`` to report, from :data:`MEASURES`; rows are sorted by the
        first.
    drop_stop : bool
        Leave out collocates flagged ``stop``.
    column : {'lower', 'term', 'stem', 'token'}
        The token form counted.
    attracted_only : bool
        Keep only pairs seen more often than chance (PMI above 0): the collocates proper.
        ``False`` keeps every pair seen ``min_freq`` times.

    Returns
    -------
    DataFrame
        ``node`` (its label), ``collocate``, ``side`` (``"right"``: the collocate follows the
        node; ``"left"``: it precedes it), ``count`` (how many times the pair occurred within
        the window, in that order), then one column per measure. Sorted by node (in the order
        given), the first measure (highest first), collocate and side.

    Raises
    ------
    ParameterError
        For bad nodes, window, min_freq, measures or column.

    Examples
    --------
    >>> tokens = pd.DataFrame({"doc_id": "a", "sentence_id": [1] * 4 + [2] * 3,
    ...     "position": [0, 1, 2, 3, 0, 1, 2],
    ...     "lower": ["russia", "keeps", "naval", "bases", "russia", "keeps", "bases"],
    ...     "stop": False})
    >>> every = collocations(tokens, "russia", window=3, min_freq=1, attracted_only=False)
    >>> every[["collocate", "side", "count", "pmi"]]
      collocate   side  count       pmi
    0     keeps  right      2  0.807355
    1     naval  right      1  0.807355
    2     bases  right      1 -0.192645
    >>> collocations(tokens, "russia", window=3, min_freq=1)["collocate"].tolist()
    ['keeps', 'naval']
    """
    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures

    groups = _nodes(nodes)
    window = _check_int(window, "window", 2)
    min_freq = _check_int(min_freq, "min_freq", 1)
    measures = [measures] if isinstance(measures, str) else list(measures)
    if not measures:
        raise _fail("measures", "no measure given", f"use some of {', '.join(MEASURES)}")
    for m in measures:
        _check_choice(m, MEASURES, "measures")
    _check_choice(column, COLUMNS, "column")
    needed = ["doc_id", "sentence_id", "position", column] + (["stop"] if drop_stop else [])
    _check_table(tokens, needed, "tokens")
    _check_text_column(tokens, column, "tokens")
    table = _ordered(tokens)
    words = table[column].to_numpy(dtype=object)
    stops = set(words[_check_stop(table)]) if drop_stop else set()
    label_of = {}
    for label, forms in groups.items():
        for form in forms:
            if column == "stem":
                label_of.setdefault(stem(form.lower()), label)
                continue
            for variant in (form, form + "'s", form + "’s"):  # a possessive is the node too
                label_of.setdefault(variant, label)
    marker = {label: "\x00" + label for label in groups}  # merged node forms: never a word
    node_of = {v: k for k, v in marker.items()}
    words = np.array([marker[label_of[w]] if w in label_of else w for w in words], dtype=object)
    sentence = pd.factorize(pd.MultiIndex.from_arrays([table["doc_id"], table["sentence_id"]]))[0]
    breaks = np.flatnonzero(np.diff(sentence)) + 1
    padding = [None] * (window - 1)
    stream = [w for part in np.split(words, breaks) for w in (*part, *padding)]
    finder = BigramCollocationFinder.from_words(stream, window_size=window)
    finder.apply_freq_filter(min_freq)
    finder.apply_ngram_filter(lambda w1, w2: (w1 in node_of) == (w2 in node_of) and
                              (w1 not in node_of or w1 == w2))
    finder.apply_ngram_filter(lambda w1, w2: (w1 not in node_of and w1 in stops) or
                              (w2 not in node_of and w2 in stops))
    scores = {m: dict(finder.score_ngrams(getattr(BigramAssocMeasures, m))) for m in measures}
    # Only attraction: a pair seen no more often than chance (PMI <= 0) is no collocation,
    # though its likelihood ratio can be high (it measures departure in either direction).
    attracted = {pair for pair, pmi in finder.score_ngrams(BigramAssocMeasures.pmi) if pmi > 0}
    rows: dict[str, list] = {"node": [], "collocate": [], "side": [], "count": []}
    rows |= {m: [] for m in measures}
    for (w1, w2), count in finder.ngram_fd.items():
        if attracted_only and (w1, w2) not in attracted:
            continue
        for node, other, side in ((w1, w2, "right"), (w2, w1, "left")):
            if node not in node_of:
                continue
            rows["node"].append(node_of[node])
            rows["collocate"].append(node_of.get(other, other))
            rows["side"].append(side)
            rows["count"].append(count)
            for m in measures:
                rows[m].append(float(scores[m][(w1, w2)]))
    out = pd.DataFrame(rows).astype({"node": "str", "collocate": "str", "side": "str",
                                     "count": "int64"} | {m: "float64" for m in measures})
    out["_node"] = out["node"].map({label: i for i, label in enumerate(groups)})
    out = out.sort_values(["_node", measures[0], "collocate", "side"],
                          ascending=[True, False, True, True], kind="stable")
    return out.drop(columns="_node").reset_index(drop=True)


# --- dispersion -------------------------------------------------------------------------------


def _in_order(tokens: pd.DataFrame, doc_order: Sequence[str] | None) -> pd.DataFrame:
    table = _ordered(tokens)
    if doc_order is None:
        return table
    if isinstance(doc_order, str):
        doc_order = [doc_order]
    present = set(pd.unique(table["doc_id"]))
    unknown = [d for d in doc_order if d not in present]
    if unknown:
        raise _fail("doc_order", f"{', '.join(map(repr, unknown))} "
                    f"{'is' if len(unknown) == 1 else 'are'} not a doc_id of the token table",
                    "list doc_ids of the table, e.g. documents sorted by date: "
                    "documents.sort_values('date_start')['doc_id']")
    if len(set(doc_order)) != len(list(doc_order)):
        raise _fail("doc_order", "a doc_id is listed twice", "list each document once")
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
    _check_table(tokens, ["doc_id", "sentence_id", "position"], "tokens")
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
    column : {'lower', 'token', 'stem', 'term'}
        Compare words lower-cased, as written, by stem, or with the ``term`` column as it is
        (write the terms in that form then, e.g. stems).

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
    _check_choice(column, COLUMNS, "column")
    source = "term" if column == "term" else "token"
    _check_table(tokens, ["doc_id", "sentence_id", "position", source], "tokens")
    _check_text_column(tokens, source, "tokens")
    matcher = TermMatcher(terms, mode="as_is" if column == "term" else column)
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
