"""News tone (method ``news``): a sentence tone scorer for news text, fitted on human ratings.

A ridge regression on four blocks of features, fitted on the development half of Hutto &
Gilbert's (2014) New York Times editorial snippets (each rated by about 20 people on -4..+4):

- ``words``: TF-IDF of lower-cased words; a word after a negation (``not``, ``no``, ``n't``, ...)
  up to the next punctuation mark is a different word (``good_NEG``);
- ``vader_words``: each VADER lexicon word of the text, not negated, valued at its valence / 4;
- ``chars``: TF-IDF of character 2- to 5-grams inside words (``char_wb``);
- ``lexicon``: :data:`LEXICON_COLUMNS` (VADER and Pattern scores and a few counts), standardised.

**Scale.** :meth:`NewsTone.score` returns the predicted *mean human rating* on the raters' own
scale, clipped to [-4, 4]: -4 extremely negative, 0 neutral, +4 extremely positive. It is a
number a reader can check against the rating instructions, and the thresholds live in the same
units. Divide by 4 to plot it beside VADER's compound; the two are still not interchangeable
(compound is a squashed sum of valences, this is an estimate of an average rating).

Hyper-parameters (:data:`PARAMS`) and label thresholds (:data:`THRESHOLDS`) were chosen by
cross-validation on the development half only (:func:`tune`, :func:`choose_thresholds`);
:func:`cross_validate` gives out-of-fold predictions for an honest estimate.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler

from newscorpus.base.lexicons import pattern_analyzer, sentiment_analyzer
from newscorpus.base.paths import resolve

#: The training data, in the project: development half of the NYT editorial snippets.
TRAINING_FILE = "validation/hutto2014/nyt_editorial_snippets_dev.tsv"

#: Lexicon features: VADER's four scores and summed valence, Pattern's two and its assessed
#: chunks, log word count, negations, ``!`` and ``?`` (see :func:`featurize`).
LEXICON_COLUMNS: tuple[str, ...] = (
    "vader_neg", "vader_neu", "vader_pos", "vader_compound", "vader_sum", "pattern_polarity",
    "pattern_subjectivity", "pattern_n", "pattern_sum", "pattern_min", "pattern_max",
    "log_words", "negations", "exclamations", "questions")
#: The feature blocks of the model (module docstring), in the order they are stacked.
BLOCKS: tuple[str, ...] = ("words", "vader_words", "chars", "lexicon")
#: The hyper-parameter grid searched by :func:`tune` (18 points; kept small on purpose).
GRID: dict[str, tuple[float, ...]] = {"alpha": (1.0, 3.0, 10.0), "char_weight": (0.5, 1.0),
                                      "lexicon_weight": (0.05, 0.1, 0.2)}
#: Chosen by ``tune(frame, y)`` (5-fold, shuffled, seed 0) on the whole development half.
PARAMS: dict[str, float] = {"alpha": 3.0, "char_weight": 0.5, "lexicon_weight": 0.1}
#: (negative, positive): a score <= negative is negative, >= positive positive, else neutral.
#: Chosen by :func:`choose_thresholds` on 10-fold out-of-fold predictions with :data:`PARAMS`.
THRESHOLDS: tuple[float, float] = (-0.09, -0.08)
#: The rating scale; scores are clipped to it.
RATING_RANGE: tuple[float, float] = (-4.0, 4.0)
#: Scores are rounded to this many decimals: the fit converges to about 1e-12 on any CPU
#: (ridge ``tol``), so rounded scores, tables and figures are the same bytes on every machine.
DECIMALS = 6
#: Human classes (Hutto & Gilbert 2014): mean rating >= 0.05 positive, <= -0.05 negative.
HUMAN_THRESHOLDS: tuple[float, float] = (-0.05, 0.05)

_TOKEN = re.compile(r"[\w']+|[.,;:!?]")
_NEGATION = re.compile(r"(?:not|no|never|nothing|none|nobody|nor|neither|without|cannot|.+n't)")
_ALPHA = 15.0  # VADER's compound = x / sqrt(x**2 + alpha) for the summed valence x


# --- features ------------------------------------------------------------------------------------


def _features_of(text: str, vader, pattern) -> tuple:
    """One text's negation-marked words and :data:`LEXICON_COLUMNS` (VADER and Pattern once)."""
    words, marked, negated, negations = 0, [], False, 0
    for token in _TOKEN.findall(text.lower().replace("\u2019", "'")):
        if token in ".,;:!?":
            negated = False
            continue
        words += 1
        marked.append(token + "_NEG" if negated else token)
        if _NEGATION.fullmatch(token):
            negated, negations = True, negations + 1
    v = vader(text)
    c = min(max(v["compound"], -0.9999), 0.9999)
    p = pattern(text)
    chunks = [a[1] for a in p.assessments]
    return (text, " ".join(marked), v["neg"], v["neu"], v["pos"], v["compound"],
            c * math.sqrt(_ALPHA / (1 - c * c)), p[0], p[1], len(chunks), sum(chunks),
            min(chunks, default=0.0), max(chunks, default=0.0), math.log1p(words), negations,
            text.count("!"), text.count("?"))


