"""`massnahmen remind`: one digest per owner of what is overdue, due soon or stale."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal, get_args

import typer

from massnahmen.cli.common import AS_OF_HELP, LANG_HELP, fail, load_valid, parse_date
from massnahmen.labels import Lang
from massnahmen.render.console import print_error
from massnahmen.render.reminders import FORMATS, Reminders

Format = Literal["text", "markdown", "json"]
assert set(get_args(Format)) == set(FORMATS), "--format choices follow the registry"


def remind(
    plan: Path = typer.Argument(..., metavar="PLAN", help="The plan file (TOML)."),
    owner: list[str] = typer.Option(
        [], "--owner", metavar="OWNER", help="Only this owner; repeat for more."
    ),
    within: int | None = typer.Option(
        None,
        "--within",
        min=0,
        metavar="DAYS",
        help="Due soon means within DAYS days (default: the plan's settings.due_soon_days).",
    ),
    format: Format = typer.Option("text", "--format", "-f", help="Output format."),
    out_dir: Path | None = typer.Option(
        None,
        "--out-dir",
        metavar="DIR",
        help="Write one file per owner into DIR (named by owner id) instead of to stdout.",
    ),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    lang: Lang = typer.Option("de", "--lang", help=LANG_HELP),
) -> None:
    """Remind each owner of their overdue, due-soon and stale measures (for a job to mail)."""
    from massnahmen.listing import unknown_ids
    from massnahmen.remind import build_digests, file_names, unowned_reminders, write_digests
    from massnahmen.state import PlanState

    day = parse_date(as_of)
    valid = load_valid(plan, day)
    problems = unknown_ids("owner", owner, [o.id for o in valid.owners])
    if problems:
        raise typer.BadParameter("; ".join(problems), param_hint="--owner")
    state = PlanState(valid, day)
    days = valid.settings.due_soon_days if within is None else within
    digests = build_digests(valid, state, days, owner)
    if not owner:
        for reminder in unowned_reminders(valid, state, days):
            why = ", ".join(reminder.reasons).replace("_", " ")
            print_error(f"massnahmen: {reminder.measure.id} is {why} but has no owner to remind")
    result = Reminders(str(plan), state, days, digests, lang)
    chosen = FORMATS[format]
    if out_dir is None:
        sys.stdout.write(chosen.all(result))
        return
    in_scope = [o for o in valid.owners if not owner or o.id in owner]
    names = file_names(in_scope, chosen.suffix)
    files = {names[d.owner.id]: chosen.one(result, d) for d in digests}
    done = {d.owner.id for d in digests}
    stale = [names[o.id] for o in in_scope if o.id not in done]
    try:
        written = write_digests(out_dir, files, stale)
    except OSError as exc:
        fail(f"{out_dir}: cannot write the reminders ({exc.strerror or exc})")
    sys.stdout.writelines(f"{path}\n" for path in written)


def register(app: typer.Typer) -> None:
    app.command()(remind)
