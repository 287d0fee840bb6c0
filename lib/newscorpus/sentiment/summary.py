"""Tone summed per document, group or actor: tallies, means with bootstrap intervals, agreement."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from newscorpus.base.errors import ParameterError, Problem
from newscorpus.base.stats import cluster_bootstrap
from newscorpus.sentiment.checks import (
    LABELS,
    _by_list,
    _check_columns,
    _check_count,
    _check_seed,
    _check_thresholds,
    _compound,
    _paired,
)
from newscorpus.sentiment.scorers import label

#: The count columns of :func:`tally` (besides the group columns); they add up across chunks.
TALLY_COLUMNS: tuple[str, ...] = ("n", "sum_compound", "n_negative", "n_neutral", "n_positive")


_MAX_DRAWS = 4_000_000  # bootstrap indices drawn at once: bounds memory at about 32 MB


def tally(scored: pd.DataFrame, by: str | Sequence[str] | None = None, *,
          negative: float = -0.05, positive: float = 0.05) -> pd.DataFrame:
    """Count scored units per group: the sums from which means and shares follow.

    Tallies of separate chunks of a corpus add up: :func:`combine_tallies` sums them, and the
    means and shares of the combined tally equal those of :func:`summarize` on the whole.

    Parameters
    ----------
    scored : DataFrame
        A table with a ``compound`` column (from :func:`score_sentences` or
        :func:`score_texts`) and the ``by`` columns.
    by : str, list of str or None
        Group columns; ``None`` or ``[]`` makes one group of everything.
    negative, positive : float
        Label thresholds (see :func:`label`).

    Returns
    -------
    DataFrame
        The ``by`` columns (groups sorted; missing keys last), then :data:`TALLY_COLUMNS`:
        ``n, sum_compound, n_negative, n_neutral, n_positive``.

    Examples
    --------
    >>> scored = pd.DataFrame({"g": ["a", "a", "b"], "compound": [0.5, -0.2, 0.0]})
    >>> tally(scored, "g")
       g  n  sum_compound  n_negative  n_neutral  n_positive
    0  a  2           0.3           1          0           1
    1  b  1           0.0           0          1           0
    """
    by = _by_list(scored, by)
    values = _compound(scored, "scored")
    labels = label(values, negative, positive)
    frame = pd.DataFrame({**{c: scored[c].array for c in by}, "n": 1,
                          "sum_compound": values,
                          **{f"n_{name}": (labels == name).astype(int) for name in LABELS}})
    if not by:
        return frame[list(TALLY_COLUMNS)].sum().to_frame().T.astype(
            {c: int for c in TALLY_COLUMNS if c != "sum_compound"})
    return frame.groupby(by, sort=True, dropna=False, observed=True).sum().reset_index()


def combine_tallies(tallies: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Add up tallies of separate chunks (same ``by`` columns) into one.

    Examples
    --------
    >>> one = pd.DataFrame({"g": ["a"], "compound": [0.5]})
    >>> two = pd.DataFrame({"g": ["a", "b"], "compound": [-0.2, 0.0]})
    >>> combine_tallies([tally(one, "g"), tally(two, "g")]).equals(
    ...     tally(pd.concat([one, two]), "g"))
    True
    """
    tallies = list(tallies)
    if not tallies:
        raise ParameterError(Problem("parameter 'tallies'", "no tally was given",
                                     "pass one or more tables made by tally()"))
    by = [c for c in tallies[0].columns if c not in TALLY_COLUMNS]
    for t in tallies:
        _check_columns(t, [*by, *TALLY_COLUMNS], "tallies")
    frame = pd.concat(tallies, ignore_index=True)
    if not by:
        return frame[list(TALLY_COLUMNS)].sum().to_frame().T.astype(
            {c: int for c in TALLY_COLUMNS if c != "sum_compound"})
    return frame.groupby(by, sort=True, dropna=False, observed=True)[
        list(TALLY_COLUMNS)].sum().reset_index()


