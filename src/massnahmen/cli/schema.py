"""`massnahmen schema`: the JSON Schema of the plan format, for editors."""

from __future__ import annotations

NAME = "schema"


def command() -> int:
    """Print the JSON Schema of the plan format (for Taplo / Even Better TOML)."""
    from massnahmen.render.schema import report_schema

    report_schema()
    return 0
