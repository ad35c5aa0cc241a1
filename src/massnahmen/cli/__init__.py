"""The command line: thin Typer functions that gather options, call the core and render.

Each command returns its exit code; `main` alone turns what happened into the process's exit
status: a command's code, 2 for a usage error or anything the core says it cannot run.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from massnahmen import __version__
from massnahmen.cli.library import ClickException
from massnahmen.errors import CannotRun, UsageProblem

EXIT_FAILURE = 2


class Command(TyperCommand):
    """A command whose core may say that an option's value cannot be used."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageProblem as exc:
            raise typer.BadParameter(exc.message, ctx=ctx, param_hint=exc.option) from None


class Group(TyperGroup):
    """The commands, listed in the order they were added."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)


app = typer.Typer(
    name="massnahmen",
    help="Keeps a municipality's measure plan (Maßnahmenplan) honest.",
    cls=Group,
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


def _register() -> None:
    from massnahmen.cli import (
        add,
        check,
        diff,
        export,
        import_,
        init,
        list_,
        publish,
        remind,
        schema,
        show,
        status,
        update,
    )

    for module in (
        init,
        check,
        status,
        show,
        list_,
        add,
        update,
        diff,
        remind,
        export,
        publish,
        import_,
        schema,
    ):
        epilog = getattr(module, "EPILOG", None)
        app.command(module.NAME, cls=Command, epilog=epilog)(module.command)


_register()


def main(args: Sequence[str] | None = None) -> int:
    """Runs the command line on `args` (default: the process's) and returns the exit code."""
    from massnahmen.render.console import print_error

    command = typer.main.get_command(app)
    arguments = sys.argv[1:] if args is None else list(args)
    try:
        code = command.main(arguments, prog_name="massnahmen", standalone_mode=False)
    except typer.Abort:
        print_error("Aborted!")
        return 1
    except CannotRun as exc:
        from massnahmen.sanitize import printable_lines

        print_error(printable_lines(f"massnahmen: {exc}"))
        return EXIT_FAILURE
    except ClickException as exc:  # the command line library's own usage errors
        exc.show()
        return exc.exit_code
    return code if isinstance(code, int) else 0
