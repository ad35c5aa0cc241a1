"""The command line: thin Typer functions that gather options, call the core and render."""

from __future__ import annotations

import typer

from massnahmen import __version__
from massnahmen.cli import (
    add,
    check,
    diff,
    export,
    import_,
    init,
    publish,
    remind,
    schema,
    show,
    status,
    update,
)
from massnahmen.cli import list as list_command

app = typer.Typer(
    name="massnahmen",
    help="Keeps a municipality's measure plan (Maßnahmenplan) honest.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"massnahmen {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Keeps a municipality's measure plan (Maßnahmenplan) honest: check, status, workbook."""


for module in (
    init,
    check,
    status,
    show,
    list_command,
    add,
    update,
    diff,
    remind,
    export,
    publish,
    import_,
    schema,
):
    module.register(app)


def main() -> None:
    app()
