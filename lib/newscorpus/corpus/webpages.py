"""The article in a web page: its text and metadata by trafilatura, and what extraction dropped.

:func:`extract_html` decodes a page (:mod:`~newscorpus.corpus.decoding`), runs trafilatura with
the fixed options in :data:`TRAFILATURA_OPTIONS` and returns an :class:`Extraction`: the article
text, the metadata trafilatura finds (title, date, author, site name, address) and the page's
visible text blocks that are not in the text (:mod:`~newscorpus.corpus.render`), for an audit.
:func:`read_html` does the same for a ``.html`` / ``.htm`` file, gzipped or not, and
:func:`article_text` returns the text of such a file exactly as a corpus document holds it
(:attr:`Extraction.corpus_text`), for ``newscorpus clean PAGE.html`` and the cleaning pipeline.

For an HTML document, the document's ``text`` is this extracted text, so every character offset
later in the pipeline (cleaning, removals, sentences, concordances) indexes the extracted text,
not the HTML of the page.

Nothing is fetched: trafilatura only parses the string it is given, and the ``url`` passed on is
used as metadata and to resolve relative links, never opened. The options were chosen by
measurement on the pages of the article-extraction benchmark whose id starts with 0-9 and checked
on the others (``benchmarks/bench_extraction.py``; the scores are in the README).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura

from newscorpus.base.errors import CorpusError, Problem
from newscorpus.corpus.dates import parse_published
from newscorpus.corpus.decoding import HTML_SUFFIXES, decode_html, gunzip, is_html_name
from newscorpus.corpus.render import dropped_blocks, visible_blocks

__all__ = ["HTML_SUFFIXES", "TRAFILATURA_OPTIONS", "TRAFILATURA_VERSION", "Extraction",
           "article_text", "extract_html", "is_html_name", "read_html"]

TRAFILATURA_VERSION: str = trafilatura.__version__
#: The options of every call to ``trafilatura.bare_extraction`` (the README gives the scores
#: behind the choice): precision mode, tables kept, comments left out, trafilatura's fallback
#: extractors on (``fast=False``), no deduplication across pages (which would make the result
#: depend on the pages seen before), and dates only from the page's markup, preferring the
#: original publication date over a later modification.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "favor_precision": True, "favor_recall": False, "include_comments": False,
    "include_tables": True, "include_images": False, "include_links": False,
    "include_formatting": False, "fast": False, "deduplicate": False, "with_metadata": True,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}
_URL = re.compile(r"https?://[^\s/]+\S*")


@dataclass(frozen=True)
class Extraction:
    """What :func:`extract_html` found in one page.

    Attributes
    ----------
    text : str
        The article text, one paragraph per line, as trafilatura gives it.
    title, author, sitename, url : str
        Metadata found in the page, or ``""``. ``url`` is an http(s) address only.
    date : str
        The publication date as ``YYYY-MM-DD``, or ``""``.
    date_precision : str
        ``"day"`` when ``date`` is set, else ``""``.
    dropped : tuple of str
        The page's visible text blocks that are not in ``text`` or ``title``
        (:func:`~newscorpus.corpus.render.dropped_blocks`).
    encoding, encoding_source : str
        The codec the page was decoded with, and how it was chosen.
    """

    text: str
    title: str
    author: str
    date: str
    date_precision: str
    sitename: str
    url: str
    dropped: tuple[str, ...]
    encoding: str
    encoding_source: str

    @property
    def corpus_text(self) -> str:
        """The text as the corpus stores it: paragraphs separated by one blank line."""
        return "\n\n".join(line for line in self.text.split("\n") if line.strip()) + "\n"


def _field(document: Any, name: str) -> str:
    value = getattr(document, name, None)
    return " ".join(value.split()) if isinstance(value, str) else ""


def _date(value: str) -> str:
    try:
        span = parse_published(value)
    except ValueError:
        return ""
    return value if span is not None and span.precision == "day" else ""


def extract_html(page: bytes | str, *, where: str = "page", url: str | None = None,
                 encoding: str | None = None) -> Extraction:
    """Extract the article text and metadata of one page with trafilatura.

    Parameters
    ----------
    page : bytes or str
        The page as stored (gzip is recognised by its magic bytes), or already decoded.
    where : str
        How messages name the page (a file name).
    url : str or None
        The page's address, if known: trafilatura's fallback for the ``url`` metadata.
    encoding : str or None
        Decode with this codec instead of detecting the encoding.

    Returns
    -------
    Extraction

    Raises
    ------
    CorpusError
        If the page cannot be decoded, or trafilatura finds no article text in it.

    Examples
    --------
    >>> page = ('<html><head><title>Russia and Syria</title>'
    ...         '<meta property="og:site_name" content="The Example Times">'
    ...         '<meta property="article:published_time" content="2016-09-21T10:00:00Z">'
    ...         '</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>'
    ...         '<article><h1>Russia and Syria</h1>'
    ...         '<p>Moscow said on Tuesday that its aircraft would keep flying over Syria.</p>'
    ...         '<p>Talks with Washington on a ceasefire would go on in Geneva next week, the'
    ...         ' foreign ministry said, but no date had been set for a first meeting.</p>'
    ...         '<p>The Kremlin gave no figure for the number of aircraft at the base.</p>'
    ...         '</article><footer>Copyright 2016 The Example Times</footer></body></html>')
    >>> found = extract_html(page.encode())
    >>> found.title, found.date, found.sitename
    ('Russia and Syria', '2016-09-21', 'The Example Times')
    >>> found.text.splitlines()[:2], found.dropped  # the <h1> is part of the article
    (['Russia and Syria', 'Moscow said on Tuesday that its aircraft would keep flying over \
Syria.'], ('Home World', 'Copyright 2016 The Example Times'))
    """
    if isinstance(page, bytes):
        decoded = decode_html(gunzip(page, where=where), where=where, encoding=encoding)
        text, codec, source = decoded.text, decoded.encoding, decoded.source
    else:
        text, codec, source = page, "", "given as text"
    try:
        document = trafilatura.bare_extraction(text, url=url, **TRAFILATURA_OPTIONS)
    except Exception as err:  # noqa: BLE001 - any failure of the parser is a problem of the page
        raise CorpusError(Problem(where, f"trafilatura cannot parse the page"
                                  f" ({type(err).__name__}: {err})", "check that the file is a"
                                  " complete web page")) from None
    body = getattr(document, "text", None) or ""
    if not body.strip():
        raise CorpusError(Problem(where, "trafilatura found no article text in the page",
                                  "check that the file holds the article itself (not a consent,"
                                  " login or error page), or copy its text into a .txt file"))
    title = _field(document, "title")
    date = _date(_field(document, "date"))
    found_url = _field(document, "url")
    return Extraction(
        text=body, title=title, author=_field(document, "author"), date=date,
        date_precision="day" if date else "", sitename=_field(document, "sitename"),
        url=found_url if _URL.fullmatch(found_url) else "",
        dropped=tuple(dropped_blocks(visible_blocks(text), [body, title])),
        encoding=codec, encoding_source=source)


def read_html(path: str | os.PathLike[str], *, where: str = "", url: str | None = None,
              encoding: str | None = None) -> Extraction:
    """Read a ``.html`` / ``.htm`` file (optionally ``.gz``) and extract it (:func:`extract_html`).

    Raises
    ------
    CorpusError
        If the file is not named as a web page, cannot be read, or cannot be extracted.

    Examples
    --------
    >>> import gzip, tempfile
    >>> path = Path(tempfile.mkdtemp()) / "page.html.gz"
    >>> _ = path.write_bytes(gzip.compress(
    ...     b"<html><head><title>Lavrov meets Kerry</title></head><body><article><p>Russian"
    ...     b" Foreign Minister Sergei Lavrov met John Kerry in Geneva on Friday.</p><p>They"
    ...     b" talked for five hours about a ceasefire in Syria.</p></article></body></html>"))
    >>> found = read_html(path)
    >>> found.title, found.text.splitlines()[-1]
    ('Lavrov meets Kerry', 'They talked for five hours about a ceasefire in Syria.')
    """
    where = where or str(path)
    if not is_html_name(str(path)):
        raise CorpusError(Problem(where, "the file is not named as a web page", "give a file"
                                  f" ending in {', '.join(HTML_SUFFIXES)}"))
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise CorpusError(Problem(where, f"the file cannot be read ({err.strerror})",
                                  "check that the path names an existing, readable file")) from None
    if str(path).lower().endswith(".gz") and not data.startswith(b"\x1f\x8b"):
        raise CorpusError(Problem(where, "the file is named .gz but is not gzip",
                                  "rename it without .gz, or compress it with gzip"))
    return extract_html(data, where=where, url=url, encoding=encoding)


def article_text(path: str | os.PathLike[str], *, where: str = "") -> str:
    """The article text of a web page file, exactly as a corpus document holds it.

    The text :func:`~newscorpus.corpus.validate.load_corpus` gives an HTML document:
    :attr:`Extraction.corpus_text` of :func:`read_html` (paragraphs separated by one blank
    line, ending in a newline). ``newscorpus clean PAGE.html`` cleans this text.

    Raises
    ------
    CorpusError
        As :func:`read_html`.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "page.html"
    >>> _ = path.write_text(
    ...     "<html><body><nav>Home</nav><article><p>Russian Foreign Minister Sergei Lavrov met"
    ...     " John Kerry in Geneva on Friday.</p><p>They talked for five hours about a ceasefire"
    ...     " in Syria.</p></article></body></html>", encoding="utf-8")
    >>> print(article_text(path), end="")
    Russian Foreign Minister Sergei Lavrov met John Kerry in Geneva on Friday.
    <BLANKLINE>
    They talked for five hours about a ceasefire in Syria.
    """
    return read_html(path, where=where).corpus_text
