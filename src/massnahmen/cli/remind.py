"""`massnahmen remind`: one digest per owner of what is overdue, due soon or stale."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Literal, get_args

import typer

from massnahmen.cli.options import AS_OF_HELP, FORMAT_HELP, PLANS_HELP, day, days_of, discovered
from massnahmen.render.remind import FORMATS
from massnahmen.words import current_lang

NAME = "remind"
Format = Literal["text", "markdown", "json"]
assert set(get_args(Format)) == set(FORMATS), "--format's choices are the renderers"


def command(
    plans: list[Path] = typer.Argument(None, metavar="PLAN", help=PLANS_HELP, show_default=False),
    owner: list[str] = typer.Option(
        [], "--owner", metavar="OWNER", help="Only this owner; repeat for more."
    ),
    within: str | None = typer.Option(
        None,
        "--within",
        metavar="DAYS",
        help="Due soon means within DAYS days (default: the plan's settings.due_soon_days).",
    ),
    format: Format = typer.Option("text", "--format", "-f", help=FORMAT_HELP),
    out_dir: Path | None = typer.Option(
        None,
        "--out-dir",
        metavar="DIR",
        help="Write one file per owner into DIR (named by owner id) instead of to stdout; "
        "with several plans, into one folder per plan (named by its file) in DIR.",
    ),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
) -> int:
    """Remind each owner of their overdue, due-soon and stale measures (for a job to mail).

    Several plans (files, or folders of them) are each reminded of on their own; the exit code
    is the worst of them.
    """
    lang = current_lang()
    from massnahmen.render.remind import owner_texts, report_stdout, report_written
    from massnahmen.report.remind import remind_plan, write_reminders
    from massnahmen.report.select import require_known
    from massnahmen.run.plans import Reading, plan_paths, run_plans

    today = day(as_of)
    reminding = partial(remind_plan, as_of=today, within=days_of(within, "--within"), owners=owner)
    run = run_plans(plan_paths(discovered(plans or [])), Reading(today), reminding)
    require_known([r.state.plan for r in run.results], owners=owner)
    if out_dir is None:
        report_stdout(run, lang, format)
    else:
        texts = owner_texts(run, lang, format)
        suffix = FORMATS[format].suffix
        report_written(write_reminders(out_dir, texts, suffix, owner, several=run.several))
    return run.return_code()
