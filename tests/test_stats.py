"""Intervals that respect documents: the cluster bootstrap, checked against worked figures."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from newscorpus import sentiment
from newscorpus.base.stats import MIN_CLUSTERS, cluster_bootstrap


def test_too_few_documents_give_no_interval():
    assert all(math.isnan(x) for x in cluster_bootstrap([1] * (MIN_CLUSTERS - 1),
                                                        [3] * (MIN_CLUSTERS - 1)))


def test_documents_with_one_ratio_give_a_point_interval():
    assert cluster_bootstrap([1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 12]) == (0.5, 0.5)


def test_the_interval_width_matches_the_standard_error_of_document_means():
    # 40 documents of 10 sentences: the pooled ratio is the mean of the document means, whose
    # bootstrap standard error is sd * sqrt((k - 1) / k) / sqrt(k) (the plug-in estimate).
    rng = np.random.default_rng(1)
    means = rng.normal(0.0, 0.3, size=40)
    low, high = cluster_bootstrap(means * 10, [10] * 40, n_boot=20_000, seed=3)
    k = len(means)
    se = means.std(ddof=0) / math.sqrt(k)
    assert abs((high - low) / (2 * 1.959964) - se) / se < 0.05
    assert low < means.mean() < high


def test_the_same_seed_gives_the_same_interval():
    sums, counts = [0, 3, 5, 1, 8, 2], [10, 10, 12, 9, 15, 7]
    assert cluster_bootstrap(sums, counts, seed=7) == cluster_bootstrap(sums, counts, seed=7)


def test_summarize_resamples_documents_when_asked_and_counts_them():
    scored = pd.DataFrame({"period": ["a"] * 12 + ["b"] * 3,
                           "doc_id": [f"d{i // 2}" for i in range(12)] + ["e", "e", "f"],
                           "compound": np.linspace(-0.5, 0.5, 15)})
    out = sentiment.summarize(scored, "period", cluster="doc_id", n_boot=500)
    assert out["documents"].tolist() == [6, 2]
    assert not math.isnan(out["ci_low"].iloc[0]) and math.isnan(out["ci_low"].iloc[1])
    naive = sentiment.summarize(scored, "period", n_boot=500)
    assert "documents" not in naive and not math.isnan(naive["ci_low"].iloc[1])
