"""Errors in the plan's own columns: a measure's attribute values against their declarations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from massnahmen.checks.registry import Finding, measure_finding, quoted, register
from massnahmen.diagnostics import did_you_mean
from massnahmen.report.state import PlanState
from massnahmen.words import current_lang, say

if TYPE_CHECKING:
    from massnahmen.model import Attribute, Plan


@register("E110", "error", "an attribute value is undeclared, of the wrong kind or not a choice")
def check_attribute_values(plan: Plan, state: PlanState) -> Iterator[Finding]:
    declared: dict[str, Attribute] = {}
    for attribute in plan.attributes:
        declared.setdefault(attribute.id, attribute)
    if not declared and not any(m.attributes for m in plan.measures):
        return
    for index, measure in enumerate(plan.measures):
        for key, value in measure.attributes.items():
            found = declared.get(key)
            message: str | None
            if found is None:
                hint = did_you_mean(key, declared, current_lang())
                message = say("finding.E110.undeclared", attribute=key, hint=hint)
            else:
                message = _wrong_value(found, value)
            if message:
                yield measure_finding(index, measure.id, message, "attributes", key)


def _wrong_value(attribute: Attribute, value: str | int | float | bool) -> str | None:
    """Why `value` does not fit the attribute, or None if it does."""
    if attribute.kind == "choice":
        if isinstance(value, str) and value in attribute.choices:
            return None
        choices = ", ".join(quoted(choice) for choice in attribute.choices)
        hint = (
            did_you_mean(value, attribute.choices, current_lang()) if isinstance(value, str) else ""
        )
        return say(
            "finding.E110.choice",
            attribute=attribute.id,
            value=_shown(value),
            choices=choices,
            hint=hint,
        )
    fits = {
        "text": isinstance(value, str),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "flag": isinstance(value, bool),
    }[attribute.kind]
    if fits:
        return None
    return say(f"finding.E110.{attribute.kind}", attribute=attribute.id, value=_shown(value))


def _shown(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quoted(value)
    return str(value)
