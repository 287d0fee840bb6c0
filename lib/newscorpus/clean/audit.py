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

__all__ = ["examples", "removal_counts", "removal_summary", "role_counts", "size_table",
           "write_texts"]

_RULE_ORDER = {name: i for i, name in enumerate(RULE_NAMES)}


def size_table(documents: pd.DataFrame, texts: pd.DataFrame, *,
               workers: int | None = 1) -> pd.DataFrame:
    """Characters, words and sentences of each document before and after cleaning.

    Measured on ``workers`` processes (``None`` or 0: every core); the table is the same for
    any number.

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
    from newscorpus.base.parallel import map_chunks

    clean = dict(zip(texts["doc_id"], texts["text"], strict=True))
    triples = [(doc_id, raw, clean[doc_id])
               for doc_id, raw in zip(documents["doc_id"], documents["text"], strict=True)]
    parts = map_chunks(_sizes, triples, workers=workers, chunk_size=200, desc="measuring",
                       unit="doc")
    return pd.DataFrame([row for part in parts for row in part],
                        columns=["doc_id", "measure", "raw", "clean", "removed",
                                 "removed_share"])


def _sizes(triples) -> list[tuple]:
    rows = []
    for doc_id, raw, clean in triples:
        before, after = text_lengths(raw), text_lengths(clean)
        for measure in ("characters", "words", "sentences"):
            removed = before[measure] - after[measure]
            rows.append((doc_id, measure, before[measure], after[measure], removed,
                         round(removed / before[measure], 4) if before[measure] else 0.0))
    return rows


def removal_counts(removals: pd.DataFrame) -> pd.DataFrame:
    """Spans and characters removed per document and rule (a partial aggregate: the counts of
    parts of a corpus, stacked, are those of the whole, as :func:`removal_summary` reads them).

    Examples
    --------
    >>> removals = pd.DataFrame({"doc_id": ["a", "a", "b"], "rule": "captions",
    ...                          "family": "caption", "chars": [10, 5, 7]})
    >>> removal_counts(removals).values.tolist()
    [['a', 'captions', 'caption', 2, 15], ['b', 'captions', 'caption', 1, 7]]
    """
    return (removals.groupby(["doc_id", "rule", "family"], as_index=False, sort=False)
            .agg(spans=("chars", "size"), chars=("chars", "sum")))


def removal_summary(removals: pd.DataFrame, documents: pd.DataFrame, *,
                    groups: pd.Series | None = None) -> pd.DataFrame:
    """Characters removed by each rule from each document, with the share of the raw text.

    With ``groups`` (the group of each document, indexed by ``doc_id``, as
    :func:`newscorpus.corpus.groups.document_groups` gives it), the same per group instead:
    the share is of all the raw characters of the group's documents.

    Parameters
    ----------
    removals : DataFrame
        The removals of :func:`newscorpus.clean.clean_corpus` (``doc_id``, ``rule``,
        ``family``, ``chars``), or their :func:`removal_counts` (with ``spans``).
    documents : DataFrame
        ``doc_id`` and the raw ``text``, or the raw length in characters as ``characters``
        (as :func:`size_table` measures it), in corpus order.
    groups : Series, optional
        The group of each document.

    Returns
    -------
    DataFrame
        ``doc_id`` (or ``group``, labelled with its number of documents), ``rule``,
        ``family``, ``spans``, ``chars`` and ``share`` (of the raw characters), one row per
        document (group) and rule that removed something, in corpus (group) and pipeline order.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["x" * 100, "y" * 100, "z" * 200]})
    >>> removals = pd.DataFrame({"doc_id": ["a", "c"], "rule": "captions", "family": "caption",
    ...                          "chars": [10, 50]})
    >>> groups = pd.Series({"a": "early", "b": "early", "c": "late"})
    >>> removal_summary(removals, docs, groups=groups)[["group", "chars", "share"]].values.tolist()
    [['early (2 documents)', 10, 0.05], ['late (1 document)', 50, 0.25]]
    """
    counts = removals if "spans" in removals.columns else removal_counts(removals)
    lengths = (documents["characters"] if "characters" in documents.columns
               else documents["text"].str.len())
    lengths = pd.Series(lengths.to_numpy(), index=documents["doc_id"].to_numpy())
    if groups is not None:
        return _removals_by_group(counts, lengths, groups)
    doc_order = {d: i for i, d in enumerate(lengths.index)}
    summary = (counts.groupby(["doc_id", "rule", "family"], as_index=False)
               .agg(spans=("spans", "sum"), chars=("chars", "sum")))
    summary["share"] = [round(c / lengths[d], 4) for d, c in
                        zip(summary["doc_id"], summary["chars"], strict=True)]
    key = summary["doc_id"].map(doc_order) * 100 + summary["rule"].map(_RULE_ORDER)
    return summary.iloc[key.argsort(kind="stable")].reset_index(drop=True)


def _removals_by_group(counts: pd.DataFrame, lengths: pd.Series,
                       groups: pd.Series) -> pd.DataFrame:
    from newscorpus.corpus.groups import group_label

    group = pd.Series(lengths.index, index=lengths.index).map(groups)
    raw = lengths.groupby(group).sum()
    sizes = group.value_counts()
    order = [g for g in groups.attrs.get("order", sorted(raw.index)) if g in raw.index]
    summary = (counts.assign(group=counts["doc_id"].map(groups))
               .groupby(["group", "rule", "family"], as_index=False)
               .agg(spans=("spans", "sum"), chars=("chars", "sum")))
    summary["share"] = [round(c / raw[g], 4) for g, c in
                        zip(summary["group"], summary["chars"], strict=True)]
    key = (summary["group"].map({g: i for i, g in enumerate(order)}) * 100
           + summary["rule"].map(_RULE_ORDER))
    summary = summary.iloc[key.argsort(kind="stable")].reset_index(drop=True)
    summary["group"] = [group_label(g, int(sizes[g])) for g in summary["group"]]
    return summary


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


def role_counts(sentences: pd.DataFrame, *, groups: pd.Series | None = None) -> pd.DataFrame:
    """Sentences per role per document (a document-by-role table, roles in fixed order).

    ``sentences`` is a sentence table (``doc_id``, ``role``), or the counts of one with a
    ``sentences`` column (as :func:`newscorpus.clean.passes.clean_and_write` keeps them). With
    ``groups`` (the group of each document, indexed by ``doc_id``), one row per group instead,
    labelled with its number of documents.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"], "role": ["title", "body", "body"]})
    >>> role_counts(s).values.tolist()
    [['a', 1, 1], ['b', 0, 1]]
    >>> role_counts(s, groups=pd.Series({"a": "x", "b": "x"})).values.tolist()
    [['x (2 documents)', 1, 2]]
    >>> counts = pd.DataFrame({"doc_id": ["a", "b"], "role": "body", "sentences": [4, 2]})
    >>> role_counts(counts).values.tolist()
    [['a', 4], ['b', 2]]
    """
    n = sentences["sentences"] if "sentences" in sentences.columns else pd.Series(
        1, index=sentences.index)
    if groups is None:
        table = pd.crosstab(sentences["doc_id"], sentences["role"], values=n,
                            aggfunc="sum").fillna(0).astype(int)
        return table.reindex(columns=[r for r in ROLES if r in table.columns]).reset_index()
    from newscorpus.corpus.groups import group_label

    group = sentences["doc_id"].map(groups)
    table = pd.crosstab(group.rename("group"), sentences["role"], values=n,
                        aggfunc="sum").fillna(0).astype(int)
    order = [g for g in groups.attrs.get("order", sorted(table.index)) if g in table.index]
    sizes = sentences.groupby(group)["doc_id"].nunique()
    table = table.reindex(index=order, columns=[r for r in ROLES if r in table.columns])
    table.index = [group_label(g, int(sizes[g])) for g in table.index]
    return table.rename_axis("group").reset_index()


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
