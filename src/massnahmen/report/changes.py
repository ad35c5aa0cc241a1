"""What changed since a day: every update with the state before and after it, and new measures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from massnahmen.report.since import Since

if TYPE_CHECKING:
    from massnahmen.deadline import Deadline
    from massnahmen.model import Measure, Status, Update


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
