"""Sentiment: scores worked out from the lexicon, labels, group statistics, and validation
against human ratings that reproduces the published figures."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from newscorpus import sentiment
from newscorpus.base.errors import NewsCorpusError, ParameterError
from newscorpus.base.lexicons import pattern_analyzer, sentiment_analyzer, vader_lexicon_path
from newscorpus.clean import segment

from .conftest import RAW

ROOT = Path(__file__).resolve().parents[1]
HUTTO = ROOT / "validation" / "hutto2014"
NYT = HUTTO / "nyt_editorial_snippets_dev.tsv"
TWEETS = HUTTO / "tweets.tsv"

# Real sentences of the kind the corpus holds.
NEWS = (
    "Russian jets struck rebel positions near Aleppo, killing at least 20 civilians.",
    "The Kremlin said the talks in Geneva were constructive.",
    "Moscow denied the reports.",
    "Lavrov and Kerry agreed on a ceasefire that collapsed a week later.",
    "The deal is a success for Putin but a disaster for the Syrian opposition.",
)


def sentence_table() -> pd.DataFrame:
    """The project's sentence table: the processed file, or rebuilt from corpus/raw."""
    from newscorpus.base.outputs import read_table

    path = ROOT / "corpus" / "processed" / "sentences.csv"
    if path.is_file():
        return read_table(path, made_by="01-cleaning")
    from newscorpus import clean, corpus

    return clean.clean_corpus(corpus.load_corpus(RAW))["sentences"]


@pytest.fixture(scope="module")
def sentences() -> pd.DataFrame:
    return sentence_table()


def lexicon() -> dict[str, float]:
    values = {}
    for line in vader_lexicon_path().read_text(encoding="utf-8").splitlines():
        word, valence, *_ = line.split("\t")
        values[word] = float(valence)
    return values


def normalise(x: float) -> float:
    """VADER's compound: x / sqrt(x^2 + 15), rounded to 4 places."""
    return round(x / math.sqrt(x * x + 15), 4)


# --- scores -----------------------------------------------------------------------------------


def test_compound_follows_vaders_rules_worked_by_hand_from_the_lexicon():
    lex = lexicon()
    compound = sentiment.score_texts([
        "not good",                                          # negation: valence x -0.74
        "The talks were not a success.",                     # negation two words back
        "The plan is good but the execution is horrible",    # before but x0.5, after x1.5
        "The talks failed!",                                 # one ! adds 0.292 to the size
        "good and horrible",                                 # valences add up
    ], "vader")["compound"].tolist()
    assert compound == [
        normalise(-0.74 * lex["good"]),
        normalise(-0.74 * lex["success"]),
        normalise(0.5 * lex["good"] + 1.5 * lex["horrible"]),
        normalise(lex["failed"] - 0.292),
        normalise(lex["good"] + lex["horrible"]),
    ]


def test_vader_shares_sum_to_one_and_compound_stays_in_range():
    scores = sentiment.score_texts(NEWS, "vader")
    assert list(scores.columns) == ["neg", "neu", "pos", "compound"]
    assert np.allclose(scores[["neg", "neu", "pos"]].sum(axis=1), 1, atol=0.002)
    assert scores["compound"].between(-1, 1).all()


def test_textblob_scores_are_patternanalyzers_polarity_and_subjectivity():
    from textblob.sentiments import PatternAnalyzer

    scores = sentiment.score_texts(NEWS, "textblob")
    assert list(scores.columns) == ["neg", "neu", "pos", "compound", "subjectivity"]
    assert scores[["neg", "neu", "pos"]].isna().all().all()
    expected = [PatternAnalyzer().analyze(text) for text in NEWS]
    assert scores["compound"].tolist() == [e.polarity for e in expected]
    assert scores["subjectivity"].tolist() == [e.subjectivity for e in expected]


