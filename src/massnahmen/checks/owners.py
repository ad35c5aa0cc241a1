"""Warnings about who is responsible: inactive, unused, overloaded or missing owners."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from massnahmen.checks.registry import Finding, measure_finding, register
from massnahmen.report.state import PlanState
from massnahmen.words import say

if TYPE_CHECKING:
    from massnahmen.model import Plan


@register("W301", "warning", "owner inactive but still responsible for open measures")
def check_inactive_owners(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, owner in enumerate(plan.owners):
        count = state.open_by_owner[owner.id]
        if not owner.active and count:
            message = say("finding.W301", count=count)
            yield Finding(message, ("owners", index, "active"), owner.id, "owner")


@register("W302", "warning", "owner or field without any measure")
def check_unused(plan: Plan, state: PlanState) -> Iterator[Finding]:
    used_fields = {m.field for m in plan.measures}
    used_owners = {m.owner for m in plan.measures}
    used_owners.update(c for m in plan.measures for c in m.contributors)
    for index, field in enumerate(plan.fields):
        if field.id not in used_fields:
            yield Finding(say("finding.W302.field"), ("fields", index), field.id, "field")
    for index, owner in enumerate(plan.owners):
        if owner.id in used_owners:
            continue
        # a unit whose sub-units carry measures is in use: it leads them
        if not any(unit in used_owners for unit in state.units_under(owner.id)):
            message = say("finding.W302.owner")
            yield Finding(message, ("owners", index), owner.id, "owner")


@register("W303", "warning", "owner has more than `max_open_per_owner` open measures")
def check_owner_load(plan: Plan, state: PlanState) -> Iterator[Finding]:
    limit = plan.settings.max_open_per_owner
    for index, owner in enumerate(plan.owners):
        count = state.open_by_owner[owner.id]
        if count > limit:
            message = say("finding.W303", count=count, limit=limit)
            yield Finding(message, ("owners", index), owner.id, "owner")


@register("W304", "warning", "open measure without an owner")
def check_missing_owner(plan: Plan, state: PlanState) -> Iterator[Finding]:
    for index, measure in state.open_measures:
        if measure.owner is None:
            yield measure_finding(index, measure.id, say("finding.W304"))
