"""The answer of notebook 05, written from notebook 04's motive tables, quote by quote.

:func:`answer` opens the findings: the motives the texts most often attribute to Russia, with
the sentences and documents behind each, and how far the labels can be trusted, every number
read from ``motive_counts.csv``, ``motive_validation.csv`` and ``documents.csv``.
:func:`theses` gives, for each document shown, what it says Russia wants and the sentences that
say it (doc_id, sentence_id, character offsets in the raw file, labels, cue), read from
``motives.csv``. :func:`motive_limits` states what the design cannot support. Every text that
comes from the corpus is escaped (:func:`~newscorpus.publish.findings.md_escape`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from newscorpus.base.checks import check_table
from newscorpus.base.figures import SavedFigure, figure_caption
from newscorpus.base.stats import MIN_CLUSTERS
from newscorpus.publish.findings import Finding, md_escape

__all__ = ["AGGREGATE", "answer", "motive_limits", "saved_figure", "theses"]

#: The kind of a document that gathers many snippets.
AGGREGATE = "snippet-aggregate"

_COUNTS = "motive_counts.csv of notebook 04"
_EVIDENCE = "motives.csv of notebook 04"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _held_out(validation: pd.DataFrame) -> str:
    rows = validation.set_index("label")
    if "micro" not in rows.index:
        return "The labels have not been checked against the gold standard."
    m = rows.loc["micro"]
    return (f"These labels are a reading by rules, checked by hand: on sentences never looked at "
            f"while the rules were written they reach F1 {m['f1_heldout']:.2f} (precision "
            f"{m['precision_heldout']:.2f}, recall {m['recall_heldout']:.2f}; "
            f"{m['f1_development']:.2f} on the sentences they were written on), so about "
            f"{1 - m['recall_heldout']:.0%} of the motives a reader would mark are missed and "
            f"about {1 - m['precision_heldout']:.0%} of the labels are wrong: read the counts as "
            "rough, and the quotes below as the evidence.")


def answer(counts: pd.DataFrame, validation: pd.DataFrame, docs: pd.DataFrame, *,
           top: int = 3) -> Finding:
    """The answer in a few sentences, every number read from the tables.

    Parameters
    ----------
    counts : DataFrame
        :func:`newscorpus.motives.label_counts` (``motive_counts.csv``): ``label``,
        ``sentences``, ``documents``, ``snippets``.
    validation : DataFrame
        :func:`newscorpus.motives.validation_table` (``motive_validation.csv``).
    docs : DataFrame
        ``documents.csv``: ``doc_id`` and ``kind``.

    Examples
    --------
    >>> counts = pd.DataFrame({"label": ["a", "b", "c"], "sentences": [2, 5, 0],
    ...                        "documents": [2, 1, 0], "snippets": [0, 4, 0]})
    >>> docs = pd.DataFrame({"doc_id": ["x", "y", "s"], "kind": ["article", "article",
    ...                                                         "snippet-aggregate"]})
    >>> print(answer(counts, pd.DataFrame({"label": []}), docs))  # doctest: +ELLIPSIS
    As these texts tell it, the motives most often attributed to Russia in Syria are **b** (5 \
sentences: 1 in 1 of the 2 articles, 4 in snippets) and **a** (2 sentences: 2 in 2 of the 2 \
articles). The motive stated in the most articles is **a** (2 of 2). ...
    """
    check_table(counts, ["label", "sentences", "documents", "snippets"], "counts", _COUNTS)
    check_table(docs, ["doc_id", "kind"], "docs", "documents.csv of notebook 00")
    n_articles = int(docs["kind"].ne(AGGREGATE).sum())
    found = counts[counts["sentences"] > 0].sort_values(
        ["sentences", "documents", "label"], ascending=[False, False, True], kind="stable")
    if found.empty:
        return Finding("No sentence of these texts attributes a motive to Russia by the rules "
                       f"({_COUNTS}). " + _held_out(validation))

    def said(r) -> str:
        in_articles = r.sentences - r.snippets
        parts = ([f"{in_articles:,} in {r.documents:,} of the {_plural(n_articles, 'article')}"]
                 if in_articles else []) + ([f"{r.snippets:,} in snippets"] if r.snippets else [])
        return f"**{md_escape(r.label)}** ({_plural(r.sentences, 'sentence')}: {', '.join(parts)})"

    named = [said(r) for r in found.head(top).itertuples()]
    text = ("As these texts tell it, the motives most often attributed to Russia in Syria are "
            + (", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0])
            + ".")
    widest = found[found["documents"] > 0].sort_values(
        ["documents", "sentences", "label"], ascending=[False, False, True], kind="stable")
    if len(widest) and n_articles:
        r = widest.iloc[0]
        text += (f" The motive stated in the most articles is **{md_escape(r['label'])}** "
                 f"({r['documents']:,} of {n_articles:,}).")
    return Finding(text + " " + _held_out(validation) + f" (Tables {_COUNTS} and "
                   "motive_validation.csv.)")


def _document_heading(doc: pd.Series) -> str:
    title = str(doc.get("title", "") or "").strip() or "(no title)"
    outlet = str(doc.get("outlet", "") or "").strip() or "outlet not named"
    date = str(doc.get("published", "") or "").strip() or "no date"
    kind = (", a page of search snippets, not an article" if doc.get("kind") == AGGREGATE
            else "")
    return (f"**{md_escape(title)}** ({md_escape(outlet)}, {md_escape(date)}{kind}; "
            f"`{md_escape(doc['doc_id'])}`)")


def theses(evidence: pd.DataFrame, docs: pd.DataFrame, shown: Sequence[str], *,
           quotes: int = 5) -> Finding:
    """For each document shown: what it says Russia wants, and the sentences that say it.

    Parameters
    ----------
    evidence : DataFrame
        ``motives.csv``: one row per sentence and label, with ``doc_id``, ``sentence_id``,
        ``start``, ``end``, ``motives``, ``motive``, ``actor``, ``cue``, ``text``.
    docs : DataFrame
        ``documents.csv`` (``doc_id``, ``kind``; ``title``, ``outlet``, ``published`` if any).
    shown : sequence of str
        The documents, in order.
    quotes : int
        The most sentences quoted per document (in reading order).

    Examples
    --------
    >>> evidence = pd.DataFrame({"doc_id": "d", "sentence_id": [4, 4], "start": 10,
    ...     "end": 60, "motives": "a;b", "motive": ["a", "b"], "actor": "Moscow",
    ...     "cue": ["wants", "aims"], "text": "Moscow wants *a* deal."})
    >>> docs = pd.DataFrame({"doc_id": ["d", "e"], "kind": "article", "title": ["T", ""]})
    >>> print(theses(evidence, docs, ["d", "e"]))  # doctest: +NORMALIZE_WHITESPACE
    **T** (outlet not named, no date; `d`): it attributes to Russia **a** (1 sentence),
    **b** (1 sentence).
    <BLANKLINE>
    > "Moscow wants \\*a\\* deal." (`d` sentence 4, characters 10-60; a; b; cue *wants*,
    *aims* held by *Moscow*)
    <BLANKLINE>
    **(no title)** (outlet not named, no date; `e`): no sentence attributes a motive to Russia
    by the rules (which miss many of those a reader marks: read the text).
    """
    check_table(evidence, ["doc_id", "sentence_id", "start", "end", "motives", "motive", "actor",
                           "cue", "text"], "evidence", _EVIDENCE)
    by_id = docs.set_index("doc_id")
    parts = []
    for doc_id in shown:
        doc = by_id.loc[doc_id].copy() if doc_id in by_id.index else pd.Series(dtype=object)
        doc["doc_id"] = doc_id
        rows = evidence[evidence["doc_id"] == doc_id]
        if rows.empty:
            parts.append(f"{_document_heading(doc)}: no sentence attributes a motive to Russia "
                         "by the rules (which miss many of those a reader marks: read the"
                         " text).")
            continue
        per_label = rows.groupby("motive")["sentence_id"].nunique()
        per_label = per_label.sort_values(ascending=False, kind="stable")
        said = ", ".join(f"**{md_escape(label)}** ({_plural(int(n), 'sentence')})"
                         for label, n in per_label.items())
        lines = [f"{_document_heading(doc)}: it attributes to Russia {said}."]
        sentences = rows.groupby("sentence_id", sort=True)
        for sentence_id, group in list(sentences)[:quotes]:
            r = group.iloc[0]
            cues = ", ".join(f"*{md_escape(c)}*" for c in dict.fromkeys(group["cue"]))
            actors = ", ".join(f"*{md_escape(a)}*" for a in dict.fromkeys(group["actor"]))
            labels = "; ".join(md_escape(x) for x in str(r["motives"]).split(";"))
            lines.append(f"> \"{md_escape(r['text'])}\" (`{md_escape(doc_id)}` sentence "
                         f"{sentence_id}, characters {r['start']}-{r['end']}; {labels}; cue "
                         f"{cues} held by {actors})")
        more = sentences.ngroups - quotes
        if more > 0:
            lines.append(f"... and {_plural(more, 'more sentence')} ({_EVIDENCE}).")
        parts.append("\n\n".join(lines))
    return Finding("\n\n".join(parts) if parts else "No document to show.")


def motive_limits(docs: pd.DataFrame, validation: pd.DataFrame, by_group: pd.DataFrame, *,
                  by: str) -> Finding:
    """What the evidence cannot support, stated from the tables.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "s"], "kind": ["article", "snippet-aggregate"]})
    >>> groups = pd.DataFrame({"group": ["2016"], "group_label": ["2016 (1 article)"],
    ...                        "units": [1]})
    >>> print(motive_limits(docs, pd.DataFrame({"label": []}), groups, by="period"))
    ... # doctest: +ELLIPSIS
    - **2 documents**: 1 article, 1 snippet-aggregate. ...
    """
    check_table(docs, ["doc_id", "kind"], "docs", "documents.csv of notebook 00")
    kinds = docs["kind"].fillna("").astype(str).replace("", "document of no stated kind")
    kinds = kinds.value_counts(sort=False)
    lines = [f"- **{_plural(len(docs), 'document')}**: "
             + ", ".join(_plural(int(n), md_escape(k)) for k, n in kinds.items())
             + ". What they say is what these texts say, not what the coverage says in general."]
    first = by_group.drop_duplicates("group") if "group" in by_group else by_group
    small = first[first["units"] < MIN_CLUSTERS] if len(first) else first
    if len(first) < 2 or len(small):
        lines.append(f"- **No change over time and no difference between groups** ({md_escape(by)}"
                     f"): {len(small)} of {len(first)} groups hold fewer than {MIN_CLUSTERS} "
                     "units, so a difference is one between the documents, not between groups.")
    if (docs["kind"] == AGGREGATE).any():
        lines.append("- **The snippet aggregate** is many snippets of many outlets and years, "
                     "collected by a search that asked what Russia wants; it is counted snippet "
                     "by snippet, kept out of comparisons over time, and states motives more "
                     "often than an article would.")
    rows = validation.set_index("label") if "label" in validation else pd.DataFrame()
    if "micro" in rows.index:
        lines.append(f"- **The labels miss and err**: held-out F1 "
                     f"{rows.loc['micro', 'f1_heldout']:.2f} (motive_validation.csv). A count "
                     "is a rough lower bound; a quote is the evidence.")
    lines.append("- **Theme counts** (notebook 02) count vocabulary, not motives: a word of a "
                 "theme in a sentence says nothing about whose aim it is.")
    return Finding("\n".join(lines))


def saved_figure(figures_dir: str | os.PathLike[str], name: str) -> SavedFigure | Finding:
    """An earlier notebook's figure, shown again with the caption stored in it.

    Returns a note instead when the figure was not made (its notebook did not run).
    """
    folder = Path(figures_dir)
    png = folder / f"{name}.png"
    if not png.is_file():
        return Finding(f"Figure {md_escape(name)} was not found: run its notebook first.")
    return SavedFigure(png, folder / f"{name}.svg", folder / f"{name}.csv", figure_caption(png))
