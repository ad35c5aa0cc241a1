"""`massnahmen add`: a new measure with the next free id of its field, checked before written."""

from __future__ import annotations

from pathlib import Path

import typer

from massnahmen.cli.common import parse_date
from massnahmen.cli.editing import (
    DEADLINE_HELP,
    DRY_RUN_HELP,
    EDIT_AS_OF_HELP,
    PriorityChoice,
    StatusChoice,
    run_edit,
    split_ids,
)


def add(
    plan: Path = typer.Argument(..., metavar="PLAN", help="The plan file (TOML)."),
    field: str = typer.Option(..., "--field", metavar="FIELD", help="Id of its field of action."),
    title: str = typer.Option(..., "--title", help="What the measure achieves, in a line."),
    owner: str = typer.Option(..., "--owner", metavar="OWNER", help="Id of the responsible owner."),
    deadline: str = typer.Option(..., "--deadline", metavar="DEADLINE", help=DEADLINE_HELP),
    measure_id: str | None = typer.Option(
        None, "--id", metavar="ID", help="Its id; default the next free one (VW-07 after VW-06)."
    ),
    start: str | None = typer.Option(None, "--start", metavar="DATE", help="Start (YYYY-MM-DD)."),
    priority: PriorityChoice | None = typer.Option(None, "--priority", help="Priority."),
    depends_on: list[str] = typer.Option(
        [], "--depends-on", metavar="ID", help="A measure it needs first; repeat or comma-separate."
    ),
    contributors: list[str] = typer.Option(
        [], "--contributor", metavar="OWNER", help="An owner who takes part; repeatable."
    ),
    budget: float | None = typer.Option(None, "--budget", metavar="EUR", help="Budget in euro."),
    description: str | None = typer.Option(None, "--description", help="A longer description."),
    status: StatusChoice = typer.Option("planned", "--status", help="Its status."),
    tags: list[str] = typer.Option([], "--tag", metavar="TAG", help="A tag; repeatable."),
    attribute: list[str] = typer.Option(
        [],
        "--attribute",
        metavar="ID=VALUE",
        help="One of the plan's attributes (personal=zusätzlich); repeatable.",
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
    as_of: str | None = typer.Option(None, "--as-of", metavar="DATE", help=EDIT_AS_OF_HELP),
) -> None:
    """Add a measure (next free id of its field), checked before it is written."""
    from massnahmen.assignments import split_assignment
    from massnahmen.edit import NewMeasure, add_measure

    try:
        attributes = [split_assignment(value) for value in attribute]
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--attribute") from None

    new = NewMeasure(
        field=field,
        title=title,
        owner=owner,
        deadline=deadline,
        id=measure_id,
        status=status,
        start=parse_date(start, "--start") if start else None,
        priority=priority,
        contributors=split_ids(contributors),
        depends_on=split_ids(depends_on),
        budget_eur=budget,
        description=description,
        tags=tags,
        attributes=attributes,
    )
    run_edit(
        plan, lambda loaded: add_measure(loaded, new), dry_run=dry_run, as_of=parse_date(as_of)
    )


def register(app: typer.Typer) -> None:
    app.command()(add)
