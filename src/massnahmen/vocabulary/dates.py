"""Days as officers write them: 31.12.2027, 1.3.2025, 1.6.24, 2027-12-31, 31. Dezember 2027,
or a date cell."""

from __future__ import annotations

import datetime as dt
import re

from massnahmen.vocabulary.refusal import Kind, NotUnderstood, fold, given, phrase

YEARS = range(1990, 2101)  # a year in a plan written out in words; outside, a typing error
_DOTTED = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NAMED = re.compile(r"(\d{1,2})\.\s?([a-zäöü]+)\.?\s+(\d{4})")  # 31. Dezember 2027, 1. Mär. 2025

MONTHS = {
    "jan": 1,
    "januar": 1,
    "jänner": 1,
    "january": 1,
    "feb": 2,
    "februar": 2,
    "february": 2,
    "mär": 3,
    "mrz": 3,
    "märz": 3,
    "maerz": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "mai": 5,
    "may": 5,
    "jun": 6,
    "juni": 6,
    "june": 6,
    "jul": 7,
    "juli": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dez": 12,
    "dezember": 12,
    "dec": 12,
    "december": 12,
}


def read_date(value: object) -> dt.date:
    """A day: `31.12.2027`, `1.3.2025`, `1.6.24` (20xx), `2027-12-31`, `31. Dezember 2027`, a
    date or datetime."""
    if isinstance(value, dt.datetime):
        return value.date()  # a spreadsheet's date cell, whatever time it carries
    if isinstance(value, dt.date):
        return value
    day = day_of(fold(value), value, "date") if isinstance(value, str) else None
    if day is None:
        raise NotUnderstood("date", given(value))
    return day


def day_of(text: str, value: object, kind: Kind) -> dt.date | None:
    """The day `text` (folded) writes, None if it writes none; NotUnderstood of `kind` where it
    looks like a day that is not one (31.02.2027, 1.1.1850)."""
    if match := _ISO.fullmatch(text):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    elif match := _DOTTED.fullmatch(text):
        day, month, year = int(match[1]), int(match[2]), plausible_year(match[3], value, kind)
    elif (match := _NAMED.fullmatch(text)) and match[2] in MONTHS:
        day, month, year = int(match[1]), MONTHS[match[2]], plausible_year(match[3], value, kind)
    else:
        return None
    if not 1 <= month <= 12:
        raise NotUnderstood(kind, given(value), why=phrase("vocab_why_month", month=month))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise NotUnderstood(kind, given(value), why=phrase("vocab_why_day")) from None


def plausible_year(text: str, value: object, kind: Kind) -> int:
    """A year written out (two digits are this century), refused outside 1990–2100."""
    year = int(text)
    if year < 100:
        year += 2000
    if year not in YEARS:
        raise NotUnderstood(kind, given(value), why=phrase("vocab_why_year", year=year))
    return year
