"""Options that `status` and `export` share: language, and the day changes are counted from."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import typer

from massnahmen.cli.common import fail, parse_date

if TYPE_CHECKING:
    from massnahmen.model import Plan
    from massnahmen.report import Since

SINCE_HELP = "Count changes from the end of this day (YYYY-MM-DD)."
MEETING_HELP = (
    'Count changes from a committee meeting in the plan: "previous" (the last one before the '
    "as-of date) or its date."
)


def since_day(since: str | None, meeting: str | None) -> dt.date | None:
    """The --since date; a usage error (exit 2) if --meeting is given as well."""
    if since is not None and meeting is not None:
        raise typer.BadParameter("give --since or --meeting, not both", param_hint="--meeting")
    return parse_date(since, "--since") if since is not None else None


def resolve(
    plan: Plan,
    as_of: dt.date,
    since: dt.date | None,
    meeting: str | None,
    *,
    default_previous: bool,
) -> Since | None:
    """The day changes are counted from; exit 2 with one line if the plan cannot give it."""
    from massnahmen.report import SinceError, resolve_since

    try:
        return resolve_since(plan, as_of, since, meeting, default_previous=default_previous)
    except SinceError as exc:
        fail(str(exc))
