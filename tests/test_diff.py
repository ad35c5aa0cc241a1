"""`massnahmen diff`: two files, git revisions, the JSON shape, and the exit codes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import DATA, run

BASE = (DATA / "cycles" / "plan.toml").read_text(encoding="utf-8")
AS_OF = ("--as-of", "2024-06-30")
NEW_UPDATE = """
[[measures.updates]]
date = 2024-06-15
status = "done"
progress = 100
note = "Fertig."
"""


def versions(tmp_path: Path, new_text: str) -> tuple[Path, Path]:
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    old.write_text(BASE, encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    return old, new


def diff_json(tmp_path: Path, new_text: str) -> dict[str, object]:
    result = run("diff", *versions(tmp_path, new_text), "-f", "json", *AS_OF)
    assert result.code == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    return document


def changes(tmp_path: Path, new_text: str) -> dict[str, object]:
    changed = diff_json(tmp_path, new_text)["changed"]
    assert isinstance(changed, list)
    return {c["id"]: c["changes"] for c in changed}


def test_identical_plans_have_no_changes(tmp_path: Path) -> None:
    result = run("diff", *versions(tmp_path, BASE), *AS_OF)
    assert result.code == 0 and result.stderr == ""
    assert result.stdout.splitlines()[-1] == "Keine Änderungen."


def test_renamed_measure_keeps_its_id(tmp_path: Path) -> None:
    new = BASE.replace('title = "E-Akte"', 'title = "E-Akte für alle"')
    assert changes(tmp_path, new) == {
        "A-03": {"title": {"old": "E-Akte", "new": "E-Akte für alle"}}
    }


def test_status_progress_and_owner_changes(tmp_path: Path) -> None:
    before = 'owner = "O3"\ndeadline = 2025-12-31\nstatus = "planned"'
    after = 'owner = "O2"\ndeadline = 2025-12-31\nstatus = "in_progress"\nprogress = 5'
    new = BASE.replace(before, after)
    assert changes(tmp_path, new) == {
        "B-02": {
            "owner": {"old": "O3", "new": "O2"},
            "status": {"old": "planned", "new": "in_progress"},
            "progress": {"old": None, "new": 5},
        }
    }


def test_deadline_moved_by_an_update_is_a_change_of_the_effective_deadline(tmp_path: Path) -> None:
    new = BASE.replace('note = "Angebot liegt vor"',
                       'note = "Angebot liegt vor"\ndeadline = "2024-Q3"')  # fmt: skip
    document = diff_json(tmp_path, new)
    [change] = document["changed"]  # type: ignore[misc]
    assert change["changes"] == {"deadline": {"old": "2024-05-01", "new": "2024-Q3"}}
    assert change["removed_updates"][0]["deadline"] is None
    assert change["new_updates"][0]["deadline"] == "2024-Q3"


def test_writing_the_same_day_differently_is_no_move(tmp_path: Path) -> None:
    new = BASE.replace('deadline = "2024-Q1"', "deadline = 2024-03-31")
    assert diff_json(tmp_path, new)["changed"] == []


def test_new_update_is_listed(tmp_path: Path) -> None:
    new = BASE.replace('status = "in_progress"\nprogress = 50', 'status = "done"\nprogress = 100')
    new = new.replace('note = "Angebot liegt vor"\n', 'note = "Angebot liegt vor"\n' + NEW_UPDATE)
    [change] = diff_json(tmp_path, new)["changed"]  # type: ignore[misc]
    assert change["new_updates"] == [
        {"date": "2024-06-15", "status": "done", "progress": 100, "deadline": None,
         "rating": None, "note": "Fertig."}
    ]  # fmt: skip
    assert set(change["changes"]) == {"status", "progress"}


def added_and_removed() -> str:
    new = BASE.replace('[[measures]]\nid = "A-04"', '[[measures]]\nid = "A-05"')
    new = new.replace('[[owners]]\nid = "O3"', '[[owners]]\nid = "O4"').replace('"O3"', '"O4"')
    return new + '\n[[fields]]\nid = "C"\nname = "Kultur"\n'


def test_added_and_removed_measures_fields_and_owners(tmp_path: Path) -> None:
    document = diff_json(tmp_path, added_and_removed())
    assert [m["id"] for m in document["added"]] == ["A-05"]  # type: ignore[attr-defined]
    assert [m["id"] for m in document["removed"]] == ["A-04"]  # type: ignore[attr-defined]
    assert document["fields"] == {"added": [{"id": "C", "name": "Kultur"}], "removed": []}
    assert document["owners"] == {
        "added": [{"id": "O4", "name": "Bauamt"}],
        "removed": [{"id": "O3", "name": "Bauamt"}],
    }


def test_json_has_the_documented_keys(tmp_path: Path) -> None:
    document = diff_json(tmp_path, added_and_removed())
    assert list(document) == ["old", "new", "added", "removed", "changed", "fields", "owners"]
    assert list(document["added"][0]) == [  # type: ignore[index]
        "id", "title", "field", "owner", "status", "progress", "deadline",
    ]  # fmt: skip
    assert list(document["changed"][0]) == [  # type: ignore[index]
        "id", "title", "changes", "new_updates", "removed_updates", "attributes", "milestones",
        "indicators", "other_keys",
    ]  # fmt: skip


def test_text_names_each_change(tmp_path: Path) -> None:
    new = added_and_removed().replace('title = "E-Akte"', 'title = "E-Akte neu"')
    old, new_file = versions(tmp_path, new)
    result = run("diff", old, new_file, *AS_OF)
    assert result.stdout == (
        f"Änderungen im Maßnahmenplan: {old} → {new_file}\n\n"
        "Neu aufgenommen (1)\n  + A-05  Fax-Abschaffung\n"
        "Gestrichen (1)\n  - A-04  Fax-Abschaffung\n"
        "Geändert (2)\n  A-03  E-Akte neu\n    Titel: „E-Akte“ → „E-Akte neu“\n"
        "  B-02  WLAN in Schulen\n    Verantwortlich: O3 → O4\n"
        "Handlungsfelder\n  + C  Kultur\n"
        "Verantwortliche\n  + O4  Bauamt\n  - O3  Bauamt\n"
    )


def test_invalid_new_plan_exits_1_with_its_errors(tmp_path: Path) -> None:
    result = run("diff", *versions(tmp_path, BASE.replace('owner = "O3"', 'owner = "O9"')))
    assert result.code == 1 and result.stdout == ""
    assert "E103" in result.stderr and "new.toml: invalid plan" in result.stderr


def test_missing_file_exits_2(tmp_path: Path) -> None:
    old, _ = versions(tmp_path, BASE)
    result = run("diff", old, tmp_path / "nope.toml")
    assert result.code == 2 and result.stderr.count("\n") == 1 and "no such file" in result.stderr


@pytest.mark.usefixtures("english")
def test_one_plan_without_rev_is_a_usage_error(tmp_path: Path) -> None:
    _, new = versions(tmp_path, BASE)
    result = run("diff", new)
    assert result.code == 2 and "give OLD and NEW, or NEW and --rev REV" in result.stderr


# --- git ------------------------------------------------------------------------------------


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with the plan committed in plans/, then changed in the work tree."""
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.name", "Test")
    git(tmp_path, "config", "user.email", "test@example.org")
    plan = tmp_path / "plans" / "plan.toml"
    plan.parent.mkdir()
    plan.write_text(BASE, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "Plan as adopted")
    plan.write_text(BASE.replace('title = "E-Akte"', 'title = "E-Akte 2.0"'), encoding="utf-8")
    return plan


