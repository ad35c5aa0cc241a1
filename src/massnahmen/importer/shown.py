"""Date cells whose number format shows a period rather than a day (`"Q3/"YYYY`, `MM/YYYY`):
what such a cell shows, so that the import reads the period a person sees."""

from __future__ import annotations

import datetime as dt
import re


class ShownDate(dt.datetime):
    """A date cell whose number format shows no day: `"Q3/"YYYY`, `MM/YYYY`, `YYYY`. The person
    reads the period the cell shows; `number_format` says how it is shown."""

    number_format: str

    @classmethod
    def of(cls, value: dt.datetime, number_format: str) -> ShownDate:
        shown = cls(value.year, value.month, value.day, value.hour, value.minute, value.second)
        shown.number_format = number_format
        return shown


# One token of an Excel number format: a quoted text, an escaped character, a width or fill
# sign (_x, *x), a [colour] or [$-407] locale, a date or time code, any other character.
_FORMAT_TOKEN = re.compile(
    r"""
    "(?P<quoted>[^"]*)"? | \\(?P<escaped>.) | _. | \*. | \[[^\]]*\]
    | (?P<code>[ymdhs]+|am/pm|a/p) | (?P<other>.)
    """,
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)
_MONTH_NAMES: tuple[str, ...] = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli")
_MONTH_NAMES += ("August", "September", "Oktober", "November", "Dezember")


def shows_day(number_format: str) -> bool:
    """Whether a date format shows the day or a time, or no date at all (so the cell is a day,
    not a period)."""
    return shown_text(dt.date(2000, 1, 1), number_format) is None


def shown_text(day: dt.date, number_format: str) -> str | None:
    """`day` as a cell with `number_format` shows it, where the format shows no day and no
    time (`"Q3/"YYYY` → "Q3/2024", `MM/YYYY` → "09/2024"); None where it does. Years are
    written in full and months by number or German name, so that the text reads as a period."""
    tokens = list(_FORMAT_TOKEN.finditer(number_format))
    codes = [t["code"].lower() for t in tokens if t["code"] is not None]
    parts: list[str] = []
    seen = 0
    for token in tokens:
        if token["other"] == ";":
            break  # the first section is the one for positive numbers, dates among them
        code = token["code"]
        if code is None:
            parts.append(token["quoted"] or token["escaped"] or token["other"] or "")
            continue
        code = code.lower()
        before = codes[seen - 1] if seen else ""
        after = codes[seen + 1] if seen + 1 < len(codes) else ""
        seen += 1
        if code[0] in "dhs" or code in ("am/pm", "a/p"):
            return None
        if code[0] == "y":
            parts.append(str(day.year))
        elif before.startswith("h") or after.startswith("s"):
            return None  # minutes, as Excel reads `m` after an hour or before seconds
        elif len(code) >= 3:
            parts.append(_MONTH_NAMES[day.month - 1])
        else:
            parts.append(f"{day.month:02d}" if len(code) == 2 else str(day.month))
    return "".join(parts) if seen else None
