"""The JSON Schema given to editors accepts what check accepts and rejects unknown keys."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import DATA, EXAMPLE, run

SCHEMA = json.loads(run("schema").stdout)


def as_json(value: Any) -> Any:
    """TOML data as an editor's schema validator sees it: dates as strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize("path", [EXAMPLE, *sorted((DATA / "valid").glob("*.toml"))], ids=str)
def test_schema_accepts_valid_plans(path: Path) -> None:
    jsonschema.validate(as_json(tomllib.loads(path.read_text(encoding="utf-8-sig"))), SCHEMA)


def test_schema_rejects_an_unknown_key() -> None:
    data = as_json(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))
    data["measures"][0]["titel"] = "x"
    with pytest.raises(jsonschema.ValidationError, match="titel"):
        jsonschema.validate(data, SCHEMA)


def test_schema_has_no_null_that_toml_cannot_write() -> None:
    assert '"null"' not in json.dumps(SCHEMA)
