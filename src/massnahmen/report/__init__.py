"""What the committee report says, computed once for `status` and `export`.

Totals, fields of action, what needs action, changes since a meeting, owners and budget
reservations are values here; the terminal and the workbook only lay them out, so the two never
disagree. Nothing here prints or imports a renderer.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from massnahmen.report.actions import (
    ActionItem,
    Reason,
    action_order,
    action_reasons,
    days_text,
    describe,
    describe_all,
)
from massnahmen.report.changes import (
    Changes,
    MeasureChange,
    Snapshot,
    UpdateChange,
    first_known_day,
    history,
    is_added,
    measure_change,
)
from massnahmen.report.since import (
    ChangesFrom,
    Since,
    SinceError,
    meeting_text,
    next_meeting,
    previous_meeting,
    resolve_since,
    since_text,
)
from massnahmen.report.state import Light, PlanState

if TYPE_CHECKING:
    from massnahmen.model import FieldOfAction, Measure, Meeting, Owner, Plan, Status

__all__ = [
    "LIGHTS",
    "REPORT_STATUSES",
    "ActionItem",
    "Changes",
    "ChangesFrom",
    "FieldSummary",
    "MeasureChange",
    "OwnerSummary",
    "Reason",
    "Report",
    "Since",
    "SinceError",
    "Snapshot",
    "Tally",
    "UnitSummary",
    "UpdateChange",
    "action_reasons",
    "build_report",
    "days_text",
    "describe",
    "describe_all",
    "first_known_day",
    "history",
    "is_added",
    "measure_change",
    "meeting_text",
    "next_meeting",
    "previous_meeting",
    "progress_of",
    "report_for",
    "resolve_since",
    "since_text",
]

# The lights in the order reports count them; "none" (ohne Frist) last, counted apart.
LIGHTS: tuple[Light, ...] = ("red", "yellow", "green", "none")
# The order reports list statuses in: what is finished first, as committees read it.
REPORT_STATUSES: tuple[Status, ...] = ("done", "in_progress", "planned", "on_hold", "cancelled")


def progress_of(measure: Measure) -> int:
    """The reported progress; a done measure without one counts as 100, any other as 0."""
    if measure.progress is not None:
        return measure.progress
    return 100 if measure.status == "done" else 0


@dataclass(slots=True)
class Tally:
    """Counts over a group of measures: the whole plan, a field of action, an owner."""

    measures: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    by_light: Counter[str] = field(default_factory=Counter)
    overdue: int = 0
    due_soon: int = 0
    budget: float = 0.0
    _progress: list[int] = field(default_factory=list)

    def add(self, measure: Measure, light: Light | None, state: PlanState) -> None:
        self.measures += 1
        self.by_status[measure.status] += 1
        if light:
            self.by_light[light] += 1
        self.overdue += state.overdue(measure)
        self.due_soon += state.due_soon(measure)
        self.budget += measure.budget_eur or 0.0
        if measure.status != "cancelled":
            self._progress.append(progress_of(measure))

    def absorb(self, other: Tally) -> None:
        """Counts `other`'s measures too: a unit's tally takes in its sub-units'."""
        self.measures += other.measures
        self.by_status.update(other.by_status)
        self.by_light.update(other.by_light)
        self.overdue += other.overdue
        self.due_soon += other.due_soon
        self.budget += other.budget
        self._progress.extend(other._progress)

    @property
    def open(self) -> int:
        return sum(self.by_status[s] for s in ("planned", "in_progress", "on_hold"))

    @property
    def average_progress(self) -> float | None:
        """Mean progress in percent over the measures that are not cancelled."""
        return sum(self._progress) / len(self._progress) if self._progress else None


@dataclass(frozen=True, slots=True)
class FieldSummary:
    field: FieldOfAction
    measures: tuple[Measure, ...]
    tally: Tally


@dataclass(frozen=True, slots=True)
class OwnerSummary:
    owner: Owner | None  # None: the measures without an owner
    tally: Tally


@dataclass(frozen=True, slots=True)
class UnitSummary:
    """An owner in the organisation tree: its measures and those of every unit beneath it."""

    owner: Owner
    depth: int  # 0 for a top-level unit
    tally: Tally
    own: int  # how many of the measures are its own


