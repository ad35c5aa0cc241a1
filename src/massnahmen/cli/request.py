"""`massnahmen request`: the status request, one fill-in workbook per owner (and a mail)."""

from __future__ import annotations

from pathlib import Path

import typer

from massnahmen.cli.options import AS_OF_HELP, PLAN_HELP, day, discovered
from massnahmen.words import current_lang

NAME = "request"


def command(
    plan: Path = typer.Argument(None, metavar="PLAN", help=PLAN_HELP, show_default=False),
    out_dir: Path = typer.Option(
        ...,
        "--out-dir",
        metavar="DIR",
        help="Write one workbook per owner into DIR (named by owner id; created if missing).",
    ),
    owner: list[str] = typer.Option(
        [], "--owner", metavar="OWNER", help="Only this owner; repeat for more."
    ),
    sub_units: bool = typer.Option(
        False, "--sub-units", help="Ask each unit for its sub-units' measures too."
    ),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    reply_by: str | None = typer.Option(
        None,
        "--reply-by",
        metavar="DATE",
        help="Answer deadline (default: the day before the next meeting, else in two weeks).",
    ),
    eml: bool = typer.Option(
        False,
        "--eml",
        help="Also write a complete mail per owner (.eml, the workbook attached) beside it.",
    ),
) -> int:
    """Write the status request: per owner with open measures a workbook to fill in.

    Each workbook lists the owner's open measures (with their open milestones and
    indicators); collect reads the answers back into the plan. The tool never sends mail.
    """
    from massnahmen.render.problems import report_problems
    from massnahmen.render.request_report import report_requests, request_files
    from massnahmen.report.select import require_known
    from massnahmen.request.asking import ask_plan
    from massnahmen.request.record import record_requests
    from massnahmen.request.writing import request_file_name, write_requests
    from massnahmen.run.plans import Reading, keep_plan, plan_paths, run_plans

    today = day(as_of)
    due = None if reply_by is None else day(reply_by, "--reply-by")
    run = run_plans(plan_paths(discovered([plan] if plan else [])), Reading(today), keep_plan)
    require_known(run.results, owners=owner)
    for outcome in run:
        read = outcome.result
        if read is None or not outcome.ok:
            report_problems(outcome)
            continue
        askings = ask_plan(read, today, due, owner, sub_units=sub_units)
        written = write_requests(out_dir, request_files(askings, current_lang(), eml=eml))
        by_name = {path.name: path for path in written}
        tickets = [(a.ticket, by_name[request_file_name(read, a.owner.id)]) for a in askings]
        record_requests(Path(outcome.plan), tickets)
        report_requests(askings, written)
    return run.return_code()
