"""A progress bar on stderr for long work, shown only to a person at a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from massnahmen.render.console import stderr_console

Tick = Callable[[int], None]


def _ignore(steps: int) -> None:
    pass


@contextmanager
def progress_bar(description: str, total: int, *, at_least: int = 0) -> Iterator[Tick]:
    """Yields a function that advances the bar by some steps. Jobs, pipes and work of fewer than
    `at_least` steps get no bar (and pay nothing for it)."""
    if total < at_least or not sys.stderr.isatty():
        yield _ignore
        return
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TimeElapsedColumn

    columns = (BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
    with Progress(
        "{task.description}", *columns, console=stderr_console(), transient=True
    ) as progress:
        task = progress.add_task(description, total=total)
        yield lambda steps: progress.advance(task, steps)
