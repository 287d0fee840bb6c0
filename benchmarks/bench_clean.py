"""Benchmark: cleaning throughput on a synthetic corpus of real sentences and real furniture.

The corpus is built from the project's own texts: body sentences (from the cleaned seeds)
resampled into paragraphs, with the boilerplate blocks the cleaning removed from the seeds
(captions, prompts, link lists, codes, ...) put back in at random places. Prints MB/s of raw
input for growing prefixes of the corpus (if cleaning is linear, MB/s stays flat as the size
doubles), for single documents of growing size (linear within a document too), and on all
cores with a process pool. Asserts nothing. Run with ``make bench`` or
``.venv/bin/python benchmarks/bench_clean.py --mb 100``.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from newscorpus import clean, corpus

RAW = Path(__file__).resolve().parents[1] / "corpus" / "raw"


def ingredients() -> tuple[list[str], list[str]]:
    """Body sentences and boilerplate blocks of the project's corpus."""
    docs = corpus.load_corpus(RAW)
    tables = clean.clean_corpus(docs)
    body = tables["sentences"].query("role == 'body'")["text"].tolist()
    furniture = [t.strip() for t in tables["removals"]["text"]
                 if len(t.strip()) > 3 and "\n\n" not in t.strip()[:1]]
    return body, furniture


def page(rng: random.Random, body: list[str], furniture: list[str], size: int) -> str:
    """One page of about ``size`` characters: paragraphs of 1-4 sentences, 1 in 6 furniture."""
    parts, n = [], 0
    while n < size:
        if rng.random() < 1 / 6:
            block = rng.choice(furniture)
        else:
            block = " ".join(rng.choice(body) for _ in range(rng.randint(1, 4)))
        parts.append(block)
        n += len(block) + 2
    return "\n\n".join(parts)


def build(megabytes: float, *, doc_kb: int = 8, seed: int = 0) -> list[str]:
    body, furniture = ingredients()
    rng = random.Random(seed)
    pages, total = [], 0
    while total < megabytes * 1e6:
        text = page(rng, body, furniture, doc_kb * 1000)
        pages.append(text)
        total += len(text.encode())
    return pages


def _clean_many(texts: list[str]) -> int:
    removed = 0
    for text in texts:
        removed += len(clean.clean_text(text).removals)
    return removed


def mb(texts: list[str]) -> float:
    return sum(len(t.encode()) for t in texts) / 1e6


def report(label: str, size_mb: float, seconds: float, cpu: float | None = None) -> None:
    """Print one line: size, wall-clock seconds and MB/s, CPU seconds and MB/s of this process
    (the same on an idle machine, less affected by other jobs on a busy one), peak memory."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    busy = f" {cpu:7.1f} s CPU {size_mb / cpu:6.2f} MB/s" if cpu else ""
    print(f"{label:<34} {size_mb:8.1f} MB {seconds:8.1f} s {size_mb / seconds:7.2f} MB/s"
          f"{busy}  peak RSS {peak:6.0f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=100.0,
                        help="corpus size in MB (default 100)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the all-cores run (default: all cores)")
    args = parser.parse_args()
    pages = build(args.mb)
    print(f"synthetic corpus: {len(pages):,} pages, {mb(pages):.1f} MB "
          f"(real body sentences and real furniture from corpus/raw)")

    print("\none core, growing prefixes of the corpus (flat MB/s = linear):")
    done, start, elapsed, cpu = 0, 0, 0.0, 0.0
    for share in (1 / 8, 1 / 4, 1 / 2, 1):
        stop = int(len(pages) * share)
        t0, c0 = time.perf_counter(), time.process_time()
        _clean_many(pages[start:stop])
        elapsed += time.perf_counter() - t0
        cpu += time.process_time() - c0
        done, start = stop, stop
        report(f"  first {share:.0%} of the corpus", mb(pages[:done]), elapsed, cpu)

    print("\none core, one document of growing size (flat MB/s = linear within a document):")
    rng = random.Random(1)
    body, furniture = ingredients()
    for kb in (8, 64, 512, 2048):
        text = page(rng, body, furniture, kb * 1000)
        t0, c0 = time.perf_counter(), time.process_time()
        clean.clean_text(text)
        report(f"  one page of {kb:,} KB", mb([text]), time.perf_counter() - t0,
               time.process_time() - c0)

    print(f"\n{args.workers} worker processes, the whole corpus, document by document:")
    chunks = [pages[i::args.workers * 8] for i in range(args.workers * 8)]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        list(pool.map(_clean_many, chunks))
    report(f"  {args.workers} processes", mb(pages), time.perf_counter() - t0)


if __name__ == "__main__":
    main()
