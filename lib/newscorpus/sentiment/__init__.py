"""Notebook 03, sentiment: the tone of sentences, around actors and over time; how far to trust it.

================  ==================================================================================
module            offers
================  ==================================================================================
``scorers``       :func:`score_texts`, :func:`score_sentences`, :func:`label`,
                  :func:`describe_methods`: the news scorer, VADER and Pattern, offline
``news_tone``     the news scorer (method ``news``): fitted on rated news sentences when first
                  used, cross-validated, deterministic
``saturation``    :func:`saturation_by_document`: why documents are never scored whole
``summary``       :func:`tally`, :func:`combine_tallies`, :func:`summarize` (bootstrap
                  intervals), :func:`agreement`; :func:`document_tally` and
                  :func:`summary_from_documents` (the same summary from tallies per document)
``validation``    :func:`validate`, :func:`validate_method`, :func:`validation_table`: scores
                  against human ratings
``published``     :func:`published_figures`, :func:`compare_published`: Hutto & Gilbert's figures
``actors``        the actor dictionary: :func:`load_actors`, :class:`Actors`
``actor_tables``  :func:`mentions`, :func:`mention_counts`, :func:`co_mentions`,
                  :func:`actor_tone`
``actor_partials`` :func:`actor_partial`, :func:`actor_tone_from_partials`: the tone around each
                  actor as tallies per document, added up
``passes``        :func:`score_and_write`: every unit scored and the scores written in one pass
                  (local, or part by part on Dask), only aggregates and bounded samples kept
``checks``        argument checks and constants shared by these modules
``charts``        the charts of notebook 03 (imported on its own: it loads matplotlib)
================  ==================================================================================
"""

from newscorpus.sentiment.actor_partials import actor_partial, actor_tone_from_partials
from newscorpus.sentiment.actor_tables import (
    MENTION_COLUMNS,
    actor_sentences,
    actor_tone,
    co_mention_shares,
    co_mentions,
    mention_counts,
    mention_matrix,
    mentions,
)
from newscorpus.sentiment.actors import Actor, Actors, load_actors
from newscorpus.sentiment.checks import LABELS, METHODS, SCORE_COLUMNS, THRESHOLDS, UNIT_KEYS
from newscorpus.sentiment.passes import score_and_write
from newscorpus.sentiment.published import compare_published, published_figures
from newscorpus.sentiment.saturation import cumulative_compound, saturation_by_document
from newscorpus.sentiment.scorers import (
    describe_methods,
    label,
    score_sentences,
    score_texts,
    unit_keys,
)
from newscorpus.sentiment.summary import (
    agreement,
    combine_tallies,
    document_tally,
    summarize,
    summary_from_documents,
    tally,
)
from newscorpus.sentiment.validation import (
    load_ratings,
    validate,
    validate_method,
    validation_files,
    validation_table,
)

__all__ = ["LABELS", "MENTION_COLUMNS", "METHODS", "SCORE_COLUMNS", "THRESHOLDS", "UNIT_KEYS",
           "Actor", "Actors", "actor_partial", "actor_sentences", "actor_tone",
           "actor_tone_from_partials", "agreement", "co_mention_shares", "co_mentions",
           "combine_tallies", "compare_published", "cumulative_compound", "describe_methods",
           "document_tally", "label", "load_actors", "load_ratings", "mention_counts",
           "mention_matrix", "mentions", "published_figures", "saturation_by_document",
           "score_and_write", "score_sentences", "score_texts", "summarize",
           "summary_from_documents", "tally", "unit_keys", "validate", "validate_method",
           "validation_files", "validation_table"]
