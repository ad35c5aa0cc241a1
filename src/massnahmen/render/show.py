"""`show`: one measure as a person reads it — its keys, deadlines, traffic light, dependencies
both ways and its history as a timeline. Fits 100 columns; colour only for the traffic light."""

from __future__ import annotations

import sys
import textwrap
from typing import TYPE_CHECKING

from massnahmen.render.console import stdout_console, wants_colour
from massnahmen.render.problems import report_problems, report_run_problems
from massnahmen.report.lookup import Found
from massnahmen.report.parts import (
    attribute_text,
    indicator_text,
    milestone_state,
    milestone_text,
)
from massnahmen.run.outcome import Run
from massnahmen.sanitize import printable
from massnahmen.words import Lang, format_amount, format_date, label, say

if TYPE_CHECKING:
    from massnahmen.model import Measure, Plan, Update
    from massnahmen.report.state import PlanState

WIDTH = 100
_LABEL_WIDTH = 22
_LIGHT_STYLE = {"red": "bold red", "yellow": "yellow", "green": "green", "none": "dim"}
Line = tuple[str, str | None]  # text and the style it is shown in on a terminal


def print_measure(
    plan: Plan, state: PlanState, measure: Measure, lang: Lang, heading: str | None = None
) -> None:
    """Writes the measure to stdout, under a `heading` line (its plan's path) if given; the
    traffic light coloured on a terminal."""
    shown = render_measure(plan, state, measure, lang)
    if heading is not None:
        shown = [(heading, "bold"), ("", None), *shown]
    lines = [(printable(text, lines=True), style) for text, style in shown]
    if not wants_colour(sys.stdout):
        sys.stdout.writelines(text + "\n" for text, _ in lines)
        return
    from rich.text import Text

    console = stdout_console()
    for text, style in lines:
        console.print(Text(text, style=style or ""))


def render_measure(plan: Plan, state: PlanState, measure: Measure, lang: Lang) -> list[Line]:
    """The lines of `show` for one measure."""
    lines: list[Line] = [(f"{measure.id} · {measure.title}", "bold"), ("", None)]
    lines += _fields(plan, state, measure, lang)
    lines += _dependencies(state, measure, lang)
    lines += _milestones(state, measure, lang)
    lines += _indicators(state, measure, lang)
    lines += _history(measure, lang)
    return lines


def _fields(plan: Plan, state: PlanState, measure: Measure, lang: Lang) -> list[Line]:
    fields = {f.id: f.name for f in plan.fields}
    owners = {o.id: o.name for o in plan.owners}
    adopted, effective = measure.deadline, measure.effective_deadline
    status = label(measure.status, lang)
    if measure.progress is not None:
        status += f" · {measure.progress} %"
    rows: list[tuple[str, str | None]] = [
        ("field", _named(measure.field, fields)),
        ("owner", _named(measure.owner, owners) if measure.owner else None),
        ("contributors", "; ".join(_named(c, owners) for c in measure.contributors) or None),
        ("status", status),
        ("light", _light(state, measure, lang)),
        ("rating", _rating(state, measure, lang)),
        ("priority", label(measure.priority, lang) if measure.priority else None),
        ("start", format_date(measure.start, lang) or None),
        ("effective_deadline", effective.display(lang) if effective else None),
    ]
    if adopted is not None:
        rows.append(("adopted_deadline", adopted.display(lang)))
    rows.append(("deadline_moves", str(measure.deadline_moves)))
    if measure.budget_eur is not None:
        budget = format_amount(measure.budget_eur, lang)
        if measure.budget_reserved:
            budget += f" ({label('budget_reserved', lang)})"
        rows.append(("budget", budget))
    if measure.funding:
        ends = format_date(measure.funding_ends, lang)
        until = f" ({label('funding_ends', lang)} {ends})" if ends else ""
        rows.append(("funding", measure.funding + until))
    rows += [
        ("decision", measure.decision),
        ("indicator", measure.indicator),
        ("services", ", ".join(measure.services) or None),
        ("tags", ", ".join(measure.tags) or None),
    ]
    declared = {a.id: a for a in plan.attributes}
    attributes = [  # headed by the attribute's name, not by a word of the catalogue
        (declared[key].name if key in declared else key, attribute_text(declared.get(key), v, lang))
        for key, v in measure.attributes.items()
    ]
    rows += [("description", measure.description), ("notes", measure.notes)]
    light = state.light(measure)
    shown = [
        (_row(label(key, lang), value), _LIGHT_STYLE[light] if key == "light" and light else None)
        for key, value in rows
        if value is not None
    ]
    at = next((n for n, (key, _) in enumerate(rows) if key == "description"), len(rows))
    at = sum(1 for key, value in rows[:at] if value is not None)
    return [*shown[:at], *((_row(name, value), None) for name, value in attributes), *shown[at:]]


def _rating(state: PlanState, measure: Measure, lang: Lang) -> str | None:
    """The owner's own rating beside the light: "grün (Meldung vom 20.02.2025) – weicht …"."""
    rating = measure.rating
    if rating is None:
        return None
    update = next(u for u in reversed(measure.updates) if u.rating is not None)
    text = say("rating_of", lang, rating=label(rating, lang), date=format_date(update.date, lang))
    if state.rating_disagrees(measure):
        text += f" – {label('rating_differs', lang)}"
    return text


