"""Shared ground: what every stage of the collection builds on. Nothing here imports a stage.

=====================  ============================================================================
module                 offers
=====================  ============================================================================
``errors``             :class:`Problem` (where, what, fix) and the errors that carry them
``paths``              :func:`resolve` (parameters to paths, from the project root),
                       :func:`display`, :func:`project_root`, :func:`data_file`
``outputs``            :func:`write_table`, :func:`read_table`, :func:`atomic_path`: files
                       written whole or not at all
``words``              :func:`tokenize`, :data:`WORD_PATTERN`, :func:`stop_words`, :func:`stem`,
                       :func:`is_word`, :func:`english_words`, :func:`written_in_capitals`
``sentences``          :func:`sentence_spans`, :func:`split_sentences` (NLTK Punkt, offline)
``lexicons``           :func:`sentiment_analyzer` (VADER), :func:`pattern_analyzer`,
                       :func:`yake_stop_words`
``vader_fast``         NLTK's VADER finding a text's words in one pass: the same scores, about
                       three times faster
``resources``          :func:`describe`: where every linguistic resource comes from
``terms``              :class:`TermMatcher`: the one way terms are matched in text
``rulefiles``          :func:`read_yaml`: an editable rule file read strictly (no key twice)
``checks``             argument checks that name the parameter (:func:`check_table`, ...)
``stats``              :func:`wilson_interval`, :func:`cluster_bootstrap`
``figures``            :func:`use_style`, :func:`save_figure` (PNG, SVG and CSV, byte for
                       byte, within a pixel budget), :func:`figure_caption`,
                       :func:`nothing_to_draw`, :func:`draw_intervals`, shared chart parts
``show``               :func:`table` (no index, capped rows) and :func:`markdown` (prose written
                       from the data) for notebook pages
``parallel``           :func:`map_chunks`: work in chunks on worker processes, with progress
``dask_backend``       the ``backend``, ``scheduler`` and ``partition_mb`` parameters,
                       :func:`dask_client`, :func:`map_documents` (a function per partition)
``passes``             :func:`dask_pass`: a notebook's costly step over the parts of a corpus,
                       tables written whole or not at all, partial aggregates returned
``notebooks``          :func:`store_form`: an executed notebook as the collection stores it
=====================  ============================================================================

Import from the module that defines a name (``from newscorpus.base.words import tokenize``):
this package re-exports nothing, so importing one module never loads the others.
"""