def test_scores_keep_a_series_index_and_input_order():
    texts = pd.Series(["Moscow denied it.", "A wonderful success."], index=[10, 3])
    scores = sentiment.score_texts(texts, "vader")
    assert scores.index.tolist() == [10, 3]
    assert scores["compound"].tolist() == sentiment.score_texts(
        ["Moscow denied it.", "A wonderful success."], "vader")["compound"].tolist()
    assert scores.loc[3, "compound"] > 0


def test_no_texts_give_an_empty_table_with_the_columns():
    assert list(sentiment.score_texts([], "vader").columns) == ["neg", "neu", "pos", "compound"]
    assert len(sentiment.score_texts([], "textblob")) == 0


@pytest.mark.parametrize("method", sentiment.METHODS)
def test_a_process_pool_gives_the_same_scores_as_one_process(sentences, method):
    one = sentiment.score_texts(sentences["text"], method, processes=1)
    two = sentiment.score_texts(sentences["text"], method, processes=2, chunk_size=50)
    pd.testing.assert_frame_equal(one, two)


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"method": "bert"}, "parameter 'method': unknown sentiment method 'bert'. Fix: use one of "
                         "'news', 'vader', 'pattern'"),
    ({"processes": 0}, "parameter 'processes'"),
    ({"chunk_size": 0}, "parameter 'chunk_size'"),
])
def test_bad_parameters_are_named_with_the_valid_values(kwargs, expected):
    with pytest.raises(ParameterError, match=expected.replace("(", r"\(")):
        sentiment.score_texts(["text"], **kwargs)


def test_texts_that_are_not_strings_are_refused_with_their_position():
    with pytest.raises(ParameterError, match=r"1 item\(s\) are not text; the first, at "
                                             r"position 1, is nan"):
        sentiment.score_texts(pd.Series(["ok", None]))
    with pytest.raises(ParameterError, match=r"wrap it in a list"):
        sentiment.score_texts("a single string")


# --- labels -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("compound", "expected"), [
    (-1.0, "negative"), (-0.05, "negative"), (-0.0499, "neutral"), (0.0, "neutral"),
    (0.0499, "neutral"), (0.05, "positive"), (1.0, "positive"),
])
def test_labels_follow_vaders_inclusive_thresholds(compound, expected):
    assert sentiment.label(compound) == expected


def test_labels_keep_a_series_index_and_mark_missing_scores():
    labels = sentiment.label(pd.Series([0.5, np.nan, -0.5], index=["a", "b", "c"]))
    assert labels.isna().tolist() == [False, True, False]
    assert labels.dropna().tolist() == ["positive", "negative"]
    assert sentiment.label(np.array([np.nan, 0.1])).tolist() == [None, "positive"]
    assert labels.index.tolist() == ["a", "b", "c"]
    assert sentiment.label([0.3, 0.6], negative=-0.5, positive=0.5).tolist() == [
        "neutral", "positive"]


@pytest.mark.parametrize(("negative", "positive"), [(0.05, -0.05), (0.1, 0.1),
                                                    (float("nan"), 0.05)])
def test_bad_thresholds_are_refused_naming_the_parameters(negative, positive):
    with pytest.raises(ParameterError, match="parameter"):
        sentiment.label([0.0], negative=negative, positive=positive)


# --- sentences and paragraphs ----------------------------------------------------------------


def test_sentence_scores_are_the_scores_of_the_texts(sentences):
    scored = sentiment.score_sentences(sentences, "vader")
    assert list(scored.columns) == [*sentences.columns, "neg", "neu", "pos", "compound"]
    expected = sentiment.score_texts(sentences["text"].tolist(), "vader")["compound"].to_numpy()
    assert (scored["compound"].to_numpy() == expected).all()


