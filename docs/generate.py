"""Writes the generated parts of README.md and docs/*.md: `python -m docs.generate [--check]`.

Run from the top folder with the test tools installed; `--check` writes nothing and exits 1 if a
part is stale (tests/test_readme_generated.py). A part stands between markers: the checks table
(from `massnahmen.checks.CHECKS`), the benchmark table and summary (from
benchmarks/results.json), and the output of the shell block above an `<!-- output: … -->`
marker, run in a fresh clone. The same module reads the documented commands for the tests; the
conventions (block languages, `# exit N`) are in docs/contributing.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
RESULTS = ROOT / "benchmarks" / "results.json"
PROMPT = ("sh", "powershell")  # typed at a prompt in a fresh clone
JOB = ("crontab", "yaml", "ps1")  # job definitions, run beside plan.toml

_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)
_GENERATED = re.compile(r"(<!-- generated: ([\w-]+) -->\n)(.*?)(<!-- end generated -->)", re.S)
_OUTPUT = re.compile(r"(<!-- output: (stdout|stderr) -->\n```\w*\n)(.*?)(^```$)", re.M | re.S)
_EXIT = re.compile(r"#\s*exit (\d)\b(?::.*)?$")  # `# exit 2: why`
_PROGRAM = re.compile(r"^(?:\S*[/\\])?massnahmen(?:\.exe)?$")
_PYTHON = re.compile(r"^(?:\S*[/\\])?(?:python3?|py)(?:\.exe)?$")
_YAML_STEP = re.compile(r"^\s*-\s+(?:run:\s+)?")


@dataclass(frozen=True)
class Command:
    """One `massnahmen` command of a documented line."""

    line: str  # the line as written
    args: list[str]  # after the program
    stdout_to: str | None  # `> FILE`
    exit: int | None  # `# exit N`: the one exit code it must have


@dataclass(frozen=True)
class Block:
    lang: str
    body: str
    start: int  # offset of the opening fence in the document
    end: int  # offset after the closing fence

    @property
    def commands(self) -> list[Command]:
        return [c for line in self.body.splitlines() for c in commands_of(line, self.lang)]


def blocks(text: str) -> list[Block]:
    """The fenced code blocks of a Markdown text, in order."""
    return [Block(m.group(1), m.group(2), m.start(), m.end()) for m in _BLOCK.finditer(text)]


def commands_of(line: str, lang: str) -> list[Command]:
    """The `massnahmen` commands of one line of a block in language `lang`."""
    if not re.search(r"massnahmen(\.exe)?(\s|$)", line):
        return []
    expected = _EXIT.search(line)
    text = _YAML_STEP.sub("", line) if lang == "yaml" else line
    if lang in ("powershell", "ps1"):
        text = text.replace("\\", "/")  # Windows paths; the runner here is POSIX
    lexer = shlex.shlex(text, posix=True, punctuation_chars=";&|<>")
    lexer.whitespace_split = True
    found: list[Command] = []
    for words in _simple_commands(list(lexer)):
        args = _arguments(words)
        if args is None:
            continue
        stdout_to = None
        if ">" in args:
            at = args.index(">")
            args, stdout_to = args[:at], args[at + 1]
        found.append(Command(line, args, stdout_to, int(expected.group(1)) if expected else None))
    return found


def _simple_commands(tokens: list[str]) -> Iterator[list[str]]:
    words: list[str] = []
    for token in tokens:
        if token in (";", "&&", "||", "|", "&"):
            yield words
            words = []
        else:
            words.append(token)
    yield words


def _arguments(words: list[str]) -> list[str] | None:
    """The arguments after `massnahmen` (or `python -m massnahmen`), or None for another program."""
    if words and _PROGRAM.match(words[0]):
        return words[1:]
    if len(words) > 2 and _PYTHON.match(words[0]) and words[1:3] == ["-m", "massnahmen"]:
        return words[3:]
    return None


def fresh_clone(folder: Path) -> Path:
    """Copies the tracked files into `folder` and commits them there: a fresh clone."""
    listed = _git(ROOT, "ls-files", "-z").split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name, follow_symlinks=False)
    commit_all(folder, "fresh clone")
    return folder


def commit_all(folder: Path, message: str) -> None:
    """Commits everything in `folder` (made a git repository if it is none)."""
    if not (folder / ".git").exists():
        _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "--allow-empty", "-m", message)


def _git(folder: Path, *args: str) -> str:
    identity = ["-c", "user.name=docs", "-c", "user.email=docs@example.org"]
    identity += ["-c", "commit.gpgsign=false"]
    done = subprocess.run(
        ["git", *identity, *args], cwd=folder, check=True, capture_output=True, text=True
    )
    return done.stdout


@dataclass(frozen=True)
class Ran:
    command: Command
    code: int
    stdout: str
    stderr: str

    @property
    def as_documented(self) -> bool:
        """Exit N where the line says `# exit N`, else 0 or 1; never a traceback."""
        expected = (self.command.exit,) if self.command.exit is not None else (0, 1)
        return self.code in expected and "Traceback" not in self.stderr


def run_block(block: Block, folder: Path) -> list[Ran]:
    """Runs the block's commands in order in `folder`, as documented."""
    from tests.conftest import run  # the tests' in-process runner: no colour, 100 columns

    ran: list[Ran] = []
    with contextlib.chdir(folder):
        for command in block.commands:
            result = run(*command.args)
            if command.stdout_to is not None:
                Path(command.stdout_to).write_text(result.stdout, encoding="utf-8")
            ran.append(Ran(command, result.code, result.stdout, result.stderr))
    return ran


