"""Errors where a measure contradicts itself: dates, status and progress, history order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from massnahmen.checks.registry import Finding, measure_finding, register
from massnahmen.deadline import Deadline
from massnahmen.report.state import PlanState

if TYPE_CHECKING:
    from massnahmen.model import Plan

Keys = tuple[str | int, ...]


@register("E106", "error", "deadline before start")
def check_deadline_after_start(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in enumerate(plan.measures):
        if measure.start is None:
            continue
        deadlines: list[tuple[Deadline | None, Keys]] = [(measure.deadline, ("deadline",))]
        for n, update in enumerate(measure.updates):
            deadlines.append((update.deadline, ("updates", n, "deadline")))
        for deadline, keys in deadlines:
            if deadline is not None and deadline.due is not None and deadline.due < measure.start:
                message = f"deadline {deadline.display('en')} is before the start {measure.start}"
                yield measure_finding(index, measure.id, message, *keys)


@register("E107", "error", "status and progress contradict (done below 100, planned above 0)")
def check_status_progress(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in enumerate(plan.measures):
        pairs: list[tuple[str | None, int | None, Keys]] = [
            (measure.status, measure.progress, ("progress",))
        ]
        for n, update in enumerate(measure.updates):
            pairs.append((update.status, update.progress, ("updates", n, "progress")))
        for status, progress, keys in pairs:
            if progress is None:
                continue
            if (status == "done" and progress < 100) or (status == "planned" and progress > 0):
                message = f'status "{status}" contradicts progress {progress}'
                yield measure_finding(index, measure.id, message, *keys)


@register("E108", "error", "updates not in date order, or an update after the as-of date")
def check_update_dates(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in enumerate(plan.measures):
        previous = None
        for n, update in enumerate(measure.updates):
            if previous is not None and update.date < previous:
                message = f"update of {update.date} comes after the update of {previous}"
                yield measure_finding(index, measure.id, message, "updates", n, "date")
            elif update.date > state.as_of:
                message = f"update of {update.date} is after the as-of date {state.as_of}"
                yield measure_finding(index, measure.id, message, "updates", n, "date")
            previous = update.date if previous is None else max(previous, update.date)


@register("E113", "error", "indicator values not in date order, or dated after the as-of date")
def check_indicator_dates(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in enumerate(plan.measures):
        for n, indicator in enumerate(measure.indicators):
            keys: Keys = ("indicators", n)
            start, end = indicator.baseline_date, indicator.target_date
            if start is not None and end is not None and end <= start:
                message = (
                    f'indicator "{indicator.id}": target date {end} is not after '
                    f"its baseline date {start}"
                )
                yield measure_finding(index, measure.id, message, *keys, "target_date")
            previous = None
            for k, value in enumerate(indicator.values):
                where = (*keys, "values", k, "date")
                if previous is not None and value.date < previous:
                    message = (
                        f'indicator "{indicator.id}": value of {value.date} comes after '
                        f"the value of {previous}"
                    )
                    yield measure_finding(index, measure.id, message, *where)
                elif value.date > state.as_of:
                    message = (
                        f'indicator "{indicator.id}": value of {value.date} is after '
                        f"the as-of date {state.as_of}"
                    )
                    yield measure_finding(index, measure.id, message, *where)
                previous = value.date if previous is None else max(previous, value.date)