def test_paragraph_units_join_their_sentences_with_a_space(sentences):
    scored = sentiment.score_sentences(sentences, "vader", unit="paragraph")
    assert len(scored) == len(sentences.groupby(["doc_id", "paragraph"]))
    assert list(scored.columns[:7]) == ["doc_id", "paragraph", "role", "text", "start", "end",
                                        "n_sentences"]
    for row in scored.sample(10, random_state=0).itertuples():
        part = sentences[(sentences["doc_id"] == row.doc_id)
                         & (sentences["paragraph"] == row.paragraph)]
        assert row.text == " ".join(part["text"])
        assert (row.start, row.end, row.role) == (part["start"].iloc[0], part["end"].iloc[-1],
                                                  part["role"].iloc[0])
        assert row.n_sentences == len(part)
        assert row.compound == sentiment.score_texts([row.text], "vader")["compound"].iloc[0]
    assert scored["n_sentences"].sum() == len(sentences)


def test_an_unknown_unit_or_a_missing_column_is_named(sentences):
    with pytest.raises(ParameterError, match="parameter 'unit': unknown unit 'document'"):
        sentiment.score_sentences(sentences, unit="document")
    with pytest.raises(ParameterError, match="no column 'paragraph'"):
        sentiment.score_sentences(sentences.drop(columns="paragraph"), unit="paragraph")


def test_joined_text_saturates_while_the_mean_of_sentences_does_not():
    # The summed valence grows with every sentence, so x / sqrt(x^2 + 15) goes to -1.
    x = lexicon()["killed"]
    table = sentiment.cumulative_compound(["Soldiers were killed."] * 30)
    single = normalise(x)
    assert np.allclose(table["mean_compound"], single)
    assert table["compound_joined"].tolist() == [normalise(k * x) for k in range(1, 31)]
    assert table["compound_joined"].is_monotonic_decreasing
    assert table["compound_joined"].iloc[-1] < -0.999 < -0.9 < single


# --- group statistics -------------------------------------------------------------------------


SMALL = pd.DataFrame({"outlet": ["a", "a", "a", "a", "b", "b", "c"],
                      "compound": [-0.6, -0.05, 0.0, 0.7, 0.05, 0.2, -0.3]})


def test_summary_means_and_shares_match_a_hand_count():
    summary = sentiment.summarize(SMALL, "outlet", n_boot=200).set_index("outlet")
    assert summary["n"].tolist() == [4, 2, 1]
    assert summary.loc["a", "mean_compound"] == pytest.approx((-0.6 - 0.05 + 0.0 + 0.7) / 4)
    # a: -0.6 and -0.05 negative (<= -0.05), 0.0 neutral, 0.7 positive; b: both positive.
    assert summary.loc["a", ["share_negative", "share_neutral", "share_positive"]].tolist() == [
        0.5, 0.25, 0.25]
    assert summary.loc["b", "share_positive"] == 1.0
    assert summary.loc["c", ["ci_low", "ci_high"]].isna().all()  # one sentence: no interval
    assert list(summary.reset_index().columns) == [
        "outlet", "n", "mean_compound", "ci_low", "ci_high", "share_negative", "share_neutral",
        "share_positive"]


def test_bootstrap_is_deterministic_and_its_interval_holds_the_mean(sentences):
    scored = sentiment.score_sentences(sentences, "vader")
    first = sentiment.summarize(scored, "doc_id", seed=1)
    pd.testing.assert_frame_equal(first, sentiment.summarize(scored, "doc_id", seed=1))
    assert not first.equals(sentiment.summarize(scored, "doc_id", seed=2))
    wide = first[first["n"] > 1]
    assert ((wide["ci_low"] <= wide["mean_compound"])
            & (wide["mean_compound"] <= wide["ci_high"])).all()


def test_bootstrap_interval_agrees_with_the_normal_interval_on_a_large_sample():
    rng = np.random.default_rng(7)
    table = pd.DataFrame({"compound": rng.uniform(-1, 1, 5000)})
    row = sentiment.summarize(table, n_boot=4000).iloc[0]
    half = 1.959964 * table["compound"].std() / math.sqrt(len(table))
    assert row["ci_low"] == pytest.approx(row["mean_compound"] - half, abs=0.004)
    assert row["ci_high"] == pytest.approx(row["mean_compound"] + half, abs=0.004)


