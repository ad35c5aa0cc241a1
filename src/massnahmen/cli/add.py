"""`massnahmen add`: a new measure with the next free id of its field, checked before written."""

from __future__ import annotations

from pathlib import Path

import typer

from massnahmen.cli.options import (
    DEADLINE_HELP,
    DRY_RUN_HELP,
    EDIT_AS_OF_HELP,
    PriorityChoice,
    StatusChoice,
    assignments,
    day,
    split_values,
)

NAME = "add"


def command(
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
) -> int:
    """Add a measure (next free id of its field), checked before it is written."""
    from massnahmen.edit import NewMeasure, add_measure, edit_plan
    from massnahmen.render.edit import outcome_of, report_edit

    new = NewMeasure(
        field=field,
        title=title,
        owner=owner,
        deadline=deadline,
        id=measure_id,
        status=status,
        start=day(start, "--start") if start else None,
        priority=priority,
        contributors=split_values(contributors),
        depends_on=split_values(depends_on),
        budget_eur=budget,
        description=description,
        tags=tags,
        attributes=assignments(attribute, "--attribute"),
    )
    operation = lambda loaded: add_measure(loaded, new)  # noqa: E731
    result = edit_plan(plan, operation, today=day(as_of), dry_run=dry_run)
    report_edit(result, dry_run=dry_run)
    return outcome_of(result).code()
