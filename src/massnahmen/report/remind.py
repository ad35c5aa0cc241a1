"""Who must be reminded of what: per owner, the open measures that are overdue, due soon or stale.

A nightly job turns each `Digest` into a mail; `write_owner_digests` puts one file per owner in
a folder and removes the file of an owner who has nothing to do any more, so that yesterday's
reminder is not sent again. It removes only files it wrote itself: the folder keeps a manifest
(`.massnahmen-remind.json`, each name with the SHA-256 of what was written), and a file is
removed only while it is listed there and still holds those bytes. A file name is a function of
the plan's owners alone (never of `--owner`), so that one owner's file is the same in every run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from massnahmen.errors import CannotRun
from massnahmen.files import atomic_write, safe_file_name
from massnahmen.report.select import natural_key
from massnahmen.words import say

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
    """A file name per owner id, through `safe_file_name`, unique even where case is ignored.

    Give it all of a plan's owners (`owner_file_names`): the names of colliding ids depend on
    which owners are given and in what order."""
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


def owner_file_names(plan: Plan, suffix: str) -> dict[str, str]:
    """A file name per owner of `plan`: the same whichever owners a run reminds."""
    return file_names(plan.owners, suffix)


MANIFEST = ".massnahmen-remind.json"
_MANIFEST_BYTES = 4 * 1024 * 1024  # a manifest names a plan's owners: far below this
_CHECKED_BYTES = 64 * 1024 * 1024  # a reminder larger than this is not one the tool wrote


def write_owner_digests(
    folder: Path,
    plan: Plan,
    texts: Mapping[str, str],
    suffix: str,
    owners: Sequence[str] = (),
) -> list[Path]:
    """Writes the text of each owner id in `texts` as that owner's file in `folder` and removes
    the files this tool wrote before for the other owners in scope (`owners`, or all of the
    plan's; on a full run also those of owners the plan no longer has). Returns the paths
    written. Raises OSError."""
    names = owner_file_names(plan, suffix)
    files = {names[owner]: text for owner, text in texts.items()}
    in_scope = [o.id for o in plan.owners if not owners or o.id in owners]
    stale = [names[o] for o in in_scope if o not in texts]
    if not owners:  # a full run: reminders of owners removed from the plan go too
        current = {name.casefold() for name in names.values()}
        recorded = _read_manifest(folder)
        stale += [n for n in recorded if n.endswith(suffix) and n.casefold() not in current]
    return write_digests(folder, files, stale)


def write_digests(folder: Path, files: dict[str, str], stale: Iterable[str]) -> list[Path]:
    """Writes each `name: text` atomically into `folder` (created if needed) and removes the
    files named in `stale` that the manifest says this tool wrote and that still hold what it
    wrote. Returns the paths written. Raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = _read_manifest(folder)
    written = []
    for name, text in files.items():
        data = text.encode("utf-8")
        path = folder / name
        atomic_write(path, data)
        manifest[name] = hashlib.sha256(data).hexdigest()
        written.append(path)
    for name in stale:
        if name in files or name not in manifest:
            continue
        if _holds(folder / name, manifest[name]):
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()
        if not os.path.lexists(folder / name) or not _holds(folder / name, manifest[name]):
            del manifest[name]  # gone, or no longer what we wrote: not ours any more
    document = {"format": 1, "files": dict(sorted(manifest.items()))}
    atomic_write(folder / MANIFEST, (json.dumps(document, indent=1) + "\n").encode("utf-8"))
    return written


def _read_manifest(folder: Path) -> dict[str, str]:
    """The names the tool wrote into `folder` with their SHA-256; empty if there is no
    manifest or it is not one of ours (a link, too large, not our JSON)."""
    raw = _read_own(folder / MANIFEST, _MANIFEST_BYTES)
    try:
        files = json.loads(raw)["files"] if raw is not None else {}
    except (ValueError, TypeError, KeyError):
        return {}
    if not isinstance(files, dict):
        return {}
    return {
        name: digest
        for name, digest in files.items()
        if isinstance(name, str)
        and isinstance(digest, str)
        and name == safe_file_name(name)  # a plain name inside the folder, as we make them
    }


def _holds(path: Path, digest: str) -> bool:
    raw = _read_own(path, _CHECKED_BYTES)
    return raw is not None and hashlib.sha256(raw).hexdigest() == digest


def _read_own(path: Path, limit: int) -> bytes | None:
    """The bytes of the regular file at `path`, not through a link; None otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        chunks, left = [], limit + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        raw = b"".join(chunks)
        return raw if len(raw) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


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
    or `owners`) who have nothing to do now are removed, if this tool wrote them and they are
    unchanged (`write_owner_digests`). Returns the paths written."""
    folders = plan_folders([path for path, _, _ in plans]) if several else {}
    written: list[Path] = []
    for path, plan, texts in plans:
        folder = out_dir / folders[path] if several else out_dir
        try:  # names from all of the plan's owners; removes only what the manifest says we wrote
            written += write_owner_digests(folder, plan, texts, suffix, owners)
        except OSError as exc:
            reason = exc.strerror or exc
            raise CannotRun(
                say("msg.reminders_unwritable", folder=out_dir, reason=reason)
            ) from None
    return written
