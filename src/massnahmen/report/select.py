"""Choosing and ordering measures for `list`: filters combine with AND, values of one with OR."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from massnahmen.assignments import attribute_matches
from massnahmen.diagnostics import did_you_mean
from massnahmen.errors import UsageProblem
from massnahmen.model import OPEN_STATUSES, STATUSES
from massnahmen.words import say

if TYPE_CHECKING:
    from massnahmen.model import Measure, Plan
    from massnahmen.report.state import PlanState

Sort = Literal["deadline", "id", "owner"]
# `--status open` and `--status closed` stand for their statuses (SPEC: "Derived state").
STATUS_GROUPS: dict[str, frozenset[str]] = {
    **{status: frozenset({status}) for status in STATUSES},
    "open": OPEN_STATUSES,
    "closed": frozenset(STATUSES) - OPEN_STATUSES,
}


@dataclass(frozen=True)
class MeasureFilter:
    """What `list` keeps. An empty set or None means "any"."""

    statuses: frozenset[str] = frozenset()
    owners: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()  # compared case-insensitively
    lights: frozenset[str] = frozenset()
    overdue: bool = False
    due_within: int | None = None  # open and due in 0..N days, as W202 counts
    # attribute id -> the values asked for (as typed; any of them matches)
    attributes: tuple[tuple[str, frozenset[str]], ...] = ()
    horizons: frozenset[str] = frozenset()  # the effective deadline names one of them
    units: frozenset[str] = frozenset()  # the owner is one of them, or a unit beneath one

    def matches(self, measure: Measure, state: PlanState) -> bool:
        if self.statuses and measure.status not in self.statuses:
            return False
        if self.owners and measure.owner not in self.owners:
            return False
        if self.fields and measure.field not in self.fields:
            return False
        if self.tags and not self.tags & {tag.casefold() for tag in measure.tags}:
            return False
        if self.lights and state.light(measure) not in self.lights:
            return False
        if self.overdue and not state.overdue(measure):
            return False
        if self.units and measure.owner not in state.units_under_any(self.units):
            return False
        if self.horizons and _horizon(measure, state) not in self.horizons:
            return False
        for key, wanted in self.attributes:
            value = measure.attributes.get(key)
            if value is None or not any(attribute_matches(value, w) for w in wanted):
                return False
        return self.due_within is None or _due_within(measure, state, self.due_within)


def _horizon(measure: Measure, state: PlanState) -> str | None:
    deadline = state.deadline(measure)
    return str(deadline.raw).strip() if deadline and deadline.kind == "horizon" else None


def _due_within(measure: Measure, state: PlanState, days: int) -> bool:
    left = state.days_left(measure)
    return measure.is_open and left is not None and 0 <= left <= days


def make_filter(
    statuses: Iterable[str] = (),
    owners: Iterable[str] = (),
    fields: Iterable[str] = (),
    tags: Iterable[str] = (),
    lights: Iterable[str] = (),
    overdue: bool = False,
    due_within: int | None = None,
    attributes: Iterable[tuple[str, str]] = (),
    horizons: Iterable[str] = (),
    units: Iterable[str] = (),
) -> MeasureFilter:
    """A filter from option values; statuses may name the groups `open` and `closed`;
    `attributes` are (id, value) pairs, values of one id widening, ids narrowing."""
    wanted: dict[str, set[str]] = {}
    for key, value in attributes:
        wanted.setdefault(key, set()).add(value)
    return MeasureFilter(
        statuses=frozenset().union(*(STATUS_GROUPS[s] for s in statuses)),
        owners=frozenset(owners),
        fields=frozenset(fields),
        tags=frozenset(tag.casefold() for tag in tags),
        lights=frozenset(lights),
        overdue=overdue,
        due_within=due_within,
        attributes=tuple((key, frozenset(values)) for key, values in wanted.items()),
        horizons=frozenset(h.strip() for h in horizons),
        units=frozenset(units),
    )


@dataclass(frozen=True)
class Selection:
    """The measures a filter chose from a plan, in order, and the plan seen on the as-of date."""

    state: PlanState
    measures: list[Measure]


def select(plan: Plan, keep: MeasureFilter, sort: Sort, as_of: dt.date) -> Selection:
    """What `list` shows of one plan."""
    from massnahmen.report.state import PlanState

    state = PlanState(plan, as_of)
    return Selection(state, select_measures(plan, state, keep, sort))


def require_known(
    plans: Sequence[Plan],
    owners: Iterable[str] = (),
    fields: Iterable[str] = (),
    attributes: Iterable[tuple[str, str]] = (),
    horizons: Iterable[str] = (),
    units: Iterable[str] = (),
) -> None:
    """A usage problem for an --owner, --field, --attribute, --horizon or --unit that none of
    the plans has (a typo, most likely); nothing to say if no plan could be read (their own
    problems are the report)."""
    if not plans:
        return
    where = say("msg.in_the_plan" if len(plans) == 1 else "msg.in_any_plan")
    known_owners = list(dict.fromkeys(o.id for plan in plans for o in plan.owners))
    known_fields = list(dict.fromkeys(f.id for plan in plans for f in plan.fields))
    for option, problems in (
        ("--owner", unknown_ids("owner", owners, known_owners, where)),
        ("--field", unknown_ids("field", fields, known_fields, where)),
        *unknown_parts(plans, attributes, horizons, units).items(),
    ):
        if problems:
            raise UsageProblem("; ".join(problems), option)


def unknown_ids(
    kind: str, wanted: Iterable[str], known: Sequence[str], where: str | None = None
) -> list[str]:
    """One message per id in `wanted` that is not in `known`: a typo, most likely."""
    problems = []
    for value in wanted:
        if value in known:
            continue
        same = [k for k in known if k.casefold() == value.casefold()]
        hint = say("msg.same_but_case", word=same[0]) if same else did_you_mean(value, known)
        kind_word = say(f"msg.kind_{kind}") if kind in ("owner", "field") else kind
        place = where or say("msg.in_the_plan")
        problems.append(say("msg.unknown_id", kind=kind_word, value=value, where=place, hint=hint))
    return problems


def unknown_parts(
    plans: Sequence[Plan],
    attributes: Iterable[tuple[str, str]] = (),
    horizons: Iterable[str] = (),
    units: Iterable[str] = (),
) -> dict[str, list[str]]:
    """For `--attribute`, `--horizon` and `--unit`: what none of the plans declares."""
    where = say("msg.in_the_plan" if len(plans) == 1 else "msg.in_any_plan")

    def known(items: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(items))

    declared = known(a.id for plan in plans for a in plan.attributes)
    named = known(h for plan in plans for h in plan.settings.horizons)
    owners = known(o.id for plan in plans for o in plan.owners)
    asked = list(attributes)
    problems = unknown_ids("attribute", dict.fromkeys(k for k, _ in asked), declared, where)
    for key, value in asked:
        choices = known(
            c for plan in plans for a in plan.attributes if a.id == key for c in a.choices
        )
        if choices and value.casefold() not in {c.casefold() for c in choices}:
            named_choices = ", ".join(f'"{c}"' for c in choices)
            hint = did_you_mean(value, choices)
            problems.append(
                say("msg.not_a_choice", value=value, key=key, choices=named_choices, hint=hint)
            )
    return {
        "--attribute": problems,
        "--horizon": unknown_ids("horizon", horizons, named, where),
        "--unit": unknown_ids("unit", units, owners, where),
    }


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Orders "VW-2" before "VW-10" (numbers compared by length and digits, since int() refuses
    an id with thousands of digits)."""
    return tuple(
        (0, len(digits), digits) if part.isdigit() else (1, 0, part)
        for part in re.split(r"([0-9]+)", text)
        if part
        for digits in [part.lstrip("0")]
    )


def _deadline_key(measure: Measure, state: PlanState) -> tuple[int, dt.date]:
    due = state.due(measure)
    if due is not None:
        return (0, due)
    deadline = measure.effective_deadline
    return (1 if deadline and deadline.ongoing else 2, dt.date.max)


def sort_measures(measures: Iterable[Measure], state: PlanState, sort: Sort) -> list[Measure]:
    """By deadline (soonest first; ongoing, then none, last), by id, or by owner then deadline."""
    if sort == "id":
        return sorted(measures, key=lambda m: natural_key(m.id))
    if sort == "deadline":
        return sorted(measures, key=lambda m: (_deadline_key(m, state), natural_key(m.id)))
    return sorted(
        measures,
        key=lambda m: (m.owner is None, m.owner or "", _deadline_key(m, state), natural_key(m.id)),
    )


def select_measures(
    plan: Plan, state: PlanState, keep: MeasureFilter, sort: Sort = "id"
) -> list[Measure]:
    """The measures `keep` matches, in `sort` order."""
    return sort_measures((m for m in plan.measures if keep.matches(m, state)), state, sort)
