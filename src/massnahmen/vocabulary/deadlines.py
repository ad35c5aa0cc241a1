"""Deadlines as officers write them, read into the plan's forms: a day, "2027", "2027-Q3",
"2027-H2", "2027-06", "ongoing", or one of the plan's horizons ("mittelfristig").

What a form is due on is `deadline.py`'s business; this only turns words into forms.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

from massnahmen.deadline import ONGOING, parse_deadline
from massnahmen.vocabulary.dates import YEARS, day_of, plausible_year
from massnahmen.vocabulary.periods import read_period, span_of
from massnahmen.vocabulary.refusal import NotUnderstood, closest, fold, given, phrase

ONGOING_WORDS = frozenset(
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
_PREFIX = re.compile(
    r"^(?:bis(?: zum| spätestens| ende)?|spätestens|ca|ca\.|voraussichtlich|by|ende|end of)\s+"
)


def read_deadline(value: object, horizons: Iterable[str] = ()) -> dt.date | str:
    """A deadline in the plan's form (see the module); `horizons` are the plan's horizon names,
    which read as themselves in any case."""
    return read_span(value, horizons)[0]


def read_span(value: object, horizons: Iterable[str] = ()) -> tuple[dt.date | str, dt.date | None]:
    """A deadline and the day a span starts: "2025–2027" gives ("2027", 2025-01-01), every
    other form (deadline, None)."""
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if math.isfinite(value) and value == int(value) and int(value) in YEARS:
            return str(int(value)), None  # a year cell
        raise NotUnderstood("deadline", given(value))
    if not isinstance(value, str):
        raise NotUnderstood("deadline", given(value))
    names = list(horizons)
    text = fold(value)
    for name in names:
        if fold(name) == text:
            return name, None
    if text in ONGOING_WORDS:
        return ONGOING, None
    while (shorter := _PREFIX.sub("", text)) != text:
        text = shorter
    found = _form(text, value)
    if found is not None:
        return found, None
    if span := span_of(text, value, "deadline"):
        return str(span[1]), dt.date(span[0], 1, 1)
    hint = None if any(c.isdigit() for c in text) else closest(text, [*names, *ONGOING_WORDS])
    if hint is None and names:
        hint = phrase("vocab_deadline_forms_horizons", names=", ".join(names))
    raise NotUnderstood("deadline", given(value), hint=hint)


def _form(text: str, value: object) -> dt.date | str | None:
    day = day_of(text, value, "deadline")
    if day is not None:
        return day
    try:  # the plan's own forms: 2027, 2027-Q3, 2027-H2, 2027-06
        parsed = parse_deadline(text.upper() if "-" in text else text)
    except ValueError:
        pass
    else:
        if parsed.kind == "year":
            return str(plausible_year(text, value, "deadline"))
        return str(parsed.raw)
    return read_period(text, value, "deadline")
