"""Benchmark: the Dask backend on synthetic corpora of about 100 MB and 1 GB, one and two workers.

The corpora are generated from the repository's own text (:mod:`newscorpus.corpus.synthetic`),
then stored as a Parquet dataset of files of about ``--partition-mb`` MB of text each (the
conversion is timed, as the ``to_parquet`` stage of the ``dask`` rows). Each run is a separate
process, measured like those of ``bench_collection.py`` (wall time; peak resident memory of the
whole process tree, client, nannies and workers, sampled every 0.2 s):

``dask``
    with a local Dask cluster of 1 and of 2 worker processes (one thread each): the Parquet
    corpus read lazily and validated (``load``), then one pass over the partitions
    (:func:`newscorpus.scale.pipeline.process_corpus`, ``process``): clean and split into
    sentences, the token table, the news scorer, motive flags, all written as partitioned
    Parquet; term and document frequencies, tone and motive summaries per outlet combined from
    partial aggregates.
``naive``
    the plain pandas pipeline of ``bench_collection.py`` on the same corpus, for comparison,
    up to ``--naive-max-mb`` (its memory grows about 50 MB per MB of text, so not at 1 GB;
    ``--skip-naive`` leaves it out).

Rows are written to ``benchmarks/results.csv`` (the columns of ``bench_collection.py``; the
rows of the sizes and worker counts measured here, with ``path`` ``dask`` or ``naive``, replace
earlier ones, so ``--workers 1`` alone keeps the two-worker rows; run
it after ``bench_collection.py``, which rewrites the file). Nothing is asserted.

Usage: ``.venv/bin/python benchmarks/bench_dask.py [--mb 100 1000] [--workers 1 2]``
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, so this folder is on sys.path and bench_collection imports as it stands.
from bench_collection import COLUMNS, RESULTS, measure, result_rows

ROOT = Path(__file__).resolve().parents[1]


def to_parquet(folder: Path, out: Path, partition_mb: float) -> int:
    """Write the corpus folder as Parquet files of about ``partition_mb`` MB; return files."""
    import pandas as pd

    meta = pd.read_csv(folder / "metadata.csv", dtype=str, keep_default_na=False)
    out.mkdir(parents=True)
    rows, held, files = [], 0, 0

    def flush() -> None:
        nonlocal rows, held, files
        if rows:
            pd.DataFrame(rows).to_parquet(out / f"part-{files:05d}.parquet", index=False)
            rows, held, files = [], 0, files + 1

    for row in meta.to_dict("records"):
        text = (folder / row.pop("file")).read_text(encoding="utf-8")
        row.pop("sha256", None)
        rows.append({**row, "text": text})
        held += len(text)
        if held >= partition_mb * 1e6:
            flush()
    flush()
    return files


def run_dask(folder: str, workers: int, out: str) -> dict[str, float]:
    """The Dask path (run in a child process by ``--stage dask``)."""
    from newscorpus.scale import dask_client
    from newscorpus.scale.parquet import load_parquet_corpus
    from newscorpus.scale.pipeline import process_corpus

    times: dict[str, float] = {}
    with dask_client("", workers=workers) as client:
        t = time.perf_counter()
        docs = load_parquet_corpus(folder, backend="dask")
        times["load"] = time.perf_counter() - t
        t = time.perf_counter()
        process_corpus(docs, out, by="outlet", method="news", client=client, progress=True)
        times["process"] = time.perf_counter() - t
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[100, 1000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-mb", type=float, default=4.0)
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument("--naive-max-mb", type=float, default=200,
                        help="run the naive pipeline only up to this size (its memory grows "
                        "about 50 MB per MB of text)")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage == "dask":
        print(json.dumps(run_dask(args.folder, args.workers[0], args.out)))
        return

    from newscorpus.corpus.synthetic import make_corpus

    me = [sys.executable, str(Path(__file__).resolve())]
    naive = [sys.executable, str(ROOT / "benchmarks" / "bench_collection.py"), "--stage",
             "naive"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.mb:
            folder = make_corpus(Path(tmp) / f"c{mb:g}", megabytes=mb, seed=0, project=ROOT)
            size = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
            n = len(list(folder.glob("*.txt")))
            t = time.perf_counter()
            parquet = Path(tmp) / f"pq{mb:g}"
            files = to_parquet(folder, parquet, args.partition_mb)
            converted = time.perf_counter() - t
            print(f"{size:6.1f} MB, {n:,} documents, {files} Parquet files "
                  f"({converted:.1f} s)", flush=True)
            runs = [("dask", w, [*me, "--stage", "dask", "--folder", str(parquet), "--workers",
                                 str(w), "--out", str(Path(tmp) / f"out{mb:g}-{w}")])
                    for w in args.workers]
            if not args.skip_naive and mb <= args.naive_max_mb:
                runs.append(("naive", 1, [*naive, "--folder", str(folder)]))
            for path, workers, command in runs:
                seconds, peak, out = measure(command)
                stages = json.loads(out) if path == "dask" else {}
                if stages:
                    stages = {"to_parquet": converted, **stages}
                rows += result_rows(path, workers, size, n, seconds, peak, stages)
            save(rows)  # after each size: a long run interrupted keeps what it measured
    print(f"wrote {RESULTS.relative_to(ROOT)}")


def save(rows: list[dict]) -> None:
    """Replace the rows of the sizes and paths measured here in results.csv, atomically."""
    from newscorpus.base.outputs import atomic_path

    def key(r: dict) -> tuple:
        return r["path"], int(r["workers"]), round(float(r["corpus_mb"]))

    measured = {key(r) for r in rows}
    kept = []
    if RESULTS.exists():
        with RESULTS.open(encoding="utf-8") as f:
            kept = [r for r in csv.DictReader(f) if key(r) not in measured]
    with atomic_path(RESULTS) as tmp, tmp.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept + rows)


if __name__ == "__main__":
    main()
