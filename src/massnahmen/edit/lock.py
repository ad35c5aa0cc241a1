"""A lock file beside the plan, so that an officer and a scheduled job never edit at once.

`plan.toml.lock` holds the pid and host of the process editing. Where the system has `flock`
(Linux, macOS), the holder also keeps an exclusive flock on the file: the kernel releases it
when the process dies, however it dies, so a lock left by a killed process is free at once, and
two processes can never both clear a stale lock and both go on (the race of pid files). A file
that names a live process of this host, or any process of another host, is still respected, so
that a writer without flock (Windows, another machine on a shared folder) is never overrun.
Elsewhere the file is created exclusively (O_CREAT | O_EXCL) and a lock whose process no longer
runs on this host is stale and cleared. A held lock is waited for briefly, then the edit gives
up with `LockHeld` (the command says: try again).

The lock is opened without following a link (O_NOFOLLOW) and checked on the open descriptor
(fstat): a link, a device, a FIFO, a file with a second hard link or of another user is never
truncated or written (`UnsafeLock`). A job running as root in cron would otherwise overwrite or
create whatever a planted `plan.toml.lock` link points to.
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import socket
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from massnahmen.files import process_alive
from massnahmen.words import say

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

WAIT_SECONDS = 5.0
_POLL_SECONDS = (0.02, 0.08)  # a random pause in this range, so that waiters do not march in step
_UNREADABLE_STALE_AFTER = 10.0  # a lock without a pid (its writer died at once) after this long


class LockHeld(Exception):
    """Another process edits the plan."""

    def __init__(self, lock: Path, pid: int | None, host: str | None) -> None:
        self.lock, self.pid, self.host = lock, pid, host
        if pid is None:
            who = say("edit.lock_other")
        elif host and host != socket.gethostname():
            who = say("edit.lock_process_on", pid=pid, host=host)
        else:
            who = say("edit.lock_process", pid=pid)
        super().__init__(say("edit.locked", who=who, lock=lock))


class UnsafeLock(Exception):
    """The lock file is not a regular file of ours: it is left alone and the edit refused."""

    def __init__(self, lock: Path, why: str) -> None:
        self.lock = lock
        super().__init__(say("lock_unsafe", lock=lock, why=why))


_OPEN_FLAGS = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_OPEN_FLAGS |= getattr(os, "O_CLOEXEC", 0)


def lock_path(plan: Path) -> Path:
    return plan.with_name(plan.name + ".lock")


@contextlib.contextmanager
def plan_lock(plan: Path, wait: float | None = None) -> Iterator[Path]:
    """Holds the plan's lock file for the `with` block; raises LockHeld, UnsafeLock or OSError."""
    lock = lock_path(plan)
    give_up = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
    take = _take_flock if fcntl is not None else _take_exclusive
    while True:
        fd = take(lock)
        if fd is not None:
            break
        if time.monotonic() >= give_up:
            raise LockHeld(lock, *_holder(lock)) from None
        time.sleep(random.uniform(*_POLL_SECONDS))
    mine = f"{os.getpid()}\n{socket.gethostname()}\n"
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, mine.encode())
    except OSError:
        _release(lock, fd, None)
        raise
    try:
        yield lock
    finally:
        _release(lock, fd, mine)


def _take_flock(lock: Path) -> int | None:
    """The lock file, opened and flocked, if no one else holds it; else None."""
    assert fcntl is not None
    fd = _open_own(lock)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    except OSError:
        os.close(fd)
        raise
    try:  # the holder before us may have removed the file after we opened it
        current = os.stat(lock)
    except FileNotFoundError:
        current = None
    if current is None or not os.path.samestat(os.fstat(fd), current):
        os.close(fd)
        return None
    pid, host = _holder(lock, fd)
    if _respected(lock, pid, host):  # a writer that does not flock
        os.close(fd)
        return None
    return fd


