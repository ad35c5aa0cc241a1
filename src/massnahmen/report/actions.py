"""What needs action: open measures the committee should hear about, and why, in its words.

The questions (overdue, due soon, stale, blocked, funding) are answered by `PlanState`, exactly
as `check` answers them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from massnahmen.report.state import Light, PlanState
from massnahmen.words import Lang, format_date, label, say

if TYPE_CHECKING:
    from massnahmen.model import Measure, Owner

ReasonKind = Literal[
    "overdue",
    "blocked",
    "due_soon",
    "stale",
    "milestone",
    "funding",
    "no_deadline",
    "no_owner",
    "inactive",
]


@dataclass(frozen=True, slots=True)
class Reason:
    kind: ReasonKind
    days: int | None = None
    ids: tuple[str, ...] = ()
    day: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ActionItem:
    """An open measure the committee should hear about, and why."""

    measure: Measure
    owner: Owner | None
    light: Light | None
    days_left: int | None
    reasons: tuple[Reason, ...]

    @property
    def kind(self) -> ReasonKind:
        return self.reasons[0].kind

    @property
    def days_late(self) -> int | None:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else None


def action_reasons(measure: Measure, state: PlanState, owner: Owner | None) -> list[Reason]:
    """Why an open measure needs action, the most urgent reason first; empty if it does not."""
    if not measure.is_open:
        return []
    reasons: list[Reason] = []
    left = state.days_left(measure)
    if state.overdue(measure) and left is not None:
        reasons.append(Reason("overdue", days=-left))
    blockers = state.blockers(measure)
    if blockers:
        reasons.append(Reason("blocked", ids=tuple(b.id for b in blockers)))
    if state.due_soon(measure):
        reasons.append(Reason("due_soon", days=left))
    if state.stale(measure):
        since = state.last_activity(measure)
        idle = (state.as_of - since).days if since else None
        reasons.append(Reason("stale", days=idle, day=since))
    for _, milestone in state.overdue_milestones(measure):
        reasons.append(Reason("milestone", ids=(milestone.title,)))
    if state.funding_ends_early(measure):
        reasons.append(Reason("funding", day=measure.funding_ends))
    if measure.effective_deadline is None:
        reasons.append(Reason("no_deadline"))
    if measure.owner is None:
        reasons.append(Reason("no_owner"))
    elif owner is not None and not owner.active:
        reasons.append(Reason("inactive", ids=(owner.id,)))
    return reasons


def days_text(days: int, lang: Lang) -> str:
    """`1 Tag`, `13 Tagen` / `1 day`, `13 days`."""
    return label("one_day", lang) if days == 1 else label("n_days", lang).format(n=days)


def describe(reason: Reason, lang: Lang) -> str:
    """The reason in the reader's words: `seit 77 Tagen überfällig`."""
    days = days_text(reason.days or 0, lang)
    match reason.kind:
        case "overdue":
            return label("late_by", lang).format(days=days)
        case "due_soon":
            if not reason.days:
                return label("due_today", lang)
            return label("due_after", lang).format(days=days)
        case "stale":
            return label("stale_for", lang).format(days=days)
        case "blocked":
            return label("blocked_by", lang).format(ids=", ".join(reason.ids))
        case "funding":
            return label("funding_gap", lang).format(date=format_date(reason.day, lang))
        case "milestone":
            return say("milestone_overdue_reason", lang, title=reason.ids[0])
        case "inactive":
            return label("owner_inactive", lang)
        case _:
            return label(reason.kind, lang)


def describe_all(item: ActionItem, lang: Lang) -> str:
    return "; ".join(describe(reason, lang) for reason in item.reasons)


def action_order(item: ActionItem) -> tuple[int, dt.date, str]:
    """By effective deadline, the ones without a deadline last."""
    deadline = item.measure.effective_deadline
    due = deadline.due if deadline else None
    return (due is None, due or dt.date.max, item.measure.id)
