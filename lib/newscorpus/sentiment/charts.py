"""Charts of notebook 03: arcs, distributions, intervals, tone over time, saturation and
agreement between methods.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

from newscorpus.base.figures import BLUE, ORANGE, draw_intervals, nothing_to_draw, panels


def arc_chart(scored: pd.DataFrame, *, order=None, value: str = "compound", window: int = 5,
              cols: int = 2):
    """Draw the sentiment arc of each document: every unit's score in reading order.

    Dots are the units (sentences or paragraphs); the line is a centred moving mean over
    ``window`` units, drawn where the window is full.

    Parameters
    ----------
    scored : pandas.DataFrame
        Columns ``doc_id`` and ``value``, one row per unit in reading order.
    order : sequence of str, optional
        The documents, in the order of the panels (default: as they come).
    window : int
        Units in the moving mean.

    Returns
    -------
    fig, axes
    """
    docs = list(order) if order is not None else list(dict.fromkeys(scored["doc_id"]))
    if scored.empty or not docs:
        return nothing_to_draw("No unit was scored.")
    fig, axes = panels(len(docs), cols=cols, width=3.6, height=2.0)
    for ax, doc in zip(axes, docs, strict=True):
        values = scored.loc[scored["doc_id"] == doc, value].reset_index(drop=True)
        x = range(1, len(values) + 1)
        ax.plot(x, values, "o", color=BLUE, markersize=2.5, alpha=0.6)
        ax.plot(x, values.rolling(window, center=True).mean(), color=ORANGE, linewidth=1.2)
        ax.axhline(0, color="black", linewidth=0.6)
        ax.set_ylim(-1.05, 1.05)
        ax.set_title(str(doc), fontsize=7, loc="left")
        ax.tick_params(labelsize=7)
    for ax in axes[-cols:]:
        ax.set_xlabel("unit in reading order", fontsize=7)
    fig.tight_layout()
    return fig, axes


#: At most this many units of a group are drawn as dots (a seeded sample beyond it).
MAX_DOTS = 300


def distribution_stats(scored: pd.DataFrame, *, by: str = "doc_id", order=None,
                       value: str = "compound") -> pd.DataFrame:
    """Return the box plot of each group as numbers: the table behind :func:`distribution_chart`.

    One row per group, in the order drawn: ``n``, ``mean``, the quartiles ``q1``, ``median``,
    ``q3`` and the whisker ends ``whisker_low``, ``whisker_high`` (the most extreme values
    within 1.5 interquartile ranges of the box, as matplotlib draws them), and ``dots``, how
    many units are drawn as dots. Its size grows with the groups, not with the units.

    Examples
    --------
    >>> # Quartiles 0.0 and 0.2, so the whiskers reach at most 0.3 beyond the box (-0.3, 0.5):
    >>> # -0.5 and 0.9 lie outside, and the whiskers end at 0.0 and 0.2.
    >>> table = pd.DataFrame({"doc_id": ["a"] * 5, "compound": [-0.5, 0.0, 0.1, 0.2, 0.9]})
    >>> distribution_stats(table).iloc[0, 1:].astype(float).round(6).tolist()
    [5.0, 0.14, 0.0, 0.1, 0.2, 0.0, 0.2, 5.0]
    """
    from matplotlib.cbook import boxplot_stats

    names = {"mean": "mean", "q1": "q1", "median": "med", "q3": "q3", "whisker_low": "whislo",
             "whisker_high": "whishi"}  # ours: matplotlib's
    groups = list(order) if order is not None else list(dict.fromkeys(scored[by]))
    rows = []
    for group in groups:
        values = scored.loc[scored[by] == group, value].dropna().to_numpy()
        stats = boxplot_stats(values)[0] if len(values) else {}
        rows.append({by: group, "n": len(values),
                     **{ours: stats.get(theirs, float("nan")) for ours, theirs in names.items()},
                     "dots": min(len(values), MAX_DOTS)})
    return pd.DataFrame(rows)


def distribution_chart(scored: pd.DataFrame, *, by: str = "doc_id", order=None,
                       value: str = "compound"):
    """Draw each group's scores as a box plot with its units as dots beside it.

    The dots are spread vertically by a fixed pseudo-random jitter (seeded), so the figure is
    the same on every run. A group of more than :data:`MAX_DOTS` units shows a seeded sample
    of that many (the box is drawn from all of them), so the figure does not grow with the
    corpus; :func:`distribution_stats` gives the numbers drawn.

    Returns
    -------
    fig, ax
    """
    import numpy as np

    groups = list(order) if order is not None else list(dict.fromkeys(scored[by]))
    if scored.empty or not groups:
        return nothing_to_draw("No unit was scored.")
    data = [scored.loc[scored[by] == g, value].dropna().to_numpy() for g in groups]
    fig, ax = plt.subplots(figsize=(7.0, 0.55 * len(groups) + 1.4))
    ax.boxplot(data, orientation="horizontal", widths=0.5, showfliers=False,
               medianprops={"color": ORANGE})
    rng, sampler = np.random.default_rng(0), np.random.default_rng(1)
    for i, values in enumerate(data, start=1):
        shown = values
        if len(values) > MAX_DOTS:
            shown = np.sort(sampler.choice(values, MAX_DOTS, replace=False))
        ax.plot(shown, i + rng.uniform(-0.18, 0.18, len(shown)), "o", color=BLUE,
                markersize=2, alpha=0.45)
        note = f"n={len(values):,}" + (f" ({len(shown)} shown)" if len(shown) < len(values)
                                        else "")
        ax.annotate(note, (1.02, i), xycoords=("axes fraction", "data"), va="center",
                    fontsize=7)
    ax.set_yticks(range(1, len(groups) + 1), groups, fontsize=7)
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlim(-1.05, 1.05)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(f"{value} score of each unit")
    return fig, ax


def interval_chart(summary: pd.DataFrame, *, label: str, value: str = "mean_compound",
                   low: str = "ci_low", high: str = "ci_high", n: str | None = "n",
                   xlabel: str = "mean compound score (95% bootstrap interval)",
                   reference: pd.DataFrame | None = None, reference_value: str | None = None,
                   reference_label: str = "published", zero: bool = True):
    """Draw one estimate with its interval per row, labelled with the count behind it.

    Parameters
    ----------
    summary : pandas.DataFrame
        Columns ``label``, ``value``, ``low``, ``high`` and (optionally) ``n``, in the order to
        draw them, top to bottom.
    reference : pandas.DataFrame, optional
        Columns ``label`` and ``value`` (or ``reference_value``): published or other reference
        values, drawn as hollow diamonds on the same rows (rows without a value get none).
    reference_value : str, optional
        The column of ``reference`` holding its values (default: ``value``), so that one table
        with both a measured and a published column can serve as ``summary`` and ``reference``.
    reference_label : str
        The legend entry of the diamonds.
    zero : bool
        Draw a line at zero.

    Returns
    -------
    fig, ax
    """
    if summary.empty:
        return nothing_to_draw("No estimate to show.")
    fig, ax = plt.subplots(figsize=(7.0, 0.4 * len(summary) + 1.3))
    y = list(range(len(summary)))
    draw_intervals(ax, summary[value], y, summary[low], summary[high], color=BLUE,
                   label="estimate and interval")
    if n is not None:
        for i, count in enumerate(summary[n]):
            ax.annotate(f"n={count}", (1.01, i), xycoords=("axes fraction", "data"),
                        va="center", fontsize=7)
    if reference is not None:
        rows = {lab: i for i, lab in enumerate(summary[label])}
        column = reference_value or value
        ref = reference[reference[label].isin(rows) & reference[column].notna()]
        # Hollow and on top: an estimate that hits the reference stays visible inside it.
        ax.plot(ref[column], [rows[lab] for lab in ref[label]], "D", mfc="none", markersize=9,
                markeredgewidth=1.4, color=ORANGE, label=reference_label, zorder=4)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, frameon=False)
    if zero:
        ax.axvline(0, color="black", linewidth=0.6)
    ax.set_yticks(y, summary[label].astype(str), fontsize=7)
    ax.set_ylim(len(summary) - 0.5, -0.5)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(xlabel)
    return fig, ax


def tone_timeline_chart(summary: pd.DataFrame, *, value: str = "mean_compound",
                        low: str = "ci_low", high: str = "ci_high"):
    """Draw each document's mean score at its date, with its interval and its date span.

    Documents are numbered in date order beside their points, and the numbers are explained in
    a key under the axes (document id and units), so that long ids never overlap each other or
    the data however close the dates are.

    Parameters
    ----------
    summary : pandas.DataFrame
        Columns ``doc_id``, ``date_start``, ``date_end``, ``value``, ``low``, ``high`` and
        ``n``. A document is drawn at the middle of its date span, which is drawn as a
        horizontal bar; documents without a date are left out.

    Returns
    -------
    fig, ax
    """
    dated = summary[summary["date_start"].notna()].sort_values(["date_start", "doc_id"],
                                                               kind="stable")
    if dated.empty:
        return nothing_to_draw("No document has a date, so there is no time line to draw.")
    fig, ax = plt.subplots(figsize=(7.0, 3.4 + 0.16 * -(-len(dated) // 2)))
    one_day = pd.Timedelta(days=1)
    for number, row in enumerate(dated.itertuples(index=False), start=1):
        start, end = row.date_start, row.date_end
        mid = start + (end + one_day - start) / 2
        mean, lo, hi = getattr(row, value), getattr(row, low), getattr(row, high)
        ax.plot([start, end + one_day], [mean, mean], color=BLUE, alpha=0.35, linewidth=4)
        draw_intervals(ax, [mean], [mdates.date2num(mid)], [lo], [hi], horizontal=False)
        ax.annotate(str(number), (mid, mean), xytext=(5, 3), textcoords="offset points",
                    fontsize=7, fontweight="bold")
        ax.plot([], [], " ", label=f"{number}  {row.doc_id} (n={row.n})")
    ax.axhline(0, color="black", linewidth=0.6)
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.set_ylabel("mean compound score\n(95% bootstrap interval)")
    ax.set_xlabel("date (bar: the span the document's date can mean)")
    if len(dated):
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, frameon=False,
                  fontsize=7, handlelength=0, handletextpad=0, columnspacing=2.0)
    return fig, ax


def saturation_chart(table: pd.DataFrame):
    """Draw VADER on a growing text scored as one string against the mean of its sentences.

    Parameters
    ----------
    table : pandas.DataFrame
        Columns ``k``, ``compound_joined`` and ``mean_compound`` (see
        :func:`newscorpus.sentiment.saturation.cumulative_compound`), with an optional ``doc_id``
        (one line each).

    Returns
    -------
    fig, ax
    """
    if table.empty:
        return nothing_to_draw("No document to score as one growing string.")
    fig, ax = plt.subplots(figsize=(7.0, 3.2))
    docs = list(dict.fromkeys(table["doc_id"])) if "doc_id" in table else [None]
    colors = plt.get_cmap("tab10").colors
    for i, doc in enumerate(docs):
        part = table if doc is None else table[table["doc_id"] == doc]
        ax.plot(part["k"], part["compound_joined"], color=colors[i % 10], linewidth=1.2,
                label=doc if doc is not None else "first k sentences as one string")
        ax.plot(part["k"], part["mean_compound"], color=colors[i % 10], linewidth=1.0,
                linestyle="--")
    ax.plot([], [], color="black", label="solid: the first k sentences as one string")
    ax.plot([], [], color="black", linestyle="--", label="dashed: mean of their k scores")
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("k, number of sentences from the start of the document")
    ax.set_ylabel("compound score")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=7)
    return fig, ax


#: Above this many units a panel of :func:`agreement_chart` is drawn as hexagonal bins.
HEXBIN_ABOVE = 1000
_GRIDSIZE = 30


def _hexbins(part: pd.DataFrame, x: str, y: str):
    """Draw ``part`` as hexagonal bins on a scratch axes; return (centre x, centre y, count)."""
    fig, ax = plt.subplots()
    try:
        bins = ax.hexbin(part[x], part[y], gridsize=_GRIDSIZE, mincnt=1)
        return bins.get_offsets()[:, 0], bins.get_offsets()[:, 1], bins.get_array()
    finally:
        plt.close(fig)


def agreement_table(table: pd.DataFrame, *, x: str, y: str, by: str | None = None,
                    hexbin_above: int = HEXBIN_ABOVE) -> pd.DataFrame:
    """Return what :func:`agreement_chart` draws: the units, or the bins of a large panel.

    A panel of at most ``hexbin_above`` units is drawn as dots, and its rows are the units
    (all their columns, so each dot can be traced to its sentence, and a ``count`` of 1); a
    larger one as hexagonal bins, and its rows are the bins (centre ``x``, centre ``y``,
    ``count`` of units, and the group ``by``), so the table grows with the bins, not with the
    corpus.

    Examples
    --------
    >>> small = pd.DataFrame({"a": [0.1, 0.2], "b": [0.3, 0.1]})
    >>> agreement_table(small, x="a", y="b")["count"].tolist()
    [1, 1]
    >>> import numpy as np
    >>> big = pd.DataFrame({"a": np.linspace(-1, 1, 5000), "b": np.linspace(-1, 1, 5000)})
    >>> binned = agreement_table(big, x="a", y="b")
    >>> len(binned) < 100, int(binned["count"].sum())
    (True, 5000)
    """
    groups = list(dict.fromkeys(table[by])) if by else [None]
    parts = []
    for group in groups:
        part = table if group is None else table[table[by] == group]
        if len(part) > hexbin_above:
            cx, cy, count = _hexbins(part, x, y)
            frame = pd.DataFrame({x: cx, y: cy, "count": count.astype(int)})
        else:
            frame = part.assign(count=1).reset_index(drop=True)
        if by and by not in frame:
            frame.insert(0, by, group)
        parts.append(frame)
    return pd.concat(parts, ignore_index=True)


def agreement_chart(table: pd.DataFrame, *, x: str, y: str, xlabel: str = "",
                    ylabel: str = "", cols: int = 2, by: str | None = None,
                    hexbin_above: int = HEXBIN_ABOVE):
    """Draw one score against another (per panel when ``by`` is given), with Pearson r.

    Panels with more than ``hexbin_above`` points are drawn as hexagonal bins (vector shapes,
    few of them, so the SVG stays small); smaller ones as dots. :func:`agreement_table` gives
    the table drawn.

    Returns
    -------
    fig, axes
    """
    if table.empty:
        return nothing_to_draw("No unit was scored by both methods.")
    groups = list(dict.fromkeys(table[by])) if by else [None]
    fig, axes = panels(len(groups), cols=cols, width=3.5, height=3.0)
    for ax, group in zip(axes, groups, strict=True):
        part = table if group is None else table[table[by] == group]
        if len(part) > hexbin_above:
            ax.hexbin(part[x], part[y], gridsize=_GRIDSIZE, cmap="Blues", mincnt=1,
                      linewidths=0.1)
        else:
            ax.plot(part[x], part[y], "o", color=BLUE, markersize=2.5, alpha=0.5)
        r = part[x].corr(part[y]) if len(part) > 2 else float("nan")
        ax.set_title(f"{group + ': ' if group else ''}r = {r:.3f}, n = {len(part):,}",
                     fontsize=8, loc="left")
        ax.set_xlabel(xlabel or x, fontsize=7)
        ax.set_ylabel(ylabel or y, fontsize=7)
        ax.tick_params(labelsize=7)
    fig.tight_layout()
    return fig, axes
