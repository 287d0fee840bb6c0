"""Reading one text file: UTF-8 (a BOM allowed), with a clear message for anything else.

:func:`read_regular` reads a regular file only, never blocking on a named pipe;
:func:`decode_text` names what the bytes are when they are not UTF-8 (UTF-16 or UTF-32 with or
without a byte-order mark, a binary format, a single-byte encoding); :func:`no_words` refuses a
text in which :func:`newscorpus.base.words.tokenize` finds no word.
"""

from __future__ import annotations

import codecs
import os
import shlex
import stat
import unicodedata
from pathlib import Path

from newscorpus.base.errors import CorpusError, Problem
from newscorpus.base.words import WORD_RE

_SIGNATURES = {b"\x89PNG": "a PNG image", b"%PDF": "a PDF document", b"GIF8": "a GIF image",
               b"\xff\xd8\xff": "a JPEG image", b"PK\x03\x04": "a ZIP archive (.zip, .docx ...)"}
#: Byte-order marks, UTF-32 first: a UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
         (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))
#: Unicode without a byte-order mark: codec, name for iconv, bytes per unit.
_BOMLESS = (("utf-32-le", "UTF-32LE", 4), ("utf-32-be", "UTF-32BE", 4),
            ("utf-16-le", "UTF-16LE", 2), ("utf-16-be", "UTF-16BE", 2))
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


class NotRegularFile(OSError):
    """A path that names a folder, a named pipe, a socket or a device; ``kind`` says which."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"the path is {kind}, not a regular file")
        self.kind = kind


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_regular(path: str | os.PathLike[str]) -> bytes:
    """Return the bytes of a regular file; raise :class:`NotRegularFile` for anything else.

    The type is checked before opening and again on the open file, which is opened without
    blocking: a named pipe is never waited on.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> read_regular(folder)
    Traceback (most recent call last):
    newscorpus.corpus.files.NotRegularFile: the path is a folder, not a regular file
    """
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotRegularFile(_kind(mode))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(fd, "rb") as file:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # replaced between the two looks
            raise NotRegularFile(_kind(mode))
        return file.read()


def _bomless(data: bytes) -> str:
    """The iconv name of the UTF-16 or UTF-32 that ``data`` is without a BOM, or ``""``.

    The NUL bytes must sit in the high bytes of the units (a quarter of them at least), the
    bytes must decode strictly, and the text must hold no NUL and hardly any control or
    unassigned character.
    """
    for codec, name, width in _BOMLESS:
        high = width - 1 if codec.endswith("le") else 0
        units = len(data) // width
        if not units or len(data) % width or data[high::width].count(0) < units / 4:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        odd = sum(unicodedata.category(c) in ("Cc", "Cn", "Co") and c not in "\t\n\r\f"
                  for c in text)
        if "\x00" not in text and odd <= len(text) / 50:
            return name
    return ""


def decode_text(data: bytes, where: str, shown: str) -> tuple[str, Problem | None]:
    """Decode strict UTF-8, dropping a BOM, or say why not.

    Line ends are kept as they are, so that character offsets into the text trace back to the
    file exactly.

    ``where`` places the problem; ``shown`` is the file's path as used in the suggested command.
    """
    def convert(name: str) -> str:
        return f"convert it and replace the original: iconv -f {name} -t UTF-8" \
            f" {shlex.quote(shown)} > converted.txt"

    for bom, codec, name in _BOMS:
        if data.startswith(bom) and (codec == "utf-16" or _decodes(data, codec)):
            return "", Problem(where, f"the file is {name} text, not UTF-8", convert(name))
    kind = next((name for sig, name in _SIGNATURES.items() if data.startswith(sig)), "")
    unicode = "" if kind or b"\x00" not in data else _bomless(data)
    if unicode:
        return "", Problem(where, f"the file is {unicode[:6]} text (without a byte-order mark),"
                           " not UTF-8", convert(unicode))
    if kind or b"\x00" in data:
        detail = kind or f"it contains NUL bytes, first at offset {data.find(0)}"
        return "", Problem(where, f"the file looks like a binary file ({detail}), not UTF-8 text",
                           "list only plain-text files; extract the text into a .txt file first")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        byte, line = data[err.start], data.count(b"\n", 0, err.start) + 1
        encoding = "windows-1252" if 0x80 <= byte <= 0x9F else "latin1"
        char = bytes([byte]).decode("cp1252", errors="replace")
        return "", Problem(where, f"the file is not UTF-8: byte 0x{byte:02X} at offset {err.start}"
                           f" (line {line}) is invalid; it is probably {encoding} text, where that"
                           f" byte is '{char}'", "convert it and replace the original: iconv -f"
                           f" {encoding} -t utf-8 {shlex.quote(shown)} > converted.txt")
    return text.removeprefix("\ufeff"), None


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def no_words(text: str, where: str) -> Problem | None:
    """A problem if :func:`~newscorpus.base.words.tokenize` finds no word in ``text``, else None.

    Such a text (emoji, punctuation, symbols only) has nothing to count, clean or score.

    Examples
    --------
    >>> print(no_words("\U0001F600 !!!", "a.txt"))  # doctest: +NORMALIZE_WHITESPACE
    a.txt, field 'file': the text has no words (letters or digits), only 5 characters of
    symbols, punctuation or space. Fix: check that the file holds the document's text; add
    its text, or remove its row from metadata.
    >>> no_words("\U0001F600 ok", "a.txt") is None
    True
    """
    if WORD_RE.search(text):
        return None
    return Problem(where, f"the text has no words (letters or digits), only {len(text):,}"
                   " characters of symbols, punctuation or space", "check that the file holds"
                   " the document's text; add its text, or remove its row from metadata", "file")


def _empty(text: str, data: bytes, where: str) -> Problem | None:
    if text.strip():
        return None
    found = "is empty (0 bytes)" if not data else f"holds only whitespace ({len(data)} bytes)"
    return Problem(where, f"the document {found}", "add its text, or remove its row from metadata")


def read_text(path: Path, *, where: str = "") -> str:
    """Read a UTF-8 text file strictly; a leading BOM is dropped, line ends are kept.

    Parameters
    ----------
    path : Path
        The file to read.
    where : str
        How messages name the file; defaults to ``path``.

    Raises
    ------
    CorpusError
        If the file cannot be read, is binary, is not UTF-8, or is empty or only whitespace.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = path.write_bytes(b"\\xef\\xbb\\xbfcaf\\xc3\\xa9\\r\\n")
    >>> read_text(path)
    'café\\r\\n'
    >>> _ = path.write_bytes(b"caf\\xe9")
    >>> read_text(path, where="a.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    newscorpus.base.errors.CorpusError: a.txt: the file is not UTF-8: byte 0xE9 at offset 3 \
(line 1)...
    """
    where = where or str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise CorpusError(Problem(where, f"the file cannot be read ({err.strerror})",
                                  "check that the path names an existing, readable file")) from None
    text, problem = decode_text(data, where, where)
    problem = problem or _empty(text, data, where)
    if problem:
        raise CorpusError(problem)
    return text
