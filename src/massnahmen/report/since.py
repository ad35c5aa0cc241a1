"""The day changes are counted from (`--since`, `--meeting`), and the meeting a report is for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from massnahmen.errors import CannotRun
from massnahmen.words import Lang, current_lang, format_date, label, say

if TYPE_CHECKING:
    from massnahmen.model import Meeting, Plan


class SinceError(CannotRun, ValueError):
    """`--since`/`--meeting` cannot be honoured for this plan (exit 2)."""


@dataclass(frozen=True, slots=True)
class Since:
    """Changes are counted from the end of `day`; `meeting` is the meeting held that day, if any."""

    day: dt.date
    meeting: Meeting | None = None


@dataclass(frozen=True, slots=True)
class ChangesFrom:
    """What `--since` and `--meeting` ask for; with neither, the previous meeting if
    `default_previous` (the committee workbook), else no changes (the terminal)."""

    since: dt.date | None = None
    meeting: str | None = None
    default_previous: bool = False

    def resolve(self, plan: Plan, as_of: dt.date) -> Since | None:
        """The day changes are counted from in `plan`; SinceError if the plan cannot give it."""
        return resolve_since(
            plan, as_of, self.since, self.meeting, default_previous=self.default_previous
        )


def previous_meeting(plan: Plan, as_of: dt.date) -> Meeting | None:
    """The latest meeting strictly before the as-of date."""
    return max((m for m in plan.meetings if m.date < as_of), key=_meeting_day, default=None)


def next_meeting(plan: Plan, as_of: dt.date) -> Meeting | None:
    """The meeting a report on `as_of` is for: the first on or after that day."""
    return min((m for m in plan.meetings if m.date >= as_of), key=_meeting_day, default=None)


def resolve_since(
    plan: Plan,
    as_of: dt.date,
    since: dt.date | None = None,
    meeting: str | None = None,
    *,
    default_previous: bool = False,
) -> Since | None:
    """The day changes are counted from: `--since DATE`, `--meeting previous|DATE`, or, with
    `default_previous`, the previous meeting if the plan lists one. Raises SinceError."""
    if since is not None and meeting is not None:
        raise SinceError(say("cli.since_or_meeting"))
    if since is not None:
        return _checked(Since(since, _meeting_on(plan, since)), as_of, "--since")
    if meeting is None:
        previous = previous_meeting(plan, as_of) if default_previous else None
        return Since(previous.date, previous) if previous else None
    if meeting == "previous":
        previous = previous_meeting(plan, as_of)
        if previous is None:
            raise SinceError(say("msg.no_meeting_before", date=format_date(as_of, current_lang())))
        return Since(previous.date, previous)
    from massnahmen.vocabulary import NotUnderstood, read_date

    try:
        day = read_date(meeting)
    except NotUnderstood:
        raise SinceError(say("msg.meeting_form", value=meeting)) from None
    found = _meeting_on(plan, day)
    if found is None:
        lang = current_lang()
        dates = sorted(m.date for m in plan.meetings)
        listed = ", ".join(format_date(d, lang) for d in dates) or say("msg.no_meetings")
        raise SinceError(say("msg.no_meeting_on", date=format_date(day, lang), listed=listed))
    return _checked(Since(day, found), as_of, "--meeting")


def _checked(since: Since, as_of: dt.date, option: str) -> Since:
    if since.day > as_of:
        lang = current_lang()
        raise SinceError(
            say(
                "msg.after_as_of",
                option=option,
                date=format_date(since.day, lang),
                as_of=format_date(as_of, lang),
            )
        )
    return since


def _meeting_on(plan: Plan, day: dt.date) -> Meeting | None:
    return next((m for m in plan.meetings if m.date == day), None)


def _meeting_day(meeting: Meeting) -> dt.date:
    return meeting.date


def meeting_text(meeting: Meeting, lang: Lang) -> str:
    """`HFA am 18.03.2025` / `HFA on 2025-03-18`."""
    when = format_date(meeting.date, lang)
    return label("meeting_on", lang).format(committee=meeting.committee, date=when)


def since_text(since: Since, lang: Lang) -> str:
    """The meeting changes are counted from, or just the day."""
    return meeting_text(since.meeting, lang) if since.meeting else format_date(since.day, lang)
