"""`request`: one fill-in workbook per owner with open measures, locked but for the answers,
tied to the plan, printable; with --eml a complete mail beside it."""

from __future__ import annotations

import email
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import EXAMPLE_AS_OF, run
from tests.requests import requested


def test_one_workbook_per_owner_with_open_measures(example_copy: Path, tmp_path: Path) -> None:
    done = run("request", example_copy, "--out-dir", tmp_path, "--as-of", EXAMPLE_AS_OF)
    assert done.code == 0
    assert f"{tmp_path / 'FB1.xlsx'}: FB1, 4 Maßnahmen, Rückmeldung bis 23.06.2025\n" in done.stdout
    assert len(list(tmp_path.glob("*.xlsx"))) == len(done.stdout.splitlines()) == 13


def test_the_sheet_shows_the_state_and_the_cells_to_fill(
    example_copy: Path, tmp_path: Path
) -> None:
    sheet = load_workbook(requested(example_copy, tmp_path))["Rückmeldung"]
    assert "Musterdorf" in str(sheet["A1"].value) and "bis 23.06.2025" in str(sheet["A2"].value)
    header = [c.value for c in sheet[5]]
    assert header[:10] == [
        "Nr.", "Maßnahme", "Status", "Fortschritt", "Frist",
        "Status neu", "Fortschritt neu", "Frist neu", "Einschätzung", "Sachstand / Begründung",
    ]  # fmt: skip
    assert [c.value for c in sheet[6]][:5] == [
        "VW-02",
        sheet["B6"].value,
        "in Umsetzung",
        55,
        "Q4/2025",
    ]
    assert str(sheet["B7"].value).startswith("Meilenstein: ")


def test_only_the_answer_cells_are_unlocked_and_they_are_validated(
    example_copy: Path, tmp_path: Path
) -> None:
    sheet = load_workbook(requested(example_copy, tmp_path))["Rückmeldung"]
    assert sheet.protection.sheet and not sheet.protection.password
    unlocked = {c.coordinate for row in sheet.iter_rows() for c in row if not c.protection.locked}
    assert {"F6", "G6", "H6", "I6", "J6", "K7"} <= unlocked
    assert not unlocked & {"A6", "C6", "D6", "E6", "K6", "F7"}
    rules = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    status = next(v for ref, v in rules.items() if "F6" in ref)
    assert status.type == "list" and "umgesetzt" in str(status.formula1)
    progress = next(v for ref, v in rules.items() if "G6" in ref)
    assert (progress.type, progress.formula1, progress.formula2) == ("whole", "0", "100")


def test_it_prints_one_page_wide_with_the_header_repeated(
    example_copy: Path, tmp_path: Path
) -> None:
    sheet = load_workbook(requested(example_copy, tmp_path))["Rückmeldung"]
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$5:$5"


def test_the_tie_to_the_plan_is_a_hidden_sheet(example_copy: Path, tmp_path: Path) -> None:
    book = load_workbook(requested(example_copy, tmp_path))
    assert book["massnahmen"].sheet_state == "hidden"
    assert book["massnahmen"]["A1"].value == "massnahmen-request"


def test_owner_and_sub_units(example_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run("request", example_copy, "--out-dir", out, "--as-of", EXAMPLE_AS_OF,
               "--owner", "SCH", "--sub-units")  # fmt: skip
    assert done.code == 0 and [p.name for p in out.iterdir()] == ["SCH.xlsx"]
    assert "SCH, 3 Maßnahmen" in done.stdout  # its own and FD-SCHUL's


def test_an_unknown_owner_is_a_usage_error(example_copy: Path, tmp_path: Path) -> None:
    done = run("request", example_copy, "--out-dir", tmp_path / "out", "--owner", "FB9")
    assert done.code == 2 and "FB9" in done.stderr and not (tmp_path / "out").exists()


def test_eml_is_a_complete_mail_with_the_workbook(example_copy: Path, tmp_path: Path) -> None:
    requested(example_copy, tmp_path, "--eml", "--reply-by", "10.06.2025")
    mail = email.message_from_bytes((tmp_path / "FB1.eml").read_bytes(), policy=default)
    assert isinstance(mail, EmailMessage)
    assert 'Ratsbüro" <fb1@musterdorf.de>' in str(mail["To"])
    assert "bis 10.06.2025" in str(mail["Subject"])
    body = mail.get_body(("plain",))
    assert body is not None and "Guten Tag" in body.get_content()
    (attached,) = list(mail.iter_attachments())
    assert attached.get_filename() == "FB1.xlsx"
    assert attached.get_content() == (tmp_path / "FB1.xlsx").read_bytes()


def test_english_workbook(example_copy: Path, tmp_path: Path) -> None:
    done = run(
        "--lang", "en", "request", example_copy, "--out-dir", tmp_path, "--as-of", EXAMPLE_AS_OF
    )
    assert done.code == 0 and "FB1, 4 measures, answer by 2025-06-23" in done.stdout
    sheet = load_workbook(tmp_path / "FB1.xlsx")["Response"]
    assert sheet["F5"].value == "New status"


def test_remind_mentions_the_workbook_until_it_is_collected(
    example_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert run("request", example_copy, "--out-dir", out, "--as-of", EXAMPLE_AS_OF).code == 0
    remind = ("remind", example_copy, "--owner", "KSM", "--as-of", EXAMPLE_AS_OF)
    letter = " ".join(run(*remind).stdout.split())
    assert "Die Arbeitsmappe KSM.xlsx aus der Statusabfrage liegt bei" in letter
    status = run("status", example_copy, "--as-of", EXAMPLE_AS_OF).stdout.splitlines()[-1]
    assert status.startswith("Statusabfrage: 13 Zuständige haben noch nicht geantwortet: BAU")
    assert run("collect", example_copy, out / "KSM.xlsx", "--as-of", EXAMPLE_AS_OF).code == 0
    assert "Arbeitsmappe" not in run(*remind).stdout
    status = run("status", example_copy, "--as-of", EXAMPLE_AS_OF).stdout.splitlines()[-1]
    assert "12 Zuständige" in status and "KSM" not in status
