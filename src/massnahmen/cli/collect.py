"""`massnahmen collect`: returned request workbooks read back into the plan as updates."""

from __future__ import annotations

from pathlib import Path

import typer

from massnahmen.cli.options import DRY_RUN_HELP, EDIT_AS_OF_HELP, day, discovered
from massnahmen.errors import UsageProblem
from massnahmen.words import say

NAME = "collect"


def command(
    arguments: list[str] = typer.Argument(
        ...,
        metavar="[PLAN] FILE...",
        help="The plan file (default: as for every command) and the returned workbooks.",
        show_default=False,
    ),
    date: str | None = typer.Option(
        None, "--date", metavar="DATE", help="Date of the updates (31.12.2026); default today."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
    force: bool = typer.Option(
        False, "--force", help="Take answers for measures updated since the request, too."
    ),
    as_of: str | None = typer.Option(None, "--as-of", metavar="DATE", help=EDIT_AS_OF_HELP),
) -> int:
    """Read returned request workbooks into the plan: each filled row becomes an update.

    Invalid rows are named by file and cell and not written (exit 1); rows already
    collected are left alone; a measure updated since the request is a conflict unless
    --force. A workbook of another plan: exit 2, nothing written.
    """
    from massnahmen.render.collect import report_collected
    from massnahmen.render.problems import usable
    from massnahmen.request.answers import judge, once, read_returned, require_plan, with_force
    from massnahmen.request.collecting import collect_answers
    from massnahmen.request.record import record_answers
    from massnahmen.run.plans import Reading, keep_plan, plan_paths, run_plans

    today = day(as_of)
    on = today if date is None else day(date, "--date")
    if on > today:
        raise UsageProblem(say("collect.date_after_as_of"), "--date")
    plan, files = _plan_and_files(arguments)
    run = run_plans(plan_paths([plan]), Reading(today), keep_plan)
    for read in usable(run):
        returned = [read_returned(Path(file)) for file in files]
        for workbook in returned:
            require_plan(workbook, read)
        answers = once({r.file: judge(r, read, on, today) for r in returned})
        if force:
            answers = {file: with_force(rows) for file, rows in answers.items()}
        collected = collect_answers(plan, answers, as_of=today, dry_run=dry_run)
        if not dry_run:
            record_answers(plan, [r.ticket for r in returned], on)
        return report_collected(collected, dry_run=dry_run)
    return run.return_code()


def _plan_and_files(arguments: list[str]) -> tuple[Path, list[str]]:
    if arguments and arguments[0].lower().endswith(".toml"):
        plan, files = Path(arguments[0]), arguments[1:]
    else:
        plan, files = discovered([])[0], arguments
    if not files:
        raise UsageProblem(say("collect.no_files"), "FILE")
    return plan, files
