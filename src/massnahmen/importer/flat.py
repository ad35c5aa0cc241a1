"""A flat sheet: one measure a row below a header row, with titles or merged cells above it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from massnahmen.importer.build import DEFAULT_FIELD, Draft, Named, Problem, key_of
from massnahmen.importer.cells import is_blank, text_of
from massnahmen.importer.finish import finish
from massnahmen.importer.headers import (
    HEADER_SCAN_ROWS,
    HeaderRow,
    find_header,
    normalize,
    score,
    seen_headers,
)
from massnahmen.importer.measures import Cell, Reading, fill
from massnahmen.importer.sources import Row, Sheet, Source, SourceError
from massnahmen.words import say

# Sheets chosen by name when the workbook has one: the committee workbook's measure sheet first.
MEASURE_SHEETS = ("massnahmen", "measures", "massnahmenplan", "massnahmenuebersicht")
_AUTHORITY = re.compile(
    r"\b((?:Stadt|Gemeinde|Markt|Landkreis|Kreis|Samtgemeinde|Verbandsgemeinde|Bezirk|"
    r"Hansestadt|Landeshauptstadt|Kreisstadt|Land)\s+[A-ZÄÖÜ][\w.\- ]*[\w.])"
)


@dataclass
class FlatSheet:
    """What a flat sheet gave: the plan's header values, the measures, fields and owners."""

    sheet: str
    header: dict[str, Any]
    drafts: list[Draft]
    fields: list[Named]
    owners: list[Named]


def column_letter(index: int) -> str:
    """0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def choose_sheet(source: Source, name: str | None) -> tuple[Sheet, HeaderRow]:
    """The sheet asked for; else the one named like a measure list; else the one whose header
    row names most measure keys."""
    if name is not None:
        groups = [[source.sheet(name)]]
    else:  # visible sheets before hidden ones: a hidden "Maßnahmen" is an old copy, mostly
        groups = [
            [s for s in source.sheets if not s.hidden],
            [s for s in source.sheets if s.hidden],
        ]
    best: tuple[Sheet, HeaderRow] | None = None
    candidates: list[Sheet] = []
    for group in groups:
        named = [s for s in group if normalize(s.name).replace(" ", "") in MEASURE_SHEETS]
        candidates = candidates or named[:1] or group
        for sheet in named[:1] or group:
            header = find_header(_head(sheet))
            if header is not None and (best is None or score(header) > score(best[1])):
                best = sheet, header
        if best is not None:
            break
    if best is None:
        raise SourceError(_no_title_column(source, candidates[0]))
    if best[0].hidden:
        source.remarks.append(say("hidden_sheet", sheet=best[0].name))
    return best


def _no_title_column(source: Source, sheet: Sheet) -> str:
    """The refusal of a sheet without a title column: what it saw and how to map it."""
    headers, column, numbers = seen_headers(_head(sheet))
    shown = ", ".join(f'"{h}"' for h in headers[:20]) or say("import.no_headers")
    if len(headers) > 20:
        shown += ", …"
    examples = ", ".join(numbers[:3]) + (", …" if len(numbers) > 3 else "")
    return say(
        "import.no_title_column",
        path=source.path,
        where=say("import.where_sheet", sheet=sheet.name)
        if source.kind != "csv"
        else say("import.where_file"),
        numbers=say("import.only_numbers", column=column, examples=examples) if column else "",
        headers=shown,
        sheet=sheet.name,
    )


def _head(sheet: Sheet) -> list[Row]:
    rows = sheet.read_rows()
    head = []
    for row in rows:
        head.append(row)
        if len(head) >= HEADER_SCAN_ROWS:
            break
    close = getattr(rows, "close", None)
    if close is not None:
        close()
    return head


def read_flat(
    source: Source,
    sheet: Sheet,
    header: HeaderRow,
    reading: Reading,
    progress: Callable[[int], None] | None = None,
    owners: Sequence[Named] = (),
) -> FlatSheet:
    """Every measure row of `sheet` as a draft; field names fill down (merged cells) or come
    from heading rows where the sheet has no field column. `owners`: the owners the source
    lists apart, whose keys the owner and contributor cells may hold."""
    prefix = f"{sheet.name}!" if source.kind == "xlsx" else ""
    rows = list(_rows(sheet, progress))
    above = rows[: header.number - 1]
    targets = {c.target for c in header.columns}
    by_target = {c.target: c for c in header.columns}
    if "progress" in by_target:
        numbers = rows[header.number :]
        reading.fractions = reading.fractions or _fractions(numbers, by_target["progress"].index)
    progress_label = by_target["progress"].header if "progress" in by_target else "Fortschritt"
    field_column = by_target["field"].index if "field" in targets else None
    title_column = by_target["title"].index
    id_column = by_target["id"].index if "id" in targets else None
    width = max(c.index for c in header.columns) + 1
    lettered = [(c, f"{prefix}{column_letter(c.index)}") for c in header.columns]
    drafts: list[Draft] = []
    bands: list[Named] = []
    current_field = ""
    body = rows[header.number :]
    following = _next_with(body, id_column) if id_column is not None else []
    for at, row in enumerate(body):
        number = header.number + 1 + at
        filled = [n for n, value in enumerate(row) if not is_blank(value)]
        if not filled:
            continue
        heading = len(filled) == 1 and not _has(row, title_column)
        if heading and (field_column is None or filled[0] == field_column):
            current_field = text_of(row[filled[0]])
            continue
        if id_column is not None:
            band = _band(row, filled, following[at], id_column, field_column, title_column)
            if band is not None:
                bands.append(band)
                current_field = band.short or band.name
                continue
        draft = Draft(f"{prefix}{number}", None, "", "")
        for column, letter in lettered:
            value = row[column.index] if column.index < len(row) else None
            if value is not None:
                fill(draft, column.target, Cell(letter, number, column.header, value), reading)
        for n in filled:
            if n >= width:
                draft.kept.append(f"Spalte {column_letter(n)}: {text_of(row[n])}")
        if draft.field_key:
            current_field = draft.field_key
        draft.field_key = current_field or DEFAULT_FIELD
        finish(draft, reading, f"{prefix}{column_letter(title_column)}{number}", progress_label)
        drafts.append(draft)
    _report_unmapped_columns(header, prefix, reading.problems)
    fields, named_owners = _named(drafts, bands, owners)
    return FlatSheet(sheet.name, _plan_header(above, source), drafts, fields, named_owners)


def _rows(sheet: Sheet, progress: Callable[[int], None] | None) -> Iterator[Row]:
    for number, row in enumerate(sheet.read_rows(), start=1):
        if progress is not None and number % 500 == 0:
            progress(number)
        yield row


def _at(row: Row, index: int | None) -> object:
    return row[index] if index is not None and index < len(row) else None


def _has(row: Row, index: int) -> bool:
    return index < len(row) and not is_blank(row[index])


def _next_with(body: Sequence[Row], column: int) -> list[Row | None]:
    """For each row, the first row below it with a value in `column` (None if none): one pass
    from the end, where looking ahead from every row was quadratic (40k rows 5.7 s, 160k 42 s)."""
    found: list[Row | None] = [None] * len(body)
    below: Row | None = None
    for at in range(len(body) - 1, -1, -1):
        found[at] = below
        if _has(body[at], column):
            below = body[at]
    return found


def _band(
    row: Row,
    filled: list[int],
    following: Row | None,
    id_column: int,
    field_column: int | None,
    title_column: int,
) -> Named | None:
    """A band (section) row that heads a field of action, as a field: its id and name, such as
    "VW | VW | Verwaltung" in the committee workbook or "1 | Verwaltung" above measures 1.1,
    1.2. It has an id and a name and nothing else, and its id is the field column's value or
    the start of the next measure's id."""
    if not _has(row, id_column) or not set(filled) <= {id_column, field_column, title_column}:
        return None
    name_column = title_column if _has(row, title_column) else field_column
    if name_column is None or name_column == id_column or not _has(row, name_column):
        return None
    ident = text_of(row[id_column]).strip()
    name = " ".join(text_of(row[name_column]).split())
    field = text_of(_at(row, field_column)).strip()
    named_by_field = name_column != field_column and field == ident
    if not named_by_field and (
        following is None or not _heads(ident, text_of(following[id_column]).strip())
    ):
        return None
    return Named(ident, name, short=ident)


