"""The committee workbook that `massnahmen export` writes, read back as the plan it shows.

Its measure sheet is a flat sheet and is read as any other (band rows head the fields of action,
deadlines show their period in their number format). What only this workbook has comes from
its other sheets: the plan's header from the summary, every owner's id, name, kind and whether
it is active from the owners sheet, and which measures are under budget reservation. On the
measure sheet the owner is named by name and contributors by id, the progress cells are shares
of one, and the note column is the latest update's note.

The workbook is known by its sheets, named in German or in English as `export --lang` names
them, and by the headings of its measure and owner sheets; a workbook a person edited in Excel
is still one, as long as those stand.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from massnahmen.importer.build import Draft, Named
from massnahmen.importer.cells import Unreadable, is_blank, text_of
from massnahmen.importer.dates import read_date
from massnahmen.importer.flat import FlatSheet, read_flat
from massnahmen.importer.headers import Column, HeaderRow, map_header, normalize
from massnahmen.importer.measures import Reading
from massnahmen.importer.sources import Row, Sheet, Source
from massnahmen.words import LANGS, Lang, label

SHEETS = ("summary", "measures", "owners", "budget_reserved")  # label keys of the sheet names
# Headings of the measure sheet that make it the committee workbook's (label keys).
MEASURE_HEADS = (
    "id",
    "field_short",
    "measure",
    "owner",
    "contributors",
    "adopted_deadline",
    "effective_deadline",
    "status",
    "last_update",
    "note",
)
# The owner sheet heads its id "Kürzel" (owner_id); workbooks exported before that, "Nr." (id).
OWNER_HEADS = ("name", "kind", "active")
OWNER_IDS = ("owner_id", "id")
# Rows of the summary's plan header (label keys) and the plan keys they hold.
PLAN_ROWS = {"authority": "authority", "plan": "title", "version": "version", "state": "state"}
_IN_BRACKETS = re.compile(r"(?P<state>[^(]*?)\s*(?:\((?P<more>.*)\))?", re.S)
_DAY_FIRST = re.compile(
    r"(?P<day>\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})(?:,\s*(?P<by>.*))?", re.S
)


@dataclass(frozen=True)
class Committee:
    """A committee workbook found in the source: its language and its sheets."""

    lang: Lang
    summary: Sheet
    measures: Sheet
    owners: Sheet
    reserved: Sheet | None
    header: HeaderRow  # the measure sheet's, its note column the latest update's note


def find_committee(source: Source, sheet: str | None = None) -> Committee | None:
    """The committee workbook in `source`, if it is one (and `sheet`, if given, is its measure
    sheet)."""
    if source.kind != "xlsx":
        return None
    for lang in LANGS:
        names = {normalize(label(key, lang)): key for key in SHEETS}
        found = {names[normalize(s.name)]: s for s in source.sheets if normalize(s.name) in names}
        if not {"summary", "measures", "owners"} <= found.keys():
            continue
        measures = found["measures"]
        if sheet is not None and normalize(sheet) != normalize(measures.name):
            return None
        header = _header(measures, MEASURE_HEADS, lang)
        if header is None or _header(found["owners"], OWNER_HEADS, lang) is None:
            continue
        note = normalize(label("note", lang))
        columns = tuple(
            Column(c.index, c.header, "last_note") if normalize(c.header) == note else c
            for c in header.columns
        )
        return Committee(
            lang,
            found["summary"],
            measures,
            found["owners"],
            found.get("budget_reserved"),
            HeaderRow(header.number, columns),
        )
    return None


def _header(sheet: Sheet, heads: tuple[str, ...], lang: Lang) -> HeaderRow | None:
    """The sheet's first row, if it has all of `heads` (in any order, among others)."""
    first = _first_rows(sheet, 1)
    if not first:
        return None
    texts = {normalize(text_of(cell)) for cell in first[0] if not is_blank(cell)}
    if not {normalize(label(key, lang)) for key in heads} <= texts:
        return None
    return map_header(1, first[0])


