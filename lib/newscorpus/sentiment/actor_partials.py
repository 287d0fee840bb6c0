"""The tone around each actor as partial tallies per document, and their combination.

:func:`actor_partial` tallies, per actor, group and document, the units naming the actor: their
number, the exact sum of their compound (:func:`math.fsum`) and their label counts; stacked
partials of parts that never split a document are those of the whole.
:func:`actor_tone_from_partials` turns them into the rows of
:func:`newscorpus.scale.aggregates.actor_tone_summary` (the interval resamples documents).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

__all__ = ["actor_partial", "actor_tone_from_partials"]

_LABEL_COUNTS = ("n_negative", "n_neutral", "n_positive")


def actor_partial(scored: pd.DataFrame, actors, by: tuple[str, ...], keys: tuple[str, ...],
                   baseline: str | None, negative: float, positive: float) -> pd.DataFrame:
    """Per actor, group and document: units, exact sum of compound, label counts."""
    from newscorpus.sentiment.actor_tables import actor_sentences, mentions
    from newscorpus.sentiment.scorers import label

    units = actor_sentences(mentions(scored, actors, keys=keys), keys=keys)
    frame = scored[list(dict.fromkeys([*keys, "doc_id", "compound", *by]))]
    merged = frame.merge(units[[*keys, "actor"]], on=list(keys), how="inner")  # scored order
    if baseline is not None:
        merged = pd.concat([frame.assign(actor=baseline), merged], ignore_index=True)
    labels = label(merged["compound"].astype("float64"), negative, positive)
    groups = list(dict.fromkeys(["actor", *by, "doc_id"]))
    table = merged[groups].assign(
        n=1, **{f"n_{name}": (labels == name).astype("int64") for name in
                ("negative", "neutral", "positive")})
    grouped = table.groupby(groups, sort=False, dropna=False)
    out = grouped[["n", *_LABEL_COUNTS]].sum()
    # per document, so the sums do not depend on how the documents are partitioned
    out["sum_compound"] = merged.groupby(groups, sort=False, dropna=False)["compound"].agg(
        lambda s: math.fsum(s.astype("float64")))
    return out.reset_index()


def _actor_rows(per_doc: pd.DataFrame, by: list[str], n_boot: int, seed: int,
                level: float) -> pd.DataFrame:
    """The rows of one part (the baseline, or the actors) from its per-document partials."""
    from newscorpus.base.stats import cluster_bootstrap

    rows = []
    grouped = per_doc.groupby(["actor", *by], sort=True, dropna=False, observed=True)
    for k, (key, group) in enumerate(grouped):  # documents in the order they came
        n = int(group["n"].sum())
        total = math.fsum(group["sum_compound"])
        low, high = cluster_bootstrap(group["sum_compound"].to_numpy(), group["n"].to_numpy(),
                                      n_boot=n_boot, seed=seed + k, level=level)
        key = key if isinstance(key, tuple) else (key,)
        rows.append({"actor": str(key[0]), **dict(zip(by, key[1:], strict=True)), "n": n,
                     "documents": len(group), "mean_compound": total / n, "ci_low": low,
                     "ci_high": high, **{f"share_{c[2:]}": int(group[c].sum()) / n
                                         for c in _LABEL_COUNTS}})
    columns = ["actor", *by, "n", "documents", "mean_compound", "ci_low", "ci_high",
               "share_negative", "share_neutral", "share_positive"]
    return pd.DataFrame(rows, columns=columns).astype({"n": "int64", "documents": "int64"})


def actor_tone_from_partials(partials: pd.DataFrame, by: Sequence[str] = (), *, order=None,
                             baseline: str | None = None, n_boot: int = 2000, seed: int = 0,
                             level: float = 0.95) -> pd.DataFrame:
    """The rows of :func:`newscorpus.scale.aggregates.actor_tone_summary` from stacked
    :func:`actor_partial` tables: the ``baseline`` row(s) first, then the actors in ``order``.
    """
    from newscorpus.sentiment.actor_tables import _order

    columns = list(by)
    named = partials[partials["actor"] != baseline] if baseline is not None else partials
    labels = _order(named["actor"], order)
    named = named.assign(actor=pd.Categorical(named["actor"], categories=labels, ordered=True))
    tone = _actor_rows(named, columns, n_boot, seed, level)
    if baseline is not None:
        everything = _actor_rows(partials[partials["actor"] == baseline], columns, n_boot,
                                 seed, level)
        tone = pd.concat([everything, tone], ignore_index=True)
    return tone
