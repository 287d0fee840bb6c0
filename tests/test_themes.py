"""The motive dictionary: loading and its errors, matching rules, hand-counted shares."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from newscorpus.base.errors import NewsCorpusError
from newscorpus.base.stats import wilson_interval
from newscorpus.keywords.theme_counts import (
    share_matrix,
    theme_examples,
    theme_matches,
    theme_sentences,
    theme_shares,
)
from newscorpus.keywords.themes import Theme, default_themes_path, load_themes, themes_table

REQUIRED = ["bases", "regime_survival", "counterterrorism", "great_power", "diplomacy",
            "arms_economy"]


def sentences_of(*texts, doc_id="a"):
    return pd.DataFrame({"doc_id": doc_id, "sentence_id": range(1, len(texts) + 1),
                         "text": list(texts)})


def themes_in(text, themes=None):
    found = theme_matches(sentences_of(text), themes)
    return sorted(set(found["theme"]))


# --- the packaged dictionary -------------------------------------------------------------------


def test_the_packaged_dictionary_has_the_six_motives_each_described():
    themes = load_themes()
    assert [t.name for t in themes] == REQUIRED
    for theme in themes:
        assert theme.label and theme.description.endswith(".") and len(theme.terms) >= 10
    table = themes_table()
    assert list(table.columns) == ["theme", "label", "description", "terms", "exclude"]
    assert "tartus" in table.loc[0, "terms"]


def test_the_packaged_file_explains_its_format_and_its_status():
    header = default_themes_path().read_text(encoding="utf-8").split("\nthemes:")[0]
    assert "interpretive instrument" in header
    for rule in ("whole words only", "trailing *", "possessive", "exclude"):
        assert rule in header


@pytest.mark.parametrize("text,expected", [
    ("Russia will keep its naval base at Tartus and the Hmeimim air base.", ["bases"]),
    ("A warm-water port on the Mediterranean has long been a Russian goal.", ["bases"]),
    ("Moscow intervened to prop up Bashar al-Assad and keep him in power.",
     ["regime_survival"]),
    ("The Kremlin feared the regime's collapse would hand Damascus to rebels.",
     ["regime_survival"]),
    ("Russia says its jets strike terrorists of the Islamic State and other jihadists.",
     ["counterterrorism"]),
    ("Putin wants to restore Russia's status as a great power and stand up to the West.",
     ["great_power"]),
    ("Moscow challenged NATO and the United States for influence in the Middle East.",
     ["great_power"]),
    ("Talks in Astana and Geneva produced a ceasefire but no political settlement.",
     ["diplomacy"]),
    ("Arms sales, energy deals and reconstruction contracts are at stake.", ["arms_economy"]),
    ("Israeli settlers in the West Bank clashed with police.", []),
    ("The chemical weapons attack in Douma drew US strikes.", []),  # the US alone: no rivalry
    ("Militants shelled the database of the agency.", ["counterterrorism"]),
    ("He told us the meeting was over.", []),
])
def test_realistic_sentences_mention_the_expected_themes(text, expected):
    assert themes_in(text) == expected


# --- matching rules ----------------------------------------------------------------------------

BASES = Theme("bases", "Bases", "Military bases.", ("base", "naval base*", "tartus"),
              exclude=("power base",))
WEST = Theme("west", "The West", "Rivalry with the West.", ("the west", "western", "US"),
             exclude=("west bank", "the west of"))


def test_base_matches_whole_words_only():
    found = theme_matches(sentences_of("A database, a base, a Base, two bases, a basement."),
                          [BASES])
    assert found["match"].tolist() == ["base", "Base"]


def test_a_phrase_wins_over_its_word_and_a_wildcard_takes_endings():
    found = theme_matches(sentences_of("Naval bases and the naval base at Tartus."), [BASES])
    assert found[["term", "match"]].values.tolist() == [
        ["naval base*", "Naval bases"], ["naval base*", "naval base"], ["tartus", "Tartus"]]


def test_an_exclusion_removes_only_the_matches_it_overlaps():
    found = theme_matches(sentences_of("Putin's power base is not the base at Tartus."),
                          [BASES])
    assert found["match"].tolist() == ["base", "Tartus"]


@pytest.mark.parametrize("text,matches", [
    ("Russia and the West disagree.", ["the West"]),
    ("THE WEST is divided.", ["THE WEST"]),
    ("The West's sanctions bite.", ["The West's"]),
    ("Settlers in the West Bank.", []),
    ("Rebels in the west of Aleppo.", []),
    ("Western powers and the US, but not us.", ["Western", "US"]),
])
def test_the_west_matches_case_insensitively_but_not_the_west_bank(text, matches):
    assert theme_matches(sentences_of(text), [WEST])["match"].tolist() == matches


def test_match_offsets_point_into_the_sentence_text():
    texts = ("Russia's naval base at Tartus matters.", "The West, said the US, objects.")
    found = theme_matches(sentences_of(*texts), [BASES, WEST])
    assert list(found.columns) == ["doc_id", "sentence_id", "theme", "term", "match", "start",
                                   "end"]
    for row in found.itertuples():
        assert texts[row.sentence_id - 1][row.start:row.end] == row.match


def test_the_same_words_may_count_for_two_themes():
    other = Theme("navy", "Navy", "The navy.", ("naval",))
    found = theme_matches(sentences_of("The naval base."), [BASES, other])
    assert found[["theme", "match"]].values.tolist() == [["bases", "naval base"],
                                                         ["navy", "naval"]]


# --- sentences and shares, counted by hand -----------------------------------------------------

CORPUS = pd.concat([
    sentences_of("Russia keeps a naval base.",          # bases
                 "The West objects.",                    # west
                 "The base faces the West.",             # bases, west
                 "Nothing here.", doc_id="a"),           # -
    sentences_of("A database crashed.",                  # - (not "base")
                 "The West Bank is calm.", doc_id="b"),  # - (excluded)
]).assign(role="body")
KIND = pd.DataFrame({"doc_id": ["a", "b"], "kind": ["article", "snippet"]})


def test_theme_sentences_flag_each_sentence_by_hand():
    flags = theme_sentences(CORPUS, [BASES, WEST])
    assert list(flags.columns) == ["doc_id", "sentence_id", "role", "bases", "west"]
    assert flags[["bases", "west"]].values.tolist() == [
        [True, False], [False, True], [True, True], [False, False],
        [False, False], [False, False]]
    assert flags.attrs["themes"] == ["bases", "west"]


def test_theme_shares_per_document_are_hand_counts():
    shares = theme_shares(theme_sentences(CORPUS, [BASES, WEST]), by="doc_id")
    assert list(shares.columns) == ["doc_id", "theme", "sentences", "matched", "share",
                                    "ci_low", "ci_high"]
    assert shares.iloc[:, :5].values.tolist() == [
        ["a", "bases", 4, 2, 0.5], ["a", "west", 4, 2, 0.5],
        ["b", "bases", 2, 0, 0.0], ["b", "west", 2, 0, 0.0]]


def test_shares_of_a_group_are_sums_of_the_document_counts():
    flags = theme_sentences(CORPUS, [BASES, WEST]).merge(KIND, on="doc_id")
    per_doc = theme_shares(flags, by=["kind", "doc_id"], themes=[BASES, WEST])
    summed = per_doc.groupby(["kind", "theme"])[["sentences", "matched"]].sum()
    direct = theme_shares(flags, by="kind", themes=[BASES, WEST]).set_index(["kind", "theme"])
    assert summed.to_dict() == direct[["sentences", "matched"]].to_dict()
    assert (direct["share"] == direct["matched"] / direct["sentences"]).all()


def test_precomputed_matches_give_the_same_flags():
    matches = theme_matches(CORPUS, [BASES, WEST])
    pd.testing.assert_frame_equal(theme_sentences(CORPUS, [BASES, WEST], matches=matches),
                                  theme_sentences(CORPUS, [BASES, WEST]))


def test_shares_by_role_use_the_columns_carried_from_the_sentence_table():
    shares = theme_shares(theme_sentences(CORPUS, [BASES, WEST]), by="role")
    assert shares[["role", "theme", "matched"]].values.tolist() == [
        ["body", "bases", 2], ["body", "west", 2]]


def test_a_sentence_column_named_like_a_theme_is_refused():
    with pytest.raises(NewsCorpusError, match="parameter 'sentences': .* theme 'west'"):
        theme_sentences(CORPUS.assign(west=1), [BASES, WEST])


def test_shares_without_theme_columns_are_refused():
    with pytest.raises(NewsCorpusError, match="parameter 'themes': no theme column found"):
        theme_shares(CORPUS.drop(columns="text"), by="doc_id")


# --- loading errors ----------------------------------------------------------------------------

GOOD = """\
themes:
  bases:
    label: Bases
    description: Military bases.
    terms: [base, naval base*]
