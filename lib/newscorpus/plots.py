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
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from newscorpus.errors import ParameterError, Problem
from newscorpus.outputs import atomic_path, table_to_csv
from newscorpus.paths import display

__all__ = ["STYLE", "SavedFigure", "agreement_chart", "arc_chart", "before_after_chart",
           "collocates_chart", "dispersion_chart", "distribution_chart", "figure_caption",
           "gold_chart", "heatmap_chart", "interval_chart", "keyness_chart", "lengths_chart",
           "nothing_to_draw", "removal_chart", "saturation_chart", "save_figure",
           "shares_chart", "timeline_chart", "tone_timeline_chart", "top_terms_chart",
           "use_style"]

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


def nothing_to_draw(message: str, *, figsize=(7.0, 1.6)):
    """Return ``fig, ax`` holding only ``message``: what a chart draws when it has no data.

    A corpus too small for a chart (one document, no dates, no actor named) still gets its
    figure, saying why it is empty, so the run goes on and the reader learns the reason.

    Examples
    --------
    >>> fig, ax = nothing_to_draw("No document has a date.")
    >>> [t.get_text() for t in ax.texts]
    ['No document has a date.']
    """
    fig, ax = plt.subplots(figsize=figsize)
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", wrap=True, fontsize=9,
            transform=ax.transAxes)
    return fig, ax


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


