"""The exported workbook read back with openpyxl and with calamine, an independent reader."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineWorkbook

from tests.conftest import DATA, run

PLAN = DATA / "report" / "plan.toml"
AS_OF = "2024-07-01"
SHEETS_DE = [
    "Übersicht",
    "Maßnahmen",
    "Handlungsbedarf",
    "Änderungen",
    "Verantwortliche",
    "Haushaltsvorbehalt",
]


def headings(sheet: Worksheet) -> list[str]:
    """The heading row, without the line breaks of hyphenated words."""
    return [str(cell.value).replace("-\n", "").replace("\n", " ") for cell in sheet[1]]


def export(folder: Path, *options: str, plan: Path = PLAN) -> Path:
    target = folder / "bericht.xlsx"
    result = run("export", plan, "--as-of", AS_OF, "-o", target, *options)
    assert result.code == 0, result.stderr
    return target


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def book(path: Path) -> Workbook:
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def calamine(path: Path) -> CalamineWorkbook:
    return CalamineWorkbook.from_path(str(path))


def test_sheets_in_reading_order(book: Workbook, calamine: CalamineWorkbook) -> None:
    assert book.sheetnames == SHEETS_DE
    assert calamine.sheet_names == SHEETS_DE


def test_english_sheet_names(tmp_path: Path) -> None:
    names = openpyxl.load_workbook(export(tmp_path, "--lang", "en")).sheetnames
    assert names == [
        "Summary",
        "Measures",
        "Action needed",
        "Changes",
        "Owners",
        "Budget reservation",
    ]


def test_no_changes_sheet_without_an_earlier_meeting_or_since(tmp_path: Path) -> None:
    plan = DATA / "valid" / "minimal.toml"
    names = openpyxl.load_workbook(export(tmp_path, plan=plan)).sheetnames
    assert "Änderungen" not in names and "Haushaltsvorbehalt" in names


def test_row_counts(calamine: CalamineWorkbook) -> None:
    def rows(name: str) -> int:
        return len(calamine.get_sheet_by_name(name).to_python(skip_empty_area=False))

    assert rows("Maßnahmen") == 1 + 2 + 4  # heading, a band per field, the measures
    assert rows("Handlungsbedarf") == 1 + 2
    assert rows("Änderungen") == 1 + 3  # two updates and one new measure since 11.06.2024
    assert rows("Verantwortliche") == 1 + 2
    assert rows("Haushaltsvorbehalt") == 1 + 1 + 1  # and the total under the table


def test_measure_rows_in_field_order_under_their_band(book: Workbook) -> None:
    ids = [row[0] for row in book["Maßnahmen"].iter_rows(min_row=2, max_col=1, values_only=True)]
    assert ids == ["VW", "VW-01", "VW-02", "BI", "BI-01", "BI-02"]


def test_dates_are_date_cells_shown_as_written(book: Workbook, calamine: CalamineWorkbook) -> None:
    sheet = book["Maßnahmen"]
    head = headings(sheet)
    start = sheet.cell(3, head.index("Beginn") + 1)
    adopted = sheet.cell(3, head.index("Frist (beschlossen)") + 1)
    assert start.is_date and start.value == dt.datetime(2024, 1, 1)
    assert start.number_format == "DD.MM.YYYY"
    assert adopted.value == dt.datetime(2024, 3, 31) and adopted.number_format == '"Q1/"YYYY'
    values = calamine.get_sheet_by_name("Maßnahmen").to_python()
    assert values[2][head.index("Beginn")] == dt.date(2024, 1, 1)


def test_money_and_progress_are_numbers_with_formats(book: Workbook) -> None:
    sheet = book["Maßnahmen"]
    head = headings(sheet)
    budget = sheet.cell(3, head.index("Haushaltsmittel") + 1)
    progress = sheet.cell(3, head.index("Fortschritt") + 1)
    assert budget.value == 120000.5 and "€" in budget.number_format
    assert progress.value == 0.5 and progress.number_format == "0 %"


def test_measures_are_an_excel_table_frozen_and_grouped(book: Workbook) -> None:
    sheet = book["Maßnahmen"]
    (table,) = sheet.tables.values()
    assert table.ref == "A1:U7" and table.displayName == "Massnahmen"
    assert sheet.freeze_panes == "B2"
    levels = [sheet.row_dimensions[n].outline_level for n in range(2, 8)]
    assert levels == [0, 1, 1, 0, 1, 1]
    assert sheet.sheet_properties.outlinePr.summaryBelow is False


def test_traffic_lights_and_progress_bars_are_conditional_formats(book: Workbook) -> None:
    rules = {
        str(cells.sqref): [rule.type for rule in found]
        for cells, found in book["Maßnahmen"].conditional_formatting._cf_rules.items()
    }
    lights = ["cellIs"] * 4  # rot, gelb, grün, ohne Frist
    assert rules == {"M2:M7": lights, "N2:N7": lights, "L2:L7": ["dataBar"]}  # light, rating
    formulas = [
        rule.formula[0]
        for found in book["Maßnahmen"].conditional_formatting._cf_rules.values()
        for rule in found
        if rule.formula
    ]
    assert formulas == ['"rot"', '"gelb"', '"grün"', '"ohne Frist"'] * 2


def test_summary_has_a_stacked_bar_chart_of_the_fields(book: Workbook) -> None:
    (chart,) = book["Übersicht"]._charts
    assert isinstance(chart, BarChart)
    assert chart.grouping == "stacked" and len(chart.series) == 5
    assert [s.tx.v for s in chart.series] == [
        "umgesetzt",
        "in Umsetzung",
        "geplant",
        "zurückgestellt",
        "verworfen",
    ]


def test_summary_names_the_meeting_and_the_changes(calamine: CalamineWorkbook) -> None:
    facts = {
        row[0]: row[1]
        for row in calamine.get_sheet_by_name("Übersicht").to_python()
        if row[0] and row[1] != ""
    }
    assert facts["Stichtag"] == dt.date(2024, 7, 1)
    assert facts["Bericht für"] == "Digitalausschuss am 17.09.2024"
    assert facts["Änderungen seit"] == "HFA am 11.06.2024"
    assert facts["Gesamt"] == 4


@pytest.mark.parametrize("name", SHEETS_DE)
def test_every_sheet_prints_on_a4_landscape_one_page_wide(book: Workbook, name: str) -> None:
    sheet = book[name]
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and setup.paperSize == int(sheet.PAPERSIZE_A4)
    assert setup.fitToWidth == 1 and setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.oddHeader.center.text == f"Teststadt digital – {name}"  # the sheet, as text
    assert sheet.oddHeader.right.text == (
        "Stichtag 01.07.2024 · Digitalausschuss am 17.09.2024 · seit HFA am 11.06.2024"
    )
    assert sheet.oddFooter.right.text == "Seite &P von &N"


def test_document_properties(book: Workbook) -> None:
    properties = book.properties
    assert properties.title == "Teststadt digital"
    assert properties.creator == "Stadt Teststadt"
    assert properties.created == properties.modified == dt.datetime(2024, 7, 1)


def test_action_sheet_lists_what_needs_action(calamine: CalamineWorkbook) -> None:
    rows = calamine.get_sheet_by_name("Handlungsbedarf").to_python()
    assert [row[0] for row in rows[1:]] == ["VW-01", "BI-01"]
    assert rows[1][3:8] == ["Fachbereich 1", dt.date(2024, 5, 31), 31.0, "rot", "überfällig"]
    assert rows[2][8] == "fällig in 9 Tagen; seit 122 Tagen ohne Meldung"


def test_changes_sheet_shows_before_and_after(calamine: CalamineWorkbook) -> None:
    rows = calamine.get_sheet_by_name("Änderungen").to_python()
    moved = rows[1]
    assert moved[:4] == [dt.date(2024, 6, 20), "VW-01", "E-Akte", "Meldung"]
    assert moved[4:10] == [
        "in Umsetzung",
        "in Umsetzung",
        0.3,
        0.5,
        dt.date(2024, 3, 31),
        dt.date(2024, 5, 31),
    ]
    assert moved[10] == "Lieferverzug des Dienstleisters"
    assert [row[3] for row in rows[2:]] == ["Meldung", "neu aufgenommen"]


def test_owners_and_budget_reservations(calamine: CalamineWorkbook) -> None:
    owners = calamine.get_sheet_by_name("Verantwortliche").to_python()
    assert owners[1][:9] == ["FB1", "Fachbereich 1", "Organisationseinheit", "ja", 2, 1, 1, 0, 1]
    reserved = calamine.get_sheet_by_name("Haushaltsvorbehalt").to_python()
    assert reserved[1][0] == "BI-01" and reserved[2][2:7] == ["Gesamt", "", "", "", 50000.0]


def test_same_input_gives_the_same_bytes(tmp_path: Path, path: Path) -> None:
    again = export(tmp_path)
    assert again.read_bytes() == path.read_bytes()


def test_zip_entries_carry_no_clock_time(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    text = text.replace('title = "E-Akte"', 'title = "=HYPERLINK(\\"http://x.test\\",\\"klick\\")"')
    text = text.replace('name = "Fachbereich 1"', 'name = "+1"')
    text = text.replace('note = "Lieferverzug des Dienstleisters"', 'note = "-x Lieferverzug"')
    text = text.replace('decision = "DS 2024/001"', 'decision = "@SUM(1)"')
    text = text.replace('title = "Lernplattform"', 'title = "\\tTab\\rCR"')
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    target = export(tmp_path, plan=plan)
    with zipfile.ZipFile(target) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in archive.read(name) for name in sheets)
    sheet = openpyxl.load_workbook(target)["Maßnahmen"]
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row if cell.value}
    cells["tab"] = next(cell for value, cell in cells.items() if str(value).startswith("\tTab"))
    for value in ('=HYPERLINK("http://x.test","klick")', "+1", "-x Lieferverzug", "tab"):
        assert cells[value].data_type == "s"
        assert cells[value].quotePrefix
    values = CalamineWorkbook.from_path(str(target)).get_sheet_by_name("Maßnahmen").to_python()
    assert values[2][2] == '=HYPERLINK("http://x.test","klick")'
    reserved = openpyxl.load_workbook(target)["Haushaltsvorbehalt"]
    assert reserved["I2"].value == "@SUM(1)" and reserved["I2"].data_type == "s"


def test_control_characters_are_dropped_not_fatal(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8").replace('"E-Akte"', '"E-Akte\\u0001\\u0007"')
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    sheet = openpyxl.load_workbook(export(tmp_path, plan=plan))["Maßnahmen"]
    assert sheet["C3"].value == "E-Akte"


def test_page_header_stays_within_excels_limit(tmp_path: Path) -> None:
    long = "Sehr langer Titel & mehr " * 12
    text = PLAN.read_text(encoding="utf-8")
    text = text.replace('title = "Teststadt digital"', f'title = "{long}"')
    text = text.replace('authority = "Stadt Teststadt"', f'authority = "{long}"')
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    sheet = openpyxl.load_workbook(export(tmp_path, plan=plan))["Maßnahmen"]
    assert len(str(sheet.oddHeader)) <= 255
    assert "&&" in sheet.oddHeader.center.text  # a literal ampersand, not a code


def test_one_legend_explains_every_light(book: Workbook) -> None:
    texts = [r[0] for r in book["Übersicht"].iter_rows(values_only=True) if r[0]]
    at = texts.index("Legende der Ampel")
    lights = [text.split(":")[0] for text in texts[at + 1 : at + 5]]
    assert lights == ["rot", "gelb", "grün", "ohne Frist"]


def test_owner_sheet_heads_the_owner_code_kuerzel(book: Workbook) -> None:
    assert book["Verantwortliche"]["A1"].value == "Kürzel"


def test_chart_status_colours_are_not_traffic_light_colours(book: Workbook) -> None:
    import colorsys

    (chart,) = book["Übersicht"]._charts
    for series in chart.series:
        rgb = str(series.graphicalProperties.solidFill.srgbClr)
        red, green, blue = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
        hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
        grey = saturation < 0.15
        # red, amber/yellow and green hues, and the light grey of "ohne Frist", are the light's
        assert (grey and lightness < 0.5) or 0.45 < hue < 0.9, rgb
