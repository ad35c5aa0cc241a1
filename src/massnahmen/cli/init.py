"""`massnahmen init`: a new plan file from a template, valid from the start."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

import typer

NAME = "init"
TemplateChoice = Literal["empty", "county"]  # massnahmen.edit.templates.TEMPLATES


def command(
    path: Path = typer.Argument(..., metavar="PATH", help="The plan file to write."),
    template: TemplateChoice = typer.Option(
        "empty",
        "--template",
        help="empty: the structure with examples in comments; "
        "county: the ten fields of action of a county strategy.",
    ),
    authority: str | None = typer.Option(
        None, "--authority", metavar="NAME", help='The municipality, e.g. "Gemeinde Musterdorf".'
    ),
    title: str | None = typer.Option(None, "--title", help="The title of the strategy."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> int:
    """Write a new plan from a template (it passes `check`; comments guide you)."""
    from massnahmen.edit.templates import template_text, write_new_plan
    from massnahmen.render.edit import report_new_plan

    text = template_text(template, authority=authority, title=title)
    write_new_plan(path, text, force=force, today=dt.date.today())
    report_new_plan(path, template)
    return 0
