"""Dates, deadlines and periods as people type them: "31.12.2024", "Q3 2024", "2. Hj. 2024",
"Ende 2024", "laufend", a span "2023–2025", Excel serial numbers and date cells."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re

from massnahmen.deadline import ONGOING, parse_deadline
from massnahmen.importer.cells import Unreadable, folded, is_blank, memo
from massnahmen.importer.shown import ShownDate, shown_text

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIALS = range(10_000, 100_000)  # 1927-05-18 .. 2173-10-14: a number in this range is a day
_YEARS = range(1990, 2101)
_MONTHS = {
    "jan": 1,
    "januar": 1,
    "jänner": 1,
    "feb": 2,
    "februar": 2,
    "mär": 3,
    "mrz": 3,
    "märz": 3,
    "maerz": 3,
    "apr": 4,
    "april": 4,
    "mai": 5,
    "jun": 6,
    "juni": 6,
    "jul": 7,
    "juli": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "nov": 11,
    "november": 11,
    "dez": 12,
    "dezember": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "october": 10,
    "dec": 12,
    "december": 12,
}
_ONGOING_WORDS = frozenset(
    {
        "laufend",
        "fortlaufend",
        "daueraufgabe",
        "dauerhaft",
        "kontinuierlich",
        "ständig",
        "fortwährend",
        "permanent",
        "ongoing",
        "continuous",
    }
)
# Seasons and parts of a year, as the period that ends when they end.
_PARTS = {
    "anfang": "Q1",
    "frühjahr": "Q2",
    "frühling": "Q2",
    "mitte": "H1",
    "sommer": "Q3",
    "herbst": "Q4",
    "ende": "",
    "jahresende": "",
    "end": "",
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_PREFIX = re.compile(
    r"^(?:bis(?: zum| spätestens| ende)?|spätestens|ca|ca\.|voraussichtlich|by)\s+"
)
_DAY = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})")
_MONTH_NUM = re.compile(r"(\d{1,2})\s?[./]\s?(\d{4})")
_QUARTER = re.compile(
    r"(?:q\s?([1-4])|([1-4])\.?\s?(?:quartal|q\.?)|(i{1,3}|iv)\.\s?quartal)\s*[/.-]?\s*(\d{4})"
)
_QUARTER_YEAR_FIRST = re.compile(r"(\d{4})\s*[/-]?\s*q\s?([1-4])")
_HALF = re.compile(
    r"(?:h\s?([12])|([12])\.?\s?(?:hj\.?|halbjahr|hälfte|jahreshälfte))\s*[/.-]?\s*(\d{4})"
)
_HALF_YEAR_FIRST = re.compile(r"(\d{4})\s*[/-]?\s*h\s?([12])")
_WORD_YEAR = re.compile(r"([a-zäöü]+)\.?\s+(\d{4})")
_RANGE = re.compile(r"(\d{4})\s*(?:-|–|—|/|bis)\s*(\d{4})")


def _serial(number: float) -> dt.date:
    return _EXCEL_EPOCH + dt.timedelta(days=int(number))


def _year(text: str) -> int:
    year = int(text)
    if year < 100:
        year += 2000
    if year not in _YEARS:
        raise Unreadable(f"the year {year} is not plausible")
    return year


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
            period = read_period(candidate)[0]
        except Unreadable:
            continue
        if isinstance(period, str) and period != ONGOING:
            due = parse_deadline(period).due
            if due is not None and first_day(period) <= day <= due:
                return period
        break
    return day


_SEPARATORS = re.compile(r"[-/.,_]+")


@memo
def read_period(value: object) -> tuple[dt.date | str, dt.date | str | None]:
    """A deadline or period: (the model's deadline value, the start it implies or None).

    Returns dates as `date`, periods as the model's strings ("2024-Q3", "2024-H2", "2024-12",
    "2024", "ongoing"). A span "2023–2025" gives the deadline "2025" and the start "2023". A
    date cell formatted to show a period (`"Q3/"YYYY`) is that period.
    """
    if isinstance(value, ShownDate):
        return shown_period(value), None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, bool):
        raise Unreadable("not a date")
    if isinstance(value, float) and not math.isfinite(value):
        raise Unreadable("not a date")
    if isinstance(value, int | float):
        if value == int(value) and int(value) in _YEARS:
            return str(int(value)), None
        if int(value) in _SERIALS:
            return _serial(value), None
        raise Unreadable("a number that is neither a year nor an Excel date")
    text = folded(value)
    if text in _ONGOING_WORDS:
        return ONGOING, None
    text = _PREFIX.sub("", text)
    try:  # the model's own forms: 2024-06-30, 2024-Q2, 2024-H1, 2024-06, 2024
        parsed = parse_deadline(text.upper() if "-" in text else text)
    except ValueError:
        pass
    else:
        if parsed.kind == "date" and parsed.due is not None:
            return parsed.due, None
        if parsed.kind != "year" or int(text) in _YEARS:
            return str(parsed.raw), None
    return _read_period_text(text), None if not _RANGE.fullmatch(text) else _range_start(text)


def _range_start(text: str) -> str:
    match = _RANGE.fullmatch(text)
    assert match is not None
    return str(_year(match[1]))


def _read_period_text(text: str) -> dt.date | str:
    if match := _DAY.fullmatch(text):
        day, month, year = int(match[1]), int(match[2]), _year(match[3])
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise Unreadable(f"{day}.{month}.{year} is not a date") from None
    if match := _MONTH_NUM.fullmatch(text):
        month = int(match[1])
        if not 1 <= month <= 12:
            raise Unreadable(f"{month} is not a month")
        return f"{_year(match[2])}-{month:02d}"
    if match := _QUARTER.fullmatch(text):
        quarter = int(match[1] or match[2] or _ROMAN[match[3]])
        return f"{_year(match[4])}-Q{quarter}"
    if match := _QUARTER_YEAR_FIRST.fullmatch(text):
        return f"{_year(match[1])}-Q{match[2]}"
    if match := _HALF.fullmatch(text):
        return f"{_year(match[3])}-H{match[1] or match[2]}"
    if match := _HALF_YEAR_FIRST.fullmatch(text):
        return f"{_year(match[1])}-H{match[2]}"
    if match := _WORD_YEAR.fullmatch(text):
        word, year = match[1], _year(match[2])
        if word in _MONTHS:
            return f"{year}-{_MONTHS[word]:02d}"
        if word in _PARTS:
            part = _PARTS[word]
            return f"{year}-{part}" if part else str(year)
    if match := _RANGE.fullmatch(text):
        _year(match[1])
        return str(_year(match[2]))
    raise Unreadable("not a date or period")


@memo
def read_deadline(value: object) -> dt.date | str | None:
    """A deadline in the model's forms, None for an empty cell."""
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
    raw = start if start is not None else deadline
    if isinstance(raw, dt.date):
        return raw
    if raw == ONGOING:
        raise Unreadable("not a day")
    return first_day(raw)


def first_day(period: str) -> dt.date:
    """The first day of a period in the model's form ("2024-Q3" → 2024-07-01)."""
    year, _, part = period.partition("-")
    if not part:
        return dt.date(int(year), 1, 1)
    if part[0] == "Q":
        return dt.date(int(year), 3 * int(part[1]) - 2, 1)
    if part[0] == "H":
        return dt.date(int(year), 1 if part[1] == "1" else 7, 1)
    return dt.date(int(year), int(part), 1)