def titles(result_stdout: str) -> dict[str, object]:
    [change] = json.loads(result_stdout)["changed"]
    return {change["id"]: change["changes"]["title"]["new"]}


def test_rev_compares_the_plan_with_itself_in_git(repo: Path) -> None:
    result = run("diff", repo, "--rev", "HEAD", "-f", "json", *AS_OF)
    assert result.code == 0, result.stderr
    assert titles(result.stdout) == {"A-03": "E-Akte 2.0"}
    assert json.loads(result.stdout)["old"] == f"HEAD:{repo}"


def test_old_may_be_rev_colon_path(repo: Path) -> None:
    result = run("diff", "HEAD:plans/plan.toml", repo, "-f", "json", *AS_OF)
    assert result.code == 0, result.stderr
    assert titles(result.stdout) == {"A-03": "E-Akte 2.0"}


def test_unknown_revision_exits_2_with_gits_reason(repo: Path) -> None:
    result = run("diff", repo, "--rev", "HEAD~5")
    assert result.code == 2 and result.stdout == ""
    assert result.stderr == (
        "massnahmen: HEAD~5:./plan.toml: git show failed: invalid object name 'HEAD~5'.\n"
    )


def test_revision_outside_a_repository_exits_2(tmp_path: Path) -> None:
    _, new = versions(tmp_path, BASE)
    result = run("diff", "HEAD:new.toml", new)
    assert result.code == 2 and "not a git repository" in result.stderr


def test_revision_that_looks_like_an_option_is_refused(repo: Path) -> None:
    result = run("diff", "--", "--output=x:plan.toml", repo)
    assert result.code == 2 and "is not a git revision" in result.stderr
    assert not (repo.parent / "x").exists()


def test_help_explains_rev() -> None:
    result = run("diff", "--help")
    assert result.code == 0 and "--rev" in result.stdout


def test_other_changed_keys_are_named(tmp_path: Path) -> None:
    new = BASE.replace('tags = ["OZG"]', 'tags = ["OZG", "Bürgerdienste"]')
    [change] = diff_json(tmp_path, new)["changed"]  # type: ignore[misc]
    assert (change["changes"], change["other_keys"]) == ({}, ["tags"])
    result = run("diff", *versions(tmp_path, new), *AS_OF, "--lang", "en")
    assert "    other keys changed: tags\n" in result.stdout


def test_text_escapes_control_characters(tmp_path: Path) -> None:
    new = BASE.replace('title = "E-Akte"', r'title = "E-Akte\u001b[2J"')
    result = run("diff", *versions(tmp_path, new), *AS_OF)
    assert r"E-Akte\x1b[2J" in result.stdout and "\x1b" not in result.stdout
