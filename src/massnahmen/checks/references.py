"""Errors in how the plan refers to itself: ids, fields, owners, dependencies, service keys."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from massnahmen.checks.registry import Finding, measure_finding, register
from massnahmen.deadline import FORMS
from massnahmen.diagnostics import SubjectKind, did_you_mean
from massnahmen.report.state import PlanState

if TYPE_CHECKING:
    from massnahmen.deadline import Deadline
    from massnahmen.model import Measure, Plan

# Words for "ongoing" an officer may write, so that the hint names the plan's word.
_ONGOING_WORDS = frozenset({"laufend", "fortlaufend", "daueraufgabe", "dauerhaft", "ständig"})

_LEIKA_KEY = re.compile(r"\d{14}")


@register("E101", "error", "duplicate id (measure, field, owner, attribute, indicator)")
def check_duplicate_ids(plan: Plan, state: PlanState) -> Iterator[Finding]:
    tables: list[tuple[str, SubjectKind, list[str]]] = [
        ("fields", "field", [f.id for f in plan.fields]),
        ("owners", "owner", [o.id for o in plan.owners]),
        ("measures", "measure", [m.id for m in plan.measures]),
    ]
    for table, kind, ids in tables:
        for index, first in _repeats(ids):
            message = f"duplicate {kind} id, first used by {kind} {first + 1}"
            yield Finding(message, (table, index, "id"), ids[index], kind)
    for index, first in _repeats([a.id for a in plan.attributes]):
        attribute = plan.attributes[index].id
        message = f'duplicate attribute id "{attribute}", first used by attribute {first + 1}'
        yield Finding(message, ("attributes", index, "id"))
    for index, measure in enumerate(plan.measures):
        for n, first in _repeats([i.id for i in measure.indicators]):
            indicator = measure.indicators[n].id
            message = f'duplicate indicator id "{indicator}", first used by indicator {first + 1}'
            yield measure_finding(index, measure.id, message, "indicators", n, "id")


def _repeats(ids: list[str]) -> Iterator[tuple[int, int]]:
    """(index, index of the first use) for each id that was used before."""
    first: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in first:
            yield index, first[item_id]
        else:
            first[item_id] = index


@register("E102", "error", "unknown field reference")
def check_field_references(plan: Plan, state: PlanState) -> Iterator[Finding]:
    fields = {f.id for f in plan.fields}
    for index, measure in enumerate(plan.measures):
        if measure.field not in fields:
            message = f'unknown field "{measure.field}"{did_you_mean(measure.field, fields)}'
            yield measure_finding(index, measure.id, message, "field")


@register("E103", "error", "unknown owner or contributor reference")
def check_owner_references(plan: Plan, state: PlanState) -> Iterator[Finding]:
    owners = {o.id for o in plan.owners}
    for index, measure in enumerate(plan.measures):
        if measure.owner is not None and measure.owner not in owners:
            message = f'unknown owner "{measure.owner}"{did_you_mean(measure.owner, owners)}'
            yield measure_finding(index, measure.id, message, "owner")
        for n, contributor in enumerate(measure.contributors):
            if contributor not in owners:
                hint = did_you_mean(contributor, owners)
                message = f'unknown contributor "{contributor}"{hint}'
                yield measure_finding(index, measure.id, message, "contributors", n)


@register("E104", "error", "unknown dependency")
def check_dependency_references(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in enumerate(plan.measures):
        for n, dep in enumerate(measure.depends_on):
            if dep not in state.by_id:
                message = f'depends on unknown measure "{dep}"{did_you_mean(dep, state.by_id)}'
                yield measure_finding(index, measure.id, message, "depends_on", n)


@register("E105", "error", "dependency cycle (the whole cycle is named)")
def check_dependency_cycles(plan: Plan, state: PlanState) -> Iterator[Finding]:
    position = {m.id: n for n, m in reversed(list(enumerate(plan.measures)))}
    for cycle in _cycles(state):
        start = min(range(len(cycle)), key=lambda n: position[cycle[n]])
        cycle = cycle[start:] + cycle[:start]
        first, following = cycle[0], cycle[1 % len(cycle)]
        measure = state.by_id[first]
        message = "dependency cycle: " + " → ".join([*cycle, first])
        edge = measure.depends_on.index(following)
        yield measure_finding(position[first], first, message, "depends_on", edge)


def _cycles(state: PlanState) -> Iterator[list[str]]:
    """Each cycle closed by a back edge of an iterative depth-first search (linear time)."""
    done: set[str] = set()
    for root in state.by_id:
        if root in done:
            continue
        path: list[str] = [root]
        on_path = {root}
        stack = [iter(state.by_id[root].depends_on)]
        while stack:
            dep = next(stack[-1], None)
            if dep is None:
                stack.pop()
                on_path.discard(path.pop())
                continue
            if dep in on_path:
                yield path[path.index(dep) :]
            elif dep in state.by_id and dep not in done:
                done.add(dep)
                path.append(dep)
                on_path.add(dep)
                stack.append(iter(state.by_id[dep].depends_on))
        done.add(root)


@register("E111", "error", "a deadline names no horizon of the plan")
def check_horizon_references(plan: Plan, state: PlanState) -> Iterator[Finding]:
    horizons = list(plan.settings.horizons)
    for index, measure in enumerate(plan.measures):
        for deadline, keys in _deadlines(measure):
            if deadline is not None and deadline.unknown_horizon:
                name = str(deadline.raw).strip()
                word = "due" if keys[0] == "milestones" else "deadline"
                message = (
                    f'{word} "{name}" names no horizon of the plan{_horizon_hint(name, horizons)}'
                )
                yield measure_finding(index, measure.id, message, *keys)


def _horizon_hint(name: str, horizons: list[str]) -> str:
    """A close horizon (or "ongoing"), else what may be written instead."""
    if name.casefold() in _ONGOING_WORDS:
        return ' (did you mean "ongoing"?)'
    close = did_you_mean(name, horizons)
    if close:
        return close
    if not horizons:
        return f" (it defines none in [settings] horizons); write {FORMS}"
    named = ", ".join(f'"{h}"' for h in horizons)
    return f"; write {FORMS}, or one of its horizons {named}"


def _deadlines(measure: Measure) -> Iterator[tuple[Deadline | None, tuple[str | int, ...]]]:
    """Every deadline a measure writes, with its keys: adopted, moved, and its milestones'."""
    yield measure.deadline, ("deadline",)
    for n, update in enumerate(measure.updates):
        yield update.deadline, ("updates", n, "deadline")
    for n, milestone in enumerate(measure.milestones):
        yield milestone.due, ("milestones", n, "due")


