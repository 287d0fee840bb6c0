"""Counting words: n-grams, frequencies, TF-IDF and YAKE keyphrases.

The tiny corpus below is counted by hand in the comments; TF-IDF is checked against
scikit-learn's own ``TfidfVectorizer`` run on the raw texts.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.base.errors import NewsCorpusError, ParameterError
from newscorpus.base.lexicons import yake_stop_words
from newscorpus.base.words import stop_words, tokenize
from newscorpus.clean.segment import token_table
from newscorpus.keywords.counts import frequencies, ngrams, tfidf, top_terms
from newscorpus.keywords.keyphrases import keyphrases
from newscorpus.keywords.tokens import label_terms, select_tokens

# Stop words (scikit-learn's list) in these sentences: a, in, the, to, and, about.
SENTENCES = pd.DataFrame({
    "doc_id": ["a", "a", "b", "c"],
    "sentence_id": [1, 2, 1, 1],
    "text": [
        "Russia wants a naval base in Syria.",             # 7 words, 5 counted
        "The base gives Russia access to the sea.",        # 8 words, 5 counted
        "Russia and the West talk about peace in Syria.",  # 9 words, 5 counted
        "Peace talks failed, and the West blamed Russia.",  # 8 words, 6 counted
    ],
})
KINDS = pd.DataFrame({"doc_id": ["a", "b", "c"], "kind": ["article", "snippet", "snippet"]})


@pytest.fixture(scope="module")
def tokens():
    table = token_table(SENTENCES, stem=False)  # term = lower-cased word
    return table.merge(KINDS, on="doc_id")


def as_dict(freq, *keys):
    return {tuple(row[k] for k in keys): row["count"] for _, row in freq.iterrows()}


# --- n-grams -----------------------------------------------------------------------------------


def test_unigrams_drop_stop_words_and_keep_reading_order(tokens):
    grams = ngrams(tokens[tokens["doc_id"] == "a"])
    assert grams["term"].tolist() == ["russia", "wants", "naval", "base", "syria",
                                      "base", "gives", "russia", "access", "sea"]
    assert grams["sentence_id"].tolist() == [1] * 5 + [2] * 5
    assert list(grams.columns) == ["doc_id", "sentence_id", "n", "term"]


def test_bigrams_are_formed_after_dropping_stop_words_and_never_across_sentences(tokens):
    grams = ngrams(tokens[tokens["doc_id"] == "a"], n=(2, 2))
    # "a naval" and "in syria" vanish with their stop words; "naval base" survives, and
    # "base syria" joins across the dropped "in"; "syria base" would cross sentences.
    assert grams["term"].tolist() == ["russia wants", "wants naval", "naval base", "base syria",
                                      "base gives", "gives russia", "russia access",
                                      "access sea"]
    assert "syria base" not in set(grams["term"])


def test_bigrams_with_stop_words_kept_join_adjacent_words(tokens):
    grams = ngrams(tokens[tokens["doc_id"] == "a"], n=2, drop_stop=False)
    assert grams["term"].tolist()[:4] == ["russia wants", "wants a", "a naval", "naval base"]
    assert len(grams) == (7 - 1) + (8 - 1)


def test_ngram_ranges_list_each_size_within_a_sentence(tokens):
    grams = ngrams(tokens[tokens["doc_id"] == "b"], n=(1, 3))
    # 5 counted words: 5 unigrams, 4 bigrams, 3 trigrams
    assert grams.groupby("n").size().to_dict() == {1: 5, 2: 4, 3: 3}
    assert "west talk peace" in set(grams["term"])


def test_ngrams_of_another_column_use_that_form(tokens):
    stems = token_table(SENTENCES[SENTENCES["doc_id"] == "c"])
    assert ngrams(stems, column="stem")["term"].tolist() == [
        "peac", "talk", "fail", "west", "blame", "russia"]
    assert ngrams(stems, column="token")["term"].tolist()[0] == "Peace"


# --- frequencies -------------------------------------------------------------------------------


def test_frequencies_per_document_match_a_hand_count(tokens):
    freq = frequencies(tokens)
    assert list(freq.columns) == ["doc_id", "term", "count", "words", "per_10k", "rank"]
    doc_a = freq[freq["doc_id"] == "a"]
    # a: russia 2, base 2, then access, gives, naval, sea, syria, wants once each (a-z)
    assert doc_a["term"].tolist() == ["base", "russia", "access", "gives", "naval", "sea",
                                      "syria", "wants"]
    assert doc_a["count"].tolist() == [2, 2, 1, 1, 1, 1, 1, 1]
    assert doc_a["rank"].tolist() == list(range(1, 9))
    assert set(doc_a["words"]) == {15}  # 7 + 8 words, stop words included
    assert as_dict(freq[freq["doc_id"] == "c"], "term") == {
        ("blamed",): 1, ("failed",): 1, ("peace",): 1, ("russia",): 1, ("talks",): 1,
        ("west",): 1}


def test_per_10k_divides_by_all_words_of_the_group(tokens):
    freq = frequencies(tokens)
    row = freq[(freq["doc_id"] == "a") & (freq["term"] == "russia")].iloc[0]
    assert row["per_10k"] == pytest.approx(2 / 15 * 10_000)  # 1333.33
    row = freq[(freq["doc_id"] == "c") & (freq["term"] == "west")].iloc[0]
    assert row["per_10k"] == pytest.approx(1 / 8 * 10_000)


def test_frequencies_by_kind_match_a_hand_count(tokens):
    freq = frequencies(tokens, by=("kind",))
    snippet = freq[freq["kind"] == "snippet"]
    # b + c: peace 2, russia 2, west 2; blamed, failed, syria, talk, talks once; 9 + 8 words
    assert snippet["term"].tolist()[:3] == ["peace", "russia", "west"]
    assert snippet["count"].tolist() == [2, 2, 2, 1, 1, 1, 1, 1]
    assert set(snippet["words"]) == {17}


def test_counting_per_document_then_summing_equals_counting_per_group(tokens):
    per_doc = frequencies(tokens, by=("doc_id", "kind"))
    summed = per_doc.groupby(["kind", "term"])["count"].sum()
    words = per_doc.drop_duplicates("doc_id").groupby("kind")["words"].sum()
    direct = frequencies(tokens, by="kind").set_index(["kind", "term"])
    assert summed.sort_index().to_dict() == direct["count"].sort_index().to_dict()
    assert words.to_dict() == direct.groupby("kind")["words"].first().to_dict()


def test_bigram_frequencies_still_divide_by_words(tokens):
    freq = frequencies(tokens, by="doc_id", n=(2, 2))
    row = freq[freq["term"] == "naval base"].iloc[0]
    assert (row["count"], row["words"]) == (1, 15)


WORDS = st.lists(st.tuples(st.sampled_from(["a", "b"]), st.integers(1, 3),
                           st.sampled_from(["russia", "the", "base", "and", "syria"])),
                 min_size=1, max_size=40)


@given(WORDS)
@settings(max_examples=60, deadline=None)
def test_unigram_counts_sum_to_the_words_that_are_not_stop_words(rows):
    stops = stop_words()
    table = pd.DataFrame(rows, columns=["doc_id", "sentence_id", "term"])
    table["position"] = range(len(table))
    table["stop"] = table["term"].isin(stops)
    freq = frequencies(table)
    for doc_id, group in table.groupby("doc_id"):
        counted = freq[freq["doc_id"] == doc_id]
        assert counted["count"].sum() == (~group["stop"]).sum()
        assert set(counted["words"]) <= {len(group)}


def test_top_terms_keeps_k_per_group_with_ties_broken_by_term(tokens):
    top = top_terms(frequencies(tokens), by="doc_id", k=3)
    assert top.groupby("doc_id")["term"].apply(list).to_dict() == {
        "a": ["base", "russia", "access"],
        "b": ["peace", "russia", "syria"],
        "c": ["blamed", "failed", "peace"]}


# --- TF-IDF ------------------------------------------------------------------------------------


def sklearn_tfidf(texts, **options):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(tokenizer=tokenize, lowercase=True,
                                 stop_words=sorted(stop_words()), token_pattern=None,
                                 **options)
    matrix = vectorizer.fit_transform(list(texts.values()))
    return {(doc, term): matrix[i, j] for i, doc in enumerate(texts)
            for term, j in vectorizer.vocabulary_.items() if matrix[i, j]}


@pytest.mark.parametrize("options", [{}, {"sublinear_tf": True, "norm": "l1"},
                                     {"smooth_idf": False}, {"use_idf": False, "norm": None}])
def test_tfidf_equals_scikit_learn_on_the_raw_texts(tokens, options):
    texts = SENTENCES.groupby("doc_id")["text"].apply(" ".join).to_dict()
    expected = sklearn_tfidf(texts, **options)
    table = tfidf(tokens, column="lower", **options)
    got = {(r.doc_id, r.term): r.tfidf for r in table.itertuples()}
    assert got.keys() == expected.keys()
    assert all(got[k] == pytest.approx(expected[k], abs=1e-12) for k in expected)


def test_tfidf_bigrams_equal_scikit_learn_on_one_sentence_documents(tokens):
    # scikit-learn forms n-grams across sentences; with one sentence per document it cannot.
    one = tokens[tokens["doc_id"].isin(["b", "c"])]
    texts = SENTENCES[SENTENCES["doc_id"].isin(["b", "c"])].set_index("doc_id")["text"].to_dict()
    expected = sklearn_tfidf(texts, ngram_range=(1, 2))
    got = {(r.doc_id, r.term): r.tfidf for r in tfidf(one, n=(1, 2), column="lower")
           .itertuples()}
    assert got.keys() == expected.keys()
    assert all(got[k] == pytest.approx(expected[k], abs=1e-12) for k in expected)


def test_tfidf_counts_equal_the_frequency_table(tokens):
    weights = tfidf(tokens).set_index(["doc_id", "term"])["count"].sort_index()
    counts = frequencies(tokens).set_index(["doc_id", "term"])["count"].sort_index()
    assert weights.to_dict() == counts.to_dict()


def test_tfidf_ranks_within_each_document_by_weight(tokens):
    table = tfidf(tokens)
    assert list(table.columns) == ["doc_id", "term", "count", "tfidf", "rank"]
    for _, group in table.groupby("doc_id"):
        assert group["tfidf"].is_monotonic_decreasing
        assert group["rank"].tolist() == list(range(1, len(group) + 1))
    # "russia" is in every document, so it weighs least in c, where all counts are 1
    c = table[table["doc_id"] == "c"]
    assert c["term"].iloc[-1] == "russia"


def test_tfidf_by_another_column_treats_each_group_as_a_document(tokens):
    table = tfidf(tokens, by="kind")
    assert set(table["kind"]) == {"article", "snippet"}
    assert table.loc[(table["kind"] == "snippet") & (table["term"] == "peace"), "count"].item() == 2


# --- YAKE keyphrases ---------------------------------------------------------------------------

TEXT = ("Russia wants to keep its naval base at Tartus on the Mediterranean. The naval base "
        "at Tartus is Russia's only port in the Mediterranean. Moscow also keeps an air base "
        "at Hmeimim. Analysts say the bases give Russia influence in the Middle East.")


def test_keyphrases_are_deterministic_and_typed():
    first = keyphrases({"x": TEXT, "y": SENTENCES["text"].iloc[2]}, top=5)
    second = keyphrases({"x": TEXT, "y": SENTENCES["text"].iloc[2]}, top=5)
    pd.testing.assert_frame_equal(first, second)
    assert list(first.columns) == ["doc_id", "rank", "phrase", "score"]
    assert first["rank"].dtype == "int64" and first["score"].dtype == "float64"
    assert all(type(s) is float for s in first["score"].tolist())
    for _, group in first.groupby("doc_id"):
        assert group["rank"].tolist() == list(range(1, len(group) + 1))
        assert group["score"].is_monotonic_increasing  # lower is better
        assert len(group) <= 5


def test_keyphrases_find_the_repeated_phrase_and_round_scores():
    table = keyphrases({"x": TEXT}, top=10)
    assert "naval base" in [p.lower() for p in table["phrase"]]
    assert all(s == float(f"{s:.6g}") for s in table["score"])


def test_keyphrases_of_a_sentence_table_join_each_document_in_order():
    table = keyphrases(SENTENCES, top=3)
    assert table["doc_id"].unique().tolist() == ["a", "b", "c"]
    joined = keyphrases({"a": "Russia wants a naval base in Syria. The base gives Russia "
                              "access to the sea."}, top=3)
    pd.testing.assert_frame_equal(table[table["doc_id"] == "a"].reset_index(drop=True), joined)


def test_keyphrases_of_an_empty_text_are_none():
    assert keyphrases({"empty": "  "}).empty


def test_keyphrases_use_yake_stop_words_plus_extras():
    words = yake_stop_words(extra=["Russia"])
    assert {"says", "the", "russia"} <= words
    table = keyphrases({"x": TEXT}, top=10, extra_stop_words=["russia"])
    assert not any(p.lower() == "russia" for p in table["phrase"])


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize("call,parameter", [
    (lambda t: ngrams(t, n=(2, 1)), "n"),
    (lambda t: ngrams(t, n=0), "n"),
    (lambda t: ngrams(t, n=(1.0, 2)), "n"),
    (lambda t: ngrams(t, column="lemma"), "column"),
    (lambda t: frequencies(t, by="period"), "by"),
    (lambda t: frequencies(t.drop(columns="stop")), "tokens"),
    (lambda t: frequencies(t.assign(stop=t["stop"].astype(str))), "tokens"),
    (lambda t: frequencies(t.assign(term=None)), "tokens"),
    (lambda t: frequencies("tokens.csv"), "tokens"),
    (lambda t: top_terms(frequencies(t), k=0), "k"),
    (lambda t: tfidf(t, norm="l3"), "norm"),
    (lambda t: tfidf(t, by=["doc_id", "kind"]), "by"),
    (lambda t: keyphrases({"x": TEXT}, language="xx"), "language"),
    (lambda t: keyphrases({"x": TEXT}, dedup=0), "dedup"),
    (lambda t: keyphrases({"x": 3}), "texts"),
])
def test_bad_parameters_are_refused_with_a_message_naming_them(tokens, call, parameter):
    with pytest.raises(ParameterError) as info:
        call(tokens)
    message = str(info.value)
    assert message.startswith(f"parameter '{parameter}'")
    assert "Fix:" in message and "Traceback" not in message
    assert isinstance(info.value, NewsCorpusError)


def test_an_unknown_group_column_is_named_with_the_columns_available(tokens):
    with pytest.raises(ParameterError, match=r"no column 'period' to group by \(it has doc_id,"):
        frequencies(tokens, by=("period",))


def test_missing_words_point_to_read_table(tokens):
    with pytest.raises(ParameterError, match="read_table"):
        frequencies(tokens.assign(term=tokens["term"].where(tokens["term"] != "sea")))


def test_an_empty_token_table_gives_an_empty_frequency_table(tokens):
    freq = frequencies(tokens.iloc[:0])
    assert freq.empty and list(freq.columns) == ["doc_id", "term", "count", "words", "per_10k",
                                                 "rank"]


# --- choosing tokens and labelling stems ----------------------------------------------------------


def test_select_tokens_keeps_the_chosen_sentences_and_attaches_document_columns():
    table = token_table(SENTENCES)
    kept = select_tokens(table, SENTENCES.iloc[[1, 3]], documents=KINDS, attach="kind")
    assert kept["lower"].tolist() == ["the", "base", "gives", "russia", "access", "to", "the",
                                      "sea", "peace", "talks", "failed", "and", "the", "west",
                                      "blamed", "russia"]
    assert kept.groupby("doc_id")["kind"].first().to_dict() == {"a": "article", "c": "snippet"}


def test_select_tokens_flags_extra_stop_words_in_any_case():
    kept = select_tokens(token_table(SENTENCES), SENTENCES, extra_stop_words=["RUSSIA", " "])
    assert kept.loc[kept["lower"] == "russia", "stop"].all()
    assert kept["stop"].sum() == token_table(SENTENCES)["stop"].sum() + 4  # russia, 4 times


def test_select_tokens_names_a_missing_document_column_and_lists_the_others():
    with pytest.raises(ParameterError, match="parameter 'group_by': the documents have no "
                       "column 'outlet'. Fix: use one of kind"):
        select_tokens(token_table(SENTENCES), SENTENCES, documents=KINDS, attach="outlet")


def test_select_tokens_refuses_a_document_without_metadata():
    with pytest.raises(ParameterError, match="no row for document.*c"):
        select_tokens(token_table(SENTENCES), SENTENCES, documents=KINDS.iloc[:2],
                      attach="kind")


def test_stems_are_labelled_by_their_most_frequent_counted_form():
    sentences = pd.DataFrame({"doc_id": "a", "sentence_id": [1, 2, 3], "text": [
        "Militaries and the military's bases.", "The military bases.",
        "The US told us that U.S. forces would stay."]})
    tokens = token_table(sentences)
    freq = frequencies(tokens, n=(1, 2))
    labels = dict(label_terms(freq, tokens)[["term", "label"]].itertuples(index=False))
    # militari: military (2: "military's" counts as military) over militaries (1)
    assert labels["militari"] == "military" and labels["base"] == "bases"
    assert labels["militari base"] == "military bases"
    # "us" is counted twice (US, U.S); the pronoun "us", a stop word, does not name it
    assert labels["us"] == "u.s" and freq.set_index("term").loc["us", "count"] == 2


# --- names as one term: Arabic articles, possessives, abbreviations --------------------------

REAL = [  # sentences as the news writes them (seeds and wire copy)
    "Moscow will continue to back the campaign to restore all of Syria to control by Bashar "
    "al-Assad's central government.",
    "Al-Assad told state television the army would retake Aleppo.",
    "Russia has been Assad's most important ally since 2015.",
    "Assad met Putin in Sochi, the U.S. and the U.N. said, while Egypt's el-Sisi stayed away.",
]


@pytest.mark.parametrize("stem", [True, False])
def test_al_assad_and_assads_are_one_term_and_us_is_never_a_letter(stem):

    s = pd.DataFrame({"doc_id": "d", "sentence_id": range(1, 5), "text": REAL})
    table = token_table(s, stem=stem)
    assad = table[table["lower"].str.contains("assad")]
    assert assad["token"].tolist() == ["al-Assad's", "Al-Assad", "Assad's", "Assad"]
    assert set(assad["term"]) == {"assad"}
    assert "sisi" in set(table["term"]) and "el-sisi" not in set(table["term"])
    assert ({"us", "un"} if stem else {"u.s", "u.n"}) <= set(table["term"])
    assert not {"u", "s", "n"} & set(table.loc[~table["stop"], "term"])


def test_a_letter_left_by_a_cut_abbreviation_is_not_a_keyword():

    # A search snippet cut inside "U.S.": the letter stays in the text but counts as nothing.
    s = pd.DataFrame({"doc_id": "d", "sentence_id": [1],
                      "text": ["Putin spoke of joining the U. The recent developments"]})
    table = token_table(s)
    assert table.loc[table["token"] == "U", "stop"].tolist() == [True]


def test_following_assad_finds_it_however_it_is_written():
    from newscorpus.keywords.concordance import dispersion

    s = pd.DataFrame({"doc_id": "d", "sentence_id": range(1, 5), "text": REAL})
    hits = dispersion(token_table(s), ["assad"])
    assert hits["sentence_id"].tolist() == [1, 2, 3, 4]
    assert dispersion(token_table(s), ["assad"], column="term")["sentence_id"].tolist() == [
        1, 2, 3, 4]
