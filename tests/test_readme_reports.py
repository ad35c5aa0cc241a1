"""docs/commands.md shows true output of the reports, and documents every JSON key they print."""

from __future__ import annotations

import contextlib
import json
import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import DATA, EXAMPLE, EXAMPLE_AS_OF, ROOT, run

COMMANDS = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")


def section(command: str) -> str:
    """The text under `## command`, up to the next command."""
    return COMMANDS.split(f"\n## {command}\n")[1].split("\n## ")[0]


def shown(command: str) -> set[str]:
    """The keys named in backticks or quotes under `## command` (key table, JSON example)."""
    return set(re.findall(r'[`"](\w+)[`"]', section(command)))


def example_output(command: str) -> tuple[list[str], str]:
    """The arguments of the first `sh` example under `## command` and the output shown after it."""
    found = re.search(
        r"```sh\n(massnahmen .*?)\n```\n\n<!-- output: stdout -->\n```text\n(.*?)```",
        section(command),
        re.S,
    )
    assert found is not None
    return shlex.split(found.group(1))[1:], found.group(2)


@pytest.mark.parametrize("command", ["list", "remind", "status", "show"])
def test_example_output_is_what_the_command_prints(command: str) -> None:
    args, shown_output = example_output(command)
    with contextlib.chdir(ROOT):
        assert run(*args).stdout == shown_output


def test_show_example_is_the_measure_with_its_history() -> None:
    printed = run("show", EXAMPLE, "UM-02", "--as-of", EXAMPLE_AS_OF).stdout
    assert "\n```text\n" + printed + "```" in section("show")


def keys_of(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys_of(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys_of(v)}
    return set()


def test_list_json_keys_are_documented() -> None:
    result = run("list", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "-f", "json")
    assert keys_of(json.loads(result.stdout)) <= shown("list")


def test_diff_json_keys_are_documented(tmp_path: Path) -> None:
    old = DATA / "cycles" / "plan.toml"
    new = tmp_path / "new.toml"
    text = old.read_text(encoding="utf-8").replace('title = "E-Akte"', 'title = "E-Akte 2"')
    new.write_text(text + '\n[[measures.updates]]\ndate = 2024-05-01\nnote = "x"\n', "utf-8")
    result = run("diff", old, new, "-f", "json", "--as-of", "2024-06-01")
    document = json.loads(result.stdout)
    assert document["changed"][0]["changes"] and document["changed"][1]["new_updates"]
    assert keys_of(document) <= shown("diff")


def test_remind_json_keys_are_documented() -> None:
    result = run("remind", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "-f", "json")
    document = json.loads(result.stdout)
    item_keys = keys_of(document["digests"][0]["items"][0]) - {"reasons", "command"}
    assert keys_of(document) - item_keys <= shown("remind")
    assert item_keys <= shown("list")


def test_check_json_keys_are_documented() -> None:
    result = run("check", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "-f", "json")
    assert keys_of(json.loads(result.stdout)) <= shown("check")


def test_import_example_shows_what_import_prints(tmp_path: Path) -> None:
    """Hand-written, since the import checks for today: the day is shown as `…`."""
    found = re.search(r"```sh\n(massnahmen import .*?)\n```\n\n```text\n(.*?)```", COMMANDS, re.S)
    assert found is not None
    with contextlib.chdir(tmp_path):
        (tmp_path / "examples").symlink_to(ROOT / "examples")
        result = run(*shlex.split(found.group(1))[1:])
    printed = re.sub(r"\(as of \d{4}-\d\d-\d\d\)", "(as of …)", result.stderr + result.stdout)
    assert printed == found.group(2)
