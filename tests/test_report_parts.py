"""What `show`, `list`, `status` and `update` say of the parts real plans have, in German and
English."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, run

AS_OF = ("--as-of", EXAMPLE_AS_OF)


def test_show_puts_the_rating_beside_the_light_and_the_milestones_below() -> None:
    lines = run("show", EXAMPLE, "BU-03", *AS_OF).stdout.splitlines()
    assert (
        "Ampel                  gelb – Meilenstein „Erste 40 Datensätze veröffentlicht“ überfällig"
        in lines
    )
    assert "Einschätzung           grün (Meldung vom 04.02.2025) – weicht von der Ampel ab" in lines
    at = lines.index("Meilensteine")
    assert lines[at + 1 : at + 3] == [
        "  · Open-Data-Satzung beschlossen – erreicht am 03.09.2024",
        "  ! Erste 40 Datensätze veröffentlicht – seit 18 Tagen überfällig (fällig 28.02.2025)",
    ]


def test_show_gives_indicators_on_their_path_in_english() -> None:
    lines = run("show", EXAMPLE, "IT-06", *AS_OF, "--lang", "en").stdout.splitlines()
    at = lines.index("Indicators")
    assert lines[at + 1] == "  klickrate · Klickrate in der Phishing-Simulation"
    assert lines[at + 2] == (
        "    19 % (2024-01-01) → 7 % (2024-12-10) → target 5 % (2025-12-31) · on path"
    )


def test_show_names_attributes_and_horizons() -> None:
    lines = run("show", EXAMPLE, "UM-06", *AS_OF).stdout.splitlines()
    assert "Frist (aktuell)        mittelfristig (2027)" in lines
    assert "Personalbedarf         zusätzlich" in lines
    assert "CO₂-Einsparung         1.200 t/a" in lines


def test_list_csv_has_a_column_per_attribute_and_the_parts() -> None:
    result = run("list", EXAMPLE, *AS_OF, "--field", "UM", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";"))
    um02 = next(row for row in rows if row["Nr."] == "UM-02")
    assert (um02["Personalbedarf"], um02["CO₂-Einsparung (t/a)"]) == ("vorhanden", "85 t/a")
    assert (um02["Einschätzung"], um02["Kennzahlen"]) == ("rot", "waerme: 137 kWh/m² (hinter Plan)")
    um03 = next(row for row in rows if row["Nr."] == "UM-03")
    assert um03["Meilensteine erreicht"] == "1/3"


def test_list_json_gives_milestones_with_their_state() -> None:
    result = run("list", EXAMPLE, *AS_OF, "--unit", "DIG", "-f", "json")
    [bu03] = [m for m in json.loads(result.stdout)["measures"] if m["id"] == "BU-03"]
    assert [m["state"] for m in bu03["milestones"]] == ["reached", "overdue"]
    assert bu03["rating"] == "green" and bu03["light"] == "yellow"


def test_list_refuses_an_attribute_value_that_is_no_choice() -> None:
    result = run("list", EXAMPLE, *AS_OF, "--attribute", "personal=zusaetzlich")
    assert result.code == 2 and '(did you mean "zusätzlich"?)' in result.stderr
    assert run("list", EXAMPLE, *AS_OF, "--attribute", "personal").code == 2


def test_status_by_owner_puts_sub_units_beneath_their_unit() -> None:
    lines = run("status", EXAMPLE, *AS_OF, "--by", "owner", "--lang", "en").stdout.splitlines()
    at = lines.index("By owner")
    rows = [
        line[: len(line) - len(line.lstrip())] + line.split()[0] for line in lines[at + 3 : at + 20]
    ]
    assert rows[rows.index("BAU") + 1] == "  KSM" and rows[rows.index("SCH") + 1] == "  FD-SCHUL"
    bau = next(line for line in lines if line.startswith("BAU "))
    assert bau.split()[-12] == "7"  # its 3 measures and the Klimaschutzmanagement's 4
    assert "Fields of action" not in lines


def test_status_lists_where_rating_and_light_differ() -> None:
    lines = run("status", EXAMPLE, *AS_OF).stdout.splitlines()
    at = lines.index("Einschätzung und Ampel weichen ab (3)")
    assert [line.split()[0] for line in lines[at + 3 :] if line[:2].isupper()] == [
        "VW-02",
        "GE-01",
        "BU-03",
    ]


@pytest.mark.usefixtures("english")
def test_update_options_reach_the_core(example_copy: Path) -> None:
    result = run(
        "update",
        example_copy,
        "UM-02",
        "--indicator",
        "waerme=133,5",
        "--rating",
        "gelb",
        "--milestone-done",
        "x",
        "--date",
        "2025-03-10",
        *AS_OF,
    )
    assert result.code == 1 and "UM-02 has no milestones" in result.stderr
    result = run(
        "update",
        example_copy,
        "VW-02",
        "--milestone-done",
        "Rollout in allen Fachbereichen",
        "--attribute",
        "co2=12",
        "--rating",
        "grün",
        "--date",
        "2025-03-10",
        *AS_OF,
    )
    assert result.code == 0, result.stderr
    assert result.stdout.endswith(
        'updated VW-02: milestone "Rollout in allen Fachbereichen" reached on 2025-03-10, '
        "co2 12, rated green, update of 2025-03-10 recorded\n"
    )
    assert run("update", example_copy, "VW-02", "--indicator", "nope").code == 2
