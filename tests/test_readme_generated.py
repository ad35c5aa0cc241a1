"""The generated parts of the docs are current: `python -m docs.generate` has nothing to do."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docs.generate import DOCS, RESULTS, ROOT, Clones, render

from massnahmen.checks import CHECKS


@pytest.fixture(scope="module")
def clones(tmp_path_factory: pytest.TempPathFactory) -> Clones:
    return Clones(tmp_path_factory.mktemp("generated"))


@pytest.mark.parametrize("doc", DOCS, ids=[str(d.relative_to(ROOT)) for d in DOCS])
def test_generated_parts_are_current(doc: Path, clones: Clones) -> None:
    _, stale = render(doc.read_text(encoding="utf-8"), clones)
    assert stale == [], "run `python -m docs.generate`"


def test_check_table_lists_every_registered_code() -> None:
    checks = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([EW]\d{3}) \| (error|warning) \| (.*) \|$", checks, re.M)
    assert rows == [(c.code, c.severity, c.summary) for c in CHECKS.values()]


def test_benchmark_table_has_a_row_per_result() -> None:
    performance = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    results = json.loads(RESULTS.read_text(encoding="utf-8"))["results"]
    rows = re.findall(r"^\| (\S[^|]*?) \| ([\d,]+) \| (\d+) \| [\d.]+ \|", performance, re.M)
    assert rows == [(r["case"], f"{r['measures']:,}", str(r["plans"])) for r in results]


def test_a_stale_part_and_a_stale_output_are_named(clones: Clones) -> None:
    text = (
        "<!-- generated: checks -->\n| code |\n<!-- end generated -->\n\n"
        "```sh\nmassnahmen check examples/musterdorf.toml --as-of 2025-03-18\n```\n\n"
        "<!-- output: stderr -->\n```text\nall fine\n```\n"
    )
    new, stale = render(text, clones)
    assert stale == [
        "generated: checks",
        "output of `massnahmen check examples/musterdorf.toml --as-of 2025-03-18`",
    ]
    assert "| E001 | error |" in new and "W201 Maßnahme GE-01" in new
    assert render(new, clones)[1] == []
