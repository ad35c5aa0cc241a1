"""Faults from outside: a full disk, a folder that refuses writing, a plan deleted or changed while
a command runs. Every command that writes says one line and exits 2, leaves the old file as it
was and nothing half-written beside it. (Faults are injected by monkeypatching, since chmod does
not stop root, who runs CI.)"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from massnahmen.edit import session
from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, Result, run
from tests.editing import PLAN, UPDATE_VW01, write_plan

FAULTS: dict[str, tuple[Any, str, int]] = {
    "disk full on write": (os, "write", errno.ENOSPC),
    "disk full on fsync": (os, "fsync", errno.ENOSPC),
    "I/O error on fsync": (os, "fsync", errno.EIO),
    "read-only folder": (tempfile, "mkstemp", errno.EACCES),
    "read-only file system": (tempfile, "mkstemp", errno.EROFS),
    "quota exceeded on rename": (os, "replace", errno.EDQUOT),
}
WRITERS: dict[str, Callable[[Path], list[Any]]] = {
    "update": lambda folder: ["update", folder / "plan.toml", *UPDATE_VW01],
    "add": lambda folder: [
        *("add", folder / "plan.toml", "--field", "VW", "--title", "Online-Formulare"),
        *("--owner", "FB1", "--deadline", "2027-06-30"),
    ],
    "export": lambda folder: [
        *("export", folder / "plan.toml", "--as-of", EXAMPLE_AS_OF),
        *("-o", folder / "bericht.xlsx"),
    ],
    "import": lambda folder: ["import", folder / "liste.csv", "-o", folder / "neu.toml"],
    "remind": lambda folder: [
        *("remind", folder / "plan.toml", "--as-of", EXAMPLE_AS_OF),
        *("--out-dir", folder / "erinnerungen"),
    ],
    "init": lambda folder: ["init", folder / "neu.toml"],
    "publish": lambda folder: [
        *("publish", folder / "plan.toml", "--as-of", EXAMPLE_AS_OF, "-o", folder / "site"),
    ],
}


# Writers of many files make them durable with one os.sync instead of an fsync per file.
SYNC_NOT_FSYNC = {"publish"}


def run_with_fault(
    monkeypatch: pytest.MonkeyPatch, fault: str, args: list[Any], command: str = ""
) -> Result:
    module, name, code = FAULTS[fault]
    if command in SYNC_NOT_FSYNC and name == "fsync":
        name = "sync"

    def broken(*_: Any, **__: Any) -> Any:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(module, name, broken)
    try:
        return run(*args)
    finally:
        monkeypatch.undo()


def prepared(folder: Path, command: str) -> Path:
    """A folder with what `command` reads; the edit tests use the small editing plan."""
    if command in ("update", "add"):
        write_plan(folder)
    else:
        (folder / "plan.toml").write_bytes(EXAMPLE.read_bytes())
    (folder / "liste.csv").write_text("Nr.;Maßnahme;Handlungsfeld\n1;Terminbuchung;Verwaltung\n")
    (folder / "erinnerungen").mkdir()
    (folder / "erinnerungen" / "alt.txt").write_text("gestern")
    if command == "publish":  # an earlier site, in the other language
        result = run(
            "publish",
            folder / "plan.toml",
            "--as-of",
            EXAMPLE_AS_OF,
            "--lang",
            "en",
            "-o",
            folder / "site",
        )
        assert result.code == 0, result.stderr
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("command", WRITERS)
def test_a_write_that_fails_changes_nothing_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, fault: str
) -> None:
    folder = prepared(tmp_path, command)
    before = snapshot(folder)
    result = run_with_fault(monkeypatch, fault, WRITERS[command](folder), command)
    assert result.code == 2, result
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("massnahmen: ")
    assert os.strerror(FAULTS[fault][2]).lower() in message.lower()
    assert snapshot(folder) == before  # no temporary file either


def test_plan_deleted_during_an_update_is_not_brought_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = write_plan(tmp_path)
    real_check = session.check_plan

    def check_while_someone_deletes(*args: Any, **kwargs: Any) -> Any:
        plan.unlink(missing_ok=True)
        return real_check(*args, **kwargs)

    monkeypatch.setattr(session, "check_plan", check_while_someone_deletes)
    result = run("update", plan, *UPDATE_VW01)
    assert result.code == 2 and "no such file" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_plan_replaced_by_a_folder_during_an_update(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = write_plan(tmp_path)
    real_check = session.check_plan

    def check_while_someone_swaps(*args: Any, **kwargs: Any) -> Any:
        if plan.is_file():
            plan.unlink()
            plan.mkdir()
        return real_check(*args, **kwargs)

    monkeypatch.setattr(session, "check_plan", check_while_someone_swaps)
    result = run("update", plan, *UPDATE_VW01)
    assert result.code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert plan.is_dir() and not list(plan.iterdir())


def test_plan_changed_during_an_export_gives_the_version_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    from massnahmen.render import workbook as workbook_module

    plan = tmp_path / "plan.toml"
    plan.write_bytes(EXAMPLE.read_bytes())
    real = workbook_module.workbook_bytes

    def build_while_someone_edits(*args: Any, **kwargs: Any) -> bytes:
        plan.write_text(PLAN, encoding="utf-8")  # another plan altogether
        return real(*args, **kwargs)

    monkeypatch.setattr(workbook_module, "workbook_bytes", build_while_someone_edits)
    out = tmp_path / "bericht.xlsx"
    assert run("export", plan, "--as-of", EXAMPLE_AS_OF, "-o", out).code == 0
    assert load_workbook(out).worksheets[0]["A1"].value == "Musterdorf 2030: digital und bürgernah"


def test_lock_that_cannot_be_created_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from massnahmen.edit import lock

    plan = write_plan(tmp_path)

    def refused(path: Path) -> int:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(lock, "_take_flock", refused)
    monkeypatch.setattr(lock, "_take_exclusive", refused)
    result = run("update", plan, *UPDATE_VW01)
    assert result.code == 2 and "Permission denied" in result.stderr
    assert plan.read_text() == PLAN
