"""`massnahmen list`: the measures a filter chooses, as a table, JSON or CSV."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

import typer

from massnahmen.cli.common import (
    AS_OF_HELP,
    LANG_HELP,
    PLANS_HELP,
    Failed,
    expand_plans,
    is_portfolio,
    load_reportable,
    load_valid,
    parse_date,
    worst_code,
)
from massnahmen.render.list import PORTFOLIO_REPORTERS, REPORTERS, ListResult, ListResults
from massnahmen.words import Lang

if TYPE_CHECKING:
    from massnahmen.model import Plan

Format = Literal["table", "json", "csv"]
assert set(get_args(Format)) == set(REPORTERS) == set(PORTFOLIO_REPORTERS), "choices follow them"
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
    format: Format = typer.Option("table", "--format", "-f", help="Output format."),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    lang: Lang = typer.Option("de", "--lang", help=LANG_HELP),
) -> None:
    """List measures. Different options narrow the list; a repeated option widens it.

    Several plans (files, or folders of them) are each listed on their own, every row with its
    plan; the exit code is the worst of them.
    """
    from massnahmen.assignments import split_assignment
    from massnahmen.report.select import make_filter, select_measures
    from massnahmen.report.state import PlanState

    day = parse_date(as_of)
    try:
        pairs = [split_assignment(text) for text in attribute]
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--attribute") from None
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
    parts = (pairs, horizon, unit)
    if not is_portfolio(plans):
        valid = load_valid(plans[0], day)
        _known_ids(owner, field, [valid], *parts)
        state = PlanState(valid, day)
        measures = select_measures(valid, state, keep, sort)
        REPORTERS[format](ListResult(str(plans[0]), state, measures, lang))
        return
    found = [(path, load_reportable(path, day)) for path in expand_plans(plans)]
    _known_ids(owner, field, [plan for _, plan in found if not isinstance(plan, Failed)], *parts)
    results: list[ListResult | Failed] = []
    for path, plan in found:
        if isinstance(plan, Failed):
            results.append(plan)
            continue
        state = PlanState(plan, day)
        results.append(ListResult(str(path), state, select_measures(plan, state, keep, sort), lang))
    PORTFOLIO_REPORTERS[format](ListResults(day, results, lang))
    raise typer.Exit(worst_code(results))


def _known_ids(
    owner: list[str],
    field: list[str],
    plans: list[Plan],
    attributes: list[tuple[str, str]],
    horizons: list[str],
    units: list[str],
) -> None:
    """Exit 2 for an --owner, --field, --attribute, --horizon or --unit that none of the plans
    has (a typo, most likely)."""
    from massnahmen.report.select import unknown_ids, unknown_parts

    if not plans:
        return  # nothing to list: the plans' own problems are the report
    where = "in the plan" if len(plans) == 1 else "in any of the plans"
    owners = list(dict.fromkeys(o.id for plan in plans for o in plan.owners))
    fields = list(dict.fromkeys(f.id for plan in plans for f in plan.fields))
    for option, problems in (
        ("--owner", unknown_ids("owner", owner, owners, where)),
        ("--field", unknown_ids("field", field, fields, where)),
        *unknown_parts(plans, attributes, horizons, units).items(),
    ):
        if problems:
            raise typer.BadParameter("; ".join(problems), param_hint=option)


def register(app: typer.Typer) -> None:
    app.command("list")(list_measures)
