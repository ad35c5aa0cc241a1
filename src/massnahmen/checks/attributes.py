"""Errors in the plan's own columns: a measure's attribute values against their declarations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from massnahmen.checks.registry import Finding, measure_finding, register
from massnahmen.diagnostics import did_you_mean
from massnahmen.report.state import PlanState

if TYPE_CHECKING:
    from massnahmen.model import Attribute, Plan

_KIND_WORDS = {"text": "a text", "number": "a number", "flag": "true or false"}


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
                hint = did_you_mean(key, declared)
                message = f'attribute "{key}" is not declared in [[attributes]]{hint}'
            else:
                message = _wrong_value(found, value)
            if message:
                yield measure_finding(index, measure.id, message, "attributes", key)


def _wrong_value(attribute: Attribute, value: str | int | float | bool) -> str | None:
    """Why `value` does not fit the attribute, or None if it does."""
    name = f'attribute "{attribute.id}"'
    if attribute.kind == "choice":
        if isinstance(value, str) and value in attribute.choices:
            return None
        choices = ", ".join(f'"{choice}"' for choice in attribute.choices)
        hint = did_you_mean(value, attribute.choices) if isinstance(value, str) else ""
        return f"{name}: {_shown(value)} is not one of {choices}{hint}"
    fits = {
        "text": isinstance(value, str),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "flag": isinstance(value, bool),
    }[attribute.kind]
    if fits:
        return None
    return f"{name} is {_KIND_WORDS[attribute.kind]}, not {_shown(value)}"


def _shown(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)
