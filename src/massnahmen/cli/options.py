"""What the commands' options share: their help, and reading their values."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from massnahmen.errors import UsageProblem

if TYPE_CHECKING:
    from massnahmen.edit import Change, Refusal
    from massnahmen.load import Loaded
    from massnahmen.model import Priority, Status
    from massnahmen.report.since import ChangesFrom
    from massnahmen.vocabulary import LightWord

T = TypeVar("T")

AS_OF_HELP = "Compute for this day (31.12.2026 or 2026-12-31); default today."
PLANS_HELP = (
    "Plan files (TOML), or folders: a folder stands for the *.toml files in it. Default: the "
    "plan MASSNAHMEN_PLAN names, or the only one in the current folder."
)
PLAN_HELP = (
    "The plan file (TOML); default: the one MASSNAHMEN_PLAN names, or the only one in the "
    "current folder."
)
FORMAT_HELP = "Output format."
SINCE_HELP = "Count changes from the end of this day (31.12.2026 or 2026-12-31)."
MEETING_HELP = (
    'Count changes from a committee meeting in the plan: "previous" (the last one before the '
    "as-of date) or its date."
)
PORTFOLIO_HELP = (
    "Compare the plans: per plan the totals, overdue measures, traffic lights and average "
    "progress, and each field of action (matched by name) side by side."
)
DRY_RUN_HELP = "Print the change as a diff and write nothing."
EDIT_AS_OF_HELP = "Check the edited plan as of this day (31.12.2026); default today."
DEADLINE_HELP = (
    'A date (30.06.2026), a period ("2026", "Ende 2026", "Q2 2026", "2. Hj. 2026", "06/2026"), '
    'one of the plan\'s horizons, or "laufend" (ongoing).'
)
STATUS_WORDS_HELP = (
    "geplant (default), in Umsetzung, erledigt, zurückgestellt, verworfen (or English)"
)


def read(reader: Callable[[str], T], value: str, option: str) -> T:
    """`value` read by one of the vocabulary's readers; its refusal (which proposes what it
    would have understood) as a usage problem of `option`."""
    from massnahmen.vocabulary import NotUnderstood

    try:
        return reader(value)
    except NotUnderstood as exc:
        raise UsageProblem(exc.message(), option) from None


def day(value: str | None, option: str = "--as-of") -> dt.date:
    """A day as the officer writes it (31.12.2026, 2026-12-31); today when not given."""
    from massnahmen.vocabulary import read_date

    return dt.date.today() if value is None else read(read_date, value, option)


def status_of(value: str | None, option: str = "--status") -> Status | None:
    """A status word (erledigt, in Umsetzung, done, in_progress), or None."""
    from massnahmen.vocabulary import read_status

    return None if value is None else read(read_status, value, option)


def priority_of(value: str | None, option: str = "--priority") -> Priority | None:
    """A priority word (hoch, mittel, niedrig, high, …), or None."""
    from massnahmen.vocabulary import read_priority

    return None if value is None else read(read_priority, value, option)


def amount_of(value: str | None, option: str = "--budget") -> float | None:
    """Euros as written in German or English (45.000, 45.000,50 €, 1,234.50); an ambiguous
    amount is refused with its readings, never guessed."""
    from massnahmen.vocabulary import read_amount

    return None if value is None else read(read_amount, value, option)


def progress_of(value: str | None, option: str = "--progress") -> int | None:
    """Per cent done, 0 to 100 (45, 45 %), or None."""
    from massnahmen.vocabulary import read_progress

    return None if value is None else read(read_progress, value, option)


def days_of(value: str | None, option: str) -> int | None:
    """A number of days (0 or more), or None."""
    if value is None:
        return None
    if not value.strip().isdigit():
        from massnahmen.words import say

        raise UsageProblem(say("cli.not_days", value=value), option)
    return int(value.strip())


def lights_of(values: list[str], option: str = "--light") -> list[LightWord]:
    """Traffic lights in either language (rot, gelb, grün, ohne Frist, red, …)."""
    from massnahmen.vocabulary import read_light

    return [read(read_light, value, option) for value in values]


def list_statuses_of(values: list[str], option: str = "--status") -> list[str]:
    """Statuses to list by, with `offen`/`open` and `abgeschlossen`/`closed` for their groups."""
    from massnahmen.vocabulary import read_status

    groups = {"open": "open", "offen": "open", "closed": "closed", "abgeschlossen": "closed"}
    return [groups.get(v.strip().lower()) or read(read_status, v, option) for v in values]


def assignments(values: list[str], option: str) -> list[tuple[str, str]]:
    """`ID=VALUE` given repeatedly (`--attribute personal=zusätzlich`), as (id, value) pairs."""
    from massnahmen.assignments import split_assignment

    try:
        return [split_assignment(value) for value in values]
    except ValueError as exc:
        raise UsageProblem(str(exc), option) from None


def discovered(plans: list[Path]) -> list[Path]:
    """The PLAN arguments, or where none is given the plan MASSNAHMEN_PLAN names or the only
    one in the current folder."""
    from massnahmen.run.plans import discover_plan

    return plans or [discover_plan(Path.cwd(), os.environ.get("MASSNAHMEN_PLAN"))]


def plan_and_id(arguments: list[str], expected: str = "[PLAN] ID") -> tuple[Path, str]:
    """`PLAN ID` or just `ID` (the plan found as `discovered` finds it): what a command on one
    measure was given."""
    if len(arguments) > 2:
        from massnahmen.words import say

        shown = " ".join(arguments[2:])
        raise UsageProblem(say("cli.too_many_arguments", arguments=shown, expected=expected))
    if len(arguments) == 2:
        return Path(arguments[0]), arguments[1]
    return discovered([])[0], arguments[0]


def require(**given: object) -> None:
    """A usage problem naming every required option that was not given, all at once:
    `require(**{"--field": field, "--title": title})`."""
    missing = [option for option, value in given.items() if value is None]
    if missing:
        from massnahmen.words import say

        raise UsageProblem(say("cli.missing_options", options=", ".join(missing)))


def edited(
    plan: Path | None,
    operation: Callable[[Loaded], Change | Refusal],
    as_of: str | None,
    dry_run: bool,
) -> int:
    """Runs an edit on the plan given (or found) and reports it; the exit code of what
    happened. The one path of add, add-field, add-owner and update."""
    from massnahmen.edit import edit_plan
    from massnahmen.render.edit import outcome_of, report_edit

    path = plan if plan is not None else discovered([])[0]
    result = edit_plan(path, operation, today=day(as_of), dry_run=dry_run)
    report_edit(result, dry_run=dry_run)
    return outcome_of(result).code()


def split_values(values: list[str]) -> list[str]:
    """Values given repeatedly or comma-separated: `--depends-on VW-01,VW-02`."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def changes_from(since: str | None, meeting: str | None, *, default_previous: bool) -> ChangesFrom:
    """What `--since` and `--meeting` ask for; a usage problem if both are given."""
    from massnahmen.report.since import ChangesFrom

    if since is not None and meeting is not None:
        from massnahmen.words import say

        raise UsageProblem(say("cli.since_or_meeting"), "--meeting")
    since_day = day(since, "--since") if since is not None else None
    return ChangesFrom(since_day, meeting, default_previous)
