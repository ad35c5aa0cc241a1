"""The plan's lock: held by a flock the kernel drops with its process, so a dead holder never
blocks, a reused pid is not mistaken for the holder, and the wait is bounded."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from massnahmen.edit import lock
from tests.conftest import run
from tests.editing import UPDATE_VW01, after_update_of_vw01, write_plan

needs_flock = pytest.mark.skipif(lock.fcntl is None, reason="flock is not available here")
HOLD = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_CREAT | os.O_RDWR)
fcntl.flock(fd, fcntl.LOCK_EX)
os.write(fd, sys.argv[2].encode())
print("held", flush=True)
time.sleep(30)
"""


@pytest.fixture(autouse=True)
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.3)


def hold(path: Path, content: str) -> subprocess.Popen[str]:
    """Another process that holds a flock on `path`, as an editing massnahmen does."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), content], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


@pytest.mark.usefixtures("english")
@needs_flock
def test_a_flocked_lock_makes_the_edit_wait_then_give_up(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    with hold(tmp_path / "plan.toml.lock", "") as holder:
        began = time.monotonic()
        result = run("update", plan, *UPDATE_VW01)
        holder.kill()
    assert result.code == 2 and "try again" in result.stderr
    assert time.monotonic() - began < 3  # bounded


@needs_flock
def test_lock_of_a_killed_holder_is_free_at_once(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    held = tmp_path / "plan.toml.lock"
    with hold(held, "") as holder:
        holder.kill()
        holder.wait()
    held.write_text(f"{holder.pid}\n{socket.gethostname()}\n")
    began = time.monotonic()
    assert run("update", plan, *UPDATE_VW01).code == 0
    assert time.monotonic() - began < 2 and not held.exists()
    assert plan.read_text() == after_update_of_vw01()


@needs_flock
def test_empty_lock_file_no_one_holds_is_taken(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    (tmp_path / "plan.toml.lock").write_text("")
    assert run("update", plan, *UPDATE_VW01).code == 0


@needs_flock
def test_reused_pid_does_not_hold_the_lock(tmp_path: Path) -> None:
    """The lock names a pid that runs, but that process started after the lock was written:
    the pid was reused, the writer is gone."""
    plan = write_plan(tmp_path)
    held = tmp_path / "plan.toml.lock"
    held.write_text(f"{os.getpid()}\n{socket.gethostname()}\n")
    os.utime(held, (0, 0))  # written long before this test process started
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as other:
        held.write_text(f"{other.pid}\n{socket.gethostname()}\n")
        os.utime(held, (0, 0))
        result = run("update", plan, *UPDATE_VW01)
        other.kill()
    assert result.code == 0, result.stderr


@needs_flock
def test_lock_file_of_the_own_pid_is_a_leftover(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    (tmp_path / "plan.toml.lock").write_text(f"{os.getpid()}\n{socket.gethostname()}\n")
    assert run("update", plan, *UPDATE_VW01).code == 0


def _planted(tmp_path: Path, kind: str) -> tuple[Path, Path]:
    """A lock file planted as `kind` beside the plan; the file it must leave alone."""
    held, victim = tmp_path / "plan.toml.lock", tmp_path / "victim.txt"
    victim.write_text("secret\n")
    victim.chmod(0o6777)
    if kind == "link":
        held.symlink_to(victim)
    elif kind == "dangling link":
        held.symlink_to(tmp_path / "created-by-root")
        victim = tmp_path / "created-by-root"
    elif kind == "link chain":
        (tmp_path / "hop").symlink_to(victim)
        held.symlink_to(tmp_path / "hop")
    elif kind == "link to a folder":
        held.symlink_to(tmp_path)
    elif kind == "hard link":
        os.link(victim, held)
    elif kind == "fifo":
        os.mkfifo(held)
    elif kind == "folder":
        held.mkdir()
    elif kind == "another user's file":
        held.write_text("")
        os.chown(held, 12345, 12345)
    return held, victim


PLANTED = [
    "link", "dangling link", "link chain", "link to a folder", "hard link", "fifo", "folder",
    "another user's file",
]  # fmt: skip


@needs_flock
@pytest.mark.parametrize("kind", PLANTED)
def test_a_planted_lock_is_refused_and_left_alone(tmp_path: Path, kind: str) -> None:
    if kind == "another user's file" and os.geteuid() != 0:
        pytest.skip("only root can give a file away")
    plan = write_plan(tmp_path)
    before = plan.read_bytes()
    held, victim = _planted(tmp_path, kind)
    victim_before = victim.read_bytes() if victim.is_file() else None
    result = run("update", plan, *UPDATE_VW01)
    assert result.code == 2 and len(result.stderr.splitlines()) == 1, result.stderr
    assert "Sperrdatei" in result.stderr and "entfernen Sie sie" in result.stderr
    assert plan.read_bytes() == before
    assert (victim.read_bytes() if victim.is_file() else None) == victim_before
    assert os.path.lexists(held)  # not ours to remove


@needs_flock
def test_a_lock_the_plans_owner_left_is_taken(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file away")
    plan = write_plan(tmp_path)
    os.chown(plan, 12345, 12345)
    held = tmp_path / "plan.toml.lock"
    held.write_text("")
    os.chown(held, 12345, 12345)
    assert run("update", plan, *UPDATE_VW01).code == 0
