"""Draw figures in one style and publish each with the table it was drawn from.

Every plotting helper returns ``fig, ax`` (captions belong in the notebook's markdown, not in a
title). :func:`save_figure` writes PNG, SVG and the CSV behind the figure, byte for byte the same
on every run: the SVG hash salt is fixed and no date is written into the files.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

from newscorpus.errors import ParameterError, Problem
from newscorpus.outputs import atomic_path, table_to_csv
from newscorpus.paths import display

__all__ = ["STYLE", "SavedFigure", "before_after_chart", "gold_chart", "lengths_chart",
           "removal_chart", "save_figure", "timeline_chart", "use_style"]

#: The project's matplotlib settings, applied once by :func:`use_style`.
STYLE: dict[str, object] = {
    "figure.figsize": (7.0, 3.6),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "svg.hashsalt": "newscorpus",
    "svg.fonttype": "path",
}

_NAME_RE = re.compile(r"^\d\d-[a-z0-9]+(?:-[a-z0-9]+)*$")


def use_style() -> None:
    """Apply :data:`STYLE` to matplotlib (call once, in a notebook's imports cell)."""
    mpl.rcParams.update(STYLE)


@dataclass(frozen=True)
class SavedFigure:
    """The files one :func:`save_figure` call wrote."""

    png: Path
    svg: Path
    csv: Path

    def __iter__(self):
        return iter((self.png, self.svg, self.csv))

    def __repr__(self) -> str:
        return "Saved " + ", ".join(display(p) for p in (self.png, self.svg, self.csv))


def save_figure(fig, table: pd.DataFrame, name: str,
                figures_dir: str | os.PathLike[str]) -> SavedFigure:
    """Save ``fig`` as ``NAME.png`` and ``NAME.svg`` and ``table`` as ``NAME.csv``.

    All three files are written to temporary files first and renamed into place only when all
    three are complete, so a failure while drawing leaves the previous versions untouched.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure.
    table : pandas.DataFrame
        The data the figure was drawn from, saved without its index.
    name : str
        File name without extension, starting with the notebook's two-digit number and a hyphen,
        in lower case: ``"00-document-lengths"``.
    figures_dir : path
        The folder to write to (created if missing).

    Returns
    -------
    SavedFigure

    Raises
    ------
    ParameterError
        If ``name`` does not follow the naming rule.
    """
    if not _NAME_RE.match(name):
        raise ParameterError(Problem(
            "save_figure", f"the figure name {name!r} does not start with a notebook number",
            "name figures like '00-document-lengths': two digits, a hyphen, then lower-case "
            "words joined by hyphens", field="name"))
    out = Path(figures_dir)
    targets = SavedFigure(out / f"{name}.png", out / f"{name}.svg", out / f"{name}.csv")
    with contextlib.ExitStack() as stack:
        png, svg, csv = (stack.enter_context(atomic_path(p)) for p in targets)
        with mpl.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"]}):
            fig.savefig(png, format="png", metadata={"Software": None})
            fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
        table_to_csv(table, csv)
    return targets


def lengths_chart(lengths: pd.DataFrame, *, measures=("characters", "words", "sentences")):
    """Draw one horizontal bar panel per measure, one bar per document.

    Parameters
    ----------
    lengths : pandas.DataFrame
        Columns ``doc_id`` and each of ``measures`` (see
        :func:`newscorpus.describe.document_lengths`).

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
        As returned by :func:`newscorpus.describe.timeline_table`.

    Returns
    -------
    fig, ax
    """
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


def before_after_chart(sizes: pd.DataFrame):
    """Draw one panel per measure with each document's raw and clean size side by side.

    Parameters
    ----------
    sizes : pandas.DataFrame
        As returned by :func:`newscorpus.audit.size_table`.

    Returns
    -------
    fig, axes
    """
    measures = list(dict.fromkeys(sizes["measure"]))
    docs = list(dict.fromkeys(sizes["doc_id"]))
    fig, axes = plt.subplots(1, len(measures), sharey=True,
                             figsize=(3.0 * len(measures), 0.55 * len(docs) + 1.4))
    y = list(range(len(docs)))
    for ax, measure in zip(axes, measures, strict=True):
        part = sizes[sizes["measure"] == measure].set_index("doc_id").loc[docs]
        ax.barh([v - 0.2 for v in y], part["raw"], height=0.4, color="#bbbbbb", label="raw")
        ax.barh([v + 0.2 for v in y], part["clean"], height=0.4, color="#4c72b0", label="clean")
        for v, (clean, share) in enumerate(zip(part["clean"], part["removed_share"],
                                               strict=True)):
            ax.annotate(f"{clean:,} (-{share:.0%})", (clean, v + 0.2), xytext=(3, 0),
                        textcoords="offset points", va="center", fontsize=7)
        ax.set_xlabel(measure)
        ax.grid(axis="y", visible=False)
        ax.margins(x=0.35)
    axes[0].set_yticks(y, docs)
    axes[0].invert_yaxis()
    axes[0].legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncols=2, frameon=False)
    return fig, axes


def removal_chart(summary: pd.DataFrame, *, value: str = "share"):
    """Draw, per document, a stacked bar of what each rule removed (share of raw characters).

    Parameters
    ----------
    summary : pandas.DataFrame
        As returned by :func:`newscorpus.audit.removal_summary`.
    value : str
        ``"share"`` (of the raw characters) or ``"chars"``.

    Returns
    -------
    fig, ax
    """
    docs = list(dict.fromkeys(summary["doc_id"]))
    rules = list(dict.fromkeys(summary["rule"]))
    wide = summary.pivot_table(index="doc_id", columns="rule", values=value, aggfunc="sum",
                               fill_value=0).reindex(index=docs, columns=rules)
    fig, ax = plt.subplots(figsize=(7.0, 0.5 * len(docs) + 1.8))
    left = [0.0] * len(docs)
    colors = plt.get_cmap("tab20").colors
    for k, rule in enumerate(rules):
        values = wide[rule].tolist()
        ax.barh(docs, values, left=left, color=colors[k % len(colors)], label=rule)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    if value == "share":
        ax.xaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0))
        ax.set_xlabel("share of the raw characters removed")
    else:
        ax.set_xlabel("characters removed")
    if rules:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=4, frameon=False,
                  fontsize=7)
    return fig, ax


def gold_chart(scores: pd.DataFrame):
    """Draw precision, recall and body kept for each gold document (0 to 1).

    Parameters
    ----------
    scores : pandas.DataFrame
        As returned by :func:`newscorpus.evaluate.score_gold_folder`.

    Returns
    -------
    fig, ax
    """
    measures = ["precision", "recall", "body_kept"]
    docs = scores["document"].tolist()
    fig, ax = plt.subplots(figsize=(7.0, 0.5 * len(docs) + 1.6))
    colors = ["#4c72b0", "#dd8452", "#55a868"]
    for k, measure in enumerate(measures):
        ax.barh([i + (k - 1) * 0.26 for i in range(len(docs))], scores[measure], height=0.26,
                color=colors[k], label=measure.replace("_", " "))
    ax.set_yticks(range(len(docs)), docs)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.0)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncols=3, frameon=False)
    ax.set_xlabel("share of non-space characters")
    return fig, ax
