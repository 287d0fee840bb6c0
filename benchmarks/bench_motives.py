"""Benchmark: motive attribution throughput on one core, on the project's own sentences.

The sentences are the corpus's (``corpus/processed/sentences.csv``, or rebuilt from
``corpus/raw`` when the notebooks have not run), resampled with replacement to ``--sentences``
texts. Prints sentences/s for the whole attribution (:func:`newscorpus.motives.motive_table`),
the share of sentences that mention Russia, the speed of finding actor mentions alone (a
yardstick: the README gives it for the machine it was measured on), and the time per sentence
with and without a Russian mention. Asserts nothing. Run with
``.venv/bin/python benchmarks/bench_motives.py --sentences 20000``.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import pandas as pd

from newscorpus.motives import attribute, default_codebook, motive_table
from newscorpus.sentiment import load_actors

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=20_000,
                        help="sentences to label (default 20,000)")
    args = parser.parse_args()

    pool = source_sentences()
    texts = random.Random(0).choices(pool, k=args.sentences)
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    actors = load_actors()
    book = default_codebook()
    attribute(texts[0], codebook=book, actors=actors)  # compile the matchers once
    russian = [any(a == "Russia" for a, *_ in actors.find(t)) for t in texts]
    print(f"{len(texts):,} sentences resampled from the corpus's {len(pool):,}, "
          f"{megabytes:.1f} MB; {sum(russian) / len(texts):.0%} mention Russia\n")

    table = pd.DataFrame({"doc_id": "bench", "sentence_id": range(len(texts)), "text": texts})
    t0 = time.perf_counter()
    found = motive_table(table, codebook=book, actors=actors)
    seconds = time.perf_counter() - t0
    print(f"motive_table, one core: {len(texts) / seconds:9,.0f} sentences/s "
          f"({megabytes / seconds:.2f} MB/s), {len(found):,} labels on "
          f"{found['sentence_id'].nunique():,} sentences")

    t0 = time.perf_counter()
    for text in texts:
        actors.find(text)
    seconds = time.perf_counter() - t0
    print(f"(for comparison, actor mentions alone, Actors.find: {len(texts) / seconds:,.0f} "
          "sentences/s)")

    for name, group in (("with a Russian mention", [t for t, r in zip(texts, russian,
                                                                       strict=True) if r]),
                        ("without", [t for t, r in zip(texts, russian, strict=True) if not r])):
        if not group:
            continue
        t0 = time.perf_counter()
        for text in group:
            attribute(text, codebook=book, actors=actors)
        seconds = time.perf_counter() - t0
        print(f"  attribute, sentences {name}: {1e6 * seconds / len(group):7.1f} µs each "
              f"({len(group) / seconds:,.0f}/s)")


if __name__ == "__main__":
    main()
