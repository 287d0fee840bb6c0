"""Clean a whole corpus in one pass: its tables written, only aggregates and previews kept.

:func:`clean_and_write` is notebook 01's costly step. It cleans every document, splits the
sentences and makes the token table (:func:`~newscorpus.clean.clean_corpus`,
:func:`~newscorpus.clean.segment.token_table`), writes them to ``processed_dir`` and returns
only what the notebook shows: per-document sizes and removal counts (:func:`~newscorpus.clean.
audit.size_table`, :func:`~newscorpus.clean.audit.removal_counts`), sentences per document and
role, the first removal of each rule, and the first rows of each table with their totals.

``local``
    The tables are made in this process (and ``workers`` processes) and written as
    ``removals.csv``, ``sentences.csv`` and ``tokens.csv``, with the clean texts in ``clean/``.
``dask``
    Each partition of whole documents is cleaned on a Dask worker, which writes its part of
    each table (``removals/``, ``sentences/``, ``tokens/``: partitioned Parquet, the columns
    of the CSV files; :func:`newscorpus.base.outputs.read_table` reads either) and its clean
    texts, and returns its partial aggregates; the client stacks them in partition order. What
    it holds grows with the documents (a few numbers each), not with their text.

Either way the aggregates are the same, the output is written whole or not at all (into a
temporary folder renamed into place), and the other format's files of the same tables are
removed, so ``processed_dir`` holds one version of each table.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path

import pandas as pd

from newscorpus.base.outputs import publish_parts, temporary_folders, write_table
from newscorpus.clean.audit import _sizes, removal_counts, size_table, write_texts

__all__ = ["HELD_ABBREVIATION", "PREVIEW_ROWS", "TABLES", "clean_and_write", "partial_result"]

#: The tables written, as ``<name>.csv`` (local) or a folder ``<name>/`` of Parquet parts (dask).
TABLES = ("removals", "sentences", "tokens")

#: The first rows kept of each table (and of the sentences that hold an abbreviation).
PREVIEW_ROWS = {"removals": 25, "sentences": 5, "tokens": 8, "held": 5}

#: A sentence that goes on after an abbreviation's full stop: the splitter kept it whole.
HELD_ABBREVIATION = r"\b(?:U\.S|U\.N|Lt|Gen|Sept|Mr|Mrs|Dr|Jan|Feb|Aug|Oct|Nov|Dec)\. [A-Z0-9]"

_SIZE_COLUMNS = ["doc_id", "measure", "raw", "clean", "removed", "removed_share"]


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with pandas string columns as plain ``object`` ones: a part whose rows came
    from the corpus table and one built from scratch (e.g. with no removal) then stack to the
    same types, whatever the partitions."""
    strings = [c for c in frame.columns if isinstance(frame[c].dtype, pd.StringDtype)]
    return frame.astype(dict.fromkeys(strings, object)) if strings else frame


