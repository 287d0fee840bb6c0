"""Motives over a sentence table: evidence rows, one flag per label, and lines of plain text.

:func:`motive_table` runs :func:`~newscorpus.motives.attribute.attribute` on every sentence
and keeps one row per (sentence, label) with its evidence; :func:`motive_flags` turns it into
one row per sentence with a True/False column per label; :func:`label_texts` does the same for
a list of texts (the ``newscorpus motives`` command). Each sentence is read on its own, so a
table can be cut into chunks and the chunks run in worker processes, then concatenated.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from newscorpus.base.checks import check_table, check_text_column, fail
from newscorpus.motives.attribute import attribute
from newscorpus.motives.codebook import LABELS, Codebook, default_codebook
from newscorpus.sentiment.actors import Actors

__all__ = ["EVIDENCE_COLUMNS", "MOTIVE_COLUMNS", "codebook_table", "evidence_table", "label_texts",
           "motive_flags", "motive_table"]

#: The evidence of one label in one sentence (offsets are in the sentence's text).
EVIDENCE_COLUMNS = ["motive", "actor", "actor_start", "actor_end", "cue", "cue_start",
                    "cue_end", "term", "term_start", "term_end", "cue_kind"]

#: The columns of :func:`motive_table`.
MOTIVE_COLUMNS = ["doc_id", "sentence_id", *EVIDENCE_COLUMNS]

_MADE_BY = "newscorpus.clean.clean_corpus (its 'sentences' table)"
_INTS = ["actor_start", "actor_end", "cue_start", "cue_end", "term_start", "term_end"]
_TEXTS = ["motive", "actor", "cue", "term", "cue_kind"]


def motive_table(sentences: pd.DataFrame, *, codebook: Codebook | None = None,
                 actors: Actors | None = None) -> pd.DataFrame:
    """Return one row per (sentence, label) that the sentence attributes to Russia.

    Parameters
    ----------
    sentences : DataFrame
        With columns ``doc_id``, ``sentence_id`` and ``text`` (others are ignored).
    codebook, actors : optional
        The rules and the actor dictionary (default: the packaged ones).

    Returns
    -------
    DataFrame
        :data:`MOTIVE_COLUMNS`, in the order of the sentences, then of :data:`LABELS`.

    Examples
    --------
    >>> table = pd.DataFrame({"doc_id": "a", "sentence_id": [1, 2], "text": [
    ...     "Russia's primary goal in Syria is to support the Assad government.",
    ...     "Russian jets struck rebel positions near Idlib."]})
    >>> motive_table(table)[["sentence_id", "motive", "actor", "cue", "term"]]
       sentence_id           motive     actor      cue              term
    0            1  regime_survival  Russia's  support  Assad government
    """
    check_table(sentences, ["doc_id", "sentence_id", "text"], "sentences", _MADE_BY)
    check_text_column(sentences, "text", "sentences")
    rows = []
    for doc_id, sentence_id, text in zip(sentences["doc_id"], sentences["sentence_id"],
                                         sentences["text"], strict=True):
        for e in attribute(str(text), codebook=codebook, actors=actors):
            rows.append((doc_id, sentence_id, e.motive, e.actor, e.actor_start, e.actor_end,
                         e.cue, e.cue_start, e.cue_end, e.term, e.term_start, e.term_end,
                         e.cue_kind))
    table = pd.DataFrame(rows, columns=MOTIVE_COLUMNS)
    table[_INTS] = table[_INTS].astype("int64")
    table[_TEXTS] = table[_TEXTS].astype("str")  # the same types, whatever the chunk
    if len(table) == 0:
        for column in ("doc_id", "sentence_id"):
            table[column] = table[column].astype(sentences[column].dtype)
    return table


def motive_flags(sentences: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Return one row per sentence: ``doc_id``, ``sentence_id``, a bool per label, ``motives``.

    ``motives`` joins the labels found with ``";"`` in the codebook's order, ``""`` when none.

    Examples
    --------
    >>> sentences = pd.DataFrame({"doc_id": "a", "sentence_id": [1, 2], "text": [
    ...     "Moscow says its campaign targets Islamic State.", "It rained."]})
    >>> motive_flags(sentences, motive_table(sentences))[["sentence_id", "motives"]]
    ... # doctest: +NORMALIZE_WHITESPACE
       sentence_id           motives
    0            1  counterterrorism
    1            2
    """
    check_table(sentences, ["doc_id", "sentence_id"], "sentences", _MADE_BY)
    check_table(table, ["doc_id", "sentence_id", "motive"], "table",
                "newscorpus.motives.motive_table")
    found = set(zip(table["doc_id"], table["sentence_id"], table["motive"], strict=True))
    keys = list(zip(sentences["doc_id"], sentences["sentence_id"], strict=True))
    out = pd.DataFrame({"doc_id": sentences["doc_id"].to_numpy(),
                        "sentence_id": sentences["sentence_id"].to_numpy()})
    for label in LABELS:
        out[label] = [(d, s, label) in found for d, s in keys]
    out["motives"] = [";".join(x for x in LABELS if (d, s, x) in found) for d, s in keys]
    return out


