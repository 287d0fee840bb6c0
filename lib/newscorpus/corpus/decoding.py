"""Bytes of a web page to text: which files are pages, gzip, byte-order mark, charset, detection.

:func:`is_html_name` says which files of a corpus folder are web pages (``.html``, ``.htm``,
optionally gzipped as ``.gz``); :func:`gunzip` uncompresses gzip, recognised by its magic bytes.
:func:`decode_html` tries, in order:

1. a byte-order mark (UTF-8, UTF-16, UTF-32), which a browser also puts first;
2. the ``encoding`` the caller gives, if any (then nothing else is tried);
3. strict UTF-8, when the bytes are valid UTF-8 (a page whose bytes are valid UTF-8 but that
   declares a single-byte charset such as ISO-8859-1 is, in practice, mislabelled UTF-8);
4. the charset the page declares (``<meta charset>``, ``<meta http-equiv="Content-Type">`` or an
   XML declaration in the first 16 KB), with the labels browsers treat as windows-1252
   (``iso-8859-1``, ``latin1``, ``us-ascii``) read as windows-1252;
5. charset-normalizer's best guess.

When all fail, a :class:`~newscorpus.base.errors.CorpusError` says where UTF-8 decoding broke, what
the page declared and how to convert the file. Text is decoded strictly: no byte is ever replaced.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from dataclasses import dataclass

from newscorpus.base.errors import CorpusError, Problem

__all__ = ["HTML_SUFFIXES", "Decoded", "decode_html", "gunzip", "is_html_name"]

#: The file name endings of web pages in a corpus folder (any case).
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_DECLARED = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)"""
                       rb"""|<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_.:-]+)""", re.IGNORECASE)
_AS_WINDOWS_1252 = {"latin_1", "iso8859_1", "ascii", "cp1252"}
_BINARY = {b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
           b"GIF8": "a GIF image", b"PK\x03\x04": "a ZIP archive (.zip, .docx, .xlsx ...)"}


@dataclass(frozen=True)
class Decoded:
    """A decoded page: its ``text``, the Python codec used and how it was chosen (``source``)."""

    text: str
    encoding: str
    source: str


def is_html_name(name: str) -> bool:
    """True for a file name ending in ``.html`` or ``.htm``, optionally with ``.gz`` (any case).

    Examples
    --------
    >>> is_html_name("page.HTM.gz"), is_html_name("page.txt")
    (True, False)
    """
    return name.lower().endswith(HTML_SUFFIXES)


def gunzip(data: bytes, *, where: str) -> bytes:
    """Return ``data`` uncompressed if it is gzip (by its magic bytes), else unchanged.

    Examples
    --------
    >>> gunzip(gzip.compress(b"<p>Hi</p>"), where="a.html.gz")
    b'<p>Hi</p>'
    """
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as err:
        raise CorpusError(Problem(where, f"the file is damaged gzip ({err})", "download the page"
                                  " again, or check it with `gzip -t FILE`")) from None


def _codec(label: str, *, declared: bool = True) -> str | None:
    """The Python codec for ``label``; a declared label is read as browsers read it."""
    try:
        name = codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None
    if name == "utf_8" or declared and name.startswith(("utf_16", "utf_32")):
        return "utf-8"  # a page cannot declare UTF-16 in bytes that are not UTF-16
    return "cp1252" if declared and name in _AS_WINDOWS_1252 else name


def _first_error(data: bytes, codec: str) -> str:
    try:
        data.decode(codec)
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        return f"byte 0x{data[err.start]:02X} at offset {err.start} (line {line})"
    return ""


def decode_html(data: bytes, *, where: str = "page", encoding: str | None = None) -> Decoded:
    """Decode the bytes of a page (already uncompressed) without replacing any byte.

    Parameters
    ----------
    data : bytes
        The page as stored.
    where : str
        How messages name the page.
    encoding : str or None
        The encoding to use, overriding every other clue except a byte-order mark.

    Raises
    ------
    CorpusError
        For an empty or binary file, or bytes that no encoding tried can decode.

    Examples
    --------
    >>> decode_html("<meta charset='iso-8859-1'><p>caf\\u00e9".encode("cp1252"))
    Decoded(text="<meta charset='iso-8859-1'><p>café", encoding='cp1252', source='meta charset')
    >>> decode_html("<p>caf\\u00e9</p>".encode()).source
    'valid UTF-8'
    """
    if not data.strip():
        raise CorpusError(Problem(where, "the page is empty", "download the page again, or"
                                  " remove it from the list"))
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec).removeprefix("\ufeff"), codec, "byte-order mark")
            except UnicodeDecodeError:
                raise CorpusError(Problem(where, f"the page starts with a {codec} byte-order mark"
                                          f" but is not {codec}: {_first_error(data, codec)}",
                                          "convert it to UTF-8 with iconv, or re-download it")
                                  ) from None
    kind = next((name for sig, name in _BINARY.items() if data.startswith(sig)), "")
    if kind or b"\x00" in data[:4096]:
        found = kind or f"it holds NUL bytes, first at offset {data.find(0)}"
        raise CorpusError(Problem(where, f"the file is not an HTML page ({found})", "list only"
                                  " web pages (.html, .htm, optionally gzipped as .gz)"))
    if encoding is not None:
        codec = _codec(encoding, declared=False)
        if codec is None:
            raise CorpusError(Problem(where, f"the encoding {encoding!r} is unknown", "use a"
                                      " Python codec name such as 'utf-8' or 'cp1252'"))
        try:
            return Decoded(data.decode(codec), codec, "given")
        except UnicodeDecodeError:
            raise CorpusError(Problem(where, f"the page is not {encoding}: "
                                      f"{_first_error(data, codec)} cannot be decoded",
                                      "pass the right encoding, or none to detect it")) from None
    declared = _DECLARED.search(data[:16384])
    label = (declared[1] or declared[2]).decode("ascii") if declared else ""
    try:
        text = data.decode("utf-8")
        return Decoded(text, "utf-8", "meta charset" if _codec(label) == "utf-8" else
                       "valid UTF-8")
    except UnicodeDecodeError:
        pass
    codec = _codec(label) if label else None
    if codec and codec != "utf-8":
        try:
            return Decoded(data.decode(codec), codec, "meta charset")
        except UnicodeDecodeError:
            pass
    import charset_normalizer  # only for pages that are neither UTF-8 nor as declared

    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        try:
            return Decoded(data.decode(best.encoding), best.encoding, "charset-normalizer")
        except (UnicodeDecodeError, LookupError):
            pass
    said = (f"it declares {label!r}, which fails at {_first_error(data, codec)}" if codec
            else f"it declares the unknown charset {label!r}" if label
            else "it declares no charset")
    raise CorpusError(Problem(where, f"the page cannot be decoded: as UTF-8,"
                              f" {_first_error(data, 'utf-8')} is invalid; {said}; and"
                              " charset-normalizer recognises no encoding", "find the page's"
                              " encoding and pass it as encoding=..., or convert the file:"
                              " iconv -f ENCODING -t utf-8 FILE > FILE.utf8.html"))
