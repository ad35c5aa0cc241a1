"""`massnahmen check` through the command line: formats, filters, exit codes, unreadable files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA, run

OVERDUE = DATA / "valid" / "w201_overdue.toml"
INVALID = DATA / "invalid" / "e103_unknown_owner.toml"


def test_json_has_the_shape_spec_gives() -> None:
    result = run("check", INVALID, "--as-of", "2024-06-01", "--format", "json")
    document = json.loads(result.stdout)
    assert list(document) == ["plan", "as_of", "valid", "counts", "findings"]
    assert document["valid"] is False and document["as_of"] == "2024-06-01"
    assert document["counts"] == {"error": 2, "warning": 0}
    finding = document["findings"][0]
    assert list(finding) == ["code", "severity", "subject", "message", "file", "line", "column"]
    assert (finding["code"], finding["subject"], finding["line"]) == ("E103", "VW-01", 32)
    assert result.stderr == "" and result.code == 1


@pytest.mark.usefixtures("english")
def test_text_goes_to_stderr_and_nothing_to_stdout() -> None:
    result = run("check", OVERDUE, "--as-of", "2024-06-01")
    assert result.stdout == ""
    assert "W201 measure VW-01: overdue by 31 days" in result.stderr
    assert result.stderr.splitlines()[-1].endswith("valid, 0 errors, 1 warning (as of 2024-06-01)")


def test_warnings_pass_by_default_and_fail_with_fail_on_warning() -> None:
    assert run("check", OVERDUE, "--as-of", "2024-06-01").code == 0
    assert run("check", OVERDUE, "--as-of", "2024-06-01", "--fail-on", "warning").code == 1


def test_ignore_takes_a_prefix() -> None:
    result = run(
        "check", OVERDUE, "--as-of", "2024-06-01", "--ignore", "W2", "--fail-on", "warning"
    )
    assert result.code == 0 and "W201" not in result.stderr


def test_select_keeps_only_the_named_codes() -> None:
    result = run("check", INVALID, "--as-of", "2024-06-01", "--select", "W201", "-f", "json")
    assert json.loads(result.stdout)["findings"] == [] and result.code == 0


def test_unknown_code_in_ignore_is_a_usage_error() -> None:
    result = run("check", OVERDUE, "--ignore", "W999")
    assert result.code == 2 and "W999" in result.stderr


def test_as_of_defaults_to_today_and_is_echoed() -> None:
    import datetime as dt

    result = run("check", OVERDUE, "-f", "json")
    assert json.loads(result.stdout)["as_of"] == dt.date.today().isoformat()


@pytest.mark.usefixtures("english")
def test_bad_as_of_is_a_usage_error() -> None:
    result = run("check", OVERDUE, "--as-of", "2024-13-01")
    assert result.code == 2 and "not a date" in result.stderr


def test_missing_file_exits_2_with_one_line(tmp_path: Path) -> None:
    result = run("check", tmp_path / "nope.toml")
    assert result.code == 2
    assert result.stderr == f"massnahmen: {tmp_path / 'nope.toml'}: no such file\n"


@pytest.mark.usefixtures("english")
def test_folder_without_plans_exits_2(tmp_path: Path) -> None:
    result = run("check", tmp_path)
    assert result.code == 2
    assert result.stderr == f"massnahmen: {tmp_path}: no plan files (*.toml) in this folder\n"


def test_empty_file_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "plan.toml"
    empty.write_text("\n  \n")
    result = run("check", empty)
    assert result.code == 2 and "empty" in result.stderr


def test_file_not_in_utf8_exits_2_naming_the_line(tmp_path: Path) -> None:
    latin1 = tmp_path / "plan.toml"
    latin1.write_bytes('format = 1\n[plan]\ntitle = "Maßnahmen"\n'.encode("latin-1"))
    result = run("check", latin1)
    assert result.code == 2
    assert (
        result.stderr.strip()
        == f"massnahmen: {latin1}:3: not UTF-8 (byte 0xdf); save the file as UTF-8"
    )


def test_unreadable_file_exits_2(tmp_path: Path) -> None:
    import os

    locked = tmp_path / "plan.toml"
    locked.write_text("format = 1\n")
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        pytest.skip("running as root, which reads any file")
    assert run("check", locked).code == 2


def test_codes_are_coloured_when_forced() -> None:
    result = run(
        "check", OVERDUE, "--as-of", "2024-06-01", env={"NO_COLOR": "", "FORCE_COLOR": "1"}
    )
    assert "\x1b[33mW201\x1b[0m" in result.stderr


def test_no_colour_when_piped() -> None:
    result = run("check", OVERDUE, "--as-of", "2024-06-01", env={"NO_COLOR": ""})
    assert "\x1b[" not in result.stderr


def test_help_lists_every_check_code() -> None:
    from massnahmen.checks import CHECKS

    result = run("check", "--help")
    assert all(code in result.stdout for code in CHECKS)


def test_version_prints_the_version() -> None:
    from massnahmen import __version__

    assert run("--version").stdout == f"massnahmen {__version__}\n"
