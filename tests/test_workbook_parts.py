"""The workbook shows the parts real plans have: a column per attribute, milestones and the
owner's rating beside the light, the indicator sheets with their charts, owners by parent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import LineChart
from openpyxl.workbook import Workbook

from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, run


def flat(text: object) -> str:
    return str(text).replace("-\n", "").replace("\n", " ")


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    target = tmp_path_factory.mktemp("export") / "bericht.xlsx"
    result = run("export", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "-o", target)
    assert result.code == 0, result.stderr
    return openpyxl.load_workbook(target)


def rows_by_id(book: Workbook, sheet: str) -> dict[str, dict[str, object]]:
    rows = list(book[sheet].iter_rows(values_only=True))
    heads = [flat(h) for h in rows[0]]
    return {str(row[0]): dict(zip(heads, row, strict=True)) for row in rows[1:]}


def test_the_indicator_sheets_follow_the_changes(book: Workbook) -> None:
    names = book.sheetnames
    assert names.index("Kennzahlen") == names.index("Änderungen") + 1
    assert names.index("Messwerte") == names.index("Kennzahlen") + 1


def test_attributes_have_a_column_each_headed_by_name_and_unit(book: Workbook) -> None:
    measures = rows_by_id(book, "Maßnahmen")
    assert measures["UM-02"]["Personalbedarf"] == "vorhanden"
    assert measures["UM-02"]["CO₂-Einsparung (t/a)"] == 85  # a number, filterable
    assert measures["VW-01"]["Personalbedarf"] is None


def test_rating_beside_the_light_and_the_milestones(book: Workbook) -> None:
    measures = rows_by_id(book, "Maßnahmen")
    heads = [flat(c.value) for c in book["Maßnahmen"][1]]
    assert heads.index("Einschätzung") == heads.index("Ampel") + 1
    assert (measures["GE-01"]["Ampel"], measures["GE-01"]["Einschätzung"]) == ("rot", "grün")
    vw = measures["VW-02"]
    assert vw["Meilensteine erreicht"] == "2/4"
    assert vw["Nächster Meilenstein"] == "Rollout in allen Fachbereichen (Q3/2025)"


def test_one_row_per_indicator_with_its_path(book: Workbook) -> None:
    rows = list(book["Kennzahlen"].iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["VW-01", "UM-02", "IT-06"]
    heating = rows[2]
    assert heating[4:11] == (
        142,
        dt.datetime(2023, 1, 1),
        137,
        dt.datetime(2024, 12, 31),
        115,
        dt.datetime(2027, 12, 31),
        131.2,
    )
    assert heating[12] == "hinter Plan" and rows[3][12] == "im Plan"


def test_each_indicator_has_a_chart_of_its_values_and_path(book: Workbook) -> None:
    charts = book["Kennzahlen"]._charts
    assert len(charts) == 3 and all(isinstance(chart, LineChart) for chart in charts)
    values = list(book["Messwerte"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in values] == ["VW-01"] * 3 + ["UM-02"] * 2 + ["IT-06"] * 2
    assert values[4][2:5] == (dt.datetime(2024, 12, 31), 137, 131.2)


def test_owners_are_grouped_under_their_parent_unit(book: Workbook) -> None:
    sheet = book["Verantwortliche"]
    ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert ids[ids.index("FB3") + 1] == "ORD" and ids[ids.index("BAU") + 1] == "KSM"
    levels = {sheet.cell(n, 1).value: sheet.row_dimensions[n].outlineLevel for n in range(2, 20)}
    assert levels["ORD"] == 1 and levels["FB3"] == 0
    owners = rows_by_id(book, "Verantwortliche")
    assert owners["KSM"]["Übergeordnet"] == "BAU"
    assert (owners["BAU"]["Maßnahmen"], owners["BAU"]["Maßnahmen inkl. Untereinheiten"]) == (3, 7)


def test_a_plan_without_indicators_has_no_indicator_sheets(tmp_path: Path) -> None:
    from tests.conftest import DATA

    target = tmp_path / "bericht.xlsx"
    run("export", DATA / "valid" / "minimal.toml", "-o", target)
    assert "Kennzahlen" not in openpyxl.load_workbook(target).sheetnames
