"""Issue 13, items 6, 7, 9, 10, 11 and 14: bounded output, limits checked while streaming, no
file that is not a plan read at all, and nothing an import drops without naming its cell.
(Linear growth is measured by `benchmarks/hostile.py`, checked in tests/test_fuzz_resources.py.)"""

from __future__ import annotations

import csv
import io
import json
import os
import threading
from pathlib import Path

import pytest

from massnahmen.sanitize import FORMULA_STARTS
from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, run
from tests.hostile_files import (
    HOSTILE,
    banded_csv,
    cyclic_plan,
    hidden_and_uncalculated,
    owners_plan,
    strings_bomb,
    unclosed_quote_csv,
)

# --- 6: dependency cycles ------------------------------------------------------------------------


@pytest.mark.parametrize(("n", "extra"), [(3, 1), (50, 1), (2000, 1), (300, 5)])
def test_a_knot_of_cycles_is_one_finding_of_bounded_length(
    tmp_path: Path, n: int, extra: int
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(cyclic_plan(n, extra), encoding="utf-8")
    result = run("check", plan, "--as-of", "2025-01-01", "--select", "E105")
    cycles = [line for line in result.stderr.splitlines() if " E105 " in line]
    assert result.code == 1 and len(cycles) == 1
    assert len(cycles[0]) < 500  # 5,000 measures gave 120 MB before
    assert cycles[0].count("→") <= 17


@pytest.mark.usefixtures("english")
def test_separate_cycles_are_each_named(tmp_path: Path) -> None:
    text = cyclic_plan(3, 0).replace('"M-', '"A-') + cyclic_plan(3, 0).split("\n", 7)[7]
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    result = run("check", plan, "--as-of", "2025-01-01", "--select", "E105")
    assert sorted(line.split(": ", 1)[1] for line in result.stderr.splitlines()[:-1]) == [
        "E105 measure A-0: dependency cycle: A-0 → A-1 → A-2 → A-0",
        "E105 measure M-0: dependency cycle: M-0 → M-1 → M-2 → M-0",
    ]


@pytest.mark.usefixtures("english")
def test_a_self_dependency_is_a_cycle_of_one(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(cyclic_plan(1), encoding="utf-8")
    assert "dependency cycle: M-0 → M-0" in run("check", plan).stderr


def test_the_json_of_many_cycles_stays_small(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(cyclic_plan(3000), encoding="utf-8")
    result = run("check", plan, "--as-of", "2025-01-01", "-f", "json", "--select", "E105")
    assert len(result.stdout) < 5_000 and len(json.loads(result.stdout)["findings"]) == 1


# --- 7 and 11: CSV -------------------------------------------------------------------------------


@pytest.mark.parametrize("rows", [10, 2_000, 20_000])
def test_a_csv_with_band_candidates_imports_every_row(tmp_path: Path, rows: int) -> None:
    source = tmp_path / "plan.csv"
    source.write_text(banded_csv(rows), encoding="utf-8")
    result = run("import", source, "-o", tmp_path / "plan.toml")
    assert result.code in (0, 1), result.stderr
    assert f"{rows - rows // 10} measures" in result.stdout


@pytest.mark.parametrize(
    ("at", "rows", "column"), [(1, 3, 1), (2, 6, 1), (6, 6, 1), (3, 500, 0), (2, 6, 3)]
)
def test_a_quote_that_never_closes_is_named_and_swallows_nothing(
    tmp_path: Path, at: int, rows: int, column: int
) -> None:
    source = tmp_path / "plan.csv"
    source.write_text(unclosed_quote_csv(at, rows, column), encoding="utf-8")
    result = run("import", source, "-o", tmp_path / "plan.toml")
    letter = "ABCD"[column]
    assert (
        f"Zeile {at + 1}, Spalte {letter}: ein Anführungszeichen öffnet und schließt nie"
        in result.stderr
    )
    assert f"{rows} measures" in result.stdout


def test_the_reproduction_of_the_unclosed_quote(tmp_path: Path) -> None:
    result = run("import", HOSTILE / "unclosed_quote.csv", "-o", tmp_path / "plan.toml")
    assert "6 measures" in result.stdout and "Zeile 3, Spalte B" in result.stderr


def test_quoted_line_breaks_that_close_are_no_remark(tmp_path: Path) -> None:
    source = tmp_path / "plan.csv"
    source.write_text('Handlungsfeld;Maßnahme\nV;"zwei\nZeilen"\nV;"a ""b"""\n', "utf-8")
    result = run("import", source, "-o", tmp_path / "plan.toml")
    assert "schließt nie" not in result.stderr and "2 measures" in result.stdout


# --- 9 and 11: workbooks -------------------------------------------------------------------------


@pytest.mark.parametrize("strings", [1_000_001, 1_100_000])
def test_a_shared_strings_bomb_is_refused_while_unpacking(tmp_path: Path, strings: int) -> None:
    bomb = strings_bomb(tmp_path / "bomb.xlsx", strings)
    result = run("import", bomb, "-o", tmp_path / "plan.toml")
    assert result.code == 2 and "shared strings" in result.stderr
    assert not (tmp_path / "plan.toml").exists()


def test_the_reproduction_of_the_bomb_is_small_and_refused(tmp_path: Path) -> None:
    bomb = HOSTILE / "shared_strings_bomb.xlsx"
    assert bomb.stat().st_size < 100_000
    assert run("import", bomb, "-o", tmp_path / "p.toml").code == 2


def test_a_workbook_below_the_limits_still_imports(tmp_path: Path) -> None:
    result = run("import", strings_bomb(tmp_path / "ok.xlsx", 1000), "-o", tmp_path / "p.toml")
    assert result.code != 2 or "shared strings" not in result.stderr, result.stderr


def test_a_part_larger_than_a_plan_needs_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from massnahmen.importer import sources

    monkeypatch.setattr(sources, "MAX_STRINGS_BYTES", 10_000)
    result = run("import", strings_bomb(tmp_path / "b.xlsx", 5000), "-o", tmp_path / "p.toml")
    assert result.code == 2 and "sharedStrings.xml wird entpackt" in result.stderr


@pytest.mark.parametrize("limit", [10, 1000])
def test_cells_are_counted_while_the_sheet_streams(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    from massnahmen.importer import sheet_rows, sources

    monkeypatch.setattr(sources, "MAX_CELLS", limit)
    original = sheet_rows.sheet_rows
    monkeypatch.setattr(sources, "sheet_rows", lambda ws: original(ws, limit))
    book = hidden_and_uncalculated(tmp_path / "b.xlsx")
    result = run("import", book, "-o", tmp_path / "p.toml")
    assert (result.code == 2) == (limit == 10), result.stderr


@pytest.mark.parametrize("first", [True, False])
def test_hidden_sheets_rows_and_uncalculated_formulas_are_named(
    tmp_path: Path, first: bool
) -> None:
    book = hidden_and_uncalculated(tmp_path / "b.xlsx", hidden_sheet_first=first)
    result = run("import", book, "-o", tmp_path / "p.toml")
    assert "Veraltete" not in (tmp_path / "p.toml").read_text(encoding="utf-8")
    assert "Maßnahmenplan!Zeilen 4–5 in der Arbeitsmappe ausgeblendet" in result.stderr
    assert "Maßnahmenplan!C2: eine Formel ohne gespeichertes Ergebnis (=DATE(2026,12,31))" in (
        result.stderr
    )
    assert "Maßnahmenplan!D3: eine Formel ohne gespeichertes Ergebnis (=A2&B2)" in result.stderr


def test_a_hidden_sheet_that_is_the_only_one_is_read_and_named(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Handlungsfeld", "Maßnahme"])
    ws.append(["V", "E-Akte"])
    book.create_sheet("leer")
    ws.sheet_state = "hidden"
    book.active = 1
    book.save(tmp_path / "b.xlsx")
    result = run("import", tmp_path / "b.xlsx", "-o", tmp_path / "p.toml")
    assert "1 measures" in result.stdout and "ist in der Arbeitsmappe ausgeblendet" in result.stderr


# --- 10: what is not a regular file, and the cap -------------------------------------------------

COMMANDS = [
    ["check"], ["status"], ["list"], ["show", "VW-01"], ["remind"], ["export", "-o", "x.xlsx"],
    ["update", "VW-01", "--note", "x"],
]  # fmt: skip


def _with_plan(command: list[str], plan: str) -> list[str]:
    return [command[0], plan, *command[1:]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("device", ["fifo", "/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_pipe_or_device_is_refused_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], device: str
) -> None:
    monkeypatch.chdir(tmp_path)
    plan = device
    if device == "fifo":
        plan = str(tmp_path / "plan.toml")
        os.mkfifo(plan)
    finished = threading.Event()
    if device == "fifo":  # should the command open the FIFO for reading, free it after 10 s

        def release() -> None:
            if not finished.wait(10):
                with open(plan, "wb"):
                    pass

        threading.Thread(target=release, daemon=True).start()
    result = run(*_with_plan(command, plan), "--as-of", EXAMPLE_AS_OF)
    finished.set()
    assert result.code == 2 and "keine gewöhnliche Datei" in result.stderr, result
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.usefixtures("english")
def test_a_fifo_among_the_plans_of_a_folder_is_passed_over(
    tmp_path: Path,
) -> None:
    os.mkfifo(tmp_path / "pipe.toml")
    (tmp_path / "plan.toml").write_bytes(EXAMPLE.read_bytes())
    result = run("check", tmp_path, "--as-of", EXAMPLE_AS_OF)  # would hang if it were opened
    assert "plan.toml: valid" in result.stderr and result.code == 0


@pytest.mark.parametrize("form", ["headers", "inline tables"])
def test_more_tables_than_a_plan_holds_are_refused_in_moments(tmp_path: Path, form: str) -> None:
    plan = tmp_path / "plan.toml"
    n = 400_001
    if form == "headers":
        plan.write_text(owners_plan(n), encoding="utf-8")
    else:
        owners = ", ".join(f'{{id = "O{i}", name = "N"}}' for i in range(n))
        plan.write_text(owners_plan(0) + f"owners = [{owners}]\n", encoding="utf-8")
    result = run("check", plan)
    assert result.code == 2 and "400,000, die eine Plandatei enthalten darf" in result.stderr


def test_many_unknown_owners_among_many_owners_get_hints_in_linear_time(tmp_path: Path) -> None:
    n = 5000
    text = owners_plan(n) + "".join(
        f'[[measures]]\nid = "M-{i}"\ntitle = "t"\nfield = "VW"\nowner = "X{i}"\n'
        'status = "planned"\n'
        for i in range(n)
    )
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    result = run("check", plan, "--select", "E103")
    assert result.stderr.count(" E103 ") == n


# --- 14: CSV text and the portfolio workbook -----------------------------------------------------


@pytest.mark.parametrize(
    "text", ["\n=1+1", "\r\n=1+1", " =1+1", "\t\t+1", "\n\n@SUM(A1)", "\u00a0-1", "\u2028=1"]
)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_csv_text_with_white_space_before_a_formula_gets_its_apostrophe(
    tmp_path: Path, text: str, lang: str
) -> None:
    source = EXAMPLE.read_text(encoding="utf-8")
    original = 'title = "Online-Kitaplatzvergabe (Kita-Portal)"'
    escaped = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    plan = tmp_path / "plan.toml"
    plan.write_text(source.replace(original, f'title = "{escaped}"'), encoding="utf-8")
    out = run("list", plan, "--as-of", EXAMPLE_AS_OF, "-f", "csv", "--lang", lang).stdout
    delimiter = ";" if lang == "de" else ","
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff")), delimiter=delimiter))
    [title] = [row[1] for row in rows if row[0] == "GE-01"]
    assert title.startswith("'") or not title.lstrip().startswith(FORMULA_STARTS), title


def test_the_portfolio_workbook_is_the_same_bytes_on_every_run(tmp_path: Path) -> None:
    from tests.conftest import DATA

    made = []
    for name in ("a.xlsx", "b.xlsx"):
        out = tmp_path / name
        run("export", DATA / "portfolio", "--portfolio", "--as-of", "2025-03-18", "-o", out)
        made.append(out.read_bytes())
    assert made[0] == made[1] and b"openpyxl" not in made[0]


# --- 12: errors cannot be ignored ----------------------------------------------------------------

CYCLE = EXAMPLE.read_text(encoding="utf-8").replace(
    'id = "GE-01"', 'id = "GE-01"\ndepends_on = ["GE-01"]', 1
)


@pytest.mark.parametrize("pattern", ["E", "e", "E1", "E10", "E105", "", " E", "E002"])
def test_an_ignored_error_code_in_the_settings_is_e002_at_the_key(
    tmp_path: Path, pattern: str
) -> None:
    text = CYCLE.replace("[settings]\n", f"[settings]\nignore = [{json.dumps(pattern)}]\n", 1)
    assert text != CYCLE
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    result = run("check", plan, "--as-of", EXAMPLE_AS_OF, "-f", "json")
    document = json.loads(result.stdout)
    [finding] = [f for f in document["findings"] if f["severity"] == "error"]
    line = text.splitlines().index(f"ignore = [{json.dumps(pattern)}]") + 1
    assert (finding["code"], finding["line"], document["valid"]) == ("E002", line, False)


@pytest.mark.parametrize("pattern", ["E", "E1", "e105", "E10"])
def test_an_ignored_error_code_on_the_command_line_hides_no_error(
    tmp_path: Path, pattern: str
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(CYCLE, encoding="utf-8")
    result = run("check", plan, "--as-of", EXAMPLE_AS_OF, "--ignore", pattern)
    assert result.code == 1
    assert " E105 " in result.stderr and f'--ignore "{pattern.upper()}"' in result.stderr
