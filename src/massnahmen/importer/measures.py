"""Filling a measure's draft from its cells, one target (what a column means) at a time."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from massnahmen.importer.build import Draft, Problem
from massnahmen.importer.cells import Unreadable, is_blank, split_list, text_of
from massnahmen.importer.dates import read_date, read_deadline, read_period
from massnahmen.importer.numbers import read_amount, read_progress
from massnahmen.importer.words import read_flag, read_priority, read_status


@dataclass(frozen=True, slots=True)
class Cell:
    """A value with where it stood: `where` as a person finds it ("measures!C7" or "C7")."""

    column: str  # "measures!C" or "C"
    row: int
    header: str
    value: object

    @property
    def where(self) -> str:
        return f"{self.column}{self.row}"


@dataclass
class Reading:
    """How to read cells: what separates ids in one cell, the report being collected."""

    problems: list[Problem]
    list_separators: str = ",;\n"
    owner_separators: str = ";\n"
    fractions: bool = False  # the progress column holds shares of one
    today: dt.date = field(default_factory=dt.date.today)
    # Owners the source lists apart (a committee workbook): the owner column's names → ids.
    owners_by_name: dict[str, str] = field(default_factory=dict)
    # A blank adopted deadline means none was adopted (a committee workbook): a current one
    # beside it was set by an update, rather than being the deadline.
    adopted_column: bool = False


def _unmapped(draft: Draft, cell: Cell, reading: Reading, why: str, kept: str = "") -> None:
    raw = text_of(cell.value)
    reading.problems.append(
        Problem(cell.where, cell.header, raw, f"{why}; {kept or 'kept in notes'}")
    )
    if not kept:
        draft.kept.append(f"{cell.header}: {raw}")


def _text(draft: Draft, key: str, cell: Cell, prefix: str = "") -> None:
    if is_blank(cell.value):
        return
    text = prefix + text_of(cell.value)
    old = draft.values.get(key)
    draft.values[key] = f"{old}\n\n{text}" if old else text


def _parsed(key: str, read: Callable[[object], Any]) -> Callable[[Draft, Cell, Reading], None]:
    def fill(draft: Draft, cell: Cell, reading: Reading) -> None:
        try:
            value = read(cell.value)
        except Unreadable as exc:
            _unmapped(draft, cell, reading, str(exc))
            return
        if value is not None:
            draft.values[key] = value

    return fill


def _id(draft: Draft, cell: Cell, reading: Reading) -> None:
    if not is_blank(cell.value):
        draft.source_id = text_of(cell.value).strip()


def _title(draft: Draft, cell: Cell, reading: Reading) -> None:
    if not is_blank(cell.value):
        draft.title = text_of(cell.value).replace("\n", " ")


def _field(draft: Draft, cell: Cell, reading: Reading) -> None:
    if not is_blank(cell.value):
        draft.field_key = text_of(cell.value).replace("\n", " ")


def _owner(draft: Draft, cell: Cell, reading: Reading) -> None:
    known = reading.owners_by_name.get(" ".join(text_of(cell.value).split()))
    if known is not None:
        draft.owner_keys.append(known)
        return
    draft.owner_keys += split_list(cell.value, reading.owner_separators)


def _owners(draft: Draft, cell: Cell, reading: Reading) -> None:
    draft.owner_keys += split_list(cell.value, reading.list_separators)


def _contributors(draft: Draft, cell: Cell, reading: Reading) -> None:
    draft.contributor_keys += split_list(cell.value, reading.list_separators)


def _depends_on(draft: Draft, cell: Cell, reading: Reading) -> None:
    draft.depends_on += split_list(cell.value, reading.list_separators)


def _related(draft: Draft, cell: Cell, reading: Reading) -> None:
    draft.related += split_list(cell.value, reading.list_separators)


def _list(key: str) -> Callable[[Draft, Cell, Reading], None]:
    def fill(draft: Draft, cell: Cell, reading: Reading) -> None:
        items = split_list(cell.value, reading.list_separators)
        if items:
            draft.values[key] = draft.values.get(key, []) + items

    return fill


_SERVICE_KEY = re.compile(r"\d{14}")


def _services(draft: Draft, cell: Cell, reading: Reading) -> None:
    items = split_list(cell.value, reading.list_separators)
    keys = [item.replace(" ", "") for item in items]
    if all(_SERVICE_KEY.fullmatch(key) for key in keys):
        if keys:
            draft.values["services"] = draft.values.get("services", []) + keys
    else:
        _unmapped(draft, cell, reading, "not a list of 14-digit LeiKa keys")


def _deadline(draft: Draft, cell: Cell, reading: Reading) -> None:
    if is_blank(cell.value):
        return
    try:
        deadline, start = read_period(cell.value)
    except Unreadable as exc:
        _unmapped(draft, cell, reading, str(exc))
        return
    draft.values["deadline"] = deadline
    if start is not None:
        draft.values.setdefault("_start_from_span", start)


def _current_deadline(draft: Draft, cell: Cell, reading: Reading) -> None:
    try:
        value = read_deadline(cell.value)
    except Unreadable as exc:
        _unmapped(draft, cell, reading, str(exc))
        return
    if value is not None:
        draft.values["_current_deadline"] = value


_FUNDED_UNTIL = re.compile(
    r"(?P<name>.*?)\s*\(\s*(?:bis|until|gefördert bis|Förderung bis|Laufzeit bis|funded until)"
    r"\s+(?P<day>[^()]+?)\s*\)",
    re.I | re.S,
)


def _funding(draft: Draft, cell: Cell, reading: Reading) -> None:
    """A funding programme; "Digitalpakt (bis 31.12.2024)" also says when the funding ends."""
    if is_blank(cell.value):
        return
    text = text_of(cell.value)
    match = _FUNDED_UNTIL.fullmatch(text)
    if match:
        try:
            ends = read_date(match["day"])
        except Unreadable:
            ends = None
        if ends is not None:
            draft.values.setdefault("funding_ends", ends)
            text = match["name"]
    if text:
        _text(draft, "funding", Cell(cell.column, cell.row, cell.header, text))


def _progress(draft: Draft, cell: Cell, reading: Reading) -> None:
    try:
        value = read_progress(cell.value, reading.fractions)
    except Unreadable as exc:
        _unmapped(draft, cell, reading, str(exc))
        return
    if value is not None:
        draft.values["progress"] = value


_DATED = re.compile(r"\s*(\S+(?:\s\d{4})?)\s*[:–-]\s+(.+)", re.S)


def _last_update(draft: Draft, cell: Cell, reading: Reading) -> None:
    """ "Letzte Meldung": a date, or a date and what was reported ("12.03.2024: live")."""
    if is_blank(cell.value):
        return
    try:
        draft.values["_update_date"] = read_date(cell.value)
        return
    except Unreadable:
        pass
    match = _DATED.fullmatch(text_of(cell.value))
    if match:
        try:
            draft.values["_update_date"] = read_date(match[1])
            draft.values["_update_note"] = match[2].strip()
            return
        except Unreadable:
            pass
    _unmapped(draft, cell, reading, "no date of the update in it")


def _last_note(draft: Draft, cell: Cell, reading: Reading) -> None:
    """The note of the latest update, in a column of its own (beside "Letzte Meldung")."""
    if not is_blank(cell.value):
        draft.values["_update_note"] = text_of(cell.value)


def _notes(draft: Draft, cell: Cell, reading: Reading) -> None:
    if not is_blank(cell.value):
        draft.notes.append(text_of(cell.value))


FILLERS: dict[str, Callable[[Draft, Cell, Reading], None]] = {
    "id": _id,
    "title": _title,
    "field": _field,
    "owner": _owner,
    "owners": _owners,
    "contributors": _contributors,
    "description": lambda d, c, r: _text(d, "description", c),
    "goal": lambda d, c, r: _text(d, "description", c, "Ziel: "),
    "priority": _parsed("priority", read_priority),
    "start": _parsed("start", read_date),
    "deadline": _deadline,
    "current_deadline": _current_deadline,
    "status": _parsed("status", read_status),
    "progress": _progress,
    "budget": _parsed("budget_eur", read_amount),
    "budget_reserved": _parsed("budget_reserved", read_flag),
    "funding": _funding,
    "funding_ends": _parsed("funding_ends", read_date),
    "decision": lambda d, c, r: _text(d, "decision", c),
    "depends_on": _depends_on,
    "related": _related,
    "services": _services,
    "tags": _list("tags"),
    "indicator": lambda d, c, r: _text(d, "indicator", c),
    "last_update": _last_update,
    "last_note": _last_note,
    "notes": _notes,
    "ignore": lambda d, c, r: None,
}


def fill(draft: Draft, target: str | None, cell: Cell, reading: Reading) -> None:
    """Reads one cell into the draft; a column without meaning keeps its text in notes."""
    if target is None:
        if not is_blank(cell.value):
            draft.kept.append(f"{cell.header}: {text_of(cell.value)}")
        return
    FILLERS[target](draft, cell, reading)
