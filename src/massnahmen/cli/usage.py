"""The command line library's usage errors, said in the chosen language.

Click words its errors in English inside the exceptions (`Missing option '--field'.`, `No such
option: --x`, `Try 'massnahmen add -h' for help.`); this module says the same from what the
exception carries: which option, which argument, which words were given.
"""

from __future__ import annotations

from typing import Any

from massnahmen.cli.library import library_exceptions as errors
from massnahmen.sanitize import printable_lines
from massnahmen.words import label, say


def usage_error_text(exc: Any) -> str:
    """The lines to print for a usage error of the library: the usage, how to get help, and
    the error itself."""
    lines = []
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        lines += [ctx.get_usage(), say("cli.try_help", command=ctx.command_path), ""]
    lines.append(f"{label('cli.error')}: {_message(exc)}")
    return printable_lines("\n".join(lines))


def _hint(exc: Any) -> str:
    if exc.param_hint is not None:
        hint = exc.param_hint
        return " / ".join(hint) if isinstance(hint, list | tuple) else str(hint)
    if exc.param is not None:
        from massnahmen.cli.command import metavar

        if exc.param.param_type_name == "argument":
            return metavar(exc.param)
        return " / ".join(exc.param.opts)
    return ""


def _message(exc: Any) -> str:
    if isinstance(exc, errors.MissingParameter):
        hint = _hint(exc)
        if exc.param is not None and exc.param.param_type_name == "argument":
            return say("cli.missing_argument", argument=hint)
        return say("cli.missing_option", option=hint)
    if isinstance(exc, errors.BadParameter):
        return say("cli.bad_value", option=_hint(exc), reason=_reason(exc))
    if isinstance(exc, errors.NoSuchOption):
        text = say("cli.no_such_option", option=exc.option_name)
        if exc.possibilities:
            text += "; " + say("cli.did_you_mean", options=", ".join(sorted(exc.possibilities)))
        return text
    if isinstance(exc, errors.BadOptionUsage) and "requires an argument" in exc.message:
        return say("cli.needs_value", option=exc.option_name)
    message = str(exc.message)
    if message.startswith("Got unexpected extra argument"):
        given = message[message.find("(") + 1 : message.rfind(")")]
        return say("cli.extra_arguments", arguments=given)
    if message.startswith("No such command"):
        name = message.split("'")[1] if message.count("'") >= 2 else message
        text = say("cli.no_such_command", command=name)
        if "Did you mean" in message:
            proposals = message.split("Did you mean", 1)[1].strip(" ?").replace("'", "")
            text += "; " + say("cli.did_you_mean", options=proposals)
        return text
    return message


def _reason(exc: Any) -> str:
    """Why a value was refused: ours as we said it; the library's own type checks reworded."""
    message = str(exc.message)
    if " is not one of " in message or " is not a valid " in message:
        given = message.split("'")[1] if message.count("'") >= 2 else message
        if " is not one of " in message:
            choices = message.split(" is not one of ", 1)[1].rstrip(".").replace("'", "")
            return say("cli.not_a_choice", value=given, choices=choices)
        return say("cli.not_a_number", value=given)
    return message
