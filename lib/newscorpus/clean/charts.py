"""Charts of notebook 01: sizes before and after cleaning, removals by rule, gold scores."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import PercentFormatter


def before_after_chart(sizes: pd.DataFrame):
    """Draw one panel per measure with each document's raw and clean size side by side.

    Parameters
    ----------
    sizes : pandas.DataFrame
        As returned by :func:`newscorpus.clean.audit.size_table`.

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


def removed_by_group_chart(sizes: pd.DataFrame, groups: pd.Series):
    """Draw, per group of documents, the spread of the share removed from each document.

    One panel per measure (characters, words, sentences), box plots of ``removed_share``.

    Parameters
    ----------
    sizes : pandas.DataFrame
        As returned by :func:`newscorpus.clean.audit.size_table`.
    groups : pandas.Series
        The group of each document, indexed by ``doc_id``
        (:func:`newscorpus.corpus.groups.document_groups`).

    Returns
    -------
    fig, axes
    """
    from newscorpus.corpus.charts import lengths_by_group_chart

    wide = (sizes.pivot(index="doc_id", columns="measure", values="removed_share")
            .reindex(columns=["characters", "words", "sentences"]).reset_index())
    return lengths_by_group_chart(wide, groups, shares=True, xlabel="{} removed")


def removal_chart(summary: pd.DataFrame, *, value: str = "share"):
    """Draw, per document (or group), a stacked bar of what each rule removed.

    Parameters
    ----------
    summary : pandas.DataFrame
        As returned by :func:`newscorpus.clean.audit.removal_summary`, per document
        (``doc_id``) or per group (``group``).
    value : str
        ``"share"`` (of the raw characters) or ``"chars"``.

    Returns
    -------
    fig, ax
    """
    by = "group" if "group" in summary.columns else "doc_id"
    docs = list(dict.fromkeys(summary[by]))
    rules = list(dict.fromkeys(summary["rule"]))
    wide = summary.pivot_table(index=by, columns="rule", values=value, aggfunc="sum",
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
        ax.set_xlabel("share of the raw characters removed" if by == "doc_id" else
                      "share of the group's raw characters removed")
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
        As returned by :func:`newscorpus.clean.evaluate.score_gold_folder`.

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
