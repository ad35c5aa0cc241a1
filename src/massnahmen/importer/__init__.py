"""Importing an existing measure plan from a spreadsheet (.xlsx or .csv) into a `Plan`.

`import_plan` reads a flat sheet by its headers, related sheets through a mapping file, or the
committee workbook `export` wrote (known by its sheets and headings), and returns the plan with
a report of every cell it could not map. It raises `SourceError` or
`MappingError` (one line each) when the files cannot be used at all; it prints nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from massnahmen.bulk import paused_gc
from massnahmen.errors import CannotRun
from massnahmen.importer.build import Imported, assemble
from massnahmen.importer.committee import find_committee, read_committee
from massnahmen.importer.flat import choose_sheet, read_flat
from massnahmen.importer.mapping import MappingError, load_mapping
from massnahmen.importer.measures import Reading
from massnahmen.importer.related import read_related
from massnahmen.importer.sources import SourceError, open_source

if TYPE_CHECKING:
    from massnahmen.diagnostics import Diagnostic

__all__ = [
    "AUTHORITY_PLACEHOLDER",
    "Imported",
    "MappingError",
    "SourceError",
    "import_plan",
    "plan_text",
    "refuse_existing",
    "write_plan_file",
]

AUTHORITY_PLACEHOLDER = "(bitte eintragen)"
OnProgress = Callable[[int, int | None], None]


def import_plan(
    source_path: Path,
    *,
    mapping_path: Path | None = None,
    sheet: str | None = None,
    title: str | None = None,
    authority: str | None = None,
    today: dt.date | None = None,
    progress: OnProgress | None = None,
) -> Imported:
    """The plan in `source_path`; `title` and `authority` win over what the source says."""
    # Rows, drafts and the model are millions of objects without cycles: the collector would
    # walk them ever more often as they grow (5,000 rows to 20,000: 6.2× the time with it, 3.9×
    # without), see bulk.paused_gc.
    with paused_gc():
        return _import_plan(source_path, mapping_path, sheet, title, authority, today, progress)


def _import_plan(
    source_path: Path,
    mapping_path: Path | None,
    sheet: str | None,
    title: str | None,
    authority: str | None,
    today: dt.date | None,
    progress: OnProgress | None,
) -> Imported:
    mapping = load_mapping(mapping_path) if mapping_path is not None else None
    reading = Reading([], today=today or dt.date.today())
    committee = None
    with open_source(source_path) as source:
        if mapping is not None:
            if sheet is not None:
                raise MappingError("--sheet: the mapping file names the sheets")
            header, drafts, fields, owners = read_related(
                source, mapping, str(mapping_path), reading
            )
            tables = (mapping.fields, mapping.measures, mapping.owners)
            used = ", ".join(t.sheet for t in tables if t is not None and t.sheet)
        else:
            if sheet is not None and source.kind == "csv":
                raise SourceError(f"{source_path}: --sheet: a CSV file has no sheets")
            committee = find_committee(source, sheet)
            if committee is not None:
                on_rows = _on_rows(progress, committee.measures.size_hint)
                flat = read_committee(source, committee, reading, on_rows)
                used = committee.measures.name
            else:
                chosen, header_row = choose_sheet(source, sheet)
                on_rows = _on_rows(progress, chosen.size_hint)
                flat = read_flat(source, chosen, header_row, reading, on_rows)
                used = chosen.name
            header, drafts, fields, owners = flat.header, flat.drafts, flat.fields, flat.owners
        remarks = list(source.remarks)
    if title:
        header["title"] = title
    if authority:
        header["authority"] = authority
    header.setdefault("title", f"Maßnahmenplan aus {source_path.name}")
    if "authority" not in header:
        header["authority"] = AUTHORITY_PLACEHOLDER
        remarks.append(
            f'plan.authority is "{AUTHORITY_PLACEHOLDER}": give --authority or edit the plan'
        )
    imported = assemble(
        header,
        drafts,
        fields,
        owners,
        reading.problems,
        keep_unused_owners=mapping is None,
        note_same_titles=committee is None,
    )
    imported.remarks[:0] = remarks
    imported.sheet = used
    return imported


def _on_rows(progress: OnProgress | None, total: int | None) -> Callable[[int], None] | None:
    if progress is None:
        return None

    def on_rows(done: int) -> None:
        progress(done, total)

    return on_rows


def plan_text(
    imported: Imported, source: Path, mapping: Path | None, output: Path, today: dt.date
) -> tuple[str, list[Diagnostic]]:
    """The imported plan as the text of a plan file (a comment on top says where it came from),
    and what `check` finds in it for `today`: errors located in the text, warnings counted."""
    from massnahmen import __version__
    from massnahmen.checks import check_plan
    from massnahmen.edit.writer import render_plan_toml
    from massnahmen.load import Loaded

    comment = [
        f"Imported by massnahmen {__version__} on {today.isoformat()}",
        f"from {source.name} ({imported.sheet})"
        + (f" with the mapping {mapping.name}" if mapping else "")
        + ".",
        "Check it with `massnahmen check`; fill in what the source did not say.",
    ]
    text = render_plan_toml(imported.plan, "\n".join(comment))
    # The text loads as this very plan (the writer's round-trip test). Warnings are only
    # counted, so they need no line numbers; errors are listed, located in the text.
    findings = check_plan(Loaded(str(output), "", None, imported.plan), today)
    if any(d.severity == "error" for d in findings):
        findings = check_plan(Loaded(str(output), text, None, imported.plan), today)
    return text, findings


def write_plan_file(output: Path, text: str) -> None:
    """Writes the new plan atomically; CannotRun if it cannot be."""
    from massnahmen.files import atomic_write

    try:
        atomic_write(output, text.encode("utf-8"))
    except OSError as exc:
        raise CannotRun(f"{output}: cannot be written ({exc.strerror or exc})") from None


def refuse_existing(output: Path, *, force: bool) -> None:
    """CannotRun if the plan to write exists and `force` was not given."""
    if output.exists() and not force:
        raise CannotRun(f"{output}: exists; give --force to overwrite it")
