"""Measures, updates and deadlines as plain JSON values: the habits every command's JSON shares.

Keys are the plan's English keys, dates ISO strings, statuses the plan's words, absent values null.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from massnahmen.report.parts import milestone_state, path_state

if TYPE_CHECKING:
    from massnahmen.deadline import Deadline
    from massnahmen.model import Indicator, Measure, Milestone, Update
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
        "rating": update.rating,
        "note": update.note,
    }


def milestone_record(milestone: Milestone, measure: Measure, state: PlanState) -> dict[str, Any]:
    """A milestone with the day it is due and its state: reached, due or overdue."""
    due = milestone.due.due if milestone.due else None
    return {
        "title": milestone.title,
        "due": deadline_value(milestone.due),
        "due_on": due.isoformat() if due else None,
        "done_on": milestone.done_on.isoformat() if milestone.done_on else None,
        "state": milestone_state(milestone, measure, state),
    }


def indicator_record(indicator: Indicator, state: PlanState) -> dict[str, Any]:
    """An indicator with its path and where its latest value stands on it."""
    path = state.indicator_path(indicator)
    latest = path.latest
    return {
        "id": indicator.id,
        "name": indicator.name,
        "unit": indicator.unit,
        "baseline": indicator.baseline,
        "baseline_date": _iso(indicator.baseline_date),
        "target": indicator.target,
        "target_date": _iso(indicator.target_date),
        "latest": None
        if latest is None
        else {"date": latest.date.isoformat(), "value": latest.value},
        "expected": None if path.expected is None else round(path.expected, 4),
        "path": path_state(path),
    }


def _iso(day: Any) -> str | None:
    return None if day is None else str(day.isoformat())


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
        "horizon": _horizon(measure.effective_deadline),
        "rating": measure.rating,
        "attributes": dict(measure.attributes),
        "milestones": [milestone_record(m, measure, state) for m in measure.milestones],
        "indicators": [indicator_record(i, state) for i in measure.indicators],
        "last_update": update_record(measure.last_update),
    }


def _horizon(deadline: Deadline | None) -> str | None:
    """The name of the horizon the deadline names, if it names one."""
    return str(deadline.raw).strip() if deadline and deadline.kind == "horizon" else None