def save_figure(fig, table: pd.DataFrame, name: str, figures_dir: str | os.PathLike[str], *,
                caption: str = "") -> SavedFigure:
    """Save ``fig`` as ``NAME.png`` and ``NAME.svg`` and ``table`` as ``NAME.csv``.

    All three files are written to temporary files first and renamed into place only when all
    three are complete, so a failure while drawing leaves the previous versions untouched. The
    caption travels inside both image files (PNG ``Description`` text, SVG Dublin Core
    description), so the figure catalogue and the site read it from the figure itself
    (:func:`figure_caption`).

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
    caption : str
        One or two sentences saying what the figure shows (plain text).

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
        text = " ".join(str(caption).split())
        with mpl.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"]}):
            fig.savefig(png, format="png", metadata={"Software": None, "Title": name,
                                                     "Description": text or None})
            fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None,
                                                     "Title": name,
                                                     "Description": text or None})
        table_to_csv(table, csv)
    return targets


def figure_caption(png: str | os.PathLike[str]) -> str:
    """Return the caption :func:`save_figure` stored in a PNG file ("" when it has none).

    Examples
    --------
    >>> import tempfile
    >>> fig, ax = plt.subplots()
    >>> saved = save_figure(fig, pd.DataFrame({"x": [1]}), "00-example", tempfile.mkdtemp(),
    ...                     caption="One point.")
    >>> figure_caption(saved.png)
    'One point.'
    """
    from PIL import Image

    with Image.open(png) as image:
        return str(getattr(image, "text", {}).get("Description", ""))


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
        ax.xaxis.set_major_formatter(PercentFormatter(1.0))
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


# --- keywords -----------------------------------------------------------------------------------

_BLUE, _ORANGE, _GREY = "#4c72b0", "#dd8452", "#999999"


def _panels(n: int, *, cols: int, width: float, height: float):
    """Return ``fig, axes`` with ``n`` panels on a grid ``cols`` wide; spare panels hidden."""
    cols = max(1, min(cols, n))
    rows = -(-n // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(width * cols, height * rows), squeeze=False)
    flat = axes.ravel().tolist()
    for ax in flat[n:]:
        ax.set_visible(False)
    return fig, flat[:n]


def _ranked_bars(ax, labels: list, values: list) -> None:
    """Horizontal bars, the first at the top; equal labels stay separate bars."""
    y = list(range(len(labels)))
    ax.barh(y, values, color=_BLUE)
    ax.set_yticks(y, [str(v) for v in labels])
    ax.invert_yaxis()


def top_terms_chart(top: pd.DataFrame, *, by: str = "doc_id", value: str = "per_10k",
                    term: str = "term", cols: int = 2):
    """Draw one horizontal bar panel per group with its top terms, largest at the top.

    Parameters
    ----------
    top : pandas.DataFrame
        Columns ``by``, ``term`` and ``value``, already cut to the top terms of each group (for
        example :func:`newscorpus.keywords.top_terms`), in the order to draw them.
    by, value, term : str
        The group column, the bar length and the bar label.

    Returns
    -------
    fig, axes
    """
    if top.empty:
        return nothing_to_draw("No term to show: the texts have no word that is not a stop word.")
    groups = list(dict.fromkeys(top[by]))
    most = int(top.groupby(by).size().max())
    fig, axes = _panels(len(groups), cols=cols, width=3.6, height=0.2 * most + 0.9)
    for ax, group in zip(axes, groups, strict=True):
        part = top[top[by] == group]
        _ranked_bars(ax, part[term].tolist(), part[value].tolist())
        ax.set_title(str(group), fontsize=8, loc="left")
        ax.tick_params(axis="y", labelsize=7)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(value.replace("_", " "), fontsize=7)
    fig.tight_layout()
    return fig, axes


def keyness_chart(table: pd.DataFrame, *, k: int = 15, target: str = "target",
                  reference: str = "reference", term: str = "term"):
    """Draw the ``k`` most key terms on each side as log-ratio bars, with their raw counts.

    Bars to the right are more frequent in the target, to the left in the reference; the bar
    length is Hardie's log ratio (1 = twice as frequent) and each bar is labelled with the raw
    counts ``target : reference`` and G2.

    Parameters
    ----------
    table : pandas.DataFrame
        As returned by :func:`newscorpus.keywords.keyness` (columns ``term``, ``count_target``,
        ``count_reference``, ``g2``, ``log_ratio``), sorted by G2.
    k : int
        Terms per side.
    target, reference : str
        Names of the two sides for the legend.
    term : str
        The column that labels the bars (``"label"`` after
        :func:`newscorpus.keywords.label_terms`).

    Returns
    -------
    fig, ax
    """
    if table.empty:
        return nothing_to_draw(table.attrs.get("reason", "No term is frequent enough to compare."))
    over = table[table["log_ratio"] > 0].head(k)
    under = table[table["log_ratio"] < 0].head(k)
    shown = pd.concat([over, under.iloc[::-1]])
    fig, ax = plt.subplots(figsize=(7.0, 0.2 * len(shown) + 1.4))
    y = list(range(len(shown)))
    colors = [_BLUE if v > 0 else _ORANGE for v in shown["log_ratio"]]
    ax.barh(y, shown["log_ratio"], color=colors)
    for i, row in enumerate(shown.itertuples(index=False)):
        side = 1 if row.log_ratio > 0 else -1
        ax.annotate(f"{row.count_target}:{row.count_reference}  G2 {row.g2:.1f}",
                    (row.log_ratio, i), xytext=(3 * side, 0), textcoords="offset points",
                    va="center", ha="left" if side > 0 else "right", fontsize=6)
    ax.set_yticks(y, shown[term])
    ax.tick_params(axis="y", labelsize=7)
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.8)
    ax.margins(x=0.3)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("log ratio (log2 of relative frequency, target over reference)")
    handles = [Patch(color=_BLUE, label=f"more in {target}"),
               Patch(color=_ORANGE, label=f"more in {reference}")]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2,
              frameon=False)
    return fig, ax


def collocates_chart(collocates: pd.DataFrame, *, k: int = 15, score: str = "likelihood_ratio",
                     cols: int = 2):
    """Draw the ``k`` strongest collocates of each node word, labelled with their counts.

    ``word →`` is a collocate found before the node, ``→ word`` one found after it.

    Parameters
    ----------
    collocates : pandas.DataFrame
        Columns ``node``, ``collocate``, ``count`` and ``score`` (see
        :func:`newscorpus.keywords.collocations`), sorted by ``score``.

    Returns
    -------
    fig, axes
    """
    if collocates.empty:
        return nothing_to_draw("No node word has a collocate seen often enough (min_freq) in "
                               "this corpus.")
    nodes = list(dict.fromkeys(collocates["node"]))
    fig, axes = _panels(len(nodes), cols=cols, width=3.6, height=0.2 * k + 0.9)
    for ax, node in zip(axes, nodes, strict=True):
        part = collocates[collocates["node"] == node].head(k)
        # A word found both before and after the node is two rows: the arrow tells them apart.
        labels = [f"{c} \u2192" if side == "left" else f"\u2192 {c}"
                  for c, side in zip(part["collocate"], part["side"], strict=True)]
        _ranked_bars(ax, labels, part[score].tolist())
        for i, (value, count) in enumerate(zip(part[score].tolist(), part["count"].tolist(),
                                               strict=True)):
            ax.annotate(f"n={count}", (value, i), xytext=(2, 0), textcoords="offset points",
                        va="center", fontsize=6)
        ax.set_title(str(node), fontsize=8, loc="left")
        ax.tick_params(axis="y", labelsize=7)
        ax.margins(x=0.2)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(score.replace("_", " "), fontsize=7)
    fig.tight_layout()
    return fig, axes


def dispersion_chart(hits: pd.DataFrame, spans: pd.DataFrame, terms):
    """Draw a lexical dispersion plot: a tick for every occurrence of each term.

    The x axis runs through all documents, one after the other, in word positions; thin lines
    mark where each document starts, a number above the plot names it, and a key below the
    plot gives each number's document id.

    Parameters
    ----------
    hits : pandas.DataFrame
        Columns ``term`` and ``offset`` (running word position), see
        :func:`newscorpus.keywords.dispersion`.
    spans : pandas.DataFrame
        Columns ``doc_id``, ``start``, ``end`` in running word positions.
    terms : sequence of str
        The terms, top to bottom (terms with no occurrence get an empty row).

    Returns
    -------
    fig, ax
    """
    terms = list(terms)
    fig, ax = plt.subplots(figsize=(7.0, 0.32 * len(terms) + 1.6))
    for i, term in enumerate(terms):
        offsets = hits.loc[hits["term"] == term, "offset"]
        ax.plot(offsets, [i] * len(offsets), "|", color=_BLUE, markersize=9)
    # Documents are numbered above the plot (ids are too long for short spans) and listed in
    # a key below it.
    key = []
    for k, row in enumerate(spans.itertuples(index=False), 1):
        ax.axvline(row.start, color=_GREY, linewidth=0.6)
        ax.annotate(str(k), ((row.start + row.end) / 2, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(0, 3), textcoords="offset points", fontsize=7, ha="center")
        key.append(f"{k}  {row.doc_id}")
    ax.set_yticks(range(len(terms)), terms)
    ax.set_ylim(len(terms) - 0.5, -0.5)
    ax.set_xlim(0, max(int(spans["end"].max()) if len(spans) else 1, 1))
    ax.grid(False)
    ax.set_xlabel("word position, documents in date order")
    ax.annotate("\n".join(key), (0, 0), xycoords="axes fraction", xytext=(0, -34),
                textcoords="offset points", va="top", fontsize=7)
    return fig, ax


def heatmap_chart(wide: pd.DataFrame, *, fmt: str = "{:.0%}", label: str = "",
                  vmax: float | None = None, counts: pd.DataFrame | None = None):
    """Draw a table of numbers as an annotated heat map (rows top to bottom, as given).

    Parameters
    ----------
    wide : pandas.DataFrame
        Numbers; its index labels the rows and its columns the columns.
    fmt : str
        Format of the numbers written in the cells.
    label : str
        Colour bar label.
    vmax : float, optional
        Top of the colour scale (default: the largest value).
    counts : pandas.DataFrame, optional
        Same shape as ``wide``; written under each number as ``n=…`` (e.g. the sentences
        behind a share).

    Returns
    -------
    fig, ax
    """
    if wide.size == 0:
        return nothing_to_draw("Nothing to show: the table is empty.")
    values = wide.to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(max(4.0, 0.95 * wide.shape[1] + 2.6),
                                    0.42 * wide.shape[0] + 1.6))
    top = vmax if vmax is not None else (float(pd.Series(values.ravel()).max()) or 1.0)
    image = ax.imshow(values, cmap="Blues", vmin=0, vmax=top, aspect="auto")
    for (i, j), value in pd.DataFrame(values).stack().items():
        text = "–" if value != value else fmt.format(value)  # NaN: no value
        if counts is not None:
            text += f"\nn={counts.iat[i, j]}"
        ax.text(j, i, text, ha="center", va="center", fontsize=6,
                color="white" if value > 0.6 * top else "black")
    ax.set_xticks(range(wide.shape[1]), [str(c) for c in wide.columns], rotation=30,
                  ha="right", fontsize=7)
    ax.set_yticks(range(wide.shape[0]), [str(r) for r in wide.index], fontsize=7)
    ax.grid(False)
    fig.colorbar(image, ax=ax, label=label, shrink=0.8)
    return fig, ax


# --- sentiment ----------------------------------------------------------------------------------


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
    fig, axes = _panels(len(docs), cols=cols, width=3.6, height=2.0)
    for ax, doc in zip(axes, docs, strict=True):
        values = scored.loc[scored["doc_id"] == doc, value].reset_index(drop=True)
        x = range(1, len(values) + 1)
        ax.plot(x, values, "o", color=_BLUE, markersize=2.5, alpha=0.6)
        ax.plot(x, values.rolling(window, center=True).mean(), color=_ORANGE, linewidth=1.2)
        ax.axhline(0, color="black", linewidth=0.6)
        ax.set_ylim(-1.05, 1.05)
        ax.set_title(str(doc), fontsize=7, loc="left")
        ax.tick_params(labelsize=7)
    for ax in axes[-cols:]:
        ax.set_xlabel("unit in reading order", fontsize=7)
    fig.tight_layout()
    return fig, axes


def distribution_chart(scored: pd.DataFrame, *, by: str = "doc_id", order=None,
                       value: str = "compound"):
    """Draw each group's scores as a box plot with every unit as a dot beside it.

    The dots are spread vertically by a fixed pseudo-random jitter (seeded), so the figure is
    the same on every run.

    Returns
    -------
    fig, ax
    """
    import numpy as np

    groups = list(order) if order is not None else list(dict.fromkeys(scored[by]))
    if scored.empty or not groups:
        return nothing_to_draw("No unit was scored.")
    data = [scored.loc[scored[by] == g, value].to_numpy() for g in groups]
    fig, ax = plt.subplots(figsize=(7.0, 0.55 * len(groups) + 1.4))
    ax.boxplot(data, orientation="horizontal", widths=0.5, showfliers=False,
               medianprops={"color": _ORANGE})
    rng = np.random.default_rng(0)
    for i, values in enumerate(data, start=1):
        ax.plot(values, i + rng.uniform(-0.18, 0.18, len(values)), "o", color=_BLUE,
                markersize=2, alpha=0.45)
        ax.annotate(f"n={len(values)}", (1.02, i), xycoords=("axes fraction", "data"),
                    va="center", fontsize=7)
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
    est = summary[value].to_numpy(dtype=float)
    err = [est - summary[low].to_numpy(dtype=float), summary[high].to_numpy(dtype=float) - est]
    ax.errorbar(est, y, xerr=[[0 if e != e else e for e in side] for side in err], fmt="o",
                color=_BLUE, ecolor=_BLUE, capsize=3, label="estimate and interval")
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
                markeredgewidth=1.4, color=_ORANGE, label=reference_label, zorder=4)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, frameon=False)
    if zero:
        ax.axvline(0, color="black", linewidth=0.6)
    ax.set_yticks(y, summary[label].astype(str), fontsize=7)
    ax.set_ylim(len(summary) - 0.5, -0.5)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(xlabel)
    return fig, ax


def shares_chart(shares: pd.DataFrame, *, by: str = "period",
                 labels: dict[str, str] | None = None, value: str = "share",
                 low: str = "ci_low", high: str = "ci_high"):
    """Draw each theme's share per group as dots with intervals, the groups side by side.

    Parameters
    ----------
    shares : pandas.DataFrame
        Columns ``theme``, ``by``, ``value``, ``low`` and ``high`` (for example
        :func:`newscorpus.themes.theme_shares`), themes and groups in the order to draw them.
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
        ax.plot([start, end + one_day], [mean, mean], color=_BLUE, alpha=0.35, linewidth=4)
        ax.errorbar([mid], [mean], yerr=[[mean - lo if lo == lo else 0],
                                         [hi - mean if hi == hi else 0]],
                    fmt="o", color=_BLUE, capsize=3)
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
        :func:`newscorpus.sentiment.cumulative_compound`), with an optional ``doc_id``
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


