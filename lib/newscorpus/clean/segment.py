"""Paragraphs, sentences, roles and tokens of a cleaned text, and the two sentence rules
(:func:`find_furniture_sentences`; :func:`find_duplicates`, from
:mod:`newscorpus.clean.duplicates`).

Sentences are split with the project's Punkt splitter
(:func:`newscorpus.base.sentences.sentence_spans`) inside each paragraph, so no sentence runs
across a paragraph break. Each paragraph gets a role:

==============  ==================================================================================
role            what it is
==============  ==================================================================================
``title``       the first paragraph, when it is short (at most 25 words) and comes before the body
``standfirst``  other short paragraphs before the body (the summary under a headline)
``dateline``    a paragraph that is only a date (``April 17, 2018``, ``Published 8 Dec 2024``),
                or a wire dateline at the start of the body (``MOSCOW (Reuters) -``)
``byline``      ``By Jane Doe and John Roe``
``subheading``  a one-line paragraph of at most 12 words inside the body, with no final full stop
``body``        everything else
==============  ==================================================================================

The body starts at the first paragraph of at least 45 words or right after a dateline or byline
among the first six paragraphs, whichever comes first (at the latest with the seventh paragraph;
with the second when no paragraph is that long).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from newscorpus.base.errors import ParameterError, Problem
from newscorpus.base.words import WORD_RE, base_form, stop_words, written_in_capitals
from newscorpus.base.words import stem as stem_word
from newscorpus.clean.duplicates import _with_space, find_duplicates
from newscorpus.clean.patterns import BYLINE, DATE_LINE, _is_furniture
from newscorpus.clean.textview import TextView

__all__ = ["ROLES", "find_duplicates", "find_furniture_sentences", "paragraph_roles",
           "select_roles", "token_table", "wire_dateline"]


ROLES = ("title", "standfirst", "dateline", "byline", "subheading", "body")

_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z'.-]{2,}(?:[ /][A-Z][A-Z'.-]+)*(?:, [A-Z][\w.]+(?: [\w.]+){0,3})?"
    r"(?: \([A-Z][\w ]{0,20}\))? ?[—-]+ (?=\S)")


# The spaces after a full stop, question or exclamation mark (or closing quote) and before a
# capital or opening quote (group 1; the mark is matched first, so the search skips fast).
_PIECE = re.compile(r"[.!?\"”](\s+)(?=[A-Z\"“])")


def _pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split ``text[a:b]`` after every full stop, question or exclamation mark followed by a
    capital, more eagerly than the sentence splitter (which does not split after ``U.``)."""
    out, start = [], a
    for match in _PIECE.finditer(text, a, b):
        out.append((start, match.start(1)))
        start = match.end()
    return out + [(start, b)]


def find_furniture_sentences(view: TextView) -> list[tuple[int, int]]:
    """Sentences, or pieces of a sentence after a full stop, that are only a button or label
    (``Published.``, ``Subsection.``) inside running text."""
    known = view.memo.setdefault(find_furniture_sentences, {})
    spans = []
    for block in view.blocks:
        start = block[0].start
        paragraph = view.text[start:block[-1].end]
        found = known.get(paragraph)
        if found is None:  # pieces of the paragraph's sentences, offsets into the paragraph
            found = known[paragraph] = [
                (p, q) for a, b in view.paragraph_sentences(paragraph)
                for p, q in _pieces(paragraph, a, b) if _is_furniture(paragraph[p:q])]
        spans += [_with_space(view.text, start + p, start + q) for p, q in found]
    return spans


