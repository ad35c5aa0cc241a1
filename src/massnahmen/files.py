"""Writing files so that a crash or a full disk never leaves a half-written one."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from massnahmen.errors import CannotRun
from massnahmen.words import say


def atomic_write(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Writes `data` to a temporary file beside `path`, fsyncs it and renames it over `path`.

    Keeps the permissions (without setuid, setgid and sticky bits) and, where the process may,
    the owner of an existing regular file, or uses `mode`. Nothing is taken through a link or
    from a file with other names: a link planted at `path` is replaced by a file of our own
    (with a mode from the umask), never read for its target's owner or mode. Raises OSError on
    failure, after removing the temporary file; `path` is then untouched.
    """
    folder = path.parent
    owner: tuple[int, int] | None = None
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISREG(info.st_mode) and info.st_nlink == 1:
        owner = (info.st_uid, info.st_gid)
        if mode is None:
            mode = info.st_mode & 0o777
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    remove_stale_temporaries(path)
    fd, tmp_name = tempfile.mkstemp(prefix=_temporary_prefix(path), suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        _keep_owner(tmp, owner)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable where the OS allows
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def atomic_write_many(files: Iterable[tuple[Path, bytes]]) -> None:
    """`atomic_write` for many files at once (a site of 10,000 pages): each is written to a
    temporary file beside its target, all of them are made durable with one `os.sync`, then
    each is renamed over its target (and the renames synced).

    One fsync per file cost 4 ms here (40 s for 10,000 pages); one sync after writing them all
    cost 0.2 s. New files get the mode the umask gives (a web server must read them). Raises
    OSError after removing the temporaries still left; targets renamed by then stay, each whole.
    """
    umask = os.umask(0)
    os.umask(umask)
    pending: list[tuple[Path, Path]] = []
    renamed = 0
    try:
        for path, data in files:
            fd, tmp_name = tempfile.mkstemp(
                prefix=_temporary_prefix(path), suffix=".tmp", dir=path.parent
            )
            pending.append((Path(tmp_name), path))
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                if not hasattr(os, "sync"):  # Windows: no sync of everything at once
                    os.fsync(fd)
            finally:
                os.close(fd)
            os.chmod(tmp_name, 0o666 & ~umask)
        if hasattr(os, "sync"):
            os.sync()
        for tmp, path in pending:
            os.replace(tmp, path)
            renamed += 1
        if hasattr(os, "sync"):  # the renames too
            os.sync()
    except BaseException:
        for tmp, _ in pending[renamed:]:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise


_HOST = re.sub(r"[^A-Za-z0-9-]+", "_", socket.gethostname())[:40] or "_"


def _temporary_prefix(path: Path) -> str:
    """`.plan.toml.HOST.PID.`: whose temporary file it is, so that a dead writer's is known."""
    return f".{path.name}.{_HOST}.{os.getpid()}."


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Removes the temporary files of `path` left by a process of this host that has died
    (killed in the middle of a write); returns them. Files of live or other hosts' processes
    stay."""
    removed = []
    prefix = f".{path.name}.{_HOST}."
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(".tmp")):
                continue
            pid = name[len(prefix) :].split(".", 1)[0]
            if pid.isdigit() and not process_alive(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def remove_stale_temporaries_under(folder: Path) -> int:
    """`remove_stale_temporaries` for every file under `folder` in one walk (a site's 10,000
    pages); returns how many were removed."""
    removed = 0
    marker = f".{_HOST}."
    for root, _, names in os.walk(folder):
        for name in names:
            if not (name.startswith(".") and name.endswith(".tmp") and marker in name):
                continue
            pid = name.rsplit(marker, 1)[1].split(".", 1)[0]
            if pid.isdigit() and not process_alive(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(root, name))
                    removed += 1
    return removed


def process_alive(pid: int) -> bool:
    """Whether process `pid` runs on this machine (assumed so where that cannot be told)."""
    if os.name == "nt":  # os.kill would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # runs, under another user (or an absurd pid: do not touch its file)
    return True


def _keep_owner(tmp: Path, owner: tuple[int, int] | None) -> None:
    """Gives the new file the old one's owner: a job running as root must not take it over."""
    if owner is None or not hasattr(os, "chown"):
        return
    if owner != (os.geteuid(), os.getegid()):
        with contextlib.suppress(OSError):  # only root may; others keep their own
            os.chown(tmp, *owner)


_UNSAFE_CHARACTERS = re.compile(r"[^A-Za-z0-9._-]+")
# Names Windows reserves in every folder, whatever the extension.
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"{d}{n}" for d in ("COM", "LPT") for n in range(10))}


def safe_file_name(name: str) -> str:
    """`name` (an owner id, say) as one plain file name inside a folder, on every system.

    Separators and other characters become `_`, leading and trailing dots go (no `..`, no hidden
    files), reserved device names get a leading `_`; the result is never empty.
    """
    cleaned = _UNSAFE_CHARACTERS.sub("_", name)[:100].strip("._") or "_"
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned


def office_lock(path: Path) -> Path | None:
    """The lock file an office program keeps beside a document it has open, if there is one."""
    for name in (f".~lock.{path.name}#", f"~${path.name}"):  # LibreOffice, Microsoft Office
        lock = path.with_name(name)
        if lock.exists():
            return lock
    return None


def check_writable(path: Path) -> None:
    """CannotRun before any work if the output obviously cannot be written."""
    if path.is_dir():
        raise CannotRun(say("msg.output_is_folder", path=path))
    lock = office_lock(path)
    if lock is not None:
        raise CannotRun(say("msg.output_open", path=path, lock=lock.name))


def write_output(path: Path, data: bytes) -> None:
    """Creates the folder if needed and replaces the file atomically; CannotRun if it cannot."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
    except PermissionError:
        raise CannotRun(say("msg.output_denied", path=path)) from None
    except OSError as exc:
        reason = exc.strerror or exc
        raise CannotRun(say("msg.folder_unwritable", folder=path, reason=reason)) from None
