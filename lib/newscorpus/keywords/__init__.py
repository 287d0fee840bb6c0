"""Notebook 02, keywords: which words the texts use, where, and how they differ between groups.

=================  =================================================================================
module             offers
=================  =================================================================================
``tokens``         :func:`select_tokens` (sentences of chosen roles, document columns attached),
                   :func:`label_terms` (stems shown as their commonest written form, from the
                   tokens or their :func:`form_counts`)
``counts``         :func:`ngrams`, :func:`frequencies`, :func:`top_terms`, :func:`tfidf`,
                   :func:`tfidf_from_counts` (TF-IDF of some documents from corpus counts)
``partials``       term and document frequencies as counts that add up over parts
``passes``         :func:`count_and_write`: notebook 02's one pass over a corpus, local or Dask
``compare``        :func:`keyness`, :func:`keyness_by_group` (log-likelihood G2, log ratio),
                   :func:`top_keyness` (the rows a keyness chart draws),
                   :func:`verify_keyness` (an independent scipy check)
``collocations``   :func:`collocations`: the words that keep company with a node word (or
                   :func:`collocation_counts` of parts, added up, then :func:`score_collocations`)
``concordance``    :func:`kwic` (keywords in context), :func:`dispersion`,
                   :func:`document_spans`, :func:`rates_by_group` (dispersion at scale)
``themes``         the theme dictionary: :func:`load_themes`, :func:`themes_table`
``theme_counts``   :func:`theme_matches`, :func:`theme_sentences`, :func:`theme_shares`,
                   :func:`theme_examples`, :func:`share_matrix`
``keyphrases``     :func:`keyphrases` per document with YAKE
``charts``         the charts of notebook 02 (imported on its own: it loads matplotlib)
=================  =================================================================================

Every count is a sum of per-document counts, so a table can be computed in parts and traced back
to its sentences.
"""

from newscorpus.keywords.collocations import (
    MEASURES,
    add_collocation_counts,
    collocation_counts,
    collocations,
    score_collocations,
)
from newscorpus.keywords.compare import keyness, keyness_by_group, top_keyness, verify_keyness
from newscorpus.keywords.concordance import dispersion, document_spans, kwic, rates_by_group
from newscorpus.keywords.counts import frequencies, ngrams, tfidf, tfidf_from_counts, top_terms
from newscorpus.keywords.keyphrases import keyphrases
from newscorpus.keywords.passes import count_and_write
from newscorpus.keywords.theme_counts import (
    share_matrix,
    theme_examples,
    theme_matches,
    theme_sentences,
    theme_shares,
)
from newscorpus.keywords.themes import Theme, load_themes, themes_table
from newscorpus.keywords.tokens import (
    COLUMNS,
    add_form_counts,
    form_counts,
    label_terms,
    select_tokens,
)

__all__ = ["COLUMNS", "MEASURES", "Theme", "add_collocation_counts", "add_form_counts",
           "collocation_counts", "collocations", "count_and_write", "dispersion",
           "document_spans", "form_counts", "score_collocations", "tfidf_from_counts",
           "frequencies", "keyness", "keyness_by_group", "keyphrases", "kwic", "label_terms",
           "rates_by_group",
           "load_themes", "ngrams", "select_tokens", "share_matrix", "tfidf", "theme_examples",
           "theme_matches", "theme_sentences", "theme_shares", "themes_table", "top_keyness",
           "top_terms", "verify_keyness"]
