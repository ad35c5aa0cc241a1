"""`massnahmen import`: real plans, a flat workbook below a title block, CSV forms, bad files."""

from __future__ import annotations

import datetime as dt
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

from massnahmen.load import load_plan
from tests.conftest import REALDATA, ROOT, run

ULM = REALDATA / "ulm-smart-city-strategie-2021.csv"
BERLIN = REALDATA / "masterplan-wasser-berlin-2022.xlsx"
BERLIN_MAPPING = ROOT / "examples" / "masterplan-wasser-berlin.mapping.toml"
needs_realdata = pytest.mark.skipif(not REALDATA.exists(), reason="shared/realdata is missing")


def plan_data(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def measures(path: Path) -> dict[str, dict[str, Any]]:
    return {m["title"]: m for m in plan_data(path)["measures"]}


# --- the real plans ------------------------------------------------------------------------------


@needs_realdata
def test_ulm_csv_imports_126_measures_that_check_finds_incomplete(tmp_path: Path) -> None:
    out = tmp_path / "ulm.toml"
    result = run("import", ULM, "-o", out, "--authority", "Stadt Ulm")
    assert result.code == 0, result.stderr
    data = plan_data(out)
    assert len(data["measures"]) == 126 and len(data["fields"]) == 13
    check = run("check", out)
    assert check.code == 0
    assert {line.split()[1] for line in check.stderr.splitlines()[:-1]} == {"W209", "W304"}


@needs_realdata
def test_ulm_quirks_are_reported_and_kept(tmp_path: Path) -> None:
    out = tmp_path / "ulm.toml"
    result = run("import", ULM, "-o", out)
    assert 'C80: the measure has no title; written as "(ohne Titel)"' in result.stderr
    assert "stands in 2 fields of action" in result.stderr
    twice = [m for m in plan_data(out)["measures"] if m["title"].startswith("Schulungs-")]
    assert [m["field"] for m in twice] == ["GPS", "ZG"]
    assert "Auch im Handlungsfeld Zusammenleben und Gesellschaft" in twice[0]["notes"]


@needs_realdata
def test_berlin_workbook_imports_through_its_mapping(tmp_path: Path) -> None:
    out = tmp_path / "berlin.toml"
    result = run("import", BERLIN, "--mapping", BERLIN_MAPPING, "-o", out)
    assert result.code == 0, result.stderr
    data = plan_data(out)
    assert len(data["measures"]) == 32
    assert data["fields"][0]["name"] == "Wassermengenmanagement"
    first = data["measures"][0]
    assert (first["id"], first["field"], first["owner"]) == ("1", "WA", "BWB")
    assert first["contributors"] == [
        "GEW",
        "SenUMVK_II-B_Wasserwirtschaft",
        "WSA_Spree-Havel",
        "WB",
    ]
    assert first["notes"].endswith("Verwandte Maßnahmen: 3, 4, 6, 11, 13, 27")
    assert first["updates"] == [
        {"date": dt.date(2021, 11, 30), "note": first["updates"][0]["note"]}
    ]
    assert first["updates"][0]["note"].startswith("Erste Abstimmungen mit der Generaldirektion")


@needs_realdata
def test_berlin_status_words_set_the_status_and_the_update(tmp_path: Path) -> None:
    out = tmp_path / "berlin.toml"
    run("import", BERLIN, "--mapping", BERLIN_MAPPING, "-o", out)
    measure = measures(out)["Intensivierung der Brunnenerneuerung"]
    assert measure["status"] == "in_progress"
    assert measure["updates"] == [
        {"date": dt.date(2022, 9, 30), "status": "in_progress", "note": "In Umsetzung"}
    ]
    assert run("check", out, "--as-of", "2022-10-01").code == 0


# --- a flat workbook as officers keep it ---------------------------------------------------------

DATE_FORMS: list[object] = [
    dt.datetime(2024, 12, 31),
    45657,
    "31.12.2024",
    "12/2024",
    "Q3 2024",
    "3. Quartal 2024",
    "2. Hj. 2024",
    "Ende 2024",
    "2024",
    "laufend",
    "Daueraufgabe",
    "kurzfristig",
]
EXPECTED_DEADLINES = [
    dt.date(2024, 12, 31),
    dt.date(2024, 12, 31),
    dt.date(2024, 12, 31),
    "2024-12",
    "2024-Q3",
    "2024-Q3",
    "2024-H2",
    "2024",
    "2024",
    "ongoing",
    "ongoing",
    None,
]
STATUS_WORDS = [
    "geplant",
    "offen",
    "in Planung",
    "in Arbeit",
    "in Umsetzung",
    "umgesetzt",
    "erledigt",
    "abgeschlossen",
    "zurückgestellt",
    "ausgesetzt",
    "verworfen",
    "entfallen",
]
EXPECTED_STATUSES = ["planned"] * 3 + ["in_progress"] * 2 + ["done"] * 3 + ["on_hold"] * 2
EXPECTED_STATUSES += ["cancelled"] * 2
HEADERS = ["Nr.", "Handlungsfeld", "Maßnahme", "Verantwortlich", "Beteiligte", "Frist"]
HEADERS += ["Status", "Fortschritt", "Kosten", "Bemerkung"]


def flat_workbook(path: Path, rows: list[list[object]], headers: list[str] = HEADERS) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Maßnahmenplan"
    sheet["A1"] = "Digitalisierungsstrategie der Stadt Musterstadt – Maßnahmenplan"
    sheet.merge_cells("A1:J1")
    sheet["A2"] = "Stand: 01.03.2024"
    sheet.merge_cells("A2:D2")
    sheet.append([])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula, as a person typed it
    book.save(path)
    return path


def progress_for(status: str) -> object:
    return {"done": "100 %", "planned": 0, "in_progress": "0,4"}.get(status)


def every_form(tmp_path: Path) -> Path:
    rows: list[list[object]] = []
    for n, (deadline, word) in enumerate(zip(DATE_FORMS, STATUS_WORDS, strict=True)):
        field = "Verwaltung" if n < 6 else None  # merged down: the field fills down
        field = "Bildung" if n == 6 else field
        progress = progress_for(EXPECTED_STATUSES[n])
        rows.append([f"M{n + 1}", field, f"Maßnahme {n + 1}", "Hauptamt", "IT, KRZ", deadline])
        rows[-1] += [word, progress, "12.000,00 €", None]
    return flat_workbook(tmp_path / "plan.xlsx", rows)


def test_flat_workbook_below_a_title_block_reads_every_form(tmp_path: Path) -> None:
    out = tmp_path / "plan.toml"
    result = run("import", every_form(tmp_path), "-o", out)
    assert result.code == 0, result.stderr
    loaded = load_plan(out)
    assert loaded.plan is not None
    plan = loaded.plan
    assert [m.deadline.raw if m.deadline else None for m in plan.measures] == EXPECTED_DEADLINES
    assert [m.status for m in plan.measures] == EXPECTED_STATUSES
    assert plan.plan.title.startswith("Digitalisierungsstrategie der Stadt Musterstadt")
    assert plan.plan.authority == "Stadt Musterstadt"
    assert [f.name for f in plan.fields] == ["Verwaltung", "Bildung"]
    assert plan.measures[3].progress == 40 and plan.measures[0].budget_eur == 12000.0
    assert (plan.measures[0].owner, plan.measures[0].contributors) == ("Hauptamt", ["IT", "KRZ"])


def test_a_cell_that_means_nothing_is_reported_and_kept(tmp_path: Path) -> None:
    out = tmp_path / "plan.toml"
    result = run("import", every_form(tmp_path), "-o", out)
    line = 'plan.xlsx:Maßnahmenplan!F16 (Frist) "kurzfristig": not a date or period; kept in notes'
    assert line in result.stderr.splitlines()
    assert measures(out)["Maßnahme 12"]["notes"] == "Frist: kurzfristig"


def test_measure_ids_come_from_the_nr_column(tmp_path: Path) -> None:
    out = tmp_path / "plan.toml"
    run("import", every_form(tmp_path), "-o", out)
    assert [m["id"] for m in plan_data(out)["measures"]][:3] == ["M1", "M2", "M3"]


def test_done_with_less_progress_becomes_100_and_says_so(tmp_path: Path) -> None:
    source = flat_workbook(
        tmp_path / "p.xlsx", [[1, "Bildung", "WLAN", None, None, 2024, "erledigt", "40 %"]]
    )
    out = tmp_path / "plan.toml"
    result = run("import", source, "-o", out)
    assert "progress 40 contradicts the status done; set to 100" in result.stderr
    measure = measures(out)["WLAN"]
    assert (measure["progress"], measure["notes"]) == (100, "Fortschritt laut Quelle: 40 %")


def test_committee_workbook_headers_map(tmp_path: Path) -> None:
    headers = ["Nr.", "Handlungsfeld", "Maßnahme", "Verantwortlich", "Frist (beschlossen)"]
    headers += ["Frist (aktuell)", "Fristverschiebungen", "Status", "Fortschritt", "Ampel"]
    row: list[object] = ["VW-01", "Verwaltung", "E-Akte", "Hauptamt", "2024-Q2", "2024-Q4", 1]
    row += ["in Umsetzung", 0.5, "rot"]
    source = flat_workbook(tmp_path / "export.xlsx", [row], headers)
    out = tmp_path / "plan.toml"
    assert run("import", source, "-o", out).code == 0
    measure = plan_data(out)["measures"][0]
    assert (measure["id"], measure["field"], measure["deadline"]) == ("VW-01", "VW", "2024-Q2")
    assert measure["updates"][0]["deadline"] == "2024-Q4"
    assert "notes" not in measure and plan_data(out)["fields"][0]["id"] == "VW"


def test_band_rows_head_their_fields_and_are_no_measures(tmp_path: Path) -> None:
    headers = ["Nr.", "Feld", "Maßnahme", "Verantwortlich", "Frist", "Status"]
    rows: list[list[object]] = [
        ["VW", "VW", "Verwaltung"],  # as the committee workbook writes them
        ["VW-01", "VW", "E-Akte", "Hauptamt", "2024", "geplant"],
        ["BI", "BI", "Bildung"],  # a field without measures is still a field
        ["1", None, "Mobilität"],  # a section numbered like its measures
        ["1.1", None, "Carsharing", "Ordnungsamt", "2025", "offen"],
        ["1.2", None, "Radwege", None, None, "offen"],
        ["X", None, "Klimaschutz"],  # id and title only, but heads nothing: a measure
        ["Y-1", None, "Sensoren", None, None, "offen"],
    ]
    source = flat_workbook(tmp_path / "bands.xlsx", rows, headers)
    out = tmp_path / "plan.toml"
    result = run("import", source, "-o", out)
    assert result.code == 0, result.stderr
    data = plan_data(out)
    assert [(f["id"], f["name"]) for f in data["fields"]] == [
        ("VW", "Verwaltung"),
        ("BI", "Bildung"),
        ("1", "Mobilität"),
    ]
    assert [(m["id"], m["field"]) for m in data["measures"]] == [
        ("VW-01", "VW"),
        ("1.1", "1"),
        ("1.2", "1"),
        ("X", "1"),
        ("Y-1", "1"),
    ]


def test_dates_formatted_as_periods_are_periods(tmp_path: Path) -> None:
    import openpyxl

    source = flat_workbook(
        tmp_path / "p.xlsx",
        [[n, "Bildung", f"M{n}", None, None, dt.datetime(2025, 12, 31)] for n in range(1, 5)],
    )
    book = openpyxl.load_workbook(source)
    sheet = book.active
    assert sheet is not None
    for row, number_format in enumerate(['"Q4/"YYYY', "MM/YYYY", "YYYY", "DD.MM.YYYY"], 5):
        sheet.cell(row, 6).number_format = number_format
    book.save(source)
    out = tmp_path / "plan.toml"
    assert run("import", source, "-o", out).code == 0
    deadlines = [m["deadline"] for m in plan_data(out)["measures"]]
    assert deadlines == ["2025-Q4", "2025-12", "2025", dt.date(2025, 12, 31)]


def test_hostile_cell_text_stays_text(tmp_path: Path) -> None:
    title = "=cmd|' /C calc'!A0"
    source = flat_workbook(tmp_path / "p.xlsx", [[1, "Bildung", title, "@SUM(1)"]])
    out = tmp_path / "plan.toml"
    assert run("import", source, "-o", out).code == 0
    measure = measures(out)[title]
    assert plan_data(out)["owners"][0]["name"] == "@SUM(1)" and measure["owner"] == "SUM-1"


# --- CSV ------------------------------------------------------------------------------------------


def test_csv_with_semicolons_and_a_bom(tmp_path: Path) -> None:
    source = tmp_path / "plan.csv"
    text = "Nr.;Handlungsfeld;Maßnahme;Frist;Status;Kosten\n"
    text += '1;Verwaltung;"E-Akte; Stufe 1";Q3 2024;in Arbeit;"1.500,50 €"\n'
    source.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    out = tmp_path / "plan.toml"
    assert run("import", source, "-o", out).code == 0
    measure = plan_data(out)["measures"][0]
    assert (measure["title"], measure["deadline"], measure["status"]) == (
        "E-Akte; Stufe 1",
        "2024-Q3",
        "in_progress",
    )
    assert measure["budget_eur"] == 1500.5


def test_windows_csv_is_read_and_the_encoding_named(tmp_path: Path) -> None:
    source = tmp_path / "plan.csv"
    source.write_bytes("Maßnahme;Handlungsfeld\nBürgerportal;Verwaltung\n".encode("cp1252"))
    result = run("import", source, "-o", tmp_path / "plan.toml")
    assert result.code == 0
    assert "read as Windows-1252" in result.stderr


# --- files it refuses ----------------------------------------------------------------------------


def refused(source: Path, tmp_path: Path, *args: str) -> str:
    out = tmp_path / "out.toml"
    result = run("import", source, "-o", out, *args)
    assert result.code == 2 and not out.exists()
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    return result.stderr


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    source = tmp_path / "plan.xlsx"
    source.write_bytes(bytes(range(256)) * 4)
    assert "not an Excel workbook" in refused(source, tmp_path)


def test_a_zip_that_is_no_workbook(tmp_path: Path) -> None:
    source = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "a zip archive, but not an Excel workbook" in refused(source, tmp_path)


def test_a_workbook_with_damaged_xml(tmp_path: Path) -> None:
    source = every_form(tmp_path)
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(damaged, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            new.writestr(item, data[: len(data) // 2] if "worksheets" in item.filename else data)
    assert "damaged" in refused(damaged, tmp_path)


def test_an_encrypted_workbook(tmp_path: Path) -> None:
    source = tmp_path / "plan.xlsx"
    source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    assert "encrypted (password-protected) workbook or an old .xls" in refused(source, tmp_path)


def test_a_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("massnahmen.importer.sources.MAX_SOURCE_BYTES", 1000)
    source = tmp_path / "plan.csv"
    source.write_text("Maßnahme\n" + "x\n" * 1000, encoding="utf-8")
    assert "2,010 bytes is more than the 1,000 bytes this reads" in refused(source, tmp_path)


def test_an_empty_csv(tmp_path: Path) -> None:
    source = tmp_path / "plan.csv"
    source.write_text("\n\n", encoding="utf-8")
    assert "the file has no rows" in refused(source, tmp_path)


def test_a_csv_without_a_title_column(tmp_path: Path) -> None:
    source = tmp_path / "plan.csv"
    source.write_text("a,b\n1,2\n", encoding="utf-8")
    message = refused(source, tmp_path)
    assert "keine Spalte der Datei enthält die Titel" in message
    assert 'gesehene Spalten: "a", "b"' in message and 'title = "SPALTE"' in message


def test_a_title_column_of_numbers_is_refused_with_the_headers_seen(tmp_path: Path) -> None:
    source = tmp_path / "plan.csv"
    source.write_text("topic_id,measure_id,measure_name\n1,1,Brunnen\n1,2,Netz\n", "utf-8")
    message = refused(source, tmp_path, "--lang", "en")
    assert 'the column "measure_id" holds only numbers: 1, 2' in message
    assert '"topic_id", "measure_id", "measure_name"' in message
    assert 'title = "COLUMN"' in message


@needs_realdata
def test_berlin_without_its_mapping_is_refused_not_titled_1_2_3(tmp_path: Path) -> None:
    message = refused(BERLIN, tmp_path)
    assert "die Spalte „measure_id“ enthält nur Nummern: 1, 2, 3, …" in message
    assert '"measure_name"' in message and "--mapping" in message


def test_not_a_spreadsheet(tmp_path: Path) -> None:
    source = tmp_path / "plan.pdf"
    source.write_bytes(b"%PDF-1.7\n")
    assert "not a spreadsheet" in refused(source, tmp_path)


def test_an_existing_plan_is_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "plan.toml"
    out.write_text("keep me", encoding="utf-8")
    result = run("import", every_form(tmp_path), "-o", out)
    assert (result.code, result.stderr) == (
        2,
        f"massnahmen: {out}: exists; give --force to overwrite it\n",
    )
    assert out.read_text(encoding="utf-8") == "keep me"


def test_force_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "plan.toml"
    out.write_text("old", encoding="utf-8")
    assert run("import", every_form(tmp_path), "-o", out, "--force").code == 0
    assert plan_data(out)["format"] == 1


def test_a_mapping_naming_a_missing_column(tmp_path: Path) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text('mapping = 1\n[measures]\ntitle = "Titel der Maßnahme"\n', encoding="utf-8")
    message = refused(every_form(tmp_path), tmp_path, "--mapping", str(mapping))
    assert 'no column "Titel der Maßnahme" in sheet "Maßnahmenplan"' in message


def test_a_mapping_with_a_misspelt_key(tmp_path: Path) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text('mapping = 1\n[measures]\ntitel = "Maßnahme"\n', encoding="utf-8")
    result = run("import", every_form(tmp_path), "-o", tmp_path / "out.toml", "--mapping", mapping)
    assert result.code == 2
    assert result.stderr.splitlines() == [
        f'massnahmen: {mapping}: [measures] missing key "title"',
        f'{mapping}: [measures] unknown key "titel" (did you mean "title"?)',
    ]


@pytest.mark.usefixtures("english")
def test_import_has_help() -> None:
    result = run("import", "--help")
    assert result.code == 0
    assert "--mapping MAPPING" in result.stdout and "--force" in result.stdout
