"""The whole corpus in one pass over its partitions: tables written as Parquet, aggregates kept.

:func:`process_corpus` sends each partition of a Dask document table to a worker, which makes
its sentences, tokens, scores and motive flags with the library's functions
(:mod:`newscorpus.scale.stages`), writes them as one part file per table, and returns only the
partial aggregates of :mod:`newscorpus.scale.aggregates`. The client adds the partials up as they
arrive, so what it holds grows with the vocabulary and the groups, not with the corpus. The
tables are written into temporary folders renamed into place at the end: an interrupted run
leaves no partial output.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from newscorpus.keywords.partials import document_counts, term_counts
from newscorpus.scale import aggregates, stages

__all__ = ["TABLES", "ExactSum", "process_corpus"]

#: The tables :func:`process_corpus` writes, one folder of part files each.
TABLES = ("sentences", "tokens", "scores", "flags")


class ExactSum:
    """A running sum of floats without rounding error (Shewchuk's partials, as math.fsum).

    Examples
    --------
    >>> total = ExactSum()
    >>> for x in [0.1] * 10:
    ...     total.add(x)
    >>> total.value == math.fsum([0.1] * 10) == 1.0
    True
    """

    def __init__(self) -> None:
        self.partials: list[float] = []

    def add(self, x: float) -> None:
        kept = []
        for y in self.partials:
            if abs(x) < abs(y):
                x, y = y, x
            high = x + y
            low = y - (high - x)
            if low:
                kept.append(low)
            x = high
        kept.append(x)
        self.partials = kept

    @property
    def value(self) -> float:
        return math.fsum(self.partials)


def _process(part: pd.DataFrame, index: int, folders: dict[str, str], groups: pd.DataFrame,
             by: str, method: str, n: tuple[int, int], token_options: tuple) -> dict:
    """One partition: write its tables, return its partial aggregates (a worker's task)."""
    sentences = stages.sentences_step(part)
    tables = {"sentences": sentences,
              "tokens": stages.tokens_step(sentences, options=token_options),
              "scores": stages.scores_step(sentences, method=method),
              "flags": stages.flags_step(sentences)}
    for name, folder in folders.items():
        tables[name].to_parquet(Path(folder) / f"part.{index:06d}.parquet", index=False)
    on = {name: stages.attach(tables[name], groups) for name in ("tokens", "scores", "flags")}
    return {
        "terms": term_counts(on["tokens"], (by,), n, True, "term"),
        "documents": document_counts(on["tokens"], (by,), n, True, "term"),
        "tone": aggregates._tone_partial(on["scores"], (by,), -0.05, 0.05),
        "motives": aggregates._motive_partial(on["flags"], (by,), tuple(
            c for c in tables["flags"].columns if c not in ("doc_id", "sentence_id",
                                                               "motives"))),
        "sentences": len(sentences),
    }


class _Totals:
    """The partial aggregates added up as partitions finish.

    Partials wait in a buffer until they hold as many rows as the running totals (or
    :data:`_BATCH_ROWS`), then are added in one groupby: the client's work stays proportional to
    the vocabulary, not to the vocabulary times the partitions, and leaves the cores to the
    workers.
    """

    KEYS = {"terms": ("term",), "documents": ("term",), "motives": ()}

    def __init__(self, by: str) -> None:
        self.by = by
        self.frames: dict[str, pd.DataFrame | None] = dict.fromkeys(self.KEYS)
        self.pending: dict[str, list[pd.DataFrame]] = {name: [] for name in self.KEYS}
        self.tone: dict = {}
        self.sentences = 0

    def _combine(self, name: str) -> None:
        parts = [f for f in (self.frames[name], *self.pending[name]) if f is not None]
        if parts:
            both = pd.concat(parts, ignore_index=True)
            self.frames[name] = both.groupby([self.by, *self.KEYS[name]], sort=False,
                                             dropna=False).sum().reset_index()
        self.pending[name] = []

    def add(self, partial: dict) -> None:
        for name in self.KEYS:
            self.pending[name].append(partial[name])
            waiting = sum(len(f) for f in self.pending[name])
            held = 0 if self.frames[name] is None else len(self.frames[name])
            if waiting >= max(held, _BATCH_ROWS):
                self._combine(name)
        for row in partial["tone"].itertuples(index=False):
            group = getattr(row, self.by)
            counts = self.tone.setdefault(group, [0, 0, 0, 0, 0, ExactSum()])
            for k, value in enumerate((row.n, 1, row.n_negative, row.n_neutral,
                                       row.n_positive)):
                counts[k] += int(value)
            counts[5].add(float(row.sum_compound))
        self.sentences += partial["sentences"]

    def done(self) -> _Totals:
        for name in self.KEYS:
            self._combine(name)
        return self


#: Rows of partials the client buffers, at least, before adding them to the totals.
_BATCH_ROWS = 200_000


def process_corpus(docs, out_dir: str | os.PathLike[str], *, by: str = "outlet",
                   method: str = "news", n: Sequence[int] = (1, 1),
                   token_options: dict | None = None, client=None,
                   progress: bool = False) -> dict[str, pd.DataFrame]:
    """Make and write the tables of a Dask document table; return the aggregates per group.

    Parameters
    ----------
    docs : dask DataFrame
        Documents, e.g. :func:`newscorpus.scale.parquet.load_parquet_corpus` (``backend=
        "dask"``) or :func:`newscorpus.scale.stages.to_dask`, with the ``by`` column.
    out_dir : path
        Where the folders :data:`TABLES` are written (replacing earlier ones).
    by : str
        The document column the aggregates are grouped by.
    method : str
        The scorer (:func:`newscorpus.sentiment.score_sentences`).
    n : (int, int)
        The n-gram sizes counted.
    token_options : dict, optional
        Keyword arguments of :func:`newscorpus.clean.segment.token_table`.
    client : distributed.Client, optional
        The client to run on (default: the current one).
    progress : bool
        Show a progress bar over the partitions (tqdm, as :mod:`newscorpus.base.parallel`).

    Returns
    -------
    dict of DataFrame
        ``frequencies`` (as :func:`~newscorpus.scale.aggregates.group_frequencies`),
        ``document_frequencies``, ``tone`` (as :func:`~newscorpus.scale.aggregates.
        tone_summary`) and ``motives`` (as :func:`~newscorpus.scale.aggregates.
        motive_summary`), grouped by ``by``.
    """
    import dask
    from distributed import as_completed, get_client
    from tqdm import tqdm

    client = client or get_client()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out, prefix=".tables.", suffix=".tmp"))
    folders = {name: str(tmp / name) for name in TABLES}
    for folder in folders.values():
        os.mkdir(folder)
    groups = docs[["doc_id", by]].compute().astype({by: "str"})
    docs = docs.drop(columns=[by])
    options = tuple(sorted((token_options or {}).items()))
    tasks = [dask.delayed(_process)(part, i, folders, groups, by, method, tuple(n), options)
             for i, part in enumerate(docs.to_delayed())]
    totals = _Totals(by)
    try:
        futures = client.compute(tasks)
        with tqdm(total=len(tasks), desc="partitions", unit="partition",
                  disable=not progress, mininterval=1.0) as bar:
            for future in as_completed(futures):
                totals.add(future.result())
                future.release()
                bar.update(1)
        for name, folder in folders.items():
            target = out / name
            if target.exists():
                shutil.rmtree(target)
            os.replace(folder, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return _finish(totals.done(), by)


def _finish(totals: _Totals, by: str) -> dict[str, pd.DataFrame]:
    terms = totals.frames["terms"]
    words = terms[terms["term"].isna()][[by, "words"]]
    freq = terms[terms["term"].notna()][[by, "term", "count"]].merge(words, on=by, how="left")
    freq["per_10k"] = freq["count"] / freq["words"] * 10_000
    freq = freq.sort_values([by, "count", "term"], ascending=[True, False, True],
                            kind="stable").reset_index(drop=True)
    freq["rank"] = freq.groupby(by, sort=False).cumcount() + 1
    documents = totals.frames["documents"].sort_values(
        [by, "documents", "term"], ascending=[True, False, True], kind="stable")
    tone = pd.DataFrame([(g, *c[:5], c[5].value) for g, c in totals.tone.items()],
                        columns=[by, "n", "documents", "n_negative", "n_neutral", "n_positive",
                                 "sum_compound"]).sort_values(by, kind="stable")
    tone["mean_compound"] = tone["sum_compound"] / tone["n"]
    for name in ("negative", "neutral", "positive"):
        tone[f"share_{name}"] = tone[f"n_{name}"] / tone["n"]
    tone = tone[[by, "n", "documents", "sum_compound", "mean_compound", "n_negative",
                 "n_neutral", "n_positive", "share_negative", "share_neutral",
                 "share_positive"]]
    motives = totals.frames["motives"].sort_values(by, kind="stable")
    labels = [c for c in motives.columns if c not in (by, "sentences", "any_motive")]
    motives = motives[[by, "sentences", "any_motive", *labels]].astype(
        dict.fromkeys(["sentences", "any_motive", *labels], "int64"))
    return {"frequencies": freq.astype({"count": "int64", "words": "int64", "rank": "int64"}),
            "document_frequencies": documents.reset_index(drop=True).astype(
                {"documents": "int64"}),
            "tone": tone.reset_index(drop=True).astype(
                {c: "int64" for c in ("n", "documents", "n_negative", "n_neutral",
                                      "n_positive")}),
            "motives": motives.reset_index(drop=True)}