def partial_result(tables: dict[str, pd.DataFrame], tokens: pd.DataFrame,
                   sizes: pd.DataFrame | None = None, documents: pd.DataFrame | None = None,
                   preview: dict[str, int] | None = None) -> dict:
    """The aggregates and previews of the tables of some whole documents.

    ``tables`` is what :func:`~newscorpus.clean.clean_corpus` returns for them and ``tokens``
    their token table; ``sizes`` their :func:`~newscorpus.clean.audit.size_table`, or
    ``documents`` (``doc_id``, raw ``text``) to measure it here. Partial results of
    consecutive parts of a corpus, combined by :func:`combine`, equal the result of the whole.
    """
    preview = {**PREVIEW_ROWS, **(preview or {})}
    removals, sentences = tables["removals"], tables["sentences"]
    if sizes is None:
        clean = dict(zip(tables["texts"]["doc_id"], tables["texts"]["text"], strict=True))
        sizes = pd.DataFrame(_sizes((d, raw, clean[d]) for d, raw in
                                    zip(documents["doc_id"], documents["text"], strict=True)),
                             columns=_SIZE_COLUMNS)
    held = sentences[sentences["text"].str.contains(HELD_ABBREVIATION, regex=True)]
    return {
        "sizes": _plain(sizes),
        "removed": _plain(removal_counts(removals)),
        "roles": _plain(sentences.groupby(["doc_id", "role"], sort=False).size()
                        .rename("sentences").reset_index()),
        "first_removals": _plain(removals.drop_duplicates("rule")),
        "removals": _plain(removals.head(preview["removals"])),
        "sentences": _plain(sentences.head(preview["sentences"])),
        "tokens": _plain(tokens.head(preview["tokens"])),
        "held": _plain(held[["doc_id", "sentence_id", "role", "text"]].head(preview["held"])),
        "totals": {"documents": len(tables["texts"]), "removals": len(removals),
                   "sentences": len(sentences), "tokens": len(tokens), "held": len(held),
                   "texts": len(tables["texts"])},
        "empty": {"removals": removals.iloc[:0], "sentences": sentences.iloc[:0],
                  "tokens": tokens.iloc[:0]},
    }


def combine(parts: Sequence[dict], preview: dict[str, int] | None = None) -> dict:
    """The :func:`partial_result` of consecutive parts of a corpus, combined in their order."""
    preview = {**PREVIEW_ROWS, **(preview or {})}
    out: dict = {}
    for name in ("sizes", "removed", "roles"):
        out[name] = pd.concat([p[name] for p in parts], ignore_index=True)
    characters = out["sizes"][out["sizes"]["measure"] == "characters"]
    out["lengths"] = pd.DataFrame({"doc_id": characters["doc_id"].to_numpy(),
                                   "characters": characters["raw"].to_numpy()})
    first = pd.concat([p["first_removals"] for p in parts], ignore_index=True)
    out["first_removals"] = first.drop_duplicates("rule").reset_index(drop=True)
    for name in ("removals", "sentences", "tokens", "held"):
        out[name] = pd.concat([p[name] for p in parts], ignore_index=True).head(preview[name])
    out["totals"] = {key: sum(p["totals"][key] for p in parts) for key in parts[0]["totals"]}
    return out


def _tokens(sentences: pd.DataFrame, token_options: tuple) -> pd.DataFrame:
    from newscorpus.clean.segment import token_table

    return token_table(sentences, **dict(token_options))


def _clean_partition(part: pd.DataFrame, index: int, folders: dict[str, str],
                     rules: tuple[str, ...], token_options: tuple) -> dict:
    """One partition on a worker: clean it, write its tables and texts, return its partials."""
    from newscorpus.clean.pipeline import clean_corpus

    tables = clean_corpus(part, rules=rules, workers=1)
    tokens = _tokens(tables["sentences"], token_options)
    written = {"removals": tables["removals"], "sentences": tables["sentences"],
               "tokens": tokens}
    for name, table in written.items():
        if len(table):  # empty parts are left out: their columns have no types to agree on
            table.to_parquet(Path(folders[name]) / f"part.{index:06d}.parquet", index=False)
    for doc_id, text in zip(tables["texts"]["doc_id"], tables["texts"]["text"], strict=True):
        (Path(folders["clean"]) / f"{doc_id}.txt").write_text(text + "\n", encoding="utf-8",
                                                              newline="\n")
    return partial_result(tables, tokens, documents=part)


def _remove_other(processed: Path, backend: str) -> None:
    """Remove the tables of the other format (so a reader never finds a stale one)."""
    for name in TABLES:
        other = processed / (name if backend == "local" else f"{name}.csv")
        if other.is_dir():
            shutil.rmtree(other)
        elif other.exists():
            other.unlink()


