"""Check the hand-made boilerplate gold (tests/gold/**/*.yaml) against its documents.

Run from anywhere:  python tests/gold/verify_gold.py
Exit status 0 when every check passes.

Checks, per YAML file:
  * the document exists and is valid UTF-8;
  * every boilerplate/kept ``text`` occurs in the document, at least ``occurrence`` times
    (1-based, counted with overlapping str.find); a text that occurs more than once must
    state its occurrence;
  * families and roles belong to the fixed vocabularies;
  * boilerplate spans are listed in document order, do not overlap each other and do not
    overlap kept spans;
  * every broken_words ``raw`` occurs in the document and ``joined`` is ``raw`` without spaces.
Then prints the number of spans per family per file and, for each document, the words left
after removing the boilerplate spans.
"""

from __future__ import annotations

import collections
import pathlib
import re
import sys

import yaml

GOLD = pathlib.Path(__file__).resolve().parent
ROOT = GOLD.parents[1]
FAMILIES = (
    "caption",
    "prompt",
    "related",
    "disclaimer",
    "tags",
    "wire_code",
    "citation",
    "gibberish",
    "duplicate",
)
ROLES = ("title", "standfirst", "dateline", "byline", "subheading")


def locate(doc: str, text: str, occurrence: int | None) -> tuple[int, int, list[str]]:
    """Return (start, end, problems) for the requested occurrence of text in doc."""
    starts, i = [], doc.find(text)
    while i != -1:
        starts.append(i)
        i = doc.find(text, i + 1)
    problems = []
    if not text.strip():
        problems.append("empty text")
    if not starts:
        return -1, -1, problems + ["text not found"]
    if occurrence is None:
        if len(starts) > 1:
            problems.append(f"occurs {len(starts)} times but no occurrence given")
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        return -1, -1, problems + [f"occurrence {occurrence} requested, only {len(starts)} found"]
    s = starts[occurrence - 1]
    return s, s + len(text), problems


def check(path: pathlib.Path) -> tuple[list[str], collections.Counter, int, int]:
    errors: list[str] = []
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("file", "source", "boilerplate", "kept", "broken_words", "notes"):
        if key not in spec:
            errors.append(f"missing key {key!r}")
    doc_path = ROOT / spec["file"]
    doc = doc_path.read_text(encoding="utf-8")
    counts: collections.Counter = collections.Counter()
    spans = []
    last = -1
    for n, item in enumerate(spec.get("boilerplate") or [], 1):
        fam = item.get("family")
        if fam not in FAMILIES:
            errors.append(f"boilerplate #{n}: unknown family {fam!r}")
        s, e, probs = locate(doc, item["text"], item.get("occurrence"))
        errors += [f"boilerplate #{n} ({item['text'][:40]!r}): {p}" for p in probs]
        if s < 0:
            continue
        if s < last:
            errors.append(f"boilerplate #{n} ({item['text'][:40]!r}): not in document order")
        last = s
        counts[fam] += 1
        spans.append((s, e, n))
    spans.sort()
    for (_s1, e1, n1), (s2, _e2, n2) in zip(spans, spans[1:], strict=False):
        if s2 < e1:
            errors.append(f"boilerplate #{n1} and #{n2} overlap")
    for n, item in enumerate(spec.get("kept") or [], 1):
        if item.get("role") not in ROLES:
            errors.append(f"kept #{n}: unknown role {item.get('role')!r}")
        s, e, probs = locate(doc, item["text"], item.get("occurrence"))
        errors += [f"kept #{n} ({item['text'][:40]!r}): {p}" for p in probs]
        for bs, be, bn in spans:
            if s >= 0 and s < be and bs < e:
                errors.append(f"kept #{n} overlaps boilerplate #{bn}")
    for n, bw in enumerate(spec.get("broken_words") or [], 1):
        if bw["raw"] not in doc:
            errors.append(f"broken_words #{n}: raw {bw['raw']!r} not found")
        if bw["raw"].replace(" ", "") != bw["joined"]:
            errors.append(f"broken_words #{n}: joined {bw['joined']!r} is not raw without spaces")
    kept_text, pos = [], 0
    for s, e, _ in spans:
        kept_text.append(doc[pos:s])
        pos = max(pos, e)
    kept_text.append(doc[pos:])
    words_total = len(re.findall(r"\S+", doc))
    words_left = len(re.findall(r"\S+", " ".join(kept_text)))
    return errors, counts, words_total, words_left


def main() -> int:
    files = sorted(GOLD.rglob("*.yaml"))
    bad = 0
    header = f"{'file':34s} " + " ".join(f"{f[:8]:>8s}" for f in FAMILIES) + "   total  words  left"
    print(header)
    for path in files:
        errors, counts, total, left = check(path)
        name = str(path.relative_to(GOLD))
        row = " ".join(f"{counts.get(f, 0):8d}" for f in FAMILIES)
        print(f"{name:34s} {row} {sum(counts.values()):7d} {total:6d} {left:5d}")
        for err in errors:
            print(f"    ERROR {err}")
        bad += len(errors)
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
