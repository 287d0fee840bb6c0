"""The news tone scorer: determinism, a worked example, the cross-validated r, thresholds.

Speed is measured by ``benchmarks/bench_tone.py``, not asserted here.
"""

from __future__ import annotations

import numpy as np
import pytest

from newscorpus import sentiment
from newscorpus.sentiment import news_tone as nt


@pytest.fixture(scope="module")
def tone() -> nt.NewsTone:
    return nt.fit()


@pytest.fixture(scope="module")
def dev():
    return nt._read_ratings(nt.TRAINING_FILE)


@pytest.fixture(scope="module")
def out_of_fold():
    return nt.out_of_fold()


def test_two_fits_give_bit_identical_coefficients_and_scores(tone, dev):
    again = nt.fit()
    assert np.array_equal(tone.model.named_steps["ridge"].coef_,
                          again.model.named_steps["ridge"].coef_)
    assert tone.model.named_steps["ridge"].intercept_ == again.model.named_steps["ridge"].intercept_
    texts = dev["text"].tolist()
    assert np.array_equal(tone.score(texts), again.score(texts))


def test_cross_validated_predictions_are_reproducible(out_of_fold):
    again = nt.cross_validate(nested=False)
    assert np.array_equal(out_of_fold["score"].to_numpy(), again["score"].to_numpy())


def test_worked_example(tone):
    texts = ["The talks were a great success.", "Dozens were killed.",
             "The committee meets on Tuesday.", "This is not a good plan."]
    scores = tone.score(texts)
    assert scores.round(2).tolist() == [0.87, -1.47, 0.13, -0.96]
    assert tone.label(texts).tolist() == [1, -1, 1, -1]
    assert tone.score("A great success.").shape == (1,)  # one string is one text
    assert tone.score([]).shape == (0,)
    assert np.array_equal(nt.score(texts), scores)  # the module's default scorer


def test_features_mark_negation_and_count_lexicon_hits():
    row = nt.featurize(["It isn’t good, but fine!"]).iloc[0]
    assert row["marked"] == "it isn't good_NEG but fine"
    assert (row["negations"], row["exclamations"], row["questions"]) == (1, 1, 0)
    assert row["pattern_n"] == 2  # "good" (negated) and "fine"
    valences = nt._vader_word_valences([row["marked"]])
    assert valences.sum() == pytest.approx(0.8 / 4)  # "fine" only: negated "good" is left out


def test_scores_stay_on_the_rating_scale(tone):
    scores = tone.score(["Wonderful! " * 200, "Terrible, horrible, awful! " * 200])
    assert scores.min() >= -4 and scores.max() <= 4


def test_cross_validated_r_reaches_the_target(out_of_fold):
    assert len(out_of_fold) == 2633 and out_of_fold["fold"].nunique() == 10
    r = np.corrcoef(out_of_fold["score"], out_of_fold["mean_rating"])[0, 1]
    assert r >= 0.57


def test_thresholds_are_inside_the_scale_and_come_from_out_of_fold_scores(out_of_fold):
    negative, positive = nt.THRESHOLDS
    assert nt.RATING_RANGE[0] < negative < positive < nt.RATING_RANGE[1]
    chosen = nt.choose_thresholds(out_of_fold["score"], out_of_fold["mean_rating"])
    assert chosen == nt.THRESHOLDS


def test_choose_thresholds_matches_a_direct_search():
    from sklearn.metrics import f1_score

    rng = np.random.default_rng(0)
    rating = rng.normal(0, 1, 300)
    scores = rating + rng.normal(0, 1, 300)
    grid = np.round(np.arange(-20, 21) / 10, 1)
    best = max(((a, b) for a in grid for b in grid if a < b),
               key=lambda t: (f1_score(nt.human_labels(rating), nt.label(scores, t),
                                       average="weighted"), -t[0], -t[1]))
    assert nt.choose_thresholds(scores, rating, grid) == best


def test_human_labels_follow_the_paper():
    assert nt.human_labels([-0.05, -0.04, 0.0, 0.04, 0.05]).tolist() == [-1, 0, 0, 0, 1]


def test_params_are_what_tune_chooses(dev):
    params, _ = nt.tune(nt.featurize(dev["text"]), dev["mean_rating"].to_numpy())
    assert params == nt.PARAMS


def test_the_training_half_is_validated_out_of_fold_never_in_sample(out_of_fold):
    dev = sentiment.load_ratings(nt.TRAINING_FILE)
    result = sentiment.validate_method(dev, "news")
    assert result["cross_validated"] and result["n"] == 2633
    r = np.corrcoef(out_of_fold["score"], dev["mean_rating"])[0, 1]
    assert result["pearson_r"] == pytest.approx(r)
    assert result["pearson_r"] >= 0.57  # VADER: 0.489 on the same texts


def test_the_library_scores_with_the_fitted_scorer(tone):
    texts = ["The talks were a great success.", "Dozens were killed."]
    scored = sentiment.score_texts(texts)
    assert np.array_equal(scored["rating"].to_numpy(), tone.score(texts))
    assert np.array_equal(scored["compound"].to_numpy(), tone.score(texts) / 4)
    assert tuple(x * 4 for x in sentiment.THRESHOLDS["news"]) == pytest.approx(nt.THRESHOLDS)
