"""What the committee report says, computed once for `status` and `export`.

Totals, fields of action, what needs action, changes since a meeting, owners and budget
reservations are values here; the terminal and the workbook only lay them out, so the two never
disagree. Schedule questions (overdue, due soon, stale, blocked, traffic light) are answered by
`PlanState`, exactly as `check` answers them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from massnahmen.labels import Lang, format_date, label
from massnahmen.state import Light, PlanState

if TYPE_CHECKING:
    from massnahmen.deadline import Deadline
    from massnahmen.model import FieldOfAction, Measure, Meeting, Owner, Plan, Status, Update

LIGHTS: tuple[Light, ...] = ("red", "yellow", "green")
# The order reports list statuses in: what is finished first, as committees read it.
REPORT_STATUSES: tuple[Status, ...] = ("done", "in_progress", "planned", "on_hold", "cancelled")
ReasonKind = Literal[
    "overdue", "blocked", "due_soon", "stale", "funding", "no_deadline", "no_owner", "inactive"
]


# --- The day changes are counted from ------------------------------------------------------------


class SinceError(ValueError):
    """`--since`/`--meeting` cannot be honoured for this plan (a usage problem)."""


@dataclass(frozen=True, slots=True)
class Since:
    """Changes are counted from the end of `day`; `meeting` is the meeting held that day, if any."""

    day: dt.date
    meeting: Meeting | None = None


def previous_meeting(plan: Plan, as_of: dt.date) -> Meeting | None:
    """The latest meeting strictly before the as-of date."""
    return max((m for m in plan.meetings if m.date < as_of), key=_meeting_day, default=None)


def next_meeting(plan: Plan, as_of: dt.date) -> Meeting | None:
    """The meeting a report on `as_of` is for: the first on or after that day."""
    return min((m for m in plan.meetings if m.date >= as_of), key=_meeting_day, default=None)


def resolve_since(
    plan: Plan,
    as_of: dt.date,
    since: dt.date | None = None,
    meeting: str | None = None,
    *,
    default_previous: bool = False,
) -> Since | None:
    """The day changes are counted from: `--since DATE`, `--meeting previous|DATE`, or, with
    `default_previous`, the previous meeting if the plan lists one. Raises SinceError."""
    if since is not None and meeting is not None:
        raise SinceError("give --since or --meeting, not both")
    if since is not None:
        return _checked(Since(since, _meeting_on(plan, since)), as_of, "--since")
    if meeting is None:
        previous = previous_meeting(plan, as_of) if default_previous else None
        return Since(previous.date, previous) if previous else None
    if meeting == "previous":
        previous = previous_meeting(plan, as_of)
        if previous is None:
            raise SinceError(f"the plan lists no meeting before {as_of}")
        return Since(previous.date, previous)
    try:
        day = dt.date.fromisoformat(meeting)
    except ValueError:
        raise SinceError(
            f'--meeting takes "previous" or a date (YYYY-MM-DD), not "{meeting}"'
        ) from None
    found = _meeting_on(plan, day)
    if found is None:
        listed = ", ".join(sorted(m.date.isoformat() for m in plan.meetings)) or "none"
        raise SinceError(f"the plan lists no meeting on {day} (meetings: {listed})")
    return _checked(Since(day, found), as_of, "--meeting")


def _checked(since: Since, as_of: dt.date, option: str) -> Since:
    if since.day > as_of:
        raise SinceError(f"{option} {since.day} is after the as-of date {as_of}")
    return since


def _meeting_on(plan: Plan, day: dt.date) -> Meeting | None:
    return next((m for m in plan.meetings if m.date == day), None)


def _meeting_day(meeting: Meeting) -> dt.date:
    return meeting.date


# --- Counting ------------------------------------------------------------------------------------


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


# --- What needs action ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reason:
    kind: ReasonKind
    days: int | None = None
    ids: tuple[str, ...] = ()
    day: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ActionItem:
    """An open measure the committee should hear about, and why."""

    measure: Measure
    owner: Owner | None
    light: Light | None
    days_left: int | None
    reasons: tuple[Reason, ...]

    @property
    def kind(self) -> ReasonKind:
        return self.reasons[0].kind

    @property
    def days_late(self) -> int | None:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else None


def action_reasons(measure: Measure, state: PlanState, owner: Owner | None) -> list[Reason]:
    """Why an open measure needs action, the most urgent reason first; empty if it does not."""
    if not measure.is_open:
        return []
    reasons: list[Reason] = []
    left = state.days_left(measure)
    if state.overdue(measure) and left is not None:
        reasons.append(Reason("overdue", days=-left))
    blockers = state.blockers(measure)
    if blockers:
        reasons.append(Reason("blocked", ids=tuple(b.id for b in blockers)))
    if state.due_soon(measure):
        reasons.append(Reason("due_soon", days=left))
    if state.stale(measure):
        since = state.last_activity(measure)
        idle = (state.as_of - since).days if since else None
        reasons.append(Reason("stale", days=idle, day=since))
    if state.funding_ends_early(measure):
        reasons.append(Reason("funding", day=measure.funding_ends))
    if measure.effective_deadline is None:
        reasons.append(Reason("no_deadline"))
    if measure.owner is None:
        reasons.append(Reason("no_owner"))
    elif owner is not None and not owner.active:
        reasons.append(Reason("inactive", ids=(owner.id,)))
    return reasons


def days_text(days: int, lang: Lang) -> str:
    """`1 Tag`, `13 Tagen` / `1 day`, `13 days`."""
    return label("one_day", lang) if days == 1 else label("n_days", lang).format(n=days)


def describe(reason: Reason, lang: Lang) -> str:
    """The reason in the reader's words: `seit 77 Tagen überfällig`."""
    days = days_text(reason.days or 0, lang)
    match reason.kind:
        case "overdue":
            return label("late_by", lang).format(days=days)
        case "due_soon":
            if not reason.days:
                return label("due_today", lang)
            return label("due_after", lang).format(days=days)
        case "stale":
            return label("stale_for", lang).format(days=days)
        case "blocked":
            return label("blocked_by", lang).format(ids=", ".join(reason.ids))
        case "funding":
            return label("funding_gap", lang).format(date=format_date(reason.day, lang))
        case "inactive":
            return label("owner_inactive", lang)
        case _:
            return label(reason.kind, lang)


