"""Reading one text file: UTF-8 (a BOM allowed), with a clear message for anything else."""

from __future__ import annotations

from pathlib import Path

from newscorpus.base.errors import CorpusError, Problem

_SIGNATURES = {b"\x89PNG": "a PNG image", b"%PDF": "a PDF document", b"GIF8": "a GIF image",
               b"\xff\xd8\xff": "a JPEG image", b"PK\x03\x04": "a ZIP archive (.zip, .docx ...)"}


def decode_text(data: bytes, where: str, shown: str) -> tuple[str, Problem | None]:
    """Decode strict UTF-8, dropping a BOM, or say why not.

    Line ends are kept as they are, so that character offsets into the text trace back to the
    file exactly.

    ``where`` places the problem; ``shown`` is the file's path as used in the suggested command.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", Problem(where, "the file is UTF-16 text, not UTF-8", "convert it and replace"
                           f" the original: iconv -f utf-16 -t utf-8 {shown} > converted.txt")
    kind = next((name for sig, name in _SIGNATURES.items() if data.startswith(sig)), "")
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
                           f" {encoding} -t utf-8 {shown} > converted.txt")
    return text.removeprefix("\ufeff"), None


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
