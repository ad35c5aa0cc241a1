"""Every command the README and docs/ show runs as shown, in a fresh clone of the repository."""

from __future__ import annotations

from pathlib import Path

import pytest
from docs.generate import DOCS, PROMPT, ROOT, Block, Clones, blocks, run_block

SHOWN = [
    pytest.param(block, id=f"{doc.relative_to(ROOT)}:{text[: block.start].count(chr(10)) + 1}")
    for doc in DOCS
    for text in [doc.read_text(encoding="utf-8")]
    for block in blocks(text)
    if block.lang in PROMPT and block.commands
]


@pytest.fixture(scope="module")
def clones(tmp_path_factory: pytest.TempPathFactory) -> Clones:
    return Clones(tmp_path_factory.mktemp("docs"))


@pytest.fixture(autouse=True)
def defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """The docs show what a new user gets: no language or plan from the environment."""
    for name in ("MASSNAHMEN_LANG", "MASSNAHMEN_PLAN"):
        monkeypatch.delenv(name, raising=False)


def problems(block: Block, folder: Path) -> list[str]:
    """What did not go as documented, one entry per command, with its exit code and stderr."""
    return [
        f"{ran.command.line.strip()}\n  exit {ran.code}: {ran.stderr.strip()}"
        for ran in run_block(block, folder)
        if not ran.as_documented
    ]


@pytest.mark.parametrize("block", SHOWN)
def test_documented_block_runs_in_a_fresh_clone(block: Block, clones: Clones) -> None:
    assert problems(block, clones.new()) == []


def test_every_document_and_the_setup_command_are_run() -> None:
    ids = {str(param.id).split(":")[0] for param in SHOWN}
    assert {"README.md", "docs/commands.md", "docs/jobs.md", "docs/handbuch.md"} <= ids
    first = SHOWN[0].values[0]
    assert isinstance(first, Block) and first.commands[0].args[0] == "check"


def test_a_command_that_does_not_exist_fails(clones: Clones) -> None:
    block = Block("sh", "massnahmen frobnicate examples/musterdorf.toml\n", 0, 0)
    assert problems(block, clones.new())


def test_a_path_outside_the_clone_fails(clones: Clones) -> None:
    shared = "massnahmen import ../shared/realdata/ulm-smart-city-strategie-2021.csv -o u.toml\n"
    missing = "massnahmen check plan.toml\n"
    assert len(problems(Block("sh", shared + missing, 0, 0), clones.new())) == 2


def test_a_line_marked_exit_2_must_exit_2(clones: Clones) -> None:
    refused = "massnahmen init examples/musterdorf.toml  # exit 2: the plan exists\n"
    assert problems(Block("sh", refused, 0, 0), clones.new()) == []
    wrong = "massnahmen check examples/musterdorf.toml --as-of 2025-03-18  # exit 2\n"
    assert problems(Block("sh", wrong, 0, 0), clones.new())


def test_redirected_output_lands_in_the_clone(clones: Clones) -> None:
    folder = clones.new()
    run_block(Block("sh", "massnahmen schema > plan.schema.json\n", 0, 0), folder)
    assert (folder / "plan.schema.json").read_text(encoding="utf-8").startswith("{")


def test_powershell_lines_read_backslashes_as_path_separators(clones: Clones) -> None:
    line = ".venv\\Scripts\\massnahmen export examples\\musterdorf.toml -o berichte\\a.xlsx"
    folder = clones.new()
    assert problems(Block("powershell", line + "\n", 0, 0), folder) == []
    assert (folder / "berichte" / "a.xlsx").is_file()
