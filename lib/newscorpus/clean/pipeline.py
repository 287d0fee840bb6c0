"""Clean news texts document by document, and account for every character removed.

:func:`clean_text` runs the rules of :data:`newscorpus.clean.rules.RULES` in order on one raw text
and returns a :class:`CleanText`: the clean text, every removed span (rule, offsets into the
raw text, the raw characters), and the sentences with their paragraph, role and raw offsets.
:func:`clean_corpus` does this for each document of a corpus table and combines the results
into three tables (texts, removals, sentences), so the same code can run partition by
partition.

What is guaranteed, and tested (``tests/test_clean.py``):

* every non-space character of the raw text is either in the clean text (normalised) or
  inside a reported removal, and no reported character is in the clean text;
* cleaning a clean text changes nothing (idempotence);
* rules switched off remove nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from newscorpus.base.errors import ParameterError, Problem
from newscorpus.clean.normalize import OffsetMap, identity_map, normalize
from newscorpus.clean.patterns import Rule, _each_line, _line_words
from newscorpus.clean.rules import RULES
from newscorpus.clean.segment import (
    find_duplicates,
    find_furniture_sentences,
    paragraph_roles,
    wire_dateline,
)
from newscorpus.clean.textview import TextView, merge_spans

__all__ = ["PAGE_RULES", "RULE_NAMES", "CleanText", "Removal", "Sentence", "check_rules",
           "clean_corpus", "clean_text", "rules_table", "select_rules"]

#: The names of all rules, in the order they run.
RULE_NAMES: tuple[str, ...] = tuple(rule.name for rule in RULES)
_BY_NAME = {rule.name: rule for rule in RULES}
#: The rules run on the article text extracted from a web page (``format`` ``html``): the
#: extraction has already dropped the page's furniture, and only these rules were measured to
#: add something after it, chosen rule by rule on the tuned pages of the article benchmark
#: (``validation/article-benchmark``, ids 0-9). Token F1 with them against extraction alone:
#: tuned pages 0.9829 against 0.9803 (every rule: 0.9808); pages not used to choose (a-f)
#: 0.9330 against 0.9321 (every rule: 0.9336). A small gain, measured, not a default of all.
PAGE_RULES: tuple[str, ...] = ("unicode", "prompts", "comments", "related", "disclaimers")
_MAX_ROUNDS = 5
_SENTENCE_RULES = {"furniture_sentences": find_furniture_sentences, "duplicates": find_duplicates}


@dataclass(frozen=True)
class Removal:
    """One span removed from a raw text: ``raw[start:end] == text``."""

    rule: str
    family: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """One sentence of a clean text; ``start`` and ``end`` are offsets into the raw text."""

    sentence_id: int
    paragraph: int
    role: str
    text: str
    start: int
    end: int


@dataclass
class CleanText:
    """The result of cleaning one text.

    Attributes
    ----------
    raw : str
        The text as read.
    text : str
        The clean text: the kept paragraphs separated by blank lines.
    removals : list of Removal
        Every removed span, in the order the rules ran.
    sentences : list of Sentence
        The sentences of the clean text, in order.
    offsets : OffsetMap
        From ``text`` to ``raw``: ``offsets.source_span(a, b)`` is where ``text[a:b]`` came from.
    """

    raw: str
    text: str
    removals: list[Removal]
    sentences: list[Sentence]
    offsets: OffsetMap


def check_rules(rules: Iterable[str] | None = None, *, parameter: str = "rules") -> tuple[str, ...]:
    """Return the rule names to run, in pipeline order; ``None`` means all of them.

    Raises
    ------
    ParameterError
        Naming each unknown rule and listing the known ones.

    Examples
    --------
    >>> check_rules(["citations", "unicode"])
    ('unicode', 'citations')
    >>> check_rules(["captionz"])
    Traceback (most recent call last):
    ...
    newscorpus.base.errors.ParameterError: parameter 'rules': unknown cleaning rule \
