"""What the commands' options share: their help, and reading their values."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from massnahmen.errors import UsageProblem

if TYPE_CHECKING:
    from massnahmen.report.since import ChangesFrom

AS_OF_HELP = "Compute for this day (YYYY-MM-DD); default today."
PLANS_HELP = "Plan files (TOML), or folders: a folder stands for the *.toml files in it."
FORMAT_HELP = "Output format."
SINCE_HELP = "Count changes from the end of this day (YYYY-MM-DD)."
MEETING_HELP = (
    'Count changes from a committee meeting in the plan: "previous" (the last one before the '
    "as-of date) or its date."
)
PORTFOLIO_HELP = (
    "Compare the plans: per plan the totals, overdue measures, traffic lights and average "
    "progress, and each field of action (matched by name) side by side."
)
DRY_RUN_HELP = "Print the change as a diff and write nothing."
EDIT_AS_OF_HELP = "Check the edited plan as of this day (YYYY-MM-DD); default today."
DEADLINE_HELP = (
    'A date (2026-06-30), a period ("2026", "2026-H1", "2026-Q2", "2026-06") or "ongoing".'
)


def day(value: str | None, option: str = "--as-of") -> dt.date:
    """An ISO date given on the command line (today when not given)."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageProblem(f'"{value}" is not a date (YYYY-MM-DD)', option) from None


def assignments(values: list[str], option: str) -> list[tuple[str, str]]:
    """`ID=VALUE` given repeatedly (`--attribute personal=zusätzlich`), as (id, value) pairs."""
    from massnahmen.assignments import split_assignment

    try:
        return [split_assignment(value) for value in values]
    except ValueError as exc:
        raise UsageProblem(str(exc), option) from None


def split_values(values: list[str]) -> list[str]:
    """Values given repeatedly or comma-separated: `--depends-on VW-01,VW-02`."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def changes_from(since: str | None, meeting: str | None, *, default_previous: bool) -> ChangesFrom:
    """What `--since` and `--meeting` ask for; a usage problem if both are given."""
    from massnahmen.report.since import ChangesFrom

    if since is not None and meeting is not None:
        raise UsageProblem("give --since or --meeting, not both", "--meeting")
    since_day = day(since, "--since") if since is not None else None
    return ChangesFrom(since_day, meeting, default_previous)


# The choices of the model, spelled out here so that `--help` does not load pydantic
# (tests/test_edit_show.py keeps them equal to massnahmen.model).
StatusChoice = Literal["planned", "in_progress", "done", "on_hold", "cancelled"]
PriorityChoice = Literal["high", "medium", "low"]
