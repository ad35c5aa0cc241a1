"""Export then import: the committee workbook gives back the measures it shows.

What the workbook shows round-trips: ids, titles, fields (with their names), owners (with
names, kinds, whether active) and contributors, priority, start, the adopted deadline as it was
written and the effective one, status, progress, budget, reservation, funding and its end,
decision, and the latest update's day and note. What it does not show cannot come back: the
history before the latest update, descriptions, tags, services, dependencies, notes, goals. A
horizon ("mittelfristig") comes back as the day it stands for: the workbook shows both, and the
import does not know the plan's horizons.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from benchmarks.generate import generate_plan_text
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from massnahmen.checks import check_plan
from massnahmen.deadline import Deadline
from massnahmen.importer import import_plan
from massnahmen.importer.cells import is_blank
from massnahmen.load import Loaded, load_plan, parse_plan
from massnahmen.model import Measure, Plan
from massnahmen.render.workbook import workbook_bytes
from massnahmen.report import build_report, progress_of
from massnahmen.words import Lang
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
        "deadline": _written(measure.deadline),
        "effective_deadline": _written(effective),
        "status": measure.status,
        "progress": progress_of(measure) if shown_progress else None,  # a blank shows 0 %
        "budget_eur": None if measure.budget_eur is None else round(measure.budget_eur, 2),
        "budget_reserved": measure.budget_reserved,
        "funding": measure.funding,
        "funding_ends": measure.funding_ends,
        "decision": measure.decision,
        "last_update": (last.date, last.note) if last else None,
    }


def _written(deadline: Deadline | None) -> object:
    """The deadline as the workbook gives it back: as written, a horizon as its day."""
    if deadline is None:
        return None
    return deadline.due if deadline.kind == "horizon" else deadline.raw


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


def unmapped(problems: list[Any]) -> set[str]:
    """The headings the import could not map: for the example, its two attributes' columns."""
    return {str(problem.value) for problem in problems}


ATTRIBUTE_COLUMNS = {"Personalbedarf", "CO₂-Einsparung (t/a)"}


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
    assert unmapped(imported.problems) == ATTRIBUTE_COLUMNS and imported.remarks == []
    assert_round_trip(example, imported.plan)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_import_of_the_exported_workbook_reports_nothing(lang: str, tmp_path: Path) -> None:
    workbook, plan = tmp_path / "bericht.xlsx", tmp_path / "back.toml"
    exported = run("export", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "--lang", lang, "-o", workbook)
    assert exported.code == 0, exported.stderr
    result = run("import", workbook, "-o", plan)
    assert result.code == 0, result.stderr
    assert result.stderr.count("no key of the plan has this header") == len(ATTRIBUTE_COLUMNS)
    assert "(bitte eintragen)" not in result.stderr
    assert result.stdout.endswith(
        "51 measures, 8 fields of action, 16 owners from bericht.xlsx; 2 items not mapped\n"
    )
    assert_round_trip(loaded(EXAMPLE), loaded(plan))


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_the_workbook_saved_again_by_libreoffice_comes_back(example: Plan, tmp_path: Path) -> None:
    """An office program rewrites every part of the file (styles, number formats, extensions):
    the workbook is still known as the committee workbook and reads the same."""
    assert SOFFICE is not None
    exported = export(example, "de", tmp_path)
    profile = (tmp_path / "profile").as_uri()
    saved = tmp_path / "saved"
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(saved),
            str(exported),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    again = saved / exported.name
    assert done.returncode == 0 and again.exists(), done.stderr
    assert again.read_bytes() != exported.read_bytes()
    imported = import_plan(again, today=AS_OF)
    assert unmapped(imported.problems) == ATTRIBUTE_COLUMNS and imported.remarks == []
    assert_round_trip(example, imported.plan)


@pytest.mark.parametrize(("seed", "lang"), [(1, "de"), (2, "en")])
def test_a_generated_plan_comes_back(seed: int, lang: Lang, tmp_path: Path) -> None:
    parsed = parse_plan(generate_plan_text(300, seed=seed), "generated.toml")
    assert parsed.plan is not None
    imported = import_plan(export(parsed.plan, lang, tmp_path), today=AS_OF)
    assert imported.problems == []
    assert_round_trip(parsed.plan, imported.plan)


# --- any small plan ------------------------------------------------------------------------------

