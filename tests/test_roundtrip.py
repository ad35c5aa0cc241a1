"""Export then import: the committee workbook gives back the measures it shows.

What the workbook shows round-trips: ids, titles, fields (with their names), owners (with
names, kinds, whether active) and contributors, priority, start, the adopted deadline as it was
written and the effective one, status, progress, budget, reservation, funding and its end,
decision, and the latest update's day and note. What it does not show cannot come back: the
history before the latest update, descriptions, tags, services, dependencies, notes, goals.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from benchmarks.generate import generate_plan_text

from massnahmen.importer import import_plan
from massnahmen.labels import Lang
from massnahmen.loader import load_plan, parse_plan
from massnahmen.model import Measure, Plan
from massnahmen.render.workbook import workbook_bytes
from massnahmen.report import build_report, progress_of
from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, run

AS_OF = dt.date.fromisoformat(EXAMPLE_AS_OF)


def comparable(measure: Measure) -> dict[str, Any]:
    """What the workbook shows of a measure, as the import gives it back."""
    effective = measure.effective_deadline
    last = measure.last_update
    shown_progress = measure.status != "cancelled" or measure.progress is not None
    return {
        "id": measure.id,
        "title": measure.title,
        "field": measure.field,
        "owner": measure.owner,
        "contributors": measure.contributors,
        "priority": measure.priority,
        "start": measure.start,
        "deadline": measure.deadline.raw if measure.deadline else None,
        "effective_deadline": effective.raw if effective else None,
        "status": measure.status,
        "progress": progress_of(measure) if shown_progress else None,  # a blank shows 0 %
        "budget_eur": None if measure.budget_eur is None else round(measure.budget_eur, 2),
        "budget_reserved": measure.budget_reserved,
        "funding": measure.funding,
        "funding_ends": measure.funding_ends,
        "decision": measure.decision,
        "last_update": (last.date, last.note) if last else None,
    }


def comparable_plan(plan: Plan) -> dict[str, Any]:
    head = plan.plan
    return {
        "plan": (head.title, head.authority, head.version, head.state),
        "adopted": (head.adopted_on, head.adopted_by),
        "fields": [(f.id, f.name) for f in plan.fields],
        "owners": [(o.id, o.name, o.kind, o.active) for o in plan.owners],
    }


def export(plan: Plan, lang: Lang, folder: Path, as_of: dt.date = AS_OF) -> Path:
    path = folder / f"bericht-{lang}.xlsx"
    path.write_bytes(workbook_bytes(build_report(plan, as_of), lang))
    return path


def assert_round_trip(plan: Plan, back: Plan) -> None:
    assert comparable_plan(back) == comparable_plan(plan)
    assert len(back.measures) == len(plan.measures)
    original = {m.id: comparable(m) for m in plan.measures}
    for measure in back.measures:
        assert comparable(measure) == original[measure.id], measure.id


def loaded(path: Path) -> Plan:
    result = load_plan(path)
    assert result.plan is not None
    return result.plan


@pytest.fixture(scope="module")
def example() -> Plan:
    return loaded(EXAMPLE)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_example_plan_comes_back(example: Plan, lang: Lang, tmp_path: Path) -> None:
    imported = import_plan(export(example, lang, tmp_path), today=AS_OF)
    assert imported.problems == [] and imported.remarks == []
    assert_round_trip(example, imported.plan)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_import_of_the_exported_workbook_reports_nothing(lang: str, tmp_path: Path) -> None:
    workbook, plan = tmp_path / "bericht.xlsx", tmp_path / "back.toml"
    exported = run("export", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "--lang", lang, "-o", workbook)
    assert exported.code == 0, exported.stderr
    result = run("import", workbook, "-o", plan)
    assert result.code == 0, result.stderr
    assert "not mapped" not in result.stderr and "(bitte eintragen)" not in result.stderr
    assert result.stdout.endswith(
        "49 measures, 8 fields of action, 14 owners from bericht.xlsx; 0 items not mapped\n"
    )
    assert_round_trip(loaded(EXAMPLE), loaded(plan))


@pytest.mark.parametrize(("seed", "lang"), [(1, "de"), (2, "en")])
def test_a_generated_plan_comes_back(seed: int, lang: Lang, tmp_path: Path) -> None:
    parsed = parse_plan(generate_plan_text(300, seed=seed), "generated.toml")
    assert parsed.plan is not None
    imported = import_plan(export(parsed.plan, lang, tmp_path), today=AS_OF)
    assert imported.problems == []
    assert_round_trip(parsed.plan, imported.plan)
