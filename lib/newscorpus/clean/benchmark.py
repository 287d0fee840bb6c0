"""Cleaning scored on real web pages: the article-extraction benchmark in the repository.

``validation/article-benchmark/`` holds 98 pages of Scrapinghub's article-extraction benchmark
(MIT licence; see the README there): each page as the plain text a scraper gives (``text/``,
every visible block, boilerplate included), as HTML (``html/``) and the article body a person
marked (``ground-truth.json``). :func:`benchmark_table` scores the plain-text path
(:func:`~newscorpus.clean.pipeline.clean_text` on ``text/``), the raw text unchanged and, if
asked, the HTML path (:func:`~newscorpus.corpus.webpages.extract_html`) with the benchmark's
own measure, by subset:

* ``tuned``: the 64 pages whose id starts with 0-9, read while the rules and the extraction
  options were written and chosen;
* ``untuned``: the 34 pages whose id starts with a-f, never read to write or choose anything:
  the figure to trust;
* ``all``: the 98 pages.

The measure, as the benchmark's ``evaluate.py``: word tokens are ``\\w+`` runs counted with
multiplicity; per page, precision is the share of the output's tokens that the gold body has
(each gold token matched once), recall the share of the gold tokens that the output has; both
are averaged over pages and F1 is computed from the two averages. A page with an empty output
counts 0 for recall and is left out of the precision average.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from os import PathLike
from pathlib import Path

import pandas as pd

from newscorpus.base.errors import CorpusError, ParameterError, Problem
from newscorpus.base.paths import resolve

__all__ = ["BENCHMARK_DIR", "PATHS", "SUBSETS", "benchmark_pages", "benchmark_table",
           "load_benchmark", "page_scores", "summarize"]

#: The benchmark's folder, relative to the project root.
BENCHMARK_DIR = "validation/article-benchmark"
#: The subsets, by the first character of a page's id.
SUBSETS = {"tuned": "0123456789", "untuned": "abcdef", "all": "0123456789abcdef"}
#: The paths that can be scored: the plain text cleaned, the plain text unchanged, the HTML.
PATHS = ("text", "raw", "html")
_TOKEN = re.compile(r"\w+")


def page_scores(output: str | None, gold: str) -> tuple[float | None, float | None]:
    """Precision and recall of one page's output against its gold body (``None`` where a side
    has no token).

    Examples
    --------
    >>> page_scores("Russia stays in Syria. Share this", "Russia stays in Syria.")
    (0.6666666666666666, 1.0)
    >>> page_scores("", "Russia stays")
    (None, 0.0)
    """
    found, wanted = Counter(_TOKEN.findall(output or "")), Counter(_TOKEN.findall(gold))
    common = sum((found & wanted).values())
    precision = common / sum(found.values()) if found else None
    recall = common / sum(wanted.values()) if wanted else None
    return precision, recall


def summarize(pairs: Iterable[tuple[float | None, float | None]]) -> dict[str, float]:
    """Average per-page ``(precision, recall)`` pairs; F1 from the two averages.

    Examples
    --------
    >>> summarize([(1.0, 0.5), (None, 0.0), (0.5, 1.0)])
    {'pages': 3, 'precision': 0.75, 'recall': 0.5, 'f1': 0.6}
    """
    pairs = list(pairs)
    precisions = [p for p, _ in pairs if p is not None]
    recalls = [r for _, r in pairs if r is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pages": len(pairs), "precision": precision, "recall": recall, "f1": f1}


def load_benchmark(folder: str | PathLike[str] = BENCHMARK_DIR
                   ) -> tuple[dict[str, str], dict[str, str]]:
    """Return the gold bodies and the plain texts of the benchmark, by page id (sorted).

    Raises
    ------
    ParameterError
        If ``folder`` holds no ``ground-truth.json``.
    """
    folder = resolve(folder)
    truth = folder / "ground-truth.json"
    if not truth.is_file():
        raise ParameterError(Problem(
            "parameter 'folder'", f"no article benchmark in {folder} (ground-truth.json is "
            "missing)", f"pass the folder holding text/ and ground-truth.json, e.g. "
            f"{BENCHMARK_DIR}"))
    gold = {key: value["articleBody"] for key, value in
            sorted(json.loads(truth.read_text(encoding="utf-8")).items())}
    texts = {key: (folder / "text" / f"{key}.txt").read_text(encoding="utf-8") for key in gold}
    return gold, texts


def _html_pages(folder: Path, keys: Iterable[str]) -> dict[str, bytes]:
    return {key: (folder / "html" / f"{key}.html.gz").read_bytes() for key in keys}


def _subset(key: str) -> str:
    return "tuned" if key[0] in SUBSETS["tuned"] else "untuned"


def _timed(function: Callable[[str], str], inputs: dict) -> tuple[dict[str, str], dict]:
    outputs, ms = {}, {}
    for key, value in inputs.items():
        start = time.perf_counter()
        outputs[key] = function(value)
        ms[key] = (time.perf_counter() - start) * 1000
    return outputs, ms


def _extract(data: bytes) -> str:
    from newscorpus.corpus.webpages import extract_html
    try:
        return extract_html(gzip.decompress(data), where="page").text
    except CorpusError:
        return ""


def benchmark_pages(folder: str | PathLike[str] = BENCHMARK_DIR, *,
                    paths: Iterable[str] = ("text", "raw")) -> pd.DataFrame:
    """Score each page of the benchmark on each path.

    Parameters
    ----------
    folder : path
        The benchmark folder (relative paths are read from the project root).
    paths : iterable of str
        Some of :data:`PATHS`: ``"text"`` (the plain text cleaned by
        :func:`~newscorpus.clean.pipeline.clean_text` with all rules), ``"raw"`` (the plain text
        unchanged, the baseline) and ``"html"`` (the HTML page through
        :func:`~newscorpus.corpus.webpages.extract_html`, trafilatura; slower).

    Returns
    -------
    DataFrame
        One row per path and page: ``path``, ``page`` (the id), ``subset`` (``tuned`` or
        ``untuned``), ``precision``, ``recall`` (NaN where undefined) and ``ms`` (time taken).
    """
    from newscorpus.clean.pipeline import clean_text

    paths = list(paths)
    unknown = [p for p in paths if p not in PATHS]
    if unknown:
        raise ParameterError([Problem("parameter 'paths'", f"unknown path {p!r}",
                                      f"use some of {', '.join(PATHS)}") for p in unknown])
    gold, texts = load_benchmark(folder)
    rows = []
    for path in paths:
        if path == "html":
            outputs, ms = _timed(_extract, _html_pages(resolve(folder), gold))
        elif path == "text":
            clean_text(texts[next(iter(texts))])  # load the word lists and splitter first
            outputs, ms = _timed(lambda raw: clean_text(raw).text, texts)
        else:
            outputs, ms = texts, dict.fromkeys(texts, 0.0)
        for key in gold:
            precision, recall = page_scores(outputs[key], gold[key])
            rows.append((path, key, _subset(key), precision, recall, ms[key]))
    return pd.DataFrame(rows, columns=["path", "page", "subset", "precision", "recall", "ms"])


def benchmark_table(folder: str | PathLike[str] = BENCHMARK_DIR, *,
                    paths: Iterable[str] = ("text", "raw"),
                    pages: pd.DataFrame | None = None) -> pd.DataFrame:
    """Score the cleaning (and the other ``paths``) on the benchmark, by subset.

    Parameters
    ----------
    folder, paths
        As for :func:`benchmark_pages`.
    pages : DataFrame, optional
        The page scores of :func:`benchmark_pages`, when already computed.

    Returns
    -------
    DataFrame
        One row per path and subset (``tuned``, ``untuned``, ``all``): ``path``, ``subset``,
        ``pages``, ``precision``, ``recall``, ``f1`` and ``ms_per_page`` (mean time per page,
        on this machine: it varies from run to run).

    Examples
    --------
    >>> table = benchmark_table(paths=["raw"])
    >>> table[["subset", "pages"]].values.tolist()
    [['tuned', 64], ['untuned', 34], ['all', 98]]
    >>> round(float(table.loc[2, "recall"]), 3)
    1.0
    """
    if pages is None:
        pages = benchmark_pages(folder, paths=paths)
    rows = []
    for path, group in pages.groupby("path", sort=False):
        for subset in SUBSETS:
            part = group if subset == "all" else group[group["subset"] == subset]
            pairs = [(None if pd.isna(p) else p, None if pd.isna(r) else r)
                     for p, r in zip(part["precision"], part["recall"], strict=True)]
            rows.append({"path": path, "subset": subset, **summarize(pairs),
                         "ms_per_page": float(part["ms"].mean())})
    return pd.DataFrame(rows, columns=["path", "subset", "pages", "precision", "recall", "f1",
                                       "ms_per_page"])
