"""What each owner is asked: its open measures (with `sub_units`, its sub-units' too), each with
its open milestones and its indicators, and until when the answer is due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from massnahmen.request.ticket import RowKind, Ticket, TiedRow, plan_key

if TYPE_CHECKING:
    from massnahmen.model import Measure, Owner, Plan

FIRST_ROW = 6  # rows 1 to 4 hold the title and the hint, row 5 the header
REPLY_DAYS = 14  # without a meeting ahead: two weeks, as offices answer a circular


@dataclass(frozen=True)
class AskedRow:
    """One row of an owner's workbook: a measure, or one of its milestones or indicators."""

    kind: RowKind
    measure: Measure
    item: str = ""  # the milestone's title, the indicator's id


@dataclass(frozen=True)
class Asking:
    """One owner's request: whom, what, and the ticket that ties it to the plan."""

    plan: Plan
    owner: Owner
    rows: list[AskedRow]
    ticket: Ticket


def reply_by_default(plan: Plan, as_of: dt.date) -> dt.date:
    """The day before the next meeting after the as-of day; else two weeks from it."""
    ahead = sorted(m.date for m in plan.meetings if m.date > as_of + dt.timedelta(days=1))
    return ahead[0] - dt.timedelta(days=1) if ahead else as_of + dt.timedelta(days=REPLY_DAYS)


def owners_below(plan: Plan, owner_id: str) -> list[str]:
    """The owner and every unit under it (via `parent`), the owner first."""
    children: dict[str | None, list[str]] = {}
    for owner in plan.owners:
        children.setdefault(owner.parent, []).append(owner.id)
    found, pending = [owner_id], [owner_id]
    while pending:
        for child in children.get(pending.pop(), []):
            if child not in found:  # parents never form a cycle in a valid plan (E112)
                found.append(child)
                pending.append(child)
    return found


def ask_plan(
    plan: Plan,
    as_of: dt.date,
    reply_by: dt.date | None = None,
    owners: Sequence[str] = (),
    sub_units: bool = False,
) -> list[Asking]:
    """One request per owner (all, or those named) with open measures, in the plan's order."""
    due = reply_by or reply_by_default(plan, as_of)
    key = plan_key(plan)
    found: list[Asking] = []
    for owner in plan.owners:
        if owners and owner.id not in owners:
            continue
        responsible = set(owners_below(plan, owner.id)) if sub_units else {owner.id}
        measures = [m for m in plan.measures if m.owner in responsible and m.is_open]
        if not measures:
            continue
        rows = [row for measure in measures for row in rows_of(measure)]
        tied = tuple(
            TiedRow(FIRST_ROW + n, row.kind, row.measure.id, row.item, len(row.measure.updates))
            for n, row in enumerate(rows)
        )
        ticket = Ticket(key, plan.plan.title, owner.id, as_of, due, tied)
        found.append(Asking(plan, owner, rows, ticket))
    return found


def rows_of(measure: Measure) -> list[AskedRow]:
    """The measure's row, then a row per open milestone and per indicator."""
    rows = [AskedRow("measure", measure)]
    rows += [AskedRow("milestone", measure, m.title) for m in measure.milestones if not m.done_on]
    rows += [AskedRow("indicator", measure, i.id) for i in measure.indicators]
    return rows
