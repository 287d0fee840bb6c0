"""Charts of notebook 04: motive shares by group."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import PercentFormatter

from newscorpus.base.figures import nothing_to_draw


def shares_chart(shares: pd.DataFrame, *, by: str = "period",
                 labels: dict[str, str] | None = None, value: str = "share",
                 low: str = "ci_low", high: str = "ci_high"):
    """Draw each theme's share per group as dots with intervals, the groups side by side.

    Parameters
    ----------
    shares : pandas.DataFrame
        Columns ``theme``, ``by``, ``value``, ``low`` and ``high`` (for example
        :func:`newscorpus.keywords.theme_counts.theme_shares`), themes and groups in the order to
        draw them.
    labels : dict, optional
        Theme name to the label shown.

    Returns
    -------
    fig, ax
    """
    if shares.empty:
        return nothing_to_draw("No theme share to show.")
    themes = list(dict.fromkeys(shares["theme"]))
    groups = list(dict.fromkeys(shares[by]))
    fig, ax = plt.subplots(figsize=(7.0, 0.5 * len(themes) * max(1, len(groups) / 2.5) + 1.4))
    colors = plt.get_cmap("tab10").colors
    step = 0.7 / max(len(groups), 1)
    for j, group in enumerate(groups):
        part = shares[shares[by] == group].set_index("theme").reindex(themes)
        y = [i - 0.35 + step * (j + 0.5) for i in range(len(themes))]
        # Clipped at 0: a share of 0 may sit a rounding error below its interval's low end.
        xerr = [(part[value] - part[low]).clip(lower=0), (part[high] - part[value]).clip(lower=0)]
        ax.errorbar(part[value], y, xerr=xerr,
                    fmt="o", color=colors[j % 10], capsize=2, markersize=4, label=str(group))
    ax.set_yticks(range(len(themes)), [(labels or {}).get(t, t) for t in themes], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(left=0)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("share of sentences (95% Wilson interval)")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=min(len(groups), 5),
              frameon=False, fontsize=8)
    return fig, ax
