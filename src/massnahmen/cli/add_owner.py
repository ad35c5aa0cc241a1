"""`massnahmen add-owner`: a new owner (a unit, a person, a partner), checked before it is
written."""

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

NAME = "add-owner"
KINDS = {
    "unit": "unit",
    "einheit": "unit",
    "organisationseinheit": "unit",
    "person": "person",
    "external": "external",
    "extern": "external",
    "partner": "external",
}


def command(
    plan: Path | None = typer.Argument(None, metavar="PLAN", help=PLAN_HELP, show_default=False),
    owner_id: str | None = typer.Option(
        None, "--id", metavar="ID", help="Its id, as measures name it (FB1) (required)."
    ),
    name: str | None = typer.Option(
        None,
        "--name",
        metavar="TEXT",
        help="Its name (Fachbereich 1 – Zentrale Dienste) (required).",
    ),
    kind: str | None = typer.Option(
        None,
        "--kind",
        metavar="KIND",
        help="unit (Einheit, the default), person, or external (extern, a partner).",
    ),
    email: str | None = typer.Option(
        None, "--email", metavar="ADDRESS", help="Where its reminders and requests go."
    ),
    parent: str | None = typer.Option(
        None,
        "--parent",
        metavar="OWNER",
        help="The unit it belongs to (an Amt under its Fachbereich).",
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
    as_of: str | None = typer.Option(None, "--as-of", metavar="DATE", help=EDIT_AS_OF_HELP),
) -> int:
    """Add an owner (a unit, a person or an external partner), checked before it is written."""
    from massnahmen.edit import NewOwner, add_owner
    from massnahmen.errors import UsageProblem
    from massnahmen.words import say

    require(**{"--id": owner_id, "--name": name})
    assert owner_id is not None and name is not None
    kind_value = None if kind is None else KINDS.get(kind.strip().lower())
    if kind is not None and kind_value is None:
        raise UsageProblem(say("cli.not_a_kind", value=kind), "--kind")
    new = NewOwner(owner_id, name, kind_value, email, parent)
    return edited(plan, lambda loaded: add_owner(loaded, new), as_of, dry_run)
