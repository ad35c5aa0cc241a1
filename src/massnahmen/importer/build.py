"""From read rows to a `Plan`: ids, fields of action, owners, status and progress that agree.

Both ways in (a flat sheet, a related-tables workbook through a mapping) fill `Draft`s; `assemble`
turns them into the model. Whatever cannot be mapped is kept in the measure's notes and listed
as a `Problem` for the import report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from massnahmen.importer.ids import clean_id, derive_id, is_id
from massnahmen.model import Plan
from massnahmen.sanitize import printable

Progress = Callable[[int], None]
NO_TITLE = "(ohne Titel)"
DEFAULT_FIELD = "Allgemein"


@dataclass(frozen=True, slots=True)
class Problem:
    """A cell (or column, or row) the import could not map, and what became of it."""

    where: str  # "measures!I7", "C81", "column A"
    column: str  # the header, "" where none
    value: str
    why: str

    def format(self, source: str) -> str:
        """`source:where (column) "value": why`, one line, escaped: cell text may hold ESC
        or bidi characters (`sanitize.printable`)."""
        column = f" ({self.column})" if self.column else ""
        value = " ".join(self.value.split())
        value = value if len(value) <= 60 else value[:57] + "..."
        shown = f' "{value}"' if value else ""
        return printable(f"{source}:{self.where}{column}{shown}: {self.why}")


@dataclass
class Named:
    """A field of action or an owner as the source names it, before it has a plan id."""

    key: str  # what measures join on: the source's id, or the name
    name: str
    short: str | None = None  # the source's own short name, the preferred id
    extra: dict[str, Any] = field(default_factory=dict)  # goal, description, kind, email
    exact: bool = False  # `short` is the plan's own id (a committee workbook): kept as it is


@dataclass
class Draft:
    """One measure as read: plan values plus the keys that still need joining."""

    where: str  # the row, for the report: "measures!7"
    source_id: str | None
    title: str
    field_key: str
    owner_keys: list[str] = field(default_factory=list)  # the first is the owner
    contributor_keys: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # "Header: text" of what was not mapped
    updates: list[dict[str, Any]] = field(default_factory=list)
    depends_on: list[str] = field(default_factory=list)  # source ids
    related: list[str] = field(default_factory=list)  # source ids, kept in notes


@dataclass
class Imported:
    """The plan an import made, and what it could not map."""

    plan: Plan
    problems: list[Problem]
    remarks: list[str]
    sheet: str = ""  # the sheet(s) read


def key_of(text: str) -> str:
    """How names are compared when joining: case and spacing aside."""
    return " ".join(text.split()).casefold()


def assemble(
    header: dict[str, Any],
    drafts: list[Draft],
    fields: list[Named],
    owners: list[Named],
    problems: list[Problem],
    *,
    related_label: str = "Verwandte Maßnahmen",
    keep_unused_owners: bool = True,
    note_same_titles: bool = True,
) -> Imported:
    """The plan from drafts and the fields and owners they refer to. `note_same_titles`: a
    title in two fields of action is one measure listed twice (not where each has its id)."""
    remarks: list[str] = []
    if note_same_titles:
        _dedupe_titles_across_fields(drafts, fields, problems)
    field_ids = _field_ids(fields, drafts)
    measure_ids = _measure_ids(drafts, field_ids, problems)
    used_owners = {k for d in drafts for k in (*d.owner_keys, *d.contributor_keys)}
    if not keep_unused_owners:
        unused = [o.name for o in owners if o.key not in used_owners]
        owners = [o for o in owners if o.key in used_owners]
        if unused:
            remarks.append(
                f"{len(unused)} owners are responsible for no measure and were left out: "
                + ", ".join(unused)
            )
    owner_ids = _owner_ids(owners)
    by_source = {d.source_id: measure_ids[n] for n, d in enumerate(drafts) if d.source_id}
    measures = []
    for n, draft in enumerate(drafts):
        measures.append(
            _measure(draft, measure_ids[n], field_ids, owner_ids, by_source, related_label)
        )
    data = {
        "format": 1,
        "plan": header,
        "fields": [{"id": field_ids[f.key], "name": f.name, **_present(f.extra)} for f in fields],
        "owners": [{"id": owner_ids[o.key], "name": o.name, **_present(o.extra)} for o in owners],
        "measures": measures,
    }
    return Imported(Plan.model_validate(data), problems, remarks)


def _present(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in (None, "", [])}


def _dedupe_titles_across_fields(
    drafts: list[Draft], fields: list[Named], problems: list[Problem]
) -> None:
    """A measure listed in two fields of action stays in both, each noting the other."""
    names = {f.key: f.name for f in fields}
    seen: dict[str, list[Draft]] = {}
    for draft in drafts:
        if draft.title != NO_TITLE:
            seen.setdefault(key_of(draft.title), []).append(draft)
    for same in seen.values():
        in_fields = {d.field_key for d in same}
        if len(in_fields) < 2:
            continue
        listed = ", ".join(names.get(d.field_key, d.field_key) for d in same)
        problems.append(
            Problem(
                same[0].where,
                "",
                same[0].title,
                f"the same measure stands in {len(same)} fields of action ({listed}); "
                "imported once in each, with a note",
            )
        )
        for draft in same:
            others = [names.get(d.field_key, d.field_key) for d in same if d is not draft]
            draft.notes.append("Auch im Handlungsfeld " + ", ".join(others) + " aufgeführt.")


def _field_ids(fields: list[Named], drafts: list[Draft]) -> dict[str, str]:
    """Field ids: the plan's own where the source has them; else the common prefix of the
    field's measure ids where there is one ("VW" from VW-01, VW-02), else the short name, else
    derived from the name."""
    prefixes: dict[str, set[str]] = {}
    for draft in drafts:
        prefix = draft.source_id.rpartition("-")[0] if draft.source_id else ""
        prefixes.setdefault(draft.field_key, set()).add(prefix)
    taken: set[str] = set()
    ids: dict[str, str] = {}
    for named in fields:
        if named.exact and named.short and is_id(named.short) and named.short not in taken:
            ids[named.key] = named.short
            taken.add(named.short)
    for named in fields:
        if named.key in ids:
            continue
        found = prefixes.get(named.key, set())
        prefix = next(iter(found)) if len(found) == 1 else ""
        for preferred in (prefix, named.short and clean_id(named.short)):
            if preferred and is_id(preferred) and preferred not in taken:
                ids[named.key] = preferred
                taken.add(preferred)
                break
    for named in fields:
        if named.key not in ids:
            ids[named.key] = derive_id(named.name, taken)
    return ids


def _owner_ids(owners: list[Named]) -> dict[str, str]:
    taken: set[str] = set()
    ids: dict[str, str] = {}
    for named in sorted(owners, key=lambda o: not o.exact):  # the plan's own ids first
        preferred = clean_id(named.short) if named.short else None
        if preferred and preferred not in taken:
            ids[named.key] = preferred
            taken.add(preferred)
    for named in owners:
        if named.key not in ids:
            ids[named.key] = derive_id(named.name, taken, short=False)
    return ids


def _measure_ids(
    drafts: list[Draft], field_ids: dict[str, str], problems: list[Problem]
) -> list[str]:
    """The source's ids where all are valid and unique; else FIELD-NR where the numbers are
    unique within each field; else FIELD-01, FIELD-02, … in the order of the sheet."""
    sources = [d.source_id for d in drafts]
    if drafts and all(s and is_id(s) for s in sources) and len(set(sources)) == len(sources):
        return [s for s in sources if s]
    numbers = [
        s.lstrip("0").zfill(2) if s else ""  # "007" → "07"; no int(): it may have 5000 digits
        for s in (_last_number(s) for s in sources)
    ]
    pairs = [(d.field_key, nr) for d, nr in zip(drafts, numbers, strict=True)]
    if drafts and all(nr for _, nr in pairs) and len(set(pairs)) == len(pairs):
        ids = [f"{field_ids[key]}-{nr}" for key, nr in pairs]
        if all(is_id(i) for i in ids) and len(set(ids)) == len(ids):
            _note_source_ids(drafts, problems, "numbered within their field")
            return ids
    counters: dict[str, int] = {}
    per_field: dict[str, int] = {}
    for draft in drafts:
        per_field[draft.field_key] = per_field.get(draft.field_key, 0) + 1
    ids = []
    for draft in drafts:
        counters[draft.field_key] = counters.get(draft.field_key, 0) + 1
        width = max(2, len(str(per_field[draft.field_key])))
        ids.append(f"{field_ids[draft.field_key]}-{counters[draft.field_key]:0{width}d}")
    if any(sources):
        _note_source_ids(drafts, problems, "numbered anew")
    return ids


def _last_number(source_id: str | None) -> str | None:
    if not source_id:
        return None
    match = re.search(r"([0-9]+)\s*$", source_id)
    return match[1] if match else None


def _note_source_ids(drafts: list[Draft], problems: list[Problem], how: str) -> None:
    problems.append(
        Problem(
            "column id",
            "",
            "",
            "the numbers in the id column are not unique, valid plan ids; measures are "
            f"{how}, each noting its number in the source",
        )
    )
    for draft in drafts:
        if draft.source_id:
            draft.notes.insert(0, f"Nr. in der Quelle: {draft.source_id}")


def _measure(
    draft: Draft,
    measure_id: str,
    field_ids: dict[str, str],
    owner_ids: dict[str, str],
    by_source: dict[str, str],
    related_label: str,
) -> dict[str, Any]:
    owners = [owner_ids[k] for k in draft.owner_keys if k in owner_ids]
    contributors = [owner_ids[k] for k in draft.contributor_keys if k in owner_ids]
    data: dict[str, Any] = {"id": measure_id, "title": draft.title}
    data["field"] = field_ids[draft.field_key]
    if owners:
        data["owner"] = owners[0]
    helpers = list(dict.fromkeys(o for o in owners[1:] + contributors if o != data.get("owner")))
    if helpers:
        data["contributors"] = helpers
    data.update(draft.values)
    depends = [by_source[s] for s in draft.depends_on if s in by_source]
    if depends:
        data["depends_on"] = list(dict.fromkeys(d for d in depends if d != measure_id))
    notes = list(draft.notes)
    related = [by_source.get(s, s) for s in draft.related if by_source.get(s) != measure_id]
    if related:
        notes.append(f"{related_label}: " + ", ".join(related))
    notes += draft.kept
    if notes:
        data["notes"] = "\n".join(notes)
    if draft.updates:
        data["updates"] = sorted(draft.updates, key=lambda u: u["date"])
    return data