def paragraph_roles(paragraphs: list[str], words: list[int] | None = None) -> list[str]:
    """Return the role of each paragraph of a cleaned text (see the module docstring).

    ``words`` gives the number of words (``WORD_RE`` tokens) of each paragraph, when known.

    Examples
    --------
    >>> paragraph_roles(["Why Moscow is returning to Syria", "By Jane Doe", "Jun 3, 2016",
    ...                  "word " * 50, "What is Russia's goal?", "word " * 20])
    ['title', 'byline', 'dateline', 'body', 'subheading', 'body']
    """
    if words is None:
        words = [len(WORD_RE.findall(p)) for p in paragraphs]
    def marker(text: str, n: int) -> str:
        if "\n" not in text and n <= 12:
            if DATE_LINE.match(text):
                return "dateline"
            if BYLINE.match(text):
                return "byline"
        return ""

    markers = [marker(p, n) for p, n in zip(paragraphs, words, strict=True)]
    body_start = min(next((i for i, n in enumerate(words) if n >= 45), 1), 6)
    if len(paragraphs) == 1:
        body_start = 0  # a text of one paragraph is all body
    body_start = min([body_start] + [i + 1 for i, m in enumerate(markers[:6]) if m])
    roles = []
    for i, (text, n) in enumerate(zip(paragraphs, words, strict=True)):
        one_line = "\n" not in text
        if markers[i]:
            role = markers[i]
        elif i < body_start and n <= 60:
            role = "title" if i == 0 and n <= 25 else "standfirst"
        elif (one_line and n <= 12 and i + 1 < len(paragraphs)
              and text.rstrip()[-1:] not in '.!,;"\''):
            role = "subheading"
        else:
            role = "body"
        roles.append(role)
    return roles


def wire_dateline(sentence: str) -> int:
    """Return the length of a wire dateline opening ``sentence`` (0 if there is none).

    Examples
    --------
    >>> s = "MOSCOW (Reuters) - Russia said on Monday it would stay."
    >>> s[:wire_dateline(s)]
    'MOSCOW (Reuters) - '
    >>> wire_dateline("DAMASCUS, Syria — Ousted Syrian leader Bashar Assad said")
    18
    >>> wire_dateline("NATO - the alliance - met.")
    0
    """
    match = _WIRE_DATELINE.match(sentence)
    if not match or len(WORD_RE.findall(match.group())) > 6:
        return 0
    first = WORD_RE.findall(match.group())[0]
    return match.end() if len(first) >= 3 and first.isupper() and first != "NATO" else 0


