"""Terminal output: colour only on a terminal, NO_COLOR honoured, no wrapping of long lines.

rich is loaded only when colour is wanted; jobs and pipes get plain lines without paying for it.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def wants_colour(stream: TextIO) -> bool:
    """Colour on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def stdout_console() -> Console:
    from rich.console import Console  # rich.console costs start-up time; load it when used

    return Console(highlight=False, soft_wrap=True)


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_error(line: str) -> None:
    """A plain line on stderr, escaped: file names and plan text in a message cannot reach the
    terminal as control characters (the message's own line breaks stay)."""
    from massnahmen.sanitize import printable

    sys.stderr.write(printable(line, lines=True) + "\n")
