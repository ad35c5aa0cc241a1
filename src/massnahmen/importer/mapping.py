"""Related-table workbooks: a mapping file (TOML) names the sheets and columns of measures,
fields of action and owners, and the columns that join them.

    mapping = 1
    [fields]    sheet, id, name, [short, goal, description]
    [owners]    sheet, id, name, [short, kind, email]
    [measures]  sheet, title, field, [id, owner, owners, contributors, …, list_separator]
    [measures.notes]   label = column: kept as "label: text" in notes
    [measures.update]  date, note, status, progress, default_date

Without [fields] ([owners]) the measure's field (owner) column holds names, as in a flat sheet.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from massnahmen.diagnostics import did_you_mean
from massnahmen.errors import CannotRun
from massnahmen.importer.build import DEFAULT_FIELD, Draft, Named, Problem, key_of
from massnahmen.importer.flat import column_letter
from massnahmen.importer.headers import HEADER_SCAN_ROWS, normalize
from massnahmen.importer.measures import FILLERS, Cell, Reading, fill, finish
from massnahmen.importer.sources import Row, Sheet, Source, SourceError
from massnahmen.importer.values import Unreadable, is_blank, read_date, read_status, text_of

Column = Annotated[str, Field(min_length=1)]
Columns = Column | list[Column]


class MappingError(CannotRun):
    """The mapping file cannot be used; the message is one line for the person."""


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sheet: str | None = None  # default: the only sheet (a CSV file), else required
    header_row: Annotated[int, Field(ge=1)] | None = None  # 1-based; found when left out


class PlanMap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = None
    authority: str | None = None
    version: str | None = None
    state: Literal["draft", "adopted"] | None = None
    adopted_on: dt.date | None = None
    adopted_by: str | None = None


class FieldsMap(_Table):
    id: Column
    name: Column
    short: Column | None = None
    goal: Column | None = None
    description: Column | None = None


class OwnersMap(_Table):
    id: Column
    name: Column
    short: Column | None = None
    kind: Column | None = None
    email: Column | None = None


class UpdateMap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    date: Column | None = None
    note: Column | None = None
    status: Column | None = None
    progress: Column | None = None
    default_date: dt.date | None = None  # for rows with a note but no date: the source's "Stand"


class MeasuresMap(_Table):
    title: Column
    field: Column | None = None
    id: Column | None = None
    owner: Column | None = None
    owners: Column | None = None  # a list: the first is the owner, the others contributors
    contributors: Column | None = None
    description: Columns | None = None
    goal: Column | None = None
    priority: Column | None = None
    start: Column | None = None
    deadline: Column | None = None
    status: Column | None = None
    progress: Column | None = None
    budget: Column | None = None
    budget_reserved: Column | None = None
    funding: Column | None = None
    funding_ends: Column | None = None
    decision: Column | None = None
    depends_on: Column | None = None
    related: Column | None = None
    related_as: Literal["notes", "depends_on"] = "notes"
    services: Column | None = None
    tags: Column | None = None
    indicator: Column | None = None
    list_separator: Annotated[str, Field(min_length=1)] = ",;"
    notes: Column | dict[str, Column] | None = None
    update: UpdateMap | None = None


class Mapping(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    mapping: Literal[1]
    plan: PlanMap = PlanMap()
    fields: FieldsMap | None = None
    owners: OwnersMap | None = None
    measures: MeasuresMap


def load_mapping(path: Path) -> Mapping:
    """Reads and validates a mapping file; MappingError with one line per problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise MappingError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(f"{path}: invalid TOML: {exc}") from None
    try:
        return Mapping.model_validate(data)
    except ValidationError as exc:
        raise MappingError("\n".join(_problem(path, e) for e in exc.errors())) from None


def _problem(path: Path, error: ErrorDetails) -> str:
    """One mapping problem in TOML words: missing key, unknown key (with a hint), bad value."""
    loc = [str(part) for part in error["loc"] if isinstance(part, str)]
    loc = [part for part in loc if part not in ("str", "dict[str,str]")]
    table, key = ".".join(loc[:-1]), loc[-1] if loc else ""
    where = f"[{table}] " if table else ""
    if error["type"] == "missing":
        return f'{path}: {where}missing key "{key}"'
    if error["type"] == "extra_forbidden":
        model: type[BaseModel] = Mapping
        for part in loc[:-1]:
            inner = model.model_fields.get(part)
            found = getattr(inner, "annotation", None)
            candidates = [a for a in getattr(found, "__args__", (found,)) if isinstance(a, type)]
            model = next((a for a in candidates if issubclass(a, BaseModel)), model)
        return f'{path}: {where}unknown key "{key}"{did_you_mean(key, model.model_fields)}'
    return f'{path}: {where}key "{key}": {error["msg"]}'


