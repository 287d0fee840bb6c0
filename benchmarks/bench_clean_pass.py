"""Benchmark: notebook 01's pass (clean_and_write) on both backends: time, and the client's memory.

For each size, a synthetic corpus (:mod:`newscorpus.corpus.synthetic`) stored as Parquet files
of about ``--partition-mb`` MB of text is cleaned and its tables written by
:func:`newscorpus.clean.passes.clean_and_write`, each run in its own process:

``local``
    the corpus read whole (pandas), cleaned on ``--workers`` processes, CSV tables written;
``dask``
    the corpus read lazily, cleaned on a local Dask cluster of ``--workers`` workers, which
    write Parquet parts; the client gets per-document aggregates only.

Printed and written to ``benchmarks/clean_pass.csv``: wall seconds, the peak resident memory of
the client process alone (``getrusage``: the notebook's kernel) and of the whole process tree
(workers included, sampled every 0.2 s). The claim checked: on Dask the client's memory does
not grow with the corpus, beyond a few numbers per document. Nothing is asserted.

Usage: ``.venv/bin/python benchmarks/bench_clean_pass.py [--mb 5 20] [--workers 2]``
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench_collection import measure
from bench_dask import to_parquet

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "clean_pass.csv"
COLUMNS = ["backend", "workers", "corpus_mb", "documents", "seconds", "client_peak_mb",
           "tree_peak_mb"]


def run(backend: str, folder: str, workers: int, out: str) -> dict:
    """One pass (in a child process): load, clean, write; the client's peak RSS in MB."""
    import warnings

    from newscorpus.clean.passes import clean_and_write
    from newscorpus.corpus import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        docs = load_corpus(folder, backend=backend)
    result = clean_and_write(docs, out, backend=backend, workers=workers)
    return {"documents": result["totals"]["documents"],
            "client_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[5, 20])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-mb", type=float, default=4.0)
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        print(json.dumps(run(args.stage, args.folder, args.workers, args.out)))
        return

    from newscorpus.base.outputs import atomic_path
    from newscorpus.corpus.synthetic import make_corpus

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.mb:
            folder = make_corpus(Path(tmp) / f"c{mb:g}", megabytes=mb, seed=0, project=ROOT)
            size = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
            parquet = Path(tmp) / f"pq{mb:g}"
            to_parquet(folder, parquet, args.partition_mb)
            for backend in ("local", "dask"):
                command = [sys.executable, str(Path(__file__).resolve()), "--stage", backend,
                           "--folder", str(parquet), "--workers", str(args.workers),
                           "--out", str(Path(tmp) / f"out-{mb:g}-{backend}")]
                t = time.perf_counter()
                seconds, tree, out = measure(command)
                seconds = time.perf_counter() - t
                found = json.loads(out.strip().splitlines()[-1])
                rows.append({"backend": backend, "workers": args.workers,
                             "corpus_mb": round(size, 2), "documents": found["documents"],
                             "seconds": round(seconds, 1),
                             "client_peak_mb": round(found["client_peak_mb"]),
                             "tree_peak_mb": round(tree)})
                print(f"{backend:<6} {size:6.1f} MB {found['documents']:6,} docs "
                      f"{seconds:7.1f} s  client peak {found['client_peak_mb']:6.0f} MB  "
                      f"tree peak {tree:6.0f} MB", flush=True)
    with atomic_path(OUT) as path, path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
