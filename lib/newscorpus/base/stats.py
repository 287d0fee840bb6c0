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