def test_tallies_of_chunks_add_up_to_the_summary_of_the_whole(sentences):
    scored = sentiment.score_sentences(sentences, "vader")
    parts = [sentiment.tally(scored.iloc[i:i + 100], "role") for i in range(0, len(scored), 100)]
    combined = sentiment.combine_tallies(parts)
    pd.testing.assert_frame_equal(combined, sentiment.tally(scored, "role"),
                                  check_exact=False)
    summary = sentiment.summarize(scored, "role", n_boot=0)
    assert np.allclose(combined["sum_compound"] / combined["n"], summary["mean_compound"])
    assert (combined["n_neutral"] / combined["n"]).tolist() == summary["share_neutral"].tolist()


def test_summary_without_groups_is_one_row_and_bad_options_are_named():
    assert len(sentiment.summarize(SMALL, n_boot=10)) == 1
    with pytest.raises(ParameterError, match="no column 'period'"):
        sentiment.summarize(SMALL, "period")
    with pytest.raises(ParameterError, match="parameter 'level'"):
        sentiment.summarize(SMALL, level=95)
    with pytest.raises(ParameterError, match="1 missing value"):
        sentiment.summarize(pd.DataFrame({"compound": [0.1, None]}))


# --- validation -------------------------------------------------------------------------------


def test_validation_matches_scipy_and_a_hand_count():
    from scipy.stats import pearsonr
    from sklearn.metrics import accuracy_score, f1_score

    compound = [0.5, -0.5, 0.0, 0.7, -0.1, 0.3, -0.8, 0.02]
    rating = [2.0, -1.0, 0.5, 1.0, -2.0, -0.5, -3.1, 0.01]
    result = sentiment.validate(compound, rating)
    r = pearsonr(compound, rating).statistic
    assert result["pearson_r"] == pytest.approx(r)
    z = 1.959964 / math.sqrt(len(compound) - 3)
    assert result["r_ci_low"] == pytest.approx(math.tanh(math.atanh(r) - z))
    assert result["r_ci_high"] == pytest.approx(math.tanh(math.atanh(r) + z))
    # By hand: humans say + - + + - - - neutral; the method says + - 0 + - + - 0.
    human = sentiment.label(rating)
    machine = sentiment.label(compound)
    assert human.tolist() == ["positive", "negative", "positive", "positive", "negative",
                              "negative", "negative", "neutral"]
    # negative: P 3/3 R 3/4 F1 6/7; neutral: P 1/2 R 1/1 F1 2/3; positive: P 2/3 R 2/3 F1 2/3.
    f1 = {"negative": 6 / 7, "neutral": 2 / 3, "positive": 2 / 3}
    assert result["f1_macro"] == pytest.approx(sum(f1.values()) / 3)
    assert result["f1_weighted"] == pytest.approx((4 * f1["negative"] + 1 * f1["neutral"]
                                                   + 3 * f1["positive"]) / 8)
    assert result["accuracy"] == 6 / 8
    assert result["f1_macro"] == pytest.approx(f1_score(human, machine, average="macro"))
    assert result["f1_weighted"] == pytest.approx(f1_score(human, machine, average="weighted"))
    assert result["accuracy"] == accuracy_score(human, machine)


def test_validation_refuses_inputs_of_different_lengths():
    with pytest.raises(ParameterError, match="got 2 scores and 3 ratings"):
        sentiment.validate([0.1, 0.2], [1, 2, 3])


def test_validation_on_nyt_editorials_reproduces_the_published_figures():
    # Hutto & Gilbert (2014), Table 4, all 5,190 snippets: r = 0.492, F1 = 0.55. This is half
    # of them, so the figures agree within sampling error (the r interval is about +-0.03).
    result = sentiment.validate_method(NYT, "vader")
    assert result["n"] == 2633
    assert abs(result["pearson_r"] - 0.492) < 0.05
    assert result["r_ci_low"] < 0.492 < result["r_ci_high"]
    assert abs(result["f1_weighted"] - 0.55) < 0.05