def _open_own(lock: Path) -> int:
    """The lock file opened for writing, created if missing; UnsafeLock unless it is a regular
    file with one link, owned by this user or by the plan's owner (a lock they left)."""
    try:
        fd = os.open(lock, _OPEN_FLAGS | os.O_CREAT, 0o644)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK):  # what O_NOFOLLOW answers for a link
            raise UnsafeLock(lock, say("lock_link")) from None
        if exc.errno in (errno.ENXIO, errno.EISDIR):  # a FIFO without a reader, a folder
            raise UnsafeLock(lock, say("lock_not_regular")) from None
        raise
    try:
        info = os.fstat(fd)
        why = _unsafe(info, lock)
    except BaseException:
        os.close(fd)
        raise
    if why:
        os.close(fd)
        raise UnsafeLock(lock, why)
    return fd


def _unsafe(info: os.stat_result, lock: Path) -> str | None:
    if not stat.S_ISREG(info.st_mode):
        return say("lock_not_regular")
    if info.st_nlink > 1:
        return say("lock_hard_links")
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        plan = lock.with_name(lock.name.removesuffix(".lock"))
        try:
            plan_owner = os.stat(plan).st_uid
        except OSError:
            plan_owner = None
        if info.st_uid != plan_owner:
            return say("lock_other_user", uid=info.st_uid)
    return None


def _take_exclusive(lock: Path) -> int | None:
    """The lock file, created exclusively, once a stale one is cleared; else None."""
    try:
        return os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        pid, host = _holder(lock)
        if _stale(lock, pid, host):
            with contextlib.suppress(FileNotFoundError):
                lock.unlink()
        return None


def _holder(lock: Path, fd: int | None = None) -> tuple[int | None, str | None]:
    """The pid and host written in a lock file (None where unreadable): read from `fd` where
    the file is open, else by name without following a link."""
    try:
        if fd is None:
            own = os.open(lock, os.O_RDONLY | (_OPEN_FLAGS & ~os.O_RDWR))
            try:
                if not stat.S_ISREG(os.fstat(own).st_mode):
                    return None, None
                raw = _read_start(own)
            finally:
                os.close(own)
        else:
            raw = _read_start(fd)
        lines = raw.decode("utf-8", errors="replace").splitlines()
    except OSError:
        return None, None
    first = lines[0].strip() if lines else ""
    pid = int(first) if first.isascii() and first.isdigit() and len(first) <= 10 else None
    host = lines[1].strip() if len(lines) > 1 and lines[1].strip() else None
    return pid, host


def _read_start(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 4096)


def _respected(lock: Path, pid: int | None, host: str | None) -> bool:
    """Under our flock: whether the file still names a writer that may be editing without one
    (another host, or a live process here that started before the file was written)."""
    if pid is None or pid == os.getpid():
        return False
    if host is not None and host != socket.gethostname():
        return True
    return process_alive(pid) and not _started_after(pid, lock)


def _stale(lock: Path, pid: int | None, host: str | None) -> bool:
    if pid is None:
        try:
            age = time.time() - lock.stat().st_mtime
        except FileNotFoundError:
            return False  # gone meanwhile: just try again
        return age > _UNREADABLE_STALE_AFTER
    if host is not None and host != socket.gethostname():
        return False  # a process on another machine (a shared folder): cannot tell
    return not process_alive(pid)


def _started_after(pid: int, lock: Path) -> bool:
    """Whether process `pid` started after `lock` was written: then the pid was reused and the
    lock's writer is gone (Linux only; False where it cannot be told)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        ticks = int(stat.rsplit(")", 1)[1].split()[19])
        boot = next(
            int(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
        started = boot + ticks / os.sysconf("SC_CLK_TCK")
        return started > lock.stat().st_mtime + 1  # /proc's clock is coarse
    except (OSError, ValueError, IndexError, StopIteration):
        return False


def _release(lock: Path, fd: int, mine: str | None) -> None:
    """Removes the lock if it is still ours (someone may have cleared it as stale meanwhile),
    then lets go of it: removing it first, while still holding the flock, keeps a waiter from
    taking a file that is about to disappear."""
    try:
        with contextlib.suppress(OSError):
            still_ours = os.path.samestat(os.fstat(fd), os.lstat(lock))
            if still_ours and (mine is None or _read_start(fd) == mine.encode()):
                lock.unlink()
    finally:
        os.close(fd)
