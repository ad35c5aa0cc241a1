"""`massnahmen remind`: one digest per owner of what is overdue, due soon or stale."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

import typer

from massnahmen.cli.common import (
    AS_OF_HELP,
    LANG_HELP,
    PLANS_HELP,
    Failed,
    expand_plans,
    fail,
    is_portfolio,
    load_reportable,
    load_valid,
    parse_date,
    worst_code,
)
from massnahmen.render.console import print_error
from massnahmen.render.remind import FORMATS, ReminderFormat, Reminders
from massnahmen.words import Lang

if TYPE_CHECKING:
    from massnahmen.model import Plan

Format = Literal["text", "markdown", "json"]
assert set(get_args(Format)) == set(FORMATS), "--format choices follow the registry"


def remind(
    plans: list[Path] = typer.Argument(..., metavar="PLAN", help=PLANS_HELP),
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
        help="Write one file per owner into DIR (named by owner id) instead of to stdout; "
        "with several plans, into one folder per plan (named by its file) in DIR.",
    ),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    lang: Lang = typer.Option("de", "--lang", help=LANG_HELP),
) -> None:
    """Remind each owner of their overdue, due-soon and stale measures (for a job to mail).

    Several plans (files, or folders of them) are each reminded of on their own; the exit code
    is the worst of them.
    """
    day = parse_date(as_of)
    chosen = FORMATS[format]
    if not is_portfolio(plans):
        valid = load_valid(plans[0], day)
        _known_owners(owner, [valid])
        result = _reminders(plans[0], valid, day, within, owner, lang, several=False)
        if out_dir is None:
            sys.stdout.write(chosen.all(result))
        else:
            _write(out_dir, [(out_dir, result)], owner, chosen)
        return
    found = [(path, load_reportable(path, day)) for path in expand_plans(plans)]
    _known_owners(owner, [plan for _, plan in found if not isinstance(plan, Failed)])
    results: list[Reminders | Failed] = [
        plan
        if isinstance(plan, Failed)
        else _reminders(path, plan, day, within, owner, lang, several=True)
        for path, plan in found
    ]
    if out_dir is None:
        sys.stdout.write(chosen.several(day, results))
    else:
        from massnahmen.report.remind import plan_folders

        reminded = [r for r in results if isinstance(r, Reminders)]
        folders = plan_folders([r.plan for r in reminded])
        _write(out_dir, [(out_dir / folders[r.plan], r) for r in reminded], owner, chosen)
    raise typer.Exit(worst_code(results))


def _known_owners(owner: list[str], plans: list[Plan]) -> None:
    """Exit 2 for an --owner that none of the plans has (a typo, most likely)."""
    from massnahmen.report.select import unknown_ids

    if not plans:
        return
    where = "in the plan" if len(plans) == 1 else "in any of the plans"
    known = list(dict.fromkeys(o.id for plan in plans for o in plan.owners))
    problems = unknown_ids("owner", owner, known, where)
    if problems:
        raise typer.BadParameter("; ".join(problems), param_hint="--owner")


def _reminders(
    path: Path,
    plan: Plan,
    day: dt.date,
    within: int | None,
    owner: list[str],
    lang: Lang,
    *,
    several: bool,
) -> Reminders:
    """One plan's digests; the measures that would need a reminder but have no owner on stderr."""
    from massnahmen.report.remind import build_digests, unowned_reminders
    from massnahmen.report.state import PlanState

    state = PlanState(plan, day)
    days = plan.settings.due_soon_days if within is None else within
    digests = build_digests(plan, state, days, owner)
    if not owner:
        where = f"{path}: " if several else ""
        for reminder in unowned_reminders(plan, state, days):
            why = ", ".join(reminder.reasons).replace("_", " ")
            print_error(
                f"massnahmen: {where}{reminder.measure.id} is {why} but has no owner to remind"
            )
    return Reminders(str(path), state, days, digests, lang)


def _write(
    out_dir: Path,
    plans: list[tuple[Path, Reminders]],
    owner: list[str],
    chosen: ReminderFormat,
) -> None:
    """Each plan's files into its folder, the stale ones removed; the paths written on stdout."""
    from massnahmen.report.remind import file_names, write_digests

    for folder, result in plans:
        in_scope = [o for o in result.state.plan.owners if not owner or o.id in owner]
        names = file_names(in_scope, chosen.suffix)
        files = {names[d.owner.id]: chosen.one(result, d) for d in result.digests}
        done = {d.owner.id for d in result.digests}
        stale = [names[o.id] for o in in_scope if o.id not in done]
        try:
            written = write_digests(folder, files, stale)
        except OSError as exc:
            fail(f"{out_dir}: cannot write the reminders ({exc.strerror or exc})")
        sys.stdout.writelines(f"{path}\n" for path in written)


def register(app: typer.Typer) -> None:
    app.command()(remind)
