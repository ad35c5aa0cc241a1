"""The command line: thin Typer functions that gather options, call the core and render.

Each command returns its exit code; `main` alone turns what happened into the process's exit
status: a command's code, 2 for a usage error or anything the core says it cannot run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from massnahmen import __version__
from massnahmen.cli.library import ClickException
from massnahmen.errors import CannotRun, UsageProblem
from massnahmen.words import LANGS, Lang, language, say

LANG_HELP = (
    "Language of everything the tool says: de (default) or en; also MASSNAHMEN_LANG. "
    "May stand anywhere on the command line."
)

EXIT_FAILURE = 2


class Command(TyperCommand):
    """A command whose core may say that an option's value cannot be used."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageProblem as exc:
            raise typer.BadParameter(exc.message, ctx=ctx, param_hint=exc.option) from None

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """The command's options and, before --help, the language that `main` reads anywhere
        on the command line (so that every command's help shows it)."""
        self.showing_help = True
        try:
            super().format_options(ctx, formatter)
        finally:
            self.showing_help = False

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        if not getattr(self, "showing_help", False):
            return params
        *options, help_option = params
        language = [param for param in ctx.find_root().command.params if param.name == "lang"]
        return [*options, *language, help_option]


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
    lang: str = typer.Option("de", "--lang", help=LANG_HELP, metavar="de|en"),
) -> None:
    """Keeps a municipality's measure plan (Maßnahmenplan) honest: check, status, workbook."""


def _register() -> None:
    from massnahmen.cli import (
        add,
        add_field,
        add_owner,
        check,
        collect,
        diff,
        export,
        import_,
        init,
        list_,
        publish,
        remind,
        request,
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
        add_field,
        add_owner,
        update,
        diff,
        remind,
        request,
        collect,
        export,
        publish,
        import_,
        schema,
    ):
        epilog = getattr(module, "EPILOG", None)
        app.command(module.NAME, cls=Command, epilog=epilog)(module.command)


_register()


def main(args: Sequence[str] | None = None) -> int:
    """Runs the command line on `args` (default: the process's) and returns the exit code, in
    the language the arguments or `MASSNAHMEN_LANG` ask for."""

    arguments = sys.argv[1:] if args is None else list(args)
    try:
        lang, arguments = chosen_language(arguments, os.environ.get("MASSNAHMEN_LANG"))
    except CannotRun as exc:
        from massnahmen.render.console import print_error

        print_error(f"massnahmen: {exc}")
        return EXIT_FAILURE
    with language(lang):
        return _main(arguments)


def chosen_language(arguments: list[str], environment: str | None) -> tuple[Lang, list[str]]:
    """The language asked for by `--lang X` / `--lang=X` anywhere on the command line (the last
    wins), else by the
    environment, else German; and the arguments without it."""
    lang: Lang = "de" if environment not in LANGS else environment
    rest: list[str] = []
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        if argument == "--":
            rest.extend(arguments[index:])
            break
        value = None
        if argument == "--lang" and index + 1 < len(arguments):
            value, index = arguments[index + 1], index + 2
        elif argument.startswith("--lang="):
            value, index = argument.removeprefix("--lang="), index + 1
        else:
            rest.append(argument)
            index += 1
            continue
        if value not in LANGS:
            raise CannotRun(say("cli.unknown_language", value=value))
        lang = value
    return lang, rest


def _main(arguments: list[str]) -> int:
    from massnahmen.render.console import print_error

    command = typer.main.get_command(app)
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
