"""Tone of sentences: scores and labels by three methods, all offline.

============  ===================================================================================
method        what it is
============  ===================================================================================
``news``      The default. A ridge regression fitted on the human ratings of New York Times
              editorial snippets (:mod:`newscorpus.sentiment.news_tone`): word, character and
              lexicon features (VADER and Pattern among them). Its ``rating`` is the predicted
              mean human rating on the raters' scale, -4 to +4; ``compound`` is ``rating / 4``,
              in [-1, 1]. Cross-validated on the development half it tracks the human ratings
              better than VADER (r = 0.58 against 0.49; notebook 03).
``vader``     NLTK's VADER (``SentimentIntensityAnalyzer``) reading the lexicon of the pinned
              ``vaderSentiment`` package (:func:`newscorpus.base.lexicons.sentiment_analyzer`).
              ``compound`` is the sum of the valences of the words after VADER's rules
              (negation, ``but``, boosters, capitals, ``!``), mapped into [-1, 1] by
              x / sqrt(x² + 15) and rounded to 4 places; ``neg``, ``neu``, ``pos`` are the
              shares of the text that are negative, neutral and positive (they sum to 1).
``pattern``   TextBlob's ``PatternAnalyzer`` (the Pattern lexicon of about 2,900 adjectives that
              ships inside ``textblob``; :func:`newscorpus.base.lexicons.pattern_analyzer`;
              ``textblob`` is accepted as its name too). ``compound`` is its *polarity*, the mean
              polarity of the adjectives found, in [-1, 1]; ``subjectivity`` is in [0, 1].
============  ===================================================================================

The ``compound`` columns are on different scales: VADER's is a squashed *sum*, which grows
with every sentiment word (and saturates on long texts, see
:func:`newscorpus.sentiment.saturation.cumulative_compound`), Pattern's is a *mean*, and the news
scorer's an estimated *average rating*. Compare the methods by correlation or by labels, not by
raw values. Columns a method does not have are NaN.

A score says how positive or negative the words of a text are. Aggregated over the sentences
that mention an actor (:func:`newscorpus.sentiment.actor_tables.actor_tone`), it is the tone of
the coverage around the actor, not the actor's stance, nor the author's stance towards it.

Labels (:func:`label`) use each method's thresholds (:data:`THRESHOLDS`): VADER's documented
±0.05, and for ``news`` those that agree best with the three human classes on the development
half.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd

from newscorpus.base.lexicons import pattern_analyzer, sentiment_analyzer
from newscorpus.sentiment.checks import (
    SCORE_COLUMNS,
    THRESHOLDS,
    UNIT_KEYS,
    _as_texts,
    _check_columns,
    _check_count,
    _check_method,
    _check_thresholds,
    _check_unit,
)

__all__ = ["describe_methods", "label", "score_sentences", "score_texts", "unit_keys"]


_ALL_SCORES = ("neg", "neu", "pos", "compound", "subjectivity")


# --- checks -----------------------------------------------------------------------------------


# --- scoring ----------------------------------------------------------------------------------


def _score_chunk(method: str, texts: list[str]) -> np.ndarray:
    """Score ``texts``; one row of :data:`SCORE_COLUMNS` per text (runs in worker processes)."""
    nan = math.nan
    if method == "news":
        from newscorpus.sentiment.news_tone import score

        ratings = score(texts) if texts else np.empty(0)
        rows = [(nan, nan, nan, r / 4, r) for r in ratings]
    elif method == "vader":
        scores = sentiment_analyzer().polarity_scores
        rows = [(s["neg"], s["neu"], s["pos"], s["compound"]) for s in map(scores, texts)]
    else:
        analyze = pattern_analyzer()
        rows = [(nan, nan, nan, *analyze(t)) for t in texts]
    return np.array(rows, dtype=float).reshape(len(texts), len(SCORE_COLUMNS[method]))


def score_texts(texts: Iterable[str], method: str = "news", *, processes: int | None = 1,
                chunk_size: int = 2000, progress: bool = False) -> pd.DataFrame:
    """Score each text with ``method``; one row per text, in input order.

    Parameters
    ----------
    texts : iterable of str
        The texts (a list, or a Series whose index the result keeps).
    method : {"news", "vader", "pattern"}
        See the module docstring; ``"news"`` is the default.
    processes : int or None
        Worker processes; ``None`` uses every core. The texts are cut into chunks of
        ``chunk_size`` and the workers return arrays; the scores are the same as with one
        process.
    chunk_size : int
        Texts per chunk (bounds the memory a worker holds).
    progress : bool
        Show a tqdm progress bar, counting texts.

    Returns
    -------
    DataFrame
        Columns ``neg, neu, pos, compound`` (floats); for ``"news"`` also ``rating``, for
        ``"pattern"`` also ``subjectivity``, with ``neg, neu, pos`` NaN (only VADER has these
        shares). The index is the Series' index, or 0, 1, 2, ...

    Raises
    ------
    ParameterError
        For an unknown ``method``, an item that is not a string, or a bad ``processes`` or
        ``chunk_size``.

    Examples
    --------
    >>> texts = ["Russia is not a good partner.", "The talks were a success."]
    >>> score_texts(texts)[["compound", "rating"]].round(3)
       compound  rating
    0    -0.218  -0.871
    1     0.134   0.537
    >>> score_texts(texts, "vader")
         neg    neu    pos  compound
    0  0.376  0.624  0.000   -0.3412
    1  0.000  0.448  0.552    0.5719
    >>> score_texts(["The talks were a success."], "pattern")[["compound", "subjectivity"]]
       compound  subjectivity
    0       0.3           0.0
    >>> score_texts(["ok"], method="bert")
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: parameter 'method': unknown sentiment method 'bert'. \
Fix: use one of 'news', 'vader', 'pattern' (default 'news').
    """
    method = _check_method(method)
    processes = _check_count(processes, "processes", none_ok=True)
    chunk_size = _check_count(chunk_size, "chunk_size")
    values, index = _as_texts(texts)
    chunks = [values[i:i + chunk_size] for i in range(0, len(values), chunk_size)]
    work = functools.partial(_score_chunk, method)
    from tqdm import tqdm

    parts = []
    with tqdm(total=len(values), unit="text", desc=f"{method} scores",
              disable=not progress) as bar:
        if processes == 1 or len(chunks) < 2:
            results = map(work, chunks)
            for part in results:
                parts.append(part)
                bar.update(len(part))
        else:
            with ProcessPoolExecutor(min(processes, len(chunks))) as pool:
                for part in pool.map(work, chunks):
                    parts.append(part)
                    bar.update(len(part))
    columns = list(SCORE_COLUMNS[method])
    array = np.concatenate(parts) if parts else np.empty((0, len(columns)))
    return pd.DataFrame(array, columns=columns, index=index)


def label(compound, negative: float = -0.05, positive: float = 0.05):
    """Return "negative", "neutral" or "positive" for each compound score.

    As VADER's documentation says: ``compound >= positive`` is positive, ``compound <=
    negative`` is negative, anything strictly between is neutral. A missing score gets
    no label (``None``; NaN in a Series).

    Parameters
    ----------
    compound : float, array-like or Series
        Scores.
    negative, positive : float
        The thresholds; ``negative`` must be below ``positive``.

    Returns
    -------
    str, array of str (object) or Series named ``label`` (keeping the index), like the input.

    Raises
    ------
    ParameterError
        If a threshold is not a finite number or ``negative >= positive``.

    Examples
    --------
    >>> label([-0.05, -0.0499, 0.0, 0.0499, 0.05]).tolist()
    ['negative', 'neutral', 'neutral', 'neutral', 'positive']
    >>> label(0.3, negative=-0.5, positive=0.5)
    'neutral'
    >>> label(0.3, negative=0.5, positive=-0.5)
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: parameters 'negative' and 'positive': the negative \
threshold (0.5) must be below the positive one (-0.5). Fix: pass negative < positive, e.g. \
negative=-0.05, positive=0.05 (VADER's defaults).
    """
    _check_thresholds(negative, positive)
    values = np.asarray(compound, dtype=float)
    out = np.where(values >= positive, "positive",
                   np.where(values <= negative, "negative", "neutral")).astype(object)
    out[np.isnan(values)] = None
    if isinstance(compound, pd.Series):
        return pd.Series(out, index=compound.index, name="label")
    return out.item() if out.ndim == 0 else out


def unit_keys(unit: str) -> list[str]:
    """Return the columns that identify one unit scored with ``unit`` (see :data:`UNIT_KEYS`).

    Pass them as ``keys`` to :func:`newscorpus.sentiment.actor_tables.mentions` and
    :func:`newscorpus.sentiment.actor_tables.actor_tone` when the units are paragraphs.

    Examples
    --------
    >>> unit_keys("sentence"), unit_keys("paragraph")
    (['doc_id', 'sentence_id'], ['doc_id', 'paragraph'])
    """
    return list(UNIT_KEYS[_check_unit(unit)])


_UNITS = {"sentence": ("text",), "paragraph": ("doc_id", "paragraph", "role", "text", "start",
                                               "end")}


def _score_part(sentences: pd.DataFrame, method: str, unit: str, chunk_size: int
                ) -> pd.DataFrame:
    """Score a partition of the sentences in this process (a Dask worker's task)."""
    return score_sentences(sentences, method, unit=unit, processes=1, chunk_size=chunk_size)


def score_sentences(sentences: pd.DataFrame, method: str = "news", *, unit: str = "sentence",
                    processes: int | None = 1, chunk_size: int = 2000,
                    progress: bool = False, backend: str = "local", scheduler: str = "",
                    partition_mb: float = 16, dashboard: bool = False) -> pd.DataFrame:
    """Score the sentences (or paragraphs) of the project's sentence table.

    Parameters
    ----------
    sentences : DataFrame
        The sentence table (``corpus/processed/sentences.csv``: ``doc_id, sentence_id,
        paragraph, role, text, start, end``), possibly with more columns (e.g. a period merged
        in from the documents).
    method : {"news", "vader", "pattern"}
        See :func:`score_texts`.
    unit : {"sentence", "paragraph"}
        ``"sentence"`` scores each row. ``"paragraph"`` joins the sentences of each
        (``doc_id``, ``paragraph``) with a space, in table order, and scores the joined text.
    processes, chunk_size, progress
        See :func:`score_texts`.
    backend : {"local", "dask"}
        ``local``: ``processes`` worker processes; ``dask``: a local Dask cluster of
        ``processes`` workers, or the cluster at ``scheduler``, in partitions of about
        ``partition_mb`` MB of text, never splitting a document
        (:func:`newscorpus.base.dask_backend.map_documents`). The table is the same.
    scheduler, partition_mb, dashboard
        See :func:`newscorpus.base.dask_backend.dask_client`; with ``backend="dask"`` only.

    Returns
    -------
    DataFrame
        For ``unit="sentence"``: the input table (same index) with the score columns of
        :func:`score_texts` added (existing score columns are replaced). For
        ``unit="paragraph"``: one row per paragraph, in order of first appearance, with columns
        ``doc_id, paragraph, role, text, start, end, n_sentences``, then any other input column
        (``role`` and other columns take the value of the paragraph's first sentence; ``start``
        is the first sentence's, ``end`` the last one's; ``sentence_id`` is dropped), then the
        score columns.

    Raises
    ------
    ParameterError
        For an unknown ``unit`` or ``method``, or a missing column.

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": ["a", "a", "a"], "sentence_id": [1, 2, 3],
    ...                       "paragraph": [1, 1, 2], "role": ["body"] * 3,
    ...                       "text": ["Talks failed.", "Strikes resumed.", "Aid arrived."],
    ...                       "start": [0, 14, 32], "end": [13, 30, 44]})
    >>> score_sentences(table, "vader")[["sentence_id", "compound"]]
       sentence_id  compound
    0            1   -0.5106
    1            2   -0.3612
    2            3    0.0000
    >>> score_sentences(table, "vader", unit="paragraph")[["paragraph", "text", "start", "end",
    ...                                           "n_sentences", "compound"]]
       paragraph                            text  start  end  n_sentences  compound
    0          1  Talks failed. Strikes resumed.      0   30            2   -0.7003
    1          2                    Aid arrived.     32   44            1    0.0000
    """
    _check_unit(unit)
    _check_method(method)
    _check_columns(sentences, _UNITS[unit], "sentences")
    _as_texts(sentences["text"], "sentences")
    from newscorpus.base.dask_backend import check_backend, map_documents

    if check_backend(backend) == "dask":
        from functools import partial

        parts = map_documents(partial(_score_part, method=method, unit=unit,
                                      chunk_size=chunk_size), sentences,
                              scheduler=scheduler, workers=processes,
                              partition_mb=partition_mb, progress=progress,
                              dashboard=dashboard)
        table = pd.concat(parts)
        return table.reset_index(drop=True) if unit == "paragraph" else table
    table = sentences.drop(columns=[c for c in _ALL_SCORES if c in sentences.columns])
    if unit == "paragraph":
        keys = ["doc_id", "paragraph"]
        others = [c for c in table.columns if c not in (*_UNITS[unit], "sentence_id")]
        grouped = table.groupby(keys, sort=False, dropna=False)
        table = grouped.agg(role=("role", "first"), text=("text", " ".join),
                            start=("start", "first"), end=("end", "last"),
                            n_sentences=("text", "size"),
                            **{c: (c, "first") for c in others}).reset_index()
    scores = score_texts(table["text"].tolist(), method, processes=processes,
                         chunk_size=chunk_size, progress=progress)
    for column in scores.columns:
        table[column] = scores[column].to_numpy()
    return table


# --- aggregation ------------------------------------------------------------------------------


# --- validation against human ratings ---------------------------------------------------------


def describe_methods() -> pd.DataFrame:
    """Return what each method is, which package version provides it, and its thresholds.

    Examples
    --------
    >>> describe_methods()["method"].tolist()
    ['news', 'vader', 'pattern']
    """
    from importlib.metadata import version

    return pd.DataFrame([
        {"method": "news", "implementation": "ridge regression on word, character and lexicon "
         "features (newscorpus.sentiment.news_tone)",
         "lexicon": "fitted on the rated NYT editorial snippets (development half); VADER and "
         "Pattern scores among its features",
         "package": f"scikit-learn {version('scikit-learn')}",
         "compound": "predicted mean human rating / 4, in [-1, 1]",
         "thresholds": "{} / {}".format(*THRESHOLDS["news"])},
        {"method": "vader", "implementation": "NLTK SentimentIntensityAnalyzer",
         "lexicon": "vader_lexicon.txt in vaderSentiment",
         "package": f"nltk {version('nltk')}; vaderSentiment {version('vaderSentiment')}",
         "compound": "x / sqrt(x^2 + 15) of the summed valence x, in [-1, 1]",
         "thresholds": "{} / {}".format(*THRESHOLDS["vader"])},
        {"method": "pattern", "implementation": "TextBlob PatternAnalyzer",
         "lexicon": "en-sentiment.xml in textblob (Pattern)",
         "package": f"textblob {version('textblob')}",
         "compound": "polarity: mean polarity of the adjectives found, in [-1, 1]",
         "thresholds": "{} / {}".format(*THRESHOLDS["pattern"])},
    ])
