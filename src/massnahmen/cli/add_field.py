"""`massnahmen add-field`: a new field of action, checked before it is written."""

from __future__ import annotations

from pathlib import Path

import typer

from massnahmen.cli.options import (
    DRY_RUN_HELP,
    EDIT_AS_OF_HELP,
    PLAN_HELP,
    edited,
    require,
)

NAME = "add-field"


def command(
    plan: Path | None = typer.Argument(None, metavar="PLAN", help=PLAN_HELP, show_default=False),
    field_id: str | None = typer.Option(
        None, "--id", metavar="ID", help="Its id, the prefix of its measures' ids (VW) (required)."
    ),
    name: str | None = typer.Option(
        None, "--name", metavar="TEXT", help="Its name, as the strategy calls it (required)."
    ),
    goal: str | None = typer.Option(None, "--goal", metavar="TEXT", help="What it aims at."),
    description: str | None = typer.Option(
        None, "--description", metavar="TEXT", help="A longer description."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
    as_of: str | None = typer.Option(None, "--as-of", metavar="DATE", help=EDIT_AS_OF_HELP),
) -> int:
    """Add a field of action, checked before it is written."""
    from massnahmen.edit import NewField, add_field

    require(**{"--id": field_id, "--name": name})
    assert field_id is not None and name is not None
    new = NewField(field_id, name, goal, description)
    return edited(plan, lambda loaded: add_field(loaded, new), as_of, dry_run)
