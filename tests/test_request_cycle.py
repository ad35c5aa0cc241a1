"""The monthly cycle: request, answers from every owner, one collect, the committee workbook;
and collected answers are the same plan as the `update` commands they stand for."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, run
from tests.requests import answer, collect, requested

OWNERS = 10


def ten_owners_plan() -> str:
    owners = "".join(
        f'[[owners]]\nid = "A{n}"\nname = "Amt {n}"\nemail = "amt{n}@example.org"\n\n'
        for n in range(OWNERS)
    )
    measures = "".join(
        f'[[measures]]\nid = "VW-{n:02d}{k}"\ntitle = "Maßnahme {n}.{k}"\nfield = "VW"\n'
        f'owner = "A{n}"\ndeadline = 2026-12-31\nstatus = "planned"\n\n'
        for n in range(OWNERS)
        for k in range(3)
    )
    head = '[plan]\ntitle = "Zehn Ämter"\nauthority = "Gemeinde Test"\n\n'
    field = '[[fields]]\nid = "VW"\nname = "Verwaltung"\n\n'
    return "format = 1\n\n" + head + field + owners + measures


def test_the_monthly_cycle(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(ten_owners_plan(), encoding="utf-8")
    out = tmp_path / "abfrage"
    assert run("request", plan, "--out-dir", out, "--as-of", "2025-03-01").code == 0
    files = sorted(out.glob("*.xlsx"))
    assert len(files) == OWNERS
    for n, path in enumerate(files):
        answer(path, {"F6": "in Umsetzung", "G6": 10 * n, "J6": f"Stand Amt {n}"})
    done = run("collect", plan, *files, "--as-of", "2025-03-20")
    assert done.code == 0, done.stderr
    assert done.stdout.count("1 übernommen, 0 abgelehnt, 0 unverändert, 2 leer") == OWNERS
    report = tmp_path / "bericht.xlsx"
    assert run("export", plan, "-o", report, "--as-of", "2025-03-20").code == 0
    cells = {
        str(c.value)
        for sheet in load_workbook(report).worksheets
        for row in sheet.iter_rows()
        for c in row
        if c.value is not None
    }
    assert {f"Stand Amt {n}" for n in range(OWNERS)} <= cells
    assert "in Umsetzung" in cells


def _summary(report: Path) -> dict[str, str]:
    sheet = load_workbook(report).worksheets[0]
    return {
        str(r[0].value): str(r[1].value) for r in sheet.iter_rows() if r[0].value and r[1].value
    }


def test_the_committee_workbook_names_the_owners_who_have_not_answered(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(ten_owners_plan(), encoding="utf-8")
    out = tmp_path / "abfrage"
    assert run("request", plan, "--out-dir", out, "--as-of", "2025-03-01").code == 0
    files = sorted(out.glob("*.xlsx"))
    for path in files:
        answer(path, {"F6": "in Umsetzung", "J6": "läuft"})
    assert run("collect", plan, *files[:-2], "--as-of", "2025-03-20").code == 0
    report = tmp_path / "bericht.xlsx"
    assert run("export", plan, "-o", report, "--as-of", "2025-03-20").code == 0
    assert _summary(report)["Statusabfrage noch nicht beantwortet von"] == "A8, A9"
    assert run("collect", plan, *files[-2:], "--as-of", "2025-03-20").code == 0
    assert run("export", plan, "-o", report, "--as-of", "2025-03-20").code == 0
    assert "Statusabfrage noch nicht beantwortet von" not in _summary(report)


ROWS = {"F6": "VW-02", "F9": "VW-03", "F10": "VW-06", "F11": "BU-05"}
STATUS = st.sampled_from([None, "geplant", "in Umsetzung", "umgesetzt", "zurückgestellt"])
PROGRESS = st.one_of(st.none(), st.integers(0, 100))
NOTE = st.one_of(st.none(), st.sampled_from(["läuft", "Verzug beim Dienstleister", "fertig"]))
ANSWER = st.tuples(STATUS, PROGRESS, NOTE)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(sorted(ROWS)), ANSWER, max_size=4))
def test_collected_answers_are_the_plan_the_update_commands_make(
    answers: dict[str, tuple[str | None, int | None, str | None]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        collected, updated = root / "a.toml", root / "b.toml"
        for copy in (collected, updated):
            copy.write_bytes(EXAMPLE.read_bytes())
        cells: dict[str, object] = {}
        for cell, (status, progress, note) in answers.items():
            row = cell[1:]
            cells.update({f"F{row}": status, f"G{row}": progress, f"J{row}": note})
            options = [("--status", status), ("--progress", progress), ("--note", note)]
            given = [str(part) for pair in options if pair[1] is not None for part in pair]
            if given:
                run("update", updated, ROWS[cell], *given, "--date", EXAMPLE_AS_OF,
                    "--as-of", EXAMPLE_AS_OF)  # fmt: skip
        collect(collected, answer(requested(collected, root / "out"), cells))
        assert collected.read_text() == updated.read_text()
