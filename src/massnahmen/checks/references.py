"""Errors in how the plan refers to itself: ids, fields, owners, dependencies, service keys."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from massnahmen.checks.registry import Finding, measure_finding, quoted, register
from massnahmen.diagnostics import SubjectKind, did_you_mean
from massnahmen.report.state import PlanState
from massnahmen.words import current_lang, say

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
            message = say(f"finding.E101.{kind}", first=first + 1)
            yield Finding(message, (table, index, "id"), ids[index], kind)
    for index, first in _repeats([a.id for a in plan.attributes]):
        attribute = plan.attributes[index].id
        message = say("finding.E101.attribute", id=attribute, first=first + 1)
        yield Finding(message, ("attributes", index, "id"))
    for index, measure in enumerate(plan.measures):
        for n, first in _repeats([i.id for i in measure.indicators]):
            indicator = measure.indicators[n].id
            message = say("finding.E101.indicator", id=indicator, first=first + 1)
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
            hint = did_you_mean(measure.field, fields, current_lang())
            message = say("finding.E102", field=measure.field, hint=hint)
            yield measure_finding(index, measure.id, message, "field")


@register("E103", "error", "unknown owner or contributor reference")
def check_owner_references(plan: Plan, state: PlanState) -> Iterator[Finding]:
    owners = {o.id for o in plan.owners}
    for index, measure in enumerate(plan.measures):
        if measure.owner is not None and measure.owner not in owners:
            hint = did_you_mean(measure.owner, owners, current_lang())
            message = say("finding.E103", owner=measure.owner, hint=hint)
            yield measure_finding(index, measure.id, message, "owner")
        for n, contributor in enumerate(measure.contributors):
            if contributor not in owners:
                hint = did_you_mean(contributor, owners, current_lang())
                message = say("finding.E103.contributor", contributor=contributor, hint=hint)
                yield measure_finding(index, measure.id, message, "contributors", n)


@register("E104", "error", "unknown dependency")
def check_dependency_references(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in enumerate(plan.measures):
        for n, dep in enumerate(measure.depends_on):
            if dep not in state.by_id:
                hint = did_you_mean(dep, state.by_id, current_lang())
                message = say("finding.E104", dependency=dep, hint=hint)
                yield measure_finding(index, measure.id, message, "depends_on", n)


@register("E105", "error", "dependency cycle (the whole cycle is named)")
def check_dependency_cycles(plan: Plan, state: PlanState) -> Iterator[Finding]:
    """One finding per group of measures that depend on each other in circles (a strongly
    connected component), naming one cycle through its first measure in the file. Reporting
    every cycle a search meets was quadratic: 5,000 measures that each depend on the next and
    on the first gave 120 MB of findings."""
    position = {m.id: n for n, m in reversed(list(enumerate(plan.measures)))}
    for group in _cyclic_groups(state):
        first = min(group, key=position.__getitem__)
        cycle = _cycle_through(first, group, state)
        following = cycle[1 % len(cycle)]
        message = say("finding.E105", cycle=_named_cycle(cycle))
        if len(group) > len(cycle):
            message += " " + say("cycle_more", count=len(group) - len(cycle))
        edge = state.by_id[first].depends_on.index(following)
        yield measure_finding(position[first], first, message, "depends_on", edge)


_SHOWN_IN_CYCLE = 20  # a longer cycle is named by its start and end, with a count between


def _named_cycle(cycle: list[str]) -> str:
    """`A → B → C → A`; past 20 measures `A → … (980 more) … → Z → A`."""
    if len(cycle) <= _SHOWN_IN_CYCLE:
        return " → ".join([*cycle, cycle[0]])
    head, tail = cycle[:10], cycle[-5:]
    hidden = len(cycle) - len(head) - len(tail)
    return " → ".join([*head, say("cycle_hidden", count=hidden), *tail, cycle[0]])


def _cyclic_groups(state: PlanState) -> Iterator[set[str]]:
    """The strongly connected components with a cycle (Tarjan's algorithm, iterative, linear
    time): more than one measure, or one that depends on itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in state.by_id:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(state.by_id[root].depends_on))]
        while work:
            node, deps = work[-1]
            dep = next(deps, None)
            if dep is not None:
                if dep not in state.by_id:
                    continue
                if dep not in index:
                    index[dep] = low[dep] = len(index)
                    stack.append(dep)
                    on_stack.add(dep)
                    work.append((dep, iter(state.by_id[dep].depends_on)))
                elif dep in on_stack:
                    low[node] = min(low[node], index[dep])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1 or node in state.by_id[node].depends_on:
                    yield group


def _cycle_through(first: str, group: set[str], state: PlanState) -> list[str]:
    """The shortest cycle from `first` back to itself inside `group` (breadth-first)."""
    came_from: dict[str, str] = {}
    frontier = [first]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for dep in state.by_id[node].depends_on:
                if dep == first:
                    path = [node]
                    while path[-1] != first:
                        path.append(came_from[path[-1]])
                    return path[::-1]
                if dep in group and dep not in came_from:
                    came_from[dep] = node
                    following.append(dep)
        frontier = following
    return [first]  # not reached: every member of a group lies on a cycle through the others


@register("E111", "error", "a deadline names no horizon of the plan")
def check_horizon_references(plan: Plan, state: PlanState) -> Iterator[Finding]:
    horizons = list(plan.settings.horizons)
    for index, measure in enumerate(plan.measures):
        for deadline, keys in _deadlines(measure):
            if deadline is not None and deadline.unknown_horizon:
                name = str(deadline.raw).strip()
                which = "finding.E111.due" if keys[0] == "milestones" else "finding.E111.deadline"
                message = say(which, name=name, hint=_horizon_hint(name, horizons))
                yield measure_finding(index, measure.id, message, *keys)


def _horizon_hint(name: str, horizons: list[str]) -> str:
    """A close horizon (or "ongoing"), else what may be written instead."""
    if name.casefold() in _ONGOING_WORDS:
        return say("finding.E111.ongoing")
    close = did_you_mean(name, horizons, current_lang())
    if close:
        return close
    if not horizons:
        return say("finding.E111.none", forms=say("finding.E111.forms"))
    named = ", ".join(quoted(h) for h in horizons)
    return say("finding.E111.some", forms=say("finding.E111.forms"), named=named)


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
            message = say(
                "finding.E112.unknown",
                parent=parent,
                hint=did_you_mean(parent, owners, current_lang()),
            )
            yield Finding(message, ("owners", index, "parent"), owner.id, "owner")
            continue
        cycle = _parent_cycle(owner.id, state)
        if cycle and owner.id not in reported:
            reported.update(cycle)
            message = say("finding.E112.cycle", cycle=" → ".join([*cycle, cycle[0]]))
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
                message = say("finding.E109", key=key)
                yield measure_finding(index, measure.id, message, "services", n)
