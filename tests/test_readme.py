"""The README is the front door: what it documents must be true, and it stays short."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from docs.generate import DOCS, blocks

from massnahmen.load import parse_plan
from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, REALDATA, ROOT, run

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = blocks(README)
INSTALL, INSTALL_PS, TEST, TEST_PS = (block.body.strip() for block in BLOCKS[:4])


def test_opens_with_the_install_and_test_commands() -> None:
    assert [block.lang for block in BLOCKS[:4]] == ["sh", "powershell", "sh", "powershell"]
    assert README.index("```sh") < README.index("## ")
    check = f".venv/bin/massnahmen check examples/musterdorf.toml --as-of {EXAMPLE_AS_OF}"
    assert INSTALL.split(" && ") == ["python3 -m venv .venv", ".venv/bin/pip install -e .", check]
    assert TEST == "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest"


def as_posix(powershell: str) -> str:
    """The PowerShell line as the same commands in sh."""
    return (
        powershell.replace("py -m venv", "python3 -m venv")
        .replace("; ", " && ")
        .replace(".venv\\Scripts\\", ".venv/bin/")
    )


def test_each_has_a_powershell_variant_doing_the_same() -> None:
    assert as_posix(INSTALL_PS) == INSTALL and as_posix(TEST_PS) == TEST
    assert "&&" not in INSTALL_PS + TEST_PS  # Windows PowerShell 5.1 does not know it


def test_each_works_in_a_fresh_terminal_without_an_activated_venv() -> None:
    for line in (INSTALL, TEST):
        first, *rest = line.split(" && ")
        assert first == "python3 -m venv .venv"
        assert all(command.startswith(".venv/bin/") for command in rest)
    assert "activate" not in INSTALL + TEST + INSTALL_PS + TEST_PS


def test_ci_runs_the_readme_commands_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert INSTALL in ci and TEST in ci
    assert ci.index(INSTALL) < ci.index(TEST)


def test_readme_is_at_most_300_lines() -> None:
    assert README.count("\n") <= 300


def test_example_has_exactly_the_warnings_the_readme_explains() -> None:
    documented = re.findall(r"^\| (W\d{3}) \| ([A-Z]{2}-\d{2}) \|", README, re.M)
    result = run("check", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "--format", "json")
    report = json.loads(result.stdout)
    assert report["valid"] is True and result.code == 0
    assert [(f["code"], f["subject"]) for f in report["findings"]] == documented


def test_the_format_example_is_a_valid_plan() -> None:
    text = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    example = next(b.body for b in blocks(text) if b.lang == "toml" and b.body.startswith("format"))
    loaded = parse_plan(example, "docs/plan-format.md")
    assert loaded.plan is not None and loaded.diagnostics == []


def test_shipped_schema_is_the_generated_one() -> None:
    shipped = (ROOT / "examples" / "plan.schema.json").read_text(encoding="utf-8")
    assert shipped == run("schema").stdout


def tracked() -> set[str]:
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    return set(listed.stdout.splitlines())


def anchors(text: str) -> set[str]:
    """GitHub's anchors for the headings of a Markdown text."""
    headings = re.findall(r"^#+ (.*)$", re.sub(r"```.*?```", "", text, flags=re.S), re.M)
    return {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-") for h in headings}


def test_links_point_at_tracked_files_and_headings() -> None:
    files = tracked()
    for doc in DOCS:
        text = re.sub(r"```.*?```|``.*?``", "", doc.read_text(encoding="utf-8"), flags=re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if target.startswith("http"):
                continue
            path, _, anchor = target.partition("#")
            resolved = (doc.parent / path).resolve() if path else doc
            name = resolved.relative_to(ROOT).as_posix()
            assert name in files or any(f.startswith(name + "/") for f in files), (doc, target)
            if anchor:
                assert anchor in anchors(resolved.read_text(encoding="utf-8")), (doc, target)


def test_real_data_is_in_the_repository_with_source_and_licence() -> None:
    files = tracked()
    notes = (REALDATA / "README.md").read_text(encoding="utf-8")
    for name in ("ulm-smart-city-strategie-2021.csv", "masterplan-wasser-berlin-2022.xlsx"):
        assert Path(REALDATA / name).relative_to(ROOT).as_posix() in files
        row = next(line for line in notes.splitlines() if line.startswith(f"| `{name}`"))
        assert row.count(" | ") >= 3  # what, source, licence
    assert "licence" in notes and "CC BY-SA 4.0" in notes


def test_every_command_has_a_line_in_the_index_and_a_section_in_the_docs() -> None:
    from massnahmen.cli import app

    registered = {c.name or c.callback.__name__ for c in app.registered_commands}  # type: ignore[union-attr]
    index = re.findall(r"^- \[`([\w-]+)`\]\(docs/commands\.md#([\w-]+)\)", README, re.M)
    assert {name for name, _ in index} == registered and all(a == n for n, a in index)
    commands = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    assert set(re.findall(r"^## ([\w-]+)$", commands, re.M)) == registered
