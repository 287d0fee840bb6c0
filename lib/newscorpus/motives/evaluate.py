"""Scoring motives against a hand-coded gold standard, and agreement between two coders.

A gold file (``tests/gold/motives/*.csv``, described in its README) has one row per sentence:
``doc_id``, ``start`` and ``end`` (character offsets in the raw document) and ``motives``
(labels joined by ``";"``, or ``none``). :func:`align` gives each gold row the labels of the
predicted sentences of the same document whose raw offsets overlap it, so a gold standard
still applies when sentence splitting changes a little. :func:`scores` then counts, per label,
true and false positives: precision, recall, F1 and support (gold rows with the label), and
two summaries, ``micro`` (all labels pooled) and ``any`` (a sentence has some motive or none).
A ratio with nothing to divide is 0. :func:`kappa` is Cohen's kappa per label between two
codings of the same sentences.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import pandas as pd

from newscorpus.base.checks import check_table
from newscorpus.base.errors import NewsCorpusError, Problem
from newscorpus.base.paths import display, resolve
from newscorpus.motives.codebook import LABELS

__all__ = ["GOLD_COLUMNS", "align", "cohen_kappa", "kappa", "load_gold", "parse_labels",
           "scores"]

#: The columns a gold file must have.
GOLD_COLUMNS = ["doc_id", "sentence_id", "start", "end", "motives"]

Labels = frozenset[str]


def parse_labels(value: object, where: str = "motives") -> Labels:
    """Read ``"a;b"``, ``"none"`` or ``""`` as a set of labels, refusing unknown ones.

    Examples
    --------
    >>> sorted(parse_labels("regime_survival;counterterrorism")), parse_labels("none")
    (['counterterrorism', 'regime_survival'], frozenset())
    """
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    labels = frozenset(x.strip() for x in text.split(";") if x.strip() not in ("", "none"))
    unknown = sorted(labels - set(LABELS))
    if unknown:
        raise NewsCorpusError(Problem(where, f"unknown label {', '.join(map(repr, unknown))}",
                                      "use labels of the codebook (" + ", ".join(LABELS)
                                      + ") joined by ';', or none"))
    return labels


def load_gold(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a gold CSV: its rows, with ``labels`` (a frozenset per row) added.

    Raises
    ------
    NewsCorpusError
        If the file is missing, lacks a column of :data:`GOLD_COLUMNS`, or names an unknown
        label (the line is given).
    """
    file = resolve(path)
    where = display(file)
    try:
        gold = pd.read_csv(file, keep_default_na=False, dtype={"doc_id": str})
    except FileNotFoundError:
        raise NewsCorpusError(Problem(where, "the gold file does not exist",
                                      "check the path")) from None
    missing = [c for c in GOLD_COLUMNS if c not in gold.columns]
    if missing:
        raise NewsCorpusError(Problem(where, f"no column {', '.join(map(repr, missing))}",
                                      "give the columns " + ", ".join(GOLD_COLUMNS)))
    gold["labels"] = [parse_labels(v, f"{where} line {i + 2}")
                      for i, v in enumerate(gold["motives"])]
    return gold


