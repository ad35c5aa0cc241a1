"""`massnahmen list`: the measures a filter chooses, as a table, JSON or CSV."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Literal, get_args

import typer

from massnahmen.cli.common import AS_OF_HELP, LANG_HELP, load_valid, parse_date
from massnahmen.labels import Lang
from massnahmen.render.listing import REPORTERS, ListResult

Format = Literal["table", "json", "csv"]
assert set(get_args(Format)) == set(REPORTERS), "--format choices follow the registry"
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


def list_measures(
    plan: Path = typer.Argument(..., metavar="PLAN", help="The plan file (TOML)."),
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
    sort: SortChoice = typer.Option("id", "--sort", help="Order of the measures."),
    format: Format = typer.Option("table", "--format", "-f", help="Output format."),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    lang: Lang = typer.Option("de", "--lang", help=LANG_HELP),
) -> None:
    """List measures. Different options narrow the list; a repeated option widens it."""
    from massnahmen.listing import make_filter, select_measures, unknown_ids
    from massnahmen.state import PlanState

    day = parse_date(as_of)
    valid = load_valid(plan, day)
    for option, problems in (
        ("--owner", unknown_ids("owner", owner, [o.id for o in valid.owners])),
        ("--field", unknown_ids("field", field, [f.id for f in valid.fields])),
    ):
        if problems:
            raise typer.BadParameter("; ".join(problems), param_hint=option)
    keep = make_filter(
        [s.value for s in status], owner, field, tag, [c.value for c in light], overdue, due_within
    )
    state = PlanState(valid, day)
    measures = select_measures(valid, state, keep, sort)
    REPORTERS[format](ListResult(str(plan), state, measures, lang))


def register(app: typer.Typer) -> None:
    app.command("list")(list_measures)
