"""What changed between two versions of a plan, for the committee's "what is new since?".

Measures are matched by id: added, removed, and changed in title, field, owner, status, progress,
effective deadline or the owner's rating; updates that appeared or vanished; attributes set,
changed or cleared; milestones added, removed, reached, reopened or moved (matched by title);
indicators added, removed, and their measured values (matched by id); and which other keys
changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

if TYPE_CHECKING:
    from massnahmen.deadline import Deadline
    from massnahmen.model import (
        Attribute,
        FieldOfAction,
        Indicator,
        IndicatorValue,
        Measure,
        Milestone,
        Owner,
        Plan,
        Update,
    )

# The keys whose old and new values a diff shows; "deadline" is the effective deadline and
# "rating" the owner's latest one.
TRACKED = ("title", "field", "owner", "status", "progress", "deadline", "rating")
_NOT_OTHER = {*TRACKED, "id", "updates", "attributes", "milestones", "indicators"}
MilestoneChangeKind = Literal["added", "removed", "reached", "reopened", "moved"]


@dataclass(frozen=True)
class ValueChange:
    key: str  # one of TRACKED
    old: Any
    new: Any


@dataclass(frozen=True)
class MilestoneChange:
    """A milestone added, removed, reached, reopened or moved to another due day."""

    title: str
    kind: MilestoneChangeKind
    old: Milestone | None
    new: Milestone | None


@dataclass(frozen=True)
class IndicatorChange:
    """An indicator added or removed, or its measured values and other keys changed."""

    id: str
    kind: Literal["added", "removed", "changed"]
    new_values: list[IndicatorValue] = field(default_factory=list)
    removed_values: list[IndicatorValue] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # other keys of the indicator that changed
    unit: str | None = None


@dataclass(frozen=True)
class MeasureChange:
    """One measure in both versions that differs; `title` is the new title."""

    id: str
    title: str
    changes: list[ValueChange] = field(default_factory=list)
    new_updates: list[Update] = field(default_factory=list)
    removed_updates: list[Update] = field(default_factory=list)
    other_keys: list[str] = field(default_factory=list)  # changed keys not in TRACKED
    attributes: list[ValueChange] = field(default_factory=list)  # key: the attribute's id
    milestones: list[MilestoneChange] = field(default_factory=list)
    indicators: list[IndicatorChange] = field(default_factory=list)

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
    attributes: dict[str, Attribute] = field(default_factory=dict)  # declared, for their names

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
        attributes={a.id: a for a in [*old.attributes, *new.attributes]},
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
    attributes = [
        ValueChange(key, old.attributes.get(key), new.attributes.get(key))
        for key in dict.fromkeys([*old.attributes, *new.attributes])
        if old.attributes.get(key) != new.attributes.get(key)
    ]
    milestones = _milestone_changes(old.milestones, new.milestones)
    indicators = _indicator_changes(old.indicators, new.indicators)
    if not (
        changes or new_updates or removed_updates or other or attributes or milestones or indicators
    ):
        return None
    return MeasureChange(
        new.id,
        new.title,
        changes,
        new_updates,
        removed_updates,
        other,
        attributes,
        milestones,
        indicators,
    )


def _value(measure: Measure, key: str) -> Any:
    return measure.effective_deadline if key == "deadline" else getattr(measure, key)


def _milestone_changes(old: Sequence[Milestone], new: Sequence[Milestone]) -> list[MilestoneChange]:
    """Milestones matched by title (repeated titles in order): what became of each."""
    before: dict[str, list[Milestone]] = {}
    for milestone in old:
        before.setdefault(milestone.title, []).append(milestone)
    found: list[MilestoneChange] = []
    for milestone in new:
        earlier = before.get(milestone.title)
        if not earlier:
            found.append(MilestoneChange(milestone.title, "added", None, milestone))
            continue
        was = earlier.pop(0)
        if was.done_on is None and milestone.done_on is not None:
            found.append(MilestoneChange(milestone.title, "reached", was, milestone))
        elif was.done_on is not None and milestone.done_on is None:
            found.append(MilestoneChange(milestone.title, "reopened", was, milestone))
        elif _day(was.due) != _day(milestone.due):
            found.append(MilestoneChange(milestone.title, "moved", was, milestone))
    for left in before.values():
        found += [MilestoneChange(m.title, "removed", m, None) for m in left]
    return found


def _indicator_changes(old: Sequence[Indicator], new: Sequence[Indicator]) -> list[IndicatorChange]:
    """Indicators matched by id: added, removed, or their values and keys changed."""
    before = {indicator.id: indicator for indicator in old}
    after_ids = {indicator.id for indicator in new}
    found: list[IndicatorChange] = []
    for indicator in new:
        was = before.get(indicator.id)
        if was is None:
            found.append(
                IndicatorChange(indicator.id, "added", list(indicator.values), unit=indicator.unit)
            )
            continue
        added = _missing(indicator.values, was.values)
        removed = _missing(was.values, indicator.values)
        old_keys, new_keys = was.model_dump(), indicator.model_dump()
        keys = [k for k in new_keys if k != "values" and old_keys[k] != new_keys[k]]
        if added or removed or keys:
            found.append(
                IndicatorChange(indicator.id, "changed", added, removed, keys, indicator.unit)
            )
    found += [
        IndicatorChange(i.id, "removed", [], list(i.values), unit=i.unit)
        for i in old
        if i.id not in after_ids
    ]
    return found


def _same(key: str, old: Any, new: Any) -> bool:
    if key == "deadline":  # a move is a different day, not a different way of writing it
        return _day(old) == _day(new)
    return bool(old == new)


def _day(deadline: Deadline | None) -> tuple[object, bool]:
    return (None, False) if deadline is None else (deadline.due, deadline.ongoing)


_Item = TypeVar("_Item")


def _missing(these: Sequence[_Item], others: Sequence[_Item]) -> list[_Item]:
    """The items of `these` that `others` lacks (counting repeats), in order."""
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
