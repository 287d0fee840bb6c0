"""Motives against the hand-coded gold standard (tests/gold/motives/): the metric functions on
a hand-worked example, the scores on the development part and on the two retired held-out parts
(looked at while the rules were written), the scores on the held-out part (scored once, reported
as measured), where each sentence of the parts outside the corpus stands in its text, and the
agreement of the two coders, checked against scikit-learn.

The tests print aggregate tables only, never the gold sentences.
"""

from __future__ import annotations

import math
import warnings

import pandas as pd
import pytest

from newscorpus import clean, corpus
from newscorpus.base.errors import NewsCorpusError
from newscorpus.base.paths import resolve
from newscorpus.motives import LABELS, align, cohen_kappa, kappa, load_gold, scores
from newscorpus.motives.evaluate import parse_labels
from newscorpus.motives.tables import motive_flags, motive_table
from newscorpus.motives.validation import PARTS, SECOND_CODER, score_part

GOLD = "tests/gold/motives"
RS, MP, CT, GP, LW, ST, PR, EC, RI = LABELS


@pytest.fixture(scope="module")
def sentences() -> pd.DataFrame:
    docs = corpus.load_corpus(resolve("corpus/raw"))
    return clean.clean_corpus(docs)["sentences"]


@pytest.fixture(scope="module")
def flags(sentences) -> pd.DataFrame:
    return motive_flags(sentences, motive_table(sentences))


def scored(name: str, sentences: pd.DataFrame, flags: pd.DataFrame) -> pd.DataFrame:
    gold = load_gold(f"{GOLD}/{name}.csv")
    table = scores(list(gold["labels"]), align(gold, sentences, flags))
    with pd.option_context("display.width", 120):
        print(f"\n{name}: {len(gold)} sentences\n{table.round(3)}")
    return table


# --- the metric functions, by hand -------------------------------------------------------------


def test_scores_on_a_hand_worked_example():
    gold = [{RS}, {RS, MP}, set(), {MP}, set(), {CT}]
    pred = [{RS}, {MP}, {RS}, set(), set(), {CT, GP}]
    table = scores(gold, pred)
    # regime_survival: rows 1 (tp), 2 (fn), 3 (fp)
    assert table.loc[RS, ["tp", "fp", "fn", "support"]].tolist() == [1, 1, 1, 2]
    assert table.loc[RS, "precision"] == pytest.approx(0.5)
    # military_presence: row 2 tp, row 4 fn -> P 1, R 1/2, F1 2/3
    assert table.loc[MP, ["precision", "recall", "f1"]].tolist() == pytest.approx([1, .5, 2 / 3])
    # great_power_status: one false positive, no support -> all 0
    assert table.loc[GP, ["tp", "fp", "support", "precision", "recall", "f1"]].tolist() == [
        0, 1, 0, 0, 0, 0]
    # micro: tp RS row 1, MP row 2, CT row 6; fp RS row 3, GP row 6; fn RS row 2, MP row 4
    # -> P 3/5, R 3/5
    assert table.loc["micro", ["tp", "fp", "fn"]].tolist() == [3, 2, 2]
    assert table.loc["micro", ["precision", "recall", "f1"]].tolist() == pytest.approx(
        [.6, .6, .6])
    # any motive: gold yes in rows 1, 2, 4, 6; predicted yes in rows 1, 2, 3, 6
    assert table.loc["any", ["tp", "fp", "fn"]].tolist() == [3, 1, 1]
    assert table.loc["any", "f1"] == pytest.approx(0.75)


def test_align_gives_a_gold_row_the_labels_of_every_sentence_overlapping_it():
    sentences = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "sentence_id": [1, 2, 3, 1],
                              "start": [0, 20, 40, 0], "end": [19, 39, 60, 30]})
    flags = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "sentence_id": [1, 2, 3, 1],
                          "motives": [RS, f"{MP};{CT}", "", GP]})
    gold = pd.DataFrame({"doc_id": ["a", "a", "a", "b", "c"], "start": [0, 10, 41, 5, 0],
                         "end": [19, 30, 50, 9, 9]})
    # row 2 spans two predicted sentences (split differently); doc c has no sentence
    assert align(gold, sentences, flags) == [
        frozenset({RS}), frozenset({RS, MP, CT}), frozenset(), frozenset({GP}), frozenset()]


def test_gold_labels_are_checked():
    assert parse_labels(f" {RS} ; {CT}") == {RS, CT}
    assert parse_labels("none") == parse_labels("") == frozenset()
    with pytest.raises(NewsCorpusError, match="unknown label 'regime'"):
        parse_labels("regime", "dev.csv line 3")
    with pytest.raises(NewsCorpusError, match="does not exist"):
        load_gold(f"{GOLD}/nothing.csv")


def test_cohen_kappa_by_hand_and_against_scikit_learn():
    from sklearn.metrics import cohen_kappa_score

    a = [1, 1, 0, 0, 1, 0, 0, 0]
    b = [1, 0, 0, 0, 1, 1, 0, 0]
    # agreement 6/8; chance (3/8)(3/8) + (5/8)(5/8) = 34/64 -> (48/64 - 34/64) / (30/64)
    assert cohen_kappa(a, b) == pytest.approx(14 / 30)
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))
    assert math.isnan(cohen_kappa([0, 0], [0, 0]))


# --- the development part ---------------------------------------------------------------------

# F1 a little below what the rules reach on dev (P 0.98, R 0.72, F1 0.83 micro when written).
# On dev the rules are partly fitted: scored leave-one-document-out (each document's sentences
# scored with the rule changes they motivated reverted) they reach P 0.75, R 0.63, F1 0.69.
DEV_F1 = {RS: 0.82, MP: 0.85, CT: 0.70, GP: 0.60, LW: 0.80, ST: 0.75, PR: 0.90, EC: 0.60,
          RI: 0.72}


