"""A lock file beside the plan, so that an officer and a scheduled job never edit at once.

`plan.toml.lock` is created exclusively (O_CREAT | O_EXCL) and holds the pid and host of the
process editing. A lock whose process no longer runs on this host is stale and cleared; a live
one is waited for briefly, then the edit gives up with `LockHeld`.
"""

from __future__ import annotations

import contextlib
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

WAIT_SECONDS = 3.0
_POLL_SECONDS = 0.1
_UNREADABLE_STALE_AFTER = 10.0  # a lock without a pid (its writer died at once) after this long


class LockHeld(Exception):
    """Another process edits the plan."""

    def __init__(self, lock: Path, pid: int | None, host: str | None) -> None:
        self.lock, self.pid, self.host = lock, pid, host
        who = f"process {pid}" if pid is not None else "another process"
        if host and host != socket.gethostname():
            who += f" on {host}"
        super().__init__(f"being edited by {who}, try again (lock file {lock})")


def lock_path(plan: Path) -> Path:
    return plan.with_name(plan.name + ".lock")


@contextlib.contextmanager
def plan_lock(plan: Path, wait: float | None = None) -> Iterator[Path]:
    """Holds the plan's lock file for the `with` block; raises LockHeld or OSError."""
    lock = lock_path(plan)
    give_up = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            pid, host = _holder(lock)
            if _stale(lock, pid, host):
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
                continue
            if time.monotonic() >= give_up:
                raise LockHeld(lock, pid, host) from None
            time.sleep(_POLL_SECONDS)
            continue
        break
    mine = f"{os.getpid()}\n{socket.gethostname()}\n"
    try:
        os.write(fd, mine.encode())
    except OSError:
        os.close(fd)
        lock.unlink()
        raise
    os.close(fd)
    try:
        yield lock
    finally:
        _release(lock, mine)


def _holder(lock: Path) -> tuple[int | None, str | None]:
    """The pid and host written in a lock file (None where unreadable)."""
    try:
        lines = lock.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None, None
    pid = int(lines[0]) if lines and lines[0].strip().isdigit() else None
    host = lines[1].strip() if len(lines) > 1 and lines[1].strip() else None
    return pid, host


def _stale(lock: Path, pid: int | None, host: str | None) -> bool:
    if pid is None:
        try:
            age = time.time() - lock.stat().st_mtime
        except FileNotFoundError:
            return False  # gone meanwhile: just try again
        return age > _UNREADABLE_STALE_AFTER
    if host is not None and host != socket.gethostname():
        return False  # a process on another machine (a shared folder): cannot tell
    return not _alive(pid)


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end the process there; assume it runs
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # runs, under another user
    return True


def _release(lock: Path, mine: str) -> None:
    """Removes the lock if it is still ours (someone may have cleared it as stale meanwhile)."""
    with contextlib.suppress(OSError):
        if lock.read_text(encoding="utf-8") == mine:
            lock.unlink()