def clean_and_write(documents, processed_dir: str | os.PathLike[str], *,
                    rules: Iterable[str] | None = None, token_options: dict | None = None,
                    backend: str = "local", scheduler: str = "", workers: int | None = 0,
                    partition_mb: float = 16, dashboard: bool = False,
                    progress: bool = False) -> dict:
    """Clean ``documents``, write their tables to ``processed_dir``, return what is shown.

    Parameters
    ----------
    documents : DataFrame
        ``doc_id`` and ``text`` (and ``format``), pandas or, with ``backend="dask"``, Dask
        (e.g. a Parquet corpus read lazily by :func:`newscorpus.corpus.parquet.
        load_parquet_corpus`).
    processed_dir : path
        Where :data:`TABLES` and the folder ``clean/`` are written.
    rules : iterable of str, optional
        The cleaning rules (all by default).
    token_options : dict, optional
        Keyword arguments of :func:`newscorpus.clean.segment.token_table`.
    backend : {"local", "dask"}
        See the module docstring.
    scheduler, workers, partition_mb, dashboard
        Where the work runs (:func:`newscorpus.base.dask_backend.dask_client`; ``workers`` is
        also the number of processes of the local backend).
    progress : bool
        Show a progress bar over the documents (local) or the partitions (dask).

    Returns
    -------
    dict
        ``sizes`` (as :func:`~newscorpus.clean.audit.size_table`), ``lengths`` (``doc_id``
        and raw ``characters``, for :func:`~newscorpus.clean.audit.removal_summary`),
        ``removed`` (as
        :func:`~newscorpus.clean.audit.removal_counts`), ``roles`` (sentences per document
        and role), ``first_removals`` (the first removal of each rule), the first rows of
        ``removals``, ``sentences``, ``tokens`` and ``held`` (sentences kept whole across an
        abbreviation, :data:`HELD_ABBREVIATION`), and ``totals`` (rows of each table, and
        clean texts written).
    """
    from newscorpus.base.dask_backend import check_backend, check_partition_mb, is_dask
    from newscorpus.clean.pipeline import check_rules, clean_corpus

    backend = check_backend(backend)
    check_partition_mb(partition_mb)
    selected = tuple(check_rules(rules))
    options = tuple(sorted((token_options or {}).items()))
    processed = Path(processed_dir)
    processed.mkdir(parents=True, exist_ok=True)
    if backend == "local":
        if is_dask(documents):
            documents = documents.compute()
        tables = clean_corpus(documents, rules=selected, workers=workers, progress=progress)
        tokens = _tokens(tables["sentences"], options)
        sizes = size_table(documents, tables["texts"], workers=workers)
        for name, table in (("removals", tables["removals"]),
                            ("sentences", tables["sentences"]), ("tokens", tokens)):
            write_table(table, processed / f"{name}.csv")
        write_texts(tables["texts"], processed / "clean")
        _remove_other(processed, backend)
        return combine([partial_result(tables, tokens, sizes=sizes)])
    return _dask_pass(documents, processed, selected, options, scheduler=scheduler,
                      workers=workers, partition_mb=partition_mb, dashboard=dashboard,
                      progress=progress)


def _dask_pass(documents, processed: Path, rules: tuple, options: tuple, *, scheduler: str,
               workers: int | None, partition_mb: float, dashboard: bool,
               progress: bool) -> dict:
    import dask

    from newscorpus.base.dask_backend import dask_client, gather_in_order, is_dask, to_dask

    lazy = documents if is_dask(documents) else to_dask(documents, partition_mb)
    with temporary_folders(processed, (*TABLES, "clean"), prefix=".clean-pass.") as folders:
        task = partial(_clean_partition, folders=folders, rules=rules, token_options=options)
        with dask_client(scheduler, workers=workers, dashboard=dashboard) as client:
            tasks = [dask.delayed(task)(part, i) for i, part in enumerate(lazy.to_delayed())]
            futures = client.compute(tasks)
            parts = gather_in_order(futures, desc="cleaning", unit="partition",
                                    progress=progress)
        publish_parts(folders, processed, parts[0]["empty"])
    return combine(parts)