def agreement_chart(table: pd.DataFrame, *, x: str, y: str, xlabel: str = "",
                    ylabel: str = "", cols: int = 2, by: str | None = None,
                    hexbin_above: int = 1000):
    """Draw one score against another (per panel when ``by`` is given), with Pearson r.

    Panels with more than ``hexbin_above`` points are drawn as hexagonal bins (vector shapes,
    few of them, so the SVG stays small); smaller ones as dots.

    Returns
    -------
    fig, axes
    """
    if table.empty:
        return nothing_to_draw("No unit was scored by both methods.")
    groups = list(dict.fromkeys(table[by])) if by else [None]
    fig, axes = _panels(len(groups), cols=cols, width=3.5, height=3.0)
    for ax, group in zip(axes, groups, strict=True):
        part = table if group is None else table[table[by] == group]
        if len(part) > hexbin_above:
            ax.hexbin(part[x], part[y], gridsize=30, cmap="Blues", mincnt=1, linewidths=0.1)
        else:
            ax.plot(part[x], part[y], "o", color=_BLUE, markersize=2.5, alpha=0.5)
        r = part[x].corr(part[y]) if len(part) > 2 else float("nan")
        ax.set_title(f"{group + ': ' if group else ''}r = {r:.3f}, n = {len(part):,}",
                     fontsize=8, loc="left")
        ax.set_xlabel(xlabel or x, fontsize=7)
        ax.set_ylabel(ylabel or y, fontsize=7)
        ax.tick_params(labelsize=7)
    fig.tight_layout()
    return fig, axes
