"""`massnahmen status`: the plan's state in the terminal, for the officer's morning look."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

import typer

from massnahmen.cli.common import (
    AS_OF_HELP,
    LANG_HELP,
    PLANS_HELP,
    expand_plans,
    is_portfolio,
    load_valid,
    parse_date,
)
from massnahmen.cli.portfolio import PORTFOLIO_HELP
from massnahmen.cli.reporting import MEETING_HELP, SINCE_HELP, resolve, since_day
from massnahmen.words import Lang

ByChoice = Literal["field", "owner"]


def status(
    plans: list[Path] = typer.Argument(..., metavar="PLAN", help=PLANS_HELP),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    lang: Lang = typer.Option("de", "--lang", help=LANG_HELP),
    since: str | None = typer.Option(None, "--since", help=SINCE_HELP, metavar="DATE"),
    meeting: str | None = typer.Option(
        None, "--meeting", help=MEETING_HELP, metavar="previous|DATE"
    ),
    portfolio: bool = typer.Option(False, "--portfolio", help=PORTFOLIO_HELP),
    by: ByChoice = typer.Option(
        "field",
        "--by",
        help="Totals per field of action, or per owner (top-level units, sub-units beneath).",
    ),
) -> None:
    """Show the plan's state: totals, fields of action, traffic lights, what needs action.

    Several plans (files, or folders of them) are shown one after the other, or compared with
    --portfolio; the exit code is the worst of them.
    """
    day = parse_date(as_of)
    from_day = since_day(since, meeting)
    if portfolio:
        from massnahmen.cli.portfolio import summarise
        from massnahmen.render.compare import print_portfolio

        summaries, worst = summarise(expand_plans(plans), day, lang)
        print_portfolio(summaries, day, lang)
        raise typer.Exit(worst)
    if not is_portfolio(plans):
        _status(plans[0], day, lang, from_day, meeting, by)
        return
    worst = 0
    for path in expand_plans(plans):
        try:
            _status(path, day, lang, from_day, meeting, by)
        except typer.Exit as stop:  # this plan could not be shown; go on with the others
            worst = max(worst, stop.exit_code)
    raise typer.Exit(worst)


def _status(
    plan: Path,
    day: dt.date,
    lang: Lang,
    from_day: dt.date | None,
    meeting: str | None,
    by: ByChoice = "field",
) -> None:
    parsed = load_valid(plan, day)
    from massnahmen.render.status import print_status
    from massnahmen.report import build_report

    counted_from = resolve(parsed, day, from_day, meeting, default_previous=False)
    print_status(build_report(parsed, day, counted_from), lang, by)


def register(app: typer.Typer) -> None:
    app.command()(status)