def _light(state: PlanState, measure: Measure, lang: Lang) -> str | None:
    """The light and why, e.g. "rot – seit 77 Tagen überfällig"; None for a closed measure."""
    light = state.light(measure)
    if light is None:
        return None
    reasons = _light_reasons(state, measure, lang)
    return label(light, lang) + (f" – {'; '.join(reasons)}" if reasons else "")


def _light_reasons(state: PlanState, measure: Measure, lang: Lang) -> list[str]:
    reasons = []
    days = state.days_left(measure)
    if state.overdue(measure) and days is not None:
        reasons.append(label("overdue_by", lang).format(days=-days))
    blockers = state.blockers(measure)
    if blockers:
        reasons.append(label("blocked_by", lang).format(ids=", ".join(b.id for b in blockers)))
    if state.due_soon(measure) and days is not None:
        reasons.append(label("due_in", lang).format(days=days))
    if state.stale(measure):
        since = format_date(state.last_activity(measure), lang)
        reasons.append(label("stale_since", lang).format(date=since))
    for _, milestone in state.overdue_milestones(measure):
        reasons.append(say("milestone_overdue_reason", lang, title=milestone.title))
    return reasons


def _milestones(state: PlanState, measure: Measure, lang: Lang) -> list[Line]:
    """Each milestone with its state: reached on a day, due, or overdue."""
    if not measure.milestones:
        return []
    lines: list[Line] = [("", None), (label("milestones", lang), "bold")]
    marks = {"reached": "·", "due": "·", "overdue": "!"}
    for milestone in measure.milestones:
        mark = marks[milestone_state(milestone, measure, state)]
        text = f"{milestone.title} – {milestone_text(milestone, measure, state, lang)}"
        lines.append((_clip(f"  {mark} {text}"), None))
    return lines


def _indicators(state: PlanState, measure: Measure, lang: Lang) -> list[Line]:
    """Each indicator: baseline → latest → target, and whether it is on its path."""
    if not measure.indicators:
        return []
    lines: list[Line] = [("", None), (label("indicators", lang), "bold")]
    for indicator in measure.indicators:
        name = indicator.name or indicator.id
        lines.append((f"  {indicator.id} · {name}" if indicator.name else f"  {name}", None))
        text = indicator_text(indicator, state.indicator_path(indicator), lang)
        for part in _wrap(text, WIDTH - 4):
            lines.append(("    " + part, None))
    return lines


def _dependencies(state: PlanState, measure: Measure, lang: Lang) -> list[Line]:
    lines: list[Line] = []
    for key, ids in (
        ("depends_on", measure.depends_on),
        ("dependents", [m.id for m in state.dependents.get(measure.id, [])]),
    ):
        if not ids:
            continue
        lines += [("", None), (label(key, lang), "bold")]
        for dep_id in ids:
            other = state.by_id.get(dep_id)
            if other is None:
                lines.append((f"  {dep_id:<8} {label('unknown_measure', lang)}", None))
                continue
            status = label(other.status, lang)
            lines.append((_clip(f"  {other.id:<8} {status:<15} {other.title}"), None))
    return lines


def _history(measure: Measure, lang: Lang) -> list[Line]:
    lines: list[Line] = [("", None), (label("history", lang), "bold")]
    if not measure.updates:
        return [*lines, (f"  {label('no_updates', lang)}", None)]
    for update in measure.updates:
        day = format_date(update.date, lang)
        lines.append((f"  {day:<11} {_update_summary(update, lang)}".rstrip(), None))
        if update.note:
            for part in _wrap(update.note, WIDTH - 14):
                lines.append((" " * 14 + part, None))
    return lines


def _update_summary(update: Update, lang: Lang) -> str:
    parts = []
    if update.status:
        parts.append(label(update.status, lang))
    if update.progress is not None:
        parts.append(f"{update.progress} %")
    if update.deadline is not None:
        moved = label("deadline_moved_to", lang)
        parts.append(moved.format(deadline=update.deadline.display(lang)))
    if update.rating is not None:
        parts.append(f"{label('rating', lang)} {label(update.rating, lang)}")
    return " · ".join(parts)


def _row(name: str, value: str) -> str:
    indent = " " * (_LABEL_WIDTH + 1)
    wrapped = _wrap(value, WIDTH - len(indent)) or [""]
    first = f"{name:<{_LABEL_WIDTH}} {wrapped[0]}"
    return "\n".join([first, *(indent + rest for rest in wrapped[1:])])


MAX_SHOWN = 5_000  # characters of one text: a page or two of a terminal


def _wrap(text: str, width: int) -> list[str]:
    """`text` in lines of `width`; a text longer than MAX_SHOWN is cut, saying so. (textwrap
    slices a long word again and again: a 50 MB word took hours.)"""
    if len(text) > MAX_SHOWN:
        text = f"{text[:MAX_SHOWN]} … (+{len(text) - MAX_SHOWN:,})"
    return textwrap.wrap(text, width)


def _named(ident: str, names: dict[str, str]) -> str:
    return f"{ident} – {names[ident]}" if ident in names else ident


def _clip(text: str) -> str:
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


def report_show(run: Run[Found], lang: Lang) -> None:
    """The measure of each plan that has it (under the plan's path when there are several), a
    blank line between them; why a plan could not be read, and a measure no plan has, on
    stderr."""
    shown = 0
    for outcome in run:
        found = outcome.result
        if found is None:
            report_problems(outcome)
            continue
        if found.measure is None:
            continue
        if shown:
            print()
        heading = outcome.plan if run.several else None
        print_measure(found.plan, found.state, found.measure, lang, heading=heading)
        shown += 1
    report_run_problems(run)
