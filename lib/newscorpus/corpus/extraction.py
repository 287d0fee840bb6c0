"""The web pages of a corpus folder: extracted once, on worker processes, and cached.

A corpus folder's ``metadata.csv`` may list web pages (``.html``, ``.htm``, optionally ``.gz``)
beside text files. :func:`~newscorpus.corpus.validate.load_corpus` and
:func:`~newscorpus.corpus.validate.validate_corpus` hand them to :func:`extract_pages`, which
extracts each page with :func:`~newscorpus.corpus.webpages.read_html` (trafilatura), on
``workers`` processes (:func:`~newscorpus.base.parallel.map_chunks`), and, when a ``cache_dir``
is given, keeps each result there as one JSON file named after the page's SHA-256, the
trafilatura version and a digest of the options (:func:`cache_name`), written whole
(:func:`~newscorpus.base.outputs.atomic_path`). A page is then extracted once, however many
notebooks load the corpus; a changed page, another trafilatura or other options miss the cache.

:func:`fill_metadata` fills the EMPTY metadata fields of a page's row from what trafilatura
found (title, date, author, site name as outlet) and says so in ``notes``; a field with a value
is never changed. :func:`dropped_table` lists, for a loaded corpus, the visible text blocks that
extraction left out of each page (doc_id, block, text), for the audit of what was lost.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from newscorpus.base.checks import check_table
from newscorpus.base.errors import CorpusError, Problem
from newscorpus.base.outputs import atomic_path
from newscorpus.base.parallel import map_chunks, resolve_workers

if TYPE_CHECKING:
    from newscorpus.corpus.webpages import Extraction

__all__ = ["CACHE_VERSION", "DROPPED_COLUMNS", "Page", "cache_name", "dropped_table",
           "extract_pages", "fill_metadata"]

#: Changes when what a cache file holds, or how dropped blocks are found, changes.
CACHE_VERSION = 1
#: The columns of :func:`dropped_table`.
DROPPED_COLUMNS = ("doc_id", "block", "text")
#: Metadata columns filled from the page when empty: (column, Extraction attribute, name in notes).
_FILLED = (("title", "title", "title"), ("author", "author", "author"),
           ("outlet", "sitename", "outlet"))


@dataclasses.dataclass(frozen=True)
class Page:
    """A page to extract: its absolute ``path``, the ``sha256`` of its bytes, and ``where`` to
    place a problem (the file and its line in metadata.csv)."""

    path: str
    sha256: str
    where: str


def cache_name(sha256: str) -> str:
    """The cache file name of a page: its SHA-256, the trafilatura version, the options' digest.

    Examples
    --------
    >>> name = cache_name("ab" * 32)
    >>> name.startswith("ab" * 32 + ".trafilatura-"), name.endswith(".json")
    (True, True)
    """
    from newscorpus.corpus.webpages import TRAFILATURA_OPTIONS, TRAFILATURA_VERSION

    options = json.dumps([CACHE_VERSION, TRAFILATURA_OPTIONS], sort_keys=True)
    digest = hashlib.sha256(options.encode("utf-8")).hexdigest()[:12]
    return f"{sha256}.trafilatura-{TRAFILATURA_VERSION}.{digest}.json"


def _extract_chunk(chunk: Sequence[tuple[str, str]]) -> list[Extraction | list[Problem]]:
    """Extract each ``(path, where)`` page: its Extraction, or the problems that stop it."""
    from newscorpus.corpus.webpages import read_html

    out: list[Extraction | list[Problem]] = []
    for path, where in chunk:
        try:
            out.append(read_html(path, where=where))
        except CorpusError as err:
            out.append([Problem(p.where, p.message, p.fix, p.field or "file")
                        for p in err.problems])
    return out


def _read_cache(path: Path) -> Extraction | None:
    from newscorpus.corpus.webpages import Extraction

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Extraction(**{**data, "dropped": tuple(data["dropped"])})
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError):  # damaged: extract again, overwrite it
        return None


def _write_cache(path: Path, found: Extraction) -> str:
    """Write one cache file; return ``""``, or the reason it could not be written."""
    try:
        with atomic_path(path) as tmp:
            tmp.write_text(json.dumps(dataclasses.asdict(found), ensure_ascii=False),
                           encoding="utf-8")
    except OSError as err:
        return f"{err.strerror or err} ({path.parent})"
    return ""


def extract_pages(pages: Sequence[Page], *, cache_dir: str | os.PathLike[str] | None = None,
                  workers: int | None = 1) -> list[Extraction | list[Problem]]:
    """Extract each page, from the cache when it holds it; results in the order of ``pages``.

    Parameters
    ----------
    pages : sequence of Page
        The pages, each with the SHA-256 of the bytes that were checked.
    cache_dir : path or None
        A folder for the cache (created if missing); ``None``: no cache.
    workers : int or None
        Worker processes for the pages not in the cache (``None`` or 0: every core).

    Returns
    -------
    list
        For each page, its :class:`~newscorpus.corpus.webpages.Extraction`, or the list of
        problems (field ``file``) that stop it: not a web page, undecodable, no article text.
        A cache that cannot be written is a ``UserWarning``, not a problem.
    """
    folder = Path(cache_dir) if cache_dir is not None else None
    results: list[Extraction | list[Problem] | None] = [None] * len(pages)
    if folder is not None:
        for i, page in enumerate(pages):
            results[i] = _read_cache(folder / cache_name(page.sha256))
    todo = [i for i, found in enumerate(results) if found is None]
    if todo:
        size = max(1, min(50, math.ceil(len(todo) / (4 * resolve_workers(workers)))))
        parts = map_chunks(_extract_chunk, [(pages[i].path, pages[i].where) for i in todo],
                           workers=workers, chunk_size=size, desc="extracting web pages",
                           unit="page")
        failed = ""
        for i, found in zip(todo, (r for part in parts for r in part), strict=True):
            results[i] = found
            if folder is not None and not isinstance(found, list) and not failed:
                failed = _write_cache(folder / cache_name(pages[i].sha256), found)
        if failed:
            warnings.warn(f"the extraction cache cannot be written: {failed}; pages will be"
                          " extracted again next time", UserWarning, stacklevel=3)
    return [found for found in results if found is not None]


def fill_metadata(row: Mapping[str, str], found: Extraction) -> tuple[dict[str, str], list[str]]:
    """Fill the empty fields of a metadata row from an extraction; say which in ``notes``.

    ``title``, ``author`` and ``outlet`` (trafilatura's site name) are filled when empty;
    ``published`` is filled together with ``date_precision`` (``day``), and only when
    ``date_precision`` is empty or already ``day``. Returns the new row and the names filled
    (``date`` standing for ``published`` and ``date_precision``).

    Examples
    --------
    >>> from newscorpus.corpus.webpages import Extraction
    >>> found = Extraction("Moscow said...", "Russia and Syria", "", "2016-09-21", "day",
    ...                    "The Example Times", "", (), "utf-8", "meta charset")
    >>> row, filled = fill_metadata({"doc_id": "a", "title": "", "outlet": "Kept",
    ...                              "notes": "From the archive."}, found)
    >>> filled, row["published"], row["outlet"]
    (['title', 'date'], '2016-09-21', 'Kept')
    >>> row["notes"]  # doctest: +ELLIPSIS
    'From the archive. title, date extracted from the HTML by trafilatura ...'
    """
    from newscorpus.corpus.webpages import TRAFILATURA_VERSION

    out, filled = dict(row), []
    order = [_FILLED[0], ("published", "date", "date"), *_FILLED[1:]]
    for column, attribute, name in order:
        value = getattr(found, attribute)
        if out.get(column, "").strip() or not value:
            continue
        if column == "published":
            if out.get("date_precision", "").strip() not in ("", found.date_precision):
                continue
            out["date_precision"] = found.date_precision
        out[column] = value
        filled.append(name)
    if filled:
        note = f"{', '.join(filled)} extracted from the HTML by trafilatura {TRAFILATURA_VERSION}."
        out["notes"] = " ".join(part for part in (out.get("notes", "").strip(), note) if part)
    return out, filled


def dropped_table(docs: pd.DataFrame, *, cache_dir: str | os.PathLike[str] | None = None,
                  workers: int | None = 1) -> pd.DataFrame:
    """What extraction left out of each web page of a loaded corpus: doc_id, block, text.

    One row per visible text block of a page that is not in its extracted text or title
    (:func:`~newscorpus.corpus.render.dropped_blocks`), numbered from 1 in page order. Pass the
    ``cache_dir`` that :func:`~newscorpus.corpus.validate.load_corpus` used, so that the pages
    are read from the cache, not extracted again. Text documents have no rows.

    Parameters
    ----------
    docs : pandas.DataFrame
        The corpus from ``load_corpus`` (columns ``doc_id``, ``path`` and ``format``).

    Raises
    ------
    CorpusError
        If a page changed since it was loaded and can no longer be extracted.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "path": ["/x/a.txt"], "format": ["text"]})
    >>> dropped_table(docs).columns.tolist()
    ['doc_id', 'block', 'text']
    """
    check_table(docs, ["doc_id", "path", "format"], "docs",
                "newscorpus.corpus.validate.load_corpus")
    html = docs[docs["format"] == "html"]
    pages = []
    for row in html.itertuples():
        try:
            sha = hashlib.sha256(Path(row.path).read_bytes()).hexdigest()
        except OSError as err:
            raise CorpusError(Problem(row.path, f"the page cannot be read ({err.strerror})",
                                      "load the corpus again")) from None
        pages.append(Page(row.path, sha, row.path))
    rows, problems = [], []
    for doc_id, result in zip(html["doc_id"], extract_pages(pages, cache_dir=cache_dir,
                                                            workers=workers), strict=True):
        if isinstance(result, list):
            problems += result
        else:
            rows += [(doc_id, n, block) for n, block in enumerate(result.dropped, start=1)]
    if problems:
        raise CorpusError(problems, title="A page changed since the corpus was loaded:")
    text = pd.StringDtype("python", na_value=np.nan)  # as load_corpus's text columns
    table = pd.DataFrame(rows, columns=list(DROPPED_COLUMNS))
    return table.astype({"doc_id": text, "block": "int64", "text": text})
