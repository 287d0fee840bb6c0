"""The one term matcher: its rule for words, hyphens, case, possessives, wildcards and overlaps.

Every case is a sentence of the kind English news prints, and the expected matches are read
off the sentence by hand.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.base.errors import ParameterError
from newscorpus.base.terms import TermMatcher, in_capitals


def found(terms, text, **options) -> list[tuple[str, str]]:
    """(text as written, term) of each match."""
    matcher = TermMatcher(terms, **options)
    return [(text[a:b], matcher.terms[k]) for a, b, k in matcher.find_text(text)]


@pytest.mark.parametrize("terms,text,expected", [
    # whole words, and the parts of hyphenated words
    (["base"], "The database lists two bases, one based in Latakia.", []),
    (["base"], "Russia's Hmeimim air-base and its naval base.", [("base", "base"),
                                                                  ("base", "base")]),
    (["assad"], "Bashar al-Assad, Al-Assad and Assad's army.", [("Assad", "assad"),
                                                                ("Assad", "assad"),
                                                                ("Assad's", "assad")]),
    # a hyphen or a space in a term stands for either in the text
    (["al-Assad"], "President Bashar al Assad met al-Assad loyalists.",
     [("al Assad", "al-Assad"), ("al-Assad", "al-Assad")]),
    (["naval base"], "a naval-base deal; not a naval, base or naval air base.",
     [("naval-base", "naval base")]),
    # possessives belong to the match, with either apostrophe
    (["Russia"], "Russia's jets, Russia’s bases, Russian troops.", [("Russia's", "Russia"),
                                                                    ("Russia’s", "Russia")]),
    (["Russians"], "The Russians' base.", [("Russians'", "Russians")]),
    # wildcards: only where asked, at the end of a word
    (["negotiat*"], "Negotiations stalled, then Lavrov renegotiated.",
     [("Negotiations", "negotiat*")]),
    (["prop* up"], "Moscow propped up Assad and props up his army; prop it up.",
     [("propped up", "prop* up"), ("props up", "prop* up")]),
])
def test_terms_match_whole_words_hyphen_parts_possessives_and_wildcards(terms, text, expected):
    assert found(terms, text) == expected


def test_a_term_in_capitals_matches_only_in_capitals_and_others_in_any_case():
    text = "The US told us that NATO, Nato and RUSSIA's envoys met."
    assert found(["US", "nato", "Russia"], text) == [("US", "US"), ("NATO", "nato"),
                                                     ("Nato", "nato"), ("RUSSIA's", "Russia")]


def test_abbreviations_keep_their_full_stops_when_the_text_has_them():
    assert found(["U.S."], "The U.S.-led coalition and the U.S. Navy; the US.") == [
        ("U.S.", "U.S."), ("U.S.", "U.S.")]
    assert found(["U.N."], "at the U.N.") == [("U.N.", "U.N.")]


def test_in_a_headline_in_capitals_terms_in_capitals_say_nothing():
    assert found(["IS", "Russia"], "WHAT IS RUSSIA DOING IN SYRIA?") == [("RUSSIA", "Russia")]
    assert found(["IS"], "IS fighters fled Raqqa, the group said.") == [("IS", "IS")]


def test_the_match_starting_first_wins_then_the_longer_one():
    assert found(["Syrian army", "Free Syrian Army"], "The Free Syrian Army fought the Syrian "
                 "army.") == [("Free Syrian Army", "Free Syrian Army"),
                              ("Syrian army", "Syrian army")]
    assert found(["base", "naval base"], "its naval base") == [("naval base", "naval base")]
    assert found(["russia*", "russian"], "Russian") == [("Russian", "russia*")]
    assert found(["russian", "russia*"], "Russian") == [("Russian", "russian")]


def test_a_match_overlapping_an_exclusion_is_dropped():
    text = "The Washington Post said Washington and Israel clashed in the West Bank, not the West."
    assert found(["Washington", "the West"], text, exclude=["Washington Post", "West Bank"]) == [
        ("Washington", "Washington"), ("the West", "the West")]


def test_stems_compare_porter_stems_and_as_is_compares_forms_unchanged():
    text = "Negotiations stalled; Russia negotiated with Turkey."
    assert found(["negotiation"], text, compare="stems") == [
        ("Negotiations", "negotiation"), ("negotiated", "negotiation")]
    m = TermMatcher(["negoti"], compare="as_is")
    assert m.find(["negoti", "stall", "russia", "negoti"]) == [(0, 1, 0), (3, 4, 0)]


def test_in_a_word_list_a_match_inside_a_hyphenated_word_reports_that_word():
    m = TermMatcher(["assad", "naval base"])
    assert m.find(["Bashar", "al-Assad's", "naval", "base"]) == [(1, 2, 0), (2, 4, 1)]


@pytest.mark.parametrize("term,capitals", [("US", True), ("U.S.", True), ("IS", True),
                                           ("Russia", False), ("al-Assad", False),
                                           ("2254", False), ("UN*", True)])
def test_a_term_is_in_capitals_when_every_letter_is_a_capital(term, capitals):
    assert in_capitals(term) is capitals


@pytest.mark.parametrize("terms,message", [
    ([""], "a term is empty"),
    (["*"], "a part with no letter or digit"),
    (["wo*rd"], "a * inside a word"),
    ([3], "is not text"),
    ([], "no term given"),
])
def test_bad_terms_are_refused_naming_the_parameter(terms, message):
    with pytest.raises(ParameterError) as info:
        TermMatcher(terms, parameter="follow_terms")
    assert str(info.value).startswith("parameter 'follow_terms'") and message in str(info.value)


@given(st.text(alphabet="abcUS '’-.\n", max_size=40))
@settings(max_examples=300, deadline=None, derandomize=True)
def test_matches_are_in_order_never_overlap_and_start_and_end_on_word_characters(text):
    m = TermMatcher(["ab", "b ca*", "US", "a-b", "the c", "ba's"])
    spans = m.find_text(text)
    assert all(a < b for a, b, _ in spans)
    assert all(b1 <= a2 for (_, b1, _), (a2, _, _) in zip(spans, spans[1:], strict=False))
    assert all(text[a].isalnum() for a, _, _ in spans)
