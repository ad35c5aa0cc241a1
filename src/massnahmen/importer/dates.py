"""Date and deadline cells: what the vocabulary reads, and what only a spreadsheet holds: Excel
serial numbers and year numbers, date cells formatted to show a period (`"Q3/"YYYY`), a span
"2023–2025" that also gives the start, and a period as a start (its first day)."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re

from massnahmen.deadline import ONGOING, parse_deadline
from massnahmen.importer.cells import Unreadable, is_blank, memo, reported
from massnahmen.importer.shown import ShownDate, shown_text
from massnahmen.vocabulary import NotUnderstood, read_span
from massnahmen.vocabulary.dates import YEARS

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIALS = range(10_000, 100_000)  # 1927-05-18 .. 2173-10-14: a number in this range is a day
_SEPARATORS = re.compile(r"[-/.,_]+")


def shown_period(cell: ShownDate) -> dt.date | str:
    """The period a date cell shows ("2024-Q3"), or its day where it shows none."""
    return _shown_period(cell.date(), cell.number_format)


@functools.lru_cache(maxsize=4096)
def _shown_period(day: dt.date, number_format: str) -> dt.date | str:
    """The period a date cell shows, where its day lies in that period; else the day itself."""
    text = shown_text(day, number_format)
    if not text:
        return day
    for candidate in (text, _SEPARATORS.sub(" ", text)):  # "September-2024" as "September 2024"
        try:
            period = read_span(candidate)[0]
        except NotUnderstood:
            continue
        if isinstance(period, str) and period != ONGOING:
            deadline = parse_deadline(period)
            begins, due = deadline.begins, deadline.due
            if begins is not None and due is not None and begins <= day <= due:
                return period
        break
    return day


@memo
def read_period(value: object) -> tuple[dt.date | str, dt.date | None]:
    """A deadline or period: (the plan's deadline value, the start a span implies or None).

    Dates as `date`, periods as the plan's strings ("2024-Q3", "2024-H2", "2024-12", "2024",
    "ongoing"). A span "2023–2025" gives the deadline "2025" and the start 2023-01-01. A date
    cell formatted to show a period (`"Q3/"YYYY`) is that period.
    """
    if isinstance(value, ShownDate):
        return shown_period(value), None
    if isinstance(value, bool):
        raise Unreadable("not a date")
    if isinstance(value, float) and not math.isfinite(value):
        raise Unreadable("not a date")
    if isinstance(value, int | float):
        if value == int(value) and int(value) in YEARS:
            return str(int(value)), None
        if int(value) in _SERIALS:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value)), None
        raise Unreadable("a number that is neither a year nor an Excel date")
    return reported(read_span, value)


@memo
def read_deadline(value: object) -> dt.date | str | None:
    """A deadline in the plan's forms, None for an empty cell."""
    if is_blank(value):
        return None
    return read_period(value)[0]


@memo
def read_date(value: object) -> dt.date | None:
    """A day (start, funding end, update date); a period gives its first day."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()  # a date cell is its day, however it is shown
    deadline, start = read_period(value)
    if start is not None:
        return start
    if isinstance(deadline, dt.date):
        return deadline
    begins = parse_deadline(deadline).begins
    if begins is None:
        raise Unreadable("not a day")
    return begins
