"""Who must be reminded of what: per owner, the open measures that are overdue, due soon or stale.

A nightly job turns each `Digest` into a mail; `write_digests` puts one file per owner in a
folder and removes the file of an owner who has nothing to do any more, so that yesterday's
reminder is not sent again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from massnahmen.files import atomic_write, safe_file_name
from massnahmen.report.select import natural_key

if TYPE_CHECKING:
    from massnahmen.model import Measure, Owner, Plan
    from massnahmen.report.state import PlanState

Reason = Literal["overdue", "due_soon", "stale"]
_ORDER: dict[Reason, int] = {"overdue": 0, "due_soon": 1, "stale": 2}


@dataclass(frozen=True)
class Reminder:
    measure: Measure
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Digest:
    """What one owner has to do: most urgent first."""

    owner: Owner
    reminders: list[Reminder]


def reasons_for(measure: Measure, state: PlanState, within: int) -> tuple[Reason, ...]:
    """Why `measure` needs its owner's attention; empty if it does not."""
    found: list[Reason] = []
    if state.overdue(measure):
        found.append("overdue")
    left = state.days_left(measure)
    if measure.is_open and left is not None and 0 <= left <= within:
        found.append("due_soon")
    if state.stale(measure):
        found.append("stale")
    return tuple(found)


def reminders_for(measures: Iterable[Measure], state: PlanState, within: int) -> list[Reminder]:
    """The measures that need attention, overdue first (latest first), then due soon, then stale."""
    found = [Reminder(m, r) for m in measures if (r := reasons_for(m, state, within))]
    return sorted(
        found,
        key=lambda r: (
            _ORDER[r.reasons[0]],
            state.days_left(r.measure) or 0,
            natural_key(r.measure.id),
        ),
    )


def build_digests(
    plan: Plan, state: PlanState, within: int, owners: Sequence[str] = ()
) -> list[Digest]:
    """One digest per owner (all, or those named) with something to do, in the plan's order."""
    by_owner: dict[str | None, list[Measure]] = {}
    for measure in plan.measures:
        by_owner.setdefault(measure.owner, []).append(measure)
    digests = []
    for owner in plan.owners:
        if owners and owner.id not in owners:
            continue
        mine = reminders_for(by_owner.get(owner.id, []), state, within)
        if mine:
            digests.append(Digest(owner, mine))
    return digests


def unowned_reminders(plan: Plan, state: PlanState, within: int) -> list[Reminder]:
    """Measures that need attention but have no owner to remind (W304)."""
    return reminders_for((m for m in plan.measures if m.owner is None), state, within)


def file_names(owners: Iterable[Owner], suffix: str) -> dict[str, str]:
    """A file name per owner id, through `safe_file_name`, unique even where case is ignored."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for owner in owners:
        stem, n = safe_file_name(owner.id), 1
        name = stem + suffix
        while name.casefold() in taken:
            n += 1
            name = f"{stem}-{n}{suffix}"
        taken.add(name.casefold())
        names[owner.id] = name
    return names


def plan_folders(plans: Iterable[str]) -> dict[str, str]:
    """A folder name per plan path for the reminders of several plans: the file's name without
    `.toml`, through `safe_file_name`, unique even where case is ignored (`plan`, `plan-2`)."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for plan in plans:
        stem, n = safe_file_name(Path(plan).stem), 1
        name = stem
        while name.casefold() in taken:
            n += 1
            name = f"{stem}-{n}"
        taken.add(name.casefold())
        names[plan] = name
    return names


def write_digests(folder: Path, files: dict[str, str], stale: Iterable[str]) -> list[Path]:
    """Writes each `name: text` atomically into `folder` (created if needed) and removes the
    files named in `stale`. Returns the paths written. Raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        path = folder / name
        atomic_write(path, text.encode("utf-8"))
        written.append(path)
    for name in stale:
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()
    return written
