"""Cleaning: each rule on real-looking lines, the gold standard, and the invariants.

Invariants (checked on the gold documents and on Hypothesis-generated pages):
- every non-space character of the raw text is in the clean text or in a reported removal;
- no reported character is in the clean text, and each removal's text is the raw text there;
- cleaning a clean text changes nothing;
- a rule that is switched off reports nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus.base.errors import ParameterError
from newscorpus.clean.evaluate import load_gold, score_document
from newscorpus.clean.normalize import normalize
from newscorpus.clean.pipeline import RULE_NAMES, check_rules, clean_corpus, clean_text, rules_table

from .conftest import ROOT

GOLD = ROOT / "tests" / "gold"
GOLD_FILES = sorted(GOLD.rglob("*.yaml"))


def removed_by(raw: str, rule: str) -> list[str]:
    return [r.text.strip() for r in clean_text(raw).removals if r.rule == rule]


def kept_chars(result) -> set[int]:
    """Raw offsets that the clean text is made of (gaps between paragraphs left out)."""
    off = result.offsets
    chars: set[int] = set()
    for start, end, src, src_end, copied in zip(off.starts, off.ends, off.src_starts,
                                                off.src_ends, off.copied, strict=True):
        if copied:
            chars.update(range(src, src + end - start))
        elif result.text[start:end].strip():
            chars.update(range(src, src_end))
    return chars


def check_accounting(raw: str, result, normalised: bool = True) -> None:
    kept = kept_chars(result)
    removed = {i for r in result.removals for i in range(r.start, r.end)}
    for r in result.removals:
        assert raw[r.start:r.end] == r.text
    visible = {i for i, c in enumerate(raw) if not c.isspace()}
    assert not (kept & removed & visible), "a reported removal is still in the clean text"
    lost = visible - kept - removed
    assert not lost, f"removed without report: {[raw[i] for i in sorted(lost)][:20]}"
    off = result.offsets
    for start, end, src, _, copied in zip(off.starts, off.ends, off.src_starts, off.src_ends,
                                          off.copied, strict=True):
        if copied:
            for k in range(end - start):
                expected = normalize(raw[src + k])[0][:1] if normalised else raw[src + k]
                assert result.text[start + k] == expected


# --- rules, one family at a time -------------------------------------------------------------

BODY = ("Russia's support for Syria also includes sending weapons that make it easier for "
        "Assad to keep fighting, analysts say, and Moscow has said it will stay.")
BODY2 = ("The intervention began in September 2015, when Russian aircraft struck targets near "
         "Homs, and it changed the course of the civil war within a year.")


@pytest.mark.parametrize("line", [
    "A Free Syrian Army fighter takes cover in Azaz, Syria. Photo: AP",
    "al-monitor Members of Jabhat al-Nusra gather in Idlib, May 28, 2015. Photo by REUTERS/Ammar",
    "Rescue workers in eastern Aleppo, Sept. 21, 2016. Syrian Civil Defense White Helmets / AP",
    "Image source, Getty Images",
    "Image caption, Russian jets at the Khmeimim air base in 2015",
    "FILE PHOTO: A Russian jet lands at Khmeimim, Syria, December 16, 2015. REUTERS/Name",
    "Russian troops at Hmeimim in 2016. Photograph: Maxim Orlov/Reuters",
    "Putin at the base on Monday.Credit...Sergei Vasin/Sputnik, via Associated Press",
])
def test_caption_and_credit_lines_are_removed(line):
    raw = f"Title of the story\n\n{BODY}\n\n{line}\n\n{BODY2}\n"
    assert removed_by(raw, "captions") == [line]


def test_a_caption_before_a_standalone_credit_goes_with_it():
    caption = "Russian President Vladimir Putin watches troops march in December 2017."
    raw = f"Title\n\n{BODY}\n\n{caption}\n\nMikhail Klimentyev/Sputnik/AP/FILE\n\n{BODY2}\n"
    assert removed_by(raw, "captions") == [f"{caption}\n\nMikhail Klimentyev/Sputnik/AP/FILE"]


def test_a_subheading_before_an_image_source_line_is_kept():
    raw = (f"Title\n\n{BODY}\n\nA bargain built on air power\n\nImage source, Reuters\n"
           f"Image caption, Russian military police patrolled northern Syria\n\n{BODY2}\n")
    assert "A bargain built on air power" in clean_text(raw).text


@pytest.mark.parametrize("line,rule", [
    ("Support The Moscow Times!", "prompts"),
    ("Sign up for our free weekly newsletter", "prompts"),
    ("Sign up to First Edition", "prompts"),
    ("Subscribers agree to the Privacy Policy", "prompts"),
    ("Already a subscriber? Log in.", "prompts"),
    ("Follow us on X and Facebook for the latest news from the Middle East.", "prompts"),
    ("Allow X content?", "prompts"),
    ("Recommended: \"Russia's Syrian strategy is no longer up in the air\"", "related"),
    ("Read more: Syria's new rulers signal no rush on Russian bases", "related"),
    ("Advertisement", "furniture"),
    ("3 min read", "furniture"),
    ("Skip to main content", "furniture"),
    ("The opinion of the author may not necessarily reflect the position of the outlet.",
     "disclaimers"),
    ("Reporting by Anna Voronova in Moscow; Editing by Helen Marsh", "disclaimers"),
    ("Associated Press writer Omar Khalil in Damascus contributed to this report.",
     "disclaimers"),
    ("Tags: Syria, Russia, Vladimir Putin, Middle East", "tags"),
])
def test_furniture_lines_are_removed_by_their_rule(line, rule):
    raw = f"Title of the story\n\n{BODY}\n\n{line}\n\n{BODY2}\n"
    assert removed_by(raw, rule) == [line]


@pytest.mark.parametrize("sentence", [
    "Russian state television urged viewers to subscribe to its Telegram channels.",
    "Mr. Lavrov said he would not support a resolution [in Syria] drafted in Washington.",
    "What is Russia's goal in Syria?",
    "\"We need your support,\" Assad told Putin, according to the Kremlin.",
    "The Kremlin said the views of Western governments did not matter.",
    "Lt. Gen. Sergei Rudskoi said the S-300 could be shipped within weeks.",
    "Russia operates two military bases in Syria: Khmeimim and Tartus.",
    "But it did not turn out this way.",
])
def test_body_sentences_are_kept_whole(sentence):
    raw = f"Title of the story\n\n{BODY}\n\n{sentence}\n\n{BODY2}\n"
    result = clean_text(raw)
    assert sentence.replace("’", "'") in result.text
    assert not [r for r in result.removals if r.family not in ("unicode",)]


def test_an_appeal_block_is_removed_up_to_the_end_of_the_appeal():
    appeal = ("A Message from The Paper:\n\nDear readers,\n\nWe are facing unprecedented "
              "challenges and need your help to keep our journalism independent.\n\n"
              "Once\nMonthly\nContinue\nNot ready to support today?\nRemind me later.")
    raw = f"Title\n\n{BODY}\n\n{appeal}\n"
    result = clean_text(raw)
    assert "".join(r.text for r in result.removals if r.rule == "prompts") == appeal
    assert result.text.endswith("will stay.")


def test_a_related_list_goes_with_its_heading_and_stops_at_prose():
    listing = ("Recommended Articles\n\nThe Netherlands to send new troops to Iraq\n"
               "Al-Monitor Staff | Defense | Nov 25, 2020\nWhy refugees won't return to Syria")
    raw = f"Title\n\n{BODY}\n\n{listing}\n\n{BODY2}\n"
    assert removed_by(raw, "related") == [listing]


def test_a_tag_list_goes_with_its_heading_but_a_date_after_it_stays():
    raw = (f"Title\n\nTopics covered\n\nun security council, syrian regime, sergey lavrov\n\n"
           f"Jun 3, 2016\n\n{BODY}\n")
    result = clean_text(raw)
    assert removed_by(raw, "tags") == [
        "Topics covered\n\nun security council, syrian regime, sergey lavrov"]
    assert [s.role for s in result.sentences][:2] == ["title", "dateline"]


def test_a_menu_of_short_lines_is_removed():
    raw = f"News\nSport\nBusiness\nCulture\n\nRussia's bases in limbo\n\n{BODY}\n"
    assert removed_by(raw, "menus") == ["News\nSport\nBusiness\nCulture"]


@pytest.mark.parametrize("text,code", [
    ("the Mediterranean coast. [nL8N1RO176][nL8N1QV5LM] Russia began", "[nL8N1RO176][nL8N1QV5LM]"),
    ("as Reuters reported [ID:nLDE61J0ZK] on Monday", "[ID:nLDE61J0ZK]"),
])
def test_wire_codes_are_removed_but_bracketed_words_stay(text, code):
    raw = f"{BODY} The inspectors [OPCW] came. The war [in Syria] went on. {text} more."
    assert removed_by(raw, "wire_codes") == [code]
    assert "[OPCW]" in clean_text(raw).text and "[in Syria]" in clean_text(raw).text


@pytest.mark.parametrize("marker", ["[24]", "[345]", "[]", "[3, 4]", "[citation needed]"])
def test_citation_markers_are_removed_with_the_space_before_them(marker):
    raw = f"Russia and Hezbollah are fighting together. {marker} The unrest began in 2011."
    result = clean_text(raw)
    assert removed_by(raw, "citations") == [marker]
    assert "together. The unrest" in result.text


@pytest.mark.parametrize("broken,joined", [
    ("launch ed", "launched"), ("I t's", "It's"), ("govern ment", "government"),
    ("opera tions", "operations"),
])
def test_broken_words_are_joined(broken, joined):
    result = clean_text(f"In 2013 the regime {broken} a major initiative.")
    assert joined in result.text


@pytest.mark.parametrize("pair", ["a bout", "in to", "Ahrar al", "any more", "sea son"])
def test_two_real_words_are_never_joined(pair):
    result = clean_text(f"The regime had {pair} tanks.")
    assert pair in result.text


def test_a_run_of_random_letters_is_gibberish_but_names_are_not():
    raw = "Russia operates the Khmeimim base and Lavrentiev met Shoigu. dkt thwdk htmbyt lttc zaex"
    assert removed_by(raw, "gibberish") == ["dkt thwdk htmbyt lttc zaex"]
    assert clean_text(raw).text.endswith("met Shoigu.")


def test_duplicate_sentences_and_repeated_passages_keep_the_first():
    first = ("Russia has begun withdrawing a large amount of military equipment and troops "
             "from Syria, according to two US officials.")
    raw = (f"{first} Assad fled to Moscow. What does Russia really want? The war went on. "
           f"Russia has begun withdrawing a large amount of military equipment and troops "
           f"from Syria, according to two Turkey wants a buffer zone. "
           f"Analysts were staging What does Russia really want?")
    result = clean_text(raw)
    assert result.text.count("Russia has begun withdrawing") == 1
    assert result.text.count("What does Russia really want?") == 1
    assert "Turkey wants a buffer zone." in result.text


def test_a_headline_for_another_story_is_removed_by_lack_of_shared_words():
    body = " ".join([BODY] * 8)
    raw = (f"Title\n\n{body}\n\nMoscow says it will keep sending weapons to Assad\n\n{body}\n\n"
           f"What happens if Trump tries to overturn another election loss?\n\n{body}\n")
    removed = removed_by(raw, "promo_headlines")
    assert removed == ["What happens if Trump tries to overturn another election loss?"]


def test_furniture_inside_running_text_is_removed_as_a_sentence():
    raw = "The war began in 2011. Published. The rebels took Aleppo in 2024."
    assert removed_by(raw, "furniture_sentences") == ["Published."]


# --- unicode and offsets ----------------------------------------------------------------------


@pytest.mark.parametrize("raw,clean", [
    ("Russia’s “ally”", "Russia's \"ally\""),
    ("2019–2020 — a war", "2019—2020 — a war"),
    ("co\u00adoperation\u200b here", "cooperation here"),
    ("ﬁghters\u00a0\u00a0 and\tmore", "fighters and more"),
    ("Kerry -- Lavrov", "Kerry — Lavrov"),
    ("Türki\u0307ye", "Türki̇ye"),
    ("a\r\nb", "a\nb"),
])
def test_normalisation_table(raw, clean):
    assert normalize(raw)[0] == clean


def test_sentences_keep_offsets_into_the_raw_text():
    raw = "Title\r\n\r\nMr. Putin’s “plan” — with the U.S. — failed. Lt. Gen. Rudskoi spoke [24].\n"
    result = clean_text(raw)
    assert [raw[s.start:s.end] for s in result.sentences] == [
        "Title", "Mr. Putin’s “plan” — with the U.S. — failed.", "Lt. Gen. Rudskoi spoke [24]."]
    assert result.sentences[2].text == "Lt. Gen. Rudskoi spoke."


def test_abbreviations_do_not_end_sentences():
    raw = ("Sept. 12 was the day. Mr. Lavrov and Lt. Gen. Rudskoi met U.S. officials in Geneva. "
           "The talks failed.")
    assert [s.text for s in clean_text(raw).sentences] == [
        "Sept. 12 was the day.", "Mr. Lavrov and Lt. Gen. Rudskoi met U.S. officials in Geneva.",
        "The talks failed."]


def test_a_wire_dateline_is_kept_as_its_own_labelled_unit():
    raw = f"Russia pulls out\n\nMOSCOW (Reuters) - {BODY}\n\n{BODY}\n"
    sentences = clean_text(raw).sentences
    assert [(s.role, s.text) for s in sentences[:2]] == [
        ("title", "Russia pulls out"), ("dateline", "MOSCOW (Reuters) -")]
    assert sentences[2].text.startswith("Russia's support")


# --- rule selection and the corpus table ------------------------------------------------------


def test_switching_a_rule_off_keeps_what_it_would_remove():
    raw = f"Title\n\n{BODY} [24]\n\nPhoto: AP\n"
    result = clean_text(raw, rules=[r for r in RULE_NAMES if r != "citations"])
    assert "[24]" in result.text
    assert not [r for r in result.removals if r.rule == "citations"]


def test_an_unknown_rule_is_refused_with_the_known_ones_listed():
    with pytest.raises(ParameterError, match="unknown cleaning rule 'captionz'.*captions"):
        check_rules(["captionz"], parameter="clean_rules")


def test_rules_table_lists_every_rule_once_in_pipeline_order():
    assert rules_table()["rule"].tolist() == list(RULE_NAMES)


def test_clean_corpus_combines_documents_into_three_tables():
    import pandas as pd

    docs = pd.DataFrame({"doc_id": ["a", "b"],
                         "text": [f"Title\n\n{BODY} [24]", f"Photo: AP\n\n{BODY}"]})
    tables = clean_corpus(docs)
    assert tables["texts"]["doc_id"].tolist() == ["a", "b"]
    assert tables["removals"][["doc_id", "rule"]].values.tolist() == [
        ["a", "citations"], ["b", "captions"]]
    sentences = tables["sentences"]
    assert sentences.groupby("doc_id")["sentence_id"].min().tolist() == [1, 1]
    for row in sentences.itertuples():
        raw = docs.set_index("doc_id").loc[row.doc_id, "text"]
        assert row.text.split()[0] in raw[row.start:row.end]


def test_clean_corpus_gives_the_same_tables_on_two_workers_as_on_one():
    import pandas as pd

    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(7)],
                         "text": [f"Title {i}\n\nPhoto: AP\n\n{BODY} [{i}]" for i in range(7)]})
    one = clean_corpus(docs, workers=1)
    two = clean_corpus(docs, workers=2, chunk_size=2)
    for name in ("texts", "removals", "sentences"):
        pd.testing.assert_frame_equal(one[name], two[name])
    assert two["texts"]["doc_id"].tolist() == docs["doc_id"].tolist()


# --- the gold standard ------------------------------------------------------------------------


@pytest.fixture(scope="module", params=GOLD_FILES, ids=lambda p: p.stem)
def gold_result(request):
    gold = load_gold(request.param, ROOT)
    result = clean_text(gold.text)
    return request.param, gold, result, score_document(gold, result)


def test_gold_body_text_is_kept_in_full(gold_result):
    path, _, _, scores = gold_result
    if path.stem.startswith("004"):  # two words of the aggregate ride with a duplicate
        assert scores["body_kept"] >= 0.998, scores["body_lost"]
    elif path.parent.name == "heldout2":
        # Never used to tune a rule: two bare live-blog time stamps ("16:10") that the gold
        # keeps as datelines are removed as page furniture. Reported, not fixed.
        assert scores["body_kept"] >= 0.99, scores["body_lost"]
    else:
        assert scores["body_kept"] == 1.0, scores["body_lost"]


def test_gold_removals_are_precise(gold_result):
    _, _, _, scores = gold_result
    assert scores["precision"] >= 0.97, scores["body_lost"]


def test_gold_boilerplate_is_found(gold_result):
    path, _, _, scores = gold_result
    # Every block in the four corpus articles; most of it on other outlets' pages.
    floor = {"seeds": 0.97, "outlets": 0.9, "heldout": 0.85}.get(path.parent.name, 0.7)
    assert scores["recall"] >= floor, scores["missed"]


def test_gold_broken_words_are_joined(gold_result):
    assert gold_result[3]["broken_words_joined"] == 1.0


def test_gold_documents_account_for_every_character(gold_result):
    _, gold, result, _ = gold_result
    check_accounting(gold.text, result)


def test_gold_documents_are_clean_after_one_pass(gold_result):
    _, _, result, _ = gold_result
    again = clean_text(result.text)
    assert again.text == result.text
    assert not [r for r in again.removals if r.family != "unicode"]


# --- properties on generated pages ------------------------------------------------------------

SENTENCES = [
    BODY, "Mr. Lavrov met U.S. officials on Sept. 9.", "What is Russia's goal in Syria?",
    "\"We will stay,\" said Lt. Gen. Rudskoi.", "The war [in Syria] began in 2011.",
    "Russia keeps two bases: Khmeimim and Tartus.", "Assad fled to Moscow.",
]
FURNITURE = [
    "Photo: AP", "Advertisement", "Sign up for our newsletter", "Read more", "Share",
    "Hassan Ammar/AP", "Recommended Articles", "Tags: Syria, Russia", "[24]", "[nL8N1RO176]",
    "dkt thwdk htmbyt", "launch ed", "“", "—", "\u00ad", "\u00a0", "…", "ﬁ", "\r\n", "\t",
]
PIECES = st.lists(st.one_of(st.sampled_from(SENTENCES), st.sampled_from(FURNITURE),
                            st.text(max_size=12)), max_size=25)
SEPARATORS = st.sampled_from([" ", "\n", "\n\n", ""])


@st.composite
def pages(draw):
    pieces = draw(PIECES)
    return "".join(p + draw(SEPARATORS) for p in pieces)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_every_removed_character_is_reported(raw):
    check_accounting(raw, clean_text(raw))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_cleaning_is_idempotent(raw):
    once = clean_text(raw).text
    assert clean_text(once).text == once


@settings(max_examples=60, deadline=None)
@given(pages(), st.sets(st.sampled_from(RULE_NAMES)))
def test_rules_switched_off_report_nothing(raw, off):
    result = clean_text(raw, rules=[r for r in RULE_NAMES if r not in off])
    assert not {r.rule for r in result.removals} & off
    check_accounting(raw, result, normalised="unicode" not in off)


def test_gold_folder_has_the_corpus_and_at_least_three_other_outlets():
    names = {p.parent.name for p in GOLD_FILES}
    assert {"seeds", "outlets"} <= names
    assert len([p for p in GOLD_FILES if p.parent.name == "seeds"]) == 5
    assert len([p for p in GOLD_FILES if p.parent.name != "seeds"]) >= 3
    assert all(Path(p.with_suffix(".txt")).exists() or p.parent.name == "seeds"
               for p in GOLD_FILES)


def test_every_gold_file_passes_its_consistency_check():
    import importlib.util

    spec = importlib.util.spec_from_file_location("verify_gold", GOLD / "verify_gold.py")
    verify = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(verify)
    for path in GOLD_FILES:
        errors = verify.check(path)[0]
        assert not errors, f"{path.name}: {errors}"


def test_a_text_of_one_paragraph_is_all_body_and_may_need_no_cleaning():
    result = clean_text("Russia stays in Syria. Assad is an ally.")
    assert [s.role for s in result.sentences] == ["body", "body"]
    assert result.removals == [] and result.text == "Russia stays in Syria. Assad is an ally."


def test_a_repeat_exposed_by_removing_a_passage_is_removed_in_the_next_round():
    # Found by Hypothesis: the passage rule takes the repeated words, and what is left of the
    # sentence is then a near-duplicate of an earlier one.
    tail = "Russia keeps two bases: Khmeimim and Tartus."
    raw = f"{BODY} {tail} {BODY[:-1]}.{tail}"
    once = clean_text(raw).text
    assert clean_text(once).text == once
    assert once.count("Khmeimim") == 1


@pytest.mark.parametrize("raw", [
    f"{BODY}\n{BODY} \u00a8 ", f"{BODY} Wait\u2026 {BODY} Wait\u2026 now.",
])
def test_a_removal_never_cuts_through_what_one_raw_character_became(raw):
    # Found by Hypothesis: NFKC turns one raw character into several ("¨" into a space and a
    # combining mark, "…" into "..."); a removal takes all of them or none.
    check_accounting(raw, clean_text(raw))
