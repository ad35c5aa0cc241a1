"""Edits change only their lines: the officer's comments, blank lines and order survive."""

from __future__ import annotations

import datetime as dt
import difflib
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from massnahmen.checks import check_plan
from massnahmen.edit import MeasureUpdate, update_measure
from massnahmen.edit.operations import Change
from massnahmen.load import parse_plan
from massnahmen.load.sourcemap import SourceMap
from tests.conftest import EXAMPLE, run

TEXT = EXAMPLE.read_text(encoding="utf-8")
LOADED = parse_plan(TEXT, "plan.toml")
assert LOADED.plan is not None
IDS = [m.id for m in LOADED.plan.measures]
AS_OF = dt.date(2025, 3, 18)


def _changes(before: str, after: str) -> list[tuple[str, list[str], list[str]]]:
    """The changed runs of lines: (tag, old lines, new lines)."""
    old, new = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [
        (tag, old[i1:i2], new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _measure_region(text: str, index: int) -> tuple[int, int]:
    """From the measure's header to the next header that is not its own."""
    source_map = SourceMap.scan(text)
    start = source_map.offsets[("measures", index)]
    later = [o for o, path in source_map.headers if o > start and path[:2] != ("measures", index)]
    return start, min(later, default=len(text))


def test_update_of_the_example_changes_two_lines_and_adds_the_update(example_copy: Path) -> None:
    before = example_copy.read_text(encoding="utf-8")
    args = ("--status", "in_progress", "--progress", "65", "--note", "Rollout FB 3")
    assert run("update", example_copy, "VW-02", *args, "--date", "2025-03-18").code == 0
    changes = _changes(before, example_copy.read_text(encoding="utf-8"))
    assert changes == [
        ("replace", ["progress = 55"], ["progress = 65"]),
        (
            "insert",
            [],
            [
                "",
                "[[measures.updates]]",
                "date = 2025-03-18",
                'status = "in_progress"',
                "progress = 65",
                'note = "Rollout FB 3"',
            ],
        ),
    ]


def test_add_to_the_example_only_inserts_the_measure(example_copy: Path) -> None:
    before = example_copy.read_text(encoding="utf-8")
    args = ("--field", "BI", "--title", "Tablets", "--owner", "SCH", "--deadline", "2026")
    assert run("add", example_copy, *args).code == 0
    [(tag, old, new)] = _changes(before, example_copy.read_text(encoding="utf-8"))
    assert tag == "insert" and old == [] and new[:3] == ["", "[[measures]]", 'id = "BI-07"']


notes = st.text(min_size=1, max_size=40).filter(lambda s: s.strip())
reports = st.fixed_dictionaries(
    {},
    optional={
        "status": st.sampled_from(["in_progress", "on_hold", "done"]),
        "progress": st.integers(0, 100),
        "note": notes,
        "deadline": st.sampled_from(["2026-Q2", "2026-12-31", "2027", "ongoing"]),
        "owner": st.sampled_from(["FB1", "IT", "DIG"]),
        "title": notes,
    },
).filter(lambda r: any(k in r for k in ("status", "progress", "note", "owner", "title")))


@given(st.sampled_from(IDS), st.lists(reports, min_size=1, max_size=3))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_updates_keep_the_rest_of_the_file_and_a_valid_plan(
    measure_id: str, sequence: list[dict[str, object]]
) -> None:
    text, loaded = TEXT, LOADED
    index = IDS.index(measure_id)
    start, end = _measure_region(TEXT, index)
    for report in sequence:
        if "deadline" in report and "note" not in report:
            report = {**report, "note": "Verschoben"}
        if report.get("status") == "done":
            report = {**report, "progress": 100}
        outcome = update_measure(loaded, measure_id, MeasureUpdate(AS_OF, **report))  # type: ignore[arg-type]
        assert isinstance(outcome, Change)
        text = outcome.text
        loaded = parse_plan(text, "plan.toml")
        errors = [d for d in check_plan(loaded, AS_OF) if d.severity == "error"]
        assert loaded.plan is not None
        assert all(d.code == "E107" for d in errors), errors  # progress below 100 when done
        measure = tomllib.loads(text)["measures"][index]
        if "note" in report:
            assert measure["updates"][-1]["note"] == report["note"]
        if "title" in report:
            assert measure["title"] == report["title"]
    assert text.startswith(TEXT[:start])
    assert text.endswith(TEXT[end:])