'captionz'. Fix: ...
    """
    if rules is None:
        return RULE_NAMES
    if isinstance(rules, str):
        rules = [rules]
    rules = list(rules)
    unknown = [name for name in rules if name not in _BY_NAME]
    if unknown:
        raise ParameterError([
            Problem(f"parameter '{parameter}'", f"unknown cleaning rule '{name}'",
                    "use some of " + ", ".join(RULE_NAMES)) for name in unknown])
    return tuple(name for name in RULE_NAMES if name in rules)


def select_rules(skip: Iterable[str] = (), *, parameter: str = "skip_rules") -> tuple[str, ...]:
    """Return every rule name except those in ``skip`` (checked: an unknown name is refused).

    Examples
    --------
    >>> len(select_rules()) - len(select_rules(["duplicates", "gibberish"]))
    2
    """
    skipped = check_rules(skip, parameter=parameter) if skip else ()
    return tuple(name for name in RULE_NAMES if name not in skipped)


def rules_table() -> pd.DataFrame:
    """Return the rules in pipeline order with their family and description.

    Examples
    --------
    >>> rules_table().columns.tolist()
    ['rule', 'family', 'description']
    """
    return pd.DataFrame([(r.name, r.family, r.description) for r in RULES],
                        columns=["rule", "family", "description"])


def clean_text(raw: str, *, rules: Iterable[str] | None = None) -> CleanText:
    """Clean one raw text with the named rules (all of them by default).

    Examples
    --------
    >>> raw = ("Russia stays\\n\\nA soldier walks. Photo: AP\\n\\n"
    ...        "Moscow launch ed strikes [24] in Syria.\\n\\nSign up for our newsletter")
    >>> result = clean_text(raw)
    >>> print(result.text)
    Russia stays
    <BLANKLINE>
    Moscow launched strikes in Syria.
    >>> for removal in result.removals:
    ...     print(removal.rule, repr(removal.text))
    captions 'A soldier walks. Photo: AP'
    prompts 'Sign up for our newsletter'
    citations ' [24]'
    broken_words ' '
    >>> [(s.role, raw[s.start:s.end]) for s in result.sentences]
    [('title', 'Russia stays'), ('body', 'Moscow launch ed strikes [24] in Syria.')]
    """
    selected = check_rules(rules)
    removals: list[Removal] = []
    if "unicode" in selected:
        norm, offsets = normalize(raw)
        removals += [Removal("unicode", "unicode", a, b, raw[a:b]) for a, b in offsets.dropped]
    else:
        norm, offsets = raw, identity_map(len(raw))
    view = TextView(norm, offsets)

    def apply(view: TextView, rule: Rule, spans: list[tuple[int, int]]) -> TextView:
        spans = merge_spans((view.widen(a, b) for a, b in spans), view.text)
        for a, b in spans:
            start, end = view.original_span(a, b)
            removals.append(Removal(rule.name, rule.family, start, end, raw[start:end]))
        return view.remove(spans)

    # Removing one thing can expose another (a duplicate sentence taken out of a line leaves
    # "Read more" alone on it), so the rules run again until a round removes nothing: the
    # result is then clean by every rule, and cleaning it again changes nothing.
    # A rule that found nothing in a text is not asked again about the same text.
    done: dict[str, TextView] = {}
    for _ in range(_MAX_ROUNDS):
        before = len(removals)
        for name in selected:
            rule = _BY_NAME[name]
            find = rule.find or _SENTENCE_RULES.get(name)
            if find is None or done.get(name) is view:
                continue
            spans = find(view)
            if spans:
                view = apply(view, rule, spans)
            else:
                done[name] = view
        if len(removals) == before:
            break
    return _assemble(raw, view, removals)


def _assemble(raw: str, view: TextView, removals: list[Removal]) -> CleanText:
    """Join the kept paragraphs into the clean text and label the sentences."""
    paragraphs = ["\n".join(line.text for line in block) for block in view.blocks]
    found = _each_line(view, _line_words)  # the words of each line, split once
    roles = paragraph_roles(paragraphs, [sum(len(found[line.index][0]) for line in block)
                                         for block in view.blocks])
    inner = OffsetMap(src_length=len(view.text))
    pieces: list[str] = []
    previous_end = None
    for block in view.blocks:
        for line in block:
            if previous_end is not None:
                gap = "\n" if line.block == block[0].block and line is not block[0] else "\n\n"
                pieces.append(gap)
                inner.add(len(gap), previous_end, line.start, False)
            pieces.append(line.text)
            inner.add(line.end - line.start, line.start, line.end, True)
            previous_end = line.end
    sentences: list[Sentence] = []
    previous = -1
    for number, a, b in view.sentences:
        role = roles[number]
        if role == "body" and number != previous:
            cut = wire_dateline(view.text[a:b])
            if cut:
                sentences.append(_sentence(view, len(sentences), number, "dateline", a, a + cut))
                a += cut
        previous = number
        sentences.append(_sentence(view, len(sentences), number, role, a, b))
    return CleanText(raw, "".join(pieces), removals, sentences, view.offsets.then(inner))


def _sentence(view: TextView, index: int, paragraph: int, role: str, a: int, b: int) -> Sentence:
    text = view.text[a:b].rstrip()
    start, end = view.original_span(a, a + len(text))
    return Sentence(index + 1, paragraph + 1, role, text.replace("\n", " "), start, end)


def clean_corpus(documents: pd.DataFrame, *, rules: Iterable[str] | None = None,
                 progress: bool = False, workers: int | None = 1,
                 chunk_size: int = 200, backend: str = "local", scheduler: str = "",
                 partition_mb: float = 16, dashboard: bool = False) -> dict[str, pd.DataFrame]:
    """Clean every document of a corpus table (from :func:`newscorpus.corpus.validate.load_corpus`).

    Parameters
    ----------
    documents : DataFrame
        With columns ``doc_id`` and ``text``.
    rules : iterable of str, optional
        The rules to run (all by default); see :data:`RULE_NAMES`.
        A web page (``format`` column ``html``, from
        :func:`newscorpus.corpus.validate.load_corpus`) runs only those of them that are also
        in :data:`PAGE_RULES`.
    progress : bool
        Allow a progress bar (shown only for long runs, see :mod:`newscorpus.base.parallel`).
    workers : int or None
        Worker processes (``1``: this process; ``None`` or ``0``: every core). The tables are
        the same for any number of workers.
    chunk_size : int
        Documents a worker cleans at once.
    backend : {"local", "dask"}
        Where the work runs: ``local`` on ``workers`` processes; ``dask`` on a local Dask
        cluster of ``workers`` processes, or on the cluster at ``scheduler``, in partitions of
        about ``partition_mb`` MB of text (:func:`newscorpus.base.dask_backend.map_documents`).
        The tables are the same.
    scheduler, partition_mb, dashboard
        See :func:`newscorpus.base.dask_backend.dask_client`; with ``backend="dask"`` only.

    Returns
    -------
    dict of DataFrame
        ``"texts"`` (``doc_id``, ``text``), ``"removals"`` (``doc_id``, ``rule``, ``family``,
        ``start``, ``end``, ``chars``, ``text``) and ``"sentences"`` (``doc_id``,
        ``sentence_id``, ``paragraph``, ``role``, ``text``, ``start``, ``end``). Offsets are
        character offsets into the raw text of the document.
    """
    from functools import partial

    from newscorpus.base.dask_backend import check_backend, map_documents
    from newscorpus.base.parallel import map_chunks

    selected = check_rules(rules)
    if check_backend(backend) == "dask":
        parts = map_documents(partial(_clean_part, rules=tuple(selected)), documents,
                              scheduler=scheduler, workers=workers, partition_mb=partition_mb,
                              progress=progress, dashboard=dashboard)
        return {name: pd.concat([part[name] for part in parts], ignore_index=True)
                for name in ("texts", "removals", "sentences")}
    pages = tuple(r for r in selected if r in PAGE_RULES)
    kinds = (documents["format"] == "html" if "format" in documents.columns
             else pd.Series(False, index=documents.index))
    pairs = list(zip(documents["doc_id"], documents["text"], kinds, strict=True))
    parts = map_chunks(partial(_clean_chunk, rules=(selected, pages)), pairs, workers=workers,
                       chunk_size=chunk_size, desc="cleaning", unit="doc",
                       **({} if progress else {"weight": lambda part: 0}))
    texts = [row for part in parts for row in part[0]]
    removals = [row for part in parts for row in part[1]]
    sentences = [row for part in parts for row in part[2]]
    removals = pd.DataFrame(removals, columns=["doc_id", "rule", "family", "start", "end",
                                               "chars", "text"])
    sentences = pd.DataFrame(sentences, columns=["doc_id", "sentence_id", "paragraph", "role",
                                                 "text", "start", "end"])
    return {
        "texts": pd.DataFrame(texts, columns=["doc_id", "text"]),
        "removals": removals.astype(dict.fromkeys(["start", "end", "chars"], "int64")),
        "sentences": sentences.astype(
            dict.fromkeys(["sentence_id", "paragraph", "start", "end"], "int64")),
    }


def _clean_part(documents: pd.DataFrame, rules: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """Clean a partition of the documents in this process (a Dask worker's task)."""
    return clean_corpus(documents, rules=rules, workers=1)


def _clean_chunk(pairs, *, rules: tuple[tuple[str, ...], tuple[str, ...]]
                 ) -> tuple[list, list, list]:
    """Clean a chunk of ``(doc_id, raw, is_page)``: rows of the three tables (a worker's task)."""
    texts, removals, sentences = [], [], []
    for doc_id, raw, is_page in pairs:
        result = clean_text(raw, rules=rules[1] if is_page else rules[0])
        texts.append((doc_id, result.text))
        removals += [(doc_id, r.rule, r.family, r.start, r.end, r.end - r.start, r.text)
                     for r in result.removals]
        sentences += [(doc_id, s.sentence_id, s.paragraph, s.role, s.text, s.start, s.end)
                      for s in result.sentences]
    return texts, removals, sentences