def align(gold: pd.DataFrame, sentences: pd.DataFrame, flags: pd.DataFrame) -> list[Labels]:
    """The predicted labels of each gold row: those of the sentences overlapping it.

    Parameters
    ----------
    gold : DataFrame
        ``doc_id``, ``start``, ``end`` (from :func:`load_gold`).
    sentences : DataFrame
        ``doc_id``, ``sentence_id``, ``start``, ``end`` (the sentence table).
    flags : DataFrame
        :func:`~newscorpus.motives.motive_flags` of those sentences.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": "d", "sentence_id": [1, 2], "start": [0, 10],
    ...                   "end": [9, 20]})
    >>> f = pd.DataFrame({"doc_id": "d", "sentence_id": [1, 2],
    ...                   "motives": ["", "counterterrorism"]})
    >>> g = pd.DataFrame({"doc_id": "d", "start": [0, 5], "end": [9, 15]})
    >>> align(g, s, f)
    [frozenset(), frozenset({'counterterrorism'})]
    """
    check_table(sentences, ["doc_id", "sentence_id", "start", "end"], "sentences")
    check_table(flags, ["doc_id", "sentence_id", "motives"], "flags",
                "newscorpus.motives.motive_flags")
    merged = sentences[["doc_id", "sentence_id", "start", "end"]].merge(
        flags[["doc_id", "sentence_id", "motives"]], on=["doc_id", "sentence_id"], how="left")
    by_doc: dict[str, list[tuple[int, int, Labels]]] = {}
    for doc, a, b, motives in zip(merged["doc_id"], merged["start"], merged["end"],
                                  merged["motives"].fillna(""), strict=True):
        by_doc.setdefault(str(doc), []).append((int(a), int(b), parse_labels(motives)))
    out = []
    for doc, a, b in zip(gold["doc_id"], gold["start"], gold["end"], strict=True):
        labels: set[str] = set()
        for s, e, found in by_doc.get(str(doc), []):
            if s < int(b) and int(a) < e:
                labels |= found
        out.append(frozenset(labels))
    return out


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def scores(gold: Sequence[Labels], predicted: Sequence[Labels],
           labels: Sequence[str] = LABELS) -> pd.DataFrame:
    """Precision, recall, F1 per label, then ``micro`` and ``any``.

    Returns
    -------
    DataFrame
        Indexed by label, with ``tp``, ``fp``, ``fn``, ``support`` (gold rows with the label),
        ``precision``, ``recall`` and ``f1``.

    Examples
    --------
    >>> gold = [{"a"}, {"a", "b"}, set(), {"b"}]
    >>> pred = [{"a"}, {"b"}, {"a"}, set()]
    >>> scores(gold, pred, labels=["a", "b"]).round(3)  # doctest: +NORMALIZE_WHITESPACE
           tp  fp  fn  support  precision  recall     f1
    label
    a       1   1   1        2      0.500   0.500  0.500
    b       1   0   1        2      1.000   0.500  0.667
    micro   2   1   2        4      0.667   0.500  0.571
    any     2   1   1        3      0.667   0.667  0.667
    """
    if len(gold) != len(predicted):
        raise NewsCorpusError(Problem("scores", f"{len(gold)} gold rows but {len(predicted)} "
                                      "predicted", "pass one predicted set per gold row"))
    rows = {}
    for label in labels:
        tp = sum(label in g and label in p for g, p in zip(gold, predicted, strict=True))
        fp = sum(label not in g and label in p for g, p in zip(gold, predicted, strict=True))
        fn = sum(label in g and label not in p for g, p in zip(gold, predicted, strict=True))
        rows[label] = (tp, fp, fn)
    rows["micro"] = tuple(sum(r[i] for r in rows.values()) for i in range(3))
    pairs = [(bool(g), bool(set(p) & set(labels))) for g, p in zip(gold, predicted, strict=True)]
    rows["any"] = (sum(g and p for g, p in pairs), sum(p and not g for g, p in pairs),
                   sum(g and not p for g, p in pairs))
    table = pd.DataFrame([(tp, fp, fn, tp + fn, *_prf(tp, fp, fn))
                          for tp, fp, fn in rows.values()], index=list(rows),
                         columns=["tp", "fp", "fn", "support", "precision", "recall", "f1"])
    table.index.name = "label"
    return table


def cohen_kappa(a: Sequence[bool], b: Sequence[bool]) -> float:
    """Cohen's kappa of two binary codings of the same items; NaN when chance agreement is 1.

    Examples
    --------
    >>> round(cohen_kappa([1, 1, 0, 0, 1], [1, 0, 0, 0, 1]), 4)
    0.6154
    """
    n = len(a)
    if n == 0 or n != len(b):
        raise NewsCorpusError(Problem("cohen_kappa", f"codings of {len(a)} and {len(b)} items",
                                      "pass two non-empty codings of the same items"))
    a1 = sum(map(bool, a)) / n
    b1 = sum(map(bool, b)) / n
    observed = sum(bool(x) == bool(y) for x, y in zip(a, b, strict=True)) / n
    chance = a1 * b1 + (1 - a1) * (1 - b1)
    return float("nan") if chance == 1 else (observed - chance) / (1 - chance)


def kappa(first: pd.DataFrame, second: pd.DataFrame,
          labels: Sequence[str] = LABELS) -> pd.DataFrame:
    """Cohen's kappa per label (and for ``any`` motive) between two codings.

    Both tables have ``doc_id``, ``sentence_id`` and ``labels`` (see :func:`load_gold`); the
    sentences they share are compared.

    Returns
    -------
    DataFrame
        Indexed by label: ``n`` (shared sentences), ``first`` and ``second`` (how many each
        coder gave the label), ``agree`` (share of equal decisions) and ``kappa``.
    """
    merged = first[["doc_id", "sentence_id", "labels"]].merge(
        second[["doc_id", "sentence_id", "labels"]], on=["doc_id", "sentence_id"])
    rows = {}
    for label in [*labels, "any"]:
        if label == "any":
            x = [bool(v) for v in merged["labels_x"]]
            y = [bool(v) for v in merged["labels_y"]]
        else:
            x = [label in v for v in merged["labels_x"]]
            y = [label in v for v in merged["labels_y"]]
        agree = sum(p == q for p, q in zip(x, y, strict=True)) / len(x) if x else float("nan")
        rows[label] = (len(x), sum(x), sum(y), agree,
                       cohen_kappa(x, y) if x else float("nan"))
    table = pd.DataFrame(list(rows.values()), index=list(rows),
                         columns=["n", "first", "second", "agree", "kappa"])
    table.index.name = "label"
    return table