def featurize(texts: Iterable[str]) -> pd.DataFrame:
    """Return the model's input: columns ``text``, ``marked`` and :data:`LEXICON_COLUMNS`.

    ``marked``: lower-cased words, ``_NEG`` appended inside a negation's scope. ``vader_sum``:
    VADER's summed valence before squashing (from ``compound``). ``pattern_n/sum/min/max``:
    Pattern's assessed chunks (count, sum, min, max of their polarities; 0 if none).

    Examples
    --------
    >>> frame = featurize(["This is not good, but fine!"])
    >>> frame.loc[0, "marked"]
    'this is not good_NEG but fine'
    >>> frame[["negations", "exclamations", "questions"]].to_numpy().tolist()
    [[1, 1, 0]]
    """
    vader, pattern = sentiment_analyzer().polarity_scores, pattern_analyzer()
    rows = [_features_of(t, vader, pattern) for t in texts]
    return pd.DataFrame(rows, columns=["text", "marked", *LEXICON_COLUMNS])


@functools.cache
def _vader_vocabulary() -> tuple[CountVectorizer, sparse.dia_matrix]:
    lexicon = sentiment_analyzer().lexicon
    words = sorted(w for w in lexicon if re.fullmatch(r"[a-z']+", w))
    counter = CountVectorizer(vocabulary=words, token_pattern=r"\S+", lowercase=False)
    return counter, sparse.diags(np.array([lexicon[w] for w in words]) / 4.0)


def _vader_word_valences(marked: Iterable[str]) -> sparse.csr_matrix:
    """Count of each VADER lexicon word (negated ones excluded) times its valence / 4."""
    counter, valences = _vader_vocabulary()
    return sparse.csr_matrix(counter.transform(marked) @ valences)


def _weight(block: str, params: dict[str, float]) -> float:
    return {"chars": params["char_weight"], "lexicon": params["lexicon_weight"]}.get(block, 1.0)


def make_model(params: dict[str, float] | None = None,
               blocks: Sequence[str] = BLOCKS) -> Pipeline:
    """Return the unfitted pipeline: feature blocks, weighted and stacked, then ridge.

    Parameters
    ----------
    params : dict, optional
        ``alpha`` (ridge penalty), ``char_weight`` and ``lexicon_weight`` (multipliers of those
        blocks, which set how strongly they are penalised); defaults :data:`PARAMS`.
    blocks : sequence of str
        A subset of :data:`BLOCKS` (for ablations).
    """
    p = {**PARAMS, **(params or {})}
    makers = {
        "words": (lambda: TfidfVectorizer(token_pattern=r"\S+", lowercase=False,
                                          sublinear_tf=True), "marked"),
        "vader_words": (lambda: FunctionTransformer(_vader_word_valences), "marked"),
        "chars": (lambda: TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                          sublinear_tf=True), "text"),
        "lexicon": (StandardScaler, list(LEXICON_COLUMNS)),
    }
    features = ColumnTransformer([(b, makers[b][0](), makers[b][1]) for b in blocks],
                                 transformer_weights={b: _weight(b, p) for b in blocks},
                                 sparse_threshold=1.0)
    # A tolerance far below the printed precision: the conjugate-gradient iterates differ from
    # one CPU to another by rounding, and the solution must not (see DECIMALS).
    ridge = Ridge(alpha=p["alpha"], solver="sparse_cg", tol=1e-12, random_state=0)
    return Pipeline([("features", features), ("ridge", ridge)])


# --- the fitted scorer ---------------------------------------------------------------------------


def _read_ratings(path: str | Path) -> pd.DataFrame:
    """Read a ratings file (tab-separated ``id, mean_rating, text``, no quoting).

    The checked reader is :func:`newscorpus.sentiment.validation.load_ratings`; this one is
    for the project's own training file, read without importing the validation module.
    """
    return pd.read_csv(resolve(path), sep="\t", quoting=3, dtype={"id": str},
                       keep_default_na=False)


def _rounded(prediction: np.ndarray) -> np.ndarray:
    """Predictions clipped to :data:`RATING_RANGE` and rounded to :data:`DECIMALS`."""
    return np.round(np.clip(prediction, *RATING_RANGE), DECIMALS)


def human_labels(rating: np.ndarray) -> np.ndarray:
    """Human classes as in the paper: mean >= 0.05 is 1, <= -0.05 is -1, otherwise 0."""
    return label(rating, HUMAN_THRESHOLDS)