def token_table(sentences: pd.DataFrame, *, lowercase: bool = True, stem: bool = True,
                min_length: int = 1, extra_stop_words: Iterable[str] = ()) -> pd.DataFrame:
    """Return one row per word token of ``sentences`` (a sentence table from cleaning).

    Parameters
    ----------
    sentences : DataFrame
        With columns ``doc_id``, ``sentence_id`` and ``text``.
    lowercase : bool
        Whether ``term`` (the form counted by the keyword notebooks) is lower-cased.
    stem : bool
        Whether ``term`` is the Porter stem.
    min_length : int
        Tokens shorter than this many characters are left out.
    extra_stop_words : iterable of str
        Added to the stop words that set ``stop``.

    Returns
    -------
    DataFrame
        ``doc_id``, ``sentence_id``, ``position`` (0-based within the sentence), ``token``
        (as written), ``lower``, ``stem`` (of the lower-case form, see
        :func:`newscorpus.base.words.stem`), ``term`` and ``stop``. ``term`` is the stem, or
        without stemming the word without a possessive ending or an Arabic article
        (:func:`newscorpus.base.words.base_form`: ``al-Assad`` and ``Assad's`` count as
        ``assad``). A token is a stop word when its lower-case form is one, unless it is an
        acronym in capitals (``US``, ``IS``) in a sentence that is not all in capitals; a
        single letter is always one (``U`` of a cut ``U.S.`` in a snippet says nothing).

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sentence_id": [1], "text": ["The Russians stayed."]})
    >>> table = token_table(s)
    >>> table[["token", "stem", "stop"]].values.tolist()
    [['The', 'the', True], ['Russians', 'russian', False], ['stayed', 'stay', False]]
    >>> s["text"] = ["The US told us that U.S. forces stay."]
    >>> token_table(s).query("lower in ['us', 'u.s']")[["token", "stem", "stop"]].values.tolist()
    [['US', 'us', False], ['us', 'us', True], ['U.S', 'us', False]]
    >>> s["text"] = ["Al-Assad's army met al-Assad's allies and Assad, joining the U."]
    >>> table = token_table(s, stem=False)
    >>> table["term"].tolist()[:6], table["stop"].tolist()[-1]
    (['assad', 'army', 'met', 'assad', 'allies', 'and'], True)
    """
    if min_length < 1:
        raise ValueError(f"min_length must be 1 or more, got {min_length}")
    stops = stop_words(extra_stop_words)
    rows: dict[str, list] = {k: [] for k in ("doc_id", "sentence_id", "position", "token",
                                             "lower", "stem", "term", "stop")}
    for doc_id, sentence_id, text in zip(sentences["doc_id"], sentences["sentence_id"],
                                         sentences["text"], strict=True):
        position = 0
        shouting = written_in_capitals(text)
        for token in WORD_RE.findall(text):
            if len(token) < min_length:
                continue
            lower = token.lower()
            stemmed = stem_word(lower)
            term = (stemmed if stem else base_form(lower)) if lowercase else (
                stem_word(token, keep_case=True) if stem else base_form(token))
            # An acronym is never a stop word: "US" is the country, "IS" the Islamic State
            # (unless the whole sentence is in capitals, where capitals say nothing).
            stop = (lower in stops and (shouting or len(token) < 2 or not token.isupper())
                    or (len(token) == 1 and token.isalpha()))
            for key, value in (("doc_id", doc_id), ("sentence_id", sentence_id),
                               ("position", position), ("token", token), ("lower", lower),
                               ("stem", stemmed), ("term", term), ("stop", stop)):
                rows[key].append(value)
            position += 1
    table = pd.DataFrame(rows)
    return table.astype({"position": "int64", "sentence_id": "int64", "stop": "bool"})


def select_roles(sentences: pd.DataFrame, roles: str | Iterable[str], *,
                 parameter: str = "roles") -> pd.DataFrame:
    """Keep the sentences whose ``role`` is one of ``roles`` (checked), in table order.

    Parameters
    ----------
    sentences : DataFrame
        The sentence table (a ``role`` column; see :data:`newscorpus.clean.segment.ROLES`).
    roles : str or iterable of str
        The roles to keep, e.g. ``["title", "standfirst", "subheading", "body"]``.
    parameter : str
        The parameter named in an error message.

    Returns
    -------
    DataFrame
        The kept rows, with a new index 0, 1, 2, ...

    Raises
    ------
    ParameterError
        If no role is given or a role is not one of :data:`newscorpus.clean.segment.ROLES`.

    Examples
    --------
    >>> table = pd.DataFrame({"role": ["title", "byline", "body"], "text": ["A", "B", "C"]})
    >>> select_roles(table, ["title", "body"])
        role text
    0  title    A
    1   body    C
    >>> select_roles(table, ["bodies"])
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: parameter 'roles': unknown role 'bodies'. Fix: use some \
of 'title', 'standfirst', 'dateline', 'byline', 'subheading', 'body'.
    """
    roles = [roles] if isinstance(roles, str) else list(roles)
    known = ", ".join(map(repr, ROLES))
    if not roles:
        raise ParameterError(Problem(f"parameter '{parameter}'", "no role was given",
                                     f"use some of {known}"))
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise ParameterError([Problem(f"parameter '{parameter}'", f"unknown role {r!r}",
                                      f"use some of {known}") for r in unknown])
    if not isinstance(sentences, pd.DataFrame) or "role" not in sentences.columns:
        raise ParameterError(Problem("parameter 'sentences'", "expected the sentence table, "
                                     "with a 'role' column", "pass sentences.csv of notebook "
                                     "01-cleaning, read with newscorpus.base.outputs.read_table"))
    return sentences[sentences["role"].isin(roles)].reset_index(drop=True)
