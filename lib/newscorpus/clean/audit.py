"""Report what cleaning did: sizes before and after, removals by rule, examples, roles.

Every function here takes the tables of :func:`newscorpus.clean.pipeline.clean_corpus` (and the
corpus table they came from) and returns a plain table, so the notebook can show it, plot it and
publish it with its figure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from newscorpus.base.outputs import WrittenFile, atomic_path
from newscorpus.base.paths import display
from newscorpus.clean.pipeline import RULE_NAMES
from newscorpus.clean.segment import ROLES
from newscorpus.corpus.describe import text_lengths

__all__ = ["examples", "removal_summary", "role_counts", "size_table", "write_texts"]

_RULE_ORDER = {name: i for i, name in enumerate(RULE_NAMES)}


def size_table(documents: pd.DataFrame, texts: pd.DataFrame) -> pd.DataFrame:
    """Characters, words and sentences of each document before and after cleaning.

    Returns
    -------
    DataFrame
        ``doc_id``, ``measure``, ``raw``, ``clean``, ``removed`` and ``removed_share``
        (``removed / raw``), three rows per document in corpus order.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Mr. Putin spoke. Photo: AP"]})
    >>> texts = pd.DataFrame({"doc_id": ["a"], "text": ["Mr. Putin spoke."]})
    >>> size_table(docs, texts)[["measure", "raw", "clean", "removed"]].values.tolist()
    [['characters', 26, 16, 10], ['words', 5, 3, 2], ['sentences', 2, 1, 1]]
    """
    clean = dict(zip(texts["doc_id"], texts["text"], strict=True))
    rows = []
    for doc_id, raw in zip(documents["doc_id"], documents["text"], strict=True):
        before, after = text_lengths(raw), text_lengths(clean[doc_id])
        for measure in ("characters", "words", "sentences"):
            removed = before[measure] - after[measure]
            rows.append((doc_id, measure, before[measure], after[measure], removed,
                         round(removed / before[measure], 4) if before[measure] else 0.0))
    return pd.DataFrame(rows, columns=["doc_id", "measure", "raw", "clean", "removed",
                                       "removed_share"])


def removal_summary(removals: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Characters removed by each rule from each document, with the share of the raw text.

    Returns
    -------
    DataFrame
        ``doc_id``, ``rule``, ``family``, ``spans``, ``chars`` and ``share`` (of the
        document's raw characters), one row per document and rule that removed something, in
        corpus and pipeline order.
    """
    lengths = dict(zip(documents["doc_id"], documents["text"].str.len(), strict=True))
    doc_order = {d: i for i, d in enumerate(documents["doc_id"])}
    summary = (removals.groupby(["doc_id", "rule", "family"], as_index=False)
               .agg(spans=("chars", "size"), chars=("chars", "sum")))
    summary["share"] = [round(c / lengths[d], 4) for d, c in
                        zip(summary["doc_id"], summary["chars"], strict=True)]
    key = summary["doc_id"].map(doc_order) * 100 + summary["rule"].map(_RULE_ORDER)
    return summary.iloc[key.argsort(kind="stable")].reset_index(drop=True)


def examples(removals: pd.DataFrame, *, width: int = 110) -> pd.DataFrame:
    """The first removal of each rule in the corpus, its text shortened to ``width``.

    Examples
    --------
    >>> removals = pd.DataFrame({"doc_id": ["a", "a"], "rule": ["citations", "captions"],
    ...     "family": ["citation", "caption"], "start": [40, 0], "end": [45, 9],
    ...     "chars": [5, 9], "text": [" [24]", "Photo: AP"]})
    >>> examples(removals)[["rule", "text"]].values.tolist()
    [['captions', 'Photo: AP'], ['citations', '[24]']]
    """
    first = removals.drop_duplicates("rule").copy()
    first["text"] = [" ".join(t.split()) for t in first["text"]]
    first["text"] = [t if len(t) <= width else t[:width - 1] + "…" for t in first["text"]]
    first = first.iloc[first["rule"].map(_RULE_ORDER).argsort(kind="stable")]
    return first[["rule", "family", "doc_id", "start", "end", "text"]].reset_index(drop=True)


def role_counts(sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences per role per document (a document-by-role table, roles in fixed order)."""
    table = pd.crosstab(sentences["doc_id"], sentences["role"])
    return table.reindex(columns=[r for r in ROLES if r in table.columns]).reset_index()


def write_texts(texts: pd.DataFrame, folder: str | os.PathLike[str]) -> list[WrittenFile]:
    """Write each clean text to ``folder/<doc_id>.txt`` (UTF-8, ending in a newline).

    Each file is written whole or not at all; files of documents no longer in the corpus are
    removed, so the folder always matches the last run.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for doc_id, text in zip(texts["doc_id"], texts["text"], strict=True):
        target = folder / f"{doc_id}.txt"
        with atomic_path(target) as tmp:
            tmp.write_text(text + "\n", encoding="utf-8", newline="\n")
        written.append(WrittenFile(display(target)))
    keep = {f"{doc_id}.txt" for doc_id in texts["doc_id"]}
    for stale in folder.glob("*.txt"):
        if stale.name not in keep:
            stale.unlink()
    return written
