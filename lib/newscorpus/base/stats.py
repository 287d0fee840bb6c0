"""Small statistics shared by the analyses."""

from __future__ import annotations

import numpy as np


def wilson_interval(matched, total, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Return the Wilson score interval of the proportions ``matched / total``.

    The interval (Wilson 1927) stays inside [0, 1] and is sensible for 0 of 50 as for 25 of
    50. It treats the sentences as independent draws, which sentences of one article are
    not: read it as the least uncertainty a share has, not the whole of it. A total of 0 gives
    NaN.

    Examples
    --------
    >>> # 0 of 50: z = 1.959964, upper = z^2 / (n + z^2) = 3.841459 / 53.841459 = 0.071348
    >>> low, high = wilson_interval([0, 25], [50, 50])
    >>> low.round(6).tolist(), high.round(6).tolist()
    ([0.0, 0.366445], [0.071348, 0.633555])
    """
    from scipy.stats import norm

    k = np.asarray(matched, dtype=float)
    n = np.asarray(total, dtype=float)
    z = norm.ppf(0.5 + level / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    # Rounding can leave the bounds a hair outside [0, 1] or on the wrong side of p.
    low = np.clip(np.minimum(centre - half, p), 0, 1)
    high = np.clip(np.maximum(centre + half, p), 0, 1)
    return low, high


#: Groups with fewer documents than this get no interval: documents are shown side by side.
MIN_CLUSTERS = 5
_MAX_DRAWS = 4_000_000  # resample weights drawn at once: bounds memory at about 32 MB


def cluster_bootstrap(sums, counts, *, n_boot: int = 2000, seed: int = 0,
                      level: float = 0.95, min_clusters: int = MIN_CLUSTERS
                      ) -> tuple[float, float]:
    """Percentile interval of a ratio of sums, resampling whole clusters (documents).

    The statistic is ``sum(sums) / sum(counts)``: the mean score of all sentences, or the
    share of sentences with a motive, pooled over the documents of a group. Sentences of one
    document are not independent draws; what the corpus samples, if anything, is documents.
    So each resample draws the group's documents with replacement, each with all its
    sentences (a cluster bootstrap, Davison & Hinkley 1997, section 3.8), and the interval is
    the spread of the ratio over ``n_boot`` resamples. With fewer than ``min_clusters``
    documents there is no interval (NaN, NaN): a handful of documents is read side by side.

    Parameters
    ----------
    sums, counts : array-like
        Per document: the sum of the values (scores, or 1 for a sentence with a motive) and
        the number of units.
    n_boot : int
        Resamples; 0 gives no interval.
    seed : int
        Seed of numpy's ``default_rng``: the same inputs give the same interval.
    level : float
        Coverage of the interval.
    min_clusters : int
        The fewest documents an interval is computed for.

    Returns
    -------
    (low, high)

    Examples
    --------
    >>> # Four documents: too few for an interval.
    >>> cluster_bootstrap([1, 2, 3, 4], [10, 10, 10, 10])
    (nan, nan)
    >>> # Every document has the same ratio (0.1), so every resample does too.
    >>> cluster_bootstrap([1, 2, 3, 4, 5], [10, 20, 30, 40, 50])
    (0.1, 0.1)
    >>> low, high = cluster_bootstrap([0, 0, 5, 5, 10], [10] * 5, n_boot=4000)
    >>> bool(0 < low < 0.4 < high < 0.8)
    True
    """
    s = np.asarray(sums, dtype=float)
    n = np.asarray(counts, dtype=float)
    k = len(s)
    if k < max(min_clusters, 2) or n_boot == 0 or n.sum() == 0:
        return float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    ratios = np.empty(n_boot)
    block = max(1, _MAX_DRAWS // k)
    for start in range(0, n_boot, block):
        stop = min(n_boot, start + block)
        weights = rng.multinomial(k, np.full(k, 1 / k), size=stop - start)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratios[start:stop] = (weights @ s) / (weights @ n)
    tail = (1 - level) / 2
    low, high = np.nanquantile(ratios, [tail, 1 - tail])
    return round(float(low), 12), round(float(high), 12)
