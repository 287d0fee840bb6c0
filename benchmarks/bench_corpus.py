"""Benchmark: loading, validating and measuring a synthetic corpus built from real sentences.

Prints throughput (MB/s of input text) and peak memory for each step; asserts nothing. Run with
``make bench`` or ``.venv/bin/python benchmarks/bench_corpus.py --mb 50``.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import tempfile
import time
from pathlib import Path

from newscorpus import corpus
from newscorpus.base.sentences import split_sentences
from newscorpus.corpus import describe

RAW = Path(__file__).resolve().parents[1] / "corpus" / "raw"


def build(folder: Path, megabytes: float, *, doc_kb: int = 8, seed: int = 0) -> int:
    """Write a corpus of ~``megabytes`` MB: documents of ~``doc_kb`` KB of resampled sentences."""
    sentences = [s for text in corpus.load_corpus(RAW)["text"]
                 for s in split_sentences(text)]
    rng = random.Random(seed)
    rows, total, i = ["doc_id,file,published,sha256"], 0, 0
    while total < megabytes * 1e6:
        parts, size = [], 0
        while size < doc_kb * 1000:
            s = rng.choice(sentences)
            parts.append(s)
            size += len(s.encode()) + 1
        data = "\n".join(parts).encode()
        (folder / f"d{i:06d}.txt").write_bytes(data)
        rows.append(f"d{i:06d},d{i:06d}.txt,2016-06-03,{hashlib.sha256(data).hexdigest()}")
        total += len(data)
        i += 1
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return total


def timed(label: str, n_bytes: int, func):
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label:<28} {seconds:7.2f} s  {n_bytes / 1e6 / seconds:7.2f} MB/s  "
          f"peak RSS {peak_mb:7.0f} MB")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n_bytes = build(folder, args.mb)
        n_docs = len(list(folder.glob("*.txt")))
        print(f"synthetic corpus: {n_docs:,} documents, {n_bytes / 1e6:.1f} MB, one core")
        timed("validate_corpus", n_bytes, lambda: corpus.validate_corpus(folder))
        docs = timed("load_corpus", n_bytes, lambda: corpus.load_corpus(folder))
        timed("document_lengths", n_bytes, lambda: describe.document_lengths(docs))


if __name__ == "__main__":
    main()
