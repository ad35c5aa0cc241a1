"""`show` and `diff` over several plans: a folder, several files, two folders, a git revision."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import DATA, run

PORTFOLIO = DATA / "portfolio"  # adorf and bedorf valid, cedorf with errors
AS_OF = ("--as-of", "2025-03-18")
PROGRESS_70 = ("VW-02", "--progress", "70", "--date", "2025-03-01")


def test_show_finds_the_measure_in_the_plans_that_have_it() -> None:
    result = run("show", PORTFOLIO, "VW-01", *AS_OF)
    assert result.code == 0 and result.stderr == ""
    assert result.stdout.startswith(
        f"{PORTFOLIO / 'adorf.toml'}\n\nVW-01 · Online-Terminvereinbarung\n"
    )
    assert result.stdout.count("VW-01 · ") == 1


def test_show_of_one_plan_has_no_heading() -> None:
    result = run("show", PORTFOLIO / "adorf.toml", "VW-01", *AS_OF)
    assert result.code == 0 and result.stdout.startswith("VW-01 · Online-Terminvereinbarung\n")


@pytest.mark.usefixtures("english")
def test_show_of_an_id_no_plan_has_exits_2_with_a_hint() -> None:
    result = run("show", PORTFOLIO, "VW-9", *AS_OF)
    assert result.code == 2 and result.stdout == ""
    assert (
        result.stderr
        == 'massnahmen: no measure VW-9 in any of the 3 plans read (did you mean "VW-02"?)\n'
    )


def test_show_still_shows_the_readable_plans_when_one_is_missing(tmp_path: Path) -> None:
    result = run("show", PORTFOLIO / "adorf.toml", tmp_path / "fehlt.toml", "VW-01", *AS_OF)
    assert result.code == 2 and "VW-01 · Online-Terminvereinbarung" in result.stdout
    assert result.stderr == f"massnahmen: {tmp_path / 'fehlt.toml'}: no such file\n"


def test_show_with_one_word_says_what_is_missing() -> None:
    result = run("show", PORTFOLIO / "adorf.toml", cwd=PORTFOLIO.parent)
    assert result.code == 2 and result.stderr.count("\n") == 1
    assert "MASSNAHMEN_PLAN" in result.stderr  # one word is the id; no plan was found for it


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """Last month's folder (adorf, cedorf) and this month's (adorf changed, bedorf new, cedorf)."""
    old, new = tmp_path / "2025-02", tmp_path / "2025-03"
    for folder, names in ((old, ["adorf", "cedorf"]), (new, ["adorf", "bedorf", "cedorf"])):
        folder.mkdir()
        for name in names:
            shutil.copy(PORTFOLIO / f"{name}.toml", folder)
    assert (
        run("update", new / "adorf.toml", "VW-02", "--progress", "70", "--date", "2025-03-01").code
        == 0
    )
    return old, new


def test_two_folders_compare_the_plans_of_the_same_name(folders: tuple[Path, Path]) -> None:
    old, new = folders
    result = run("diff", old, new, *AS_OF)
    assert result.code == 1  # cedorf is invalid in both folders
    assert f"{old / 'adorf.toml'} → {new / 'adorf.toml'}" in result.stdout
    assert "Fortschritt: 60 % → 70 %" in result.stdout
    assert f"Plan neu, ohne frühere Fassung: {new / 'bedorf.toml'}" in result.stdout
    assert f"{new / 'cedorf.toml'}: invalid plan" in result.stderr


def test_two_folders_as_json(folders: tuple[Path, Path]) -> None:
    old, new = folders
    result = run("diff", old, new, "-f", "json", *AS_OF)
    plans = json.loads(result.stdout)["plans"]
    assert [sorted(p) for p in plans] == [
        ["added", "changed", "fields", "new", "old", "owners", "removed"],
        ["only_in", "plan"],
        ["failure", "plan"],
    ]
    assert plans[0]["changed"][0]["changes"] == {"progress": {"old": 60, "new": 70}}
    assert plans[1] == {"plan": str(new / "bedorf.toml"), "only_in": "new"}
    assert plans[2] == {"plan": str(new / "cedorf.toml"), "failure": "invalid plan"}


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git missing")
def test_rev_compares_each_plan_of_a_folder_with_itself(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("adorf", "bedorf"):
        shutil.copy(PORTFOLIO / f"{name}.toml", plans)
    git(tmp_path, "init", "-q")
    git(tmp_path, "-c", "user.name=T", "-c", "user.email=t@example.org", "add", ".")
    git(tmp_path, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "x")
    shutil.copy(PORTFOLIO / "cedorf.toml", plans)  # a plan git has not seen yet
    assert (
        run(
            "update", plans / "adorf.toml", "VW-02", "--progress", "70", "--date", "2025-03-01"
        ).code
        == 0
    )

    result = run("diff", "--rev", "HEAD", plans, "-f", "json", *AS_OF)
    assert result.code == 0, result.stderr
    found = json.loads(result.stdout)["plans"]
    assert [p.get("old") or p.get("only_in") for p in found] == [
        f"HEAD:{plans / 'adorf.toml'}",
        f"HEAD:{plans / 'bedorf.toml'}",
        "new",
    ]
    assert [len(p.get("changed", [])) for p in found] == [1, 0, 0]

    unknown = run("diff", "--rev", "NOPE", plans)
    assert unknown.code == 2 and unknown.stdout == ""
    assert unknown.stderr.count("git show failed") == 3
