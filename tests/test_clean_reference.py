"""Cleaning gives exactly the reference outputs stored in ``tests/fixtures/clean_reference``.

The reference was written by ``tests/fixtures/clean_reference/make_reference.py`` before the
cleaning was made faster; the first tests run the library again on the same inputs (the real
texts, the same texts with tricky characters put in, 300 synthetic pages, and the real texts
under each rule alone and all rules but one) and assert that every clean text, removal, sentence,
document length and size row is the same, byte for byte. After an intended change of outputs,
write the reference again with that script and say so in the commit.

The other tests hold each fast path to the plain code it replaced (kept here, as it was), on
texts drawn to hit its corners: NLTK's own sentence splitter, the original duplicate, broken-word,
gibberish and bracket finders, the patterns searched line by line.
"""

from __future__ import annotations

import importlib.util
import random
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.base import sentences
from newscorpus.base.words import WORD_RE, is_word
from newscorpus.clean import (
    duplicates,
    inline_rules,
    line_rules,
    notes_rules,
    patterns,
    prompt_rules,
)
from newscorpus.clean.textview import TextView, merge_spans

from .conftest import ROOT

_SCRIPT = ROOT / "tests" / "fixtures" / "clean_reference" / "make_reference.py"
_spec = importlib.util.spec_from_file_location("make_reference", _SCRIPT)
reference = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(reference)


# --- the stored reference ------------------------------------------------------------------------


def _first_difference(expected: dict, actual: dict) -> str:
    """Name the first field (and row) where two records differ."""
    for key in sorted(set(expected) | set(actual)):
        want, got = expected.get(key), actual.get(key)
        if want == got:
            continue
        if isinstance(want, list) and isinstance(got, list):
            for i, (a, b) in enumerate(zip(want, got, strict=False)):
                if a != b:
                    return f"{key}, row {i}: expected {a!r}, got {b!r}"
            return f"{key}: expected {len(want)} rows, got {len(got)}"
        if isinstance(want, str) and isinstance(got, str):
            i = next((k for k, (a, b) in enumerate(zip(want, got, strict=False)) if a != b),
                     min(len(want), len(got)))
            return f"{key}, from character {i}: expected {want[i:i + 80]!r}, got {got[i:i + 80]!r}"
        return f"{key}: expected {want!r}, got {got!r}"
    return "no difference"


def _compare(expected: list[dict], actual: list[dict]) -> None:
    assert len(actual) == len(expected)
    for want, got in zip(expected, actual, strict=True):
        if reference.dumps(got) != reference.dumps(want):
            label = f"{want.get('rules', 'all rules')}: {want['doc_id']}"
            pytest.fail(f"{label}: {_first_difference(want, got)}")


@pytest.mark.parametrize("name", reference.SETS)
def test_cleaning_gives_the_reference_outputs(name):
    expected = reference.read_gz(f"{name}.jsonl.gz")
    docs = reference.inputs(name)
    assert [d for d, _ in docs] == [r["doc_id"] for r in expected]
    assert [reference._sha(t) for _, t in docs] == [r["raw_sha256"] for r in expected], \
        "the inputs changed: the reference no longer applies"
    _compare(expected, list(reference.records(docs)))


def test_each_rule_alone_and_left_out_gives_the_reference_outputs():
    _compare(reference.read_gz("subsets.jsonl.gz"), list(reference.subset_records()))


# --- sentences: the splitter on re against NLTK's own ---------------------------------------------

_PIECES = ["Mr.", "U.S.", "Gen.", "J.", "3.", "No.", "etc.", "...", "..", ".", "?", "!", "!!", "?!",
           ")", "(", '"', "'", "”", "“", "’", "»", "]", "[", "}", "{", "--", "-", ",", ";", ":",
           " ", " ", " ", "  ", "\n", "\n\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\u00a0", "é",
           "\u0301", "²", "\u0660", "the", "The", "said", "Putin", "a", "I", "x", "2015", "1.5",
           "e.g.", "Sept.", "*", "@", "&", "#", "`", '."', "?'", "!)", ".)"]


