"""A measure's draft after all its cells: a title, a start from a span, status and progress
that agree, and the update that records the latest report or a moved deadline."""

from __future__ import annotations

from typing import Any

from massnahmen.importer.build import NO_TITLE, Draft, Problem
from massnahmen.importer.measures import Reading


def finish(draft: Draft, reading: Reading, title_cell: str, progress_label: str) -> None:
    """After all cells: a title, a start from a span, status and progress that agree, and the
    update that records the latest report or a moved deadline."""
    values = draft.values
    if not draft.title:
        draft.title = NO_TITLE
        reading.problems.append(
            Problem(title_cell, "", "", f'the measure has no title; written as "{NO_TITLE}"')
        )
    span_start = values.pop("_start_from_span", None)
    if span_start is not None and "start" not in values:
        values["start"] = span_start
    status_given = "status" in values
    settle_status(draft, reading.problems, progress_label)
    current = values.pop("_current_deadline", None)
    date = values.pop("_update_date", None)
    note = values.pop("_update_note", None)
    moved = current is not None and current != values.get("deadline")
    if "deadline" not in values and current is not None and not reading.adopted_column:
        values["deadline"], moved = current, False
    if date is None and not moved:
        if note:
            draft.notes.append(note)
        return
    update: dict[str, Any] = {"date": date or reading.today}
    if date is not None:
        if status_given:
            update["status"] = values["status"]
        if values.get("progress") is not None:
            update["progress"] = values["progress"]
    if moved:
        update["deadline"] = current
    notes = [note] if note else []
    if moved and date is None:
        notes.append("Aktuelle Frist laut Quelle beim Import.")
    if notes:
        update["note"] = " ".join(notes)
    draft.updates.append(update)


def settle_status(draft: Draft, problems: list[Problem], progress_label: str) -> None:
    """Status and progress that agree: none given → planned; done → 100; planned → 0."""
    values = draft.values
    status, progress = values.get("status"), values.get("progress")
    if status is None:
        if progress is None or progress == 0:
            status = "planned"
        else:
            status = "done" if progress == 100 else "in_progress"
        values["status"] = status
    wanted = {"done": 100, "planned": 0}.get(status)
    if progress is not None and wanted is not None and progress != wanted:
        problems.append(
            Problem(
                draft.where,
                progress_label,
                f"{progress} %",
                f"progress {progress} contradicts the status {status}; set to {wanted}, "
                "the source's value kept in notes",
            )
        )
        draft.notes.append(f"{progress_label} laut Quelle: {progress} %")
        values["progress"] = wanted
    for update in draft.updates:
        if update.get("status") is None:
            continue
        want = {"done": 100, "planned": 0}.get(update["status"])
        if want is not None and update.get("progress") not in (None, want):
            update["progress"] = want