def label(scores: np.ndarray, thresholds: tuple[float, float] = THRESHOLDS) -> np.ndarray:
    """-1 (negative) where ``scores <= thresholds[0]``, 1 where ``>= thresholds[1]``, else 0."""
    scores = np.asarray(scores, dtype=float)
    return np.where(scores >= thresholds[1], 1, np.where(scores <= thresholds[0], -1, 0))


@dataclass(frozen=True)
class NewsTone:
    """A fitted scorer: :meth:`score` (rating scale, see module docstring) and :meth:`label`."""

    model: Pipeline
    thresholds: tuple[float, float] = THRESHOLDS

    def score(self, texts: Iterable[str]) -> np.ndarray:
        """Predicted mean human rating of each text, clipped to [-4, 4]."""
        texts = [texts] if isinstance(texts, str) else list(texts)
        if not texts:
            return np.empty(0)
        return _rounded(self.model.predict(featurize(texts)))

    def label(self, texts: Iterable[str]) -> np.ndarray:
        """-1, 0 or 1 (negative, neutral, positive) for each text, with :attr:`thresholds`."""
        return label(self.score(texts), self.thresholds)


def fit(path: str | Path = TRAINING_FILE, params: dict[str, float] | None = None) -> NewsTone:
    """Fit the scorer on a ratings file; same file and parameters give bit-identical scores.

    Examples
    --------
    >>> tone = fit()
    >>> tone.score(["The talks were a great success.", "Dozens were killed."]).round(1)
    array([ 0.9, -1.5])
    """
    data = _read_ratings(path)
    model = make_model(params).fit(featurize(data["text"]), data["mean_rating"].to_numpy())
    return NewsTone(model)


def score(texts: Iterable[str]) -> np.ndarray:
    """Score texts with the default scorer (fitted on :data:`TRAINING_FILE` on first use)."""
    return _default().score(texts)


_default = functools.cache(fit)


@functools.cache
def out_of_fold() -> pd.DataFrame:
    """The training texts scored by 10-fold cross-validation (:func:`cross_validate`).

    Each text is scored by a model fitted without it, with :data:`PARAMS`; computed once per
    process. This is how the training data itself is validated.
    """
    return cross_validate(nested=False)


def is_training_data(ratings: pd.DataFrame) -> bool:
    """Whether ``ratings`` holds the training texts (the scorer must not score them itself)."""
    training = _read_ratings(TRAINING_FILE)["text"]
    return len(ratings) == len(training) and ratings["text"].tolist() == training.tolist()


# --- cross-validation ----------------------------------------------------------------------------


def choose_thresholds(scores: np.ndarray, rating: np.ndarray,
                      candidates: np.ndarray | None = None) -> tuple[float, float]:
    """Thresholds maximising the class-size-weighted F1 against :func:`human_labels`.

    Pass out-of-fold scores, never in-sample ones. Every pair ``negative < positive`` of the
    sorted ``candidates`` (default -1.5 to 1.5 in steps of 0.01) is tried, all at once from
    counts (F1 = 2 TP / (predicted + actual)); ties go to the lowest pair.

    Examples
    --------
    >>> choose_thresholds([-2.0, -1.0, 0.0, 1.0], [-1.0, -0.5, 0.0, 2.0])
    (-1.0, 0.01)
    """
    t = np.round(np.arange(-150, 151) / 100, 2) if candidates is None else np.sort(candidates)
    truth, scores = human_labels(rating), np.asarray(scores, dtype=float)
    size, le, ge = {}, {}, {}
    for c in (-1, 0, 1):  # how many of class c score <= t (le) and >= t (ge), for every t
        s = np.sort(scores[truth == c])
        size[c], le[c] = len(s), np.searchsorted(s, t, side="right")[:, None]
        ge[c] = (len(s) - np.searchsorted(s, t, side="left"))[None, :]
    pred_neg, pred_pos = sum(le.values()), sum(ge.values())
    hits = {-1: le[-1], 1: ge[1], 0: size[0] - le[0] - ge[0]}
    predicted = {-1: pred_neg, 1: pred_pos, 0: len(scores) - pred_neg - pred_pos}
    f1 = sum(size[c] * np.divide(2.0 * hits[c], predicted[c] + size[c],
                                 out=np.zeros(np.broadcast_shapes(le[c].shape, ge[c].shape)),
                                 where=(predicted[c] + size[c]) > 0) for c in size)
    f1 = np.where(np.triu(np.ones((len(t), len(t)), dtype=bool), k=1), f1, -1.0)
    i, j = np.unravel_index(int(np.argmax(f1)), f1.shape)
    return float(t[i]), float(t[j])


