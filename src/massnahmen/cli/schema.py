"""`massnahmen schema`: the JSON Schema of the plan format, for editors."""

from __future__ import annotations

import json
import sys

import typer


def schema() -> None:
    """Print the JSON Schema of the plan format (for Taplo / Even Better TOML)."""
    from massnahmen.render.schema import plan_schema

    sys.stdout.write(json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n")


def register(app: typer.Typer) -> None:
    app.command()(schema)
