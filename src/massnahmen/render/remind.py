"""Reminders for owners: a plain-text letter, Markdown, or JSON a job can address mails from."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from massnahmen.render.console import print_error
from massnahmen.render.problems import failure_json, report_problems
from massnahmen.report.records import measure_record
from massnahmen.run.outcome import Outcome, Run
from massnahmen.sanitize import json_text, one_line, printable
from massnahmen.words import Lang

if TYPE_CHECKING:
    from massnahmen.model import Plan
    from massnahmen.report.remind import Digest, Reminding

from massnahmen.render.letter import (
    SEPARATOR,
    Reminders,
    render_markdown,
    render_text,
    render_text_body,
)

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