class Clones:
    """Fresh clones, one per call, copied from one made at the start."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.template = fresh_clone(folder / "template")
        self.made = 0

    def new(self) -> Path:
        self.made += 1
        return Path(shutil.copytree(self.template, self.folder / f"clone-{self.made}"))


def checks_table() -> str:
    from massnahmen.checks import CHECKS

    rows = [f"| {c.code} | {c.severity} | {c.summary} |" for c in CHECKS.values()]
    return "\n".join(["| code | severity | what |", "|---|---|---|", *rows]) + "\n"


def benchmark_results(results: dict[str, object]) -> str:
    head = [
        "| case | measures | plans | ours s | baseline s | ratio | CPU s | peak MB | baseline MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rows = [
        f"| {r['case']} | {r['measures']:,} | {r['plans']} | {r['ours_s']:.2f} "
        f"| {r['baseline_s']:.2f} | **{r['ratio']:.2f}** | {r['cpu_s']:.2f} "
        f"| {r['peak_mb']:.0f} | {r['baseline_peak_mb']:.0f} |"
        for r in _rows(results)
    ]
    return "\n".join(head + rows) + "\n"


def benchmark_summary(results: dict[str, object]) -> str:
    machine = results["machine"]
    assert isinstance(machine, dict)
    load = machine.get("load_average_at_start") or [None]
    lines = [
        f"- Measured on {results['date']}: {machine['cores']} cores ({machine['cpu']}), "
        f"Python {machine['python']}, {machine['system']}; load average "
        f"{load[0]:.2f} at the start. The whole run took {results['seconds']:.0f} s."
    ]
    linear = results.get("linearity_100k_over_10k")
    if isinstance(linear, dict) and linear:
        figures = ", ".join(f"{ratio:.1f} for {case}" for case, ratio in linear.items())
        lines.append(
            f"- The time on 100,000 measures over the time on 10,000: {figures} (10 is linear)."
        )
    rows = {(r["case"], r["measures"], r["plans"]): r for r in _rows(results)}
    separate = results.get("separate_single_checks_s")
    folder = next((r for (case, _, plans), r in rows.items() if case == "check portfolio"), None)
    if isinstance(separate, float) and folder is not None:
        lines.append(
            f"- The {folder['plans']} plans of the portfolio as {folder['plans']} separate `check`"
            f" runs took {separate:.1f} s; one `check` of them all {folder['ours_s']:.2f} s "
            f"({folder['ratio']:.2f} times the single checks' work in one process)."
        )
    export = rows.get(("export", 100_000, 1))
    if export is not None:
        lines.append(f"- Export of 100,000 measures peaks at {export['peak_mb']:.0f} MB.")
    fill = textwrap.TextWrapper(96, subsequent_indent="  ", break_on_hyphens=False).fill
    return "\n".join(fill(line) for line in lines) + "\n"


def _rows(results: dict[str, object]) -> list[dict[str, Any]]:
    rows = results["results"]
    assert isinstance(rows, list)
    return rows


def generated_part(name: str) -> str:
    if name == "checks":
        return checks_table()
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    if name == "benchmark-results":
        return benchmark_results(results)
    if name == "benchmark-summary":
        return benchmark_summary(results)
    raise ValueError(f"no generated part is called {name!r}")


def render(text: str, clones: Clones) -> tuple[str, list[str]]:
    """The text with every generated part current, and the names of those that were not."""
    stale: list[str] = []

    def part(found: re.Match[str]) -> str:
        new = generated_part(found.group(2))
        if new != found.group(3):
            stale.append(f"generated: {found.group(2)}")
        return found.group(1) + new + found.group(4)

    def output(found: re.Match[str]) -> str:
        above = [b for b in blocks(text) if b.end <= found.start() and b.lang in PROMPT]
        if not above or not above[-1].commands:
            raise ValueError(f"no shell block with a command above {found.group(0)!r}")
        last = run_block(above[-1], clones.new())[-1]
        new = last.stdout if found.group(2) == "stdout" else last.stderr
        new = new if new.endswith("\n") or not new else new + "\n"
        if new != found.group(3):
            stale.append(f"output of `{last.command.line.strip()}`")
        return found.group(1) + new + found.group(4)

    text = _GENERATED.sub(part, text)
    return _OUTPUT.sub(output, text), stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    options = parser.parse_args(argv)
    for name in ("MASSNAHMEN_LANG", "MASSNAHMEN_PLAN"):  # the docs show the defaults
        os.environ.pop(name, None)
    stale_anywhere = False
    with tempfile.TemporaryDirectory() as name:
        clones = Clones(Path(name))
        for path in DOCS:
            text = path.read_text(encoding="utf-8")
            new, stale = render(text, clones)
            for part in stale:
                print(f"{path.relative_to(ROOT)}: {part} is not current", file=sys.stderr)
            stale_anywhere |= bool(stale)
            if stale and not options.check:
                path.write_text(new, encoding="utf-8")
    if stale_anywhere and options.check:
        print("run `python -m docs.generate` to bring them up to date", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main())
