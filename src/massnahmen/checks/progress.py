"""Warnings about reported progress: milestones, indicators and the owner's own rating."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from massnahmen.checks.registry import Finding, day, days, measure_finding, number, register
from massnahmen.report.state import PlanState
from massnahmen.words import current_lang, say

if TYPE_CHECKING:
    from massnahmen.model import Plan


@register("W210", "warning", "a milestone is overdue (due day passed, not done)")
def check_overdue_milestones(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in state.open_measures:
        for n, milestone in state.overdue_milestones(measure):
            assert milestone.due is not None and milestone.due.due is not None
            late = (state.as_of - milestone.due.due).days
            message = say(
                "finding.W210",
                milestone=milestone.title,
                days=days(late),
                due=milestone.due.display(current_lang()),
            )
            yield measure_finding(index, measure.id, message, "milestones", n, "due")


@register("W211", "warning", "a milestone is due after the measure's effective deadline")
def check_milestones_in_time(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in state.open_measures:
        due = state.due(measure) if measure.milestones else None
        if due is None:
            continue
        for n, milestone in enumerate(measure.milestones):
            day = milestone.due.due if milestone.due else None
            if milestone.done_on is None and day is not None and day > due:
                deadline = state.deadline(measure)
                assert deadline is not None and milestone.due is not None
                message = say(
                    "finding.W211",
                    milestone=milestone.title,
                    due=milestone.due.display(current_lang()),
                    deadline=deadline.display(current_lang()),
                )
                yield measure_finding(index, measure.id, message, "milestones", n, "due")


@register("W212", "warning", "an indicator lags its path by more than `indicator_tolerance`")
def check_indicator_paths(plan: Plan, state: PlanState) -> Iterator[Finding]:
    tolerance = plan.settings.indicator_tolerance
    for index, measure in enumerate(plan.measures):
        if measure.status == "cancelled":
            continue
        for n, indicator in enumerate(measure.indicators):
            path = state.indicator_path(indicator)
            if not path.lags:
                continue
            assert path.latest is not None and path.expected is not None
            latest = path.latest
            message = say(
                "finding.W212",
                indicator=indicator.id,
                value=number(latest.value),
                date=day(latest.date),
                baseline=number(indicator.baseline or 0),
                target=number(indicator.target or 0),
                expected=number(round(path.expected, 1)),
                tolerance=number(tolerance),
            )
            k = indicator.latest_index
            assert k is not None
            yield measure_finding(index, measure.id, message, "indicators", n, "values", k)


@register("W213", "warning", "the owner rates it green or yellow while its light is red")
def check_optimistic_rating(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in state.open_measures:
        rating = measure.rating if measure.updates else None
        if rating not in ("green", "yellow") or state.light(measure) != "red":
            continue
        n = max(k for k, update in enumerate(measure.updates) if update.rating is not None)
        update = measure.updates[n]
        message = say("finding.W213", rating=say(f"finding.rating.{rating}"), date=day(update.date))
        yield measure_finding(index, measure.id, message, "updates", n, "rating")