def _grid_predictions(frame: pd.DataFrame, y: np.ndarray, train: np.ndarray, test: np.ndarray,
                      points: list[dict[str, float]], blocks: Sequence[str]) -> np.ndarray:
    """Predictions for ``test`` from each grid point, fitting the feature blocks only once.

    The blocks are fitted with unit weights; each point then scales their columns, which is
    what ``transformer_weights`` does in :func:`make_model`.
    """
    features = make_model(blocks=blocks).named_steps["features"]
    features.set_params(transformer_weights=None)
    x_train = features.fit_transform(frame.iloc[train])
    x_test = features.transform(frame.iloc[test])
    out = np.empty((len(points), len(test)))
    for k, p in enumerate(points):
        scale = np.ones(x_train.shape[1])
        for block, columns in features.output_indices_.items():
            scale[columns] = _weight(block, {**PARAMS, **p})
        ridge, d = make_model(p, blocks).named_steps["ridge"], sparse.diags(scale)
        out[k] = ridge.fit(x_train @ d, y[train]).predict(x_test @ d)
    return np.round(out, DECIMALS)


def _folds(n: int, k: int, seed: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    return list(KFold(k, shuffle=True, random_state=seed).split(np.arange(n)))


def tune(frame: pd.DataFrame, y: np.ndarray, folds: int = 5, *,
         grid: dict[str, tuple[float, ...]] = GRID, blocks: Sequence[str] = BLOCKS
         ) -> tuple[dict[str, float], np.ndarray]:
    """Choose hyper-parameters by K-fold CV (shuffled, seed 0) on ``frame`` (:func:`featurize`).

    Returns the grid point with the highest Pearson r of its pooled out-of-fold predictions
    with ``y``, and those predictions (for :func:`choose_thresholds`).
    """
    owner = {"char_weight": "chars", "lexicon_weight": "lexicon"}  # the block a weight scales
    grid = {k: v for k, v in grid.items() if k not in owner or owner[k] in blocks}
    points = [dict(zip(grid, values, strict=True)) for values in itertools.product(*grid.values())]
    y = np.asarray(y, dtype=float)
    oof = np.empty((len(points), len(y)))
    for train, test in _folds(len(y), folds):
        oof[:, test] = _grid_predictions(frame, y, train, test, points, blocks)
    best = int(np.argmax([np.corrcoef(p, y)[0, 1] for p in oof]))
    return points[best], oof[best]


def cross_validate(path: str | Path = TRAINING_FILE, folds: int = 10, *, nested: bool = True,
                   inner_folds: int = 5, blocks: Sequence[str] = BLOCKS) -> pd.DataFrame:
    """Out-of-fold scores and labels for every text of a ratings file.

    K-fold with fixed shuffling (seed 0): each text is scored by a model that never saw it.
    With ``nested=True`` the hyper-parameters (:func:`tune` with ``inner_folds``) and the
    thresholds (:func:`choose_thresholds` on the inner out-of-fold scores) are chosen again
    inside each training part, so the labels are out-of-fold too; this is the figure to report.
    With ``nested=False`` the model uses :data:`PARAMS` and the labels use thresholds chosen on
    these out-of-fold scores (how :data:`THRESHOLDS` was set): quicker, slightly optimistic.

    Returns
    -------
    DataFrame
        ``id``, ``mean_rating``, ``text``, ``fold``, ``score`` (clipped to the rating scale),
        ``label`` (-1, 0, 1), ``human`` (:func:`human_labels`); nested: ``alpha``,
        ``char_weight``, ``lexicon_weight``, ``negative``, ``positive`` chosen in the fold.
    """
    data = _read_ratings(path)
    frame, y = featurize(data["text"]), data["mean_rating"].to_numpy(dtype=float)
    out = data.assign(fold=0, score=np.nan, label=0, human=human_labels(y))
    chosen = []
    for fold, (train, test) in enumerate(_folds(len(y), folds)):
        if nested:
            params, inner = tune(frame.iloc[train], y[train], inner_folds, blocks=blocks)
            thresholds = choose_thresholds(np.clip(inner, *RATING_RANGE), y[train])
            pred = _rounded(_grid_predictions(frame, y, train, test, [params], blocks)[0])
            out.loc[test, "label"] = label(pred, thresholds)
            chosen.append(pd.DataFrame({**params, "negative": thresholds[0],
                                        "positive": thresholds[1]}, index=test))
        else:
            model = make_model(blocks=blocks).fit(frame.iloc[train], y[train])
            pred = _rounded(model.predict(frame.iloc[test]))
        out.loc[test, "fold"], out.loc[test, "score"] = fold, pred
    if nested:
        return out.join(pd.concat(chosen))
    return out.assign(label=label(out["score"], choose_thresholds(out["score"], y)))
