"""Reminders for owners: a plain-text letter, Markdown, or JSON a job can address mails from."""

from __future__ import annotations

import datetime as dt
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from massnahmen.render.console import print_error
from massnahmen.render.problems import failure_json, report_problems
from massnahmen.report.records import measure_record
from massnahmen.request.record import letter_lines
from massnahmen.run.outcome import Outcome, Run
from massnahmen.sanitize import json_text, one_line, printable
from massnahmen.words import Lang, format_date, label

if TYPE_CHECKING:
    from massnahmen.model import Measure, Plan
    from massnahmen.report.remind import Digest, Reminder, Reminding
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


# --- JSON ---------------------------------------------------------------------------------


def digest_json(result: Reminders, digest: Digest) -> dict[str, Any]:
    """What a job needs to send one mail: the address, the subject, the items, the text."""
    owner = digest.owner
    return {
        "owner": {
            "id": owner.id,
            "name": one_line(owner.name),  # a job addresses the mail with it
            "email": owner.email,
            "kind": owner.kind,
            "active": owner.active,
        },
        "subject": result.subject(digest),
        "reply_by": result.reply_by().isoformat(),
        "items": [
            {
                **measure_record(r.measure, result.state),
                "reasons": list(r.reasons),
            }
            for r in digest.reminders
        ],
        "body": render_text_body(result, digest),
    }


def _head(result: Reminders) -> dict[str, Any]:
    return {"plan": result.plan, "as_of": result.as_of.isoformat(), "within": result.within}


def _dump(document: dict[str, Any]) -> str:
    return json_text(document)


def render_json(result: Reminders, digest: Digest) -> str:
    """One owner's file: the run's header and that owner's digest."""
    return _dump({**_head(result), **digest_json(result, digest)})


def render_all_json(reminded: Reminded) -> str:
    """One plan: its header and every digest. Several plans, as `check` reports them: each
    plan's object in a list under `plans`, each digest naming its plan (a plan that could not be
    read or is invalid: its `failure`)."""
    if not reminded.several:
        (result,) = reminded.reminders
        return _dump({**_head(result), "digests": [digest_json(result, d) for d in result.digests]})

    def plan_json(result: Reminders) -> dict[str, Any]:
        digests = [{"plan": result.plan, **digest_json(result, d)} for d in result.digests]
        return {**_head(result), "digests": digests}

    plans = [plan_json(r) if isinstance(r, Reminders) else failure_json(r) for r in reminded.plans]
    return _dump({"as_of": reminded.as_of.isoformat(), "plans": plans})


def _joined(one: Callable[[Reminders, Digest], str], separator: str) -> Callable[[Reminded], str]:
    """Every letter of every plan, one after the other (each names its plan)."""

    def render_all(reminded: Reminded) -> str:
        return separator.join(one(r, d) for r in reminded.reminders for d in r.digests)

    return render_all


@dataclass(frozen=True)
class ReminderFormat:
    """How one format renders a single owner's file, and everything for stdout."""

    suffix: str
    one: Callable[[Reminders, Digest], str]
    all: Callable[[Reminded], str]


FORMATS: dict[str, ReminderFormat] = {
    "text": ReminderFormat(".txt", render_text, _joined(render_text, SEPARATOR)),
    "markdown": ReminderFormat(".md", render_markdown, _joined(render_markdown, "\n---\n\n")),
    "json": ReminderFormat(".json", render_json, render_all_json),
}


@dataclass(frozen=True)
class Reminded:
    """The reminders of every plan of a run, as the formats show them."""

    as_of: dt.date
    several: bool
    plans: list[Reminders | Outcome[Any]]  # an outcome: a plan that gave none

    @property
    def reminders(self) -> list[Reminders]:
        return [p for p in self.plans if isinstance(p, Reminders)]


def reminded(run: Run[Reminding], lang: Lang) -> Reminded:
    """The run's reminders; why a plan gave none, and the measures that would need a reminder
    but have no owner, on stderr."""
    plans: list[Reminders | Outcome[Any]] = []
    for outcome in run:
        found = outcome.result
        if found is None or not outcome.ok:
            report_problems(outcome)
            plans.append(outcome)
            continue
        where = f"{outcome.plan}: " if run.several else ""
        for reminder in found.unowned:
            why = ", ".join(reminder.reasons).replace("_", " ")
            notice = f"{where}{reminder.measure.id} is {why} but has no owner to remind"
            print_error(printable(f"massnahmen: {notice}"))
        plans.append(Reminders(outcome.plan, found.state, found.within, found.digests, lang))
    assert run.as_of is not None, "reminders are for a day"
    return Reminded(run.as_of, run.several, plans)


def report_stdout(run: Run[Reminding], lang: Lang, format: str) -> None:
    """Every reminder on stdout, in one of the formats."""
    found = reminded(run, lang)
    if found.reminders or found.several:
        sys.stdout.write(FORMATS[format].all(found))


def owner_texts(
    run: Run[Reminding], lang: Lang, format: str
) -> list[tuple[str, Plan, dict[str, str]]]:
    """Per plan, each owner's file (by owner id), for `--out-dir`."""
    one = FORMATS[format].one
    return [
        (r.plan, r.state.plan, {d.owner.id: one(r, d) for d in r.digests})
        for r in reminded(run, lang).reminders
    ]


def report_written(paths: Sequence[Path]) -> None:
    sys.stdout.writelines(f"{printable(str(path))}\n" for path in paths)