"""


def load_text(tmp_path, text):
    path = tmp_path / "themes.yaml"
    path.write_text(text, encoding="utf-8")
    return load_themes(path)


def test_a_user_dictionary_loads_in_file_order(tmp_path):
    themes = load_text(tmp_path, GOOD + "  navy:\n    label: Navy\n    description: Ships.\n"
                       "    terms: [fleet]\n    exclude: [fleet street]\n")
    assert [t.name for t in themes] == ["bases", "navy"]
    assert themes[1].exclude == ("fleet street",)


@pytest.mark.parametrize("text,message", [
    ("themes: [", "is not valid YAML"),
    ("- a\n- b\n", "has no 'themes:' mapping"),
    (GOOD + "  bases:\n    label: B\n    description: B.\n    terms: [b]\n",
     "line 6: the file is not valid YAML: the key 'bases' is given twice"),
    (GOOD.replace("terms: [base, naval base*]", "terms: []"),
     "theme 'bases', field 'terms': 'terms' should be a list of words or phrases, found nothing"),
    (GOOD.replace("    terms: [base, naval base*]\n", ""), "found nothing"),
    (GOOD.replace("naval base*", "2254"), "item 2 is 2254 (int), not text"),
    (GOOD.replace("naval base*", "yes"), "item 2 is True (bool), not text"),
    (GOOD.replace("naval base*", "''"), "item 2: a term is empty"),
    (GOOD.replace("naval base*", "ba*se"), "item 2: the term 'ba*se' has a * inside a word"),
    (GOOD.replace("naval base*", "base"), "item 2, 'base', is listed twice"),
    (GOOD.replace("terms:", "term:"), "unknown field 'term'"),
    (GOOD.replace("  bases:", "  Bases:"), "theme 'Bases': the theme name is not lower-case"),
    (GOOD.replace("    label: Bases\n", ""), "field 'label': the theme has no label"),
    (GOOD.replace("    terms:", "    exclude: base\n    terms:"),
     "'exclude' should be a list of words or phrases, found str"),
])
def test_a_bad_dictionary_is_refused_with_the_place_and_a_fix(tmp_path, text, message):
    with pytest.raises(NewsCorpusError) as info:
        load_text(tmp_path, text)
    assert message in str(info.value)
    assert "themes.yaml" in str(info.value) and "Fix:" in str(info.value)
    assert "Traceback" not in str(info.value)


def test_a_missing_dictionary_is_named(tmp_path):
    with pytest.raises(NewsCorpusError, match="themes.yaml: the theme dictionary does not exist"):
        load_themes(tmp_path / "themes.yaml")


def test_every_problem_of_a_dictionary_is_reported_at_once(tmp_path):
    text = GOOD.replace("naval base*", "''") + "  navy:\n    label: Navy\n    terms: [fleet]\n"
    with pytest.raises(NewsCorpusError) as info:
        load_text(tmp_path, text)
    assert len(info.value.problems) == 2


def test_theme_examples_give_the_first_matched_sentences_with_their_words():
    matches = theme_matches(CORPUS, [BASES, WEST])
    examples = theme_examples(matches, CORPUS, k=1)
    assert examples[["theme", "doc_id", "sentence_id", "matched", "text"]].values.tolist() == [
        ["bases", "a", 1, "naval base", "Russia keeps a naval base."],
        ["west", "a", 2, "The West", "The West objects."]]
    both = theme_examples(matches, CORPUS, k=5)
    assert both.loc[both["theme"] == "bases", "sentence_id"].tolist() == [1, 3]


def test_share_matrix_puts_themes_in_rows_and_groups_in_columns():
    shares = theme_shares(theme_sentences(CORPUS, [BASES, WEST]).merge(KIND), by="kind")
    share, matched = share_matrix(shares, "kind", [BASES, WEST])
    assert share.index.tolist() == ["Bases", "The West"]
    assert share.columns.tolist() == ["article", "snippet"]
    assert share.values.tolist() == [[0.5, 0.0], [0.5, 0.0]]
    assert matched.values.tolist() == [[2, 0], [2, 0]]


def test_wilson_intervals_match_the_formula_worked_by_hand():
    # 2 of 4, z = 1.959964, z^2 = 3.841459: centre = (0.5 + z^2/8) / (1 + z^2/4) = 0.5,
    # half = z sqrt(0.25/4 + z^2/64) / (1 + z^2/4) = 1.959964 * 0.350032 / 1.960365 = 0.349961
    low, high = wilson_interval([2], [4])
    assert low[0] == pytest.approx(0.5 - 0.349961, abs=1e-6)
    assert high[0] == pytest.approx(0.5 + 0.349961, abs=1e-6)
    from scipy.stats import binomtest

    for k, n in ((0, 50), (7, 50), (50, 50)):
        ci = binomtest(k, n).proportion_ci(method="wilson")
        got = wilson_interval([k], [n])
        assert (got[0][0], got[1][0]) == pytest.approx((ci.low, ci.high), abs=1e-12)
    shares = theme_shares(theme_sentences(CORPUS, [BASES, WEST]), by="doc_id")
    assert (shares["ci_low"] <= shares["share"]).all()
    assert (shares["share"] <= shares["ci_high"]).all()
    empty_low, empty_high = wilson_interval([0], [0])
    assert np.isnan(empty_low[0]) and np.isnan(empty_high[0])
