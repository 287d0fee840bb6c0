"""Actors: the dictionary's matching rules on real news phrasing, its checks, and the tables built
from mentions (co-mentions counted by hand, tone reusing the sentiment summary)."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus import sentiment
from newscorpus.base.errors import NewsCorpusError, ParameterError

from .test_sentiment import sentence_table


@pytest.fixture(scope="module")
def dictionary() -> sentiment.Actors:
    return sentiment.load_actors()


@pytest.fixture(scope="module")
def sentences() -> pd.DataFrame:
    return sentence_table()


def found(dictionary: sentiment.Actors, text: str) -> list[tuple[str, str]]:
    return [(actor, text[a:b]) for actor, _, a, b in dictionary.find(text)]


US, RU, IS, ASSAD = "United States", "Russia", "Islamic State", "Assad government"

# (sentence, mentions as (actor, text as written)), in the style of the corpus.
MATCHING_CASES = [
    # US: capitals only, whole words
    ("The US and Russia agreed.", [(US, "US"), (RU, "Russia")]),
    ("Let us hope the USA joins.", [(US, "USA")]),
    ("The U.S.-led coalition struck.", [(US, "U.S.")]),
    ("Aid from the U.S.A. arrived.", [(US, "U.S.A.")]),
    # IS: capitals only, not inside ISIS
    ("IS fighters fled, but that is not the end of ISIS.", [(IS, "IS"), (IS, "ISIS")]),
    ("It is what it is.", []),
    # whole words: Iran is not in Iranian unless listed (Iranian is listed), Moscow not in Moscovite
    ("Iranian militias and Iran's Quds Force.", [("Iran", "Iranian"), ("Iran", "Iran's"),
                                                ("Iran", "Quds Force")]),
    ("A Moscovite and a Russianist spoke.", []),
    # possessives with either apostrophe belong to the mention; case-insensitive terms
    ("Russia’s jets and Assad's army; the kremlin denied it.",
     [(RU, "Russia’s"), (ASSAD, "Assad's"), (RU, "kremlin")]),
    ("The Russians' base.", [(RU, "Russians'")]),
    # multi-word terms across white space, hyphen or space
    ("The White\nHouse said al Assad must go.", [(US, "White\nHouse"), (ASSAD, "al Assad")]),
    ("Fighters of Hayat Tahrir al-Sham (HTS) advanced.",
     [("Rebels and opposition", "Hayat Tahrir al-Sham"), ("Rebels and opposition", "HTS")]),
    # overlapping terms: the longer one wins; exclusions drop a match
    ("The Free Syrian Army fought the Syrian army.",
     [("Rebels and opposition", "Free Syrian Army"), (ASSAD, "Syrian army")]),
    ("The Washington Post and The Moscow Times reported it from Washington.",
     [(US, "Washington")]),
    ("Latin American leaders and American officials met.", [(US, "American")]),
    # "opposition" alone is a common noun
    ("There was opposition to the plan from opposition groups.",
     [("Rebels and opposition", "opposition groups")]),
    # a sentence all in capitals: the capital-only terms say nothing there
    ("WHAT IS RUSSIA DOING IN SYRIA?", [(RU, "RUSSIA")]),
    ("Erdoğan and Erdogan, Türkiye and Turkey.", [("Turkey", "Erdoğan"), ("Turkey", "Erdogan"),
                                                  ("Turkey", "Türkiye"), ("Turkey", "Turkey")]),
]


@pytest.mark.parametrize(("text", "expected"), MATCHING_CASES)
def test_matching_rules_on_news_phrasing(dictionary, text, expected):
    assert found(dictionary, text) == expected


def test_a_final_star_allows_any_continuation_of_the_word(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("ru:\n  label: Russia\n  terms: [Russian*]\n", encoding="utf-8")
    mini = sentiment.load_actors(path)
    assert found(mini, "Russian, Russians and Russia.") == [("Russia", "Russian"),
                                                             ("Russia", "Russians")]


def test_the_packaged_dictionary_has_the_agreed_actors(dictionary):
    assert dictionary.labels == (
        "Russia", "United States", "Assad government", "Turkey", "Iran", "Hezbollah", "Israel",
        "Rebels and opposition", "Kurdish forces", "Islamic State")
    table = dictionary.table()
    assert list(table.columns) == ["actor", "key", "terms", "exclude", "note"]
    assert table["note"].str.len().gt(20).all()


def test_mention_offsets_point_into_the_sentence_text(sentences, dictionary):
    found_ = sentiment.mentions(sentences, dictionary)
    assert list(found_.columns) == list(sentiment.MENTION_COLUMNS)
    texts = sentences.set_index(["doc_id", "sentence_id"])["text"]
    for row in found_.itertuples():
        assert texts[(row.doc_id, row.sentence_id)][row.start:row.end] == row.matched
    assert found_["sentence_id"].dtype == sentences["sentence_id"].dtype
    assert {"Russia", "United States", "Assad government"} <= set(found_["actor"])


# --- dictionary checks ------------------------------------------------------------------------


@pytest.mark.parametrize(("content", "expected"), [
    ("a:\n  label: A\n  terms: [Moscow]\nb:\n  label: B\n  terms: [Kremlin, moscow]\n",
     "actor 'b', field 'terms': the term 'moscow' is already listed for actor 'a'"),
    ("a:\n  label: A\n  terms: [Al-Assad]\nb:\n  label: B\n  terms: [al Assad]\n",
     "the term 'al Assad' is already listed for actor 'a' (as 'Al-Assad')"),
    ("a:\n  label: A\n  terms: [Washington]\n  exclude: [washington]\n",
     "field 'exclude': the term 'washington' is already listed"),
    ("a:\n  label: A\n  terms: []\n", "actor 'a', field 'terms': the actor has no terms"),
    ("a:\n  label: A\n", "the actor has no terms"),
    ("nor:\n  label: Norway\n  terms: [NO, Oslo]\n", "the term False is not text"),
    ("no:\n  label: Norway\n  terms: [Oslo]\n", "the key False is not a plain name (YAML read "
                                                  "it as bool)"),
    ("a:\n  label: A\n  terms: [1999]\n", "put it in quotes"),
    ("a:\n  label: A\n  term: [Moscow]\n", "unknown field 'term'"),
    ("a:\n  label: A\n  terms: [Rus*ia]\n", "has a * before its end"),
    ("a:\n  label: A\n  terms: [Moscow\n", "is not valid YAML"),
    ("- Moscow\n- Kremlin\n", "expected a mapping of actors"),
    ("a:\n  label: X\n  terms: [Moscow]\nb:\n  label: X\n  terms: [Ankara]\n",
     "two actors have the label 'X'"),
])
def test_bad_dictionaries_are_refused_saying_where_and_why(tmp_path, content, expected):
    path = tmp_path / "sentiment.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NewsCorpusError) as info:
        sentiment.load_actors(path)
    assert expected in str(info.value)
    assert str(info.value).count("Fix:") == len(info.value.problems)


def test_a_missing_or_binary_dictionary_is_refused(tmp_path):
    with pytest.raises(NewsCorpusError, match="cannot be read"):
        sentiment.load_actors(tmp_path / "none.yaml")
    (tmp_path / "bad.yaml").write_bytes(b"a:\n  label: Caf\xe9\n  terms: [x]\n")
    with pytest.raises(NewsCorpusError, match="not UTF-8"):
        sentiment.load_actors(tmp_path / "bad.yaml")


# --- tables -----------------------------------------------------------------------------------


TABLE = pd.DataFrame({
    "doc_id": ["a", "a", "a", "b", "b"],
    "sentence_id": [1, 2, 3, 1, 2],
    "period": ["2015", "2015", "2015", "2016", "2016"],
    "text": ["Moscow and Ankara signed a deal; Russia praised Turkey.",  # Russia, Turkey
             "Putin thanked Erdogan and Rouhani.",                      # Russia, Turkey, Iran
             "Iran sent troops.",                                       # Iran
             "Nothing happened.",                                       # nobody
             "Russian jets killed 20 people."],                         # Russia
})


def test_actor_sentences_count_each_sentence_once_per_actor():
    pairs = sentiment.actor_sentences(sentiment.mentions(TABLE))
    assert list(pairs.columns) == ["doc_id", "sentence_id", "actor", "n_mentions"]
    first = pairs[(pairs["doc_id"] == "a") & (pairs["sentence_id"] == 1)]
    assert first.set_index("actor")["n_mentions"].to_dict() == {"Russia": 2, "Turkey": 2}
    assert len(pairs) == 2 + 3 + 1 + 1


def test_co_mentions_match_a_hand_count():
    pairs = sentiment.actor_sentences(sentiment.mentions(TABLE))
    table = sentiment.co_mentions(pairs, ["Russia", "Turkey", "Iran", "Israel"])
    # Russia: sentences a1, a2, b2; Turkey: a1, a2; Iran: a2, a3; Israel: none.
    assert table.to_numpy().tolist() == [[3, 2, 1, 0],
                                         [2, 2, 1, 0],
                                         [1, 1, 2, 0],
                                         [0, 0, 0, 0]]
    assert list(table.index) == list(table.columns) == ["Russia", "Turkey", "Iran", "Israel"]
    default = sentiment.co_mentions(pairs)  # by default: most mentioned first
    assert list(default.index) == ["Russia", "Iran", "Turkey"]


def test_actor_tone_is_the_summary_of_the_sentences_that_mention_the_actor():
    scored = sentiment.score_sentences(TABLE)
    pairs = sentiment.actor_sentences(sentiment.mentions(TABLE))
    tone = sentiment.actor_tone(scored, pairs, "period", baseline="all sentences", seed=3)
    assert list(tone.columns) == ["actor", "period", "n", "mean_compound", "ci_low", "ci_high",
                                  "share_negative", "share_neutral", "share_positive"]
    russia = tone[(tone["actor"] == "Russia") & (tone["period"] == "2015")].iloc[0]
    by_hand = scored[(scored["doc_id"] == "a") & scored["sentence_id"].isin([1, 2])]
    assert russia["n"] == 2
    assert russia["mean_compound"] == pytest.approx(by_hand["compound"].mean())
    everything = tone[tone["actor"] == "all sentences"]
    assert everything["n"].tolist() == [3, 2]
    ordered = sentiment.actor_tone(scored, pairs, order=sentiment.load_actors(), n_boot=0)
    assert ordered["actor"].tolist() == ["Russia", "Turkey", "Iran"]


def test_actor_tone_names_a_missing_key_column():
    scored = sentiment.score_sentences(TABLE, unit="sentence").drop(columns="sentence_id")
    pairs = sentiment.actor_sentences(sentiment.mentions(TABLE))
    with pytest.raises(ParameterError, match="no column 'sentence_id'.*unit='sentence'"):
        sentiment.actor_tone(scored, pairs)


def test_paragraphs_can_be_the_units():
    table = TABLE.assign(paragraph=[1, 1, 2, 1, 1], role="body", start=0, end=1)
    scored = sentiment.score_sentences(table, unit="paragraph")
    keys = ("doc_id", "paragraph")
    pairs = sentiment.actor_sentences(sentiment.mentions(scored, keys=keys), keys=keys)
    tone = sentiment.actor_tone(scored, pairs, keys=keys, n_boot=0).set_index("actor")
    assert tone.loc["Russia", "n"] == 2 and tone.loc["Iran", "n"] == 2


def test_a_missing_dictionary_is_a_parameter_error_naming_the_file(tmp_path):
    with pytest.raises(ParameterError, match=r"none\.yaml: the actor dictionary cannot be read "
                                             r"\(No such file or directory\)\. Fix: check the "
                                             r"path"):
        sentiment.load_actors(tmp_path / "none.yaml")


def test_co_mention_shares_divide_each_row_by_the_actors_own_sentences():
    pairs = sentiment.actor_sentences(sentiment.mentions(TABLE))
    counts = sentiment.co_mentions(pairs, ["Russia", "Turkey", "Iran", "Israel"])
    shares = sentiment.co_mention_shares(counts)
    # Russia is named in 3 sentences, 2 of them with Turkey; Iran in 2, 1 of them with Russia.
    assert shares.loc["Russia", "Turkey"] == pytest.approx(2 / 3)
    assert shares.loc["Iran", "Russia"] == pytest.approx(1 / 2)
    assert (shares.loc[["Russia", "Turkey", "Iran"], ["Russia", "Turkey", "Iran"]]
            .to_numpy().diagonal() == 1).all()
    assert shares.loc["Israel"].isna().all()  # never named: no share
    with pytest.raises(ParameterError, match="rows and columns name different actors"):
        sentiment.co_mention_shares(counts.iloc[:2])


def test_mention_counts_count_units_mentions_and_documents():
    pairs = sentiment.actor_sentences(sentiment.mentions(TABLE))
    counts = sentiment.mention_counts(pairs).set_index("actor")
    # Russia: a1 (Moscow, Russia), a2 (Putin), b2 (Russian): 3 sentences, 4 mentions, 2 docs.
    assert counts.loc["Russia"].tolist() == [3, 4, 2]
    assert counts.loc["Turkey"].tolist() == [2, 3, 1]  # a1: Ankara, Turkey; a2: Erdogan
    assert counts.index.tolist() == ["Russia", "Iran", "Turkey"]  # most units first, then name
    every = sentiment.mention_counts(pairs, sentiment.load_actors())
    assert every["actor"].tolist() == list(sentiment.load_actors().labels)
    assert every.set_index("actor").loc["Israel"].tolist() == [0, 0, 0]