def test_validation_on_tweets_reproduces_the_published_figures():
    result = sentiment.validate_method(TWEETS, "vader")
    assert result["n"] == 4200
    assert abs(result["pearson_r"] - 0.881) < 0.02     # published r = 0.881
    assert abs(result["f1_weighted"] - 0.96) < 0.02    # published F1 = 0.96


def test_published_figures_use_the_metric_names_of_validate():
    published = sentiment.published_figures()
    assert set(published["metric"]) <= set(sentiment.validate([0.1, 0.2], [1, 2]))
    assert set(published["file"]) == {NYT.name, TWEETS.name}
    assert {"file", "n_texts", "rater", "metric", "published", "source"} == set(published)


def test_the_validation_files_are_the_shared_ones_byte_for_byte():
    import hashlib

    digests = {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
               for path in (NYT, TWEETS)}
    readme = (HUTTO / "README.md").read_text(encoding="utf-8")
    for name, digest in digests.items():
        assert f"{digest}  {name}" in readme


def test_ratings_keep_quotes_and_ids_as_written(tmp_path):
    path = tmp_path / "r.tsv"
    path.write_text('id\tmean_rating\ttext\n007\t-1.5\tHe said "no" to \'it\'\n\n', "utf-8")
    table = sentiment.load_ratings(path)
    assert table.to_dict("records") == [{"id": "007", "mean_rating": -1.5,
                                         "text": "He said \"no\" to 'it'"}]
    assert len(sentiment.load_ratings(NYT)) == 2633


@pytest.mark.parametrize(("content", "expected"), [
    (None, "cannot be read (No such file or directory)"),
    (b"id\trating\ttext\n1\t2\tx\n", "the header has no column 'mean_rating'"),
    (b"id\tmean_rating\ttext\n1\tgood\tx\n2\t1\ty\n", "line 2, field 'mean_rating': 'good' is "
                                                      "not a number"),
    (b"id\tmean_rating\ttext\n1\t2\tx\ty\n", "line 2: the line has 4 tab-separated fields"),
    (b"id\tmean_rating\ttext\n1\t2\tcaf\xe9\n", "not UTF-8: byte 0xE9"),
    (b"id\tmean_rating\ttext\n", "no rating below its header"),
])
def test_bad_ratings_files_are_refused_in_one_sentence(tmp_path, content, expected):
    path = tmp_path / "ratings.tsv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(NewsCorpusError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        sentiment.load_ratings(path)


def test_both_methods_score_offline_without_nltk_data(no_network, monkeypatch):
    import nltk

    monkeypatch.setattr(nltk.data, "path", [])
    sentiment_analyzer.cache_clear()
    pattern_analyzer.cache_clear()
    try:
        for method in sentiment.METHODS:
            assert sentiment.score_texts(NEWS, method)["compound"].notna().all()
    finally:
        sentiment_analyzer.cache_clear()


# --- what the sentiment notebook needs ---------------------------------------------------------


def test_roles_are_selected_in_table_order_and_unknown_roles_are_named(sentences):
    chosen = segment.select_roles(sentences, ["title", "body"])
    assert set(chosen["role"]) == {"title", "body"}
    assert len(chosen) == sentences["role"].isin(["title", "body"]).sum()
    assert chosen.index.tolist() == list(range(len(chosen)))
    assert chosen["text"].tolist() == sentences.loc[
        sentences["role"].isin(["title", "body"]), "text"].tolist()
    assert len(segment.select_roles(sentences, "body")) == (sentences["role"] == "body").sum()
    with pytest.raises(ParameterError, match="parameter 'roles': unknown role 'bodies'.*"
                                             "Fix: use some of 'title'"):
        segment.select_roles(sentences, ["body", "bodies"])
    with pytest.raises(ParameterError, match="parameter 'roles': no role was given"):
        segment.select_roles(sentences, [])