def _heads(ident: str, measure_id: str) -> bool:
    """Whether `ident` is the section of `measure_id`: "VW" of "VW-01", "1" of "1.2"."""
    rest = measure_id[len(ident) :]
    return measure_id.startswith(ident) and rest[:1] in ("-", ".", "_", " ", "/") and len(rest) > 1


def _fractions(rows: list[Row], index: int) -> bool:
    """Whether the progress column holds shares of one (0.4 for 40 %): Excel's % cells."""
    numbers: list[float] = []
    for row in rows:
        value = row[index] if index < len(row) else None
        if isinstance(value, int | float) and not isinstance(value, bool):
            numbers.append(float(value))
    return bool(numbers) and all(0 <= n <= 1 for n in numbers) and any(0 < n < 1 for n in numbers)


def _report_unmapped_columns(header: HeaderRow, prefix: str, problems: list[Problem]) -> None:
    for column in header.columns:
        if column.target is None:
            problems.append(
                Problem(
                    f"{prefix}{column_letter(column.index)}{header.number}",
                    "",
                    column.header,
                    "no key of the plan has this header; its values are kept in notes",
                )
            )


def _named(
    drafts: list[Draft], bands: Sequence[Named] = (), known: Sequence[Named] = ()
) -> tuple[list[Named], list[Named]]:
    """Fields of action and owners from the distinct names, in the order they appear; a field
    that a band row names by its id and name ("VW", "Verwaltung") is one field, whichever of
    the two the measures' field cells hold. Owners listed apart (`known`) come first, in
    their order, and cells holding their keys join them."""
    fields: dict[str, Named] = {}
    banded: dict[str, Named] = {}  # a band by its id as written, then as compared, then name
    for band in bands:
        fields.setdefault(band.key, band)
        banded.setdefault(band.key, band)
    for band in bands:
        banded.setdefault(key_of(band.key), band)
    for band in bands:
        banded.setdefault(key_of(band.name), band)
    owners: dict[str, Named] = {owner.key: owner for owner in known}
    for draft in drafts:
        raw, key = draft.field_key.strip(), key_of(draft.field_key)
        named = banded.get(raw) or banded.get(key)
        if named is None:
            named = fields.setdefault(key, Named(key, " ".join(draft.field_key.split())))
        draft.field_key = named.key
        for keys in (draft.owner_keys, draft.contributor_keys):
            for n, name in enumerate(keys):
                if name in owners and owners[name].exact:
                    continue
                key = key_of(name)
                owners.setdefault(key, Named(key, " ".join(name.split())))
                keys[n] = key
    return list(fields.values()), list(owners.values())


def _plan_header(above: Sequence[Row], source: Source) -> dict[str, Any]:
    """Title and authority from the title block above the header row, where it has them."""
    texts = [text_of(v) for row in above for v in row if not is_blank(v)]
    texts = [t for t in texts if isinstance(t, str) and not t[:1].isdigit()]
    header: dict[str, Any] = {}
    if texts:
        header["title"] = texts[0].replace("\n", " ")
    for text in texts:
        match = _AUTHORITY.search(text)
        if match:
            header["authority"] = match[1]
            break
    return header
