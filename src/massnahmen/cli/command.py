"""The command line's own classes: help and usage lines in the chosen language.

Typer's help speaks English and shows types (`PLAN <list[Path]>`, `{PLAN}...`); these classes
format the help themselves from the same parameters, with the German of words/help.py where the
language is German and words instead of types (`--deadline FRIST`, `--format text|json`).
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from massnahmen.errors import UsageProblem
from massnahmen.words import current_lang, label, say
from massnahmen.words.help import CHECK_SUMMARIES_DE, HELP_DE, METAVARS_DE


def text(english: str | None) -> str:
    """A help text in the current language (the English is its own message id)."""
    if not english:
        return ""
    return HELP_DE.get(english, english) if current_lang() == "de" else english


def metavar(param: Any) -> str:
    """What stands for the value of an option or argument: a word, never a type."""
    if param.metavar:
        given = str(param.metavar)
        return METAVARS_DE.get(given, given) if current_lang() == "de" else given
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None) if getattr(descriptor, "is_choice", 0) else None
    if choices:
        return "|".join(str(choice) for choice in choices)
    if param.param_type_name == "argument":
        return str(param.name).upper()
    if param.is_flag:
        return ""
    return label("cli.TEXT")


def _usage_piece(param: Any) -> str:
    shown = metavar(param)
    if param.nargs == -1 and not shown.endswith("ID"):
        return f"{shown}..." if param.required else f"[{shown}]..."
    return shown if param.required else f"[{shown}]"


def _option_record(param: Any) -> tuple[str, str]:
    names = ", ".join(sorted(param.opts + param.secondary_opts, key=len))
    shown = metavar(param)
    if shown:
        names += " " + shown
    extra = []
    if param.required:
        extra.append(label("cli.required"))
    default = param.default
    if param.show_default and default not in (None, False, [], ()) and not param.is_flag:
        extra.append(say("cli.default", value=getattr(default, "value", default)))
    help_text = text(param.help) if param.name != "help" else label("cli.help_option")
    return names, help_text + (f"  [{'; '.join(extra)}]" if extra else "")


class Command(TyperCommand):
    """A command whose help is in the chosen language, and whose core may say that an
    option's value cannot be used (UsageProblem) like the library's own usage errors."""

    def invoke(self, ctx: Any) -> Any:
        from massnahmen.cli.library import UsageError

        try:
            return super().invoke(ctx)
        except UsageProblem as exc:
            if exc.option is None:
                raise UsageError(exc.message, ctx=ctx) from None
            raise typer.BadParameter(exc.message, ctx=ctx, param_hint=exc.option) from None

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = [f"[{label('cli.OPTIONS')}]"]
        pieces += [_usage_piece(p) for p in self.get_params(ctx) if p.param_type_name == "argument"]
        formatter.write_usage(ctx.command_path, " ".join(pieces), label("cli.usage") + ": ")

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        _help_text(self, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = self.get_params(ctx)
        arguments = [
            (metavar(p), text(getattr(p, "help", None)))
            for p in params
            if p.param_type_name == "argument"
        ]
        options = [_option_record(p) for p in params if p.param_type_name == "option"]
        # every command's help lists the language, which `main` reads anywhere
        language = [p for p in ctx.find_root().command.params if p.name == "lang"]
        options[-1:-1] = [_option_record(p) for p in language]
        if arguments:
            with formatter.section(label("cli.arguments")):
                formatter.write_dl(arguments)
        if options:
            with formatter.section(label("cli.options")):
                formatter.write_dl(options)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        if self.name == "check":
            _check_codes(formatter)
        elif self.epilog:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text(self.epilog))


class Group(TyperGroup):
    """The commands, listed in the order they were added, with help in the chosen language."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        _help_text(self, formatter)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = f"[{label('cli.OPTIONS')}] {label('cli.COMMAND')} [{label('cli.ARGS')}]..."
        formatter.write_usage(ctx.command_path, pieces, label("cli.usage") + ": ")

    def format_options(self, ctx: Any, formatter: Any) -> None:
        options = [_option_record(p) for p in self.get_params(ctx)]
        with formatter.section(label("cli.options")):
            formatter.write_dl(options)
        rows = []
        for name in self.list_commands(ctx):
            command = self.commands[name]
            if not command.hidden:
                first = text(getattr(command, "help", None)).split("\n\n")[0]
                rows.append((name, first.replace("\n", " ")))
        if rows:
            with formatter.section(label("cli.commands")):
                formatter.write_dl(rows)


def _help_text(command: Any, formatter: Any) -> None:
    if command.help:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text(command.help))


def _check_codes(formatter: Any) -> None:
    """The codes of `check`, each with its severity and what it finds."""
    from massnahmen.checks import CHECKS

    german = current_lang() == "de"
    rows = []
    for check in CHECKS.values():
        summary = CHECK_SUMMARIES_DE.get(check.summary, check.summary) if german else check.summary
        rows.append((check.code, f"{label(f'cli.{check.severity}_severity'):<8} {summary}"))
    with formatter.section(label("cli.checks")):
        formatter.write_dl(rows)