def _nltk_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for a, b in sentences.sentence_splitter().span_tokenize(text):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_sentence_spans_are_those_of_nltks_splitter(text):
    assert sentences.sentence_spans(text) == _nltk_spans(text)


def test_sentence_spans_are_nltks_on_every_reference_text_and_paragraph():
    texts = [t for name in ("real", "perturbed") for _, t in reference.inputs(name)]
    for text in texts + [p for t in texts for p in t.split("\n\n")]:
        assert sentences.sentence_spans(text) == _nltk_spans(text)


def test_sentence_count_remembers_within_its_budget(monkeypatch):
    monkeypatch.setattr(sentences, "_COUNTED", {})
    monkeypatch.setattr(sentences, "_counted_chars", 0)
    monkeypatch.setattr(sentences, "_MAX_COUNTED_CHARS", 40)
    texts = ["Mr. Putin spoke. Assad listened.", "One. Two.", "A long text. " * 5, "One. Two."]
    assert [sentences.sentence_count(t) for t in texts] == [2, 2, 5, 2]
    assert list(sentences._COUNTED) == ["One. Two."]  # the first evicted, the long one not kept
    assert sentences._counted_chars == 9


# --- line patterns: the cheap first tests miss nothing ----------------------------------------


def test_only_four_characters_besides_a_to_z_match_an_ascii_letter_ignoring_case():
    letter = re.compile("[a-z]", re.IGNORECASE)
    folded = {chr(c) for c in range(0x80, 0x110000) if letter.match(chr(c))}
    assert folded == set(patterns._FOLDED.pattern[1:-1])


@pytest.mark.parametrize("alternatives,words", [
    (prompt_rules._PROMPTS, prompt_rules._PROMPT_WORDS),
    (notes_rules._DISCLAIMERS, notes_rules._DISCLAIMER_WORDS),
    (line_rules._TRAILING_CREDIT.pattern[3:-1].split(")|(?:"), line_rules._TRAILING_CREDIT_WORDS),
])
def test_each_pattern_not_tied_to_the_line_start_has_one_of_its_words(alternatives, words):
    for pattern in alternatives:
        assert pattern.startswith("^") or any(w in pattern.lower() for w in words.words), pattern


# The appeal openers as they were, in one pattern.
_APPEAL_START = patterns._any(
    r"^a message from\b", r"^dear (?:reader|friend|subscriber|member)s?\b", r"^before you go\b",
    r"\bwe have a (?:small )?favou?r to ask", r"^continue reading\b",
    r"^(?:support|help) (?:us|our)\b")

_LINE_PIECES = ["Sign up", "for our", "newsletter", "NEWSLETTER", "ſign", "K", "İ", "inbox",
                "We have a favor to ask", "Dear readers", "A message from", "Support us",
                "We have a small favour to ask", "views expressed", "are those of the author",
                "Photo: AP", "REUTERS/Name", "[file: a/b]", "Credit... Name", " ", ". ", ", ",
                "you", "Follow us on", "Twitter", "cookies", "consent", "©", "2015", "support",
                "our journalism", "Russia", "Assad", "the", "said", "Continue reading",
                "Subscribers", "free articles left", "log in to your account"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=14).map(" ".join))
def test_line_tests_are_the_patterns_they_stand_for(line):
    prompt = prompt_rules._is_prompt(line)
    assert prompt == bool(prompt_rules._PROMPT.search(line))
    n = patterns._words(line)
    prompt = n <= 80 and prompt and (n <= 8 or bool(prompt_rules._READER.search(line)))
    assert prompt_rules._prompt_or_appeal(line) == (
        prompt, (n <= 12 or prompt) and bool(_APPEAL_START.search(line)))
    assert notes_rules._is_disclaimer(line) == (
        patterns._words(line) <= 80 and bool(notes_rules._DISCLAIMER.search(line)))
    assert line_rules._TRAILING_CREDIT_WORDS.search(line) or not (
        line_rules._TRAILING_CREDIT.search(line))
    tail = re.split(r"(?<=[.!?])\s+", line)[-1]
    before = line_rules._BEFORE_TAIL.match(line)
    assert (before is not None, line[before.end():] if before else line) == (tail != line, tail)
    core = re.sub(r"^[\W_]+|[\s.:!|>»›→·•]+$", "", line.strip()).lower()
    assert patterns._is_furniture(line) == (bool(core) and (
        core in patterns.page_furniture() or bool(patterns._COUNTED_FURNITURE.fullmatch(core))))


