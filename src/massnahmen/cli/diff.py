"""`massnahmen diff`: what changed between two versions of a plan, files or git revisions."""

from __future__ import annotations

from typing import Literal, get_args

import typer

from massnahmen.cli.options import AS_OF_HELP, FORMAT_HELP, day
from massnahmen.render.diff import RENDERERS
from massnahmen.words import current_lang

NAME = "diff"
Format = Literal["text", "json"]
assert set(get_args(Format)) == set(RENDERERS), "--format's choices are the renderers"


def command(
    old: str = typer.Argument(
        ...,
        metavar="OLD",
        help="The earlier plan: a file, REV:path (e.g. HEAD~3:plan.toml), or a folder of plans.",
    ),
    new: str | None = typer.Argument(
        None, metavar="NEW", help="The later plan file, or a folder of plans."
    ),
    rev: str | None = typer.Option(
        None,
        "--rev",
        metavar="REV",
        help="Compare each plan (files or folders) with itself at this git revision.",
    ),
    format: Format = typer.Option("text", "--format", "-f", help=FORMAT_HELP),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
) -> int:
    """Show what changed between two versions of a plan (measures, updates, owners, fields).

    Two folders compare the plans of the same file name; --rev with a folder (or two plans)
    compares each plan with itself at that revision. The exit code is the worst of them.
    """
    lang = current_lang()
    from massnahmen.report.versions import diff_versions

    run = diff_versions(old, new, rev, day(as_of))
    RENDERERS[format](run, lang)
    return run.return_code()
