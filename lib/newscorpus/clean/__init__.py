"""Notebook 01, cleaning: what of each page is journalism, and where every removed character went.

================  ==================================================================================
module            offers
================  ==================================================================================
``normalize``     :func:`normalize`: Unicode normalisation keeping an :class:`OffsetMap` to the raw
``textview``      :class:`TextView`: text with its lines and a map back to the raw file
``patterns``      what the rules share: :class:`Rule`, phrase lists, byline and date patterns
``line_rules``    rules on whole lines: captions, related lists, menus, tags
``prompt_rules``  the prompt rule: newsletter, paywall, donation, share and consent prompts
``notes_rules``   rules on notes around the story: disclaimers, bios, other stories' headlines
``inline_rules``  rules inside a line: wire codes, citation markers, broken words, gibberish
``page_rules``    rules on where text stands on a page: the article's edges, reader comments,
                  teaser cards
``rules``         :data:`RULES`, every rule in the order cleaning applies them
``pipeline``      :func:`clean_text`, :func:`clean_corpus` (web pages: :data:`PAGE_RULES` only),
                  :func:`select_rules`,
                  :func:`rules_table`: run the rules and record every removal
``segment``       paragraphs, roles, sentences, sentence rules, :func:`token_table`,
                  :func:`select_roles`
``duplicates``    the sentence rule ``duplicates``: repeated sentences and passages
``audit``         tables about a cleaning run: sizes, removals by rule, examples
``passes``        :func:`clean_and_write`: the whole corpus cleaned and its tables written in
                  one pass (local, or partition by partition on Dask), only aggregates kept
``evaluate``      :func:`score_gold_folder`: cleaning scored against the hand-made gold standard
``benchmark``     :func:`benchmark_table`: cleaning scored on the real pages of the article
                  benchmark in ``validation/article-benchmark`` (tuned, untuned, all)
``charts``        the charts of notebook 01 (imported on its own: it loads matplotlib)
================  ==================================================================================
"""

from newscorpus.clean.audit import examples, removal_summary, role_counts, size_table, write_texts
from newscorpus.clean.evaluate import score_gold_folder
from newscorpus.clean.passes import clean_and_write
from newscorpus.clean.pipeline import (
    PAGE_RULES,
    RULE_NAMES,
    CleanText,
    check_rules,
    clean_corpus,
    clean_text,
    rules_table,
    select_rules,
)
from newscorpus.clean.rules import RULES
from newscorpus.clean.segment import ROLES, select_roles, token_table

__all__ = ["PAGE_RULES", "ROLES", "RULES", "RULE_NAMES", "CleanText", "check_rules",
           "clean_and_write", "clean_corpus", "clean_text", "examples", "removal_summary",
           "role_counts", "rules_table", "score_gold_folder", "select_roles", "select_rules",
           "size_table", "token_table", "write_texts"]