@register("E112", "error", "an owner's parent is unknown, or parents form a cycle")
def check_owner_parents(plan: Plan, state: PlanState) -> Iterator[Finding]:
    owners = state.owner_by_id
    reported: set[str] = set()
    for index, owner in enumerate(plan.owners):
        parent = owner.parent
        if parent is None:
            continue
        if parent not in owners:
            message = f'unknown parent "{parent}"{did_you_mean(parent, owners)}'
            yield Finding(message, ("owners", index, "parent"), owner.id, "owner")
            continue
        cycle = _parent_cycle(owner.id, state)
        if cycle and owner.id not in reported:
            reported.update(cycle)
            message = "parents form a cycle: " + " → ".join([*cycle, cycle[0]])
            yield Finding(message, ("owners", index, "parent"), owner.id, "owner")


def _parent_cycle(owner_id: str, state: PlanState) -> list[str]:
    """The cycle of parents that starts at `owner_id`, or [] if its parents reach a top unit."""
    path: list[str] = []
    current: str | None = owner_id
    while current is not None and current in state.owner_by_id:
        if current in path:
            return path[path.index(current) :] if path[0] == current else []
        path.append(current)
        current = state.owner_by_id[current].parent
    return []


@register("E109", "error", "a service key is not a 14-digit LeiKa key")
def check_service_keys(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in enumerate(plan.measures):
        for n, key in enumerate(measure.services):
            if not _LEIKA_KEY.fullmatch(key):
                message = f'service key "{key}" is not a 14-digit LeiKa key'
                yield measure_finding(index, measure.id, message, "services", n)
