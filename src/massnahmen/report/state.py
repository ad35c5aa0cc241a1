"""The derived state of a plan on one as-of date: open, overdue, due soon, stale, traffic light.

Checks and every report read these answers from one `PlanState`, so that `check`, `status` and the
workbook never disagree about what is late.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from massnahmen.report.indicators import IndicatorPath, indicator_path

if TYPE_CHECKING:
    from massnahmen.deadline import Deadline
    from massnahmen.model import Indicator, Measure, Milestone, Owner, Plan


# "none": an open measure without any deadline ("ohne Frist"), never green.
Light = Literal["red", "yellow", "green", "none"]


class PlanState:
    """A plan seen on `as_of`. Lookups are precomputed once, so every question is cheap."""

    def __init__(self, plan: Plan, as_of: dt.date) -> None:
        self.plan = plan
        self.as_of = as_of
        self.settings = plan.settings
        self.by_id: dict[str, Measure] = {}
        self.open_measures: list[tuple[int, Measure]] = []
        """The open measures with their index in the plan, in plan order."""
        # Effective deadlines by id() of the measure: asked for many times, computed once.
        self._deadlines: dict[int, Deadline | None] = {}
        self._units_under: dict[frozenset[str], frozenset[str]] = {}
        for index, measure in enumerate(plan.measures):
            self.by_id.setdefault(measure.id, measure)
            self._deadlines[id(measure)] = measure.effective_deadline
            if measure.is_open:
                self.open_measures.append((index, measure))

    @cached_property
    def open_by_owner(self) -> Counter[str]:
        """Open measures per owner: an owner's own, not those of its sub-units."""
        return Counter(m.owner for _, m in self.open_measures if m.owner)

    @cached_property
    def owner_by_id(self) -> dict[str, Owner]:
        found: dict[str, Owner] = {}
        for owner in self.plan.owners:
            found.setdefault(owner.id, owner)
        return found

    @cached_property
    def sub_units(self) -> dict[str, list[str]]:
        """For each owner id, the owners whose `parent` it is, in plan order."""
        found: dict[str, list[str]] = {}
        for owner in self.owner_by_id.values():
            if owner.parent is not None and owner.parent != owner.id:
                found.setdefault(owner.parent, []).append(owner.id)
        return found

    def units_under(self, owner_id: str) -> list[str]:
        """The owner and every unit beneath it, depth first (a cycle is walked once)."""
        found: dict[str, None] = {}
        stack = [owner_id]
        while stack:
            current = stack.pop()
            if current in found:
                continue
            found[current] = None
            stack.extend(reversed(self.sub_units.get(current, [])))
        return list(found)

    def units_under_any(self, units: frozenset[str]) -> frozenset[str]:
        """The units and every unit beneath them (asked once per filter, kept)."""
        found = self._units_under.get(units)
        if found is None:
            found = frozenset(u for unit in units for u in self.units_under(unit))
            self._units_under[units] = found
        return found

    def top_unit(self, owner_id: str) -> str:
        """The top-level unit the owner belongs to (itself if it has no known parent)."""
        return self.chain(owner_id)[-1]

    def chain(self, owner_id: str) -> list[str]:
        """The owner and the units above it, up to its top-level unit (a cycle is cut)."""
        found = [owner_id]
        while True:
            owner = self.owner_by_id.get(found[-1])
            parent = owner.parent if owner else None
            if parent is None or parent not in self.owner_by_id or parent in found:
                return found
            found.append(parent)

    def unit_order(self) -> list[tuple[Owner, int]]:
        """Every owner with its depth, each top-level unit followed by the units beneath it."""
        order: list[tuple[Owner, int]] = []
        placed: set[str] = set()
        tops = [o for o in self.owner_by_id.values() if len(self.chain(o.id)) == 1]
        for owner in [*tops, *self.owner_by_id.values()]:  # a cycle's units come last
            if owner.id in placed:
                continue
            stack = [(owner.id, 0)]
            while stack:
                current, depth = stack.pop()
                if current in placed:
                    continue
                placed.add(current)
                order.append((self.owner_by_id[current], depth))
                below = self.sub_units.get(current, [])
                stack.extend((child, depth + 1) for child in reversed(below))
        return order

    def deadline(self, measure: Measure) -> Deadline | None:
        """The effective deadline (the latest one an update set, else the adopted one)."""
        try:
            return self._deadlines[id(measure)]
        except KeyError:  # a measure from elsewhere
            return measure.effective_deadline

    @cached_property
    def dependents(self) -> dict[str, list[Measure]]:
        """For each measure id, the measures that depend on it."""
        found: dict[str, list[Measure]] = {}
        for measure in self.plan.measures:
            for dep in measure.depends_on:
                found.setdefault(dep, []).append(measure)
        return found

    def due(self, measure: Measure) -> dt.date | None:
        """The day the effective deadline falls on; None if there is none or it is ongoing."""
        deadline = self.deadline(measure)
        return deadline.due if deadline else None

    def days_left(self, measure: Measure) -> int | None:
        """Days from the as-of date to the effective deadline (negative when late)."""
        due = self.due(measure)
        return None if due is None else (due - self.as_of).days

    def overdue(self, measure: Measure) -> bool:
        due = self.due(measure)
        return measure.is_open and due is not None and due < self.as_of

    def due_soon(self, measure: Measure) -> bool:
        left = self.days_left(measure)
        return measure.is_open and left is not None and 0 <= left <= self.settings.due_soon_days

    def last_activity(self, measure: Measure) -> dt.date | None:
        """The latest update's date, or the start if there is no update."""
        last = measure.last_update
        return last.date if last else measure.start

    def stale(self, measure: Measure) -> bool:
        if measure.status != "in_progress":
            return False
        since = self.last_activity(measure)
        return since is not None and (self.as_of - since).days > self.settings.stale_days

    def blockers(self, measure: Measure) -> list[Measure]:
        """Known dependencies that are overdue or cancelled."""
        deps = (self.by_id.get(dep) for dep in measure.depends_on)
        return [d for d in deps if d and (d.status == "cancelled" or self.overdue(d))]

    def funding_ends_early(self, measure: Measure) -> bool:
        """The funding period ends before the effective deadline: money at risk."""
        due = self.due(measure)
        return measure.is_open and bool(measure.funding_ends and due and measure.funding_ends < due)

    def lagging(self, measure: Measure) -> bool:
        """Progress behind the elapsed share of the start→deadline span."""
        due = self.due(measure)
        progress = (measure.progress or 0) / 100
        start = measure.start or self.plan.plan.adopted_on
        if due is None or start is None or due <= start:
            return progress < 1
        elapsed = (self.as_of - start).days / (due - start).days
        return progress < min(max(elapsed, 0.0), 1.0)

    def overdue_milestones(self, measure: Measure) -> list[tuple[int, Milestone]]:
        """The milestones of an open measure whose due day has passed and that are not done."""
        if not measure.is_open or not measure.milestones:
            return []
        return [
            (n, milestone)
            for n, milestone in enumerate(measure.milestones)
            if milestone.done_on is None
            and milestone.due is not None
            and milestone.due.due is not None
            and milestone.due.due < self.as_of
        ]

    def next_milestone(self, measure: Measure) -> Milestone | None:
        """The first milestone not done yet, in the plan's order."""
        return next((m for m in measure.milestones if m.done_on is None), None)

    def indicator_path(self, indicator: Indicator) -> IndicatorPath:
        """Where the indicator stands against its path, with the plan's tolerance."""
        return indicator_path(indicator, self.settings.indicator_tolerance)

    def light(self, measure: Measure) -> Light | None:
        """The traffic light of an open measure (None for closed ones).

        An open measure without any deadline (not even "ongoing") has no light: "none",
        shown as "ohne Frist" and counted apart, never green.
        """
        if not measure.is_open:
            return None
        if self.deadline(measure) is None:
            return "none"
        if self.overdue(measure) or self.blockers(measure):
            return "red"
        if (self.due_soon(measure) and self.lagging(measure)) or self.stale(measure):
            return "yellow"
        if self.overdue_milestones(measure):
            return "yellow"
        return "green"

    def rating_disagrees(self, measure: Measure) -> bool:
        """The owner's own rating of an open measure differs from the derived light."""
        light = self.light(measure)
        if light is None or light == "none" or measure.rating is None:
            return False
        return measure.rating != light
