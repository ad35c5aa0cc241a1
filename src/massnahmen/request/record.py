"""Which owners were asked and which answered: a small record beside the plan
(`plan.requests.json` for `plan.toml`), written by `request` and `collect`, read by `remind`
(its letters mention the workbook) and `status` (who has not answered yet). A missing or
unreadable record means no request is known; it is never an error of the plan."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from massnahmen.files import atomic_write
from massnahmen.request.ticket import Ticket
from massnahmen.words import Lang, format_date, say

RECORD_FORMAT = 1
_MAX_BYTES = 4 * 1024 * 1024  # one entry per owner: far below this


@dataclass(frozen=True)
class Asked:
    """One owner's latest request: its id, days, workbook, and the day it was collected."""

    owner: str
    request_id: str
    asked_on: str
    reply_by: str
    file: str
    answered: str | None = None


def record_path(plan: Path) -> Path:
    return plan.with_name(plan.stem + ".requests.json")


def read_record(plan: Path) -> dict[str, Asked]:
    """The owners asked, by id; empty if there is no record or it is not one of ours."""
    try:
        raw = record_path(plan).read_bytes()[:_MAX_BYTES]
        entries = json.loads(raw)["requests"]
        return {e["owner"]: Asked(**e) for e in entries if isinstance(e, dict)}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _write(plan: Path, asked: dict[str, Asked]) -> None:
    entries = [vars(a) for _, a in sorted(asked.items())]
    document = {"format": RECORD_FORMAT, "requests": entries}
    with contextlib.suppress(OSError):  # a convenience: the request itself was written
        atomic_write(record_path(plan), (json.dumps(document, indent=1) + "\n").encode())


def record_requests(plan: Path, asked: Iterable[tuple[Ticket, Path]]) -> None:
    """Records each owner's request (replacing an older one of the owner)."""
    record = read_record(plan)
    for ticket, file in asked:
        record[ticket.owner] = Asked(
            ticket.owner,
            ticket.request_id,
            ticket.asked_on.isoformat(),
            ticket.reply_by.isoformat(),
            file.name,
        )
    _write(plan, record)


def record_answers(plan: Path, tickets: Iterable[Ticket], on: dt.date) -> None:
    """Marks the requests of `tickets` answered on `on` (an older request's answer does not
    answer a newer one)."""
    record = read_record(plan)
    changed = False
    for ticket in tickets:
        asked = record.get(ticket.owner)
        if asked is not None and asked.request_id == ticket.request_id and not asked.answered:
            record[ticket.owner] = Asked(**{**vars(asked), "answered": on.isoformat()})
            changed = True
    if changed:
        _write(plan, record)


def unanswered(plan: Path) -> list[Asked]:
    """The requests not collected yet, by owner id."""
    return [a for _, a in sorted(read_record(plan).items()) if a.answered is None]


def request_workbook(plan: Path, owner: str) -> str | None:
    """The file name of the owner's open request, if it has one."""
    asked = read_record(plan).get(owner)
    return asked.file if asked is not None and asked.answered is None else None


def letter_lines(plan: Path, owner: str, lang: Lang) -> list[str]:
    """`remind`'s words about an open request of the owner: the workbook to fill in."""
    asked = read_record(plan).get(owner)
    if asked is None or asked.answered is not None:
        return []
    reply_by = format_date(dt.date.fromisoformat(asked.reply_by), lang)
    return [say("request.letter_workbook", lang, file=asked.file, reply_by=reply_by), ""]


def status_lines(plan: Path, lang: Lang) -> list[str]:
    """`status`'s line about the owners who have not answered a request yet."""
    waiting = unanswered(plan)
    if not waiting:
        return []
    owners = ", ".join(a.owner for a in waiting)
    return ["", say("request.unanswered", lang, count=len(waiting), owners=owners)]
