"""`massnahmen status`: the plan's state in the terminal, for the officer's morning look."""

from __future__ import annotations

from pathlib import Path

import typer

from massnahmen.cli.common import AS_OF_HELP, LANG_HELP, load_valid, parse_date
from massnahmen.cli.reporting import MEETING_HELP, SINCE_HELP, resolve, since_day
from massnahmen.labels import Lang


def status(
    plan: Path = typer.Argument(..., metavar="PLAN", help="The plan file (TOML)."),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    lang: Lang = typer.Option("de", "--lang", help=LANG_HELP),
    since: str | None = typer.Option(None, "--since", help=SINCE_HELP, metavar="DATE"),
    meeting: str | None = typer.Option(
        None, "--meeting", help=MEETING_HELP, metavar="previous|DATE"
    ),
) -> None:
    """Show the plan's state: totals, fields of action, traffic lights, what needs action."""
    day = parse_date(as_of)
    from_day = since_day(since, meeting)
    parsed = load_valid(plan, day)[1]  # the file's text and raw data can go
    from massnahmen.render.status import print_status
    from massnahmen.report import build_report

    counted_from = resolve(parsed, day, from_day, meeting, default_previous=False)
    print_status(build_report(parsed, day, counted_from), lang)


def register(app: typer.Typer) -> None:
    app.command()(status)
