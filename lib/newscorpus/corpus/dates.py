"""Publication dates as written in metadata.csv: a day, a month, a year or a START/END range.

Dates run from :data:`EARLIEST` (1800-01-01) to :data:`LATEST` (2200-12-31): pandas holds a day
as a timestamp in nanoseconds, which reach from 1677 to 2262 only, and a news text from outside
those centuries is a typing error (``0016`` for ``2016``) far more often than a real date.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


_FORMS = "YYYY-MM-DD, YYYY-MM, YYYY or START/END"

#: The first and the last day a ``published`` value may cover.
EARLIEST, LATEST = datetime.date(1800, 1, 1), datetime.date(2200, 12, 31)


class OutOfRangeError(ValueError):
    """A date before :data:`EARLIEST` or after :data:`LATEST` (a ``ValueError``)."""


@dataclass(frozen=True)
class DateSpan:
    """The days a ``published`` value covers, from ``start`` to ``end`` inclusive.

    Examples
    --------
    >>> parse_published("2016-02").midpoint
    datetime.date(2016, 2, 15)
    """

    start: datetime.date
    end: datetime.date
    precision: str

    @property
    def midpoint(self) -> datetime.date:
        """The middle day of the span (the earlier of two when the span has an even length)."""
        return self.start + (self.end - self.start) // 2


def _parse_one(value: str, whole: str) -> DateSpan:
    match = _DATE.fullmatch(value)
    if not match:
        raise ValueError(f"'{whole}' is not a date; expected {_FORMS}")
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    if not EARLIEST.year <= year <= LATEST.year:
        side = f"before {EARLIEST.year}" if year < EARLIEST.year else f"after {LATEST.year}"
        shown = f"'{value}'" if value == whole else f"'{value}' in '{whole}'"
        raise OutOfRangeError(f"the date {shown} is {side}, outside the years newscorpus reads"
                              f" ({EARLIEST.year} to {LATEST.year})")
    try:
        start = datetime.date(year, month, day)
    except ValueError as err:
        raise ValueError(f"the date '{value}' does not exist ({err})") from None
    if match[3]:
        return DateSpan(start, start, "day")
    if match[2]:
        return DateSpan(start, start.replace(day=calendar.monthrange(year, month)[1]), "month")
    return DateSpan(start, datetime.date(year, 12, 31), "year")


def parse_published(value: str, precision: str = "") -> DateSpan | None:
    """Parse a ``published`` value: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``START/END``.

    Parameters
    ----------
    value : str
        The date, or ``""`` when unknown. Each side of a range may take any of the three forms.
    precision : str
        One of :data:`PRECISIONS`, which must agree with the form, or ``""`` to infer it.

    Returns
    -------
    DateSpan or None
        The first and last day covered, or ``None`` when ``value`` is empty.

    Raises
    ------
    ValueError
        For an unknown precision, another form, a date that does not exist, a range that ends
        before it starts, or a precision that disagrees with the form; an
        :class:`OutOfRangeError` for a year before 1800 or after 2200.

    Examples
    --------
    >>> parse_published("2015/2024-12")
    DateSpan(start=datetime.date(2015, 1, 1), end=datetime.date(2024, 12, 31), precision='range')
    >>> parse_published("2016-02-30")
    Traceback (most recent call last):
    ValueError: the date '2016-02-30' does not exist (day is out of range for month)
    >>> parse_published("0016-09-21")
    Traceback (most recent call last):
    newscorpus.corpus.dates.OutOfRangeError: the date '0016-09-21' is before 1800, outside the \
years newscorpus reads (1800 to 2200)
    """
    if precision and precision not in PRECISIONS:
        raise ValueError(f"date_precision '{precision}' is not one of {', '.join(PRECISIONS)}")
    if not value:
        return None
    parts = value.split("/")
    if len(parts) > 2:
        raise ValueError(f"'{value}' is not a date; expected {_FORMS}")
    spans = [_parse_one(part, value) for part in parts]
    span = spans[0] if len(spans) == 1 else DateSpan(spans[0].start, spans[1].end, "range")
    if span.end < span.start:
        raise ValueError(f"the range '{value}' ends ({span.end}) before it starts ({span.start})")
    if precision and precision != span.precision:
        raise ValueError(f"date_precision is '{precision}' but '{value}' has {span.precision}"
                         " precision")
    return span


PRECISIONS: tuple[str, ...] = ("day", "month", "year", "range")
