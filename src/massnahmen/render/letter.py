"""The reminder letter an owner reads: as plain text (a mail's body) and as Markdown. The
words ask for the state in the owner's words; the recipients never run the tool."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from massnahmen.request.record import letter_lines
from massnahmen.sanitize import one_line, printable
from massnahmen.words import Lang, format_date, label

if TYPE_CHECKING:
    from massnahmen.model import Measure
    from massnahmen.report.remind import Digest, Reminder
    from massnahmen.report.state import PlanState

WIDTH = 78
SEPARATOR = "\n" + "=" * WIDTH + "\n\n"


@dataclass(frozen=True)
class Reminders:
    """The digests of one plan on one as-of date; `plan` is the path as the user gave it."""

    plan: str
    state: PlanState
    within: int
    digests: list[Digest]
    lang: Lang = "de"

    @property
    def as_of(self) -> dt.date:
        return self.state.as_of

    def say(self, key: str, **values: object) -> str:
        return label(key, self.lang).format(**values)

    def subject(self, digest: Digest) -> str:
        """One line, whatever the title holds: a job puts it in the mail's `Subject:`."""
        count = len(digest.reminders)
        key = "remind_subject_one" if count == 1 else "remind_subject_many"
        return one_line(self.say(key, plan=self.state.plan.plan.title, count=count))

    def days(self, n: int) -> str:
        return self.say("remind_one_day") if n == 1 else self.say("remind_days", n=n)

    def why(self, reminder: Reminder) -> list[str]:
        """`überfällig seit 31 Tagen`, `fällig in 5 Tagen`, `seit 120 Tagen ohne Meldung`."""
        measure, state = reminder.measure, self.state
        words = []
        for reason in reminder.reasons:
            if reason == "overdue":
                words.append(self.say("remind_overdue", days=self.days(-_left(state, measure))))
            elif reason == "due_soon":
                left = _left(state, measure)
                words.append(
                    self.say("remind_due_today")
                    if left == 0
                    else self.say("remind_due_in", days=self.days(left))
                )
            else:
                since = state.last_activity(measure)
                idle = (self.as_of - since).days if since else 0
                words.append(self.say("remind_stale", days=self.days(idle)))
        return words

    def deadline(self, measure: Measure) -> str:
        """`Frist 28.02.2025 (beschlossen: 30.09.2024)`."""
        current, adopted = measure.effective_deadline, measure.deadline
        if current is None:
            return ""
        text = f"{label('deadline', self.lang)} {current.display(self.lang)}"
        if measure.deadline_moves and adopted is not None:
            text += f" ({label('adopted', self.lang)}: {adopted.display(self.lang)})"
        return text

    def standing(self, measure: Measure) -> str:
        """`in Umsetzung, 50 %`."""
        text = label(measure.status, self.lang)
        if measure.progress is not None:
            text += f", {measure.progress} %" if self.lang == "de" else f", {measure.progress}%"
        return text

    def latest(self, measure: Measure) -> str:
        update = measure.last_update
        if update is None:
            return self.say("remind_no_update")
        text = self.say("remind_latest", date=format_date(update.date, self.lang))
        return f"{text}: {_one_line(update.note)}" if update.note else text

    def reply_by(self) -> dt.date:
        """The day answers are asked for: the day before the next committee meeting, else
        two weeks from the as-of day."""
        from massnahmen.report.since import next_meeting

        meeting = next_meeting(self.state.plan, self.as_of)
        if meeting is not None and meeting.date > self.as_of:
            return meeting.date - dt.timedelta(days=1)
        try:
            return self.as_of + dt.timedelta(days=14)
        except OverflowError:  # an as-of day at the end of the calendar
            return self.as_of

    def ask(self, digest: Digest) -> str:
        """What the owner is asked for, in words: the recipients never run the tool."""
        key = "remind_help_one" if len(digest.reminders) == 1 else "remind_help"
        return self.say(key, date=format_date(self.reply_by(), self.lang))


def _left(state: PlanState, measure: Measure) -> int:
    return state.days_left(measure) or 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> str:
    return printable(text, lines=True)


def _fill(text: str) -> str:
    return textwrap.fill(text, WIDTH, break_on_hyphens=False, break_long_words=False)


def _intro(result: Reminders, digest: Digest) -> str:
    header = result.state.plan.plan
    return result.say(
        "remind_intro_one" if len(digest.reminders) == 1 else "remind_intro",
        plan=header.title,
        authority=header.authority,
        date=format_date(result.as_of, result.lang),
    )


# --- plain text ---------------------------------------------------------------------------


def render_text_body(result: Reminders, digest: Digest) -> str:
    """The letter: greeting, one block per measure, what to do, closing."""
    lines = [
        result.say("remind_greeting", name=one_line(digest.owner.name)),
        "",
        _fill(_intro(result, digest)),
        "",
    ]
    for reminder in digest.reminders:
        measure = reminder.measure
        facts = [*result.why(reminder), result.deadline(measure), result.standing(measure)]
        lines += [
            f"{measure.id}  {measure.title}",
            "    " + " · ".join(fact for fact in facts if fact),
            "    " + result.latest(measure),
            "",
        ]
    lines += [_fill(result.ask(digest)), ""]
    lines += [_fill(line) for line in letter_lines(Path(result.plan), digest.owner.id, result.lang)]
    lines += [result.say("remind_closing"), ""]
    lines.append(result.say("remind_footer", date=format_date(result.as_of, result.lang)))
    return _lines("\n".join(lines) + "\n")


def render_text(result: Reminders, digest: Digest) -> str:
    """The letter with `An:` and `Betreff:` lines on top."""
    owner = digest.owner
    to = f"{owner.name} <{owner.email}>" if owner.email else owner.name
    head = [
        f"{result.say('remind_to')}: {one_line(to)}",  # header lines: never a line break
        f"{result.say('remind_subject')}: {result.subject(digest)}",
        "",
    ]
    return "\n".join(head) + "\n" + render_text_body(result, digest)


# --- Markdown -----------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")


def md(text: str) -> str:
    """Plan text as literal Markdown: no emphasis, links or HTML sneak in."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _one_line(text))


def render_markdown(result: Reminders, digest: Digest) -> str:
    owner = digest.owner
    to = f"{md(owner.name)} ({md(owner.email)})" if owner.email else md(owner.name)
    lines = [
        f"# {md(result.subject(digest))}",
        "",
        f"**{result.say('remind_to')}:** {to}",
        "",
        md(result.say("remind_greeting", name=one_line(owner.name))),
        "",
        md(_intro(result, digest)),
        "",
    ]
    for reminder in digest.reminders:
        measure = reminder.measure
        lines += [f"## {measure.id} – {md(measure.title)}", ""]
        lines += [f"- **{md(why)}**" for why in result.why(reminder)]
        deadline = result.deadline(measure)
        lines += [f"- {md(deadline)}"] if deadline else []
        lines += [f"- {md(result.standing(measure))}", f"- {md(result.latest(measure))}", ""]
    lines += [md(result.ask(digest)), "", md(result.say("remind_closing")), ""]
    footer = result.say("remind_footer", date=format_date(result.as_of, result.lang))
    lines.append(f"*{md(footer)}*")
    return _lines("\n".join(lines) + "\n")
