"""A returned request workbook read back: the tie to the plan, and each row judged against the
plan as it is now: taken (an update to write), invalid, unchanged (already collected),
a conflict (the measure got an update after the request), or empty."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from massnahmen.edit import MeasureUpdate
from massnahmen.errors import CannotRun
from massnahmen.request.ticket import (
    MEASURE_INPUTS,
    TIE_SHEET,
    NotATicket,
    Ticket,
    TiedRow,
    column_letter,
    plan_key,
    read_tie,
)
from massnahmen.vocabulary import (
    NotUnderstood,
    read_date,
    read_deadline,
    read_progress,
    read_rating,
    read_status,
)
from massnahmen.words import say

if TYPE_CHECKING:
    from massnahmen.model import Measure, Plan, Update

Verdict = Literal["taken", "invalid", "unchanged", "conflict", "empty"]
MAX_ROWS = 100_000  # a request of one owner has far fewer; more is not a workbook we wrote


@dataclass(frozen=True)
class Answer:
    """One row judged: where it stands (`Rückmeldung!F7`), its measure, what becomes of it."""

    cell: str
    measure: str
    verdict: Verdict
    message: str = ""
    update: MeasureUpdate | None = None


@dataclass(frozen=True)
class Returned:
    """A returned workbook: its ticket, its answer sheet's name and rows by sheet row."""

    file: str
    ticket: Ticket
    sheet: str
    cells: dict[int, list[object]]


