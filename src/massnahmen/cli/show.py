"""`massnahmen show`: one measure with its deadlines, dependencies and history."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from massnahmen.cli.common import (
    AS_OF_HELP,
    EXIT_FAILURE,
    EXIT_FINDINGS,
    LANG_HELP,
    PLANS_HELP,
    expand_plans,
    fail,
    is_portfolio,
    parse_date,
)
from massnahmen.render.console import print_error
from massnahmen.words import Lang

if TYPE_CHECKING:
    import datetime as dt

    from massnahmen.model import Plan


def show(
    plans: list[Path] = typer.Argument(None, metavar="PLAN", help=PLANS_HELP, show_default=False),
    measure_id: str = typer.Argument(..., metavar="ID", help="The measure, e.g. VW-02."),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    lang: Lang = typer.Option("de", "--lang", help=LANG_HELP),
) -> None:
    """Show one measure with its deadlines, dependencies and history.

    Several plans (files, or folders of them) show the measure of that id in each plan that has
    it, under the plan's path; the exit code is the worst of them.
    """
    from massnahmen.diagnostics import did_you_mean
    from massnahmen.render.show import print_measure
    from massnahmen.report.state import PlanState

    if not plans:  # one word only: it went to ID, and the plan or the id is missing
        fail(f"give the plan and the measure's id: massnahmen show PLAN ID (got only {measure_id})")
    day = parse_date(as_of)
    several = is_portfolio(plans)
    paths = expand_plans(plans) if several else plans
    worst, shown, read = 0, 0, 0
    ids: dict[str, None] = {}  # of the plans without the measure, for a hint
    for path in paths:
        plan, code = _plan(path, day, several)
        worst = max(worst, code)
        if plan is None:
            continue
        read += 1
        state = PlanState(plan, day)
        measure = state.by_id.get(measure_id)
        if measure is None:
            ids.update(dict.fromkeys(state.by_id))
            continue
        if shown:
            print()
        print_measure(plan, state, measure, lang, heading=str(path) if several else None)
        shown += 1
    if read and not shown:
        hint = did_you_mean(measure_id, ids)
        if several:
            message = f"no measure {measure_id} in any of the {read} plans read{hint}"
        else:
            message = f"{paths[0]}: no measure {measure_id}{hint}"
        if worst == 0:
            fail(message)
        print_error(f"massnahmen: {message}")
    raise typer.Exit(worst)


def _plan(path: Path, day: dt.date, several: bool) -> tuple[Plan | None, int]:
    """The plan at `path` and 0; or None and the exit code, after saying why on stderr.

    A plan whose checks find errors is still shown (the measure may be what needs fixing); only
    a plan that cannot be built is refused.
    """
    from massnahmen.load import PlanFileError, load_plan

    try:
        loaded = load_plan(path)
    except PlanFileError as exc:
        if not several:
            fail(str(exc))
        print_error(f"massnahmen: {exc}")
        return None, EXIT_FAILURE
    if loaded.plan is None:
        for diagnostic in loaded.diagnostics:
            print_error(diagnostic.format())
        print_error(f"{path}: invalid plan, fix the errors above first")
        return None, EXIT_FINDINGS
    return loaded.plan, 0


def register(app: typer.Typer) -> None:
    app.command()(show)
