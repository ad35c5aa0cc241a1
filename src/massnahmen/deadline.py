"""Deadlines as officers write them: a date, a period ("2024-Q2"), "ongoing", or the name of one
of the plan's horizons ("mittelfristig").

A period is due on the last day of the period and is shown the way it was written; a horizon is
due when the deadline form it stands for is.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

DeadlineKind = Literal["date", "year", "half", "quarter", "month", "ongoing", "horizon"]

ONGOING = "ongoing"
_PATTERNS: list[tuple[DeadlineKind, re.Pattern[str]]] = [
    ("date", re.compile(r"(\d{4})-(\d{2})-(\d{2})")),
    ("year", re.compile(r"(\d{4})")),
    ("half", re.compile(r"(\d{4})-H([12])")),
    ("quarter", re.compile(r"(\d{4})-Q([1-4])")),
    ("month", re.compile(r"(\d{4})-(0[1-9]|1[0-2])")),
]
FORMS = 'a date (2024-06-30), "2024", "2024-H1", "2024-Q2", "2024-06" or "ongoing"'


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline with the value the user wrote (`raw`) and the day it is due."""

    raw: dt.date | str
    kind: DeadlineKind
    due: dt.date | None  # None for "ongoing" and for a horizon the plan does not define
    stands_for: Deadline | None = None  # a horizon's deadline form, if the plan defines it

    @property
    def ongoing(self) -> bool:
        return self.kind == "ongoing"

    @property
    def unknown_horizon(self) -> bool:
        """A horizon's name that the plan does not define (E111)."""
        return self.kind == "horizon" and self.stands_for is None

    @property
    def begins(self) -> dt.date | None:
        """The first day of the period (the day itself for a date; None for "ongoing")."""
        if self.due is None:
            return None
        if self.kind == "horizon" and self.stands_for is not None:
            return self.stands_for.begins
        match self.kind:
            case "year":
                return dt.date(self.due.year, 1, 1)
            case "half" | "quarter":
                months = 6 if self.kind == "half" else 3
                return dt.date(self.due.year, self.due.month - months + 1, 1)
            case "month":
                return self.due.replace(day=1)
            case _:
                return self.due

    def display(self, lang: str = "de") -> str:
        """The deadline as a person reads it: "Q2/2024", "1. Hj. 2024", "06/2024", "30.06.2024",
        a horizon with what it stands for: "mittelfristig (2027)"."""
        if self.kind == "horizon":
            name = str(self.raw).strip()
            return f"{name} ({self.stands_for.display(lang)})" if self.stands_for else name
        if self.due is None:
            return "laufend" if lang == "de" else "ongoing"
        year = self.due.year
        match self.kind:
            case "year":
                return str(year)
            case "half":
                half = 1 if self.due.month <= 6 else 2
                return f"{half}. Hj. {year}" if lang == "de" else f"H{half}/{year}"
            case "quarter":
                return f"Q{(self.due.month - 1) // 3 + 1}/{year}"
            case "month":
                return f"{self.due.month:02d}/{year}"
            case _:
                return self.due.strftime("%d.%m.%Y") if lang == "de" else self.due.isoformat()


def parse_deadline(value: object, horizons: Mapping[str, Deadline] | None = None) -> Deadline:
    """Reads a TOML value as a deadline; raises ValueError naming the accepted forms.

    With `horizons` (a plan's), a word is a horizon's name, resolved if the plan defines it
    (else it is kept unresolved, for E111 to report); without, a word is no deadline.
    """
    if isinstance(value, Deadline):
        return value
    if isinstance(value, dt.datetime):
        raise ValueError(f"a deadline is a day, not a date with a time; write {FORMS}")
    if isinstance(value, dt.date):
        return Deadline(value, "date", value)
    if not isinstance(value, str):
        raise ValueError(f"expected {FORMS}")
    text = value.strip()
    if text == ONGOING:
        return Deadline(value, "ongoing", None)
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return Deadline(value, kind, _due(kind, *map(int, match.groups())))
    if horizons is not None and is_horizon_name(text):
        form = horizons.get(text)
        return Deadline(value, "horizon", form.due if form else None, form)
    raise ValueError(f'"{value}" is not a deadline; write {FORMS}')


def is_horizon_name(text: str) -> bool:
    """Whether `text` can name a horizon: it begins with a letter and is not "ongoing"."""
    return bool(text) and text[0].isalpha() and text != ONGOING


def _due(kind: DeadlineKind, year: int, part: int = 0, day: int = 0) -> dt.date:
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is out of range")
    match kind:
        case "date":
            try:
                return dt.date(year, part, day)
            except ValueError as exc:
                raise ValueError(f"{year:04d}-{part:02d}-{day:02d} is not a date ({exc})") from None
        case "year":
            return dt.date(year, 12, 31)
        case "half":
            return dt.date(year, 6, 30) if part == 1 else dt.date(year, 12, 31)
        case "quarter":
            return _month_end(year, part * 3)
        case _:
            return _month_end(year, part)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])