def read_committee(
    source: Source,
    committee: Committee,
    reading: Reading,
    progress: Callable[[int], None] | None = None,
) -> FlatSheet:
    """The plan's header, measures, fields and owners the workbook shows."""
    lang = committee.lang
    owners = _owners(committee.owners, lang)
    reading.fractions = True  # percentage cells, whatever their values
    reading.adopted_column = True
    reading.owners_by_name = {}
    for owner in owners:
        reading.owners_by_name.setdefault(owner.name, owner.key)
    flat = read_flat(source, committee.measures, committee.header, reading, progress, owners)
    for field in flat.fields:
        field.exact = True  # the band rows' ids are the plan's
    if committee.reserved is not None:
        _mark_reserved(flat.drafts, committee.reserved, lang)
    flat.header = _plan_header(committee.summary, lang)
    return flat


def _owners(sheet: Sheet, lang: Lang) -> list[Named]:
    """Every owner of the owners sheet (the row of measures without an owner has no id)."""
    rows = _table(sheet, lang)
    kinds = {label(kind, lang): kind for kind in ("unit", "person", "external")}
    owners: list[Named] = []
    for row in rows:
        ident = text_of(row.get("owner_id") or row.get("id")).strip()
        name = " ".join(text_of(row.get("name")).split())
        if not ident or not name:
            continue
        extra: dict[str, Any] = {}
        kind = kinds.get(text_of(row.get("kind")).strip())
        if kind is not None and kind != "unit":
            extra["kind"] = kind
        if text_of(row.get("active")).strip() == label("no", lang):
            extra["active"] = False
        owners.append(Named(ident, name, short=ident, extra=extra, exact=True))
    return owners


def _mark_reserved(drafts: list[Draft], sheet: Sheet, lang: Lang) -> None:
    reserved = {text_of(row.get("id")).strip() for row in _table(sheet, lang)}
    for draft in drafts:
        if draft.source_id in reserved:
            draft.values["budget_reserved"] = True


def _table(sheet: Sheet, lang: Lang) -> list[dict[str, object]]:
    """The rows below the heading as {label key: value}, for the owner sheet's columns (the
    budget reservation sheet shares its first, the id)."""
    rows = iter(sheet.read_rows())
    head = next(rows, ())
    by_text = {normalize(label(key, lang)): key for key in (*OWNER_IDS, *OWNER_HEADS)}
    keys: dict[int, str] = {}
    for index, cell in enumerate(head):
        key = by_text.get(normalize(text_of(cell)))
        if key is not None and key not in keys.values():
            keys[index] = key
    return [{key: row[i] for i, key in keys.items() if i < len(row)} for row in rows]


def _plan_header(sheet: Sheet, lang: Lang) -> dict[str, Any]:
    """Title, authority, version and state (with the day and body that adopted the plan) from
    the summary's rows of facts."""
    wanted = {normalize(label(key, lang)): plan_key for key, plan_key in PLAN_ROWS.items()}
    found: dict[str, str] = {}
    rows = _first_rows(sheet, 20)
    for row in rows:
        if len(row) < 2 or is_blank(row[0]) or is_blank(row[1]):
            continue
        plan_key = wanted.get(normalize(text_of(row[0])))
        if plan_key is not None:
            found.setdefault(plan_key, text_of(row[1]))
    header: dict[str, Any] = {}
    title = found.get("title") or (text_of(rows[0][0]) if rows and rows[0] else "")
    if title:
        header["title"] = title
    for key in ("authority", "version"):
        if found.get(key):
            header[key] = found[key]
    if "state" in found:
        header.update(_state(found["state"], lang))
    return header


def _state(text: str, lang: Lang) -> dict[str, Any]:
    """ "beschlossen (14.03.2023, Rat der Gemeinde)" → adopted, on 2023-03-14, by the council."""
    match = _IN_BRACKETS.fullmatch(text.strip())
    if match is None:
        return {}
    states = {label(state, lang): state for state in ("draft", "adopted")}
    found: dict[str, Any] = {}
    if match["state"] in states:
        found["state"] = states[match["state"]]
    more = (match["more"] or "").strip()
    day = _DAY_FIRST.fullmatch(more)
    if day is not None:
        try:
            found["adopted_on"] = read_date(day["day"])
        except Unreadable:
            day = None
    if day is not None:
        more = (day["by"] or "").strip()
    if more:
        found["adopted_by"] = more
    return found


def _first_rows(sheet: Sheet, count: int) -> list[Row]:
    rows = sheet.read_rows()
    first: list[Row] = []
    for row in rows:
        first.append(row)
        if len(first) >= count:
            break
    close = getattr(rows, "close", None)
    if close is not None:
        close()
    return first