# --- words, brackets, broken words, gibberish --------------------------------------------------

_WORD_PIECES = ["Russia's", "U.S.", "U.S", "al-Assad", "3,000", "2.5", "launch", "ed", "govern",
                "ment", "I", "t's", "a", "bout", "dwp", "xqzt", "blorf", "Khmeimim", "the", " ",
                " ", "  ", "\t", ".", ",", "-", "'", "’", "_", "(", ")", "[24]", " [nL8N1RO176]",
                "[]", "[a]", "\n", "é", "ﬁ"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=30).map("".join))
def test_word_finders_are_word_re(text):
    tokens, lower, pieces, stops, capitals = patterns._line_words(text)
    assert tokens == WORD_RE.findall(text) and "".join(pieces) == text
    assert lower == [t.lower() for t in tokens]
    assert duplicates._WORDS.findall(text) == tokens
    ends = [m.end() for m in WORD_RE.finditer(text)]
    assert list(stops) == [text[e:e + 1] in (".", "?", "!") for e in ends]
    assert list(capitals) == [t[0].isupper() for t in tokens]


def _original_inline(view, pattern):
    spans, text = [], view.text
    for match in pattern.finditer(text):
        start, end = match.span()
        if start == 0 or text[start - 1] == "\n":
            while end < len(text) and text[end] == " ":
                end += 1
        spans.append((start, end))
    return spans


def _original_broken_words(view):
    spans, text, endings, previous = [], view.text, inline_rules.word_endings(), None
    for match in inline_rules._LETTER_TOKEN.finditer(text):
        if (previous is not None and match.start() == previous.end() + 1
                and text[previous.end()] == " "):
            left, right = previous.group(), match.group()
            if (right[0].islower() and len(left) + len(right) >= 4 and is_word(left + right)
                    and not (is_word(left) and is_word(right) and right not in endings)):
                spans.append((previous.end(), match.start()))
                previous = None
                continue
        previous = match
    return spans


def _original_gibberish(view, min_run=3):
    spans = []
    for line in view.lines:
        run = []
        tokens = line.text.split()
        # A line in another language (40% of its tokens noise): runs mostly without vowels only.
        foreign = sum(map(inline_rules._noise, tokens)) >= 0.4 * len(tokens)
        for match in [*inline_rules._TOKEN.finditer(line.text), None]:
            if match is not None and inline_rules._noise(match.group()):
                run.append(match)
                continue
            vowelless = sum(not re.search("[aeiouy]", m.group().lower()) for m in run)
            if len(run) >= min_run and (not foreign or 2 * vowelless >= len(run)):
                start, end = line.start + run[0].start(), line.start + run[-1].end()
                before = view.text[start - 1] if start > 0 else "\n"
                spans.append((start - 1, end) if before == " " else (start, end))
            run = []
    return spans


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=40).map("".join))
def test_inline_finders_are_the_plain_ones(text):
    view = TextView(text)
    for pattern in (inline_rules._CITATION, inline_rules._WIRE_CODE):
        assert inline_rules._inline(view, pattern) == _original_inline(view, pattern)
    assert inline_rules.find_broken_words(view) == _original_broken_words(view)
    assert inline_rules.find_gibberish(view) == _original_gibberish(view)


_TOKENS = ["dwp", "xqzt", "blorf,", "(zzkk)", "ed", "ment", "launch", "govern", "Russia", "I",
           "t's", "it's", "a", "bout", "the", "U.S.", "rrr.", "qwv", "\n", "  ", "\t"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=30).map(" ".join))
def test_broken_words_and_gibberish_are_found_as_before_in_runs_of_tokens(text):
    view = TextView(text)
    assert inline_rules.find_broken_words(view) == _original_broken_words(view)
    assert inline_rules.find_gibberish(view) == _original_gibberish(view)
    assert inline_rules.find_gibberish(view, min_run=2) == _original_gibberish(view, 2)