def test_scores_on_the_development_part(sentences, flags):
    table = scored("dev", sentences, flags)
    for label, minimum in DEV_F1.items():
        assert table.loc[label, "f1"] >= minimum, label
    assert table.loc["micro", "precision"] >= 0.90
    assert table.loc["micro", "recall"] >= 0.68
    assert table.loc["micro", "f1"] >= 0.78
    assert table.loc["any", "f1"] >= 0.80


# --- the retired held-out parts -------------------------------------------------------------


def scored_as_stored(name: str) -> pd.DataFrame:
    """Score a part whose sentences are not in the corpus: label the gold's own texts."""
    table, n = score_part(f"{GOLD}/{name}.csv")
    with pd.option_context("display.width", 120):
        print(f"\n{name}: {n} sentences\n{table.round(3)}")
    return table


def test_scores_on_retired_part_1_the_seed_sentences_held_out_first(sentences, flags):
    table = scored("seeds_heldout", sentences, flags)
    # The README's counts: 40 labels on 36 sentences with a motive, of 142.
    assert table.loc["micro", "support"] == 40 and table.loc["any", "support"] == 36
    # Blind scores: 0.316 (first rules), 0.507 (second rules). Then looked at, with the pages of
    # retired part 2, to improve the rules: now about 0.59. The assert guards against a change
    # that makes it worse.
    assert table.loc["micro", "f1"] >= 0.54


def test_scores_on_retired_part_2_eleven_news_pages():
    table = scored_as_stored("pages")
    assert table.loc["micro", "support"] == 93 and table.loc["any", "support"] == 85
    # Blind score 0.320 (P 0.625, R 0.215), with the rules frozen after retired part 1. Then
    # looked at to improve the rules: now about 0.55.
    assert table.loc["micro", "f1"] >= 0.50


def test_scores_on_retired_part_3_six_news_texts():
    table = scored_as_stored("six_texts")
    assert table.loc["micro", "support"] == 68 and table.loc["any", "support"] == 47
    # Blind score 0.348 (P 0.667, R 0.235), with the rules frozen after retired part 2. Then
    # looked at to improve the rules: now about 0.50.
    assert table.loc["micro", "f1"] >= 0.45


# --- the held-out part (scored once, after the rules were frozen) -------------------------------


def test_scores_on_the_held_out_part():
    table = scored_as_stored("heldout")
    # The README's counts: 106 labels on 82 sentences with a motive, of 548 (two rounds of six
    # texts: 57 labels on 41 of 243 sentences, then 49 on 41 of 305).
    assert table.loc["micro", "support"] == 106 and table.loc["any", "support"] == 82
    # Each round scored once, with the rules frozen after retired part 3 (first round: micro
    # F1 0.338; second: 0.483); both together: P 0.586, R 0.321, F1 0.415, well below the 0.6
    # aimed at. The assert is that value minus 0.05, so a change that makes it worse fails; a
    # change made by looking at this part's errors would retire it.
    assert table.loc["micro", "f1"] >= 0.365


# --- agreement between the coders -----------------------------------------------------------------


def test_kappa_between_the_two_coders_agrees_with_scikit_learn():
    from sklearn.metrics import cohen_kappa_score

    first = pd.concat([load_gold(f"{GOLD}/{name}") for name in PARTS.values()],
                      ignore_index=True)
    second = pd.concat([load_gold(f"{GOLD}/{name}") for name in SECOND_CODER],
                       ignore_index=True)
    table = kappa(first, second)
    with pd.option_context("display.width", 120):
        print(f"\ncoder A against coder B\n{table.round(3)}")
    merged = first.merge(second, on=["doc_id", "sentence_id"])
    assert (table["n"] == len(merged)).all() and len(merged) == len(second)
    for label in [*LABELS, "any"]:
        x = [bool(v) if label == "any" else label in v for v in merged["labels_x"]]
        y = [bool(v) if label == "any" else label in v for v in merged["labels_y"]]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = cohen_kappa_score(x, y)
        if math.isnan(table.loc[label, "kappa"]):
            assert math.isnan(expected) or len(set(x) | set(y)) == 1, label
        else:
            assert table.loc[label, "kappa"] == pytest.approx(expected), label
        assert -1 <= table.loc[label, "kappa"] <= 1 or math.isnan(table.loc[label, "kappa"])
    assert table.loc["any", "kappa"] > 0


# --- where the sentences of the parts outside the corpus come from -----------------------------

#: The folders holding the texts of the parts whose sentences are not in the corpus, by the first
#: part of their doc_id ("outlets/daily-paper" is tests/gold/outlets/daily-paper.txt).
TEXT_FOLDERS = {"outlets": "tests/gold/outlets", "heldout": "tests/gold/heldout",
                "heldout2": "tests/gold/heldout2"}


def source_text(doc_id: str) -> str:
    folder, _, name = doc_id.rpartition("/")
    path = resolve(TEXT_FOLDERS.get(folder, f"{GOLD}/texts")) / f"{name}.txt"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["pages", "six_texts", "heldout"])
def test_every_sentence_stands_in_its_source_text_at_its_offsets(name):
    gold = load_gold(f"{GOLD}/{name}.csv")
    texts = {d: source_text(d) for d in gold["doc_id"].unique()}
    for row in gold.itertuples():
        assert " ".join(texts[row.doc_id][row.start:row.end].split()) == row.text, (
            name, row.doc_id, row.sentence_id)
