"""The JSON Schema of the plan format, generated from the model."""

from __future__ import annotations

from typing import Any

from massnahmen.model import Plan

SCHEMA_ID = "https://massnahmen.invalid/schema/plan-1.json"


def plan_schema() -> dict[str, Any]:
    """The model's schema with the draft and a title, as editors expect it."""
    schema = Plan.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "massnahmen plan file (format 1)",
        **schema,
    }
