"""`update` records a milestone reached, a measured value, the owner's rating and attributes;
`add` takes attributes. Only the touched lines change; what the plan cannot take is refused."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from massnahmen.edit import MeasureUpdate, NewMeasure, add_measure, edit_plan, update_measure
from massnahmen.edit.session import EditResult

# These pin the English wording; the German one is pinned in tests/test_german.py.
pytestmark = pytest.mark.usefixtures("english")


DAY = dt.date(2024, 6, 1)
PLAN = """format = 1

[plan]
title = "Testdorf"
authority = "Gemeinde Testdorf"

[[attributes]]
id = "personal"
name = "Personalbedarf"
kind = "choice"
choices = ["vorhanden", "zusätzlich", "prüfen"]

[[attributes]]
id = "co2"
name = "CO₂-Einsparung"
kind = "number"
unit = "t/a"

[[attributes]]
id = "ozg"
name = "OZG-Leistung"
kind = "flag"

[[fields]]
id = "UM"
name = "Umwelt"

[[owners]]
id = "FB4"
name = "Fachbereich 4"

[[measures]]
id = "UM-01"
title = "Energiemonitoring"
field = "UM"
owner = "FB4"
deadline = 2025-12-31
status = "in_progress"
attributes = { personal = "vorhanden" }  # laut Stellenplan

[[measures.milestones]]
title = "Zähler bestellt"
due = "2024-Q1"
done_on = 2024-02-10

[[measures.milestones]]
title = "Alle Liegenschaften angebunden"  # die schwierigste Etappe
due = "2024-Q4"

[[measures.indicators]]
id = "waerme"
baseline = 142
baseline_date = 2023-01-01
target = 115
target_date = 2027-12-31
values = [
  { date = 2023-12-31, value = 139 },  # Jahresabrechnung
]

[[measures.indicators]]
id = "strom"
baseline = 40
baseline_date = 2023-01-01
target = 30
target_date = 2027-12-31

[[measures.updates]]
date = 2024-03-01
status = "in_progress"
note = "läuft"

[[measures]]
id = "UM-02"
title = "Wärmeplanung"
field = "UM"
owner = "FB4"
deadline = 2026-12-31
status = "planned"
milestones = [{ title = "Daten erhoben", due = "2024-Q3" }]

[measures.attributes]
personal = "prüfen"

[[measures.indicators]]
id = "gebaeude"
target = 24

[[measures.indicators.values]]
date = 2024-01-31
value = 3
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def update(plan: Path, measure: str = "UM-01", **keys: object) -> EditResult:
    change = MeasureUpdate(date=DAY, **keys)  # type: ignore[arg-type]
    return edit_plan(plan, lambda loaded: update_measure(loaded, measure, change), today=DAY)


def changed_lines(result: EditResult) -> list[str]:
    """The lines the edit removed (-) and added (+)."""
    diff = difflib.ndiff(result.before.splitlines(), result.after.splitlines())
    return [line for line in diff if line[:1] in "+-"]


def test_a_reached_milestone_gets_its_day_and_nothing_else_changes(plan: Path) -> None:
    result = update(plan, milestone_done="alle liegenschaften angebunden")
    assert result.written and changed_lines(result) == ["+ done_on = 2024-06-01"]
    assert result.after.count("done_on") == 2
    assert (
        'angebunden"  # die schwierigste Etappe\ndue = "2024-Q4"\ndone_on = 2024-06-01\n'
        in result.after
    )


def test_an_inline_milestone_gets_its_day_inside_its_braces(plan: Path) -> None:
    result = update(plan, "UM-02", milestone_done="Daten erhoben")
    assert changed_lines(result) == [
        '- milestones = [{ title = "Daten erhoben", due = "2024-Q3" }]',
        '+ milestones = [{ title = "Daten erhoben", due = "2024-Q3", done_on = 2024-06-01 }]',
    ]


def test_an_unknown_or_reached_milestone_is_refused(plan: Path) -> None:
    unknown = update(plan, milestone_done="Zähler bestelt")
    assert (
        unknown.refusal
        and 'no milestone "Zähler bestelt" (did you mean "Zähler bestellt"?)'
        in unknown.refusal.reason
    )
    reached = update(plan, milestone_done="Zähler bestellt")
    assert reached.refusal and "was reached on 2024-02-10" in reached.refusal.reason
    assert plan.read_text(encoding="utf-8") == PLAN


