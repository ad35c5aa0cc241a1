"""Measures, updates and deadlines as plain JSON values: the habits every command's JSON shares.

Keys are the plan's English keys, dates ISO strings, statuses the plan's words, absent values null.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from massnahmen.deadline import Deadline
    from massnahmen.model import Measure, Update
    from massnahmen.report.state import PlanState


def deadline_value(deadline: Deadline | None) -> str | None:
    """A deadline as written in the plan: "2024-06-30", "2024-Q2", "ongoing"; None if none."""
    if deadline is None:
        return None
    raw = deadline.raw
    return raw if isinstance(raw, str) else raw.isoformat()


def update_record(update: Update | None) -> dict[str, Any] | None:
    """An update with all its keys (null where it does not set them)."""
    if update is None:
        return None
    return {
        "date": update.date.isoformat(),
        "status": update.status,
        "progress": update.progress,
        "deadline": deadline_value(update.deadline),
        "note": update.note,
    }


def _identity(measure: Measure) -> dict[str, Any]:
    """What names a measure and where it stands: the first keys of every measure record."""
    return {
        "id": measure.id,
        "title": measure.title,
        "field": measure.field,
        "owner": measure.owner,
        "status": measure.status,
        "progress": measure.progress,
    }


def measure_summary(measure: Measure) -> dict[str, Any]:
    """A measure as `diff` reports an added or removed one."""
    return {**_identity(measure), "deadline": deadline_value(measure.effective_deadline)}


def measure_record(measure: Measure, state: PlanState) -> dict[str, Any]:
    """A measure as `list` and `remind` report it, with its state on the as-of date."""
    due = state.due(measure)
    return {
        **_identity(measure),
        "priority": measure.priority,
        "deadline": deadline_value(measure.effective_deadline),
        "due": due.isoformat() if due else None,
        "adopted_deadline": deadline_value(measure.deadline),
        "deadline_moves": measure.deadline_moves,
        "days_left": state.days_left(measure) if measure.is_open else None,
        "light": state.light(measure),
        "overdue": state.overdue(measure),
        "due_soon": state.due_soon(measure),
        "stale": state.stale(measure),
        "tags": list(measure.tags),
        "last_update": update_record(measure.last_update),
    }
