"""What ties a request workbook to its plan: kept on a hidden sheet, which LibreOffice and
Excel keep when they save the file again (document properties are less sure: LibreOffice drops
custom properties of some types), and read back by `collect`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

if TYPE_CHECKING:
    from massnahmen.model import Plan

TIE_SHEET = "massnahmen"
MARK = "massnahmen-request"
TIE_FORMAT = 1
RowKind = Literal["measure", "milestone", "indicator"]
# The columns of the answer sheet, A to K: the state when asked (locked), then the answers.
COLUMNS = (
    "nr",
    "title",
    "status",
    "progress",
    "deadline",
    "status_new",
    "progress_new",
    "deadline_new",
    "rating_new",
    "note_new",
    "reached",
)
MEASURE_INPUTS = ("status_new", "progress_new", "deadline_new", "rating_new", "note_new")
PART_INPUTS = ("reached",)  # a milestone's day reached, an indicator's measured value


def column_letter(name: str) -> str:
    """The letter of a column of the answer sheet: `status_new` is F."""
    return chr(ord("A") + COLUMNS.index(name))


@dataclass(frozen=True)
class TiedRow:
    """One row of the answer sheet as it was asked: its sheet row, the measure, the milestone's
    title or indicator's id (`item`), and how many updates the measure had then."""

    row: int
    kind: RowKind
    measure: str
    item: str = ""
    updates: int = 0


@dataclass(frozen=True)
class Ticket:
    """Which plan (its key), which owner, asked on which day, to answer by which day."""

    plan_key: str
    plan_title: str
    owner: str
    asked_on: dt.date
    reply_by: dt.date
    rows: tuple[TiedRow, ...]

    @property
    def request_id(self) -> str:
        """The same plan, owner and day give the same id."""
        seed = f"{self.plan_key}\n{self.owner}\n{self.asked_on.isoformat()}"
        return hashlib.sha256(seed.encode()).hexdigest()[:12]


def plan_key(plan: Plan) -> str:
    """A plan's identity across its versions: its authority and title."""
    seed = f"{plan.plan.authority}\n{plan.plan.title}"
    return hashlib.sha256(seed.encode()).hexdigest()[:16]


def tie_rows(ticket: Ticket) -> list[list[str | int]]:
    """The hidden sheet's rows: a marked head, the ticket's keys, then one row per answer row."""
    head: list[list[str | int]] = [
        [MARK, TIE_FORMAT],
        ["plan_key", ticket.plan_key],
        ["plan_title", ticket.plan_title],
        ["owner", ticket.owner],
        ["asked_on", ticket.asked_on.isoformat()],
        ["reply_by", ticket.reply_by.isoformat()],
        ["rows", len(ticket.rows)],
    ]
    return head + [[r.row, r.kind, r.measure, r.item, r.updates] for r in ticket.rows]


class NotATicket(ValueError):
    """The hidden sheet is missing or not one this tool wrote."""


def read_tie(rows: list[list[object]]) -> Ticket:
    """The ticket from the hidden sheet's rows (cells as a spreadsheet gives them back: a
    number may come back as a float, a text as a number); NotATicket if it is none."""
    if not rows or not rows[0] or rows[0][0] != MARK:
        raise NotATicket(MARK)
    keys = {str(r[0]): r[1] for r in rows[1:7] if len(r) >= 2}
    try:
        count = int(_number(keys["rows"]))
        tied = tuple(_tied(r) for r in rows[7 : 7 + count])
        return Ticket(
            plan_key=_text(keys["plan_key"]),
            plan_title=_text(keys["plan_title"]),
            owner=_text(keys["owner"]),
            asked_on=dt.date.fromisoformat(_text(keys["asked_on"])[:10]),
            reply_by=dt.date.fromisoformat(_text(keys["reply_by"])[:10]),
            rows=tied,
        )
    except (KeyError, ValueError, TypeError, IndexError) as exc:
        raise NotATicket(str(exc)) from None


def _tied(row: list[object]) -> TiedRow:
    cells = [*row, "", "", "", "", ""][:5]
    kind = _text(cells[1])
    if kind not in ("measure", "milestone", "indicator"):
        raise ValueError(kind)
    return TiedRow(
        int(_number(cells[0])),
        cast(RowKind, kind),
        _text(cells[2]),
        _text(cells[3]),
        int(_number(cells[4])),
    )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _number(value: object) -> float:
    if isinstance(value, bool):
        raise TypeError("bool")
    if isinstance(value, int | float):
        return float(value)
    return float(str(value))
