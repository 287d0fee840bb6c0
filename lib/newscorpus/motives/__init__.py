"""Motives: which sentences attribute an aim to Russia in Syria, by the codebook, and why.

A sentence gets a label of the codebook (``tests/gold/motives/MOTIVES_CODEBOOK.md``) when, in
one part of it, a Russian actor holds a cue of aim, purpose, support, objection, claim or stake
and a word of the label's vocabulary stands in the cue's scope ("Moscow wants to keep its naval
base"). Every label comes with its evidence: the Russian mention, the cue and the motive word,
with their offsets in the sentence. The rules are data (``data/motives_en.yaml``); the words are
found by the project's one term matcher (:mod:`newscorpus.base.terms`), read in one pass per
sentence: the actors, the function words and the cues together, then, only where Russia holds
a cue, the nine vocabularies together. A sentence without a Russian mention costs a substring
screen and nothing more.

===============  =================================================================================
module           offers
===============  =================================================================================
``codebook``     :data:`LABELS` (the nine, in the codebook's order), :func:`load_codebook` and
                 :class:`Codebook` (the rules file, checked, its matchers compiled once),
                 :func:`default_codebook`
``checks``       the checks of a rules file, section by section, with messages that say how to
                 fix each problem
``screens``      :class:`Screen`: skip sentences where no Russian term can occur;
                 ``Chunks``: a long term list read by several matchers, as one
``clauses``      :func:`read`: a sentence's parts, stretches, mentions, pronouns and groups
``holders``      :func:`~newscorpus.motives.holders.holder`: who holds a cue, and its scope
``attribute``    :func:`attribute`: the labels of one sentence, each with its
                 :class:`Evidence`
``tables``       :func:`motive_table` (one row per sentence and label, with evidence),
                 :func:`motive_flags` (one row per sentence), :func:`label_texts` (plain lines),
                 :func:`evidence_table` (rows with their sentence's raw offsets and text),
                 :func:`codebook_table` (the labels, for reading)
``evaluate``     :func:`load_gold`, :func:`align`, :func:`scores` (precision, recall, F1 per
                 label, micro and any), :func:`cohen_kappa` and :func:`kappa` (two coders)
``validation``   :func:`gold_scores` (each part of the gold standard), :func:`coder_agreement`
                 (kappa per label), :func:`validation_table` (both, one row per label)
``shares``       :func:`unit_groups` (the group of each sentence; a snippet aggregate's
                 snippets left out of a comparison over time by default),
                 :func:`motive_shares` (shares per group, intervals over units),
                 :func:`comparison_note` (which groups are too small to compare),
                 :func:`label_counts`, :func:`documents_to_show`, :func:`side_by_side`;
                 :func:`unit_partial` and :func:`shares_from_units` (the same from one row per
                 unit, the partial aggregate)
``passes``       :func:`label_and_write`: every sentence labelled and the evidence written in
                 one pass (local, or part by part on Dask), only aggregates kept
``charts``       the charts of notebook 04 (imported on its own: it loads matplotlib)
===============  =================================================================================
"""

from newscorpus.motives.attribute import RUSSIA, Evidence, attribute
from newscorpus.motives.clauses import Mention, Reading, read
from newscorpus.motives.codebook import (
    LABELS,
    Codebook,
    CueKind,
    Motive,
    default_codebook,
    default_motives_path,
    load_codebook,
)
from newscorpus.motives.evaluate import align, cohen_kappa, kappa, load_gold, scores
from newscorpus.motives.passes import label_and_write
from newscorpus.motives.screens import Screen
from newscorpus.motives.shares import (
    comparison_note,
    documents_to_show,
    label_counts,
    motive_shares,
    share_label,
    shares_from_units,
    side_by_side,
    unit_groups,
    unit_partial,
)
from newscorpus.motives.tables import (
    EVIDENCE_COLUMNS,
    MOTIVE_COLUMNS,
    codebook_table,
    evidence_table,
    label_texts,
    motive_flags,
    motive_table,
)
from newscorpus.motives.validation import (
    coder_agreement,
    describe_validation,
    gold_scores,
    validation_table,
)

__all__ = ["Codebook", "CueKind", "EVIDENCE_COLUMNS", "Evidence", "LABELS", "MOTIVE_COLUMNS",
           "Mention", "Motive", "RUSSIA", "Reading", "Screen", "align", "attribute",
           "codebook_table", "coder_agreement", "cohen_kappa", "comparison_note",
           "default_codebook", "default_motives_path", "describe_validation", "documents_to_show",
           "evidence_table", "gold_scores", "kappa", "label_and_write", "label_counts",
           "label_texts", "load_codebook", "load_gold", "motive_flags", "motive_shares",
           "motive_table", "read", "scores", "share_label", "shares_from_units", "side_by_side",
           "unit_groups", "unit_partial", "validation_table"]
