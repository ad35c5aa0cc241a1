"""`massnahmen list`: the measures a filter chooses, as a table, JSON or CSV."""

from __future__ import annotations

from enum import StrEnum
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
)
from massnahmen.render.list import RENDERERS
from massnahmen.words import current_lang

NAME = "list"
Format = Literal["table", "json", "csv"]
assert set(get_args(Format)) == set(RENDERERS), "--format's choices are the renderers"
SortChoice = Literal["id", "deadline", "owner"]


# Enums, not Literals: Typer takes repeated options only of plain or enum types.
class StatusChoice(StrEnum):
    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    on_hold = "on_hold"
    cancelled = "cancelled"
    open = "open"
    closed = "closed"


class LightChoice(StrEnum):
    red = "red"
    yellow = "yellow"
    green = "green"


def command(
    plans: list[Path] = typer.Argument(..., metavar="PLAN", help=PLANS_HELP),
    status: list[StatusChoice] = typer.Option(
        [], "--status", help="Only this status; `open` and `closed` stand for their statuses."
    ),
    owner: list[str] = typer.Option([], "--owner", metavar="OWNER", help="Only this owner's."),
    field: list[str] = typer.Option(
        [], "--field", metavar="FIELD", help="Only this field of action's."
    ),
    tag: list[str] = typer.Option([], "--tag", metavar="TAG", help="Only measures with this tag."),
    overdue: bool = typer.Option(False, "--overdue", help="Only overdue measures."),
    due_within: int | None = typer.Option(
        None,
        "--due-within",
        min=0,
        metavar="DAYS",
        help="Only open measures due in the next DAYS days (not the overdue ones).",
    ),
    light: list[LightChoice] = typer.Option([], "--light", help="Only this traffic light."),
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
        [s.value for s in status],
        owner,
        field,
        tag,
        [c.value for c in light],
        overdue,
        due_within,
        pairs,
        horizon,
        unit,
    )
    run = run_plans(
        plan_paths(plans), Reading(today), partial(select, keep=keep, sort=sort, as_of=today)
    )
    require_known([s.state.plan for s in run.results], owner, field, pairs, horizon, unit)
    RENDERERS[format](run, lang)
    return run.return_code()