@dataclass
class _Table2D:
    """A sheet's rows below its header, with the header's column positions."""

    sheet: Sheet
    prefix: str
    header_number: int
    positions: dict[str, int]  # normalized header → 0-based column
    headers: dict[str, str]  # normalized header → as written
    rows: list[Row]

    def column(self, name: str, where: str) -> int:
        key = normalize(name)
        if key not in self.positions:
            hint = did_you_mean(name, list(self.headers.values()))
            raise MappingError(f'{where}: no column "{name}" in sheet "{self.sheet.name}"{hint}')
        return self.positions[key]

    def cell(self, row_number: int, row: Row, index: int, header: str) -> Cell:
        value = row[index] if index < len(row) else None
        return Cell(f"{self.prefix}{column_letter(index)}", row_number, header, value)


def _table(source: Source, table: _Table, names: list[str], where: str) -> _Table2D:
    if table.sheet is None:
        if len(source.sheets) != 1:
            raise MappingError(f"{where}: name the sheet (sheet = ...)")
        sheet = source.sheets[0]
    else:
        try:
            sheet = source.sheet(table.sheet)
        except SourceError as exc:
            raise MappingError(f"{where}: {exc}") from None
    rows = list(sheet.read_rows())
    wanted = {normalize(n) for n in names}
    number = table.header_row
    if number is None:
        for n, row in enumerate(rows[:HEADER_SCAN_ROWS], start=1):
            if wanted <= {normalize(text_of(v)) for v in row}:
                number = n
                break
        else:
            number = 1
    header_cells = rows[number - 1] if number <= len(rows) else ()
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    for index, value in enumerate(header_cells):
        text = text_of(value)
        if text and normalize(text) not in positions:
            positions[normalize(text)] = index
            headers[normalize(text)] = text
    prefix = f"{sheet.name}!" if source.kind == "xlsx" else ""
    return _Table2D(sheet, prefix, number, positions, headers, rows[number:])


def _named(
    source: Source, table: FieldsMap | OwnersMap, extras: tuple[str, ...], where: str
) -> list[Named]:
    columns = {"id": table.id, "name": table.name, "short": table.short}
    columns |= {key: getattr(table, key) for key in extras}
    wanted = {k: c for k, c in columns.items() if c}
    sheet = _table(source, table, list(wanted.values()), where)
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
        _named(source, mapping.fields, ("goal", "description"), f"{mapping_file}: [fields]")
        if mapping.fields
        else None
    )
    owners = (
        _named(source, mapping.owners, ("kind", "email"), f"{mapping_file}: [owners]")
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
    sheet = _table(source, spec, names, where)
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
    fields = _join(drafts, fields, reading.problems)
    owners = _join_owners(drafts, owners, reading.problems)
    _resolve_measure_refs(drafts, spec, reading.problems)
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
    sheet: _Table2D,
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


def _join(drafts: list[Draft], fields: list[Named] | None, problems: list[Problem]) -> list[Named]:
    """Fields by the key the measures name; an unknown key becomes a field of its own."""
    if fields is None:
        known: dict[str, Named] = {}
        for draft in drafts:
            known.setdefault(draft.field_key, Named(draft.field_key, draft.field_key))
        return list(known.values())
    keys = {f.key for f in fields}
    for draft in drafts:
        if draft.field_key not in keys:
            problems.append(
                Problem(
                    draft.where,
                    "",
                    draft.field_key,
                    "no field of action has this id; a field of that name was added",
                )
            )
            fields.append(Named(draft.field_key, f"Handlungsfeld {draft.field_key}"))
            keys.add(draft.field_key)
    return fields


def _join_owners(
    drafts: list[Draft], owners: list[Named] | None, problems: list[Problem]
) -> list[Named]:
    if owners is None:
        found: dict[str, Named] = {}
        for draft in drafts:
            for keys in (draft.owner_keys, draft.contributor_keys):
                for n, name in enumerate(keys):
                    keys[n] = key_of(name)
                    found.setdefault(keys[n], Named(keys[n], name))
        return list(found.values())
    known = {o.key for o in owners}
    for draft in drafts:
        for keys in (draft.owner_keys, draft.contributor_keys):
            for name in list(keys):
                if key_of(name) not in known:
                    problems.append(
                        Problem(
                            draft.where, "", name, "no owner has this id; left out, kept in notes"
                        )
                    )
                    draft.kept.append(f"Unbekannte Zuständigkeit: {name}")
                    keys.remove(name)
            keys[:] = [key_of(k) for k in keys]
    return owners


def _resolve_measure_refs(drafts: list[Draft], spec: MeasuresMap, problems: list[Problem]) -> None:
    ids = {d.source_id for d in drafts if d.source_id}
    for draft in drafts:
        for refs, what in ((draft.depends_on, "dependency"), (draft.related, "related measure")):
            for ref in list(refs):
                if ref not in ids:
                    problems.append(
                        Problem(
                            draft.where, "", ref, f"no measure has this id; the {what} is left out"
                        )
                    )
                    refs.remove(ref)
