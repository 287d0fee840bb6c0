"""Benchmark: sentiment scoring throughput, one core and all cores, on real sentences.

The sentences are the project's own (``corpus/processed/sentences.csv``, or rebuilt from
``corpus/raw`` when the notebooks have not run), resampled with replacement to ``--sentences``
texts. Prints sentences/s and MB/s for each method with one process and with a process pool on
all cores (the same :func:`newscorpus.sentiment.scorers.score_texts` the notebooks call), then actor
matching and the bootstrap summary, with the peak resident memory of this process and of its
worker processes. Asserts nothing. Run with ``make bench`` or
``.venv/bin/python benchmarks/bench_sentiment.py --sentences 50000``.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time
from pathlib import Path

import pandas as pd

from newscorpus import sentiment

ROOT = Path(__file__).resolve().parents[1]


def source_sentences() -> list[str]:
    """The corpus's sentences: the processed table, or the cleaning run again on the raw texts."""
    path = ROOT / "corpus" / "processed" / "sentences.csv"
    if path.is_file():
        from newscorpus.base.outputs import read_table

        return read_table(path, made_by="01-cleaning")["text"].tolist()
    from newscorpus import clean, corpus

    print("(corpus/processed/sentences.csv is missing: cleaning corpus/raw instead)")
    return clean.clean_corpus(corpus.load_corpus(ROOT / "corpus" / "raw"))["sentences"][
        "text"].tolist()


def peak_mb() -> tuple[float, float]:
    """Peak RSS in MB of this process and of its largest finished child (Linux: KB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def report(label: str, count: int, megabytes: float, seconds: float, unit: str = "sentences"
           ) -> None:
    own, children = peak_mb()
    print(f"{label:<36} {count:>8,} {unit} {seconds:7.2f} s {count / seconds:9,.0f} {unit}/s "
          f"{megabytes / seconds:6.2f} MB/s   peak RSS {own:5.0f} MB (workers {children:4.0f} MB)",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=50_000,
                        help="sentences to score (default 50,000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the all-cores runs (default: all cores)")
    parser.add_argument("--methods", nargs="+", default=list(sentiment.METHODS),
                        choices=sentiment.METHODS, help="methods to time (default: both)")
    args = parser.parse_args()

    pool = source_sentences()
    texts = random.Random(0).choices(pool, k=args.sentences)
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{len(texts):,} sentences resampled from the corpus's {len(pool):,}, "
          f"{megabytes:.1f} MB; {os.cpu_count()} cores\n")

    scores = None
    for method in args.methods:
        for processes in dict.fromkeys((1, args.workers)):
            t0 = time.perf_counter()
            result = sentiment.score_texts(texts, method, processes=processes)
            label = f"{method}, {processes} process{'es' if processes > 1 else ''}"
            report(label, len(texts), megabytes, time.perf_counter() - t0)
            if method == "vader":
                scores = result

    print()
    dictionary = sentiment.load_actors()
    table = pd.DataFrame({"doc_id": [f"d{i // 40}" for i in range(len(texts))],
                          "sentence_id": range(len(texts)), "text": texts})
    t0 = time.perf_counter()
    found = sentiment.mentions(table, dictionary)
    report("actor mentions, 1 process", len(texts), megabytes, time.perf_counter() - t0)

    if scores is not None:
        scored = table.assign(compound=scores["compound"].to_numpy(),
                              group=[i % 10 for i in range(len(texts))])
        t0 = time.perf_counter()
        sentiment.summarize(scored, "group", n_boot=2000)
        report("summarize, 10 groups, 2,000 resamples", len(texts), megabytes,
               time.perf_counter() - t0)
        pairs = sentiment.actor_sentences(found)
        t0 = time.perf_counter()
        sentiment.actor_tone(scored, pairs, n_boot=2000)
        report("actor_tone, 2,000 resamples", len(pairs), megabytes, time.perf_counter() - t0,
               unit="pairs")


if __name__ == "__main__":
    main()
