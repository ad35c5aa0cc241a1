"""`massnahmen status`: the plan's state in the terminal, for the officer's morning look."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Literal

import typer

from massnahmen.cli.options import (
    AS_OF_HELP,
    MEETING_HELP,
    PLANS_HELP,
    PORTFOLIO_HELP,
    SINCE_HELP,
    changes_from,
    day,
    discovered,
)
from massnahmen.run.plans import Reading, plan_paths, run_plans
from massnahmen.words import current_lang

NAME = "status"
ByChoice = Literal["field", "owner"]


def command(
    plans: list[Path] = typer.Argument(None, metavar="PLAN", help=PLANS_HELP, show_default=False),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
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
) -> int:
    """Show the plan's state: totals, fields of action, traffic lights, what needs action.

    Several plans (files, or folders of them) are shown one after the other, or compared with
    --portfolio; the exit code is the worst of them.
    """
    lang = current_lang()
    today, changes = day(as_of), changes_from(since, meeting, default_previous=False)
    paths = plan_paths(discovered(plans or []))
    if portfolio:
        from massnahmen.render.compare import report_compare
        from massnahmen.report.compare import summarise

        compared = run_plans(paths, Reading(today), partial(summarise, as_of=today), parallel=True)
        report_compare(compared, lang)
        return compared.return_code()
    from massnahmen.render.status import report_status
    from massnahmen.report import report_for

    run = run_plans(paths, Reading(today), partial(report_for, as_of=today, changes=changes))
    report_status(run, lang, by)
    return run.return_code()