def describe_all(item: ActionItem, lang: Lang) -> str:
    return "; ".join(describe(reason, lang) for reason in item.reasons)


# --- Changes since a day -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Status, progress and effective deadline of a measure at one point of its history."""

    status: Status | None
    progress: int | None
    deadline: Deadline | None


@dataclass(frozen=True, slots=True)
class UpdateChange:
    """One update and the state of its measure just before and just after it."""

    measure: Measure
    update: Update
    before: Snapshot
    after: Snapshot

    @property
    def moves_deadline(self) -> bool:
        return _due(self.before.deadline) != _due(self.after.deadline)


@dataclass(frozen=True, slots=True)
class MeasureChange:
    """What happened to one measure since the day: its updates, or that it is new."""

    measure: Measure
    added: bool
    before: Snapshot  # as it stood at the end of the day
    after: Snapshot  # as it stands on the as-of date
    updates: tuple[UpdateChange, ...]

    @property
    def completed(self) -> bool:
        return self.after.status == "done" and self.before.status != "done"


@dataclass(frozen=True, slots=True)
class Changes:
    since: Since
    measures: tuple[MeasureChange, ...]

    @property
    def updates(self) -> int:
        return sum(len(change.updates) for change in self.measures)

    @property
    def updated(self) -> int:
        return sum(1 for change in self.measures if change.updates)

    @property
    def added(self) -> int:
        return sum(change.added for change in self.measures)

    @property
    def completed(self) -> int:
        return sum(change.completed for change in self.measures)

    @property
    def moves(self) -> int:
        return sum(u.moves_deadline for change in self.measures for u in change.updates)


def first_known_day(measure: Measure) -> dt.date | None:
    """The earliest day the plan knows of a measure: its start or its first update."""
    days = [day for day in (measure.start, measure.updates[0].date if measure.updates else None)]
    return min((day for day in days if day), default=None)


def is_added(measure: Measure, since: dt.date, as_of: dt.date) -> bool:
    """A measure counts as added after `since` when the earliest day the plan knows of it (start or
    first update) lies after `since` and not after the as-of date. A plan file has no record of
    when a measure was written into it; this is the closest honest reading."""
    first = first_known_day(measure)
    return first is not None and since < first <= as_of


def history(measure: Measure) -> list[UpdateChange]:
    """Every update with the state before and after it; an update keeps what it does not set."""
    current = Snapshot(None, None, measure.deadline)
    found = []
    for update in measure.updates:
        after = Snapshot(
            update.status or current.status,
            update.progress if update.progress is not None else current.progress,
            update.deadline or current.deadline,
        )
        found.append(UpdateChange(measure, update, current, after))
        current = after
    return found


def measure_change(measure: Measure, since: dt.date, as_of: dt.date) -> MeasureChange | None:
    """The change of one measure since the end of `since`, or None if nothing happened."""
    steps = history(measure)
    recent = tuple(step for step in steps if step.update.date > since)
    added = is_added(measure, since, as_of)
    if not recent and not added:
        return None
    before = recent[0].before if recent else Snapshot(None, None, measure.deadline)
    after = Snapshot(measure.status, measure.progress, measure.effective_deadline)
    return MeasureChange(measure, added, before, after, recent)


def _due(deadline: Deadline | None) -> tuple[dt.date | None, bool]:
    return (None, False) if deadline is None else (deadline.due, deadline.ongoing)


# --- The report ----------------------------------------------------------------------------------


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
    reserved: tuple[Measure, ...]
    changes: Changes | None
    owner_by_id: dict[str, Owner]
    field_by_id: dict[str, FieldOfAction]

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
    actions.sort(key=_action_order)
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
        reserved=tuple(m for m in _by_field(plan) if m.budget_reserved),
        changes=changes,
        owner_by_id=owner_by_id,
        field_by_id=field_by_id,
    )


def _by_field(plan: Plan) -> list[Measure]:
    """The measures in the order of their fields of action, in plan order within a field."""
    rank = {f.id: n for n, f in enumerate(plan.fields)}
    return sorted(plan.measures, key=lambda m: rank.get(m.field, len(rank)))


def _action_order(item: ActionItem) -> tuple[int, dt.date, str]:
    """By effective deadline, the ones without a deadline last."""
    deadline = item.measure.effective_deadline
    due = deadline.due if deadline else None
    return (due is None, due or dt.date.max, item.measure.id)


def meeting_text(meeting: Meeting, lang: Lang) -> str:
    """`HFA am 18.03.2025` / `HFA on 2025-03-18`."""
    when = format_date(meeting.date, lang)
    return label("meeting_on", lang).format(committee=meeting.committee, date=when)


def since_text(since: Since, lang: Lang) -> str:
    """The meeting changes are counted from, or just the day."""
    return meeting_text(since.meeting, lang) if since.meeting else format_date(since.day, lang)
