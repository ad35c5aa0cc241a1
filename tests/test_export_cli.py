"""`massnahmen export` through the command line: where the file goes and when it cannot."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.generate import generate_plan

from tests.conftest import DATA, run

pytestmark = pytest.mark.usefixtures("english")  # pins the English wording


PLAN = DATA / "report" / "plan.toml"
AS_OF = "2024-07-01"


def test_writes_the_workbook_and_says_so_on_stderr(tmp_path: Path) -> None:
    target = tmp_path / "bericht.xlsx"
    result = run("export", PLAN, "--as-of", AS_OF, "-o", target)
    assert result.code == 0 and result.stdout == ""
    assert result.stderr == f"{target}: 4 measures as of 2024-07-01, changes since 2024-06-11\n"
    assert target.read_bytes()[:2] == b"PK"


def test_creates_the_output_folder(tmp_path: Path) -> None:
    target = tmp_path / "HFA" / "2024-09" / "bericht.xlsx"
    assert run("export", PLAN, "--as-of", AS_OF, "-o", target).code == 0
    assert target.is_file()


def test_replaces_an_existing_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "bericht.xlsx"
    target.write_bytes(b"old")
    assert run("export", PLAN, "--as-of", AS_OF, "-o", target).code == 0
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["bericht.xlsx"]


def test_unwritable_folder_exits_2_with_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = run("export", PLAN, "--as-of", AS_OF, "-o", blocker / "bericht.xlsx")
    assert result.code == 2
    assert result.stderr.count("\n") == 1 and "cannot be written" in result.stderr


def test_workbook_open_in_an_office_program_exits_2(tmp_path: Path) -> None:
    target = tmp_path / "bericht.xlsx"
    target.write_bytes(b"old")
    (tmp_path / ".~lock.bericht.xlsx#").write_text("someone,host,...")
    result = run("export", PLAN, "--as-of", AS_OF, "-o", target)
    assert result.code == 2 and "is open in another program" in result.stderr
    assert target.read_bytes() == b"old"


def test_excel_lock_file_counts_too(tmp_path: Path) -> None:
    (tmp_path / "~$bericht.xlsx").write_text("")
    result = run("export", PLAN, "--as-of", AS_OF, "-o", tmp_path / "bericht.xlsx")
    assert result.code == 2 and "~$bericht.xlsx" in result.stderr


def test_output_that_is_a_folder_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "out.xlsx"
    folder.mkdir()
    result = run("export", PLAN, "--as-of", AS_OF, "-o", folder)
    assert result.code == 2 and "is a folder" in result.stderr


def test_output_must_be_xlsx(tmp_path: Path) -> None:
    result = run("export", PLAN, "--as-of", AS_OF, "-o", tmp_path / "bericht.pdf")
    assert result.code == 2 and "does not end in .xlsx" in result.stderr


def test_invalid_plan_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "bericht.xlsx"
    result = run("export", DATA / "invalid" / "e103_unknown_owner.toml", "-o", target)
    assert result.code == 1 and "E103" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize("name", ["e002_bad_value", "e102_unknown_field", "e001_syntax"])
def test_errors_of_an_invalid_plan_keep_their_positions(tmp_path: Path, name: str) -> None:
    """Reports read a valid plan without its text; an invalid one is read again for positions."""
    plan = DATA / "invalid" / f"{name}.toml"
    result = run("export", plan, "-o", tmp_path / "bericht.xlsx", "--as-of", "2025-01-01")
    expected = (DATA / "invalid" / f"{name}.expected").read_text(encoding="utf-8")
    assert result.code == 1
    for line in expected.splitlines():
        assert f"{plan.parent}/{line}" in result.stderr


def test_output_option_is_required() -> None:
    result = run("export", PLAN)
    assert result.code == 2 and "--output" in result.stderr


def test_since_after_the_as_of_date_exits_2(tmp_path: Path) -> None:
    result = run(
        "export", PLAN, "--as-of", AS_OF, "--since", "2024-08-01", "-o", tmp_path / "x.xlsx"
    )
    assert result.code == 2 and "after the as-of date" in result.stderr


def test_meeting_date_chooses_where_changes_count_from(tmp_path: Path) -> None:
    target = tmp_path / "x.xlsx"
    result = run("export", PLAN, "--as-of", AS_OF, "--meeting", "2024-03-05", "-o", target)
    assert result.code == 0 and "changes since 2024-03-05" in result.stderr


def test_plan_without_earlier_meetings_has_no_changes(tmp_path: Path) -> None:
    result = run("export", DATA / "valid" / "minimal.toml", "-o", tmp_path / "x.xlsx")
    assert result.code == 0 and "changes since" not in result.stderr


def _export_large_plan(tmp_path: Path, *, terminal: bool) -> bytes:
    """stderr of `export` of 4,500 measures in a child, on a pseudo-terminal or a pipe."""
    plan = generate_plan(tmp_path / "gross.toml", 4_500)
    command = [sys.executable, "-m", "massnahmen", "export", str(plan), "--as-of", "2025-03-18"]
    command += ["-o", str(tmp_path / "gross.xlsx")]
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    if not terminal:
        done = subprocess.run(command, capture_output=True, env=env, timeout=300, check=True)
        return done.stderr
    import pty  # not on Windows

    main, child = pty.openpty()
    with subprocess.Popen(command, stdout=child, stderr=child, env=env) as process:
        os.close(child)
        seen = b""
        with contextlib.suppress(OSError):  # EIO once the child has closed its end
            while chunk := os.read(main, 65536):
                seen += chunk
        assert process.wait(timeout=300) == 0
    os.close(main)
    return seen


@pytest.mark.skipif(sys.platform == "win32", reason="no pseudo-terminals")
def test_a_large_export_shows_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    seen = _export_large_plan(tmp_path, terminal=True).decode()
    assert "Writing the workbook" in seen
    shown = [int(p) for p in re.findall(r"(\d+)%", seen)]
    assert shown[-1] == 100 and len(set(shown)) > 3  # it moved on the way to the end
    assert "gross.xlsx: 4500 measures as of 2025-03-18" in seen


def test_a_large_export_in_a_job_says_one_line(tmp_path: Path) -> None:
    err = _export_large_plan(tmp_path, terminal=False).decode()
    assert err.endswith("gross.xlsx: 4500 measures as of 2025-03-18, changes since 2024-11-19\n")
    assert err.count("\n") == 1 and "%" not in err
