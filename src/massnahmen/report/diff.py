"""What changed between two versions of a plan, for the committee's "what is new since?".

Measures are matched by id: added, removed, and changed in title, field, owner, status, progress,
effective deadline or the owner's rating; updates that appeared or vanished; attributes set,
changed or cleared; milestones added, removed, reached, reopened or moved (matched by title);
indicators added, removed, and their measured values (matched by id); and which other keys
changed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

from massnahmen.errors import CannotRun, UsageProblem
from massnahmen.run.outcome import Outcome, Run

if TYPE_CHECKING:
    from massnahmen.deadline import Deadline
    from massnahmen.load.revisions import Revision
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


# --- which versions are compared: two files, two folders, or plans and a git revision ----------


@dataclass(frozen=True)
class VersionDiff:
    """Two versions of a plan compared, as the user named them (a path or REV:path); or a plan
    only one side has (`only_in`: "old" or "new", and `diff` None)."""

    old: str
    new: str
    diff: PlanDiff | None = None
    only_in: str | None = None
    invalid: tuple[str, ...] = ()  # the versions whose errors stop the diff


def diff_versions(old: str, new: str | None, rev: str | None, as_of: dt.date) -> Run[VersionDiff]:
    """What `diff OLD NEW` or `diff PLAN… --rev REV` compares, one outcome per plan.

    Two folders compare the plans of the same file name; `--rev` with a folder (or two plans)
    compares each plan with itself at that revision.
    """
    from massnahmen.load.revisions import Revision, parse_version
    from massnahmen.run.plans import plan_paths

    if rev is not None:
        paths = plan_paths([Path(old)] if new is None else [Path(old), Path(new)])
        if paths.several:
            return Run(_against_revision(rev, paths.paths, as_of), several=True, as_of=as_of)
        plan = paths.paths[0]
        versions: list[Path | Revision] = [Revision(rev, f"./{plan.name}"), plan]
        names = [f"{rev}:{old}", old]
    elif new is None:
        raise UsageProblem("give OLD and NEW, or NEW and --rev REV", "NEW")
    elif Path(old).is_dir() and Path(new).is_dir():
        return Run(_folders(Path(old), Path(new), as_of), several=True, as_of=as_of)
    else:
        versions, names = [parse_version(old), parse_version(new)], [old, new]
    return Run([_compare(versions, names, as_of)], as_of=as_of)


def _compare(
    versions: Sequence[Path | Revision], names: list[str], as_of: dt.date
) -> Outcome[VersionDiff]:
    """The diff of two versions. Both are read before either is checked: a file that cannot be
    read is the one line of an exit 2, not a line after the other version's findings."""
    later = versions[1]
    folder = later.parent if isinstance(later, Path) else Path.cwd()
    texts = []
    for version in versions:
        text = _read(version, folder)
        if not isinstance(text, str):
            return text
        texts.append(text)
    return _compare_texts(texts, names, as_of)


def _compare_texts(texts: list[str], names: list[str], as_of: dt.date) -> Outcome[VersionDiff]:
    from massnahmen.load import parse_plan
    from massnahmen.run.plans import INVALID, errors_of

    plans, findings, invalid = [], [], []
    for text, name in zip(texts, names, strict=True):
        loaded = parse_plan(text, name)
        errors = errors_of(loaded, as_of) if loaded.plan is not None else loaded.diagnostics
        plans.append(loaded.plan)
        findings += errors
        if errors or loaded.plan is None:
            invalid.append(name)
    before, after = plans
    if invalid or before is None or after is None:
        refused = VersionDiff(names[0], names[1], invalid=tuple(invalid))
        return Outcome(names[1], refused, tuple(findings), refusal=INVALID)
    return Outcome(names[1], VersionDiff(names[0], names[1], diff_plans(before, after)))


def _against_revision(
    rev: str, plans: list[Path], as_of: dt.date
) -> Iterator[Outcome[VersionDiff]]:
    """Each plan with itself at `rev`; a plan git has no earlier version of is new."""
    from massnahmen.load import PlanFileError
    from massnahmen.load.revisions import Revision, read_version, revision_exists

    for plan in plans:
        names = [f"{rev}:{plan}", str(plan)]
        try:
            earlier = read_version(Revision(rev, f"./{plan.name}"), plan.parent)
        except PlanFileError as exc:
            if revision_exists(rev, plan.parent):
                yield Outcome(str(plan), VersionDiff(str(plan), str(plan), only_in="new"))
            else:
                yield Outcome(names[0], failure=str(exc))
            continue
        later = _read(plan, plan.parent)
        yield (
            later if not isinstance(later, str) else _compare_texts([earlier, later], names, as_of)
        )


def _folders(old: Path, new: Path, as_of: dt.date) -> Iterator[Outcome[VersionDiff]]:
    """The plans of two folders paired by file name, in the order of the names."""
    from massnahmen.run.plans import folder_plans

    before = {p.name: p for p in folder_plans(old)}
    after = {p.name: p for p in folder_plans(new)}
    if not before and not after:
        raise CannotRun(f"{old}, {new}: no plan files (*.toml) in either folder")
    for name in sorted(before.keys() | after.keys()):
        if name not in after:
            path = str(before[name])
            yield Outcome(path, VersionDiff(path, path, only_in="old"))
        elif name not in before:
            path = str(after[name])
            yield Outcome(path, VersionDiff(path, path, only_in="new"))
        else:
            pair: list[Path | Revision] = [before[name], after[name]]
            yield _compare(pair, [str(before[name]), str(after[name])], as_of)


def _read(version: Path | Revision, folder: Path) -> str | Outcome[VersionDiff]:
    """The text of a version, or the outcome of one that cannot be read."""
    from massnahmen.load import PlanFileError
    from massnahmen.load.revisions import read_version

    try:
        return read_version(version, folder)
    except PlanFileError as exc:
        return Outcome(str(version), failure=str(exc))