def test_a_measured_value_joins_its_array_on_a_line_of_its_own(plan: Path) -> None:
    result = update(plan, indicators=[("waerme", "135,5")])
    assert changed_lines(result) == ["+   { date = 2024-06-01, value = 135.5 },"]


def test_a_first_value_makes_the_values_key(plan: Path) -> None:
    result = update(plan, indicators=[("strom", "38")])
    assert changed_lines(result) == ["+ values = [{ date = 2024-06-01, value = 38 }]"]


def test_values_written_as_tables_get_another_table(plan: Path) -> None:
    result = update(plan, "UM-02", indicators=[("gebaeude", "5")])
    assert changed_lines(result) == [
        "+ ",
        "+ [[measures.indicators.values]]",
        "+ date = 2024-06-01",
        "+ value = 5",
    ]


def test_a_value_the_plan_cannot_take_is_refused(plan: Path) -> None:
    assert (
        'no indicator "wärme"'
        in (update(plan, indicators=[("wärme", "1")]).refusal or _none()).reason
    )
    assert (
        '"viel" is not a number'
        in (update(plan, indicators=[("waerme", "viel")]).refusal or _none()).reason
    )
    early = MeasureUpdate(date=dt.date(2023, 6, 1), indicators=[("waerme", "140")])
    result = edit_plan(plan, lambda loaded: update_measure(loaded, "UM-01", early), today=DAY)
    assert result.refusal and [f.code for f in result.refusal.findings] == ["E113"]


def test_the_rating_in_either_language_goes_into_the_update(plan: Path) -> None:
    result = update(plan, rating="Gelb", note="Lieferverzug")
    new = '[[measures.updates]]\ndate = 2024-06-01\nrating = "yellow"\nnote = "Lieferverzug"\n'
    assert result.written and new in result.after
    refused = update(plan, rating="orange")
    assert refused.refusal and "green, yellow" in refused.refusal.reason


def test_attributes_change_in_place_or_join_the_inline_table(plan: Path) -> None:
    result = update(plan, attributes=[("personal", "Zusätzlich"), ("co2", "1.200"), ("ozg", "ja")])
    assert changed_lines(result) == [
        '- attributes = { personal = "vorhanden" }  # laut Stellenplan',
        '+ attributes = { personal = "zusätzlich", co2 = 1200, ozg = true }  # laut Stellenplan',
    ]


def test_attributes_written_as_a_table_get_a_line(plan: Path) -> None:
    result = update(plan, "UM-02", attributes=[("co2", "12,5")])
    assert changed_lines(result) == ["+ co2 = 12.5"]
    assert '[measures.attributes]\npersonal = "prüfen"\nco2 = 12.5\n' in result.after


def test_an_attribute_the_plan_does_not_declare_or_a_wrong_value_is_refused(plan: Path) -> None:
    unknown = update(plan, attributes=[("personl", "prüfen")])
    assert unknown.refusal and '(did you mean "personal"?)' in unknown.refusal.reason
    wrong = update(plan, attributes=[("personal", "viel")])
    assert (
        wrong.refusal
        and '"viel" is not one of "vorhanden", "zusätzlich", "prüfen"' in wrong.refusal.reason
    )
    assert plan.read_text(encoding="utf-8") == PLAN


def test_a_new_measure_takes_attributes(plan: Path) -> None:
    new = NewMeasure(
        field="UM",
        title="Solarkataster",
        owner="FB4",
        deadline="2026",
        attributes=[("personal", "prüfen"), ("co2", "40")],
    )
    result = edit_plan(plan, lambda loaded: add_measure(loaded, new), today=DAY)
    assert result.written
    assert (
        'deadline = "2026"\nstatus = "planned"\nattributes = { personal = "prüfen", co2 = 40 }\n'
        in result.after
    )


def test_a_measure_without_attributes_gets_the_key(plan: Path) -> None:
    text = PLAN.replace('attributes = { personal = "vorhanden" }  # laut Stellenplan\n', "")
    plan.write_text(text, encoding="utf-8")
    result = update(plan, attributes=[("ozg", "nein")])
    assert changed_lines(result) == ["+ attributes = { ozg = false }"]
    assert 'status = "in_progress"\nattributes = { ozg = false }\n' in result.after


def _none() -> object:
    raise AssertionError("expected a refusal")