def read_returned(path: Path) -> Returned:
    """The workbook at `path`; CannotRun (exit 2) if it cannot be read or is no request.
    Read with calamine: a fifth of openpyxl's time for the same cells."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        if TIE_SHEET not in book.sheet_names:
            raise CannotRun(say("collect.not_a_request", file=path))
        tied = book.get_sheet_by_name(TIE_SHEET).to_python(skip_empty_area=False, nrows=MAX_ROWS)
        tie: list[list[object]] = [list(r) for r in tied]
        try:
            ticket = read_tie(tie)
        except NotATicket:
            raise CannotRun(say("collect.not_a_request", file=path)) from None
        sheet = next(name for name in book.sheet_names if name != TIE_SHEET)
        last = max((r.row for r in ticket.rows), default=0)
        rows = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False, nrows=last)
    except (OSError, CalamineError, ValueError) as exc:
        raise CannotRun(say("collect.unreadable", file=path, reason=exc)) from None
    cells: dict[int, list[object]] = {n: list(r[:11]) for n, r in enumerate(rows, start=1)}
    return Returned(str(path), ticket, sheet, cells)


def require_plan(returned: Returned, plan: Plan) -> None:
    """CannotRun (exit 2) for a workbook made from another plan."""
    if returned.ticket.plan_key != plan_key(plan):
        raise CannotRun(
            say("collect.other_plan", file=returned.file, plan=returned.ticket.plan_title)
        )


def judge(returned: Returned, plan: Plan, on: dt.date, as_of: dt.date) -> list[Answer]:
    """Every row of the workbook judged against `plan`; `on` is the day of the updates."""
    measures = {m.id: m for m in plan.measures}
    found = []
    for tied in returned.ticket.rows:
        cells = [*returned.cells.get(tied.row, []), *[None] * 11][:11]
        where = f"{returned.sheet}!{{column}}{tied.row}"
        found.append(_judge_row(tied, cells, measures.get(tied.measure), where, on, as_of, plan))
    return found


def _judge_row(
    tied: TiedRow,
    cells: list[object],
    measure: Measure | None,
    where: str,
    on: dt.date,
    as_of: dt.date,
    plan: Plan,
) -> Answer:
    names = MEASURE_INPUTS if tied.kind == "measure" else ("reached",)
    given = {name: cells[ord(column_letter(name)) - ord("A")] for name in names}
    given = {k: v for k, v in given.items() if not (v is None or str(v).strip() == "")}
    first = where.format(column=column_letter(next(iter(given), names[0])))
    if not given:
        return Answer(first, tied.measure, "empty")
    if measure is None:
        return Answer(first, tied.measure, "invalid", say("collect.no_measure"))
    try:
        if tied.kind == "measure":
            return _measure_answer(tied, given, measure, where, on, plan)
        return _part_answer(tied, given["reached"], measure, first, on, as_of)
    except _Invalid as exc:
        return Answer(
            where.format(column=column_letter(exc.column)), measure.id, "invalid", exc.message
        )


class _Invalid(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column, self.message = column, message


def _read(column: str, reader: object, value: object) -> object:
    try:
        return reader(value)  # type: ignore[operator]
    except NotUnderstood as exc:
        raise _Invalid(column, exc.message()) from None


def _measure_answer(
    tied: TiedRow, given: dict[str, object], measure: Measure, where: str, on: dt.date, plan: Plan
) -> Answer:
    status = given.get("status_new")
    progress = given.get("progress_new")
    deadline = given.get("deadline_new")
    rating = given.get("rating_new")
    note = given.get("note_new")
    update = MeasureUpdate(
        date=on,
        status=None if status is None else str(_read("status_new", read_status, status)),
        progress=None if progress is None else int(_read("progress_new", read_progress, progress)),  # type: ignore[call-overload]
        deadline=None if deadline is None else _deadline_text(deadline, plan),
        rating=None if rating is None else str(_read("rating_new", read_rating, rating)),
        note=None if note is None else " ".join(str(note).split()),
    )
    if update.deadline is not None and not update.note:
        raise _Invalid("deadline_new", say("collect.needs_reason"))
    first = where.format(column=column_letter(next(iter(given))))
    later = measure.updates[tied.updates :]
    if any(_same(update, u) for u in later):
        return Answer(first, measure.id, "unchanged", say("collect.already"))
    if later:
        shown = _shown(later[-1])
        return Answer(
            first,
            measure.id,
            "conflict",
            say("collect.conflict", plan=shown, answer=_shown_answer(update)),
            update,
        )
    return Answer(first, measure.id, "taken", update=update)


def _deadline_text(value: object, plan: Plan) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    read = _read("deadline_new", lambda v: read_deadline(v, plan.settings.horizons), value)
    return read.isoformat() if isinstance(read, dt.date) else str(read)  # the plan's form


def _part_answer(
    tied: TiedRow, value: object, measure: Measure, cell: str, on: dt.date, as_of: dt.date
) -> Answer:
    if tied.kind == "milestone":
        day = _read("reached", read_date, value)
        assert isinstance(day, dt.date)
        if day > as_of:
            raise _Invalid("reached", say("collect.after_as_of", date=day.isoformat()))
        milestone = next((m for m in measure.milestones if m.title == tied.item), None)
        if milestone is None:
            raise _Invalid("reached", say("collect.no_milestone", title=tied.item))
        if milestone.done_on is not None:
            return Answer(cell, measure.id, "unchanged", say("collect.already"))
        return Answer(
            cell, measure.id, "taken", update=MeasureUpdate(date=day, milestone_done=tied.item)
        )
    from massnahmen.assignments import read_number

    try:
        number = value if isinstance(value, int | float) else read_number(str(value))
    except ValueError:
        raise _Invalid("reached", say("collect.not_a_number", value=value)) from None
    indicator = next((i for i in measure.indicators if i.id == tied.item), None)
    if indicator is None:
        raise _Invalid("reached", say("collect.no_indicator", indicator=tied.item))
    if any(v.date == on and v.value == number for v in indicator.values):
        return Answer(cell, measure.id, "unchanged", say("collect.already"))
    update = MeasureUpdate(date=on, indicators=[(tied.item, _number_text(number))])
    return Answer(cell, measure.id, "taken", update=update)


def _number_text(number: object) -> str:
    if isinstance(number, float) and number.is_integer():
        return str(int(number))
    return str(number)


def _same(answer: MeasureUpdate, update: Update) -> bool:
    """Whether `update` in the plan says what the answer says (it was collected before)."""
    deadline = None if update.deadline is None else str(update.deadline.raw)
    pairs = (
        (answer.status, update.status),
        (answer.progress, update.progress),
        (answer.deadline, deadline),
        (answer.rating, update.rating),
    )
    return all(a is None or a == b for a, b in pairs) and (answer.note or None) == update.note


def _shown(update: Update) -> str:
    from massnahmen.words import format_date, label

    parts = [format_date(update.date)]
    parts += [label(update.status)] if update.status else []
    parts += [f"{update.progress} %"] if update.progress is not None else []
    parts += [f"„{update.note}“"] if update.note else []
    return " ".join(parts)


def _shown_answer(update: MeasureUpdate) -> str:
    from massnahmen.words import label

    parts = [label(update.status)] if update.status else []
    parts += [f"{update.progress} %"] if update.progress is not None else []
    parts += [f"„{update.note}“"] if update.note else []
    return " ".join(parts) or "–"


def with_force(answers: list[Answer]) -> list[Answer]:
    """Conflicts taken after all (`--force`)."""
    return [replace(a, verdict="taken") if a.verdict == "conflict" else a for a in answers]


def once(answers: dict[str, list[Answer]]) -> dict[str, list[Answer]]:
    """The same answer given twice in one run (the same file twice) taken once."""
    seen: set[tuple[str, str]] = set()
    found: dict[str, list[Answer]] = {}
    for file, rows in answers.items():
        found[file] = []
        for answer in rows:
            key = (answer.measure, repr(answer.update))
            if answer.verdict == "taken" and key in seen:
                answer = replace(answer, verdict="unchanged", message=say("collect.already"))
            seen.add(key)
            found[file].append(answer)
    return found