def test_unit_keys_name_the_columns_of_one_unit():
    assert sentiment.unit_keys("sentence") == ["doc_id", "sentence_id"]
    assert sentiment.unit_keys("paragraph") == ["doc_id", "paragraph"]
    with pytest.raises(ParameterError, match="parameter 'unit': unknown unit 'document'"):
        sentiment.unit_keys("document")


@pytest.mark.parametrize("seed", [-1, 1.5, "0", True])
def test_a_bad_seed_is_named_before_the_bootstrap_runs(seed):
    with pytest.raises(ParameterError, match="parameter 'seed'"):
        sentiment.summarize(SMALL, "outlet", seed=seed)


def test_validation_files_are_the_tsv_files_of_the_folder(tmp_path):
    assert sentiment.validation_files(HUTTO) == [HUTTO / "amazon_review_snippets.tsv",
                                                 HUTTO / "movie_review_snippets.tsv", NYT, TWEETS]
    with pytest.raises(ParameterError, match="parameter 'validation_dir': the folder .* does "
                                             "not exist"):
        sentiment.validation_files(tmp_path / "none")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ParameterError, match="holds no .tsv file"):
        sentiment.validation_files(tmp_path)


def test_agreement_matches_scipy_and_scikit_learn():
    from scipy.stats import pearsonr, spearmanr
    from sklearn.metrics import cohen_kappa_score

    rng = np.random.default_rng(3)
    first = rng.uniform(-1, 1, 300).round(2)
    second = (0.5 * first + rng.normal(0, 0.4, 300)).clip(-1, 1).round(1)  # many ties
    result = sentiment.agreement(first, second)
    assert result["n"] == 300
    assert result["pearson_r"] == pytest.approx(pearsonr(first, second).statistic)
    assert result["spearman_rho"] == pytest.approx(spearmanr(first, second).statistic)
    labels = sentiment.label(first), sentiment.label(second)
    assert result["label_agreement"] == pytest.approx((labels[0] == labels[1]).mean())
    assert result["cohen_kappa"] == pytest.approx(cohen_kappa_score(*labels))


def test_agreement_of_constant_scores_has_no_correlation_and_bad_input_is_named():
    result = sentiment.agreement([0.0, 0.0, 0.0], [0.1, -0.2, 0.3])
    assert math.isnan(result["pearson_r"]) and math.isnan(result["spearman_rho"])
    with pytest.raises(ParameterError, match="got 2 and 3 scores"):
        sentiment.agreement([0.1, 0.2], [0.1, 0.2, 0.3])
    with pytest.raises(ParameterError, match="missing"):
        sentiment.agreement([0.1, None], [0.1, 0.2])


def test_published_figures_are_set_beside_the_measured_vader_ones():
    validation = sentiment.validation_table([NYT], ["vader", "textblob"])
    table = sentiment.compare_published(validation)
    vader = table[table["method"] == "vader"].set_index("metric")
    assert vader.index.tolist() == ["pearson_r", "f1_weighted"]  # the paper's NYT figures
    assert vader.loc["pearson_r", "published"] == 0.492
    assert vader.loc["pearson_r", "measured"] == validation.loc[0, "pearson_r"]
    assert vader.loc["pearson_r", "within_ci"]  # the dev half reproduces r = 0.492
    assert vader.loc["f1_weighted", "difference"] == pytest.approx(
        validation.loc[0, "f1_weighted"] - 0.55)
    assert pd.isna(vader.loc["f1_weighted", "within_ci"])
    other = table[table["method"] == "textblob"]
    assert other["published"].isna().all() and other["within_ci"].isna().all()
    assert table["label"].iloc[0] == "nyt_editorial_snippets_dev · vader"
