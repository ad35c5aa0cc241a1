"""When a command cannot do what was asked: one line on stderr and exit 2.

User-data problems inside a plan are findings (`Diagnostic`), reported together; these are for
what stops a command outright: a file that cannot be read or written, a usage mistake. They are
raised in the core and turned into the exit code in one place, the command line's entry.
"""

from __future__ import annotations


class CannotRun(Exception):
    """The command cannot run: the message is the one line a person reads (exit 2)."""


class UsageProblem(CannotRun):
    """An option's value cannot be used: shown like the command line's own usage errors."""

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.option = option