def _bootstrap_ci(values: np.ndarray, rng: np.random.Generator, n_boot: int,
                  level: float) -> tuple[float, float]:
    """Percentile interval of the mean of ``values`` over ``n_boot`` resamples."""
    n = len(values)
    if n < 2 or n_boot == 0:
        return math.nan, math.nan
    means = np.empty(n_boot)
    block = max(1, _MAX_DRAWS // n)
    for start in range(0, n_boot, block):
        stop = min(n_boot, start + block)
        means[start:stop] = values[rng.integers(0, n, size=(stop - start, n))].mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return float(low), float(high)


def summarize(scored: pd.DataFrame, by: str | Sequence[str] | None = None, *,
              negative: float = -0.05, positive: float = 0.05, n_boot: int = 2000,
              seed: int = 0, level: float = 0.95, cluster: str | None = None) -> pd.DataFrame:
    """Mean compound per group with a bootstrap interval, and the shares of each label.

    Parameters
    ----------
    scored : DataFrame
        A table with a ``compound`` column and the ``by`` columns.
    by : str, list of str or None
        Group columns; ``None`` gives one row for the whole table.
    negative, positive : float
        Label thresholds (see :func:`label`).
    n_boot : int
        Bootstrap resamples; 0 skips the interval (NaN).
    seed : int
        Seed of numpy's ``default_rng``: the same table, ``by`` and seed always give the same
        intervals (groups are resampled in the order of the output rows).
    level : float
        Coverage of the interval, between 0 and 1.
    cluster : str, optional
        A column naming the unit of sampling, usually ``"doc_id"``: the interval then
        resamples whole documents (:func:`newscorpus.base.stats.cluster_bootstrap`), and a
        group of fewer than :data:`~newscorpus.base.stats.MIN_CLUSTERS` documents gets none.
        Without it, the units (sentences) are resampled as if independent, which they are not
        across documents: use that only within one document.

    Returns
    -------
    DataFrame
        The ``by`` columns (groups sorted), then ``n`` (units), ``documents`` (with
        ``cluster``), ``mean_compound, ci_low, ci_high, share_negative, share_neutral,
        share_positive``. ``ci_low``/``ci_high`` is the percentile bootstrap interval of the
        mean; it is NaN for a group of one unit, or too few documents.

    Raises
    ------
    ParameterError
        For a missing column, a missing score, or a bad ``n_boot``, ``level`` or threshold.

    Examples
    --------
    >>> scored = pd.DataFrame({"period": ["2015", "2015", "2015", "2016"],
    ...                        "compound": [-0.6, -0.2, 0.4, 0.0]})
    >>> summary = summarize(scored, "period", n_boot=1000)
    >>> summary[["period", "n", "mean_compound", "ci_low", "ci_high"]]
      period  n  mean_compound  ci_low  ci_high
    0   2015  3      -0.133333    -0.6      0.4
    1   2016  1       0.000000     NaN      NaN
    >>> summary[["share_negative", "share_neutral", "share_positive"]]
       share_negative  share_neutral  share_positive
    0        0.666667            0.0        0.333333
    1        0.000000            1.0        0.000000
    """
    n_boot = _check_count(n_boot, "n_boot", minimum=0)
    seed = _check_seed(seed)
    if isinstance(level, bool) or not isinstance(level, int | float) or not 0 < level < 1:
        raise ParameterError(Problem("parameter 'level'", f"expected a number between 0 and 1,"
                                     f" got {level!r}", "use e.g. level=0.95"))
    by = _by_list(scored, by)
    counts = tally(scored, by, negative=negative, positive=positive)
    values = _compound(scored, "scored")
    if by:
        codes = scored.groupby(by, sort=True, dropna=False, observed=True).ngroup().to_numpy()
    else:
        codes = np.zeros(len(values), dtype=int)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(counts) + 1))
    rng = np.random.default_rng(seed)
    if cluster is None:
        intervals = [_bootstrap_ci(values[order[a:b]], rng, n_boot, level)
                     for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    else:
        _check_columns(scored, [cluster], "scored")
        docs = scored[cluster].to_numpy()
        intervals, clusters = [], []
        for k, (a, b) in enumerate(zip(bounds[:-1], bounds[1:], strict=True)):
            part = pd.DataFrame({"d": docs[order[a:b]], "v": values[order[a:b]]})
            per_doc = part.groupby("d", sort=False)["v"].agg(["sum", "size"])
            clusters.append(len(per_doc))
            intervals.append(cluster_bootstrap(per_doc["sum"], per_doc["size"], n_boot=n_boot,
                                               seed=seed + k, level=level))
    n = counts["n"].to_numpy()
    out = counts[by].copy()
    out["n"] = n
    if cluster is not None:
        out["documents"] = clusters
    out["mean_compound"] = counts["sum_compound"].to_numpy() / n
    out["ci_low"] = [low for low, _ in intervals]
    out["ci_high"] = [high for _, high in intervals]
    for name in LABELS:
        out[f"share_{name}"] = counts[f"n_{name}"].to_numpy() / n
    return out


def agreement(first, second, *, negative: float = -0.05, positive: float = 0.05
              ) -> dict[str, float]:
    """How far two methods' scores of the same texts agree, as numbers and as labels.

    The two methods' scores are on different scales (see the module docstring), so they are
    compared by correlation and by the labels the same thresholds give them, not by their
    differences.

    Parameters
    ----------
    first, second : array-like
        Scores of the same texts, in the same order (e.g. VADER's and Pattern's compound).
    negative, positive : float
        Label thresholds (see :func:`label`), applied to both.

    Returns
    -------
    dict
        ``n``; ``pearson_r``; ``spearman_rho`` (Pearson r of the ranks, ties averaged);
        ``label_agreement`` (share of texts given the same label) and ``cohen_kappa`` (that
        share corrected for the agreement expected by chance from each method's own label
        shares: (p_o - p_e) / (1 - p_e)). Correlations are NaN when either input is constant.

    Raises
    ------
    ParameterError
        For inputs of different lengths, empty inputs, missing values or bad thresholds.

    Examples
    --------
    >>> result = agreement([0.5, -0.4, 0.0, 0.2], [0.3, -0.1, 0.1, 0.0])
    >>> {k: round(v, 3) for k, v in result.items()}  # doctest: +NORMALIZE_WHITESPACE
    {'n': 4, 'pearson_r': 0.866, 'spearman_rho': 0.8, 'label_agreement': 0.5,
     'cohen_kappa': 0.2}
    """
    _check_thresholds(negative, positive)
    a, b = _paired(first, second, ("first", "second"), ("scores", "scores"),
                   "pass two scores of each text")

    def pearson(x: np.ndarray, y: np.ndarray) -> float:
        if len(x) < 2 or x.std() == 0 or y.std() == 0:
            return math.nan
        return float(np.clip(np.corrcoef(x, y)[0, 1], -1.0, 1.0))

    ranks = [pd.Series(v).rank().to_numpy() for v in (a, b)]
    labels_a, labels_b = label(a, negative, positive), label(b, negative, positive)
    observed = float((labels_a == labels_b).mean())
    chance = sum(float((labels_a == c).mean()) * float((labels_b == c).mean()) for c in LABELS)
    kappa = (observed - chance) / (1 - chance) if chance < 1 else math.nan
    return {"n": len(a), "pearson_r": pearson(a, b), "spearman_rho": pearson(*ranks),
            "label_agreement": observed, "cohen_kappa": kappa}


def document_tally(scored: pd.DataFrame, by: str | Sequence[str] | None = None, *,
                   negative: float = -0.05, positive: float = 0.05) -> pd.DataFrame:
    """Per group and document, in corpus order: the tally of :func:`tally` (``n``,
    ``sum_compound``, label counts).

    The partial aggregate of :func:`summarize` with ``cluster="doc_id"``: the tallies of parts
    that never split a document, stacked, give :func:`summary_from_documents` the documents'
    sums the whole table gives (each a sum over the same units in the same order).

    Examples
    --------
    >>> scored = pd.DataFrame({"g": ["x", "x", "x"], "doc_id": ["a", "b", "a"],
    ...                        "compound": [0.5, -0.2, 0.1]})
    >>> document_tally(scored, "g")[["g", "doc_id", "n", "sum_compound"]].values.tolist()
    [['x', 'a', 2, 0.6], ['x', 'b', 1, -0.2]]
    """
    by = _by_list(scored, by)
    _check_columns(scored, ["doc_id"], "scored")
    values = _compound(scored, "scored")
    labels = label(values, negative, positive)
    frame = pd.DataFrame({**{c: scored[c].array for c in by},
                          "doc_id": scored["doc_id"].to_numpy(), "n": 1, "sum_compound": values,
                          **{f"n_{name}": (labels == name).astype("int64") for name in LABELS}})
    return frame.groupby([*by, "doc_id"], sort=False, dropna=False,
                         observed=True).sum().reset_index()


def summary_from_documents(tallies: pd.DataFrame, by: str | Sequence[str] | None = None, *,
                           n_boot: int = 2000, seed: int = 0,
                           level: float = 0.95) -> pd.DataFrame:
    """:func:`summarize` with ``cluster="doc_id"``, from stacked :func:`document_tally` rows.

    The groups come sorted, each resamples its documents in corpus order with seed
    ``seed + k`` for the ``k``-th group, as :func:`summarize` does, so the intervals are the
    same; a group's mean is the sum of its documents' sums over its units.
    """
    n_boot = _check_count(n_boot, "n_boot", minimum=0)
    seed = _check_seed(seed)
    by = [] if by is None else ([by] if isinstance(by, str) else list(by))
    grouped = (tallies.groupby(by, sort=True, dropna=False, observed=True) if by
               else [((), tallies)])
    rows = []
    for k, (key, part) in enumerate(grouped):
        key = key if isinstance(key, tuple) else (key,)
        n = int(part["n"].sum())
        low, high = cluster_bootstrap(part["sum_compound"].to_numpy(), part["n"].to_numpy(),
                                      n_boot=n_boot, seed=seed + k, level=level)
        rows.append({**dict(zip(by, key, strict=True)), "n": n, "documents": len(part),
                     "mean_compound": float(part["sum_compound"].sum()) / n, "ci_low": low,
                     "ci_high": high, **{f"share_{name}": int(part[f"n_{name}"].sum()) / n
                                         for name in LABELS}})
    columns = [*by, "n", "documents", "mean_compound", "ci_low", "ci_high",
               *(f"share_{name}" for name in LABELS)]
    return pd.DataFrame(rows, columns=columns)
