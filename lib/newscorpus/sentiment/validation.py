"""Scores checked against human ratings (Hutto & Gilbert 2014): correlation and three-class F1."""

from __future__ import annotations

import math
import os
import statistics
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus.base.errors import NewsCorpusError, ParameterError, Problem
from newscorpus.base.paths import display, resolve
from newscorpus.sentiment.checks import (
    HUMAN_THRESHOLDS,
    LABELS,
    METHODS,
    _check_columns,
    _check_thresholds,
    _paired,
)
from newscorpus.sentiment.scorers import label, score_texts

#: The columns of a human-ratings file (:func:`load_ratings`).
RATING_COLUMNS: tuple[str, ...] = ("id", "mean_rating", "text")


_STR = pd.StringDtype("python", na_value=np.nan)


def validation_files(folder: str | os.PathLike[str], *,
                     parameter: str = "validation_dir") -> list[Path]:
    """Return the ratings files (``*.tsv``) of a validation folder, sorted by name.

    A relative path is read from the project root (``validation/hutto2014``).

    Raises
    ------
    ParameterError
        If the folder does not exist or holds no ``.tsv`` file.

    Examples
    --------
    >>> [p.name for p in validation_files("validation/hutto2014")]  # doctest: +NORMALIZE_WHITESPACE
    ['amazon_review_snippets.tsv', 'movie_review_snippets.tsv',
     'nyt_editorial_snippets_dev.tsv', 'tweets.tsv']
    >>> validation_files("validation/none")
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: parameter 'validation_dir': the folder validation/none \
does not exist. Fix: name a folder of ratings files (.tsv), e.g. validation/hutto2014.
    """
    path = resolve(folder)
    fix = "name a folder of ratings files (.tsv), e.g. validation/hutto2014"
    if not path.is_dir():
        raise ParameterError(Problem(f"parameter '{parameter}'",
                                     f"the folder {display(path)} does not exist", fix))
    files = sorted(p for p in path.glob("*.tsv") if p.is_file())
    if not files:
        raise ParameterError(Problem(f"parameter '{parameter}'",
                                     f"the folder {display(path)} holds no .tsv file", fix))
    return files


