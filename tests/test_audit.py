"""Reporting on cleaning, the token table and gold scoring, checked against hand counts."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus import clean
from newscorpus.clean import audit, evaluate, segment


def test_token_table_agrees_with_a_hand_count():
    sentences = pd.DataFrame({
        "doc_id": ["a", "a", "b"], "sentence_id": [1, 2, 1],
        "text": ["The Russians stayed in Syria.", "Russia's bases: Tartus, Khmeimim.",
                 "U.S. officials met 3,000 Russians."]})
    tokens = segment.token_table(sentences)
    # Hand count: 5 + 4 + 5 tokens; "U.S" and "3,000" are one token each.
    assert len(tokens) == 14
    assert tokens.groupby("doc_id").size().to_dict() == {"a": 9, "b": 5}
    assert tokens["token"].tolist()[9:] == ["U.S", "officials", "met", "3,000", "Russians"]
    assert tokens.query("term == 'russian'").shape[0] == 2
    assert tokens.query("stop")["lower"].tolist() == ["the", "in"]
    assert tokens.query("doc_id == 'a' and sentence_id == 2")["position"].tolist() == [0, 1, 2, 3]


def test_token_table_parameters_change_terms_length_and_stop_words():
    sentences = pd.DataFrame({"doc_id": ["a"], "sentence_id": [1],
                              "text": ["A Syrian army of Syrians."]})
    plain = segment.token_table(sentences, lowercase=False, stem=False, min_length=2,
                                extra_stop_words=["army"])
    assert plain["term"].tolist() == ["Syrian", "army", "of", "Syrians"]
    assert plain["stop"].tolist() == [False, True, True, False]
    with pytest.raises(ValueError, match="min_length"):
        segment.token_table(sentences, min_length=0)


def test_size_and_removal_tables_count_what_was_removed():
    docs = pd.DataFrame({"doc_id": ["a"],
                         "text": ["Russia stays.\n\nPhoto: AP\n\nAssad fled. [24]"]})
    tables = clean.clean_corpus(docs)
    sizes = audit.size_table(docs, tables["texts"]).set_index("measure")
    assert sizes.loc["characters", "raw"] == 13 + 2 + 9 + 2 + 16
    assert sizes.loc["characters", "clean"] == len("Russia stays.\n\nAssad fled.")
    summary = audit.removal_summary(tables["removals"], docs)
    assert summary[["rule", "spans", "chars"]].values.tolist() == [
        ["captions", 1, 9], ["citations", 1, 5]]
    assert summary["share"].tolist() == [round(9 / 42, 4), round(5 / 42, 4)]


def test_write_texts_replaces_the_folder_contents(tmp_path):
    (tmp_path / "old.txt").write_text("stale")
    texts = pd.DataFrame({"doc_id": ["a", "b"], "text": ["one", "two"]})
    written = audit.write_texts(texts, tmp_path)
    assert len(written) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
    assert (tmp_path / "a.txt").read_text() == "one\n"


def test_gold_scores_match_a_hand_computation(tmp_path):
    doc = "Russia stays.\n\nPhoto: AP\n\nSign in\n\nAssad fled to Moscow."
    (tmp_path / "d.txt").write_text(doc, encoding="utf-8")
    (tmp_path / "d.yaml").write_text(
        "file: d.txt\nboilerplate:\n  - text: 'Photo: AP'\n    family: caption\n"
        "  - text: 'Assad fled'\n    family: related\n", encoding="utf-8")
    gold = evaluate.load_gold(tmp_path / "d.yaml", tmp_path)
    scores = evaluate.score_document(gold)
    # Removed: "Photo: AP" (8 non-space) and "Sign in" (6); gold: 8 + 9 ("Assad fled").
    assert scores["removed_chars"] == 14 and scores["gold_chars"] == 17
    assert scores["precision"] == pytest.approx(8 / 14)
    assert scores["recall"] == pytest.approx(8 / 17)
    body = sum(not c.isspace() for c in doc) - 17
    assert scores["body_kept"] == pytest.approx((body - 6) / body)
    assert scores["body_lost"] == ["Sign in"]
    assert scores["missed"] == ["Assad fled"]


def test_a_gold_span_that_is_not_in_the_document_is_refused(tmp_path):
    (tmp_path / "d.txt").write_text("Russia stays.", encoding="utf-8")
    (tmp_path / "d.yaml").write_text(
        "file: d.txt\nboilerplate:\n  - text: 'Photo: AP'\n    family: caption\n")
    with pytest.raises(evaluate.CorpusError, match="does not occur"):
        evaluate.load_gold(tmp_path / "d.yaml", tmp_path)
