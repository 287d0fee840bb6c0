"""Tone of sentences by lexicon: scores, labels, group means with bootstrap intervals, validation.

Two methods, both offline (nothing is downloaded):

============  ===================================================================================
method        what it is
============  ===================================================================================
``vader``     The default. NLTK's VADER (``SentimentIntensityAnalyzer``) reading the lexicon of
              the pinned ``vaderSentiment`` package
              (:func:`newscorpus.resources.sentiment_analyzer`).
              ``compound`` is the sum of the valences of the words after
              VADER's rules (negation, ``but``, boosters, capitals, ``!``), mapped into [-1, 1]
              by x / sqrt(x² + 15) and rounded to 4 places; ``neg``, ``neu``, ``pos`` are the
              shares of the text that are negative, neutral and positive (they sum to 1).
``textblob``  TextBlob's ``PatternAnalyzer`` (the Pattern lexicon of about 2,900 adjectives that
              ships inside ``textblob``; :func:`newscorpus.resources.pattern_analyzer`).
              ``compound`` is its *polarity*, the mean polarity of the adjectives found, in
              [-1, 1]; ``subjectivity`` is in [0, 1]. It has no ``neg``/``neu``/``pos``: those
              columns are NaN.
============  ===================================================================================

The two ``compound`` columns are on different scales: VADER's is a squashed *sum*, which grows
with every sentiment word (and saturates on long texts, see :func:`cumulative_compound`),
Pattern's is a *mean*. Compare the methods by correlation or by labels, not by raw values.

A score says how positive or negative the words of a text are. Aggregated over the sentences
that mention an actor (:func:`newscorpus.actors.actor_tone`), it is the tone of the coverage
around the actor, not the actor's stance, nor the author's stance towards it.

Labels follow VADER's documentation: ``compound >= 0.05`` is positive, ``compound <= -0.05``
negative, anything between neutral (:func:`label`). :func:`validate` scores a method against
human ratings (Hutto & Gilbert 2014; files in ``validation/hutto2014/``), and
:func:`published_figures` gives the paper's figures to compare with.
"""

from __future__ import annotations

import functools
import math
import os
import statistics
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus import resources
from newscorpus.errors import NewsCorpusError, ParameterError, Problem
from newscorpus.paths import display, resolve

__all__ = ["LABELS", "METHODS", "RATING_COLUMNS", "SCORE_COLUMNS", "TALLY_COLUMNS", "UNIT_KEYS",
           "agreement", "combine_tallies", "compare_published", "cumulative_compound",
           "describe_methods", "label", "load_ratings", "published_figures",
           "saturation_by_document", "score_sentences", "score_texts", "summarize", "tally",
           "unit_keys", "validate", "validate_method", "validation_files", "validation_table"]

#: The scoring methods; the first is the default.
METHODS: tuple[str, ...] = ("vader", "textblob")
#: The three labels, in the order used in every table.
LABELS: tuple[str, ...] = ("negative", "neutral", "positive")
#: The columns :func:`score_texts` returns for each method.
SCORE_COLUMNS: dict[str, tuple[str, ...]] = {
    "vader": ("neg", "neu", "pos", "compound"),
    "textblob": ("neg", "neu", "pos", "compound", "subjectivity"),
}
#: The count columns of :func:`tally` (besides the group columns); they add up across chunks.
TALLY_COLUMNS: tuple[str, ...] = ("n", "sum_compound", "n_negative", "n_neutral", "n_positive")
#: The columns of a human-ratings file (:func:`load_ratings`).
RATING_COLUMNS: tuple[str, ...] = ("id", "mean_rating", "text")
#: The columns that identify one scored unit, for each ``unit`` of :func:`score_sentences`.
UNIT_KEYS: dict[str, tuple[str, ...]] = {"sentence": ("doc_id", "sentence_id"),
                                         "paragraph": ("doc_id", "paragraph")}

_ALL_SCORES = ("neg", "neu", "pos", "compound", "subjectivity")
_MAX_DRAWS = 4_000_000  # bootstrap indices drawn at once: bounds memory at about 32 MB
_STR = pd.StringDtype("python", na_value=np.nan)


# --- checks -----------------------------------------------------------------------------------


