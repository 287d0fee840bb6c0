"""Turn the dates found in tables of articles into the project's ``published`` form.

The corpus stores ``published`` as ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``START/END`` with a
``date_precision`` of ``day``, ``month``, ``year`` or ``range`` (see ``corpus/README.md``).
:func:`to_published` reads a value in one of those forms, an ISO 8601 date-time, or any form
described by a :func:`~datetime.datetime.strptime` format, and returns the pair. A date-time keeps
the calendar date as written: the time and the UTC offset are dropped, never converted, because
the date a page or a table states is the date of publication where it was published.
"""

from __future__ import annotations

import datetime
import re

from newscorpus.base.errors import ParameterError, Problem
from newscorpus.corpus.dates import OutOfRangeError, parse_published

__all__ = ["ISO_FORMS", "check_date_format", "to_published"]

#: The forms accepted when no ``date_format`` is given, as shown in messages.
ISO_FORMS = ("YYYY-MM-DD, YYYY-MM, YYYY, START/END, or an ISO date-time such as "
             "2016-09-21T14:05:00+03:00")

_DATETIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}:[0-9]{2}(?::[0-9]{2}"
                       r"(?:[.,][0-9]+)?)?)(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?")
_EXAMPLE = datetime.datetime(2016, 9, 21, 14, 5, 0)
_SLASHED = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")


def check_date_format(date_format: str | None) -> str:
    """Return the precision ``date_format`` gives (``day``, ``month``, ``year``), or ``""``.

    Raises
    ------
    ParameterError
        If the format names no year, so no date could be placed.

    Examples
    --------
    >>> check_date_format("%d/%m/%Y"), check_date_format("%B %Y"), check_date_format(None)
    ('day', 'month', '')
    """
    if date_format is None:
        return ""
    if not re.search(r"%[YyGcx]", date_format):
        raise ParameterError(Problem("parameter 'date_format'", f"the format {date_format!r}"
                                     " has no year (%Y or %y)", "add the year, e.g. '%d/%m/%Y'"))
    if re.search(r"%[djcxaAuwU]", date_format):
        return "day"
    return "month" if re.search(r"%[mbB]", date_format) else "year"


def _hint(value: str) -> str:
    match = _SLASHED.fullmatch(value)
    if not match:
        return "write it like 2016-09-21, 2016-09, 2016 or 2016-09-21T14:05:00Z, or pass" \
               " date_format (a strptime format such as '%d %B %Y')"
    first, second = int(match[1]), int(match[2])
    sep = value[len(match[1])]
    day_first = f"%d{sep}%m{sep}%Y"
    month_first = f"%m{sep}%d{sep}%Y"
    if first > 12 or second > 12:
        return f"pass date_format='{day_first if first > 12 else month_first}'"
    return f"pass date_format='{day_first}' (day first) or '{month_first}' (month first)"


def _check_years(published: str, text: str) -> None:
    """Raise ``ValueError`` (message, fix) if ``published`` lies outside the years read."""
    try:
        parse_published(published)
    except OutOfRangeError as err:
        raise ValueError(str(err).replace(f"'{published}'", f"'{text}'", 1),
                         "correct the year") from None


def to_published(value: str, date_format: str | None = None) -> tuple[str, str, str]:
    """Return ``(published, date_precision, note)`` for one date, or raise ``ValueError``.

    Parameters
    ----------
    value : str
        The date as written (surrounding white space is ignored). ``""`` gives ``("", "", "")``.
    date_format : str or None
        A :func:`~datetime.datetime.strptime` format that every value follows; ``None`` accepts
        the project's forms (:data:`ISO_FORMS`) and ISO 8601 date-times.

    Returns
    -------
    tuple of str
        ``published``, its ``date_precision``, and a note saying what was dropped or read
        (``""`` when the value was already in the project's form).

    Raises
    ------
    ValueError
        With a message saying what was expected; its second argument is how to fix it.

    Examples
    --------
    >>> to_published("2016-09")
    ('2016-09', 'month', '')
    >>> to_published("2016-09-21T23:30:00-04:00")[:2]
    ('2016-09-21', 'day')
    >>> to_published("21 September 2016", "%d %B %Y")[:2]
    ('2016-09-21', 'day')
    >>> to_published("21/09/2016")
    Traceback (most recent call last):
    ...
    ValueError: ("'21/09/2016' is not an ISO date or date-time (expected YYYY-MM-DD, YYYY-MM, \
YYYY, START/END, or an ISO date-time such as 2016-09-21T14:05:00+03:00)", \
"pass date_format='%d/%m/%Y'")
    """
    text = value.strip()
    if not text:
        return "", "", ""
    if date_format is not None:
        precision = check_date_format(date_format)
        try:
            parsed = datetime.datetime.strptime(text, date_format)
        except ValueError:
            raise ValueError(f"'{text}' does not match date_format {date_format!r} (which"
                             f" writes {_EXAMPLE:%Y-%m-%d} as '{_EXAMPLE.strftime(date_format)}')",
                             "correct the date, or pass the date_format that all dates"
                             " follow") from None
        published = f"{parsed.year:04d}" + parsed.strftime({"day": "-%m-%d", "month": "-%m",
                                                            "year": ""}[precision])
        _check_years(published, text)
        return published, precision, f"published read from '{text}' with {date_format!r}"
    match = _DATETIME.fullmatch(text)
    if match:
        try:
            datetime.datetime.fromisoformat(text.replace(",", ".").replace("Z", "+00:00"))
        except ValueError as err:
            raise ValueError(f"the date-time '{text}' does not exist ({err})",
                             "correct the date or the time") from None
        _check_years(match[1], text)
        return match[1], "day", f"published is the date of '{text}' as written (time and" \
                                " UTC offset dropped)"
    try:
        span = parse_published(text)
    except ValueError as err:
        if isinstance(err, OutOfRangeError):
            raise ValueError(str(err), "correct the year") from None
        if "does not exist" in str(err) or "ends" in str(err):
            raise ValueError(str(err), "correct the date") from None
        raise ValueError(f"'{text}' is not an ISO date or date-time (expected {ISO_FORMS})",
                         _hint(text)) from None
    assert span is not None
    return text, span.precision, ""
