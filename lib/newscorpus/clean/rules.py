"""The cleaning rules: each finds one family of page furniture or noise in news text.

A rule is a function ``find(view) -> list of (start, end)`` over a
:class:`~newscorpus.clean.textview.TextView`; it reports the spans it wants removed and changes
nothing itself. :mod:`newscorpus.clean` runs the rules in the order of :data:`RULES`, removes
what each reports and records every span in the audit. Every rule is written for news pages in
general (wire services, broadcasters, papers, aggregators), and the phrase lists they use are
data files in ``newscorpus/data`` that users can extend.

Line rules look at whole lines and paragraphs; inline rules at spans inside a line; sentence
rules (in :mod:`newscorpus.clean.segment`) at whole sentences.
"""

from __future__ import annotations

from newscorpus.clean.inline_rules import (
    find_broken_words,
    find_citations,
    find_gibberish,
    find_wire_codes,
)
from newscorpus.clean.line_rules import (
    find_captions,
    find_furniture_lines,
    find_menus,
    find_related,
    find_tags,
)
from newscorpus.clean.notes_rules import find_author_bios, find_disclaimers, find_promo_headlines
from newscorpus.clean.page_rules import find_comments, find_page_edges, find_teasers
from newscorpus.clean.patterns import Rule
from newscorpus.clean.prompt_rules import find_prompts

__all__ = ["RULES"]


# --- captions and credits ---------------------------------------------------------------------


# --- prompts: newsletters, subscriptions, paywalls, donations, sharing, consent -------------


# --- related articles, cross-promotion and page furniture -------------------------------------


# --- tags and topics --------------------------------------------------------------------------


# --- disclaimers, credits and author bios -----------------------------------------------------


# --- cross-promotion headlines (by lexical cohesion) ------------------------------------------


# --- inline: wire codes and citation markers --------------------------------------------------


# --- inline: broken words and gibberish -------------------------------------------------------


#: Every rule, in the order cleaning applies them. ``unicode`` runs first, in
#: :func:`newscorpus.clean.normalize.normalize`; ``furniture_sentences`` and ``duplicates`` run
#: last, on sentences, in :mod:`newscorpus.clean.segment`.
RULES: tuple[Rule, ...] = (
    Rule("unicode", "unicode", "NFKC, straight quotes, one dash, one kind of space; invisible "
         "format characters (soft hyphens, zero-width spaces) removed"),
    Rule("captions", "caption", find_captions.__doc__.split("\n")[0], find_captions),
    Rule("prompts", "prompt", "newsletter, subscription, paywall, donation, share, follow and "
         "consent prompts", find_prompts),
    Rule("comments", "comment", "reader comments: the comment section after the article, to "
         "the end of the page", find_comments),
    Rule("tags", "tags", "topic and tag lists with their headings", find_tags),
    Rule("related", "related", "related and recommended article lists, cross-promotion lines, "
         "Read more", find_related),
    Rule("teasers", "related", "teaser cards: another story's headline and its summary cut "
         "short", find_teasers),
    Rule("furniture", "related", "buttons and navigation left on their own line",
         find_furniture_lines),
    Rule("menus", "related", "navigation menus and breadcrumbs: runs of very short lines",
         find_menus),
    Rule("disclaimers", "disclaimer", "author disclaimers, reporting credits, print and "
         "copyright notes", find_disclaimers),
    Rule("author_bios", "disclaimer", "author bios at the end of a piece", find_author_bios),
    Rule("wire_codes", "wire_code", "wire-service story codes such as [nL8N1RO176]",
         find_wire_codes),
    Rule("citations", "citation", "citation markers such as [24], [citation needed], []",
         find_citations),
    Rule("broken_words", "broken_word", "words broken by a stray space (launch ed)",
         find_broken_words),
    Rule("gibberish", "gibberish", "runs of three or more tokens that are not words",
         find_gibberish),
    Rule("promo_headlines", "related", "headlines of other stories, found by their lack of "
         "shared words with the article", find_promo_headlines),
    Rule("page_edges", "related", "the page before the article's head and after its last "
         "paragraph: menus, headlines, widgets, footers", find_page_edges),
    Rule("furniture_sentences", "related", "sentences that are only a button or label "
         "(Published., Share.)"),
    Rule("duplicates", "duplicate", "exact and near-duplicate sentences; the first is kept"),
)
