"""Benchmark: the collection on synthetic corpora of about 5, 20 and 100 MB, three ways.

Corpora are built from the repository's own text (:mod:`newscorpus.corpus.synthetic`: the seed
pages and the rated NYT snippets), so no data is downloaded. Each is processed

``naive``
    as a plain pandas notebook would: lines split by a regular expression, NLTK's untrained
    Punkt, NLTK's VADER applied to each sentence with ``.apply`` and its dicts turned into columns,
    word counts with ``str.findall``;
``library``
    by the project's library stages, with one and with two worker processes: load and
    validate, clean (rules, sentences, roles), the token table, frequencies, sentence scores;
``collection``
    by the whole collection, ``newscorpus run --corpus C --out O`` (every notebook, figures,
    site), with the default workers (every core).

Each run is a separate process; its wall time and the peak memory of its whole process tree
(resident set sizes summed over the process and its children, sampled every 0.2 s) are written
to ``benchmarks/results.csv`` (one row per run: ``path``, ``workers``, ``corpus_mb``,
``documents``, ``seconds``, ``mb_per_s``, ``peak_rss_mb``, ``stage``) and drawn in
``benchmarks/results.png``. Nothing is asserted: this is a measurement, run by ``make bench``.

Usage: ``.venv/bin/python benchmarks/bench_collection.py [--mb 5 20 100] [--skip-collection]``
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.csv"
COLUMNS = ["path", "workers", "corpus_mb", "documents", "seconds", "mb_per_s", "peak_rss_mb",
           "stage"]


def measure(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Run ``command``; return wall seconds, peak RSS of its process tree (MB), its stdout."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})}, cwd=ROOT)
    peak = 0.0
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()) / 1e6)
        except psutil.Error:
            pass
        time.sleep(0.2)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err[-3000:]}")
    return time.perf_counter() - start, peak, out


def naive(folder: str) -> dict[str, float]:
    """The plain pandas pipeline (run in a child process by ``--stage naive``)."""
    import pandas as pd
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from newscorpus.base.lexicons import nltk_sentiment_analyzer

    meta = pd.read_csv(Path(folder) / "metadata.csv")
    texts = [(Path(folder) / f).read_text(encoding="utf-8") for f in meta["file"]]
    lines = pd.Series(texts).str.split(r"\n+", regex=True).explode()
    lines = lines[lines.str.split().str.len() > 5]  # drop short lines: menus, buttons
    punkt = PunktSentenceTokenizer()
    sentences = pd.DataFrame({"sentence": [s for line in lines for s in punkt.tokenize(line)]})
    sia = nltk_sentiment_analyzer()  # NLTK's own, not the project's faster one
    scores = sentences["sentence"].apply(sia.polarity_scores).apply(pd.Series)
    sentences = sentences.join(scores)
    words = sentences["sentence"].str.lower().str.findall(r"\w+").explode().value_counts()
    return {"sentences": len(sentences), "words": int(words.sum())}


def library(folder: str, workers: int) -> dict[str, float]:
    """The library's stages, timed one by one (run in a child process by ``--stage``)."""
    from newscorpus import clean, corpus, keywords, sentiment

    times: dict[str, float] = {}
    t = time.perf_counter()
    docs = corpus.load_corpus(folder, workers=workers)
    times["load"] = time.perf_counter() - t
    t = time.perf_counter()
    tables = clean.clean_corpus(docs, workers=workers)
    times["clean"] = time.perf_counter() - t
    t = time.perf_counter()
    tokens = clean.token_table(tables["sentences"])
    times["tokens"] = time.perf_counter() - t
    t = time.perf_counter()
    keywords.frequencies(tokens, by="doc_id", n=(1, 2), column="stem")
    times["frequencies"] = time.perf_counter() - t
    t = time.perf_counter()
    sentiment.score_sentences(tables["sentences"], "vader", processes=workers)
    times["vader"] = time.perf_counter() - t
    t = time.perf_counter()
    sentiment.score_sentences(tables["sentences"], "news", processes=workers)
    times["news"] = time.perf_counter() - t
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[5, 20, 100])
    parser.add_argument("--skip-collection", action="store_true",
                        help="leave out the whole collection (the slowest path)")
    parser.add_argument("--stage", help=argparse.SUPPRESS)  # internal: run one path here
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage == "naive":
        print(json.dumps(naive(args.folder)))
        return
    if args.stage == "library":
        print(json.dumps(library(args.folder, args.workers)))
        return

    from newscorpus.corpus.synthetic import make_corpus

    rows = []
    me = [sys.executable, str(Path(__file__).resolve())]
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.mb:
            folder = make_corpus(Path(tmp) / f"c{mb:g}", megabytes=mb, seed=0, project=ROOT)
            size = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
            n = len(list(folder.glob("*.txt")))
            runs = [("naive", 1, [*me, "--stage", "naive", "--folder", str(folder)])]
            runs += [("library", w, [*me, "--stage", "library", "--folder", str(folder),
                                     "--workers", str(w)]) for w in (1, 2)]
            if not args.skip_collection:
                runs.append(("collection", os.cpu_count() or 1,
                             [sys.executable, "-m", "newscorpus", "run", "--corpus", str(folder),
                              "--out", str(Path(tmp) / f"out{mb:g}"), "--quiet"]))
            for path, workers, command in runs:
                seconds, peak, out = measure(command)
                stages = json.loads(out) if path == "library" else {}
                rows += result_rows(path, workers, size, n, seconds, peak, stages)
    with RESULTS.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    draw(rows)
    print(f"wrote {RESULTS.relative_to(ROOT)} and benchmarks/results.png")


def result_rows(path: str, workers: int, size: float, n: int, seconds: float, peak: float,
                stages: dict[str, float]) -> list[dict]:
    """The rows of results.csv for one measured run: the whole run, then each of its stages
    (seconds only); printed as they are made."""
    row = {"path": path, "workers": workers, "corpus_mb": round(size, 2), "documents": n,
           "seconds": round(seconds, 1), "mb_per_s": round(size / seconds, 3),
           "peak_rss_mb": round(peak), "stage": "all"}
    print(f"{path:<10} workers={workers} {size:6.1f} MB {n:6,} docs {seconds:8.1f} s "
          f"{size / seconds:7.3f} MB/s peak {peak:7.0f} MB", flush=True)
    rows = [row]
    for stage, secs in stages.items():
        rows.append({**row, "stage": stage, "seconds": round(secs, 1),
                     "mb_per_s": round(size / secs, 3) if secs else None, "peak_rss_mb": None})
        print(f"    {stage:<12} {secs:8.1f} s {size / secs:8.2f} MB/s", flush=True)
    return rows


def draw(rows: list[dict]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4))
    totals = [r for r in rows if r["stage"] == "all"]
    for key in dict.fromkeys((r["path"], r["workers"]) for r in totals):
        part = [r for r in totals if (r["path"], r["workers"]) == key]
        label = f"{key[0]} ({key[1]} worker{'s' if key[1] > 1 else ''})"
        left.plot([r["corpus_mb"] for r in part], [r["mb_per_s"] for r in part], "o-",
                  label=label)
        right.plot([r["corpus_mb"] for r in part], [r["peak_rss_mb"] for r in part], "o-")
    left.set(xscale="log", xlabel="corpus (MB)", ylabel="MB/s, end to end")
    right.set(xscale="log", xlabel="corpus (MB)", ylabel="peak memory of the process tree (MB)")
    left.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(ROOT / "benchmarks" / "results.png", dpi=120)


if __name__ == "__main__":
    main()
