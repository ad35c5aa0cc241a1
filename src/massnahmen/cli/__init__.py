"""The command line: thin Typer functions that gather options, call the core and render.

Each command returns its exit code; `main` alone turns what happened into the process's exit
status: a command's code, 2 for a usage error or anything the core says it cannot run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import typer

from massnahmen import __version__
from massnahmen.cli.command import Command, Group
from massnahmen.cli.library import ClickException, NoArgsIsHelpError, UsageError
from massnahmen.errors import CannotRun
from massnahmen.words import LANGS, Lang, language, say

LANG_HELP = (
    "Language of everything the tool says: de (default) or en; also MASSNAHMEN_LANG. "
    "May stand anywhere on the command line."
)

EXIT_FAILURE = 2


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
        app.command(module.NAME, cls=Command)(module.command)


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
        print_error(say("cli.aborted"))
        return 1
    except CannotRun as exc:
        from massnahmen.sanitize import printable_lines

        print_error(printable_lines(f"massnahmen: {exc}"))
        return EXIT_FAILURE
    except NoArgsIsHelpError as exc:  # `massnahmen` alone: the help
        exc.show()
        return exc.exit_code
    except UsageError as exc:  # the command line library's own usage errors
        from massnahmen.cli.usage import usage_error_text

        print_error(usage_error_text(exc))
        return exc.exit_code
    except ClickException as exc:
        exc.show()
        return exc.exit_code
    return code if isinstance(code, int) else 0
