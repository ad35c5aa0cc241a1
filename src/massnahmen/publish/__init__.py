"""The public progress page of a plan (`publish`): the page model, built with the privacy rules.

`build_site(plan, as_of)` turns a valid plan into a `Site`: the plan's header, totals, the fields
of action and their measures, each with only what `[publish]` lets out. The traffic lights and
deadlines are `PlanState`'s, so the page never disagrees with `status` or the workbook.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from massnahmen.diagnostics import Diagnostic
from massnahmen.files import safe_file_name
from massnahmen.publish.pages import (
    PageLight,
    PublicAttribute,
    PublicField,
    PublicIndicator,
    PublicMeasure,
    PublicMilestone,
    PublicUpdate,
    Ref,
    Site,
)
from massnahmen.publish.parts import attributes, indicators, milestones, rating
from massnahmen.publish.privacy import Rules, unknown_exclusions
from massnahmen.report import Tally, history, progress_of
from massnahmen.report.state import PlanState

if TYPE_CHECKING:
    from massnahmen.model import Measure, Meeting, Plan

__all__ = [
    "PageLight",
    "Prepared",
    "PublicAttribute",
    "PublicField",
    "PublicIndicator",
    "PublicMeasure",
    "PublicMilestone",
    "PublicUpdate",
    "Ref",
    "Site",
    "build_site",
    "locate",
    "prepare_site",
    "unknown_exclusions",
]


@dataclass(frozen=True)
class Prepared:
    """What `publish` makes of one valid plan: its site, or the `[publish]` problems that keep
    it from being published (exit 1, nothing written)."""

    site: Site | None
    problems: tuple[Diagnostic, ...] = ()


def prepare_site(plan: Plan, *, as_of: dt.date) -> Prepared:
    """The site of a plan the runner read as valid, unless `[publish]` names what is not there."""
    problems = tuple(unknown_exclusions(plan))
    return Prepared(None, problems) if problems else Prepared(build_site(plan, as_of))


def locate(problems: Sequence[Diagnostic], path: Path) -> list[Diagnostic]:
    """The problems with the file and the line and column of their keys (the runner reads a
    valid plan without positions; the plan is read again for them, which is rare)."""
    from massnahmen.load import load_plan

    source_map = load_plan(path).source_map
    located = []
    for problem in problems:
        line, column = source_map.locate(problem.path)
        located.append(dataclasses.replace(problem, file=str(path), line=line, column=column))
    return located


def build_site(plan: Plan, as_of: dt.date) -> Site:
    """The page model of a valid plan on `as_of` (see `unknown_exclusions` for `[publish]`)."""
    rules = Rules(plan)
    state = PlanState(plan, as_of)
    shown = [m for m in plan.measures if rules.measure_shown(m)]
    paths = _paths([m.id for m in shown], "measure")
    titles = {m.id: m.title for m in plan.measures}
    needed_by: dict[str, list[str]] = {}
    for measure in shown:
        for dep in measure.depends_on:
            needed_by.setdefault(dep, []).append(measure.id)

    def ref(measure_id: str) -> Ref:
        return Ref(measure_id, rules.text(titles.get(measure_id, "")) or "", paths.get(measure_id))

    fields = [f for f in plan.fields if rules.field_shown(f.id)]
    field_paths = _paths([f.id for f in fields], "field")
    field_names = {f.id: f.name for f in fields}
    by_field: dict[str, list[PublicMeasure]] = {f.id: [] for f in fields}
    tallies = {f.id: Tally() for f in fields}
    no_deadline = dict.fromkeys(by_field, 0)
    totals = Tally()
    for measure in shown:
        light = page_light(measure, state)
        counted = light if light != "none" else None
        for tally in (totals, tallies[measure.field]):
            tally.add(measure, counted, state)
        no_deadline[measure.field] += light == "none"
        by_field[measure.field].append(
            _public_measure(
                measure,
                state,
                rules,
                light,
                paths,
                (field_names[measure.field], field_paths[measure.field]),
                [ref(dep) for dep in measure.depends_on],
                [ref(dep) for dep in needed_by.get(measure.id, [])],
            )
        )
    head = plan.plan
    return Site(
        title=head.title,
        authority=head.authority,
        version=head.version,
        state=head.state,
        adopted_on=head.adopted_on,
        adopted_by=head.adopted_by,
        as_of=as_of,
        last_meeting=_last_meeting(plan.meetings, as_of),
        next_meeting=min(
            (m for m in plan.meetings if m.date > as_of), key=lambda m: m.date, default=None
        ),
        totals=totals,
        no_deadline=sum(no_deadline.values()),
        fields=tuple(
            PublicField(
                f.id,
                rules.text(f.name) or "",
                rules.text(f.goal),
                rules.text(f.description),
                field_paths[f.id],
                tallies[f.id],
                no_deadline[f.id],
                tuple(by_field[f.id]),
            )
            for f in fields
        ),
        imprint=plan.publish.imprint,
        imprint_url=plan.publish.imprint_url,
        left_out=len(plan.measures) - len(shown),
    )


def page_light(measure: Measure, state: PlanState) -> PageLight | None:
    """The derived light; "none" (ohne Frist) for an open measure without any deadline."""
    return state.light(measure)


def _public_measure(
    measure: Measure,
    state: PlanState,
    rules: Rules,
    light: PageLight | None,
    paths: dict[str, str],
    field: tuple[str, str],
    depends_on: list[Ref],
    needed_by: list[Ref],
) -> PublicMeasure:
    settings = rules.settings
    text = rules.text
    last = measure.last_update
    return PublicMeasure(
        id=measure.id,
        title=text(measure.title) or "",
        path=paths[measure.id],
        field_id=measure.field,
        field_name=text(field[0]) or "",
        field_path=field[1],
        status=measure.status,
        light=light,
        progress=progress_of(measure),
        start=measure.start,
        deadline=measure.deadline,
        current=state.deadline(measure),
        moves=measure.deadline_moves,
        owner=rules.owner_name(measure.owner),
        contributors=tuple(
            name for name in map(rules.owner_name, measure.contributors) if name is not None
        ),
        description=text(measure.description),
        priority=measure.priority,
        budget=measure.budget_eur if settings.budget else None,
        reserved=measure.budget_reserved if settings.budget_reserved else None,
        funding=text(measure.funding),
        funding_ends=measure.funding_ends,
        decision=text(measure.decision),
        services=tuple(measure.services),
        tags=tuple(t for t in map(text, measure.tags) if t),
        indicator=text(measure.indicator),
        notes=rules.note(measure.notes),
        depends_on=tuple(depends_on),
        needed_by=tuple(needed_by),
        history=tuple(_history(measure, rules)) if settings.history else None,
        latest=last.date if last else None,
        milestones=tuple(milestones(measure, state, rules)),
        indicators=tuple(indicators(measure, rules)),
        attributes=tuple(attributes(measure, rules)),
        rating=rating(measure),
    )


def _history(measure: Measure, rules: Rules) -> Iterator[PublicUpdate]:
    """The updates, newest first, each with the deadline it moved to (if it moved it)."""
    for step in reversed(history(measure)):
        update = step.update
        moved = step.after.deadline if step.moves_deadline else None
        note = rules.update_note(update.note)
        yield PublicUpdate(update.date, update.status, update.progress, moved, note)


def _last_meeting(meetings: list[Meeting], as_of: dt.date) -> Meeting | None:
    return max((m for m in meetings if m.date <= as_of), key=lambda m: m.date, default=None)


def _paths(ids: list[str], folder: str) -> dict[str, str]:
    """A file per id, `measure/VW-01.html`: ids made safe for every file system, and two ids
    that differ only in case (one file on Windows or macOS) kept apart."""
    found: dict[str, str] = {}
    taken: set[str] = set()
    for ident in ids:
        base = name = safe_file_name(ident)
        n = 1
        while name.lower() in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name.lower())
        found.setdefault(ident, f"{folder}/{name}.html")
    return found
