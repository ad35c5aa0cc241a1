"""Reporters for `diff`: a text a person reads before the meeting, one JSON document for jobs."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from massnahmen.render.console import print_error
from massnahmen.render.problems import report_problems
from massnahmen.report.parts import attribute_text
from massnahmen.report.records import deadline_value, measure_summary, update_record
from massnahmen.report.versions import VersionDiff
from massnahmen.run.outcome import Outcome, Run
from massnahmen.sanitize import json_text, printable
from massnahmen.words import Lang, format_date, label, say, with_unit

if TYPE_CHECKING:
    from massnahmen.deadline import Deadline
    from massnahmen.model import Attribute, IndicatorValue, Milestone, Update
    from massnahmen.report.diff import IndicatorChange, MeasureChange, MilestoneChange, PlanDiff

# The label of each tracked key as a person reads it.
_KEY_LABELS = {"deadline": "effective_deadline"}


@dataclass(frozen=True)
class DiffResult:
    old: str  # how the user named the versions: a path or REV:path
    new: str
    diff: PlanDiff
    lang: Lang = "de"

    def to_json(self) -> dict[str, object]:
        diff = self.diff
        return {
            "old": self.old,
            "new": self.new,
            "added": [measure_summary(m) for m in diff.added],
            "removed": [measure_summary(m) for m in diff.removed],
            "changed": [_change_json(c) for c in diff.changed],
            "fields": {
                "added": [{"id": f.id, "name": f.name} for f in diff.fields_added],
                "removed": [{"id": f.id, "name": f.name} for f in diff.fields_removed],
            },
            "owners": {
                "added": [{"id": o.id, "name": o.name} for o in diff.owners_added],
                "removed": [{"id": o.id, "name": o.name} for o in diff.owners_removed],
            },
        }


def _json_value(key: str, value: Any) -> Any:
    return deadline_value(value) if key == "deadline" else value


def _change_json(change: MeasureChange) -> dict[str, object]:
    return {
        "id": change.id,
        "title": change.title,
        "changes": {
            c.key: {"old": _json_value(c.key, c.old), "new": _json_value(c.key, c.new)}
            for c in change.changes
        },
        "new_updates": [update_record(u) for u in change.new_updates],
        "removed_updates": [update_record(u) for u in change.removed_updates],
        "attributes": {a.key: {"old": a.old, "new": a.new} for a in change.attributes},
        "milestones": [_milestone_json(m) for m in change.milestones],
        "indicators": [_indicator_json(i) for i in change.indicators],
        "other_keys": change.other_keys,
    }


def _milestone_state_json(milestone: Milestone | None) -> dict[str, object] | None:
    if milestone is None:
        return None
    done = milestone.done_on.isoformat() if milestone.done_on else None
    return {"due": deadline_value(milestone.due), "done_on": done}


def _milestone_json(change: MilestoneChange) -> dict[str, object]:
    return {
        "title": change.title,
        "change": change.kind,
        "old": _milestone_state_json(change.old),
        "new": _milestone_state_json(change.new),
    }


def _value_json(value: IndicatorValue) -> dict[str, object]:
    return {"date": value.date.isoformat(), "value": value.value}


def _indicator_json(change: IndicatorChange) -> dict[str, object]:
    return {
        "id": change.id,
        "change": change.kind,
        "new_values": [_value_json(v) for v in change.new_values],
        "removed_values": [_value_json(v) for v in change.removed_values],
        "keys": change.keys,
    }


def _show(key: str, value: Any, lang: Lang) -> str:
    if value is None:
        return "–"
    if key == "deadline":
        deadline: Deadline = value
        return deadline.display(lang)
    if key in ("status", "rating"):
        return label(value, lang)
    if key == "progress":
        return f"{value} %" if lang == "de" else f"{value}%"
    if key == "title":
        return f"„{value}“" if lang == "de" else f"“{value}”"
    return str(value)


def _update_line(update: Update, lang: Lang) -> str:
    """`12.03.2025: in Umsetzung, 40 %, Frist Q3/2025 – the note`."""
    parts = [label(update.status, lang)] if update.status else []
    if update.progress is not None:
        parts.append(_show("progress", update.progress, lang))
    if update.deadline is not None:
        parts.append(f"{label('deadline', lang)} {update.deadline.display(lang)}")
    if update.rating is not None:
        parts.append(f"{label('rating', lang)} {label(update.rating, lang)}")
    line = format_date(update.date, lang) + (": " + ", ".join(parts) if parts else "")
    return f"{line} – {update.note}" if update.note else line


def render_text(result: DiffResult) -> str:
    """Sections for added, removed and changed measures, then fields and owners."""
    lang, diff = result.lang, result.diff
    lines = [f"{label('diff_title', lang)}: {result.old} → {result.new}", ""]
    if diff.empty:
        return "\n".join([*lines, label("diff_none", lang)]) + "\n"
    if diff.added:
        lines.append(f"{label('diff_added', lang)} ({len(diff.added)})")
        lines += [f"  + {m.id}  {m.title}" for m in diff.added]
    if diff.removed:
        lines.append(f"{label('diff_removed', lang)} ({len(diff.removed)})")
        lines += [f"  - {m.id}  {m.title}" for m in diff.removed]
    if diff.changed:
        lines.append(f"{label('diff_changed', lang)} ({len(diff.changed)})")
        for change in diff.changed:
            lines.append(f"  {change.id}  {change.title}")
            for c in change.changes:
                name = label(_KEY_LABELS.get(c.key, c.key), lang)
                old, new = _show(c.key, c.old, lang), _show(c.key, c.new, lang)
                lines.append(f"    {name}: {old} → {new}")
            for update in change.new_updates:
                lines.append(f"    {label('diff_new_update', lang)} {_update_line(update, lang)}")
            for update in change.removed_updates:
                lines.append(
                    f"    {label('diff_removed_update', lang)} {_update_line(update, lang)}"
                )
            lines += [f"    {line}" for line in _part_lines(change, diff, lang)]
            if change.other_keys:
                lines.append(f"    {label('diff_other', lang)}: {', '.join(change.other_keys)}")
    for key, added, removed in (
        ("fields", diff.fields_added, diff.fields_removed),
        ("owners", diff.owners_added, diff.owners_removed),
    ):
        if added or removed:
            lines.append(label(key, lang))
            lines += [f"  + {item.id}  {item.name}" for item in added]
            lines += [f"  - {item.id}  {item.name}" for item in removed]
    return "\n".join(lines) + "\n"


def _part_lines(change: MeasureChange, diff: PlanDiff, lang: Lang) -> list[str]:
    """Attributes, milestones and indicator values: `Meilenstein erreicht „X“ (05.10.2023)`."""
    lines = []
    for a in change.attributes:
        declared = diff.attributes.get(a.key)
        name = say("diff_attribute", lang, name=declared.name if declared else a.key)
        old, new = (_attribute(declared, v, lang) for v in (a.old, a.new))
        lines.append(f"{name}: {old} → {new}")
    for m in change.milestones:
        shown = m.new or m.old
        assert shown is not None
        due = shown.due.display(lang) if shown.due else "–"
        if m.kind == "reached" and m.new and m.new.done_on:
            detail = format_date(m.new.done_on, lang)
        elif m.kind == "moved" and m.old and m.old.due:
            detail = f"{m.old.due.display(lang)} → {due}"
        else:
            detail = due
        lines.append(
            f"{label(f'diff_milestone_{m.kind}', lang)} {_quoted(m.title, lang)} ({detail})"
        )
    for i in change.indicators:
        if i.kind != "changed":
            lines.append(f"{label(f'diff_indicator_{i.kind}', lang)} {i.id}")
            continue
        for key, values in (
            ("diff_value_added", i.new_values),
            ("diff_value_removed", i.removed_values),
        ):
            lines += [f"{i.id}: {label(key, lang)} {_measured(v, i.unit, lang)}" for v in values]
        if i.keys:
            lines.append(f"{i.id}: {label('diff_other', lang)}: {', '.join(i.keys)}")
    return lines


def _attribute(declared: Attribute | None, value: str | float | bool | None, lang: Lang) -> str:
    return "–" if value is None else attribute_text(declared, value, lang)


def _measured(value: IndicatorValue, unit: str | None, lang: Lang) -> str:
    return f"{with_unit(value.value, unit, lang)} ({format_date(value.date, lang)})"


def _quoted(text: str, lang: Lang) -> str:
    return f"„{text}“" if lang == "de" else f"“{text}”"


def as_shown(found: VersionDiff, lang: Lang) -> DiffResult:
    assert found.diff is not None
    return DiffResult(found.old, found.new, found.diff, lang)


def report_problems_of(outcome: Outcome[VersionDiff]) -> None:
    """A version that cannot be read, or the errors of the versions that are invalid."""
    if outcome.failure is not None or outcome.result is None:
        report_problems(outcome)
        return
    for diagnostic in outcome.findings:
        print_error(diagnostic.format())
    for name in outcome.result.invalid:
        print_error(printable(f"{name}: {outcome.refusal}"))


def _plan_json(outcome: Outcome[VersionDiff], lang: Lang) -> dict[str, object]:
    found = outcome.result
    if outcome.failure is not None or found is None:
        return {"plan": outcome.plan, "failure": outcome.failure}
    if outcome.refusal is not None:
        return {"plan": outcome.plan, "failure": "invalid plan"}
    if found.only_in is not None:
        return {"plan": outcome.plan, "only_in": found.only_in}
    return as_shown(found, lang).to_json()


def _text(outcome: Outcome[VersionDiff], lang: Lang) -> str | None:
    found = outcome.result
    if not outcome.ok or found is None:
        report_problems_of(outcome)
        return None
    if found.only_in is not None:
        return label(f"diff_only_in_{found.only_in}", lang) + f": {outcome.plan}\n"
    return render_text(as_shown(found, lang))


def report_text(run: Run[VersionDiff], lang: Lang) -> None:
    """The diff; for several plans each under its heading, a plan only one side has in a line of
    its own (an unreadable or invalid plan is named on stderr)."""
    parts = [text for outcome in run if (text := _text(outcome, lang)) is not None]
    sys.stdout.write(printable("\n".join(parts), lines=True))


def report_json(run: Run[VersionDiff], lang: Lang) -> None:
    """One JSON object on stdout; for several plans, each plan's object under `plans`."""
    if run.several:
        document: dict[str, object] = {"plans": [_plan_json(o, lang) for o in run]}
        for outcome in run.outcomes:
            if not outcome.ok:
                report_problems_of(outcome)
    else:
        (outcome,) = run.outcomes
        if not outcome.ok:
            report_problems_of(outcome)
            return
        document = _plan_json(outcome, lang)
    sys.stdout.write(json_text(document))


RENDERERS: dict[str, Callable[[Run[VersionDiff], Lang], None]] = {
    "text": report_text,
    "json": report_json,
}
