"""`massnahmen show`: one measure with its deadlines, dependencies and history."""

from __future__ import annotations

from pathlib import Path

import typer

from massnahmen.cli.options import AS_OF_HELP, PLANS_HELP, day, discovered
from massnahmen.words import current_lang

NAME = "show"


def command(
    plans: list[Path] = typer.Argument(None, metavar="PLAN", help=PLANS_HELP, show_default=False),
    measure_id: str = typer.Argument(..., metavar="ID", help="The measure, e.g. VW-02."),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
) -> int:
    """Show one measure with its deadlines, dependencies and history.

    Several plans (files, or folders of them) show the measure of that id in each plan that has
    it, under the plan's path; the exit code is the worst of them.
    """
    lang = current_lang()
    from massnahmen.render.show import report_show
    from massnahmen.report.lookup import find_measure
    from massnahmen.run.plans import plan_paths

    # one word only went to ID: the plan is the one of the folder or MASSNAHMEN_PLAN
    run = find_measure(plan_paths(discovered(plans or [])), measure_id, day(as_of))
    report_show(run, lang)
    return run.return_code()
