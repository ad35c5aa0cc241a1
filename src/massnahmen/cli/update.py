"""`massnahmen update`: record progress of a measure, keeping its history and adopted deadline."""

from __future__ import annotations

import typer

from massnahmen.cli.options import (
    DRY_RUN_HELP,
    EDIT_AS_OF_HELP,
    assignments,
    day,
    edited,
    plan_and_id,
    priority_of,
    progress_of,
    status_of,
)
from massnahmen.errors import CannotRun
from massnahmen.words import say

NAME = "update"


def command(
    arguments: list[str] = typer.Argument(
        ...,
        metavar="[PLAN] ID",
        help="The plan file (default: as for every command) and the measure, e.g. VW-02.",
        show_default=False,
    ),
    status: str | None = typer.Option(
        None,
        "--status",
        metavar="STATUS",
        help="New status: geplant, in Umsetzung, erledigt, zurückgestellt, verworfen (or English) "
        "(erledigt implies progress 100).",
    ),
    progress: str | None = typer.Option(
        None, "--progress", metavar="PERCENT", help="Per cent done, 0 to 100 (45 or 45 %)."
    ),
    deadline: str | None = typer.Option(
        None,
        "--deadline",
        metavar="DEADLINE",
        help="Move the deadline (needs --note); the adopted deadline is kept.",
    ),
    note: str | None = typer.Option(
        None, "--note", metavar="TEXT", help="What happened, or why it moved."
    ),
    date: str | None = typer.Option(
        None, "--date", metavar="DATE", help="Date of the update (31.12.2026); default today."
    ),
    owner: str | None = typer.Option(None, "--owner", metavar="OWNER", help="New owner (id)."),
    title: str | None = typer.Option(None, "--title", metavar="TEXT", help="New title."),
    priority: str | None = typer.Option(
        None, "--priority", metavar="PRIORITY", help="New priority: hoch, mittel, niedrig."
    ),
    rating: str | None = typer.Option(
        None,
        "--rating",
        metavar="green|yellow|red",
        help="The owner's own assessment, recorded in the update beside the derived light.",
    ),
    milestone_done: str | None = typer.Option(
        None, "--milestone-done", metavar="TITLE", help="The milestone reached on --date."
    ),
    indicator: list[str] = typer.Option(
        [],
        "--indicator",
        metavar="ID=VALUE",
        help="A value of the indicator measured on --date (termine=63); repeatable.",
    ),
    attribute: list[str] = typer.Option(
        [],
        "--attribute",
        metavar="ID=VALUE",
        help="Set one of the plan's attributes (personal=zusätzlich); repeatable.",
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
    as_of: str | None = typer.Option(None, "--as-of", metavar="DATE", help=EDIT_AS_OF_HELP),
) -> int:
    """Record progress of a measure (appends to its history), or change its plain keys.

    Sets the measure's current status and progress and appends an update with the date;
    --deadline moves the deadline in the update and leaves the adopted one alone.
    --owner, --title and --priority change those keys in place; --milestone-done,
    --indicator and --attribute change the measure's milestone, indicator or attributes.
    """
    from massnahmen.edit import MeasureUpdate, update_measure

    plan, measure_id = plan_and_id(arguments)
    change = MeasureUpdate(
        date=day(date, "--date"),
        status=status_of(status),
        progress=progress_of(progress),
        deadline=deadline,
        note=note,
        owner=owner,
        title=title,
        priority=priority_of(priority),
        rating=rating,
        milestone_done=milestone_done,
        indicators=assignments(indicator, "--indicator"),
        attributes=assignments(attribute, "--attribute"),
    )
    if change.empty:
        raise CannotRun(say("cli.nothing_to_update"))
    return edited(plan, lambda loaded: update_measure(loaded, measure_id, change), as_of, dry_run)