def _check_method(method: str, parameter: str = "method") -> str:
    if method not in METHODS:
        raise ParameterError(Problem(
            f"parameter '{parameter}'", f"unknown sentiment method {method!r}",
            "use one of " + ", ".join(repr(m) for m in METHODS) + f" (default {METHODS[0]!r})"))
    return method


def _check_count(value, parameter: str, *, minimum: int = 1, none_ok: bool = False) -> int:
    if value is None and none_ok:
        return os.cpu_count() or 1
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise ParameterError(Problem(f"parameter '{parameter}'",
                                     f"expected a whole number of at least {minimum}, "
                                     f"got {value!r}", f"pass {parameter}={minimum} "
                                     "or more" + (" (None: all cores)" if none_ok else "")))
    return int(value)


def _check_unit(unit: str) -> str:
    if unit not in UNIT_KEYS:
        raise ParameterError(Problem("parameter 'unit'", f"unknown unit {unit!r}",
                                     "use 'sentence' or 'paragraph'"))
    return unit


def _check_seed(seed) -> int:
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ParameterError(Problem("parameter 'seed'", f"expected a whole number of at "
                                     f"least 0, got {seed!r}", "pass e.g. seed=0"))
    return int(seed)


def _check_thresholds(negative: float, positive: float) -> None:
    for name, value in (("negative", negative), ("positive", positive)):
        if isinstance(value, bool) or not isinstance(value, int | float | np.number) \
                or not math.isfinite(value):
            raise ParameterError(Problem(f"parameter '{name}'",
                                         f"expected a finite number, got {value!r}",
                                         "use e.g. negative=-0.05, positive=0.05"))
    if not negative < positive:
        raise ParameterError(Problem(
            "parameters 'negative' and 'positive'",
            f"the negative threshold ({negative}) must be below the positive one ({positive})",
            "pass negative < positive, e.g. negative=-0.05, positive=0.05 (VADER's defaults)"))


def _as_texts(texts, parameter: str = "texts") -> tuple[list[str], pd.Index | None]:
    if isinstance(texts, str):
        raise ParameterError(Problem(f"parameter '{parameter}'",
                                     "a single string was given, not a collection of texts",
                                     "wrap it in a list: [text]"))
    index = texts.index if isinstance(texts, pd.Series) else None
    values = texts.tolist() if isinstance(texts, pd.Series) else list(texts)
    bad = [(i, v) for i, v in enumerate(values) if not isinstance(v, str)]
    if bad:
        i, v = bad[0]
        raise ParameterError(Problem(
            f"parameter '{parameter}'", f"{len(bad)} item(s) are not text; the first, at "
            f"position {i}, is {v!r} ({type(v).__name__})",
            "drop or fill missing texts first, e.g. texts.dropna() or texts.fillna('')"))
    return values, index


