"""Why documents are never scored whole: VADER's compound saturates as a text grows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from newscorpus.base.errors import ParameterError, Problem
from newscorpus.sentiment.checks import _as_texts, _check_columns
from newscorpus.sentiment.scorers import score_texts


def cumulative_compound(texts: Sequence[str], method: str = "vader", *,
                        ks: Iterable[int] | None = None, sep: str = " ") -> pd.DataFrame:
    """Score the first k texts joined into one, against the mean of their own scores.

    Shows why the project scores sentences and averages them, rather than scoring whole
    documents: VADER's ``compound`` is x / sqrt(x² + 15) of the *summed* valence x, so as a
    text grows the sum grows and ``compound_joined`` is pushed towards -1 or +1, while the mean
    of the sentence scores stays where the sentences are.

    Parameters
    ----------
    texts : sequence of str
        Usually the sentences of one document, in order.
    method : {"vader", "textblob"}
        See :func:`score_texts`.
    ks : iterable of int, optional
        The prefix lengths to evaluate (default 1, 2, ..., len(texts)). Scoring every prefix
        costs time quadratic in the length: pass a few ks for long inputs.
    sep : str
        What joins the texts.

    Returns
    -------
    DataFrame
        Columns ``k`` (texts joined), ``chars`` (length of the joined text),
        ``compound_joined`` (score of the joined text), ``mean_compound`` (mean of the first k
        texts' own scores).

    Examples
    --------
    "failed" has valence -2.3: one sentence scores -2.3 / sqrt(2.3² + 15) = -0.5106, two
    joined -4.6 / sqrt(4.6² + 15) = -0.7650, and so on towards -1.

    >>> cumulative_compound(["The talks failed."] * 4)
       k  chars  compound_joined  mean_compound
    0  1     17          -0.5106        -0.5106
    1  2     35          -0.7650        -0.5106
    2  3     53          -0.8720        -0.5106
    3  4     71          -0.9217        -0.5106
    """
    values, _ = _as_texts(texts)
    ks = list(range(1, len(values) + 1)) if ks is None else list(ks)
    bad = [k for k in ks if isinstance(k, bool) or not isinstance(k, int | np.integer)
           or not 1 <= k <= len(values)]
    if bad:
        raise ParameterError(Problem("parameter 'ks'", f"{bad[0]!r} is not a number of texts "
                                     f"between 1 and {len(values)}",
                                     "pass whole numbers from 1 to len(texts)"))
    own = score_texts(values, method)["compound"].to_numpy()
    means = np.cumsum(own) / np.arange(1, len(own) + 1)
    joined = [sep.join(values[:k]) for k in ks]
    return pd.DataFrame({"k": ks, "chars": [len(t) for t in joined],
                         "compound_joined": score_texts(joined, method)["compound"].to_numpy(),
                         "mean_compound": [means[k - 1] for k in ks]})


def saturation_by_document(units: pd.DataFrame, method: str = "vader", *,
                           max_points: int = 60) -> pd.DataFrame:
    """Return :func:`cumulative_compound` for each document of a table of units.

    Each document's units (``doc_id`` and ``text``, in reading order) are joined from the
    start; up to ``max_points`` prefix lengths, evenly spread and always including the whole
    document, are scored, so a long document costs ``max_points`` scorings, not one per unit.

    Returns
    -------
    DataFrame
        ``doc_id``, then the columns of :func:`cumulative_compound`; empty (same columns) when
        ``units`` is.

    Examples
    --------
    >>> units = pd.DataFrame({"doc_id": ["a"] * 3 + ["b"], "text": ["The talks failed."] * 4})
    >>> saturation_by_document(units, max_points=2)[["doc_id", "k", "compound_joined"]]
      doc_id  k  compound_joined
    0      a  1          -0.5106
    1      a  3          -0.8720
    2      b  1          -0.5106
    """
    _check_columns(units, ["doc_id", "text"], "units")
    if isinstance(max_points, bool) or not isinstance(max_points, int) or max_points < 1:
        raise ParameterError(Problem("parameter 'max_points'", f"expected a whole number of at "
                                     f"least 1, got {max_points!r}", "pass e.g. max_points=60"))
    parts = []
    for doc_id, part in units.groupby("doc_id", sort=False):
        n = len(part)
        ks = sorted({int(round(x)) for x in np.linspace(1, n, min(n, max_points))})
        table = cumulative_compound(part["text"].tolist(), method, ks=ks)
        parts.append(table.assign(doc_id=doc_id)[["doc_id", *table.columns]])
    if not parts:
        return pd.DataFrame({"doc_id": pd.Series(dtype="str"), "k": pd.Series(dtype="int64"),
                             "chars": pd.Series(dtype="int64"),
                             "compound_joined": pd.Series(dtype="float64"),
                             "mean_compound": pd.Series(dtype="float64")})
    return pd.concat(parts, ignore_index=True)
