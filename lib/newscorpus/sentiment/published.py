"""The figures Hutto & Gilbert (2014) published, and this project's figures beside them."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from newscorpus.sentiment.checks import _check_columns

_PAPER = "Hutto & Gilbert (2014), ICWSM-14, Table 4"


_PUBLISHED = [
    # file here, texts in the paper, rater, metric, value, source
    ("nyt_editorial_snippets_dev.tsv", 5190, "VADER", "pearson_r", 0.492, _PAPER),
    ("nyt_editorial_snippets_dev.tsv", 5190, "VADER", "f1_weighted", 0.55, _PAPER),
    ("nyt_editorial_snippets_dev.tsv", 5190, "individual human", "pearson_r", 0.745, _PAPER),
    ("tweets.tsv", 4200, "VADER", "pearson_r", 0.881, _PAPER),
    ("tweets.tsv", 4200, "VADER", "precision_weighted", 0.99, _PAPER),
    ("tweets.tsv", 4200, "VADER", "recall_weighted", 0.94, _PAPER),
    ("tweets.tsv", 4200, "VADER", "f1_weighted", 0.96, _PAPER + "; abstract"),
    ("tweets.tsv", 4200, "individual human", "pearson_r", 0.888, _PAPER),
    ("tweets.tsv", 4200, "individual human", "f1_weighted", 0.84, "Hutto & Gilbert (2014), "
     "abstract"),
]


def published_figures() -> pd.DataFrame:
    """Return the figures Hutto & Gilbert (2014) published, to compare :func:`validation_table`.

    The paper used all 5,190 NYT snippets; ``validation/hutto2014/`` holds a development half
    (2,633), so expect agreement within sampling error, not to the third decimal. Its F1 is
    3-class, with the same ±0.05 thresholds applied to scores and human means; the
    support-weighted average (``f1_weighted``) is the one that reproduces it.

    Returns
    -------
    DataFrame
        Columns ``file`` (the file here holding the same kind of texts), ``n_texts`` (texts in
        the paper), ``rater``, ``metric`` (named as in :func:`validate`), ``published``,
        ``source``.

    Examples
    --------
    >>> published_figures().query("rater == 'VADER'")[["file", "metric", "published"]].head(2)
                                 file       metric  published
    0  nyt_editorial_snippets_dev.tsv    pearson_r      0.492
    1  nyt_editorial_snippets_dev.tsv  f1_weighted      0.550
    """
    return pd.DataFrame(_PUBLISHED, columns=["file", "n_texts", "rater", "metric", "published",
                                             "source"])


def compare_published(validation: pd.DataFrame, published: pd.DataFrame | None = None
                      ) -> pd.DataFrame:
    """Put the measured validation figures beside the published ones.

    Parameters
    ----------
    validation : DataFrame
        The output of :func:`validation_table`.
    published : DataFrame, optional
        The output of :func:`published_figures` (the default). Its ``VADER`` figures are set
        beside the ``vader`` rows; other methods have no published figure here.

    Returns
    -------
    DataFrame
        One row per (file, method, metric) for every metric the paper reports for that file,
        in the order of ``validation``: ``label`` (``file stem · method``), ``file``,
        ``method``, ``metric``, ``n``, ``measured``, ``ci_low`` and ``ci_high`` (the interval
        of ``pearson_r``; NaN for the other metrics), ``published``, ``difference``
        (measured minus published) and ``within_ci`` (for ``pearson_r`` with a published
        figure: whether the interval holds it; otherwise missing).

    Examples
    --------
    >>> table = pd.DataFrame({"file": ["tweets.tsv"], "method": ["vader"], "n": [4200],
    ...     "pearson_r": [0.878], "r_ci_low": [0.871], "r_ci_high": [0.884],
    ...     "f1_weighted": [0.955], "precision_weighted": [0.978], "recall_weighted": [0.937]})
    >>> compare_published(table)[["metric", "measured", "published", "within_ci"]]
                   metric  measured  published  within_ci
    0           pearson_r     0.878      0.881       True
    1  precision_weighted     0.978      0.990       <NA>
    2     recall_weighted     0.937      0.940       <NA>
    3         f1_weighted     0.955      0.960       <NA>
    """
    published = published_figures() if published is None else published
    _check_columns(validation, ["file", "method", "n", "pearson_r", "r_ci_low", "r_ci_high"],
                   "validation")
    _check_columns(published, ["file", "rater", "metric", "published"], "published")
    paper = published[published["rater"] == "VADER"]
    rows = []
    for row in validation.to_dict("records"):
        figures = paper[paper["file"] == row["file"]]
        for metric in dict.fromkeys(figures["metric"]):
            value = figures.loc[figures["metric"] == metric, "published"].iloc[0]
            value = float(value) if row["method"] == "vader" else math.nan
            is_r = metric == "pearson_r"
            low, high = (row["r_ci_low"], row["r_ci_high"]) if is_r else (math.nan, math.nan)
            within = bool(low <= value <= high) if is_r and not math.isnan(value) else pd.NA
            rows.append({"label": f"{Path(row['file']).stem} · {row['method']}",
                         "file": row["file"], "method": row["method"], "metric": metric,
                         "n": row["n"], "measured": row.get(metric, math.nan),
                         "ci_low": low, "ci_high": high, "published": value,
                         "difference": row.get(metric, math.nan) - value, "within_ci": within})
    out = pd.DataFrame(rows, columns=["label", "file", "method", "metric", "n", "measured",
                                      "ci_low", "ci_high", "published", "difference",
                                      "within_ci"])
    out["within_ci"] = out["within_ci"].astype("boolean")
    return out