# --- duplicates ----------------------------------------------------------------------------------


def _original_duplicates(view, threshold=0.8, min_words=5, size=12):
    spans, exact, index, text, words_of = [], set(), {}, view.text, {}
    for number, (_, a, b) in enumerate(view.sentences):
        words = tuple(w.lower() for w in WORD_RE.findall(text[a:b]))
        if len(words) < min_words:
            continue
        grams = set(zip(words, words[1:], words[2:], strict=False))
        shared = Counter()
        for gram in grams:
            shared.update(index.get(gram, ()))
        best = max(shared.values(), default=0)
        earliest = min((n for n, c in shared.items() if c == best), default=None)
        # Alike but for their figures: items of a list, not a repeat.
        figures = [w for w in words if any(c.isdigit() for c in w)]
        same_figures = not figures or figures == [
            w for w in words_of.get(earliest, ()) if any(c.isdigit() for c in w)]
        words_of[number] = words
        if words in exact or (grams and best / len(grams) >= threshold and same_figures):
            spans.append(duplicates._with_space(text, a, b))
            continue
        exact.add(words)
        for gram in grams:
            postings = index.setdefault(gram, [])
            if len(postings) < 200:
                postings.append(number)
    tokens = list(WORD_RE.finditer(text))
    words = [t.group().lower() for t in tokens]
    first, marked = {}, [False] * len(tokens)
    for i in range(len(words) - size + 1):
        j = first.setdefault(tuple(words[i:i + size]), i)
        # Followed by other figures (within 16 words) than before: items of a list.
        before, after = ([w for w in words[k + size:k + size + 16]
                          if any(c.isdigit() for c in w)] for k in (j, i))
        if j + size <= i and not (before and after and before != after):
            marked[i:i + size] = [True] * size
    clauses, start = set(), 0
    for i, token in enumerate(tokens):
        if text[token.end():token.end() + 1] not in (".", "?", "!"):
            continue
        for k in range(start, i + 2 - min_words):
            if (k == start or tokens[k].group()[0].isupper()) and tuple(words[k:i + 1]) in clauses:
                marked[k:i + 1] = [True] * (i + 1 - k)
                break
        if i + 1 - start >= min_words and tokens[start].group()[0].isupper():
            clauses.add(tuple(words[start:i + 1]))
        start = i + 1
    i = 0
    while i < len(tokens):
        if not marked[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and marked[j + 1]:
            j += 1
        end = tokens[j].end()
        end += text[end:end + 1] in (".", "?", "!", ",")
        spans.append(duplicates._with_space(text, tokens[i].start(), end))
        i = j + 1
    return spans


_SENTENCES = ["Russia keeps two bases in Syria.", "Assad fled to Moscow in December.",
              "The talks in Astana failed again", "What does Russia really want?",
              "Moscow said it would stay in Tartus and Khmeimim for years.", "U.S. forces left.",
              "Mr. Lavrov met Mr. Kerry on Sept. 9.", "it is a snippet cut short and run on",
              "Read more:", "Russia keeps two bases in Syria today.", "3,000 troops stayed."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SENTENCES), st.sampled_from([" ", "\n", "\n\n", ""])),
                max_size=14))
def test_duplicates_are_found_as_before(parts):
    view = TextView("".join(s + sep for s, sep in parts))
    spans = duplicates.find_duplicates(view)
    assert spans == _original_duplicates(view)
    assert duplicates.find_duplicates(view, threshold=0.5, min_words=3, passage_words=4) == \
        _original_duplicates(view, 0.5, 3, 4)
    # Again on the text without them, as the next round does (what was kept is remembered).
    view = view.remove(merge_spans(spans, view.text))
    assert duplicates.find_duplicates(view) == _original_duplicates(view)


def test_duplicates_are_found_as_before_in_long_pages():
    rng = random.Random(3)
    parts = reference.read_gz("ingredients.json.gz")
    for _ in range(20):
        text = reference.page(rng, parts["body"][:40], parts["furniture"][:20], 6000)
        view = TextView(text)
        assert duplicates.find_duplicates(view) == _original_duplicates(view)
