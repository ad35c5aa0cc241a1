"""Cells as the import sees them: their text, whether they say "nothing here", the items of a
list in one cell, and `Unreadable` for a value that means nothing to the plan.

The import reads values through the vocabulary (`massnahmen.vocabulary`), as every option of
the command line does; what it adds is the cell's side: blanks, and a report in few words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TypeVar

from massnahmen.vocabulary import NotUnderstood
from massnahmen.words import Lang

# The import report is English until its words move to the catalogue (issue 14, item 4); the
# vocabulary's refusals are said in its language, so that the report reads as one.
REPORT_LANG: Lang = "en"


class Unreadable(ValueError):
    """A cell whose value cannot be mapped; the message says why, in a few words."""


T = TypeVar("T")


def memo(read: Callable[[object], T]) -> Callable[[object], T]:
    """Remembers what texts read as: a sheet repeats its status words, deadlines and owners."""
    known: dict[str, T | Unreadable] = {}

    def cached(value: object) -> T:
        if not isinstance(value, str):
            return read(value)
        if value not in known:
            if len(known) > 10_000:
                known.clear()
            try:
                known[value] = read(value)
            except Unreadable as exc:
                known[value] = exc
        found = known[value]
        if isinstance(found, Unreadable):
            raise Unreadable(str(found))
        return found

    cached.__doc__ = read.__doc__
    return cached


def reported(read: Callable[[object], T], value: object) -> T:
    """`read(value)`, with the vocabulary's refusal as `Unreadable` in the report's few words."""
    try:
        return read(value)
    except NotUnderstood as exc:
        raise Unreadable(exc.short(REPORT_LANG)) from None


# Cells that say "nothing here": left out rather than reported.
_BLANKS = frozenset({"", "-", "–", "—", "--", "/", "n/a", "n.a.", "k.a.", "k. a.", "?", "tbd"})


def text_of(value: object) -> str:
    """A cell as text, as a person would read it (1.0 → "1", dates ISO, None → "")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()


def is_blank(value: object) -> bool:
    """Empty, or a placeholder such as "-" or "k.A."."""
    if value is None:
        return True
    return isinstance(value, str) and value.strip().lower() in _BLANKS


def split_list(value: object, separators: str = ",;\n") -> list[str]:
    """The items of a list typed into one cell ("FB1, FB2"; "4-16-27" with separators "-")."""
    if is_blank(value):
        return []
    text = text_of(value)
    pattern = "[" + re.escape(separators) + "]"
    return [item.strip() for item in re.split(pattern, text) if not is_blank(item.strip())]
