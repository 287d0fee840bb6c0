"""Scoring speed on one core: the news tone scorer beside NLTK's VADER (and Pattern).

Usage: ``.venv/bin/python benchmarks/bench_tone.py [N]`` (N sentences, default 20,000, drawn
with replacement from the NYT development texts, seed 0). The process is pinned to one CPU and
BLAS/OpenMP are limited to one thread. Each method scores all N sentences ``REPEATS`` times;
the best run is reported (the least disturbed by other work on the machine).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"  # before numpy is imported
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

import numpy as np  # noqa: E402

from newscorpus.sentiment import news_tone as nt  # noqa: E402

REPEATS = 3


def best_rate(work: Callable[[list[str]], object], texts: list[str]) -> float:
    """Sentences per second of ``work(texts)``, best of :data:`REPEATS` runs."""
    work(texts[:200])  # warm up: lexicons loaded, caches of the libraries filled
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        work(texts)
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


def main(n: int = 20_000) -> None:
    dev = nt._read_ratings(nt.TRAINING_FILE)["text"].tolist()
    texts = [dev[i] for i in np.random.default_rng(0).integers(0, len(dev), n)]
    start = time.perf_counter()
    tone = nt.fit()
    fit_seconds = time.perf_counter() - start
    frame = nt.featurize(texts)
    vader = nt.sentiment_analyzer().polarity_scores
    pattern = nt.pattern_analyzer()
    rates = {
        "news tone: score()": best_rate(tone.score, texts),
        "  of which featurize() (VADER + Pattern + negation marks)": best_rate(nt.featurize, texts),
        "  of which the fitted pipeline on features": n / min(
            _timed(lambda: tone.model.predict(frame)) for _ in range(REPEATS)),
        "VADER (NLTK) polarity_scores": best_rate(lambda ts: [vader(t) for t in ts], texts),
        "Pattern (TextBlob) polarity, subjectivity": best_rate(
            lambda ts: [pattern(t) for t in ts], texts),
    }
    print(f"{n:,} sentences resampled from the NYT development half; one core "
          f"(CPU {sorted(os.sched_getaffinity(0))}), best of {REPEATS}")
    print(f"fit on 2,633 rated sentences: {fit_seconds:.1f} s")
    for name, rate in rates.items():
        print(f"{name:60s} {rate:10,.0f} sentences/s")


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