# Text as people write it in one line (the workbook's cells join runs of spaces), including
# umlauts, dashes and a leading "=" that must stay text.
names = st.builds(
    lambda first, rest: " ".join((first + rest).split()),
    st.sampled_from("aäXYZß=@-"),
    st.text(alphabet="abcdeäöüßXYZ019 .,-–/&=@'();:", max_size=24),
).filter(lambda text: not is_blank(text))
plan_ids = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,5}", fullmatch=True)
days = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))
periods = st.one_of(
    days,
    st.integers(2020, 2030).map(str),
    st.tuples(st.integers(2020, 2030), st.sampled_from(["H1", "H2", "Q1", "Q3", "Q4", "02"])).map(
        lambda t: f"{t[0]}-{t[1]}"
    ),
    st.just("ongoing"),
)


def distinct(strategy: st.SearchStrategy[str], size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(strategy, min_size=1, max_size=size, unique_by=str.casefold)


@st.composite
def small_plans(draw: st.DrawFn) -> Plan:
    field_ids = draw(distinct(plan_ids, 3))
    owner_ids = draw(distinct(plan_ids, 4))
    owner_names = draw(
        st.lists(names, min_size=len(owner_ids), max_size=len(owner_ids), unique=True)
    )
    measures = []
    for n in range(draw(st.integers(1, 6))):
        status = draw(st.sampled_from(["planned", "in_progress", "done", "on_hold", "cancelled"]))
        progress = {"planned": 0, "done": 100}.get(status, draw(st.integers(0, 100)))
        measure: dict[str, Any] = {
            "id": f"M-{n + 1}",
            "title": draw(names),
            "field": draw(st.sampled_from(field_ids)),
            "status": status,
        }
        if draw(st.booleans()):
            measure["progress"] = progress
        owner = draw(st.none() | st.sampled_from(owner_ids))
        if owner is not None:
            measure["owner"] = owner
        others = [o for o in owner_ids if o != owner]
        measure["contributors"] = (
            draw(st.lists(st.sampled_from(others), unique=True)) if others else []
        )
        optional = {
            "priority": st.sampled_from(["high", "medium", "low"]),
            "start": st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2019, 12, 31)),
            "deadline": periods,
            "budget_eur": st.floats(0, 1e7, allow_nan=False).map(lambda x: round(x, 2)),
            "budget_reserved": st.booleans(),
            "decision": names,
        }
        for key, strategy in optional.items():
            if draw(st.booleans()):
                measure[key] = draw(strategy)
        if draw(st.booleans()):
            measure["funding"] = draw(names)
            if draw(st.booleans()):
                measure["funding_ends"] = draw(days)
        updates = []
        for day in sorted(draw(st.lists(days, max_size=3, unique=True))):
            update: dict[str, Any] = {"date": day}
            if draw(st.booleans()):
                update["note"] = draw(names)
            if draw(st.booleans()):
                update["deadline"] = draw(periods)
            updates.append(update)
        measure["updates"] = updates
        measures.append(measure)
    return Plan.model_validate(
        {
            "format": 1,
            "plan": {
                "title": draw(names),
                "authority": draw(names),
                "version": draw(st.none() | st.sampled_from(["1", "1.4", "2025-03"])),
                "state": draw(st.sampled_from(["draft", "adopted"])),
                "adopted_on": draw(st.none() | days),
                "adopted_by": draw(st.none() | names),
            },
            "fields": [{"id": f, "name": draw(names)} for f in field_ids],
            "owners": [
                {
                    "id": ident,
                    "name": name,
                    "kind": draw(st.sampled_from(["unit", "person", "external"])),
                    "active": draw(st.booleans()),
                }
                for ident, name in zip(owner_ids, owner_names, strict=True)
            ],
            "measures": measures,
        }
    )


@given(small_plans(), st.sampled_from(["de", "en"]))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_small_plan_comes_back(
    tmp_path_factory: pytest.TempPathFactory, plan: Plan, lang: Lang
) -> None:
    as_of = dt.date(2031, 1, 1)
    assume(not any(d.severity == "error" for d in check_plan(Loaded("p", "", None, plan), as_of)))
    folder = tmp_path_factory.mktemp("small")
    imported = import_plan(export(plan, lang, folder, as_of), today=as_of)
    assert imported.problems == []
    assert_round_trip(plan, imported.plan)
