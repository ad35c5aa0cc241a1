"""Who must be reminded of what: per owner, the open measures that are overdue, due soon or stale.

A nightly job turns each `Digest` into a mail; `write_digests` puts one file per owner in a
folder and removes the file of an owner who has nothing to do any more, so that yesterday's
reminder is not sent again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from massnahmen.errors import CannotRun
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


@dataclass(frozen=True)
class Reminding:
    """One plan's reminders on the as-of date: a digest per owner with something to do, and the
    measures that would need a reminder but have no owner (only when all owners are asked)."""

    state: PlanState
    within: int
    digests: list[Digest]
    unowned: list[Reminder]


def remind_plan(
    plan: Plan, as_of: dt.date, within: int | None, owners: Sequence[str] = ()
) -> Reminding:
    """The reminders of a valid plan; `within` defaults to the plan's settings.due_soon_days."""
    from massnahmen.report.state import PlanState

    state = PlanState(plan, as_of)
    days = plan.settings.due_soon_days if within is None else within
    unowned = [] if owners else unowned_reminders(plan, state, days)
    return Reminding(state, days, build_digests(plan, state, days, owners), unowned)


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


def write_reminders(
    out_dir: Path,
    plans: Sequence[tuple[str, Plan, dict[str, str]]],
    suffix: str,
    owners: Sequence[str] = (),
    *,
    several: bool = False,
) -> list[Path]:
    """Each plan's texts (by owner id) as one file per owner in `out_dir`, or with several plans
    in a folder per plan (named by its file) in `out_dir`; the files of owners asked for (all,
    or `owners`) who have nothing to do now are removed. Returns the paths written."""
    folders = plan_folders([path for path, _, _ in plans]) if several else {}
    written: list[Path] = []
    for path, plan, texts in plans:
        folder = out_dir / folders[path] if several else out_dir
        in_scope = [o for o in plan.owners if not owners or o.id in owners]
        names = file_names(in_scope, suffix)
        files = {names[owner_id]: text for owner_id, text in texts.items()}
        stale = [names[o.id] for o in in_scope if o.id not in texts]
        try:
            written += write_digests(folder, files, stale)
        except OSError as exc:
            raise CannotRun(
                f"{out_dir}: cannot write the reminders ({exc.strerror or exc})"
            ) from None
    return written
