"""Count the keywords of a whole corpus in one pass: the occurrences written, only counts kept.

:func:`count_and_write` is notebook 02's costly step. For the sentences and tokens notebook 01
wrote, it keeps the chosen roles and, part by part (whole documents), counts what the notebook
shows as counts that add up (:mod:`newscorpus.keywords.partials`): term frequencies per group
(n-grams and words), the written forms that label stems, document frequencies (for TF-IDF of
the documents shown), collocation counts around the node words, the followed terms per group
(or, when every document is shown, where each occurs), the theme counts per group; it finds
the keyphrases of the documents shown, and writes every keyword in context (``kwic``), every
theme match (``theme_matches``) and the themes of every sentence (``theme_sentences``), as CSV
locally or as folders of Parquet parts on Dask.

The notebook's process then holds the vocabulary and the counts per group, not the tokens:
with ``backend="dask"`` each worker reads one part of ``sentences/`` and ``tokens/`` (or
slices of whole documents of the CSV files). A document is never split, so both backends give
the same tables.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

__all__ = ["KWIC_PREVIEW", "TABLES", "combine", "count_and_write", "partial_result"]

#: The tables written: every keyword in context, theme match and sentence's themes.
TABLES = ("kwic", "theme_matches", "theme_sentences")

#: Rows of the keyword-in-context table kept per term to show, and theme examples per theme.
KWIC_PREVIEW, THEME_EXAMPLES = 3, 2

#: Rows of term counts held back before they are added to the sum (at least; or its size).
BATCH_ROWS = 1_000_000


def partial_result(source, index: int, *, documents: pd.DataFrame, by: str,
                   roles: Sequence[str] | None, extra_stop_words: Sequence[str], column: str,
                   ngrams: tuple[int, int], follow_terms: Sequence[str],
                   nodes: Sequence[str], window: int, themes, shown: Sequence[str],
                   per_document: bool, top: int) -> tuple[dict, dict[str, pd.DataFrame]]:
    """The counts of some whole documents (``source``: their sentences and tokens, or the
    paths of their Parquet parts), and their written tables. ``documents`` holds ``doc_id``,
    the group column ``by`` and ``doc_rank`` (the documents' place in date order)."""
    from newscorpus.clean.segment import select_roles
    from newscorpus.keywords import (
        collocation_counts,
        dispersion,
        form_counts,
        frequencies,
        keyphrases,
        kwic,
        select_tokens,
        theme_examples,
        theme_matches,
        theme_sentences,
    )
    from newscorpus.keywords.concordance import document_sizes, rate_counts
    from newscorpus.keywords.partials import term_counts
    from newscorpus.keywords.theme_counts import theme_share_counts

    sentences, tokens = (_read(source[0]), _read(source[1], empty=source[2])) \
        if isinstance(source[0], str) else source
    chosen = select_roles(sentences, roles) if roles is not None else sentences
    tokens = select_tokens(tokens, chosen, documents=documents, attach=[by, "doc_rank"],
                           extra_stop_words=extra_stop_words)
    found = kwic(chosen, follow_terms, window=8)
    hits = dispersion(tokens, follow_terms)
    hits["doc_rank"] = hits["doc_id"].map(documents.set_index("doc_id")["doc_rank"])
    matches = theme_matches(chosen, themes)
    flags = theme_sentences(chosen, themes, matches=matches)
    grouped = flags.merge(documents[["doc_id", by]], on="doc_id", how="left")
    per_doc = frequencies(tokens, by="doc_id", n=ngrams, column=column)
    additive = {
        "terms": term_counts(tokens, [by], n=ngrams, column=column),
        "words": term_counts(tokens, [by], n=(1, 1), column=column),
        "forms": form_counts(tokens, column=column),
        "document_counts": per_doc.groupby("term", sort=False).size().rename("documents")
        .reset_index(),
        "n_documents": int(per_doc["doc_id"].nunique()),
        "collocations": collocation_counts(tokens, nodes, window=window),
    }
    result = {
        "additive": additive,
        "summary": tokens.groupby(by, sort=False).agg(
            documents=("doc_id", "nunique"), words=("lower", "size"),
            counted=("stop", lambda s: int((~s).sum()))).reset_index(),
        "shown_counts": per_doc[per_doc["doc_id"].isin(list(shown)).to_numpy()][
            ["doc_id", "term", "count"]],
        "kwic": found.groupby("term", sort=False).head(KWIC_PREVIEW),
        "kwic_rows": len(found),
        "rates": rate_counts(hits, tokens, by, key=("doc_rank", "position")),
        "hits": hits.drop(columns="doc_rank") if per_document else hits.iloc[:0],
        "sizes": document_sizes(tokens) if per_document else document_sizes(tokens.iloc[:0]),
        "theme_examples": theme_examples(matches, chosen, k=THEME_EXAMPLES),
        "theme_counts": theme_share_counts(grouped, by=by, themes=themes),
        "keyphrases": keyphrases(chosen[chosen["doc_id"].isin(list(shown)).to_numpy()],
                                 top=top, extra_stop_words=extra_stop_words),
    }
    written = {"kwic": found, "theme_matches": matches, "theme_sentences": flags}
    result["empty"] = {name: table.iloc[:0] for name, table in written.items()}
    return result, written


def _read(path: str, empty: pd.DataFrame | None = None) -> pd.DataFrame:
    """A Parquet part; a missing part of the tokens (its sentences had no word) is empty."""
    if empty is not None and not Path(path).exists():
        return empty
    return pd.read_parquet(path)


def add_counts(counts: Sequence[dict]) -> dict:
    """The ``additive`` counts of parts of a corpus, added up (in any order: the tables
    finished from them are sorted)."""
    from newscorpus.keywords import add_collocation_counts, add_form_counts

    def summed(name: str, keys: list[str], values: list[str]) -> pd.DataFrame:
        frame = pd.concat([c[name] for c in counts], ignore_index=True)
        return frame.groupby(keys, sort=False, dropna=False)[values].sum().reset_index()

    by = [c for c in counts[0]["terms"].columns if c not in ("term", "count", "words")]
    return {"terms": summed("terms", [*by, "term"], ["count", "words"]),
            "words": summed("words", [*by, "term"], ["count", "words"]),
            "forms": add_form_counts([c["forms"] for c in counts]),
            "document_counts": summed("document_counts", ["term"], ["documents"]),
            "n_documents": sum(c["n_documents"] for c in counts),
            "collocations": add_collocation_counts([c["collocations"] for c in counts])}


class _Adder:
    """Adds up the ``additive`` counts of parts as they arrive, in batches about the size of
    the sum so far, so the client holds about twice the vocabulary, not a copy per part."""

    def __init__(self) -> None:
        self.total: dict | None = None
        self.pending: list[dict] = []
        self.rows = 0

    def __call__(self, index: int, result: dict) -> dict:
        self.pending.append(result.pop("additive"))
        self.rows += len(self.pending[-1]["terms"])
        if self.rows > max(len(self.total["terms"]) if self.total else 0, BATCH_ROWS):
            self.flush()
        return result

    def flush(self) -> dict:
        if self.pending:
            self.total = add_counts(([self.total] if self.total else []) + self.pending)
            self.pending, self.rows = [], 0
        return self.total


def combine(parts: Sequence[dict], counts: dict, *, by: str, nodes: Sequence[str], min_freq: int,
            shown: Sequence[str], doc_order: Sequence[str], themes) -> dict:
    """The :func:`partial_result` of consecutive parts of a corpus, combined in their order and
    finished: the tables notebook 02 shows, equal to those of the whole corpus."""
    from newscorpus.keywords import label_terms, score_collocations, tfidf_from_counts
    from newscorpus.keywords.concordance import (
        add_rate_counts,
        place_hits,
        rates_from_counts,
        spans_from_sizes,
    )
    from newscorpus.keywords.partials import (
        document_frequency_from_counts,
        frequencies_from_counts,
    )
    from newscorpus.keywords.theme_counts import shares_from_counts

    def stacked(name: str) -> pd.DataFrame:
        return pd.concat([p[name] for p in parts], ignore_index=True)

    forms = counts["forms"]
    summary = stacked("summary").groupby(by, sort=False).sum().reset_index()
    frequency = frequencies_from_counts(counts["terms"], [by])
    weights = tfidf_from_counts(stacked("shown_counts"),
                                document_frequency_from_counts(counts["document_counts"]),
                                counts["n_documents"])
    sizes = stacked("sizes")
    present = [d for d in doc_order if d in set(sizes["doc_id"])]
    spans = spans_from_sizes(sizes, present)
    hits = place_hits(stacked("hits"), spans)
    return {
        "summary": summary.astype({c: "int64" for c in summary.columns if c != by}),
        "forms": forms,
        "frequencies": label_terms(frequency, forms=forms),
        "words": frequencies_from_counts(counts["words"], [by]),
        "tfidf": label_terms(weights[weights["doc_id"].isin(list(shown))]
                             .reset_index(drop=True), forms=forms),
        "collocations": score_collocations(counts["collocations"], nodes, min_freq=min_freq),
        "kwic": stacked("kwic").groupby("term", sort=False).head(KWIC_PREVIEW)
        .reset_index(drop=True),
        "kwic_rows": sum(p["kwic_rows"] for p in parts),
        "rates": rates_from_counts(add_rate_counts([p["rates"] for p in parts], by), by),
        "hits": hits,
        "spans": spans,
        "theme_examples": stacked("theme_examples").groupby("theme", sort=False)
        .head(THEME_EXAMPLES).reset_index(drop=True),
        "theme_shares": shares_from_counts(stacked("theme_counts"), by, themes),
        "keyphrases": stacked("keyphrases"),
    }


def count_and_write(processed_dir: str | os.PathLike[str], documents: pd.DataFrame,
                    groups: pd.Series, *, by: str = "period", roles: Sequence[str] | None = None,
                    extra_stop_words: Sequence[str] = (), column: str = "stem",
                    ngrams: Sequence[int] = (1, 2), follow_terms: Sequence[str] = (),
                    nodes: Sequence[str] | Mapping = ("russia",), window: int = 5,
                    min_freq: int = 2, themes=None, shown: Sequence[str] = (),
                    per_document: bool = False, top: int = 12, backend: str = "local",
                    scheduler: str = "", workers: int | None = 0, partition_mb: float = 16,
                    dashboard: bool = False, progress: bool = False) -> dict:
    """Count the keywords of the sentences and tokens notebook 01 wrote to ``processed_dir``.

    Parameters
    ----------
    processed_dir : path
        Holds ``sentences`` and ``tokens`` (CSV, or folders of Parquet parts); :data:`TABLES`
        are written there (CSV locally, folders of Parquet parts on Dask; the other form
        removed).
    documents : DataFrame
        Notebook 00's ``documents.csv`` (``doc_id``, ``date_start``, ``date_end``).
    groups : Series
        The group of each document (:func:`newscorpus.corpus.groups.document_groups`), counted
        in the column ``by``.
    roles, extra_stop_words
        As in :func:`newscorpus.keywords.tokens.select_tokens`.
    column, ngrams : str, (int, int)
        The token form counted and the n-gram sizes.
    follow_terms : sequence of str
        Terms followed in context (``kwic``) and through the documents.
    nodes, window, min_freq
        As in :func:`newscorpus.keywords.collocations.collocations`.
    themes : sequence of Theme, path or None
        The theme dictionary (:func:`newscorpus.keywords.themes.load_themes`).
    shown : sequence of str
        The documents shown one by one (TF-IDF, keyphrases).
    per_document : bool
        Keep where each followed term occurs (``hits``; for a corpus small enough to show
        each document); the rates per group are kept in any case.
    top : int
        Keyphrases per shown document.
    backend, scheduler, workers, partition_mb, dashboard, progress
        Where the counting runs (:func:`newscorpus.base.dask_backend.dask_client`);
        ``partition_mb`` cuts the CSV tables into parts on Dask when there are no folders.

    Returns
    -------
    dict
        ``summary`` (documents, words and counted words per group), ``forms``
        (:func:`~newscorpus.keywords.tokens.form_counts`), ``frequencies`` (n-grams per group,
        labelled), ``words`` (words per group, for keyness), ``tfidf`` (of the documents
        shown, labelled), ``collocations``, ``kwic`` (its first rows per term) and
        ``kwic_rows``, ``rates`` (followed terms per 10,000 words of each group), ``hits``
        (where they occur, laid out in date order) and ``spans`` (where each document starts
        and ends in that layout), both empty unless ``per_document``,
        ``theme_examples``, ``theme_shares`` and ``keyphrases``.
    """
    from newscorpus.base.checks import check_choice
    from newscorpus.base.dask_backend import check_backend, check_partition_mb
    from newscorpus.base.outputs import read_table, write_table
    from newscorpus.keywords.themes import _themes
    from newscorpus.keywords.tokens import COLUMNS

    check_choice(column, COLUMNS, "column")
    themes = _themes(themes)
    processed = Path(processed_dir)
    order = documents.sort_values(["date_end", "date_start", "doc_id"])["doc_id"].tolist()
    table = pd.DataFrame({"doc_id": documents["doc_id"].to_numpy(),
                          by: documents["doc_id"].map(groups).to_numpy()})
    table["doc_rank"] = table["doc_id"].map({d: i for i, d in enumerate(order)})
    options = dict(by=by, roles=None if roles is None else tuple(roles),
                   extra_stop_words=tuple(extra_stop_words), column=column,
                   ngrams=tuple(ngrams), follow_terms=tuple(follow_terms),
                   nodes=nodes if isinstance(nodes, Mapping) else tuple(nodes),
                   window=window, themes=themes, shown=tuple(shown),
                   per_document=per_document, top=top)
    finish = dict(by=by, nodes=options["nodes"], min_freq=min_freq, shown=shown,
                  doc_order=order, themes=themes)
    if check_backend(backend) == "local":
        source = (read_table(processed / "sentences.csv", made_by="01-cleaning"),
                  read_table(processed / "tokens.csv", made_by="01-cleaning"))
        result, written = partial_result(source, 0, documents=table, **options)
        for name, frame in written.items():
            write_table(frame, processed / f"{name}.csv")
        return combine([result], add_counts([result.pop("additive")]), **finish)
    from newscorpus.base.passes import dask_pass

    check_partition_mb(partition_mb)
    adder = _Adder()
    parts = dask_pass(partial_result, _sources(processed, partition_mb), processed, TABLES,
                      shared={"documents": table}, options=options, desc="counting",
                      scheduler=scheduler, workers=workers, dashboard=dashboard,
                      progress=progress, on_result=adder)
    return combine(parts, adder.flush(), **finish)


def _sources(processed: Path, partition_mb: float) -> list:
    """The parts to count: paths of matching Parquet parts of ``sentences/`` and ``tokens/``
    (with the token table's columns, for a part that has none), or slices of the CSV tables."""
    from newscorpus.base.outputs import read_table, table_parts

    sentences = table_parts(processed, "sentences", made_by="01-cleaning",
                            partition_mb=partition_mb)
    if sentences and isinstance(sentences[0], str):
        found = sorted((processed / "tokens").glob("*.parquet"))
        if not found:
            read_table(processed / "tokens.csv", made_by="01-cleaning")  # says what is missing
        empty = pd.read_parquet(found[0]).iloc[:0]
        return [(path, str(processed / "tokens" / Path(path).name), empty)
                for path in sentences]
    tokens = read_table(processed / "tokens.csv", made_by="01-cleaning")
    by_doc = tokens.groupby("doc_id", sort=False).indices
    out = []
    for part in sentences:
        rows = [i for d in pd.unique(part["doc_id"]) for i in by_doc.get(d, [])]
        out.append((part, tokens.iloc[sorted(rows)]))
    return out
