"""Collocations: the words that keep company with a node word, scored with NLTK's measures."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from newscorpus.base.checks import (
    check_choice,
    check_int,
    check_table,
    check_text_column,
    fail,
)
from newscorpus.base.words import stem
from newscorpus.keywords.tokens import COLUMNS, _check_stop, _ordered

#: NLTK bigram association measures :func:`collocations` can report.
MEASURES = ("likelihood_ratio", "pmi", "chi_sq", "student_t", "dice", "jaccard",
            "poisson_stirling", "phi_sq", "raw_freq")


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
        raise fail("nodes", f"expected words, or a mapping of a label to its word forms, got "
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
    counts = collocation_counts(tokens, nodes, window=window, drop_stop=drop_stop,
                                column=column)
    return score_collocations(counts, nodes, min_freq=min_freq, measures=measures,
                              attracted_only=attracted_only)


def collocation_counts(tokens: pd.DataFrame,
                       nodes: str | Iterable[str] | Mapping[str, Iterable[str]],
                       window: int = 5, drop_stop: bool = True, column: str = "lower") -> dict:
    """What :func:`collocations` scores, counted in ``tokens``: counts that add up over parts.

    Returns a dict: ``words`` (a ``Counter`` of every word, node forms merged into their node),
    ``pairs`` (a ``Counter`` of the ordered pairs within the window that hold a node), ``stops``
    (the words flagged ``stop``, with ``drop_stop``) and ``window``. Windows never cross a
    sentence, so the counts of parts of a corpus, added up with
    :func:`add_collocation_counts`, are those of the whole; :func:`score_collocations` scores
    them. The arguments are those of :func:`collocations`.
    """
    from collections import Counter

    from nltk.collocations import BigramCollocationFinder

    groups = _nodes(nodes)
    window = check_int(window, "window", 2)
    check_choice(column, COLUMNS, "column")
    needed = ["doc_id", "sentence_id", "position", column] + (["stop"] if drop_stop else [])
    check_table(tokens, needed, "tokens")
    check_text_column(tokens, column, "tokens")
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
    marker = _markers(groups)
    words = np.array([marker[label_of[w]] if w in label_of else w for w in words], dtype=object)
    sentence = pd.factorize(pd.MultiIndex.from_arrays([table["doc_id"], table["sentence_id"]]))[0]
    breaks = np.flatnonzero(np.diff(sentence)) + 1
    padding = [None] * (window - 1)
    stream = [w for part in np.split(words, breaks) for w in (*part, *padding)]
    finder = BigramCollocationFinder.from_words(stream, window_size=window)
    held = set(marker.values())
    pairs = Counter({pair: n for pair, n in finder.ngram_fd.items()
                     if pair[0] in held or pair[1] in held})
    return {"words": Counter(finder.word_fd), "pairs": pairs, "stops": stops, "window": window}


def _markers(groups: Mapping[str, object]) -> dict[str, str]:
    return {label: "\x00" + label for label in groups}  # merged node forms: never a word


def add_collocation_counts(parts: Sequence[dict]) -> dict:
    """:func:`collocation_counts` of parts of a corpus (same nodes and window), added up."""
    from collections import Counter

    words, pairs, stops = Counter(), Counter(), set()
    for part in parts:
        words.update(part["words"])
        pairs.update(part["pairs"])
        stops |= part["stops"]
    return {"words": words, "pairs": pairs, "stops": stops, "window": parts[0]["window"]}


def score_collocations(counts: dict, nodes: str | Iterable[str] | Mapping[str, Iterable[str]],
                       min_freq: int = 2,
                       measures: Sequence[str] = ("likelihood_ratio", "pmi"),
                       attracted_only: bool = True) -> pd.DataFrame:
    """The table of :func:`collocations` from :func:`collocation_counts` (of the same nodes)."""
    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures
    from nltk.probability import FreqDist

    groups = _nodes(nodes)
    min_freq = check_int(min_freq, "min_freq", 1)
    measures = [measures] if isinstance(measures, str) else list(measures)
    if not measures:
        raise fail("measures", "no measure given", f"use some of {', '.join(MEASURES)}")
    for m in measures:
        check_choice(m, MEASURES, "measures")
    marker = _markers(groups)
    node_of = {v: k for k, v in marker.items()}
    stops = counts["stops"]
    finder = BigramCollocationFinder(FreqDist(counts["words"]), FreqDist(counts["pairs"]),
                                     window_size=counts["window"])
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
