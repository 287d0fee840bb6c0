"""Charts of notebook 04: the method's validation, and the motive shares per document or group.

Imported on its own (it loads matplotlib). Each helper returns ``fig, ax``; captions belong in
the notebook (:func:`newscorpus.base.figures.save_figure`).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import PercentFormatter

from newscorpus.base.figures import (
    BLUE,
    GREY,
    LIGHT_BLUE,
    ORANGE,
    PALE_BLUE,
    PALEST_BLUE,
    draw_intervals,
    nothing_to_draw,
)

__all__ = ["shares_chart", "validation_chart"]


def validation_chart(table: pd.DataFrame):
    """Draw F1 per label on each part of the gold standard, and the coders' kappa.

    Parameters
    ----------
    table : DataFrame
        :func:`~newscorpus.motives.validation.validation_table`: ``label``,
        ``f1_development``, ``f1_heldout``, ``kappa`` and, where the gold has that part,
        ``f1_retired_1`` to ``f1_retired_3``, rows top to bottom.

    Returns
    -------
    fig, ax
    """
    if table.empty:
        return nothing_to_draw("No validation result to show.")
    series = [(column, name, color) for column, name, color in [
        ("f1_development", "F1, development part", BLUE),
        ("f1_retired_1", "F1, retired part 1 (held out, then seen)", LIGHT_BLUE),
        ("f1_retired_2", "F1, retired part 2 (held out, then seen)", PALE_BLUE),
        ("f1_retired_3", "F1, retired part 3 (held out, then seen)", PALEST_BLUE),
        ("f1_heldout", "F1, held-out part (never looked at)", ORANGE),
        ("kappa", "Cohen's kappa, coder A against coder B", GREY)] if column in table]
    fig, ax = plt.subplots(figsize=(7.0, 0.12 * len(series) * len(table) + 1.6))
    y = list(range(len(table)))
    height = 0.8 / len(series)
    for k, (column, name, color) in enumerate(series):
        values = pd.to_numeric(table[column], errors="coerce").fillna(0).clip(lower=0)
        ax.barh([i + (k - (len(series) - 1) / 2) * height for i in y], values, height=height,
                color=color, label=name)
    ax.set_yticks(y, table["label"], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.axvline(0.6, color="black", linewidth=0.8, linestyle=":")
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("F1 or kappa (dotted: the 0.6 aimed at; a missing bar is 0 or undefined)")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, frameon=False, fontsize=8)
    return fig, ax


def shares_chart(shares: pd.DataFrame):
    """Draw each label's share of sentences per group, with its interval where it has one.

    Parameters
    ----------
    shares : DataFrame
        :func:`~newscorpus.motives.shares.motive_shares`: ``group_label``, ``label``,
        ``share``, ``ci_low``, ``ci_high``, labels and groups in the order to draw them.

    Returns
    -------
    fig, ax
    """
    if shares.empty:
        return nothing_to_draw("No sentence to count: the table of shares is empty.")
    labels = list(dict.fromkeys(shares["label"]))
    groups = list(dict.fromkeys(shares["group_label"]))
    fig, ax = plt.subplots(figsize=(7.0, 0.45 * len(labels) * max(1, len(groups) / 3) + 1.6))
    colors = plt.get_cmap("tab10").colors
    step = 0.75 / max(len(groups), 1)
    for j, group in enumerate(groups):
        part = shares[shares["group_label"] == group].set_index("label").reindex(labels)
        y = [i - 0.375 + step * (j + 0.5) for i in range(len(labels))]
        draw_intervals(ax, part["share"], y, part["ci_low"], part["ci_high"],
                       color=colors[j % 10], capsize=2, markersize=4, label=str(group))
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(left=0)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("share of sentences with the motive (95% interval over units, where 5 or more)")
    wide = max(len(str(g)) for g in groups) > 30
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=1 if wide else min(len(groups), 3),
              frameon=False, fontsize=7)
    return fig, ax
