"""What changed between two versions of a plan, for the committee's "what is new since?".

Measures are matched by id: added, removed, and changed in title, field, owner, status, progress
or effective deadline; updates that appeared or vanished; and which other keys changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from massnahmen.deadline import Deadline
    from massnahmen.model import FieldOfAction, Measure, Owner, Plan, Update

# The keys whose old and new values a diff shows; "deadline" is the effective deadline.
TRACKED = ("title", "field", "owner", "status", "progress", "deadline")
_NOT_OTHER = {*TRACKED, "id", "updates"}


@dataclass(frozen=True)
class ValueChange:
    key: str  # one of TRACKED
    old: Any
    new: Any


@dataclass(frozen=True)
class MeasureChange:
    """One measure in both versions that differs; `title` is the new title."""

    id: str
    title: str
    changes: list[ValueChange] = field(default_factory=list)
    new_updates: list[Update] = field(default_factory=list)
    removed_updates: list[Update] = field(default_factory=list)
    other_keys: list[str] = field(default_factory=list)  # changed keys not in TRACKED

    def change(self, key: str) -> ValueChange | None:
        return next((c for c in self.changes if c.key == key), None)


@dataclass(frozen=True)
class PlanDiff:
    added: list[Measure]
    removed: list[Measure]
    changed: list[MeasureChange]
    fields_added: list[FieldOfAction]
    fields_removed: list[FieldOfAction]
    owners_added: list[Owner]
    owners_removed: list[Owner]

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.added,
                self.removed,
                self.changed,
                self.fields_added,
                self.fields_removed,
                self.owners_added,
                self.owners_removed,
            )
        )


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """The differences from `old` to `new`; added and changed in new's order, removed in old's."""
    old_measures = {m.id: m for m in old.measures}
    new_ids = {m.id for m in new.measures}
    changed = []
    for measure in new.measures:
        before = old_measures.get(measure.id)
        if before is not None:
            change = diff_measure(before, measure)
            if change is not None:
                changed.append(change)
    fields_added, fields_removed = _by_id(old.fields, new.fields)
    owners_added, owners_removed = _by_id(old.owners, new.owners)
    return PlanDiff(
        added=[m for m in new.measures if m.id not in old_measures],
        removed=[m for m in old.measures if m.id not in new_ids],
        changed=changed,
        fields_added=fields_added,
        fields_removed=fields_removed,
        owners_added=owners_added,
        owners_removed=owners_removed,
    )


def diff_measure(old: Measure, new: Measure) -> MeasureChange | None:
    """How one measure changed, or None if it did not."""
    changes = [
        ValueChange(key, before, after)
        for key in TRACKED
        if not _same(key, before := _value(old, key), after := _value(new, key))
    ]
    new_updates = _missing(new.updates, old.updates)
    removed_updates = _missing(old.updates, new.updates)
    before, after = old.model_dump(), new.model_dump()
    other = [key for key in after if key not in _NOT_OTHER and before[key] != after[key]]
    if not (changes or new_updates or removed_updates or other):
        return None
    return MeasureChange(new.id, new.title, changes, new_updates, removed_updates, other)


def _value(measure: Measure, key: str) -> Any:
    return measure.effective_deadline if key == "deadline" else getattr(measure, key)


def _same(key: str, old: Any, new: Any) -> bool:
    if key == "deadline":  # a move is a different day, not a different way of writing it
        return _day(old) == _day(new)
    return bool(old == new)


def _day(deadline: Deadline | None) -> tuple[object, bool]:
    return (None, False) if deadline is None else (deadline.due, deadline.ongoing)


def _missing(these: Sequence[Update], others: Sequence[Update]) -> list[Update]:
    """The updates of `these` that `others` lacks (counting repeats), in order."""
    available = Counter(others)
    found = []
    for update in these:
        if available[update]:
            available[update] -= 1
        else:
            found.append(update)
    return found


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


_T = TypeVar("_T", bound=_Identified)


def _by_id(old: Sequence[_T], new: Sequence[_T]) -> tuple[list[_T], list[_T]]:
    """The items of `new` whose id `old` lacks, and those of `old` that `new` lacks."""
    old_ids, new_ids = {item.id for item in old}, {item.id for item in new}
    return [i for i in new if i.id not in old_ids], [i for i in old if i.id not in new_ids]
