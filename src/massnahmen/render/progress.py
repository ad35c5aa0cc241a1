"""A progress bar on stderr for long work, shown only to a person at a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from massnahmen.render.console import stderr_console

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

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


class RowsBar:
    """A bar on stderr for reading rows, shown only once the work turns out to be large, and
    only to a person at a terminal."""

    def __init__(self, description: str, at_least: int) -> None:
        self._description, self._at_least = description, at_least
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    @property
    def update(self) -> Callable[[int, int | None], None] | None:
        """What to call with the rows done and the total (if known); None off a terminal."""
        return self._update if sys.stderr.isatty() else None

    def _update(self, done: int, total: int | None) -> None:
        if self._progress is None:
            if (total or done) < self._at_least:
                return
            from rich.progress import Progress

            self._progress = Progress(console=stderr_console(), transient=True)
            self._progress.start()
            self._task = self._progress.add_task(self._description, total=total)
        assert self._task is not None
        self._progress.update(self._task, completed=done)

    def __enter__(self) -> RowsBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