def load_ratings(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a file of human sentiment ratings (Hutto & Gilbert 2014 format).

    The file is UTF-8, tab-separated with no quoting (texts contain quote characters), with a
    header naming at least ``id``, ``mean_rating`` and ``text``. A relative path is read from
    the project root (``validation/hutto2014/tweets.tsv``).

    Returns
    -------
    DataFrame
        Columns ``id`` (text), ``mean_rating`` (float; -4 to +4 in Hutto's files), ``text``.

    Raises
    ------
    NewsCorpusError
        If the file is missing, not UTF-8, has no such header, or a line has the wrong number
        of fields or a rating that is not a number (every bad line is named, up to 10).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "r.tsv"
    >>> _ = path.write_text('id\\tmean_rating\\ttext\\n1\\t2.5\\tA "great" day\\n')
    >>> load_ratings(path)
      id  mean_rating           text
    0  1          2.5  A "great" day
    >>> _ = path.write_text("id\\tmean_rating\\ttext\\n1\\tgood\\tA day\\n")
    >>> load_ratings(path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.NewsCorpusError: .../r.tsv line 2, field 'mean_rating': 'good' is not a \
number. Fix: write the mean rating as a number such as -1.25.
    """
    from newscorpus.corpus.files import decode_text

    path = resolve(path)
    where = display(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise NewsCorpusError(Problem(where, f"the file cannot be read ({err.strerror})",
                                      "check the path; the validation files are in "
                                      "validation/hutto2014/")) from None
    text, problem = decode_text(data, where, where)
    if problem:
        raise NewsCorpusError(problem)
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    header = lines[0].split("\t")
    missing = [c for c in RATING_COLUMNS if c not in header]
    if missing:
        raise NewsCorpusError(Problem(
            f"{where} line 1", "the header has no column " + ", ".join(map(repr, missing))
            + f" (found {header!r})", "start the file with the tab-separated header "
            "id, mean_rating, text"))
    at = {c: header.index(c) for c in RATING_COLUMNS}
    columns: dict[str, list] = {c: [] for c in RATING_COLUMNS}
    problems = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            problems.append(Problem(f"{where} line {number}", f"the line has {len(fields)} "
                                    f"tab-separated fields, the header {len(header)}",
                                    "remove tabs inside the text, or fill every field"))
            continue
        raw = fields[at["mean_rating"]].strip()
        try:
            rating = float(raw)
        except ValueError:
            rating = math.nan
        if not math.isfinite(rating):
            problems.append(Problem(f"{where} line {number}", f"{raw!r} is not a number",
                                    "write the mean rating as a number such as -1.25",
                                    "mean_rating"))
            continue
        columns["id"].append(fields[at["id"]])
        columns["mean_rating"].append(rating)
        columns["text"].append(fields[at["text"]])
    if problems:
        shown = problems[:10]
        if len(problems) > 10:
            shown.append(Problem(where, f"and {len(problems) - 10} more bad lines"))
        raise NewsCorpusError(shown)
    if not columns["id"]:
        raise NewsCorpusError(Problem(where, "the file has no rating below its header",
                                      "add lines of id, mean_rating and text"))
    return pd.DataFrame({"id": pd.array(columns["id"], dtype=_STR),
                         "mean_rating": np.array(columns["mean_rating"]),
                         "text": pd.array(columns["text"], dtype=_STR)})


def _f1_scores(truth: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    """Accuracy and macro/weighted precision, recall and F1 over the three labels."""
    classes = [c for c in LABELS if (truth == c).any() or (predicted == c).any()]
    support = np.array([(truth == c).sum() for c in classes], dtype=float)
    hits = np.array([((truth == c) & (predicted == c)).sum() for c in classes], dtype=float)
    chosen = np.array([(predicted == c).sum() for c in classes], dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(chosen > 0, hits / chosen, 0.0)
        recall = np.where(support > 0, hits / support, 0.0)
        f1 = np.where(precision + recall > 0,
                      2 * precision * recall / (precision + recall), 0.0)
    weights = support / support.sum()
    return {"f1_macro": float(f1.mean()), "f1_weighted": float(weights @ f1),
            "precision_weighted": float(weights @ precision),
            "recall_weighted": float(weights @ recall),
            "accuracy": float(hits.sum() / len(truth))}


def validate(compound, rating, *, negative: float = -0.05, positive: float = 0.05,
             level: float = 0.95, human: tuple[float, float] = HUMAN_THRESHOLDS
             ) -> dict[str, float]:
    """Compare method scores with human ratings of the same texts.

    The correlations use the raw numbers. For the labels, the scores are cut with the method's
    thresholds and the human mean rating with ``human`` (the paper's ±0.05: ``rating >= 0.05``
    positive, ``<= -0.05`` negative). On Hutto's -4..+4 scale that makes few texts neutral, and
    it is what reproduces the paper's F1 (support-weighted F1: 0.55 on NYT editorials, 0.96 on
    tweets).

    Parameters
    ----------
    compound : array-like
        The method's scores.
    rating : array-like
        Human mean ratings of the same texts, in the same order.
    negative, positive : float
        Label thresholds of the scores (see :func:`label`).
    level : float
        Coverage of the correlation's confidence interval.
    human : (float, float)
        Thresholds of the human classes on the rating scale.

    Returns
    -------
    dict
        ``n``; ``pearson_r`` with ``r_ci_low``, ``r_ci_high`` (Fisher z interval:
        tanh(atanh r ± z / sqrt(n - 3)); NaN with fewer than 4 texts or a constant input);
        ``spearman_r`` (the rank correlation);
        ``f1_macro`` (mean of the per-label F1 over the labels that occur), ``f1_weighted``,
        ``precision_weighted``, ``recall_weighted`` (weighted by the human label counts, as
        scikit-learn's ``average="weighted"``) and ``accuracy``.

    Examples
    --------
    >>> result = validate([0.5, -0.5, 0.0, 0.7, -0.1], [2.0, -1.0, 0.5, 1.0, -2.0])
    >>> {k: round(v, 3) for k, v in result.items()}  # doctest: +NORMALIZE_WHITESPACE
    {'n': 5, 'pearson_r': 0.761, 'r_ci_low': -0.37, 'r_ci_high': 0.983, 'spearman_r': 0.8,
     'f1_macro': 0.6, 'f1_weighted': 0.88, 'precision_weighted': 1.0, 'recall_weighted': 0.8,
     'accuracy': 0.8}
    """
    _check_thresholds(negative, positive)
    scores, truth = _paired(compound, rating, ("compound", "rating"), ("scores", "ratings"),
                            "pass one score and one rating per text")
    n = len(scores)
    r = low = high = rho = math.nan
    if n > 1 and scores.std() > 0 and truth.std() > 0:
        r = float(np.clip(np.corrcoef(scores, truth)[0, 1], -1.0, 1.0))
        ranks = [pd.Series(x).rank().to_numpy() for x in (scores, truth)]
        rho = float(np.clip(np.corrcoef(*ranks)[0, 1], -1.0, 1.0))
        if n > 3 and abs(r) < 1:
            z = statistics.NormalDist().inv_cdf(1 - (1 - level) / 2) / math.sqrt(n - 3)
            low, high = math.tanh(math.atanh(r) - z), math.tanh(math.atanh(r) + z)
        elif n > 3:
            low = high = r
    return {"n": n, "pearson_r": r, "r_ci_low": low, "r_ci_high": high, "spearman_r": rho,
            **_f1_scores(label(truth, *human), label(scores, negative, positive))}


def validate_method(ratings: pd.DataFrame | str | os.PathLike[str], method: str = "news", *,
                    negative: float | None = None, positive: float | None = None,
                    processes: int | None = 1) -> dict[str, float]:
    """Score the texts of a ratings file (or table) with ``method`` and :func:`validate` them.

    ``negative`` and ``positive`` default to the method's own thresholds
    (:data:`~newscorpus.sentiment.checks.THRESHOLDS`). The ``news`` scorer is fitted on the
    development half of the NYT snippets; on those texts it is never scored by a model that
    saw them: their scores are the 10-fold cross-validated ones
    (:func:`newscorpus.sentiment.news_tone.out_of_fold`), and ``cross_validated`` says so.

    Examples
    --------
    >>> table = pd.DataFrame({"id": ["1", "2", "3", "4"], "mean_rating": [2.1, -1.5, 0.2, 1.0],
    ...                       "text": ["A wonderful day.", "A terrible loss.", "It rained.",
    ...                                "Good news."]})
    >>> result = validate_method(table, "vader")
    >>> result["method"], result["n"], result["accuracy"]
    ('vader', 4, 0.75)
    """
    from newscorpus.sentiment.checks import THRESHOLDS, _check_method
    from newscorpus.sentiment.news_tone import is_training_data, out_of_fold

    method = _check_method(method)
    if not isinstance(ratings, pd.DataFrame):
        ratings = load_ratings(ratings)
    _check_columns(ratings, ("mean_rating", "text"), "ratings")
    negative = THRESHOLDS[method][0] if negative is None else negative
    positive = THRESHOLDS[method][1] if positive is None else positive
    crossed = method == "news" and is_training_data(ratings)
    if crossed:
        scores = out_of_fold()["score"] / 4
    else:
        scores = score_texts(ratings["text"], method, processes=processes)["compound"]
    return {"method": method, "cross_validated": crossed,
            **validate(scores.to_numpy(), ratings["mean_rating"].to_numpy(),
                       negative=negative, positive=positive)}


def validation_table(paths: Iterable[str | os.PathLike[str]],
                     methods: Iterable[str] = METHODS, *, processes: int | None = 1
                     ) -> pd.DataFrame:
    """Validate each method on each ratings file, with its own thresholds; one row per pair.

    Returns
    -------
    DataFrame
        Columns ``file`` (the file name), ``method``, ``cross_validated``, then the keys of
        :func:`validate`.
    """
    rows = []
    for path in paths:
        ratings = load_ratings(path)
        for method in methods:
            rows.append({"file": Path(path).name,
                         **validate_method(ratings, method, processes=processes)})
    return pd.DataFrame(rows)
