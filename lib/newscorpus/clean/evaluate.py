"""Score cleaning against a hand-made gold standard of boilerplate spans.

A gold file (YAML, the format of ``tests/gold/README.md``) names a document and lists, as exact
substrings, the spans that are boilerplate (with their family), the structural lines that must
be kept (with their role) and the words broken by a stray space. :func:`score_document`
compares one cleaning result with it character by character, counting only non-space
characters:

* **precision**: of the characters cleaning removed, the share that is gold boilerplate;
* **recall**: of the gold boilerplate characters, the share that cleaning removed;
* **body kept**: of the characters that are not boilerplate, the share still in the clean
  text (it must be 1: body text is kept in full).

Unicode normalisation and broken-word joins are not removals of content and are scored apart
(``broken_words_joined``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from newscorpus.base.errors import CorpusError, Problem
from newscorpus.clean.pipeline import CleanText, clean_text

__all__ = ["Gold", "load_gold", "score_document", "score_gold_folder"]

_NOT_CONTENT = {"unicode", "broken_word"}


@dataclass
class Gold:
    """A document and its gold spans (offsets into the document's text)."""

    name: str
    text: str
    boilerplate: list[tuple[int, int, str]] = field(default_factory=list)
    kept: list[tuple[int, int, str]] = field(default_factory=list)
    broken_words: list[tuple[int, int, str]] = field(default_factory=list)


def _locate(text: str, needle: str, occurrence: int, where: str) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            raise CorpusError(Problem(where, f"the text {needle[:60]!r} does not occur "
                                      f"{occurrence} time(s) in the document",
                                      "copy the span exactly from the document"))
    return start, start + len(needle)


def load_gold(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> Gold:
    """Read one gold YAML file; its ``file`` is read relative to ``root``.

    Raises
    ------
    CorpusError
        If the document is missing or a span does not occur in it.
    """
    path = Path(path)
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc = Path(root) / spec["file"]
    if not doc.is_file():
        raise CorpusError(Problem(str(path), f"the document {spec['file']} does not exist",
                                  "give 'file' relative to the project root"))
    text = doc.read_text(encoding="utf-8")
    gold = Gold(path.stem, text)
    for key, label, target in (("boilerplate", "family", gold.boilerplate),
                               ("kept", "role", gold.kept)):
        for item in spec.get(key) or []:
            start, end = _locate(text, item["text"], item.get("occurrence", 1), str(path))
            target.append((start, end, item[label]))
    for item in spec.get("broken_words") or []:
        start = -1
        while (start := text.find(item["raw"], start + 1)) >= 0:
            gold.broken_words.append((start, start + len(item["raw"]), item["joined"]))
    return gold


def _chars(text: str, spans) -> set[int]:
    return {i for start, end, *_ in spans for i in range(start, end) if not text[i].isspace()}


def _compare(gold: Gold, result: CleanText) -> dict[str, set[int]]:
    """The non-space character offsets that were removed, are boilerplate, and are body."""
    text = gold.text
    removed = _chars(text, [(r.start, r.end) for r in result.removals
                            if r.family not in _NOT_CONTENT])
    boiler = _chars(text, gold.boilerplate)
    body = {i for i in range(len(text)) if not text[i].isspace()} - boiler
    return {"removed": removed, "boiler": boiler, "body": body}


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def score_document(gold: Gold, result: CleanText | None = None) -> dict:
    """Compare a cleaning result (by default: cleaning with all rules) with the gold.

    Returns
    -------
    dict
        ``document``, ``gold_chars``, ``removed_chars``, ``precision``, ``recall``,
        ``body_kept`` (shares, 1.0 when there is nothing to measure), ``body_lost`` (the
        body text removed, for inspection), ``missed`` (gold boilerplate kept),
        ``broken_words_joined`` (share of gold broken words repaired), and
        ``recall_<family>`` for each gold family.
    """
    result = result if result is not None else clean_text(gold.text)
    return _scores(gold, result, _compare(gold, result))


def _scores(gold: Gold, result: CleanText, chars: dict[str, set[int]]) -> dict:
    text = gold.text
    removed, boiler, body = chars["removed"], chars["boiler"], chars["body"]
    hit = removed & boiler
    joins = {(r.start, r.end) for r in result.removals if r.family == "broken_word"}
    joined = sum(any(a <= s < e <= b for s, e in joins) for a, b, _ in gold.broken_words)

    def pieces(chars: set[int]) -> list[str]:
        out, run = [], []
        for i in sorted(chars):
            if run and i > run[-1] + 1 and text[run[-1] + 1:i].strip():
                out.append(text[run[0]:run[-1] + 1])
                run = []
            run.append(i)
        return out + ([text[run[0]:run[-1] + 1]] if run else [])

    scores = {
        "document": gold.name,
        "gold_chars": len(boiler),
        "removed_chars": len(removed),
        "precision": _share(len(hit), len(removed)),
        "recall": _share(len(hit), len(boiler)),
        "body_kept": _share(len(body - removed), len(body)),
        "broken_words_joined": _share(joined, len(gold.broken_words)),
        "body_lost": pieces(removed & body),
        "missed": pieces(boiler - removed),
    }
    for family in sorted({f for *_, f in gold.boilerplate}):
        family_chars = _chars(text, [s for s in gold.boilerplate if s[2] == family])
        scores[f"recall_{family}"] = _share(len(family_chars & removed), len(family_chars))
    return scores


def score_gold_folder(folder: str | os.PathLike[str], root: str | os.PathLike[str],
                      *, rules=None) -> pd.DataFrame:
    """Score cleaning (with ``rules``, all by default) on every ``*.yaml`` gold file under
    ``folder``, one row per document, plus a ``total`` row pooling all characters."""
    rows, pooled = [], {"gold": 0, "removed": 0, "hit": 0, "body": 0, "lost": 0}
    for path in sorted(Path(folder).rglob("*.yaml")):
        gold = load_gold(path, root)
        result = clean_text(gold.text, rules=rules)
        chars = _compare(gold, result)
        scores = _scores(gold, result, chars)
        scores["set"] = path.parent.name
        rows.append(scores)
        pooled["gold"] += len(chars["boiler"])
        pooled["removed"] += len(chars["removed"])
        pooled["hit"] += len(chars["removed"] & chars["boiler"])
        pooled["body"] += len(chars["body"])
        pooled["lost"] += len(chars["removed"] & chars["body"])
    table = pd.DataFrame(rows)
    total = {"document": "total", "set": "all", "gold_chars": pooled["gold"],
             "removed_chars": pooled["removed"],
             "precision": pooled["hit"] / max(pooled["removed"], 1),
             "recall": pooled["hit"] / max(pooled["gold"], 1),
             "body_kept": 1 - pooled["lost"] / max(pooled["body"], 1)}
    return pd.concat([table, pd.DataFrame([total])], ignore_index=True)
