"""`collect`: each row of a returned request workbook taken, refused, unchanged or a conflict,
through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_AS_OF, run
from tests.requests import SOFFICE, answer, collect, requested, resaved


def test_a_filled_row_becomes_an_update(example_copy: Path, tmp_path: Path) -> None:
    sheet = answer(requested(example_copy, tmp_path), {"G9": "45 %", "J9": "Ausschreibung läuft"})
    done = collect(example_copy, sheet)
    assert done.code == 0, done.stderr
    assert done.stdout.endswith("FB1.xlsx: 1 übernommen, 0 abgelehnt, 0 unverändert, 5 leer\n")
    shown = run("show", example_copy, "VW-03", "--as-of", EXAMPLE_AS_OF).stdout
    assert "45 %" in shown and "Ausschreibung läuft" in shown


def test_an_invalid_row_is_named_by_cell_and_the_others_are_written(
    example_copy: Path, tmp_path: Path
) -> None:
    sheet = answer(requested(example_copy, tmp_path), {"G6": 150, "F9": "in Umsetzung"})
    done = collect(example_copy, sheet)
    assert done.code == 1
    assert f"{sheet}:Rückmeldung!G6: VW-02: " in done.stderr and "150" in done.stderr
    assert "1 übernommen, 1 abgelehnt" in done.stdout
    assert "G6" not in done.stdout and example_copy.read_text().count("progress = 150") == 0
    assert 'status = "in_progress"\nnote' not in example_copy.read_text()


@pytest.mark.parametrize(
    ("cells", "where", "says"),
    [
        ({"F6": "halb fertig"}, "F6", "halb fertig"),
        ({"H6": "31.12.2026"}, "H6", "Begründung"),
        ({"K7": "01.01.2030"}, "K7", "Stichtag"),
        ({"I6": "lila"}, "I6", "lila"),
    ],
)
def test_what_cannot_be_read_is_refused(
    example_copy: Path, tmp_path: Path, cells: dict[str, object], where: str, says: str
) -> None:
    before = example_copy.read_bytes()
    done = collect(example_copy, answer(requested(example_copy, tmp_path), cells))
    assert done.code == 1
    line = next(line for line in done.stderr.splitlines() if f"Rückmeldung!{where}:" in line)
    assert "VW-02" in line and says in line
    assert example_copy.read_bytes() == before


def test_a_new_deadline_with_a_reason_moves_it(example_copy: Path, tmp_path: Path) -> None:
    cells = {"H6": "30.06.2026", "J6": "Lieferverzug"}
    done = collect(example_copy, answer(requested(example_copy, tmp_path), cells))
    assert done.code == 0, done.stderr
    assert 'deadline = 2026-06-30\nnote = "Lieferverzug"' in example_copy.read_text()


def test_collecting_again_adds_nothing(example_copy: Path, tmp_path: Path) -> None:
    sheet = answer(requested(example_copy, tmp_path), {"F9": "in Umsetzung", "K7": "01.03.2025"})
    assert collect(example_copy, sheet).code == 0
    after = example_copy.read_bytes()
    again = collect(example_copy, sheet)
    assert again.code == 0
    assert "schon übernommen" in again.stderr
    assert "0 übernommen, 0 abgelehnt, 2 unverändert" in again.stdout
    assert example_copy.read_bytes() == after


def test_the_same_file_twice_is_taken_once(example_copy: Path, tmp_path: Path) -> None:
    sheet = answer(requested(example_copy, tmp_path), {"J9": "Leistungsbeschreibung fertig"})
    done = collect(example_copy, sheet, sheet)
    assert done.code == 0
    assert example_copy.read_text().count("Leistungsbeschreibung fertig") == 1
    assert done.stdout.count("1 übernommen") == 1


def test_a_measure_updated_since_the_request_is_a_conflict(
    example_copy: Path, tmp_path: Path
) -> None:
    sheet = answer(requested(example_copy, tmp_path), {"G6": 70})
    update = ("update", example_copy, "VW-02", "--progress", "60", "--date", EXAMPLE_AS_OF)
    assert run(*update, "--as-of", EXAMPLE_AS_OF).code == 0
    before = example_copy.read_bytes()
    done = collect(example_copy, sheet)
    assert done.code == 1
    assert "Konflikt" in done.stderr and "60 %" in done.stderr and "70 %" in done.stderr
    assert example_copy.read_bytes() == before
    forced = run("collect", example_copy, sheet, "--force", "--as-of", EXAMPLE_AS_OF)
    assert forced.code == 0 and "progress = 70" in example_copy.read_text()


def test_a_workbook_of_another_plan_writes_nothing(example_copy: Path, tmp_path: Path) -> None:
    sheet = answer(requested(example_copy, tmp_path), {"F9": "in Umsetzung"})
    other = tmp_path / "other.toml"
    other.write_text(example_copy.read_text().replace("Musterdorf", "Beispielstadt"))
    before = other.read_bytes()
    done = collect(other, sheet)
    assert done.code == 2 and "anderen Plan" in done.stderr
    assert other.read_bytes() == before


def test_a_dry_run_shows_the_diff_and_writes_nothing(example_copy: Path, tmp_path: Path) -> None:
    sheet = answer(requested(example_copy, tmp_path), {"G9": 20})
    before = example_copy.read_bytes()
    done = run("collect", example_copy, sheet, "--dry-run", "--as-of", EXAMPLE_AS_OF)
    assert done.code == 0
    assert "+progress = 20" in done.stdout and "Probelauf" in done.stdout
    assert example_copy.read_bytes() == before


def test_not_a_request_workbook_cannot_run(example_copy: Path, tmp_path: Path) -> None:
    export = tmp_path / "bericht.xlsx"
    assert run("export", example_copy, "-o", export, "--as-of", EXAMPLE_AS_OF).code == 0
    done = collect(example_copy, export)
    assert done.code == 2 and "keine Arbeitsmappe einer Statusabfrage" in done.stderr


def test_english_summary(example_copy: Path, tmp_path: Path) -> None:
    sheet = answer(requested(example_copy, tmp_path), {"F9": "in progress"})
    done = run("--lang", "en", "collect", example_copy, sheet, "--as-of", EXAMPLE_AS_OF)
    assert done.code == 0
    assert "1 taken, 0 refused, 0 unchanged, 5 empty" in done.stdout


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_workbook_saved_again_by_libreoffice_still_collects(
    example_copy: Path, tmp_path: Path
) -> None:
    cells = {"F9": "in Umsetzung", "G9": "30 %", "J9": "begonnen", "K7": "01.03.2025"}
    sheet = resaved(answer(requested(example_copy, tmp_path), cells), tmp_path / "lo")
    done = collect(example_copy, sheet)
    assert done.code == 0, done.stderr
    assert "2 übernommen, 0 abgelehnt" in done.stdout
    text = example_copy.read_text()
    assert 'note = "begonnen"' in text and "done_on = 2025-03-01" in text


def test_a_period_deadline_collected_again_adds_nothing(example_copy: Path, tmp_path: Path) -> None:
    sheet = answer(requested(example_copy, tmp_path), {"H9": "3. Quartal 2026", "J9": "Verzug"})
    assert collect(example_copy, sheet).code == 0
    assert 'deadline = "2026-Q3"\nnote = "Verzug"' in example_copy.read_text()
    again = collect(example_copy, sheet)
    assert again.code == 0 and "1 unverändert" in again.stdout
