"""Periods as officers write them, in the plan's forms: "Q3 2027", "3. Quartal 2027", "III/2027"
→ "2027-Q3"; "2. Hj. 2027" → "2027-H2"; "06/2027", "Juni 2027" → "2027-06"; "Ende 2027" → "2027";
a span "2025–2027" → "2027". `deadline.py` knows when each is due."""

from __future__ import annotations

import functools
import re

from massnahmen.vocabulary.dates import MONTHS, plausible_year
from massnahmen.vocabulary.refusal import Kind, NotUnderstood, given, phrase

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
_MONTH_NUMBER = re.compile(r"(\d{1,2})\s?[./]\s?(\d{4})")
_QUARTER = re.compile(
    r"(?:q\s?([1-4])|([1-4])\.?\s?(?:quartal|q\.?)|(i{1,3}|iv)\.\s?quartal)\s*[/.-]?\s*(\d{4})"
)
_QUARTER_ROMAN = re.compile(r"(i{1,3}|iv)\s?/\s?(\d{4})")  # "III/2027", as in budget plans
_QUARTER_YEAR_FIRST = re.compile(r"(\d{4})\s*[/-]?\s*q\s?([1-4])")
_HALF = re.compile(
    r"(?:h\s?([12])|([12])\.?\s?(?:hj\.?|halbjahr|hälfte|jahreshälfte))\s*[/.-]?\s*(\d{4})"
)
_HALF_YEAR_FIRST = re.compile(r"(\d{4})\s*[/-]?\s*h\s?([12])")
_WORD_YEAR = re.compile(r"([a-zäöü]+)\.?\s+(\d{4})")
_SPAN = re.compile(r"(\d{4})\s*(?:-|–|—|/|bis)\s*(\d{4})")


def read_period(text: str, value: object, kind: Kind) -> str | None:
    """The period `text` (folded) names in the plan's form, None if it names none; NotUnderstood
    of `kind` where it names one that cannot be (13/2027, Q3 1850)."""
    year = functools.partial(plausible_year, value=value, kind=kind)
    if match := _MONTH_NUMBER.fullmatch(text):
        month = int(match[1])
        if not 1 <= month <= 12:
            raise NotUnderstood(kind, given(value), why=phrase("vocab_why_month", month=month))
        return f"{year(match[2])}-{month:02d}"
    if match := _QUARTER.fullmatch(text):
        quarter = int(match[1] or match[2] or _ROMAN[match[3]])
        return f"{year(match[4])}-Q{quarter}"
    if match := _QUARTER_ROMAN.fullmatch(text):
        return f"{year(match[2])}-Q{_ROMAN[match[1]]}"
    if match := _QUARTER_YEAR_FIRST.fullmatch(text):
        return f"{year(match[1])}-Q{match[2]}"
    if match := _HALF.fullmatch(text):
        return f"{year(match[3])}-H{match[1] or match[2]}"
    if match := _HALF_YEAR_FIRST.fullmatch(text):
        return f"{year(match[1])}-H{match[2]}"
    if match := _WORD_YEAR.fullmatch(text):
        word = match[1]
        if word in MONTHS:
            return f"{year(match[2])}-{MONTHS[word]:02d}"
        if word in _PARTS:
            part = _PARTS[word]
            return f"{year(match[2])}-{part}" if part else str(year(match[2]))
    return None


def span_of(text: str, value: object, kind: Kind) -> tuple[int, int] | None:
    """The first and last year of a span "2025–2027", None if `text` writes none."""
    match = _SPAN.fullmatch(text)
    if match is None:
        return None
    return plausible_year(match[1], value, kind), plausible_year(match[2], value, kind)