def _check_columns(table: pd.DataFrame, columns: Iterable[str], parameter: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise ParameterError(Problem(f"parameter '{parameter}'",
                                     f"expected a DataFrame, got {type(table).__name__}",
                                     "pass a table such as the sentence table"))
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ParameterError(Problem(
            f"parameter '{parameter}'", "the table has no column " + ", ".join(
                repr(c) for c in missing) + f" (it has {', '.join(map(str, table.columns))})",
            "pass a table with these columns, or merge them in first (e.g. on doc_id)"))


def _paired(x, y, names: tuple[str, str], what: tuple[str, str],
            fix: str) -> tuple[np.ndarray, np.ndarray]:
    """Two equally long, non-empty arrays of numbers without NaN, or a ParameterError."""
    a, b = np.asarray(x, dtype=float).ravel(), np.asarray(y, dtype=float).ravel()
    where = f"parameters '{names[0]}' and '{names[1]}'"
    if len(a) != len(b) or not len(a):
        got = (f"{len(a)} and {len(b)} {what[0]}" if what[0] == what[1] else
               f"{len(a)} {what[0]} and {len(b)} {what[1]}")
        raise ParameterError(Problem(where, f"expected two equally long, non-empty inputs, "
                                     f"got {got}", fix))
    if np.isnan(a).any() or np.isnan(b).any():
        raise ParameterError(Problem(where, "some values are missing (NaN)",
                                     "drop those texts first"))
    return a, b


def _by_list(table: pd.DataFrame, by, parameter: str = "scored") -> list[str]:
    by = [] if by is None else [by] if isinstance(by, str) else list(by)
    _check_columns(table, by, parameter)
    return by


def _compound(table: pd.DataFrame, parameter: str) -> np.ndarray:
    _check_columns(table, ["compound"], parameter)
    try:
        values = table["compound"].to_numpy(dtype=float)
    except (TypeError, ValueError):
        raise ParameterError(Problem(f"parameter '{parameter}'", "the column 'compound' holds "
                                     "values that are not numbers", "score the texts with "
                                     "score_texts or score_sentences")) from None
    missing = int(np.isnan(values).sum())
    if missing:
        raise ParameterError(Problem(f"parameter '{parameter}'", f"the column 'compound' has "
                                     f"{missing} missing value(s)", "drop those rows first"))
    return values


# --- scoring ----------------------------------------------------------------------------------


def _score_chunk(method: str, texts: list[str]) -> np.ndarray:
    """Score ``texts``; one row of :data:`SCORE_COLUMNS` per text (runs in worker processes)."""
    if method == "vader":
        scores = resources.sentiment_analyzer().polarity_scores
        rows = [(s["neg"], s["neu"], s["pos"], s["compound"]) for s in map(scores, texts)]
    else:
        analyze, nan = resources.pattern_analyzer(), math.nan
        rows = [(nan, nan, nan, *analyze(t)) for t in texts]
    return np.array(rows, dtype=float).reshape(len(texts), len(SCORE_COLUMNS[method]))


def score_texts(texts: Iterable[str], method: str = "vader", *, processes: int | None = 1,
                chunk_size: int = 2000, progress: bool = False) -> pd.DataFrame:
    """Score each text with ``method``; one row per text, in input order.

    Parameters
    ----------
    texts : iterable of str
        The texts (a list, or a Series whose index the result keeps).
    method : {"vader", "textblob"}
        See the module docstring. ``"vader"`` (NLTK's VADER) is the project's method.
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
        Columns ``neg, neu, pos, compound`` (floats); for ``"textblob"`` also
        ``subjectivity``, with ``neg, neu, pos`` NaN (Pattern has no such shares). The index is
        the Series' index, or 0, 1, 2, ...

    Raises
    ------
    ParameterError
        For an unknown ``method``, an item that is not a string, or a bad ``processes`` or
        ``chunk_size``.

    Examples
    --------
    >>> score_texts(["Russia is not a good partner.", "The talks were a success."])
         neg    neu    pos  compound
    0  0.376  0.624  0.000   -0.3412
    1  0.000  0.448  0.552    0.5719
    >>> score_texts(["The talks were a success."], "textblob")[["compound", "subjectivity"]]
       compound  subjectivity
    0       0.3           0.0
    >>> score_texts(["ok"], method="bert")
    Traceback (most recent call last):
    ...
    newscorpus.errors.ParameterError: parameter 'method': unknown sentiment method 'bert'. Fix: \
use one of 'vader', 'textblob' (default 'vader').
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
    newscorpus.errors.ParameterError: parameters 'negative' and 'positive': the negative \
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

    Pass them as ``keys`` to :func:`newscorpus.actors.mentions` and
    :func:`newscorpus.actors.actor_tone` when the units are paragraphs.

    Examples
    --------
    >>> unit_keys("sentence"), unit_keys("paragraph")
    (['doc_id', 'sentence_id'], ['doc_id', 'paragraph'])
    """
    return list(UNIT_KEYS[_check_unit(unit)])


_UNITS = {"sentence": ("text",), "paragraph": ("doc_id", "paragraph", "role", "text", "start",
                                               "end")}


def score_sentences(sentences: pd.DataFrame, method: str = "vader", *, unit: str = "sentence",
                    processes: int | None = 1, chunk_size: int = 2000,
                    progress: bool = False) -> pd.DataFrame:
    """Score the sentences (or paragraphs) of the project's sentence table.

    Parameters
    ----------
    sentences : DataFrame
        The sentence table (``corpus/processed/sentences.csv``: ``doc_id, sentence_id,
        paragraph, role, text, start, end``), possibly with more columns (e.g. a period merged
        in from the documents).
    method : {"vader", "textblob"}
        See :func:`score_texts`.
    unit : {"sentence", "paragraph"}
        ``"sentence"`` scores each row. ``"paragraph"`` joins the sentences of each
        (``doc_id``, ``paragraph``) with a space, in table order, and scores the joined text.
    processes, chunk_size, progress
        See :func:`score_texts`.

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
    >>> score_sentences(table)[["sentence_id", "compound"]]
       sentence_id  compound
    0            1   -0.5106
    1            2   -0.3612
    2            3    0.0000
    >>> score_sentences(table, unit="paragraph")[["paragraph", "text", "start", "end",
    ...                                           "n_sentences", "compound"]]
       paragraph                            text  start  end  n_sentences  compound
    0          1  Talks failed. Strikes resumed.      0   30            2   -0.7003
    1          2                    Aid arrived.     32   44            1    0.0000
    """
    _check_unit(unit)
    _check_method(method)
    _check_columns(sentences, _UNITS[unit], "sentences")
    _as_texts(sentences["text"], "sentences")
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


def cumulative_compound(texts: Sequence[str], method: str = "vader", *,
                        ks: Iterable[int] | None = None, sep: str = " ") -> pd.DataFrame:
    """Score the first k texts joined into one, against the mean of their own scores.

    Shows why the project scores sentences and averages them, rather than scoring whole
    documents: VADER's ``compound`` is x / sqrt(x² + 15) of the *summed* valence x, so as a
    text grows the sum grows and ``compound_joined`` is pushed towards -1 or +1, while the mean
    of the sentence scores stays where the sentences are.

    Parameters
    ----------
    texts : sequence of str
        Usually the sentences of one document, in order.
    method : {"vader", "textblob"}
        See :func:`score_texts`.
    ks : iterable of int, optional
        The prefix lengths to evaluate (default 1, 2, ..., len(texts)). Scoring every prefix
        costs time quadratic in the length: pass a few ks for long inputs.
    sep : str
        What joins the texts.

    Returns
    -------
    DataFrame
        Columns ``k`` (texts joined), ``chars`` (length of the joined text),
        ``compound_joined`` (score of the joined text), ``mean_compound`` (mean of the first k
        texts' own scores).

    Examples
    --------
    "failed" has valence -2.3: one sentence scores -2.3 / sqrt(2.3² + 15) = -0.5106, two
    joined -4.6 / sqrt(4.6² + 15) = -0.7650, and so on towards -1.

    >>> cumulative_compound(["The talks failed."] * 4)
       k  chars  compound_joined  mean_compound
    0  1     17          -0.5106        -0.5106
    1  2     35          -0.7650        -0.5106
    2  3     53          -0.8720        -0.5106
    3  4     71          -0.9217        -0.5106
    """
    values, _ = _as_texts(texts)
    ks = list(range(1, len(values) + 1)) if ks is None else list(ks)
    bad = [k for k in ks if isinstance(k, bool) or not isinstance(k, int | np.integer)
           or not 1 <= k <= len(values)]
    if bad:
        raise ParameterError(Problem("parameter 'ks'", f"{bad[0]!r} is not a number of texts "
                                     f"between 1 and {len(values)}",
                                     "pass whole numbers from 1 to len(texts)"))
    own = score_texts(values, method)["compound"].to_numpy()
    means = np.cumsum(own) / np.arange(1, len(own) + 1)
    joined = [sep.join(values[:k]) for k in ks]
    return pd.DataFrame({"k": ks, "chars": [len(t) for t in joined],
                         "compound_joined": score_texts(joined, method)["compound"].to_numpy(),
                         "mean_compound": [means[k - 1] for k in ks]})


def saturation_by_document(units: pd.DataFrame, method: str = "vader", *,
                           max_points: int = 60) -> pd.DataFrame:
    """Return :func:`cumulative_compound` for each document of a table of units.

    Each document's units (``doc_id`` and ``text``, in reading order) are joined from the
    start; up to ``max_points`` prefix lengths, evenly spread and always including the whole
    document, are scored, so a long document costs ``max_points`` scorings, not one per unit.

    Returns
    -------
    DataFrame
        ``doc_id``, then the columns of :func:`cumulative_compound`; empty (same columns) when
        ``units`` is.

    Examples
    --------
    >>> units = pd.DataFrame({"doc_id": ["a"] * 3 + ["b"], "text": ["The talks failed."] * 4})
    >>> saturation_by_document(units, max_points=2)[["doc_id", "k", "compound_joined"]]
      doc_id  k  compound_joined
    0      a  1          -0.5106
    1      a  3          -0.8720
    2      b  1          -0.5106
    """
    _check_columns(units, ["doc_id", "text"], "units")
    if isinstance(max_points, bool) or not isinstance(max_points, int) or max_points < 1:
        raise ParameterError(Problem("parameter 'max_points'", f"expected a whole number of at "
                                     f"least 1, got {max_points!r}", "pass e.g. max_points=60"))
    parts = []
    for doc_id, part in units.groupby("doc_id", sort=False):
        n = len(part)
        ks = sorted({int(round(x)) for x in np.linspace(1, n, min(n, max_points))})
        table = cumulative_compound(part["text"].tolist(), method, ks=ks)
        parts.append(table.assign(doc_id=doc_id)[["doc_id", *table.columns]])
    if not parts:
        return pd.DataFrame({"doc_id": pd.Series(dtype="str"), "k": pd.Series(dtype="int64"),
                             "chars": pd.Series(dtype="int64"),
                             "compound_joined": pd.Series(dtype="float64"),
                             "mean_compound": pd.Series(dtype="float64")})
    return pd.concat(parts, ignore_index=True)


# --- aggregation ------------------------------------------------------------------------------


def tally(scored: pd.DataFrame, by: str | Sequence[str] | None = None, *,
          negative: float = -0.05, positive: float = 0.05) -> pd.DataFrame:
    """Count scored units per group: the sums from which means and shares follow.

    Tallies of separate chunks of a corpus add up: :func:`combine_tallies` sums them, and the
    means and shares of the combined tally equal those of :func:`summarize` on the whole.

    Parameters
    ----------
    scored : DataFrame
        A table with a ``compound`` column (from :func:`score_sentences` or
        :func:`score_texts`) and the ``by`` columns.
    by : str, list of str or None
        Group columns; ``None`` or ``[]`` makes one group of everything.
    negative, positive : float
        Label thresholds (see :func:`label`).

    Returns
    -------
    DataFrame
        The ``by`` columns (groups sorted; missing keys last), then :data:`TALLY_COLUMNS`:
        ``n, sum_compound, n_negative, n_neutral, n_positive``.

    Examples
    --------
    >>> scored = pd.DataFrame({"g": ["a", "a", "b"], "compound": [0.5, -0.2, 0.0]})
    >>> tally(scored, "g")
       g  n  sum_compound  n_negative  n_neutral  n_positive
    0  a  2           0.3           1          0           1
    1  b  1           0.0           0          1           0
    """
    by = _by_list(scored, by)
    values = _compound(scored, "scored")
    labels = label(values, negative, positive)
    frame = pd.DataFrame({**{c: scored[c].array for c in by}, "n": 1,
                          "sum_compound": values,
                          **{f"n_{name}": (labels == name).astype(int) for name in LABELS}})
    if not by:
        return frame[list(TALLY_COLUMNS)].sum().to_frame().T.astype(
            {c: int for c in TALLY_COLUMNS if c != "sum_compound"})
    return frame.groupby(by, sort=True, dropna=False, observed=True).sum().reset_index()


def combine_tallies(tallies: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Add up tallies of separate chunks (same ``by`` columns) into one.

    Examples
    --------
    >>> one = pd.DataFrame({"g": ["a"], "compound": [0.5]})
    >>> two = pd.DataFrame({"g": ["a", "b"], "compound": [-0.2, 0.0]})
    >>> combine_tallies([tally(one, "g"), tally(two, "g")]).equals(
    ...     tally(pd.concat([one, two]), "g"))
    True
    """
    tallies = list(tallies)
    if not tallies:
        raise ParameterError(Problem("parameter 'tallies'", "no tally was given",
                                     "pass one or more tables made by tally()"))
    by = [c for c in tallies[0].columns if c not in TALLY_COLUMNS]
    for t in tallies:
        _check_columns(t, [*by, *TALLY_COLUMNS], "tallies")
    frame = pd.concat(tallies, ignore_index=True)
    if not by:
        return frame[list(TALLY_COLUMNS)].sum().to_frame().T.astype(
            {c: int for c in TALLY_COLUMNS if c != "sum_compound"})
    return frame.groupby(by, sort=True, dropna=False, observed=True)[
        list(TALLY_COLUMNS)].sum().reset_index()


def _bootstrap_ci(values: np.ndarray, rng: np.random.Generator, n_boot: int,
                  level: float) -> tuple[float, float]:
    """Percentile interval of the mean of ``values`` over ``n_boot`` resamples."""
    n = len(values)
    if n < 2 or n_boot == 0:
        return math.nan, math.nan
    means = np.empty(n_boot)
    block = max(1, _MAX_DRAWS // n)
    for start in range(0, n_boot, block):
        stop = min(n_boot, start + block)
        means[start:stop] = values[rng.integers(0, n, size=(stop - start, n))].mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return float(low), float(high)


def summarize(scored: pd.DataFrame, by: str | Sequence[str] | None = None, *,
              negative: float = -0.05, positive: float = 0.05, n_boot: int = 2000,
              seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Mean compound per group with a bootstrap interval, and the shares of each label.

    Parameters
    ----------
    scored : DataFrame
        A table with a ``compound`` column and the ``by`` columns.
    by : str, list of str or None
        Group columns; ``None`` gives one row for the whole table.
    negative, positive : float
        Label thresholds (see :func:`label`).
    n_boot : int
        Bootstrap resamples; 0 skips the interval (NaN).
    seed : int
        Seed of numpy's ``default_rng``: the same table, ``by`` and seed always give the same
        intervals (groups are resampled in the order of the output rows).
    level : float
        Coverage of the interval, between 0 and 1.

    Returns
    -------
    DataFrame
        The ``by`` columns (groups sorted), then ``n, mean_compound, ci_low, ci_high,
        share_negative, share_neutral, share_positive``. ``ci_low``/``ci_high`` is the
        percentile bootstrap interval of the mean (units resampled with replacement within the
        group); it is NaN for a group of one. The units are treated as independent: sentences
        of one article are not, so the interval is too narrow when few articles contribute
        many sentences.

    Raises
    ------
    ParameterError
        For a missing column, a missing score, or a bad ``n_boot``, ``level`` or threshold.

    Examples
    --------
    >>> scored = pd.DataFrame({"period": ["2015", "2015", "2015", "2016"],
    ...                        "compound": [-0.6, -0.2, 0.4, 0.0]})
    >>> summary = summarize(scored, "period", n_boot=1000)
    >>> summary[["period", "n", "mean_compound", "ci_low", "ci_high"]]
      period  n  mean_compound  ci_low  ci_high
    0   2015  3      -0.133333    -0.6      0.4
    1   2016  1       0.000000     NaN      NaN
    >>> summary[["share_negative", "share_neutral", "share_positive"]]
       share_negative  share_neutral  share_positive
    0        0.666667            0.0        0.333333
    1        0.000000            1.0        0.000000
    """
    n_boot = _check_count(n_boot, "n_boot", minimum=0)
    seed = _check_seed(seed)
    if isinstance(level, bool) or not isinstance(level, int | float) or not 0 < level < 1:
        raise ParameterError(Problem("parameter 'level'", f"expected a number between 0 and 1,"
                                     f" got {level!r}", "use e.g. level=0.95"))
    by = _by_list(scored, by)
    counts = tally(scored, by, negative=negative, positive=positive)
    values = _compound(scored, "scored")
    if by:
        codes = scored.groupby(by, sort=True, dropna=False, observed=True).ngroup().to_numpy()
    else:
        codes = np.zeros(len(values), dtype=int)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(counts) + 1))
    rng = np.random.default_rng(seed)
    intervals = [_bootstrap_ci(values[order[a:b]], rng, n_boot, level)
                 for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    n = counts["n"].to_numpy()
    out = counts[by].copy()
    out["n"] = n
    out["mean_compound"] = counts["sum_compound"].to_numpy() / n
    out["ci_low"] = [low for low, _ in intervals]
    out["ci_high"] = [high for _, high in intervals]
    for name in LABELS:
        out[f"share_{name}"] = counts[f"n_{name}"].to_numpy() / n
    return out


def agreement(first, second, *, negative: float = -0.05, positive: float = 0.05
              ) -> dict[str, float]:
    """How far two methods' scores of the same texts agree, as numbers and as labels.

    The two methods' scores are on different scales (see the module docstring), so they are
    compared by correlation and by the labels the same thresholds give them, not by their
    differences.

    Parameters
    ----------
    first, second : array-like
        Scores of the same texts, in the same order (e.g. VADER's and Pattern's compound).
    negative, positive : float
        Label thresholds (see :func:`label`), applied to both.

    Returns
    -------
    dict
        ``n``; ``pearson_r``; ``spearman_rho`` (Pearson r of the ranks, ties averaged);
        ``label_agreement`` (share of texts given the same label) and ``cohen_kappa`` (that
        share corrected for the agreement expected by chance from each method's own label
        shares: (p_o - p_e) / (1 - p_e)). Correlations are NaN when either input is constant.

    Raises
    ------
    ParameterError
        For inputs of different lengths, empty inputs, missing values or bad thresholds.

    Examples
    --------
    >>> result = agreement([0.5, -0.4, 0.0, 0.2], [0.3, -0.1, 0.1, 0.0])
    >>> {k: round(v, 3) for k, v in result.items()}  # doctest: +NORMALIZE_WHITESPACE
    {'n': 4, 'pearson_r': 0.866, 'spearman_rho': 0.8, 'label_agreement': 0.5,
     'cohen_kappa': 0.2}
    """
    _check_thresholds(negative, positive)
    a, b = _paired(first, second, ("first", "second"), ("scores", "scores"),
                   "pass two scores of each text")

    def pearson(x: np.ndarray, y: np.ndarray) -> float:
        if len(x) < 2 or x.std() == 0 or y.std() == 0:
            return math.nan
        return float(np.clip(np.corrcoef(x, y)[0, 1], -1.0, 1.0))

    ranks = [pd.Series(v).rank().to_numpy() for v in (a, b)]
    labels_a, labels_b = label(a, negative, positive), label(b, negative, positive)
    observed = float((labels_a == labels_b).mean())
    chance = sum(float((labels_a == c).mean()) * float((labels_b == c).mean()) for c in LABELS)
    kappa = (observed - chance) / (1 - chance) if chance < 1 else math.nan
    return {"n": len(a), "pearson_r": pearson(a, b), "spearman_rho": pearson(*ranks),
            "label_agreement": observed, "cohen_kappa": kappa}


# --- validation against human ratings ---------------------------------------------------------


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
    >>> [p.name for p in validation_files("validation/hutto2014")]
    ['nyt_editorial_snippets_dev.tsv', 'tweets.tsv']
    >>> validation_files("validation/none")
    Traceback (most recent call last):
    ...
    newscorpus.errors.ParameterError: parameter 'validation_dir': the folder validation/none \
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
    newscorpus.errors.NewsCorpusError: .../r.tsv line 2, field 'mean_rating': 'good' is not a \
number. Fix: write the mean rating as a number such as -1.25.
    """
    from newscorpus.corpus import _decode

    path = resolve(path)
    where = display(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise NewsCorpusError(Problem(where, f"the file cannot be read ({err.strerror})",
                                      "check the path; the validation files are in "
                                      "validation/hutto2014/")) from None
    text, problem = _decode(data, where, where)
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
             level: float = 0.95) -> dict[str, float]:
    """Compare method scores with human ratings of the same texts.

    The correlation uses the raw numbers. For the labels, the human mean rating is cut with
    the *same* thresholds as the scores (``rating >= positive`` positive, ``<= negative``
    negative): on Hutto's -4..+4 scale that makes few texts neutral, and it is what reproduces
    the paper's F1 (support-weighted F1: 0.55 on NYT editorials, 0.96 on tweets).

    Parameters
    ----------
    compound : array-like
        The method's scores.
    rating : array-like
        Human mean ratings of the same texts, in the same order.
    negative, positive : float
        Label thresholds (see :func:`label`).
    level : float
        Coverage of the correlation's confidence interval.

    Returns
    -------
    dict
        ``n``; ``pearson_r`` with ``r_ci_low``, ``r_ci_high`` (Fisher z interval:
        tanh(atanh r ± z / sqrt(n - 3)); NaN with fewer than 4 texts or a constant input);
        ``f1_macro`` (mean of the per-label F1 over the labels that occur), ``f1_weighted``,
        ``precision_weighted``, ``recall_weighted`` (weighted by the human label counts, as
        scikit-learn's ``average="weighted"``) and ``accuracy``.

    Examples
    --------
    >>> result = validate([0.5, -0.5, 0.0, 0.7, -0.1], [2.0, -1.0, 0.5, 1.0, -2.0])
    >>> {k: round(v, 3) for k, v in result.items()}  # doctest: +NORMALIZE_WHITESPACE
    {'n': 5, 'pearson_r': 0.761, 'r_ci_low': -0.37, 'r_ci_high': 0.983, 'f1_macro': 0.6,
     'f1_weighted': 0.88, 'precision_weighted': 1.0, 'recall_weighted': 0.8, 'accuracy': 0.8}
    """
    _check_thresholds(negative, positive)
    scores, truth = _paired(compound, rating, ("compound", "rating"), ("scores", "ratings"),
                            "pass one score and one rating per text")
    n = len(scores)
    r = low = high = math.nan
    if n > 1 and scores.std() > 0 and truth.std() > 0:
        r = float(np.clip(np.corrcoef(scores, truth)[0, 1], -1.0, 1.0))
        if n > 3 and abs(r) < 1:
            z = statistics.NormalDist().inv_cdf(1 - (1 - level) / 2) / math.sqrt(n - 3)
            low, high = math.tanh(math.atanh(r) - z), math.tanh(math.atanh(r) + z)
        elif n > 3:
            low = high = r
    return {"n": n, "pearson_r": r, "r_ci_low": low, "r_ci_high": high,
            **_f1_scores(label(truth, negative, positive), label(scores, negative, positive))}


def validate_method(ratings: pd.DataFrame | str | os.PathLike[str], method: str = "vader", *,
                    negative: float = -0.05, positive: float = 0.05,
                    processes: int | None = 1) -> dict[str, float]:
    """Score the texts of a ratings file (or table) with ``method`` and :func:`validate` them.

    Examples
    --------
    >>> table = pd.DataFrame({"id": ["1", "2", "3", "4"], "mean_rating": [2.1, -1.5, 0.2, 1.0],
    ...                       "text": ["A wonderful day.", "A terrible loss.", "It rained.",
    ...                                "Good news."]})
    >>> result = validate_method(table)
    >>> result["method"], result["n"], result["accuracy"]
    ('vader', 4, 0.75)
    """
    if not isinstance(ratings, pd.DataFrame):
        ratings = load_ratings(ratings)
    _check_columns(ratings, ("mean_rating", "text"), "ratings")
    scores = score_texts(ratings["text"], method, processes=processes)["compound"]
    return {"method": method, **validate(scores.to_numpy(), ratings["mean_rating"].to_numpy(),
                                          negative=negative, positive=positive)}


def validation_table(paths: Iterable[str | os.PathLike[str]],
                     methods: Iterable[str] = METHODS, *, negative: float = -0.05,
                     positive: float = 0.05, processes: int | None = 1) -> pd.DataFrame:
    """Validate each method on each ratings file; one row per (file, method).

    Returns
    -------
    DataFrame
        Columns ``file`` (the file name), ``method``, then the keys of :func:`validate`.
    """
    rows = []
    for path in paths:
        ratings = load_ratings(path)
        for method in methods:
            rows.append({"file": Path(path).name, **validate_method(
                ratings, method, negative=negative, positive=positive, processes=processes)})
    return pd.DataFrame(rows)


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


def describe_methods() -> pd.DataFrame:
    """Return what each method is and which package version provides it.

    Examples
    --------
    >>> describe_methods()["method"].tolist()
    ['vader', 'textblob']
    """
    from importlib.metadata import version

    return pd.DataFrame([
        {"method": "vader", "implementation": "NLTK SentimentIntensityAnalyzer",
         "lexicon": "vader_lexicon.txt in vaderSentiment",
         "package": f"nltk {version('nltk')}; vaderSentiment {version('vaderSentiment')}",
         "compound": "x / sqrt(x^2 + 15) of the summed valence x, in [-1, 1]"},
        {"method": "textblob", "implementation": "TextBlob PatternAnalyzer",
         "lexicon": "en-sentiment.xml in textblob (Pattern)",
         "package": f"textblob {version('textblob')}",
         "compound": "polarity: mean polarity of the adjectives found, in [-1, 1]"},
    ])