@dataclass(frozen=True, slots=True)
class Report:
    """Everything `status` and `export` show about a plan on one as-of date."""

    plan: Plan
    state: PlanState
    meeting: Meeting | None  # the meeting the report is for
    lights: dict[str, Light | None]  # by measure id
    totals: Tally
    fields: tuple[FieldSummary, ...]
    actions: tuple[ActionItem, ...]
    owners: tuple[OwnerSummary, ...]
    units: tuple[UnitSummary, ...]  # the owners in tree order, with their sub-units' measures
    disagreements: tuple[Measure, ...]  # open measures whose owner's rating differs from the light
    reserved: tuple[Measure, ...]
    changes: Changes | None
    owner_by_id: dict[str, Owner]
    field_by_id: dict[str, FieldOfAction]
    unanswered: tuple[str, ...] = ()  # owners who have not answered a status request yet

    @property
    def as_of(self) -> dt.date:
        return self.state.as_of

    def owner_name(self, owner_id: str | None) -> str:
        owner = self.owner_by_id.get(owner_id) if owner_id else None
        return owner.name if owner else (owner_id or "")


def build_report(plan: Plan, as_of: dt.date, since: Since | None = None) -> Report:
    """Computes the report of a valid plan on `as_of`, with the changes since `since` if given."""
    state = PlanState(plan, as_of)
    owner_by_id = {owner.id: owner for owner in plan.owners}
    field_by_id = {f.id: f for f in plan.fields}
    lights = {m.id: state.light(m) for m in plan.measures}
    totals = Tally()
    by_field: dict[str, list[Measure]] = {f.id: [] for f in plan.fields}
    field_tallies = {f.id: Tally() for f in plan.fields}
    owner_tallies: dict[str | None, Tally] = {owner.id: Tally() for owner in plan.owners}
    actions = []
    for measure in plan.measures:
        light = lights[measure.id]
        totals.add(measure, light, state)
        by_field.setdefault(measure.field, []).append(measure)
        field_tallies.setdefault(measure.field, Tally()).add(measure, light, state)
        owner_tallies.setdefault(measure.owner, Tally()).add(measure, light, state)
        owner = owner_by_id.get(measure.owner) if measure.owner else None
        reasons = action_reasons(measure, state, owner)
        if reasons:
            left = state.days_left(measure)
            actions.append(ActionItem(measure, owner, light, left, tuple(reasons)))
    actions.sort(key=action_order)
    unit_tallies = {owner_id: Tally() for owner_id in state.owner_by_id}
    for owner_id in state.owner_by_id:  # each owner's own measures count for it and above
        for unit in state.chain(owner_id):
            unit_tallies[unit].absorb(owner_tallies[owner_id])
    changes = None
    if since is not None:
        found = (measure_change(m, since.day, as_of) for m in _by_field(plan))
        changes = Changes(since, tuple(change for change in found if change))
    return Report(
        plan=plan,
        state=state,
        meeting=next_meeting(plan, as_of),
        lights=lights,
        totals=totals,
        fields=tuple(
            FieldSummary(f, tuple(by_field[f.id]), field_tallies[f.id]) for f in plan.fields
        ),
        actions=tuple(actions),
        owners=tuple(
            OwnerSummary(owner_by_id.get(key) if key else None, tally)
            for key, tally in owner_tallies.items()
        ),
        units=tuple(
            UnitSummary(owner, depth, unit_tallies[owner.id], owner_tallies[owner.id].measures)
            for owner, depth in state.unit_order()
        ),
        disagreements=tuple(m for m in plan.measures if state.rating_disagrees(m)),
        reserved=tuple(m for m in _by_field(plan) if m.budget_reserved),
        changes=changes,
        owner_by_id=owner_by_id,
        field_by_id=field_by_id,
    )


def report_for(plan: Plan, as_of: dt.date, changes: ChangesFrom) -> Report:
    """The report of a valid plan on `as_of`, with the changes `changes` asks for; SinceError
    if the plan cannot give the day they are counted from."""
    return build_report(plan, as_of, changes.resolve(plan, as_of))


def _by_field(plan: Plan) -> list[Measure]:
    """The measures in the order of their fields of action, in plan order within a field."""
    rank = {f.id: n for n, f in enumerate(plan.fields)}
    return sorted(plan.measures, key=lambda m: rank.get(m.field, len(rank)))
