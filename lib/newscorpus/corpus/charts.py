"""Charts of notebook 00: document lengths and the publication timeline."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from newscorpus.base.figures import nothing_to_draw


def lengths_chart(lengths: pd.DataFrame, *, measures=("characters", "words", "sentences")):
    """Draw one horizontal bar panel per measure, one bar per document.

    Parameters
    ----------
    lengths : pandas.DataFrame
        Columns ``doc_id`` and each of ``measures`` (see
        :func:`newscorpus.corpus.describe.document_lengths`).

    Returns
    -------
    fig, axes
    """
    fig, axes = plt.subplots(1, len(measures), sharey=True,
                             figsize=(3.0 * len(measures), 0.45 * len(lengths) + 1.2))
    labels = lengths["doc_id"].tolist()[::-1]
    for ax, measure in zip(axes, measures, strict=True):
        values = lengths[measure].tolist()[::-1]
        ax.barh(labels, values, color="#4c72b0")
        ax.set_xlabel(measure)
        ax.grid(axis="y", visible=False)
        for y, v in enumerate(values):
            ax.annotate(f"{v:,}", (v, y), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=7)
        ax.margins(x=0.25)
    return fig, axes


def timeline_chart(timeline: pd.DataFrame):
    """Draw each document's date on a line per outlet: a dot for a day, a bar for a span.

    A span (a month, a year or a range) is drawn as a bar from its first to its last day with
    a hollow diamond at its midpoint, so that a span of a few days stays visible.

    Parameters
    ----------
    timeline : pandas.DataFrame
        As returned by :func:`newscorpus.corpus.describe.timeline_table`.

    Returns
    -------
    fig, ax
    """
    timeline = timeline[timeline["date_start"].notna()]
    if timeline.empty:
        return nothing_to_draw("No document has a date: the timeline is empty.")
    first = timeline.groupby("outlet")["date_start"].min().sort_values(kind="stable")
    outlets = first.index.tolist()
    fig, ax = plt.subplots(figsize=(7.0, 0.55 * len(outlets) + 1.6))
    one_day = pd.Timedelta(days=1)
    for row in timeline.itertuples(index=False):
        y = outlets.index(row.outlet)
        if row.date_end == row.date_start:
            ax.plot([row.date_start], [y], "o", color="#4c72b0")
        else:
            ax.barh(y, row.date_end + one_day - row.date_start, left=row.date_start,
                    height=0.3, color="#4c72b0", alpha=0.45)
            mid = row.date_start + (row.date_end - row.date_start) / 2
            ax.plot([mid], [y], "D", mfc="white", color="#4c72b0")
        ax.annotate(row.doc_id, (row.date_start, y), xytext=(0, 8), textcoords="offset points",
                    fontsize=7)
    ax.plot([], [], "o", color="#4c72b0", label="date known to the day")
    ax.plot([], [], "D", mfc="white", color="#4c72b0", label="month, year or range (midpoint)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=2, frameon=False,
              fontsize=7)
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_ylim(len(outlets) - 0.2, -0.6)  # earliest outlet at the top
    lo, hi = timeline["date_start"].min(), timeline["date_end"].max() + one_day
    pad = max((hi - lo) * 0.04, pd.Timedelta(days=15))
    ax.set_xlim(lo - pad, hi + pad)
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("publication date")
    return fig, ax


def lengths_by_group_chart(lengths: pd.DataFrame, groups: pd.Series, *,
                           measures=("characters", "words", "sentences"), unit="document",
                           shares: bool = False, xlabel: str = "{}"):
    """Draw the distribution of each measure per group of documents, as box plots.

    Parameters
    ----------
    lengths : pandas.DataFrame
        ``doc_id`` and each of ``measures``.
    groups : pandas.Series
        The group of each document, indexed by ``doc_id``, with the groups' order in
        ``attrs["order"]`` (:func:`newscorpus.corpus.groups.document_groups`).
    shares : bool
        The measures are shares (0 to 1), labelled as percentages.
    xlabel : str
        Each panel's label, ``{}`` standing for the measure.

    Returns
    -------
    fig, axes
    """
    from matplotlib.ticker import PercentFormatter

    from newscorpus.corpus.groups import group_label

    group = lengths["doc_id"].map(groups)
    order = [g for g in groups.attrs.get("order", sorted(group.unique())) if (group == g).any()]
    if not order:
        return nothing_to_draw("No document to measure.")
    labels = [group_label(g, int((group == g).sum()), unit) for g in order][::-1]
    fig, axes = plt.subplots(1, len(measures), sharey=True,
                             figsize=(3.0 * len(measures), 0.4 * len(order) + 1.4))
    for ax, measure in zip(axes, measures, strict=True):
        data = [lengths.loc[group == g, measure].to_numpy() for g in order][::-1]
        ax.boxplot(data, vert=False, widths=0.6, showfliers=True, flierprops={"markersize": 2},
                   medianprops={"color": "#dd8452"})
        ax.set_yticks(range(1, len(order) + 1), labels)
        ax.xaxis.set_major_locator(MaxNLocator(4))
        ax.xaxis.set_major_formatter(PercentFormatter(1.0) if shares
                                     else StrMethodFormatter("{x:,.0f}"))
        ax.set_xlabel(xlabel.format(measure))
        ax.grid(axis="y", visible=False)
    return fig, axes


def timeline_counts_chart(counts: pd.DataFrame, order=None):
    """Draw documents per stretch of time, as bars stacked by group.

    Parameters
    ----------
    counts : pandas.DataFrame
        :func:`newscorpus.corpus.describe.timeline_counts`.
    order : list, optional
        The groups in the order of the legend.

    Returns
    -------
    fig, ax
    """
    if counts.empty:
        return nothing_to_draw("No document has a date: the timeline is empty.")
    wide = counts.pivot_table(index="stretch", columns="group", values="documents",
                              aggfunc="sum", fill_value=0)
    freq = counts["freq"].iloc[0]
    wide = wide.reindex(pd.date_range(wide.index.min(), wide.index.max(), freq=freq),
                        fill_value=0)
    groups = [g for g in (order or wide.columns) if g in wide.columns]
    fig, ax = plt.subplots(figsize=(7.0, 3.4))
    width = {"MS": 25, "QS": 80, "YS": 330}[freq]
    bottom = np.zeros(len(wide))
    for g in groups:
        ax.bar(wide.index, wide[g], width=width, bottom=bottom, align="edge",
               label=f"{g} ({wide[g].sum():,})")
        bottom += wide[g].to_numpy()
    per = {"MS": "month", "QS": "quarter", "YS": "year"}[freq]
    ax.set_ylabel(f"documents per {per}")
    ax.set_xlabel("publication date (the last day a date can mean)")
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    if len(groups) > 1:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=7)
    return fig, ax
