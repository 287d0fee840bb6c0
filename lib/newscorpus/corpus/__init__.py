"""Notebook 00, the corpus: validate and load a folder of texts, describe its documents.

==============  ====================================================================================
module          offers
==============  ====================================================================================
``validate``    :func:`validate_corpus` (every problem, never raises), :func:`load_corpus` (one
                row per document, or one :class:`CorpusError` listing every problem),
                :func:`exclude_kinds`; the metadata columns
``files``       :func:`read_text`: one text file, UTF-8, with a clear message for anything else
``dates``       :func:`parse_published`: a day, month, year or START/END range, as a
                :class:`DateSpan`
``describe``    :func:`corpus_summary`, :func:`document_lengths`, :func:`timeline_table`,
                :func:`timeline_counts`, :func:`assign_periods`
``groups``      views that fit the corpus: :func:`per_document`, :func:`document_groups`,
                :func:`group_sizes`, :func:`example_documents`, :func:`group_label`
``synthetic``   :func:`make_corpus`: a corpus of any size from the project's own texts
``charts``      the charts of notebook 00 (imported on its own: it loads matplotlib)
==============  ====================================================================================
"""

from newscorpus.corpus.dates import DateSpan, parse_published
from newscorpus.corpus.describe import (
    assign_periods,
    corpus_summary,
    document_lengths,
    parse_periods,
    text_lengths,
    timeline_counts,
    timeline_table,
)
from newscorpus.corpus.files import read_text
from newscorpus.corpus.groups import (
    document_groups,
    example_documents,
    group_label,
    group_sizes,
    per_document,
)
from newscorpus.corpus.validate import (
    KINDS,
    METADATA_FILE,
    ValidationReport,
    exclude_kinds,
    load_corpus,
    validate_corpus,
)

__all__ = ["KINDS", "METADATA_FILE", "DateSpan", "ValidationReport", "assign_periods",
           "corpus_summary",
           "document_groups", "document_lengths", "example_documents", "exclude_kinds",
           "group_label", "group_sizes", "load_corpus", "parse_periods", "parse_published",
           "per_document", "read_text", "text_lengths", "timeline_counts", "timeline_table",
           "validate_corpus"]
