"""Warnings about the schedule of open measures: late, due soon, stale, badly ordered."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from massnahmen.checks.registry import Finding, day, days, measure_finding, register
from massnahmen.report.state import PlanState
from massnahmen.words import current_lang, say

if TYPE_CHECKING:
    from massnahmen.model import Measure, Plan


def _deadline_keys(measure: Measure) -> tuple[str | int, ...]:
    """Where the effective deadline stands: in the latest update that moves it, or the measure."""
    for n in range(len(measure.updates) - 1, -1, -1):
        if measure.updates[n].deadline is not None:
            return ("updates", n, "deadline")
    return ("deadline",)


def _schedule_finding(
    index: int, measure: Measure, state: PlanState, key: str, **values: object
) -> Finding:
    """`overdue by …` / `due in …`, with the deadline as written, at the key that sets it."""
    deadline = state.deadline(measure)
    assert deadline is not None
    message = say(key, deadline=deadline.display(current_lang()), **values)
    return measure_finding(index, measure.id, message, *_deadline_keys(measure))


@register("W201", "warning", "overdue")
def check_overdue(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in state.open_measures:
        left = state.days_left(measure)
        if left is not None and left < 0:
            yield _schedule_finding(index, measure, state, "finding.W201", days=days(-left))


@register("W202", "warning", "due soon: effective deadline within `due_soon_days`")
def check_due_soon(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in state.open_measures:
        if state.due_soon(measure):
            left = state.days_left(measure) or 0
            if left == 0:
                yield _schedule_finding(index, measure, state, "finding.W202.today")
            else:
                yield _schedule_finding(index, measure, state, "finding.W202", days=days(left))


@register("W203", "warning", "stale: in progress, no update for `stale_days`")
def check_stale(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in state.open_measures:
        if state.stale(measure):
            since = state.last_activity(measure)
            assert since is not None
            idle = days((state.as_of - since).days)
            which = "finding.W203.updates" if measure.updates else "finding.W203.start"
            message = say(which, days=idle, since=day(since))
            keys = ("updates", len(measure.updates) - 1) if measure.updates else ("start",)
            yield measure_finding(index, measure.id, message, *keys)


@register("W204", "warning", "depends on a measure that is due later")
def check_dependency_order(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in state.open_measures:
        due = state.due(measure)
        for n, dep_id in enumerate(measure.depends_on):
            dep = state.by_id.get(dep_id)
            dep_due = state.due(dep) if dep else None
            if dep and dep.is_open and due and dep_due and dep_due > due:
                message = say(
                    "finding.W204", dependency=dep_id, dependency_due=day(dep_due), due=day(due)
                )
                yield measure_finding(index, measure.id, message, "depends_on", n)


@register("W205", "warning", "depends on a cancelled measure")
def check_cancelled_dependency(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in state.open_measures:
        for n, dep_id in enumerate(measure.depends_on):
            dep = state.by_id.get(dep_id)
            if dep and dep.status == "cancelled":
                message = say("finding.W205", dependency=dep_id)
                yield measure_finding(index, measure.id, message, "depends_on", n)


@register("W206", "warning", "planned but its start date has passed")
def check_late_start(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in state.open_measures:
        if measure.status == "planned" and measure.start and measure.start < state.as_of:
            message = say("finding.W206", start=day(measure.start))
            yield measure_finding(index, measure.id, message, "start")


@register("W207", "warning", "funding period ends before the measure's deadline")
def check_funding_period(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in state.open_measures:
        if state.funding_ends_early(measure):
            due = state.due(measure)
            message = say("finding.W207", ends=day(measure.funding_ends), due=day(due))
            yield measure_finding(index, measure.id, message, "funding_ends")


@register("W208", "warning", "deadline moved without a reason in the update's note")
def check_deadline_reason(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in state.open_measures:
        current = measure.deadline
        for n, update in enumerate(measure.updates):
            if update.deadline is None:
                continue
            moved = current is None or update.deadline.due != current.due
            if moved and not (update.note and update.note.strip()):
                message = say(
                    "finding.W208",
                    date=day(update.date),
                    deadline=update.deadline.display(current_lang()),
                )
                yield measure_finding(index, measure.id, message, "updates", n, "deadline")
            current = update.deadline


@register("W209", "warning", "open measure without a deadline")
def check_missing_deadline(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in state.open_measures:
        if state.deadline(measure) is None:
            yield measure_finding(index, measure.id, say("finding.W209"))
