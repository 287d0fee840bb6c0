"""Notebook 00, the corpus: validate and load a folder of texts and web pages, describe them.

A corpus folder's ``metadata.csv`` lists UTF-8 text files and web pages (``.html``, ``.htm``,
optionally gzipped); a page is read as the article text trafilatura extracts from it, so for an
HTML document every character offset later in the pipeline indexes that text, not the HTML.

================  ==================================================================================
module            offers
================  ==================================================================================
``validate``      :func:`validate_corpus` (every problem, never raises), :func:`load_corpus` (one
                  row per document, or one :class:`CorpusError` listing every problem; web pages
                  extracted on ``workers``, cached in ``cache_dir``; a Parquet corpus lazily
                  with ``backend="dask"``)
``selection``     :func:`exclude_kinds`, :func:`document_metadata` (every column but the text)
``metadata``      reading ``metadata.csv``: the columns, the header, the rows (commas only)
``parquet``       a folder of ``.parquet`` files as the corpus (no ``metadata.csv``): each row
                  checked with the same messages (:func:`~parquet.load_parquet_corpus`, pandas
                  or lazy Dask; :func:`~parquet.check_parquet`)
``fields``        the fields of one row: doc_id (at most :data:`MAX_DOC_ID_LENGTH` characters),
                  ``published`` (1800 to 2200; after today, a warning), kind, url, sha256
``files``         :func:`read_text`: one text file, UTF-8, with a clear message for anything else
                  (UTF-16 and UTF-32 named, named pipes never read, a text with no words refused)
``dates``         :func:`parse_published`: a day, month, year or START/END range, as a
                  :class:`DateSpan`, from 1800 to 2200
``webpages``      one web page: :func:`~webpages.extract_html`, :func:`~webpages.read_html` (an
                  :class:`~webpages.Extraction`: text, metadata, dropped blocks),
                  :func:`~webpages.article_text` (the text a document holds; imports trafilatura)
``decoding``      the bytes of a page to text (gzip, byte-order mark, charset, detection)
``render``        a page's visible text blocks, and those an extracted text leaves out
``extraction``    the pages of a corpus: extracted once (cache, worker processes), empty metadata
                  filled (:func:`fill_metadata`), :func:`dropped_table` for the audit
``tables``        :func:`~tables.import_table`: a CSV, TSV, JSON Lines or Parquet table of
                  articles to a corpus folder (``newscorpus import``)
``table_read``    reading such a table into numbered rows, every file fault said
``table_rows``    checking its rows: ids, texts, dates, addresses; :func:`~table_rows.safe_name`
``table_dates``   dates in tables (ISO forms, date-times, ``strptime`` formats) to ``published``
``writing``       :func:`~writing.write_corpus`: a corpus folder written whole or not at all
``describe``      :func:`corpus_summary`, :func:`document_lengths`, :func:`timeline_table`,
                  :func:`timeline_counts`, :func:`assign_periods`
``groups``        views that fit the corpus: :func:`per_document`, :func:`document_groups`,
                  :func:`group_sizes`, :func:`example_documents`, :func:`group_label`
``snippets``      a snippet aggregate as many units: :func:`~snippets.analysis_units` (one unit
                  per sentence, dated by the year it states), :func:`~snippets.stated_year`
``synthetic``     :func:`make_corpus`: a corpus of any size from the project's own texts
``charts``        the charts of notebook 00 (imported on its own: it loads matplotlib)
================  ==================================================================================
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
from newscorpus.corpus.extraction import dropped_table
from newscorpus.corpus.files import read_text
from newscorpus.corpus.groups import (
    document_groups,
    example_documents,
    group_label,
    group_sizes,
    per_document,
)
from newscorpus.corpus.selection import document_metadata, exclude_kinds
from newscorpus.corpus.tables import import_table
from newscorpus.corpus.validate import (
    KINDS,
    MAX_DOC_ID_LENGTH,
    METADATA_FILE,
    ValidationReport,
    load_corpus,
    validate_corpus,
)

__all__ = ["KINDS", "MAX_DOC_ID_LENGTH", "METADATA_FILE", "DateSpan", "ValidationReport",
           "assign_periods", "corpus_summary", "document_groups", "document_lengths",
           "document_metadata", "dropped_table", "example_documents", "exclude_kinds",
           "group_label", "group_sizes", "import_table", "load_corpus", "parse_periods",
           "parse_published", "per_document", "read_text", "text_lengths", "timeline_counts",
           "timeline_table", "validate_corpus"]
