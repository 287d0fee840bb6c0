"""Draw figures in one style and publish each with the table it was drawn from.

Every plotting helper returns ``fig, ax`` (captions belong in the notebook's markdown, not in a
title). :func:`save_figure` writes PNG, SVG and the CSV behind the figure, byte for byte the same
on every run: the SVG hash salt is fixed and no date is written into the files.
"""

from __future__ import annotations

import base64
import contextlib
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd

from newscorpus.base.errors import ParameterError, Problem
from newscorpus.base.outputs import atomic_path, table_to_csv

__all__ = ["STYLE", "SavedFigure", "draw_intervals", "figure_caption", "heatmap_chart",
           "nothing_to_draw", "save_figure", "use_style"]

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


def draw_intervals(ax, values, positions, low, high, *, horizontal: bool = True,
                   color=None, label: str | None = None, capsize: float = 3,
                   markersize: float | None = None) -> None:
    """Draw each estimate as a dot and its interval as a bar from ``low`` to ``high``.

    The bar is drawn from its bounds, not as errors around the estimate: a bootstrap
    percentile interval of a ratio (:func:`newscorpus.base.stats.cluster_bootstrap`) need not
    contain the estimate when one large document dominates a group, and such an interval is
    shown as it is, beside its dot. A missing bound (NaN) draws the dot alone.

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> draw_intervals(ax, [0.5, 0.1], [0, 1], [0.4, 0.2], [0.6, float("nan")])
    >>> bars = ax.containers[0].lines[2][0].get_segments()
    >>> [seg.tolist() for seg in bars]   # one bar (the second estimate has no interval)
    [[[0.4, 0.0], [0.6, 0.0]]]
    >>> plt.close(fig)
    """
    import numpy as np

    value = np.asarray(values, dtype=float)
    where = np.asarray(positions, dtype=float)
    lo, hi = np.asarray(low, dtype=float), np.asarray(high, dtype=float)
    has = ~(np.isnan(lo) | np.isnan(hi))
    color = color or BLUE
    if has.any():
        mid, half = (lo[has] + hi[has]) / 2, (hi[has] - lo[has]) / 2
        xy = (mid, where[has]) if horizontal else (where[has], mid)
        ax.errorbar(*xy, **{"xerr" if horizontal else "yerr": half}, fmt="none",
                    ecolor=color, capsize=capsize)
    xy = (value, where) if horizontal else (where, value)
    ax.plot(*xy, "o", color=color, markersize=markersize, label=label, zorder=3)


def use_style() -> None:
    """Apply :data:`STYLE` to matplotlib (call once, in a notebook's imports cell)."""
    mpl.rcParams.update(STYLE)


@dataclass(frozen=True)
class SavedFigure:
    """The files one :func:`save_figure` call wrote, shown in a notebook as the figure itself.

    In Jupyter the object displays as the PNG with its caption under it and the caption as the
    image's alternative text, so a notebook page carries each figure once, captioned.
    """

    png: Path
    svg: Path
    csv: Path
    caption: str = ""

    def __iter__(self):
        return iter((self.png, self.svg, self.csv))

    def __repr__(self) -> str:
        return f"figure {self.png.stem} (PNG, SVG and CSV)"

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.png.read_bytes()).decode("ascii")
        caption = html.escape(self.caption or self.png.stem)
        return (f'<figure class="newscorpus-figure"><img src="data:image/png;base64,{data}" '
                f'alt="{caption}" style="max-width:100%"><figcaption>{caption}'
                "</figcaption></figure>")


#: The largest figure :func:`save_figure` writes: pixels on the longer side, and in all.
MAX_SIDE_PX, MAX_PIXELS = 6_000, 16_000_000


def _too_big(name: str, width: float, height: float, parameter: str | None) -> ParameterError:
    fix = (f"lower the parameter '{parameter}', which sets how many panels, bars or rows "
           "the figure draws" if parameter else "draw fewer panels, bars or rows")
    return ParameterError(Problem(
        f"figure {name}", f"it would be {width:,.0f} x {height:,.0f} pixels, above the budget "
        f"of {MAX_SIDE_PX:,} pixels a side and {MAX_PIXELS:,} in all", fix))


