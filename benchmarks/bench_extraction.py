"""Benchmark: article extraction from web pages (trafilatura as load_corpus runs it), scored.

Scores :func:`newscorpus.corpus.webpages.extract_html` on the 98 pages of the article-extraction
benchmark (Scrapinghub, MIT licence) in ``validation/article-benchmark/`` (``html/``,
``ground-truth.json``, ``text/``; see the README there). Prints precision, recall and F1 for
each subset: the pages whose id starts with 0-9, on which the trafilatura options
(``TRAFILATURA_OPTIONS``) were chosen ("tuned"), the pages starting with a-f, never used to
choose anything ("untuned"), and all pages; the same for trafilatura's default options
(``trafilatura.extract(page)``, comments included, then without comments) and for the raw
``text/`` files (every visible block of the page: the baseline); then the speed in ms per page.
``--grid`` also prints the option grid the choice was made from, on the tuned pages, then the
same grid on the untuned pages (computed after the choice was fixed, to show how well a ranking
carries over; never used to choose). Asserts nothing.

Run with::

    .venv/bin/python benchmarks/bench_extraction.py [--benchmark DIR] [--grid]

Scoring, as the benchmark's own ``evaluate.py``: word tokens are ``\\w+`` runs, counted with
multiplicity; per page, precision is the share of the output's tokens that the gold body has
(each gold token matched once) and recall the share of the gold tokens that the output has;
both are averaged over pages and F1 is computed from the two averages. A page with an empty
output counts 0 for recall and is left out of the precision average.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import statistics
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from newscorpus.base.errors import CorpusError
from newscorpus.clean.benchmark import page_scores
from newscorpus.clean.benchmark import summarize as average_pages
from newscorpus.corpus.render import visible_blocks
from newscorpus.corpus.webpages import TRAFILATURA_OPTIONS, TRAFILATURA_VERSION, extract_html

BENCHMARK = Path(__file__).resolve().parents[1] / "validation" / "article-benchmark"
SUBSETS = {"tuned (0-9)": "0123456789", "untuned (a-f)": "abcdef", "all": "0123456789abcdef"}


# --- the benchmark's scores ----------------------------------------------------------------

@dataclass(frozen=True)
class Scores:
    """Averaged scores over ``n_pages`` pages, ``n_empty`` of which had an empty output."""

    precision: float
    recall: float
    f1: float
    n_pages: int
    n_empty: int

    def __str__(self) -> str:
        empty = f", {self.n_empty} empty" if self.n_empty else ""
        return (f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
                f"  ({self.n_pages} pages{empty})")


def summarize(pairs: Iterable[tuple[float | None, float | None]]) -> Scores:
    """Average per-page ``(precision, recall)`` pairs from :func:`page_scores`."""
    pairs = list(pairs)
    mean = average_pages(pairs)
    return Scores(mean["precision"], mean["recall"], mean["f1"], len(pairs),
                  sum(p is None for p, _ in pairs))


def f1_interval(pairs: Iterable[tuple[float | None, float | None]], *, resamples: int = 2000,
                seed: int = 0) -> tuple[float, float]:
    """A 95% percentile-bootstrap interval of the F1 of :func:`summarize`, resampling pages."""
    pairs = list(pairs)
    rng = random.Random(seed)
    values = sorted(summarize(rng.choices(pairs, k=len(pairs))).f1 for _ in range(resamples))
    return values[int(0.025 * resamples)], values[int(0.975 * resamples) - 1]


# --- the runs ------------------------------------------------------------------------------

def load(folder: Path) -> tuple[dict[str, str], dict[str, bytes], dict[str, str]]:
    """The gold bodies, the pages (gzip as stored) and the raw text files, by page id."""
    if not (folder / "ground-truth.json").is_file():
        sys.exit(f"error: no article benchmark in {folder} (ground-truth.json is missing). Fix:"
                 " pass --benchmark DIR, the folder holding html/, text/ and ground-truth.json.")
    gold = {key: value["articleBody"] for key, value in
            json.loads((folder / "ground-truth.json").read_text(encoding="utf-8")).items()}
    pages = {key: (folder / "html" / f"{key}.html.gz").read_bytes() for key in gold}
    texts = {key: (folder / "text" / f"{key}.txt").read_text(encoding="utf-8") for key in gold}
    return gold, pages, texts


def run_extract(pages: dict[str, bytes]) -> tuple[dict[str, str], list[float]]:
    """The text extract_html gives each page ("" when it finds none), and ms per page."""
    outputs, times = {}, []
    for key, data in pages.items():
        start = time.perf_counter()
        try:
            outputs[key] = extract_html(data, where=key).text
        except CorpusError:
            outputs[key] = ""
        times.append((time.perf_counter() - start) * 1000)
    return outputs, times


def report(name: str, outputs: dict[str, str], gold: dict[str, str]) -> None:
    for subset, digits in SUBSETS.items():
        keys = [key for key in sorted(gold) if key[0] in digits]
        pairs = [page_scores(outputs[key], gold[key]) for key in keys]
        low, high = f1_interval(pairs)
        print(f"{name:<30} {subset:<14} {summarize(pairs)}  F1 95% CI {low:.3f}-{high:.3f}")


def defaults(pages: dict[str, bytes], **options: bool) -> dict[str, str]:
    """``trafilatura.extract`` with its own defaults (comments included) or ``options``."""
    return {key: trafilatura.extract(gzip.decompress(data).decode("utf-8"), **options) or ""
            for key, data in pages.items()}


def grid(gold: dict[str, str], pages: dict[str, bytes], subset: str) -> None:
    """Score each combination of the options that were compared, on one subset."""
    keys = [key for key in sorted(gold) if key[0] in SUBSETS[subset]]
    html = {key: gzip.decompress(pages[key]).decode("utf-8") for key in keys}
    print(f"\nOption grid on the {subset} pages (others as in TRAFILATURA_OPTIONS):")
    for favor, tables, fast in itertools.product(("precision", "none", "recall"),
                                                 (True, False), (False, True)):
        options = dict(TRAFILATURA_OPTIONS, favor_precision=favor == "precision",
                       favor_recall=favor == "recall", include_tables=tables, fast=fast)
        start = time.perf_counter()
        outputs = {key: getattr(trafilatura.bare_extraction(html[key], **options), "text", "")
                   for key in keys}
        ms = (time.perf_counter() - start) * 1000 / len(keys)
        pairs = [page_scores(outputs[key], gold[key]) for key in keys]
        poor = sum(2 * p * r / (p + r) < 0.5 if p and r else True for p, r in pairs)
        print(f"  favor={favor:<9} tables={tables!s:<5} fast={fast!s:<5} {summarize(pairs)}"
              f"  F1<0.5 on {poor} page(s)  {ms:.0f} ms/page")


def timing(pages: dict[str, bytes]) -> None:
    """ms per page of the two costly steps of extract_html, on all pages."""
    html = {key: gzip.decompress(data).decode("utf-8") for key, data in pages.items()}
    steps = {"trafilatura.bare_extraction": lambda h: trafilatura.bare_extraction(
                 h, **TRAFILATURA_OPTIONS),
             "visible_blocks (lxml)": visible_blocks}
    for name, step in steps.items():
        start = time.perf_counter()
        for text in html.values():
            step(text)
        print(f"  {name:<28} {(time.perf_counter() - start) * 1000 / len(html):.1f} ms/page")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmark", type=Path, default=BENCHMARK,
                        help="the benchmark folder (default: %(default)s)")
    parser.add_argument("--grid", action="store_true", help="also print the option grid")
    args = parser.parse_args(argv)
    gold, pages, texts = load(args.benchmark)
    print(f"{len(gold)} pages; trafilatura {TRAFILATURA_VERSION}, options {TRAFILATURA_OPTIONS}")
    run_extract(dict(itertools.islice(pages.items(), 3)))  # warm up imports and caches
    outputs, times = run_extract(pages)
    report(f"trafilatura {TRAFILATURA_VERSION}, ours", outputs, gold)
    report(f"trafilatura {TRAFILATURA_VERSION}, default", defaults(pages), gold)
    report("  the same, without comments", defaults(pages, include_comments=False), gold)
    report("raw text/ (baseline)", texts, gold)
    again, _ = run_extract(pages)
    size = sum(len(gzip.decompress(data)) for data in pages.values()) / 1e6
    print(f"\nSpeed of extract_html (gunzip, decode, trafilatura, dropped blocks), one core:"
          f" mean {statistics.mean(times):.1f} ms/page, median {statistics.median(times):.1f},"
          f" max {max(times):.0f}; {size:.1f} MB of HTML, {size / sum(times) * 1000:.2f} MB/s.")
    print(f"Deterministic: a second run gives the same text for "
          f"{sum(outputs[k] == again[k] for k in outputs)} of {len(outputs)} pages.")
    print("Steps, on the same pages:")
    timing(pages)
    if args.grid:
        grid(gold, pages, "tuned (0-9)")
        print("\nThe options were chosen on the tuned grid above. The same grid on the untuned"
              "\npages, computed after the choice was fixed and not used to change it, shows"
              "\nhow well a ranking on 64 pages carries over:")
        grid(gold, pages, "untuned (a-f)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
