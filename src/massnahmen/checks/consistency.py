"""Errors where a measure contradicts itself: dates, status and progress, history order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from massnahmen.checks.registry import Finding, day, measure_finding, register
from massnahmen.deadline import Deadline
from massnahmen.report.state import PlanState
from massnahmen.words import current_lang, say

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
                message = say(
                    "finding.E106",
                    deadline=deadline.display(current_lang()),
                    start=day(measure.start),
                )
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
                message = say("finding.E107", status=status, progress=progress)
                yield measure_finding(index, measure.id, message, *keys)


@register("E108", "error", "updates not in date order, or an update after the as-of date")
def check_update_dates(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in enumerate(plan.measures):
        previous = None
        for n, update in enumerate(measure.updates):
            if previous is not None and update.date < previous:
                message = say("finding.E108.order", date=day(update.date), previous=day(previous))
                yield measure_finding(index, measure.id, message, "updates", n, "date")
            elif update.date > state.as_of:
                message = say("finding.E108.future", date=day(update.date), as_of=day(state.as_of))
                yield measure_finding(index, measure.id, message, "updates", n, "date")
            previous = update.date if previous is None else max(previous, update.date)


@register("E113", "error", "indicator values not in date order, or dated after the as-of date")
def check_indicator_dates(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in enumerate(plan.measures):
        for n, indicator in enumerate(measure.indicators):
            keys: Keys = ("indicators", n)
            start, end = indicator.baseline_date, indicator.target_date
            if start is not None and end is not None and end <= start:
                message = say(
                    "finding.E113.span", indicator=indicator.id, end=day(end), start=day(start)
                )
                yield measure_finding(index, measure.id, message, *keys, "target_date")
            previous = None
            for k, value in enumerate(indicator.values):
                where = (*keys, "values", k, "date")
                if previous is not None and value.date < previous:
                    message = say(
                        "finding.E113.order",
                        indicator=indicator.id,
                        date=day(value.date),
                        previous=day(previous),
                    )
                    yield measure_finding(index, measure.id, message, *where)
                elif value.date > state.as_of:
                    message = say(
                        "finding.E113.future",
                        indicator=indicator.id,
                        date=day(value.date),
                        as_of=day(state.as_of),
                    )
                    yield measure_finding(index, measure.id, message, *where)
                previous = value.date if previous is None else max(previous, value.date)
