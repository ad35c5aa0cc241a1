"""`massnahmen publish`: the public progress page, a static website written into a folder."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import typer

from massnahmen.cli.options import AS_OF_HELP, PLAN_HELP, day, discovered
from massnahmen.errors import UsageProblem
from massnahmen.words import current_lang, say

NAME = "publish"


def command(
    plans: list[Path] = typer.Argument(None, metavar="PLAN", help=PLAN_HELP, show_default=False),
    output: Path = typer.Option(
        ...,
        "--output",
        "-o",
        metavar="DIR",
        help="The site's folder: new, empty, or written by publish before.",
    ),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
) -> int:
    """Write the public progress page: a static, accessible, self-contained website.

    DIR/index.html shows the plan, its fields of action and totals; a page per field of action
    and per measure follows, with one stylesheet. The plan's [publish] table decides what is
    shown; e-mail addresses never are.
    """
    lang = current_lang()
    from massnahmen.bulk import paused_gc
    from massnahmen.publish import locate, prepare_site
    from massnahmen.publish.folder import write_site
    from massnahmen.render.problems import usable
    from massnahmen.render.site import report_published, report_refused, site_files
    from massnahmen.run.outcome import EXIT_FINDINGS
    from massnahmen.run.plans import Reading, plan_paths, run_plans

    today = day(as_of)
    paths = plan_paths(discovered(plans or []))
    if paths.several:
        raise UsageProblem(say("msg.one_plan_to_publish"), "PLAN")
    refused = False
    with paused_gc():  # no cycles among the pages; -10 % CPU on 10,000 measures
        run = run_plans(paths, Reading(today), partial(prepare_site, as_of=today))
        for prepared in usable(run):
            if prepared.site is None:
                report_refused(paths.paths[0], locate(prepared.problems, paths.paths[0]))
                refused = True
                continue
            written, removed = write_site(output, site_files(prepared.site, lang))
            report_published(output, prepared.site, written, removed)
    return max(run.return_code(), EXIT_FINDINGS if refused else 0)
