"""The JSON Schema of the plan format, generated from the model, for editors such as Taplo."""

from __future__ import annotations

import json
import sys
from typing import Any

from massnahmen.model import Plan

SCHEMA_ID = "https://massnahmen.invalid/schema/plan-1.json"


def plan_schema() -> dict[str, Any]:
    """The model's schema without JSON's null (TOML has none), with the draft and a title."""
    schema = _without_null(Plan.model_json_schema(mode="validation"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "massnahmen plan file (format 1)",
    }


def _without_null(node: Any) -> Any:
    """Optional keys are simply left out in TOML: drop `null` branches and `default: null`."""
    if isinstance(node, list):
        return [_without_null(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {k: _without_null(v) for k, v in node.items() if not (k == "default" and v is None)}
    branches = result.get("anyOf")
    if isinstance(branches, list):
        kept = [b for b in branches if b != {"type": "null"}]
        if len(kept) == 1:
            del result["anyOf"]
            result = {**kept[0], **result}
        else:
            result["anyOf"] = kept
    return result


def report_schema() -> None:
    """The schema on stdout, as JSON."""
    sys.stdout.write(json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n")
