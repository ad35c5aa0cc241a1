"""`massnahmen add`: a new measure with the next free id of its field, checked before written."""

from __future__ import annotations

from pathlib import Path

import typer

from massnahmen.cli.options import (
    DEADLINE_HELP,
    DRY_RUN_HELP,
    EDIT_AS_OF_HELP,
    PLAN_HELP,
    STATUS_WORDS_HELP,
    amount_of,
    assignments,
    day,
    edited,
    priority_of,
    require,
    split_values,
    status_of,
)

NAME = "add"


def command(
    plan: Path | None = typer.Argument(None, metavar="PLAN", help=PLAN_HELP, show_default=False),
    field: str | None = typer.Option(
        None, "--field", metavar="FIELD", help="Id of its field of action (required)."
    ),
    title: str | None = typer.Option(
        None, "--title", metavar="TEXT", help="What the measure achieves, in a line (required)."
    ),
    owner: str | None = typer.Option(
        None, "--owner", metavar="OWNER", help="Id of the responsible owner (required)."
    ),
    deadline: str | None = typer.Option(
        None, "--deadline", metavar="DEADLINE", help=DEADLINE_HELP + " (required)"
    ),
    measure_id: str | None = typer.Option(
        None, "--id", metavar="ID", help="Its id; default the next free one (VW-07 after VW-06)."
    ),
    start: str | None = typer.Option(None, "--start", metavar="DATE", help="Start (1.3.2026)."),
    priority: str | None = typer.Option(
        None, "--priority", metavar="PRIORITY", help="Priority: hoch, mittel, niedrig (or English)."
    ),
    depends_on: list[str] = typer.Option(
        [], "--depends-on", metavar="ID", help="A measure it needs first; repeat or comma-separate."
    ),
    contributors: list[str] = typer.Option(
        [], "--contributor", metavar="OWNER", help="An owner who takes part; repeatable."
    ),
    budget: str | None = typer.Option(
        None, "--budget", metavar="EUR", help="Budget in euro (45.000 or 45.000,50 €)."
    ),
    description: str | None = typer.Option(
        None, "--description", metavar="TEXT", help="A longer description."
    ),
    status: str | None = typer.Option(
        None, "--status", metavar="STATUS", help="Its status: " + STATUS_WORDS_HELP + "."
    ),
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
    from massnahmen.edit import NewMeasure, add_measure

    require(**{"--field": field, "--title": title, "--owner": owner, "--deadline": deadline})
    assert field is not None and title is not None and owner is not None and deadline is not None
    new = NewMeasure(
        field=field,
        title=title,
        owner=owner,
        deadline=deadline,
        id=measure_id,
        status=status_of(status) or "planned",
        start=day(start, "--start") if start else None,
        priority=priority_of(priority),
        contributors=split_values(contributors),
        depends_on=split_values(depends_on),
        budget_eur=amount_of(budget),
        description=description,
        tags=tags,
        attributes=assignments(attribute, "--attribute"),
    )
    return edited(plan, lambda loaded: add_measure(loaded, new), as_of, dry_run)