def label_texts(texts: Sequence[str], *, codebook: Codebook | None = None,
                actors: Actors | None = None) -> pd.DataFrame:
    """Label a list of texts, each read as one sentence (the ``newscorpus motives`` command).

    Returns
    -------
    DataFrame
        ``line`` (from 1), ``text``, ``motives`` (as in :func:`motive_flags`) and the
        evidence columns: one row per (line, label), and one row with empty evidence for a
        line with no motive. The labels are those :func:`motive_table` gives.

    Examples
    --------
    >>> label_texts(["Moscow wants a political settlement.", "Talks resumed."])[
    ...     ["line", "motives", "cue", "term"]]  # doctest: +NORMALIZE_WHITESPACE
       line                  motives    cue                  term
    0     1  settlement_on_its_terms  wants  political settlement
    1     2
    """
    if isinstance(texts, str) or not all(isinstance(t, str) for t in texts):
        raise fail("texts", "expected a list of texts (str)", "pass for example "
                   "file.read().splitlines()")
    texts = list(texts)
    sentences = pd.DataFrame({"doc_id": "", "sentence_id": range(1, len(texts) + 1),
                              "text": texts})
    table = motive_table(sentences, codebook=codebook, actors=actors)
    flags = motive_flags(sentences, table)
    lines = pd.DataFrame({"line": sentences["sentence_id"], "text": texts,
                          "motives": flags["motives"]})
    evidence = table.drop(columns="doc_id").rename(columns={"sentence_id": "line"})
    out = lines.merge(evidence, on="line", how="left", sort=False)
    out[_INTS] = out[_INTS].astype("Int64")  # whole numbers, also beside lines without one
    out[EVIDENCE_COLUMNS] = out[EVIDENCE_COLUMNS].astype(object).where(
        out[EVIDENCE_COLUMNS].notna(), "")
    return out.reset_index(drop=True)


def evidence_table(sentences: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Return :func:`motive_table` rows with their sentence: raw offsets, role, labels, text.

    ``start`` and ``end`` are the sentence's character offsets in the raw file (from
    ``sentences``); the evidence offsets (``actor_start`` ...) count in the sentence's text.
    ``motives`` joins every label of the sentence, so each row reads on its own.

    Examples
    --------
    >>> sentences = pd.DataFrame({"doc_id": "a", "sentence_id": [1], "start": [100],
    ...     "end": [148], "text": ["Moscow says its campaign targets Islamic State."]})
    >>> evidence_table(sentences, motive_table(sentences))[["start", "end", "motives", "cue"]]
       start  end           motives   cue
    0    100  148  counterterrorism  says
    """
    check_table(sentences, ["doc_id", "sentence_id", "start", "end", "text"], "sentences",
                _MADE_BY)
    keep = [c for c in ("doc_id", "sentence_id", "role", "start", "end", "unit_id",
                        "unit_year", "text") if c in sentences.columns]
    flags = motive_flags(sentences, table)[["doc_id", "sentence_id", "motives"]]
    out = table.merge(sentences[keep], on=["doc_id", "sentence_id"], how="left", sort=False)
    out = out.merge(flags, on=["doc_id", "sentence_id"], how="left", sort=False)
    first = [c for c in keep if c != "text"] + ["motives"]
    return out[first + EVIDENCE_COLUMNS + ["text"]]


def codebook_table(codebook: Codebook | None = None, *, examples: int = 4) -> pd.DataFrame:
    """The labels of the codebook as a table: label, motive, vocabulary size, example words.

    Examples
    --------
    >>> codebook_table().iloc[0, :2].tolist()
    ['regime_survival', 'Keep Assad or the Syrian state in power.']
    """
    book = codebook or default_codebook()
    return pd.DataFrame([(m.name, m.description, len(m.terms) + len(m.objects),
                          ", ".join(m.terms[:examples])) for m in book.motives],
                        columns=["label", "motive", "words", "for example"])
