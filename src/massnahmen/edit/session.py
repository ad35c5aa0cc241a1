"""One edit of a plan file, from lock to rename: nothing is written that was not checked.

Lock, read, parse, change the text, parse and check the result, refuse it if it adds an error,
make sure the file did not change meanwhile, write atomically, unlock.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from massnahmen.checks import check_plan
from massnahmen.diagnostics import Diagnostic
from massnahmen.edit.locate import region_map
from massnahmen.edit.lock import LockHeld, UnsafeLock, plan_lock
from massnahmen.edit.operations import Change, EditError, Refusal
from massnahmen.files import atomic_write
from massnahmen.load import Loaded, PlanFileError, decode_text, parse_plan, read_bytes
from massnahmen.words import say

BOM = "\ufeff".encode()
Operation = Callable[[Loaded], Change | Refusal]


@dataclass(frozen=True)
class EditResult:
    """What an edit did: the text before and after, or why it was refused."""

    file: str
    before: str
    after: str
    change: Change | None
    refusal: Refusal | None = None
    warnings: list[Diagnostic] = field(default_factory=list)  # about the edited measure
    written: bool = False

    def diff(self) -> str:
        """The change as a unified diff (line endings shown as LF)."""
        lines = difflib.unified_diff(
            self.before.replace("\r\n", "\n").splitlines(keepends=True),
            self.after.replace("\r\n", "\n").splitlines(keepends=True),
            fromfile=self.file,
            tofile=self.file,
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def edit_plan(
    path: Path, operation: Operation, *, today: dt.date, dry_run: bool = False
) -> EditResult:
    """Applies `operation` to the plan at `path` (through a symlink to its target).

    Raises EditError when the edit cannot run; a refused edit is a result with `refusal`.
    """
    name = str(path)
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        raise EditError(say("edit.no_such_file", path=name)) from None
    except (OSError, RuntimeError) as exc:
        raise EditError(say("edit.unreadable", path=name, reason=exc)) from None
    try:
        with plan_lock(target):
            return _edit_locked(target, name, operation, today, dry_run)
    except (LockHeld, UnsafeLock) as exc:
        raise EditError(f"{name}: {exc}") from None
    except PlanFileError as exc:
        raise EditError(str(exc)) from None
    except OSError as exc:
        raise EditError(say("edit.unwritable", path=name, reason=exc.strerror or exc)) from None


def _edit_locked(
    target: Path, name: str, operation: Operation, today: dt.date, dry_run: bool
) -> EditResult:
    raw = read_bytes(target)
    loaded = parse_plan(decode_text(raw, Path(name)), name)
    if loaded.plan is None:
        errors = [d for d in check_plan(loaded, today) if d.severity == "error"]
        return _refused(loaded, None, Refusal(say("edit.invalid"), errors))
    try:
        outcome = operation(loaded)
    except EditError as exc:
        raise EditError(f"{name}: {exc}") from None
    if isinstance(outcome, Refusal):
        return _refused(loaded, None, outcome)
    edited = parse_plan(outcome.text, name)
    if edited.plan is not None and outcome.table == "measures":
        # Only findings about the edited measure are shown: index just its region.
        edited.source_map = region_map(outcome.text, *outcome.region, outcome.index, lines=True)
    findings = check_plan(edited, today)
    errors = [d for d in findings if d.severity == "error"]
    if errors:
        known = {_identity(d) for d in check_plan(loaded, today) if d.severity == "error"}
        new = [d for d in errors if _identity(d) not in known]
        if new or edited.plan is None:
            # they name no line: they stand in a text that was never written
            unplaced = [replace(d, line=None, column=None) for d in new or errors]
            reason = say("edit.breaks") + (f"; {outcome.advice}" if outcome.advice else "")
            return _refused(loaded, outcome, Refusal(reason, unplaced))
    warnings = [d for d in findings if d.severity == "warning" and d.subject == outcome.measure_id]
    if outcome.table != "measures":  # a field or owner just added has no measures yet
        warnings = [d for d in warnings if d.code != "W302"]
    result = EditResult(name, loaded.text, outcome.text, outcome, None, warnings)
    if dry_run:
        return result
    if read_bytes(target) != raw:
        raise EditError(say("edit.changed_on_disk", path=name))
    data = outcome.text.encode("utf-8")
    atomic_write(target, BOM + data if raw.startswith(BOM) else data)
    return EditResult(name, loaded.text, outcome.text, outcome, None, warnings, written=True)


def _refused(loaded: Loaded, change: Change | None, refusal: Refusal) -> EditResult:
    return EditResult(loaded.file, loaded.text, loaded.text, change, refusal)


def _identity(diagnostic: Diagnostic) -> tuple[str, str | None, str]:
    """A finding without its position, which an edit shifts."""
    return diagnostic.code, diagnostic.subject, diagnostic.message
