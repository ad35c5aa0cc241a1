"""`massnahmen export`: the committee workbook (.xlsx), written atomically."""

from __future__ import annotations

import dataclasses
from functools import partial
from pathlib import Path

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
from massnahmen.errors import UsageProblem
from massnahmen.words import current_lang, say

NAME = "export"


def command(
    plans: list[Path] = typer.Argument(None, metavar="PLAN", help=PLANS_HELP, show_default=False),
    output: Path = typer.Option(
        ...,
        "--output",
        "-o",
        metavar="FILE.xlsx",
        help="The workbook to write; its folder is created if missing.",
    ),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    since: str | None = typer.Option(
        None, "--since", help=SINCE_HELP + " Default: the previous meeting.", metavar="DATE"
    ),
    meeting: str | None = typer.Option(
        None, "--meeting", help=MEETING_HELP, metavar="previous|DATE"
    ),
    portfolio: bool = typer.Option(False, "--portfolio", help=PORTFOLIO_HELP),
) -> int:
    """Write the committee workbook: summary, measures, action needed, changes, owners.

    With --portfolio, one workbook that compares several plans (files, or folders of them).
    """
    lang = current_lang()
    from massnahmen.files import check_writable, write_output
    from massnahmen.run.plans import Reading, plan_paths, run_plans

    today, changes = day(as_of), changes_from(since, meeting, default_previous=True)
    if output.suffix.lower() != ".xlsx":
        raise UsageProblem(say("msg.not_xlsx", output=output), "--output")
    paths = plan_paths(discovered(plans or []))
    if paths.several and not portfolio:
        raise UsageProblem(say("msg.portfolio_needed"), "PLAN")
    check_writable(output)
    if portfolio:
        from massnahmen.render.compare import compare_workbook
        from massnahmen.render.workbook import report_compared
        from massnahmen.report.compare import summarise

        compared = run_plans(paths, Reading(today), partial(summarise, as_of=today), parallel=True)
        write_output(output, compare_workbook(compared, lang))
        report_compared(output, compared)
        return compared.return_code()
    from massnahmen.render.problems import usable
    from massnahmen.render.workbook import export_bytes, report_exported
    from massnahmen.report import report_for
    from massnahmen.request.record import unanswered

    run = run_plans(paths, Reading(today), partial(report_for, as_of=today, changes=changes))
    for report in usable(run):
        waiting = tuple(asked.owner for asked in unanswered(paths.paths[0]))
        report = dataclasses.replace(report, unanswered=waiting)
        write_output(output, export_bytes(report, lang))
        report_exported(output, report)
    return run.return_code()
