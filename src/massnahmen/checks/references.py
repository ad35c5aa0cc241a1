"""Errors in how the plan refers to itself: ids, fields, owners, dependencies, service keys."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from massnahmen.checks.registry import Finding, measure_finding, register
from massnahmen.diagnostics import SubjectKind, did_you_mean
from massnahmen.report.state import PlanState

if TYPE_CHECKING:
    from massnahmen.model import Plan

_LEIKA_KEY = re.compile(r"\d{14}")


@register("E101", "error", "duplicate id (measure, field or owner)")
def check_duplicate_ids(plan: Plan, state: PlanState) -> Iterator[Finding]:
    tables: list[tuple[str, SubjectKind, list[str]]] = [
        ("fields", "field", [f.id for f in plan.fields]),
        ("owners", "owner", [o.id for o in plan.owners]),
        ("measures", "measure", [m.id for m in plan.measures]),
    ]
    for table, kind, ids in tables:
        first: dict[str, int] = {}
        for index, item_id in enumerate(ids):
            if item_id in first:
                message = f"duplicate {kind} id, first used by {kind} {first[item_id] + 1}"
                yield Finding(message, (table, index, "id"), item_id, kind)
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


@register("E109", "error", "a service key is not a 14-digit LeiKa key")
def check_service_keys(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in enumerate(plan.measures):
        for n, key in enumerate(measure.services):
            if not _LEIKA_KEY.fullmatch(key):
                message = f'service key "{key}" is not a 14-digit LeiKa key'
                yield measure_finding(index, measure.id, message, "services", n)
