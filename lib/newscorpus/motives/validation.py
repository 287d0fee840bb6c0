"""How far to trust the motives: scores on the hand-coded gold standard, and the coders' agreement.

The gold folder (``tests/gold/motives/``, see its README) holds two parts coded by hand: the
development part (``dev.csv``, looked at while the rules were written) and the held-out part
(``heldout.csv``, never looked at). :func:`gold_scores` labels each part's sentences, as the
gold stores them, with :func:`~newscorpus.motives.tables.motive_table` and scores them
(:func:`~newscorpus.motives.evaluate.scores`), so the figures do not depend on the corpus a
notebook analyses. :func:`coder_agreement` gives Cohen's kappa per label between coder A (the
gold) and coder B (``second_coder.csv``). :func:`validation_table` puts both side by side, one
row per label; no sentence of the gold is returned, only counts and scores.
"""

from __future__ import annotations

import os

import pandas as pd

from newscorpus.base.paths import resolve
from newscorpus.motives.codebook import LABELS, Codebook
from newscorpus.motives.evaluate import kappa, load_gold, parse_labels, scores
from newscorpus.motives.tables import motive_flags, motive_table
from newscorpus.sentiment.actors import Actors

__all__ = ["AIM", "PARTS", "coder_agreement", "describe_validation", "gold_scores",
           "validation_table"]

#: The parts of the gold standard: name and file.
PARTS = {"development": "dev.csv", "held-out": "heldout.csv"}

#: The micro F1 the method was meant to reach on sentences it was not written on.
AIM = 0.6


def gold_scores(gold_dir: str | os.PathLike[str], *, codebook: Codebook | None = None,
                actors: Actors | None = None) -> pd.DataFrame:
    """Score the method on each part of the gold standard.

    Returns
    -------
    DataFrame
        ``part`` (development, held-out), ``label`` (the nine, then ``micro`` and ``any``),
        ``sentences`` (of the part), ``tp``, ``fp``, ``fn``, ``support``, ``precision``,
        ``recall``, ``f1``.
    """
    folder = resolve(gold_dir)
    tables = []
    for part, name in PARTS.items():
        gold = load_gold(folder / name)
        found = motive_table(gold[["doc_id", "sentence_id", "text"]], codebook=codebook,
                             actors=actors)
        predicted = [parse_labels(m) for m in motive_flags(gold, found)["motives"]]
        table = scores(list(gold["labels"]), predicted).reset_index()
        table.insert(0, "part", part)
        table.insert(2, "sentences", len(gold))
        tables.append(table)
    return pd.concat(tables, ignore_index=True)


def coder_agreement(gold_dir: str | os.PathLike[str]) -> pd.DataFrame:
    """Cohen's kappa per label (and ``any``) between coder A (both parts) and coder B.

    Returns
    -------
    DataFrame
        ``label``, ``n`` (sentences both coded), ``first`` and ``second`` (how many each gave the
        label), ``agree`` (share of equal decisions), ``kappa`` (NaN when neither coder used it).
    """
    folder = resolve(gold_dir)
    first = pd.concat([load_gold(folder / name) for name in PARTS.values()], ignore_index=True)
    return kappa(first, load_gold(folder / "second_coder.csv")).reset_index()


def validation_table(scored: pd.DataFrame, agreement: pd.DataFrame) -> pd.DataFrame:
    """One row per label: precision, recall, F1 and support on each part, and the kappa.

    Examples
    --------
    >>> scored = pd.DataFrame({"part": ["development", "held-out"], "label": "micro",
    ...     "precision": [0.9, 0.6], "recall": [0.7, 0.5], "f1": [0.79, 0.55],
    ...     "support": [70, 40]})
    >>> agreement = pd.DataFrame({"label": ["any"], "kappa": [0.7]})
    >>> table = validation_table(scored, agreement)
    >>> table[["label", "f1_development", "f1_heldout", "support_heldout", "kappa"]]
       label  f1_development  f1_heldout  support_heldout  kappa
    0  micro            0.79        0.55               40    NaN
    """
    wide = scored.pivot(index="label", columns="part",
                        values=["precision", "recall", "f1", "support"])
    parts = list(dict.fromkeys(scored["part"]))
    wide = wide[[(m, p) for p in parts for m in ("precision", "recall", "f1", "support")]]
    wide.columns = [f"{m}_{p.replace('-', '')}" for m, p in wide.columns]
    order = [x for x in [*LABELS, "micro", "any"] if x in wide.index]
    wide = wide.reindex(order + [x for x in wide.index if x not in order])
    support = [c for c in wide.columns if c.startswith("support_")]
    wide[support] = wide[support].astype("int64")
    out = wide.rename_axis("label").reset_index()
    return out.merge(agreement[["label", "kappa"]], on="label", how="left")


def describe_validation(table: pd.DataFrame, *, source: str = "", aim: float = AIM) -> str:
    """Say, from :func:`validation_table`, how far the labels can be trusted (Markdown).

    Examples
    --------
    >>> table = pd.DataFrame({"label": ["micro", "any"], "precision_development": [0.98, 1],
    ...     "recall_development": [0.72, 0.8], "f1_development": [0.83, 0.89],
    ...     "support_development": [71, 59], "precision_heldout": [0.58, 0.7],
    ...     "recall_heldout": [0.45, 0.5], "f1_heldout": [0.51, 0.58],
    ...     "support_heldout": [40, 36], "kappa": [float("nan"), 0.96]})
    >>> print(describe_validation(table))
    On the **held-out** part of the gold standard (40 motives marked by hand, never looked at \
while the rules were written), the labels reach micro precision 0.58, recall 0.45 and \
**F1 0.51**, below the 0.6 aimed at; on the development part, on which the rules were \
written, F1 0.83. So on unseen text about 4 in 10 of the labels given are wrong, and \
about 55% of the motives a reader marks are missed. Two coders agree on whether a \
sentence states a motive at all with Cohen's kappa 0.96.
    """
    rows = table.set_index("label")
    if "micro" not in rows.index or "f1_heldout" not in rows.columns:
        return "No validation result is available."
    m = rows.loc["micro"]
    below = f"{'below' if m['f1_heldout'] < aim else 'at or above'} the {aim:g} aimed at"
    text = (f"On the **held-out** part of the gold standard ({int(m['support_heldout'])} motives "
            "marked by hand, never looked at while the rules were written), the labels reach "
            f"micro precision {m['precision_heldout']:.2f}, recall {m['recall_heldout']:.2f} and"
            f" **F1 {m['f1_heldout']:.2f}**, {below}; on the development part, on which the "
            f"rules were written, F1 {m['f1_development']:.2f}. So on unseen text about "
            f"{round(10 * (1 - m['precision_heldout']))} in 10 of the labels given are wrong, "
            f"and about {1 - m['recall_heldout']:.0%} of the motives a reader marks are missed.")
    if "any" in rows.index and pd.notna(rows.loc["any", "kappa"]):
        text += (" Two coders agree on whether a sentence states a motive at all with Cohen's "
                 f"kappa {rows.loc['any', 'kappa']:.2f}.")
    return text + (f" ({source})" if source else "")