def save_figure(fig, table: pd.DataFrame, name: str, figures_dir: str | os.PathLike[str], *,
                caption: str = "", parameter: str | None = None) -> SavedFigure:
    """Save ``fig`` as ``NAME.png`` and ``NAME.svg`` and ``table`` as ``NAME.csv``, then close it.

    All three files are written to temporary files first and renamed into place only when all
    three are complete, so a failure while drawing leaves the previous versions untouched. The
    caption travels inside both image files (PNG ``Description`` text, SVG Dublin Core
    description), so the figure catalogue and the site read it from the figure itself
    (:func:`figure_caption`). A figure larger than :data:`MAX_SIDE_PX` a side or
    :data:`MAX_PIXELS` in all is refused before it is drawn, so no corpus can make a figure
    that grows without bound. The figure is closed once saved; in a notebook, the returned
    :class:`SavedFigure` shows it with its caption.

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
    parameter : str, optional
        The notebook parameter that sets the figure's size, named if the figure is too big.

    Returns
    -------
    SavedFigure

    Raises
    ------
    ParameterError
        If ``name`` does not follow the naming rule, or the figure is too big.

    Examples
    --------
    >>> import tempfile
    >>> fig, ax = plt.subplots(figsize=(7, 300))
    >>> save_figure(fig, pd.DataFrame(), "02-top-terms", tempfile.mkdtemp(), parameter="top_n")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: figure 02-top-terms: it would be ...0 x ...,000 \
pixels, above the budget of 6,000 pixels a side and 16,000,000 in all. Fix: lower the parameter \
'top_n', which sets how many panels, bars or rows the figure draws.
    """
    if not _NAME_RE.match(name):
        raise ParameterError(Problem(
            "save_figure", f"the figure name {name!r} does not start with a notebook number",
            "name figures like '00-document-lengths': two digits, a hyphen, then lower-case "
            "words joined by hyphens", field="name"))
    dpi = float(mpl.rcParams["savefig.dpi"]) if mpl.rcParams["savefig.dpi"] != "figure" \
        else fig.dpi
    width, height = fig.get_size_inches() * dpi
    if max(width, height) > MAX_SIDE_PX or width * height > MAX_PIXELS:
        plt.close(fig)
        raise _too_big(name, width, height, parameter)
    out = Path(figures_dir)
    text = " ".join(str(caption).split())
    targets = SavedFigure(out / f"{name}.png", out / f"{name}.svg", out / f"{name}.csv", text)
    try:
        with contextlib.ExitStack() as stack:
            png, svg, csv = (stack.enter_context(atomic_path(p)) for p in targets)
            with mpl.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"]}):
                fig.savefig(png, format="png", metadata={"Software": None, "Title": name,
                                                         "Description": text or None})
                fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None,
                                                         "Title": name,
                                                         "Description": text or None})
            table_to_csv(table, csv)
    finally:
        plt.close(fig)
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


# --- keywords -----------------------------------------------------------------------------------

BLUE, ORANGE, GREY = "#4c72b0", "#dd8452", "#999999"
LIGHT_BLUE, PALE_BLUE, PALEST_BLUE = "#7fa7d8", "#b3cbe8", "#dde8f5"


def panels(n: int, *, cols: int, width: float, height: float):
    """Return ``fig, axes`` with ``n`` panels on a grid ``cols`` wide; spare panels hidden."""
    cols = max(1, min(cols, n))
    rows = -(-n // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(width * cols, height * rows), squeeze=False)
    flat = axes.ravel().tolist()
    for ax in flat[n:]:
        ax.set_visible(False)
    return fig, flat[:n]


def ranked_bars(ax, labels: list, values: list) -> None:
    """Horizontal bars, the first at the top; equal labels stay separate bars."""
    y = list(range(len(labels)))
    ax.barh(y, values, color=BLUE)
    ax.set_yticks(y, [str(v) for v in labels])
    ax.invert_yaxis()


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


