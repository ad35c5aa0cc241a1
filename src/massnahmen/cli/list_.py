"""`massnahmen list`: the measures a filter chooses, as a table, JSON or CSV."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Literal, get_args

import typer

from massnahmen.cli.options import (
    AS_OF_HELP,
    FORMAT_HELP,
    PLANS_HELP,
    assignments,
    day,
    days_of,
    discovered,
    lights_of,
    list_statuses_of,
)
from massnahmen.render.list import RENDERERS
from massnahmen.words import current_lang

NAME = "list"
Format = Literal["table", "json", "csv"]
assert set(get_args(Format)) == set(RENDERERS), "--format's choices are the renderers"
SortChoice = Literal["id", "deadline", "owner"]


def command(
    plans: list[Path] = typer.Argument(None, metavar="PLAN", help=PLANS_HELP, show_default=False),
    status: list[str] = typer.Option(
        [],
        "--status",
        metavar="STATUS",
        help="Only this status (erledigt, in Umsetzung, …); offen/open and "
        "abgeschlossen/closed stand for their statuses.",
    ),
    owner: list[str] = typer.Option([], "--owner", metavar="OWNER", help="Only this owner's."),
    field: list[str] = typer.Option(
        [], "--field", metavar="FIELD", help="Only this field of action's."
    ),
    tag: list[str] = typer.Option([], "--tag", metavar="TAG", help="Only measures with this tag."),
    overdue: bool = typer.Option(False, "--overdue", help="Only overdue measures."),
    due_within: str | None = typer.Option(
        None,
        "--due-within",
        metavar="DAYS",
        help="Only open measures due in the next DAYS days (not the overdue ones).",
    ),
    light: list[str] = typer.Option(
        [], "--light", metavar="LIGHT", help="Only this traffic light: rot, gelb, grün, ohne Frist."
    ),
    attribute: list[str] = typer.Option(
        [],
        "--attribute",
        metavar="ID=VALUE",
        help="Only measures with this value of the plan's attribute (personal=zusätzlich).",
    ),
    horizon: list[str] = typer.Option(
        [], "--horizon", metavar="HORIZON", help="Only measures due at this horizon."
    ),
    unit: list[str] = typer.Option(
        [], "--unit", metavar="OWNER", help="Only this unit's measures and those of its sub-units."
    ),
    sort: SortChoice = typer.Option("id", "--sort", help="Order of the measures."),
    format: Format = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
) -> int:
    """List measures. Different options narrow the list; a repeated option widens it.

    Several plans (files, or folders of them) are each listed on their own, every row with its
    plan; the exit code is the worst of them.
    """
    lang = current_lang()
    from massnahmen.report.select import make_filter, require_known, select
    from massnahmen.run.plans import Reading, plan_paths, run_plans

    today = day(as_of)
    pairs = assignments(attribute, "--attribute")
    keep = make_filter(
        list_statuses_of(status),
        owner,
        field,
        tag,
        lights_of(light),
        overdue,
        days_of(due_within, "--due-within"),
        pairs,
        horizon,
        unit,
    )
    run = run_plans(
        plan_paths(discovered(plans or [])),
        Reading(today),
        partial(select, keep=keep, sort=sort, as_of=today),
    )
    require_known([s.state.plan for s in run.results], owner, field, pairs, horizon, unit)
    RENDERERS[format](run, lang)
    return run.return_code()
