"""Label the motives of a whole corpus in one pass: the evidence written, only aggregates kept.

:func:`label_and_write` is notebook 04's costly step. For the sentences notebook 01 wrote, it
keeps the chosen roles, cuts snippet aggregates into their units
(:func:`~newscorpus.corpus.snippets.analysis_units`), labels every sentence
(:func:`~newscorpus.motives.tables.motive_table`), writes the evidence table
(:func:`~newscorpus.motives.tables.evidence_table`) to ``motives.csv`` (local) or the folder
``motives/`` of Parquet parts (dask), and returns only what the notebook shows: units per kind,
sentences per label (:func:`~newscorpus.motives.shares.label_counts`), one row per unit with
its group and label counts (:func:`~newscorpus.motives.shares.unit_partial`, from which the
shares per group and per document follow), what a comparison leaves out, and the first rows of
the evidence.

With ``backend="dask"`` each worker reads one part of notebook 01's ``sentences/`` (or a slice
of whole documents of ``sentences.csv``), so the notebook's process holds a row per unit, not
the sentences. Each part holds whole documents, so both backends give the same tables.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

__all__ = ["EVIDENCE_PREVIEW", "label_and_write", "partial_result"]

#: Rows of the evidence table kept to show.
EVIDENCE_PREVIEW = 12


def _by_kind(units: pd.DataFrame, unit_count: bool) -> pd.DataFrame:
    columns = dict(documents=("doc_id", "nunique"),
                   **({"units": ("unit_id", "nunique")} if unit_count else {}),
                   sentences=("text", "size"))
    return units.groupby("unit_kind").agg(**columns).reset_index()


def partial_result(sentences: pd.DataFrame, documents: pd.DataFrame, groups: pd.Series, *,
                   roles: Sequence[str] | None, codebook, by: str,
                   periods: Mapping[str, object] | None, aggregate_over_time: bool,
                   preview: int = EVIDENCE_PREVIEW) -> tuple[dict, pd.DataFrame]:
    """The partial aggregates of some whole documents' sentences, and their evidence table.

    Partials of parts that never split a document, combined by :func:`combine`, equal those of
    the whole.
    """
    from newscorpus.clean.segment import select_roles
    from newscorpus.corpus.snippets import analysis_units
    from newscorpus.motives.shares import label_counts, unit_groups, unit_partial
    from newscorpus.motives.tables import evidence_table, motive_flags, motive_table

    chosen = select_roles(sentences, roles) if roles is not None else sentences
    units = analysis_units(chosen.reset_index(drop=True), documents)
    table = motive_table(units, codebook=codebook)
    evidence = evidence_table(units, table)
    flags = motive_flags(units, table)
    found = unit_groups(units, groups, by, periods=periods,
                        aggregate_over_time=aggregate_over_time)
    return {"kinds": _by_kind(units, True), "counts": label_counts(flags, units),
            "per_unit": unit_partial(flags, units, found),
            "left_out": _by_kind(units[found.isna().to_numpy()], False),
            "evidence": evidence.head(preview), "rows": len(evidence),
            "empty": {"motives": evidence.iloc[:0]}}, evidence


def combine(parts: Sequence[dict], preview: int = EVIDENCE_PREVIEW) -> dict:
    """The :func:`partial_result` of consecutive parts of a corpus, combined in their order.

    Counts of documents and units add up because no document is in two parts.
    """
    def summed(name: str, key: str, sort: bool) -> pd.DataFrame:
        frame = pd.concat([p[name] for p in parts], ignore_index=True)
        return frame.groupby(key, sort=sort).sum().reset_index()

    return {"kinds": summed("kinds", "unit_kind", True),
            "counts": summed("counts", "label", False),
            "per_unit": pd.concat([p["per_unit"] for p in parts], ignore_index=True),
            "left_out": summed("left_out", "unit_kind", True),
            "evidence": pd.concat([p["evidence"] for p in parts],
                                  ignore_index=True).head(preview),
            "rows": sum(p["rows"] for p in parts)}


def _label_part(source, index: int, **options) -> tuple[dict, dict[str, pd.DataFrame]]:
    """One part on a worker: read it (a Parquet file, or a slice given) and label it; its
    partials, and its evidence to write."""
    sentences = pd.read_parquet(source) if isinstance(source, str) else source
    result, evidence = partial_result(sentences, **options)
    return result, {"motives": evidence}


def label_and_write(processed_dir: str | os.PathLike[str], documents: pd.DataFrame,
                    groups: pd.Series, *, roles: Sequence[str] | None = None, codebook=None,
                    by: str = "period", periods: Mapping[str, object] | None = None,
                    aggregate_over_time: bool = False, backend: str = "local",
                    scheduler: str = "", workers: int | None = 0, partition_mb: float = 16,
                    dashboard: bool = False, progress: bool = False) -> dict:
    """Label the sentences notebook 01 wrote to ``processed_dir``; write their evidence there.

    Parameters
    ----------
    processed_dir : path
        Holds ``sentences.csv`` or the folder ``sentences/``; ``motives.csv`` (local) or
        ``motives/`` (dask) is written there, and the other form removed.
    documents : DataFrame
        Notebook 00's ``documents.csv`` (``doc_id``, ``kind``, ``date_end``).
    groups : Series
        The group of each document (:func:`newscorpus.corpus.groups.document_groups`).
    roles : sequence of str, optional
        Sentence roles labelled (all when ``None``).
    codebook : Codebook, optional
        The motive rules (:func:`newscorpus.motives.codebook.load_codebook`).
    by, periods, aggregate_over_time
        As in :func:`newscorpus.motives.shares.unit_groups`.
    backend, scheduler, workers, partition_mb, dashboard
        Where the labelling runs (:func:`newscorpus.base.dask_backend.dask_client`);
        ``partition_mb`` cuts ``sentences.csv`` into parts when there is no ``sentences/``.
    progress : bool
        Show a progress bar over the parts (dask).

    Returns
    -------
    dict
        ``kinds`` (documents, units and sentences per unit kind), ``counts`` (as
        :func:`~newscorpus.motives.shares.label_counts`), ``per_unit`` (as
        :func:`~newscorpus.motives.shares.unit_partial`), ``left_out`` (documents and sentences
        per kind without a group), ``evidence`` (its first rows) and ``rows`` (of evidence).
    """
    from newscorpus.base.dask_backend import check_backend, check_partition_mb
    from newscorpus.base.outputs import read_table, table_parts, write_table
    from newscorpus.base.passes import dask_pass

    processed = Path(processed_dir)
    options = dict(documents=documents[["doc_id", "kind", "date_end"]], groups=groups,
                   roles=None if roles is None else tuple(roles), codebook=codebook, by=by,
                   periods=periods, aggregate_over_time=aggregate_over_time)
    if check_backend(backend) == "local":
        sentences = read_table(processed / "sentences.csv", made_by="01-cleaning")
        result, evidence = partial_result(sentences, **options)
        write_table(evidence, processed / "motives.csv")
        return combine([result])
    check_partition_mb(partition_mb)
    sources = table_parts(processed, "sentences", made_by="01-cleaning",
                          partition_mb=partition_mb)
    shared = ("documents", "groups")  # one row per document: sent to each worker once
    parts = dask_pass(_label_part, sources, processed, ["motives"],
                      shared={k: options[k] for k in shared},
                      options={k: v for k, v in options.items() if k not in shared},
                      desc="labelling", scheduler=scheduler, workers=workers,
                      dashboard=dashboard, progress=progress)
    return combine(parts)
