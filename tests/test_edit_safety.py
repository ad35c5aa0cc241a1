"""Every edit is all or nothing: a lock against a second writer, a check against a changed
file, and a write that leaves the old plan whenever any step of it fails."""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from massnahmen.edit import lock, session
from massnahmen.load import load_plan
from tests.conftest import run
from tests.editing import PLAN, UPDATE_VW01, after_update_of_vw01, write_plan

# These pin the English wording; the German one is pinned in tests/test_german.py.
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(autouse=True)
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.2)


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_lock_held_by_a_live_process_exits_2(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    held = tmp_path / "plan.toml.lock"
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as other:
        held.write_text(f"{other.pid}\n{socket.gethostname()}\n")
        result = run("update", plan, *UPDATE_VW01)
        other.kill()
    assert result.code == 2
    assert f"being edited by process {other.pid}, try again" in result.stderr
    assert plan.read_text() == PLAN and held.exists()


def test_stale_lock_of_a_dead_process_is_cleared(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    (tmp_path / "plan.toml.lock").write_text(f"{_dead_pid()}\n{socket.gethostname()}\n")
    assert run("update", plan, *UPDATE_VW01).code == 0
    assert plan.read_text() == after_update_of_vw01()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]


def test_lock_of_another_host_is_not_taken_over(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    (tmp_path / "plan.toml.lock").write_text(f"{_dead_pid()}\nrathaus-pc-17\n")
    result = run("update", plan, *UPDATE_VW01)
    assert result.code == 2 and "on rathaus-pc-17" in result.stderr


def test_lock_without_a_pid_is_stale_only_when_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock, "fcntl", None)  # where there is no flock to tell
    plan = write_plan(tmp_path)
    held = tmp_path / "plan.toml.lock"
    held.write_text("")
    assert run("update", plan, *UPDATE_VW01).code == 2
    os.utime(held, (0, 0))
    assert run("update", plan, *UPDATE_VW01).code == 0


def test_lock_is_released_after_an_edit_and_a_refusal(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    assert run("update", plan, *UPDATE_VW01).code == 0
    assert run("update", plan, "VW-01", "--owner", "FB9").code == 1
    assert not (tmp_path / "plan.toml.lock").exists()


def test_file_changed_between_reading_and_writing_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = write_plan(tmp_path)
    meanwhile = PLAN.replace("Testdorf digital", "Testdorf digital 2.0")
    real_check = session.check_plan

    def check_while_an_editor_saves(*args: Any, **kwargs: Any) -> Any:
        plan.write_text(meanwhile, encoding="utf-8")
        return real_check(*args, **kwargs)

    monkeypatch.setattr(session, "check_plan", check_while_an_editor_saves)
    result = run("update", plan, *UPDATE_VW01)
    assert result.code == 2 and "changed on disk" in result.stderr
    assert plan.read_text() == meanwhile


def _fail_inside_the_write(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
    """From the moment the plan is written, `module.name` fails with a full disk."""
    real_write = session.atomic_write

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def write_with_failure(*args: Any, **kwargs: Any) -> None:
        monkeypatch.setattr(module, name, boom)
        real_write(*args, **kwargs)

    monkeypatch.setattr(session, "atomic_write", write_with_failure)


@pytest.mark.parametrize(
    ("module", "name"),
    [(tempfile, "mkstemp"), (os, "write"), (os, "fsync"), (os, "chmod"), (os, "replace")],
)
def test_failure_at_any_step_of_the_write_leaves_the_old_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: Any, name: str
) -> None:
    plan = write_plan(tmp_path)
    _fail_inside_the_write(monkeypatch, module, name)
    result = run("update", plan, *UPDATE_VW01)
    monkeypatch.undo()
    assert result.code == 2
    assert "cannot write (No space left on device); the plan is unchanged" in result.stderr
    assert plan.read_text() == PLAN and load_plan(plan).plan is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]


def test_permissions_are_kept(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    plan.chmod(0o640)
    assert run("update", plan, *UPDATE_VW01).code == 0
    assert plan.stat().st_mode & 0o777 == 0o640


def test_a_symlinked_plan_is_edited_through_the_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    target = write_plan(tmp_path / "real")
    link = tmp_path / "links" / "plan.toml"
    link.symlink_to(target)
    assert run("update", link, *UPDATE_VW01).code == 0
    assert link.is_symlink() and target.read_text() == after_update_of_vw01()
    assert [p.name for p in (tmp_path / "real").iterdir()] == ["plan.toml"]


@pytest.mark.parametrize(
    ("encode", "name"),
    [
        (lambda text: text.replace("\n", "\r\n").encode(), "CRLF"),
        (lambda text: "\ufeff".encode() + text.encode(), "BOM"),
        (lambda text: "\ufeff".encode() + text.replace("\n", "\r\n").encode(), "BOM+CRLF"),
    ],
)
def test_line_endings_and_byte_order_mark_survive(
    tmp_path: Path, encode: Callable[[str], bytes], name: str
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_bytes(encode(PLAN))
    assert run("update", plan, *UPDATE_VW01).code == 0, name
    assert plan.read_bytes() == encode(after_update_of_vw01())


def test_unwritable_folder_exits_2(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    tmp_path.chmod(0o555)
    try:
        if os.access(tmp_path, os.W_OK):
            pytest.skip("running as root, who writes anywhere")
        result = run("update", plan, *UPDATE_VW01)
    finally:
        tmp_path.chmod(0o755)
    assert result.code == 2 and "Permission denied" in result.stderr
    assert plan.read_text() == PLAN
