"""Charts of notebook 05: the motives attributed to Russia, counted (imported on its own)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from newscorpus.base.figures import BLUE, ORANGE, nothing_to_draw

__all__ = ["attributed_chart"]


def attributed_chart(counts: pd.DataFrame):
    """Draw, per motive, the sentences that attribute it to Russia: in articles, in snippets.

    Parameters
    ----------
    counts : pandas.DataFrame
        :func:`newscorpus.motives.label_counts` (``motive_counts.csv``): ``label``,
        ``sentences``, ``documents`` (articles) and ``snippets``, rows top to bottom.

    Returns
    -------
    fig, ax
    """
    if counts.empty or counts["sentences"].sum() == 0:
        return nothing_to_draw("No sentence attributes a motive to Russia by the rules.")
    fig, ax = plt.subplots(figsize=(7.0, 0.32 * len(counts) + 1.3))
    y = list(range(len(counts)))
    in_articles = counts["sentences"] - counts["snippets"]
    ax.barh(y, in_articles, color=BLUE, label="sentences of articles")
    ax.barh(y, counts["snippets"], left=in_articles, color=ORANGE, label="snippets")
    for i, (total, docs) in enumerate(zip(counts["sentences"], counts["documents"],
                                          strict=True)):
        ax.annotate(f" {docs} article{'' if docs == 1 else 's'}", (total, i), va="center",
                    fontsize=7)
    ax.set_yticks(y, counts["label"], fontsize=8)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("sentences attributing the motive to Russia (label: articles they come from)")
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    ax.margins(x=0.15)
    return fig, ax
