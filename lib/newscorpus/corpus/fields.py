"""The fields of one ``metadata.csv`` row, each checked on its own: what is wrong, and the fix.

Each function takes the row (and where it is, for messages) and returns the problems it finds;
:func:`check_published` also returns the :class:`~newscorpus.corpus.dates.DateSpan` and a warning
for a date in the future. The file a row names is checked in
:mod:`~newscorpus.corpus.validate`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from urllib.parse import urlparse

from newscorpus.base.errors import Problem
from newscorpus.corpus.dates import (
    EARLIEST,
    LATEST,
    PRECISIONS,
    DateSpan,
    OutOfRangeError,
    parse_published,
)

__all__ = ["KINDS", "MAX_DOC_ID_LENGTH", "check_doc_id", "check_kind", "check_published",
           "check_sha256", "check_url"]

KINDS: tuple[str, ...] = ("article", "snippet-aggregate", "other")
#: The longest doc_id: notebook 01 writes ``<doc_id>.txt`` (through a temporary file named
#: ``.<doc_id>.txt.XXXXXXXX.tmp``), and a file name may have 255 bytes on most file systems.
MAX_DOC_ID_LENGTH = 200

_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


def check_doc_id(doc_id: str, here: str) -> list[Problem]:
    """An empty doc_id, one that is not a slug, or one longer than :data:`MAX_DOC_ID_LENGTH`.

    Examples
    --------
    >>> print(check_doc_id("x" * 201, "metadata.csv line 2")[0])  # doctest: +ELLIPSIS
    metadata.csv line 2, field 'doc_id': the doc_id is 201 characters long, more than the 200 ...
    """
    if not doc_id:
        return [Problem(here, "no doc_id is given", "give every document a unique doc_id",
                        "doc_id")]
    if not _SLUG.fullmatch(doc_id):
        slug = re.sub(r"[^A-Za-z0-9._-]+", "-", doc_id).strip("-._")[:MAX_DOC_ID_LENGTH]
        return [Problem(here, f"the doc_id '{doc_id}' is not a slug (it becomes part of file"
                        " names)", "use letters, digits, '.', '_' and '-' only, starting with a"
                        f" letter or digit, e.g. '{slug.rstrip('-._') or 'doc-1'}'", "doc_id")]
    if len(doc_id) > MAX_DOC_ID_LENGTH:
        return [Problem(here, f"the doc_id is {len(doc_id):,} characters long, more than the"
                        f" {MAX_DOC_ID_LENGTH} newscorpus allows (notebook 01 writes a file named"
                        " <doc_id>.txt, and file names are limited to 255 bytes)", "shorten it,"
                        f" e.g. to '{doc_id[:MAX_DOC_ID_LENGTH].rstrip('-._')}'", "doc_id")]
    return []


def check_published(row: Mapping[str, str], here: str, today: datetime.date | None = None
                    ) -> tuple[DateSpan | None, list[Problem], list[Problem]]:
    """Parse ``published`` with ``date_precision``: the span, the problems, the warnings.

    A date that starts after ``today`` (default: the local date) is a warning, as is a range
    whose end is written as a day, month or year that has not begun.

    Examples
    --------
    >>> span, problems, warned = check_published({"published": "2030"}, "line 2",
    ...                                          today=datetime.date(2025, 1, 1))
    >>> span.precision, problems, warned[0].message
    ('year', [], "the date '2030' is in the future (today is 2025-01-01)")
    """
    published, precision = row.get("published", ""), row.get("date_precision", "")
    try:
        span = parse_published(published, precision)
    except OutOfRangeError as err:
        return None, [Problem(here, str(err), "correct the year; if the date is right, leave"
                              " published empty and give the date in notes (newscorpus places"
                              f" dates from {EARLIEST} to {LATEST} only)", "published")], []
    except ValueError as err:
        column, fix = "date_precision", f"use one of {', '.join(PRECISIONS)}, or leave it empty"
        if precision in ("", *PRECISIONS):
            try:  # if the date alone is fine, the precision disagrees with it
                form = parse_published(published).precision
                fix = f"set date_precision to '{form}', or leave it empty"
            except ValueError:
                column, fix = "published", "write it like 2016-09-21, 2016-09, 2016 or 2016-09/2017"
        return None, [Problem(here, str(err), fix, column)], []
    today = today or datetime.date.today()
    if span is None or span.start <= today and (span.precision != "range" or parse_published(
            published.split("/")[1]).start <= today):
        return span, [], []
    found = (f"the date '{published}' is in the future" if span.start > today
             else f"the range '{published}' ends in the future")
    return span, [], [Problem(here, f"{found} (today is {today})", "check the year; if the date"
                              " is right, nothing needs fixing (this is a warning)",
                              "published")]


def check_kind(row: Mapping[str, str], here: str) -> list[Problem]:
    """A ``kind`` that is not empty and not one of :data:`KINDS`."""
    if row.get("kind", "") in ("", *KINDS):
        return []
    return [Problem(here, f"the kind '{row['kind']}' is unknown",
                    f"use one of {', '.join(KINDS)}, or leave it empty", "kind")]


def check_url(row: Mapping[str, str], here: str) -> list[Problem]:
    """A ``url`` that is not empty and not an http(s) address.

    Examples
    --------
    >>> print(check_url({"url": "http://[::1"}, "line 2")[0])  # doctest: +NORMALIZE_WHITESPACE
    line 2, field 'url': the url 'http://[::1' is not an http(s) address (Invalid IPv6 URL).
    Fix: write the full address, starting with https:// or http://.
    """
    if not row.get("url"):
        return []
    try:
        url, why = urlparse(row["url"]), ""
    except ValueError as err:  # a bracket left open, characters NFKC turns into separators
        url, why = None, f" ({err})"
    if url is not None and url.scheme in ("http", "https") and url.netloc:
        return []
    return [Problem(here, f"the url '{row['url']}' is not an http(s) address{why}",
                    "write the full address, starting with https:// or http://", "url")]


def check_sha256(row: Mapping[str, str], here: str) -> tuple[str, list[Problem]]:
    """The ``sha256`` lower-cased (``""`` when empty or malformed), and its problem if any."""
    sha = row.get("sha256", "").lower()
    if not sha or _SHA256.fullmatch(sha):
        return sha, []
    return "", [Problem(here, f"the sha256 '{row['sha256']}' is not 64 hexadecimal characters",
                        "paste the first column printed by `sha256sum FILE`, or leave it empty",
                        "sha256")]
