"""Charts of notebook 02: top terms, keyness, collocates and dispersion."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from newscorpus.base.figures import BLUE, GREY, ORANGE, nothing_to_draw, panels, ranked_bars
from newscorpus.keywords.compare import top_keyness


def top_terms_chart(top: pd.DataFrame, *, by: str = "doc_id", value: str = "per_10k",
                    term: str = "term", cols: int = 2):
    """Draw one horizontal bar panel per group with its top terms, largest at the top.

    Parameters
    ----------
    top : pandas.DataFrame
        Columns ``by``, ``term`` and ``value``, already cut to the top terms of each group (for
        example :func:`newscorpus.keywords.counts.top_terms`), in the order to draw them.
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
    fig, axes = panels(len(groups), cols=cols, width=3.6, height=0.2 * most + 0.9)
    for ax, group in zip(axes, groups, strict=True):
        part = top[top[by] == group]
        ranked_bars(ax, part[term].tolist(), part[value].tolist())
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
        As returned by :func:`newscorpus.keywords.compare` (columns ``term``, ``count_target``,
        ``count_reference``, ``g2``, ``log_ratio``), sorted by G2.
    k : int
        Terms per side.
    target, reference : str
        Names of the two sides for the legend.
    term : str
        The column that labels the bars (``"label"`` after
        :func:`newscorpus.keywords.tokens.label_terms`).

    Returns
    -------
    fig, ax
    """
    if table.empty:
        return nothing_to_draw(table.attrs.get("reason", "No term is frequent enough to compare."))
    shown = top_keyness(table, k)
    fig, ax = plt.subplots(figsize=(7.0, 0.2 * len(shown) + 1.4))
    y = list(range(len(shown)))
    colors = [BLUE if v > 0 else ORANGE for v in shown["log_ratio"]]
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
    handles = [Patch(color=BLUE, label=f"more in {target}"),
               Patch(color=ORANGE, label=f"more in {reference}")]
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
    fig, axes = panels(len(nodes), cols=cols, width=3.6, height=0.2 * k + 0.9)
    for ax, node in zip(axes, nodes, strict=True):
        part = collocates[collocates["node"] == node].head(k)
        # A word found both before and after the node is two rows: the arrow tells them apart.
        labels = [f"{c} \u2192" if side == "left" else f"\u2192 {c}"
                  for c, side in zip(part["collocate"], part["side"], strict=True)]
        ranked_bars(ax, labels, part[score].tolist())
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
        :func:`newscorpus.keywords.concordance.dispersion`.
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
        ax.plot(offsets, [i] * len(offsets), "|", color=BLUE, markersize=9)
    # Documents are numbered above the plot (ids are too long for short spans) and listed in
    # a key below it.
    key = []
    for k, row in enumerate(spans.itertuples(index=False), 1):
        ax.axvline(row.start, color=GREY, linewidth=0.6)
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


def occurrence_chart(table: pd.DataFrame, terms, *, spans: pd.DataFrame | None = None,
                     by: str | None = None, group_order=None):
    """Where the followed terms occur: a dispersion plot, or rates per group for a large corpus.

    Parameters
    ----------
    table : pandas.DataFrame
        Without ``by``: the hits laid out through the documents
        (:func:`newscorpus.keywords.concordance.dispersion`); with ``by``: the occurrences per
        10,000 words of each group (:func:`newscorpus.keywords.concordance.rates_by_group`).
    terms : sequence of str
        The terms, top to bottom.
    spans : pandas.DataFrame, optional
        Where each document starts and ends (:func:`~newscorpus.keywords.concordance.
        document_spans`), for the dispersion plot.
    by : str, optional
        The group column of the rates: draw them as a heat map, terms by groups.
    group_order : sequence, optional
        The groups, left to right.

    Returns
    -------
    fig, ax
    """
    if by is None:
        return dispersion_chart(table, spans, terms)
    from newscorpus.base.figures import heatmap_chart

    if table.empty or not table["hits"].any():
        return nothing_to_draw("None of the followed terms occurs.")
    wide = table.pivot(index="term", columns=by, values="per_10k")
    columns = [g for g in (group_order or wide.columns) if g in wide.columns]
    return heatmap_chart(wide.reindex(index=[t for t in terms if t in wide.index],
                                      columns=columns),
                         fmt="{:.1f}", label="occurrences per 10,000 words")
