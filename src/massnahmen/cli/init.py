"""`massnahmen init`: a new plan file from a template, valid from the start."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Literal

import typer

from massnahmen.cli.common import fail

TemplateChoice = Literal["empty", "county"]  # massnahmen.edit.templates.TEMPLATES


def init(
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
) -> None:
    """Write a new plan from a template (it passes `check`; comments guide you)."""
    from massnahmen.edit import EditError
    from massnahmen.edit.templates import template_text, write_new_plan

    text = template_text(template, authority=authority, title=title)
    try:
        write_new_plan(path, text, force=force, today=dt.date.today())
    except EditError as exc:
        fail(str(exc))
    sys.stdout.write(f"{path}: new plan from the {template} template\n")


def register(app: typer.Typer) -> None:
    app.command()(init)
