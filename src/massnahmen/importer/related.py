"""Reading a related-tables workbook through its mapping: fields, owners and measures from
their sheets, each measure's latest report as an update; the joins are in `joins`."""

from __future__ import annotations

from typing import Any

from massnahmen.importer.build import DEFAULT_FIELD, Draft, Named, Problem, key_of
from massnahmen.importer.cells import Unreadable, is_blank, text_of
from massnahmen.importer.dates import read_date
from massnahmen.importer.finish import finish
from massnahmen.importer.flat import column_letter
from massnahmen.importer.joins import join_fields, join_owners, resolve_measure_refs
from massnahmen.importer.mapping import FieldsMap, Mapping, MeasuresMap, OwnersMap, UpdateMap
from massnahmen.importer.measures import FILLERS, Reading, fill
from massnahmen.importer.sources import Row, Source
from massnahmen.importer.tables import Table, read_table
from massnahmen.importer.words import read_status


def read_named(
    source: Source, table: FieldsMap | OwnersMap, extras: tuple[str, ...], where: str
) -> list[Named]:
    columns = {"id": table.id, "name": table.name, "short": table.short}
    columns |= {key: getattr(table, key) for key in extras}
    wanted = {k: c for k, c in columns.items() if c}
    sheet = read_table(source, table, list(wanted.values()), where)
    at = {k: sheet.column(c, f"{where} {k}") for k, c in wanted.items()}
    named: list[Named] = []
    for row in sheet.rows:
        get = {k: row[i] if i < len(row) else None for k, i in at.items()}
        if is_blank(get["id"]) and is_blank(get["name"]):
            continue
        name = text_of(get["name"]).strip() or text_of(get["id"])
        short = text_of(get.get("short")).strip() or None
        extra = {k: text_of(get[k]).strip() for k in extras if k in get and not is_blank(get[k])}
        named.append(Named(key_of(text_of(get["id"])), name, short, extra))
    return named


def read_related(
    source: Source, mapping: Mapping, mapping_file: str, reading: Reading
) -> tuple[dict[str, Any], list[Draft], list[Named], list[Named]]:
    """Plan header values, drafts, fields and owners from the sheets the mapping names."""
    fields = (
        read_named(source, mapping.fields, ("goal", "description"), f"{mapping_file}: [fields]")
        if mapping.fields
        else None
    )
    owners = (
        read_named(source, mapping.owners, ("kind", "email"), f"{mapping_file}: [owners]")
        if mapping.owners
        else None
    )
    spec = mapping.measures
    reading.list_separators = spec.list_separator
    reading.owner_separators = spec.list_separator if owners is not None else ";\n"
    targets = _measure_columns(spec)
    update = spec.update or UpdateMap()
    update_columns = {k: v for k, v in (("date", update.date), ("note", update.note)) if v}
    names = [c for c, _ in targets] + list(update_columns.values())
    if isinstance(spec.notes, dict):
        names += spec.notes.values()
    if update.status:
        names.append(update.status)
    if update.progress:
        names.append(update.progress)
    where = f"{mapping_file}: [measures]"
    sheet = read_table(source, spec, names, where)
    located = [(sheet.column(c, where), c, t) for c, t in targets]
    labelled = [
        (label, sheet.column(column, where))
        for label, column in (spec.notes.items() if isinstance(spec.notes, dict) else ())
    ]
    drafts: list[Draft] = []
    for number, row in enumerate(sheet.rows, start=sheet.header_number + 1):
        if all(is_blank(v) for v in row):
            continue
        draft = Draft(f"{sheet.prefix}{number}", None, "", "")
        for index, header, target in located:
            fill(draft, target, sheet.cell(number, row, index, header), reading)
        for label, index in labelled:
            value = row[index] if index < len(row) else None
            if not is_blank(value):
                draft.notes.append(f"{label}: {text_of(value)}")
        _update(draft, sheet, number, row, update, where, reading)
        draft.field_key = key_of(draft.field_key) if draft.field_key else key_of(DEFAULT_FIELD)
        title_where = f"{sheet.prefix}{column_letter(sheet.column(spec.title, where))}{number}"
        finish(draft, reading, title_where, update.progress or spec.progress or "Fortschritt")
        drafts.append(draft)
    fields = join_fields(drafts, fields, reading.problems)
    owners = join_owners(drafts, owners, reading.problems)
    resolve_measure_refs(drafts, spec, reading.problems)
    plan_values = {k: v for k, v in mapping.plan.model_dump().items() if v is not None}
    return plan_values, drafts, fields, owners


def _measure_columns(spec: MeasuresMap) -> list[tuple[str, str]]:
    """(column, target) pairs in a fixed order; text targets may name several columns."""
    pairs: list[tuple[str, str]] = []
    for target in FILLERS:
        if target in ("notes", "ignore", "last_update", "last_note"):
            continue
        value = getattr(spec, target, None)
        if target == "related" and spec.related_as == "depends_on":
            target = "depends_on"
        for column in [value] if isinstance(value, str) else value or []:
            pairs.append((column, target))
    if isinstance(spec.notes, str):
        pairs.append((spec.notes, "notes"))
    return pairs


def _update(
    draft: Draft,
    sheet: Table,
    number: int,
    row: Row,
    spec: UpdateMap,
    where: str,
    reading: Reading,
) -> None:
    """The measure's latest report as an update: its date, note and the status it names."""
    cells = {
        key: sheet.cell(number, row, sheet.column(column, where), column)
        for key, column in (("date", spec.date), ("note", spec.note), ("status", spec.status))
        if column
    }
    notes = spec.note
    if spec.progress:
        fill(
            draft,
            "progress",
            sheet.cell(number, row, sheet.column(spec.progress, where), spec.progress),
            reading,
        )
    if "status" in cells and not is_blank(cells["status"].value):
        cell = cells["status"]
        try:
            draft.values["status"] = read_status(cell.value)
        except Unreadable as exc:
            kept = "kept as the update's note" if spec.status == notes else ""
            reading.problems.append(
                Problem(
                    cell.where,
                    cell.header,
                    text_of(cell.value),
                    f"{exc}; {kept or 'kept in notes'}; status planned",
                )
            )
            if not kept:
                draft.kept.append(f"{cell.header}: {text_of(cell.value)}")
    date = None
    if "date" in cells:
        try:
            date = read_date(cells["date"].value)
        except Unreadable as exc:
            cell = cells["date"]
            reading.problems.append(
                Problem(cell.where, cell.header, text_of(cell.value), f"{exc}; kept in notes")
            )
            draft.kept.append(f"{cell.header}: {text_of(cell.value)}")
    note = (
        text_of(cells["note"].value)
        if "note" in cells and not is_blank(cells["note"].value)
        else None
    )
    if date is None and note is not None and spec.default_date is not None:
        date = spec.default_date
    if date is not None:
        draft.values["_update_date"] = date
    if note is not None:
        draft.values["_update_note"] = note
