"""A synthetic corpus of any size, made from the project's own texts, to try the collection on.

The pages are made of real material: paragraphs of the corpus's raw texts (body, captions,
prompts and menus alike, so cleaning has furniture to remove) and sentences of the rated New
York Times snippets in ``validation/hutto2014`` (more varied vocabulary). Each page gets a
title, an outlet from a fixed list, and a date between 2015 and 2024 written at day, month or
year precision; one page in fifty is a snippet aggregate. Everything is drawn from one seeded
random generator, so the same arguments give the same bytes on every machine.

The texts mean nothing as a whole; they are for measuring speed and memory and for checking
that every notebook reads at any size, never for findings.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import random
from pathlib import Path

from newscorpus.base.errors import ParameterError, Problem
from newscorpus.base.outputs import atomic_path
from newscorpus.base.paths import display, resolve

__all__ = ["OUTLETS", "make_corpus"]

#: The outlets pages are attributed to (invented names, so no real outlet is misquoted).
OUTLETS = ("Daily Courier", "Evening Ledger", "World Wire", "The Observer Review",
           "Capital Gazette", "Morning Standard", "Global Desk", "The Northern Times",
           "Harbour Post", "Continental Report", "Policy Weekly", "Eastern Monitor",
           "The Union Herald", "Atlantic Bulletin", "Metro Tribune")

_COLUMNS = ("doc_id", "file", "outlet", "title", "published", "kind", "sha256", "notes")


def _material(project: Path) -> tuple[list[str], list[str]]:
    """Paragraphs of the raw corpus texts and sentences of the rated NYT snippets."""
    paragraphs: list[str] = []
    raw = project / "corpus" / "raw"
    for path in sorted(raw.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        paragraphs += [p.strip() for p in text.split("\n") if len(p.strip()) > 1]
    sentences: list[str] = []
    nyt = project / "validation" / "hutto2014" / "nyt_editorial_snippets_dev.tsv"
    if nyt.is_file():
        with nyt.open(encoding="utf-8", newline="") as f:
            rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(rows)
            sentences = [row[2].strip() for row in rows if len(row) > 2 and row[2].strip()]
    if not paragraphs:
        raise ParameterError(Problem(display(raw), "no text to build pages from",
                                     "run this in the project folder, where corpus/raw holds "
                                     "the seed texts"))
    return paragraphs, sentences


def _date(rng: random.Random) -> str:
    year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
    form = rng.random()
    if form < 0.8:
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}-{month:02d}" if form < 0.95 else str(year)


def _page(rng: random.Random, paragraphs: list[str], sentences: list[str], size: int) -> str:
    parts, n = [], 0
    while n < size:
        if sentences and rng.random() < 0.35:
            block = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
        else:
            block = rng.choice(paragraphs)
        parts.append(block)
        n += len(block) + 2
    return "\n\n".join(parts) + "\n"


def make_corpus(out_dir: str | os.PathLike[str], *, megabytes: float = 5.0,
                documents: int | None = None, doc_kb: float = 6.0, seed: int = 0,
                project: str | os.PathLike[str] = ".") -> Path:
    """Write a synthetic corpus folder (texts and ``metadata.csv``) and return its path.

    Parameters
    ----------
    out_dir : path
        The folder to write; it must not exist or be empty.
    megabytes : float
        About how many MB (10^6 bytes) of text to write, when ``documents`` is not given.
    documents : int, optional
        How many documents to write instead (each of about ``doc_kb`` KB).
    doc_kb : float
        The mean size of a document in KB; sizes vary from a third to twice that.
    seed : int
        The random seed: the same arguments give the same files.
    project : path
        The project folder whose ``corpus/raw`` and ``validation/hutto2014`` give the material
        (relative paths are read from the project root).

    Returns
    -------
    Path
        The corpus folder, ready for ``newscorpus validate`` and ``newscorpus run --corpus``.

    Raises
    ------
    ParameterError
        For a folder that already holds files, or sizes that are not positive.

    Examples
    --------
    >>> import tempfile
    >>> folder = make_corpus(tempfile.mkdtemp() + "/c", documents=3, seed=1)
    >>> sorted(p.name for p in folder.iterdir())
    ['d000000.txt', 'd000001.txt', 'd000002.txt', 'metadata.csv']
    """
    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ParameterError(Problem(f"parameter 'out_dir' ({display(out)})",
                                     "the folder exists and is not empty",
                                     "name a new folder; nothing is overwritten"))
    if (documents is not None and documents < 1) or megabytes <= 0 or doc_kb <= 0:
        raise ParameterError(Problem("parameter 'documents'", "sizes must be positive",
                                     "pass documents >= 1, megabytes > 0 and doc_kb > 0"))
    paragraphs, sentences = _material(resolve(project))
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    rows, total, i = [], 0, 0
    while (i < documents) if documents is not None else (total < megabytes * 1e6):
        kind = "snippet-aggregate" if rng.random() < 0.02 else "article"
        size = int(doc_kb * 1000 * rng.uniform(1 / 3, 2))
        title = rng.choice(sentences or paragraphs)
        title = title if len(title) <= 90 else title[:90].rsplit(" ", 1)[0].rstrip(" ,;:")
        body = _page(rng, paragraphs, sentences, size)
        data = (f"{title}\n\n{body}" if kind == "article" else body.replace("\n\n", " ")).encode()
        name = f"d{i:06d}.txt"
        with atomic_path(out / name) as tmp:
            tmp.write_bytes(data)
        rows.append({"doc_id": f"d{i:06d}", "file": name, "outlet": rng.choice(OUTLETS)
                     if kind == "article" else "", "title": title if kind == "article" else "",
                     "published": _date(rng), "kind": kind,
                     "sha256": hashlib.sha256(data).hexdigest(),
                     "notes": f"synthetic page (newscorpus.corpus.synthetic, seed {seed})"})
        total += len(data)
        i += 1
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    with atomic_path(out / "metadata.csv") as tmp:
        tmp.write_text(buffer.getvalue(), encoding="utf-8")
    return out
