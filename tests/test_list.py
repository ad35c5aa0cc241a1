"""`massnahmen list`: every filter, their combinations, sorting, and the three formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import DATA, EXAMPLE, EXAMPLE_AS_OF, run

PLAN = DATA / "cycles" / "plan.toml"
AS_OF = "2024-06-01"


def ids(*options: str) -> list[str]:
    result = run("list", PLAN, "--as-of", AS_OF, "--format", "json", *options)
    assert result.code == 0, result.stderr
    return [m["id"] for m in json.loads(result.stdout)["measures"]]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ((), ["A-01", "A-02", "A-03", "A-04", "B-01", "B-02", "B-10"]),
        (("--status", "done"), ["A-03"]),
        (("--status", "done", "--status", "cancelled"), ["A-03", "A-04"]),
        (("--status", "open"), ["A-01", "A-02", "B-01", "B-02", "B-10"]),
        (("--status", "closed"), ["A-03", "A-04"]),
        (("--owner", "O1"), ["A-01", "A-02"]),
        (("--owner", "O1", "--owner", "O3"), ["A-01", "A-02", "B-02"]),
        (("--field", "B"), ["B-01", "B-02", "B-10"]),
        (("--tag", "OZG"), ["A-01", "A-02"]),
        (("--tag", "familie"), ["A-02"]),
        (("--overdue",), ["A-01"]),
        (("--due-within", "19"), ["A-02"]),
        (("--due-within", "18"), []),
        (("--light", "red"), ["A-01"]),
        (("--light", "yellow", "--light", "red"), ["A-01", "A-02", "B-01"]),
        (("--light", "green"), ["B-02", "B-10"]),
    ],
)
def test_each_filter_keeps_what_it_names(options: tuple[str, ...], expected: list[str]) -> None:
    assert ids(*options) == expected


def test_different_filters_combine_with_and() -> None:
    assert ids("--owner", "O2", "--status", "open") == ["B-01"]
    assert ids("--field", "A", "--light", "yellow", "--tag", "ozg") == ["A-02"]
    assert ids("--owner", "O1", "--overdue", "--status", "planned") == []


def test_due_within_leaves_out_closed_and_overdue_measures() -> None:
    assert ids("--due-within", "10000") == ["A-02", "B-01", "B-02"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("id", ["A-01", "A-02", "A-03", "A-04", "B-01", "B-02", "B-10"]),
        ("deadline", ["A-03", "A-04", "A-01", "A-02", "B-01", "B-02", "B-10"]),
        ("owner", ["A-01", "A-02", "A-03", "A-04", "B-01", "B-02", "B-10"]),
    ],
)
def test_sort_orders(sort: str, expected: list[str]) -> None:
    assert ids("--sort", sort) == expected


def test_owner_sort_groups_by_owner_then_deadline() -> None:
    assert ids("--sort", "owner", "--status", "open") == ["A-01", "A-02", "B-01", "B-02", "B-10"]


def test_ids_sort_by_their_numbers() -> None:
    from massnahmen.report.select import natural_key

    assert sorted(["VW-10", "VW-2", "BI-1"], key=natural_key) == ["BI-1", "VW-2", "VW-10"]


@pytest.mark.usefixtures("english")
def test_unknown_owner_is_a_usage_error_with_a_hint() -> None:
    result = run("list", PLAN, "--owner", "o1")
    assert result.code == 2 and result.stdout == ""
    assert 'no owner "o1" in the plan (did you mean "O1"?)' in result.stderr


@pytest.mark.usefixtures("english")
def test_unknown_field_is_a_usage_error() -> None:
    result = run("list", PLAN, "--field", "C")
    assert result.code == 2 and 'no field "C" in the plan' in result.stderr


def test_invalid_plan_exits_1_with_the_errors() -> None:
    result = run("list", DATA / "invalid" / "e103_unknown_owner.toml", "--as-of", AS_OF)
    assert result.code == 1 and result.stdout == ""
    assert "E103" in result.stderr and "invalid plan" in result.stderr


def test_missing_plan_exits_2() -> None:
    assert run("list", "nope.toml").code == 2


def test_json_has_plain_keys_and_iso_dates() -> None:
    result = run("list", PLAN, "--as-of", AS_OF, "-f", "json", "--overdue")
    document = json.loads(result.stdout)
    assert list(document) == ["plan", "as_of", "count", "total", "measures"]
    assert (document["as_of"], document["count"], document["total"]) == (AS_OF, 1, 7)
    measure = document["measures"][0]
    assert list(measure) == [
        "id", "title", "field", "owner", "status", "progress", "priority", "deadline", "due",
        "adopted_deadline", "deadline_moves", "days_left", "light", "overdue", "due_soon",
        "stale", "tags", "horizon", "rating", "attributes", "milestones", "indicators",
        "last_update",
    ]  # fmt: skip
    assert (measure["status"], measure["due"]) == ("in_progress", "2024-05-01")
    assert measure["days_left"] == -31
    assert measure["last_update"] == {
        "date": "2024-04-01", "status": None, "progress": 50, "deadline": None,
        "rating": None, "note": "Angebot liegt vor",
    }  # fmt: skip


def test_json_gives_periods_as_written_and_no_days_for_closed_measures() -> None:
    measures = json.loads(run("list", PLAN, "--as-of", AS_OF, "-f", "json").stdout)["measures"]
    by_id = {m["id"]: m for m in measures}
    assert (by_id["A-04"]["deadline"], by_id["A-04"]["due"]) == ("2024-Q1", "2024-03-31")
    assert by_id["A-04"]["days_left"] is None and by_id["A-04"]["light"] is None
    assert (by_id["B-10"]["deadline"], by_id["B-10"]["due"]) == ("ongoing", None)


def read_csv(lang: str) -> tuple[bytes, list[list[str]]]:
    result = run("list", PLAN, "--as-of", AS_OF, "-f", "csv", "--lang", lang)
    assert result.code == 0
    raw = result.stdout.encode("utf-8")
    delimiter = ";" if lang == "de" else ","
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))
    return raw, rows


def test_german_csv_has_bom_semicolons_and_german_labels() -> None:
    raw, rows = read_csv("de")
    assert raw.startswith("\ufeff".encode())
    assert rows[0][:6] == ["Nr.", "Titel", "Handlungsfeld", "Verantwortlich", "Status",
                           "Fortschritt"]  # fmt: skip
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Status"] == "in Umsetzung" and first["Frist (aktuell)"] == "01.05.2024"
    assert (first["Tage verbleibend"], first["Ampel"]) == ("-31", "rot")
    assert len(rows) == 8


def test_english_csv_has_commas_and_iso_dates() -> None:
    raw, rows = read_csv("en")
    assert raw.startswith("\ufeff".encode())
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Status"] == "in progress" and first["Deadline (current)"] == "2024-05-01"
    assert first["Latest update"] == "2024-04-01" and first["Note"] == "Angebot liegt vor"


def test_csv_cells_never_start_a_formula() -> None:
    _, rows = read_csv("de")
    assert rows[2][1] == '\'=HYPERLINK("http://x") Formular'


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_inert_text_defuses_formula_starts(value: str) -> None:
    from massnahmen.sanitize import inert_text

    assert inert_text(value) == "'" + value


def test_inert_text_keeps_ordinary_text() -> None:
    from massnahmen.sanitize import inert_text

    assert inert_text("E-Akte = gut") == "E-Akte = gut"


def test_table_fits_100_columns_without_colour() -> None:
    result = run("list", EXAMPLE, "--as-of", EXAMPLE_AS_OF)
    lines = result.stdout.splitlines()
    assert result.code == 0 and max(map(len, lines)) <= 100
    assert "\x1b[" not in result.stdout
    assert lines[-1] == "51 von 51 Maßnahmen, Stichtag 18.03.2025"


def test_table_in_english() -> None:
    result = run("list", PLAN, "--as-of", AS_OF, "--lang", "en", "--overdue")
    assert "in progress" in result.stdout and "2024-05-01" in result.stdout
    assert result.stdout.splitlines()[-1] == "1 of 7 measures, as of 2024-06-01"


def test_table_colours_the_light_when_forced() -> None:
    result = run(
        "list", PLAN, "--as-of", AS_OF, "--overdue", env={"NO_COLOR": "", "FORCE_COLOR": "1"}
    )
    assert "\x1b[1;31mrot\x1b[0m" in result.stdout


def test_overdue_measures_of_the_example() -> None:
    result = run("list", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "--overdue", "-f", "json")
    assert [m["id"] for m in json.loads(result.stdout)["measures"]] == ["GE-01", "UM-02"]


def test_help_names_every_filter() -> None:
    result = run("list", "--help")
    assert result.code == 0
    for option in ("--status", "--owner", "--field", "--tag", "--overdue", "--due-within"):
        assert option in result.stdout


def test_table_shows_markup_and_control_characters_literally(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    hostile = r"E-Akte [bold]laut[/] \u001b[2J\u202eabc"
    plan.write_text(PLAN.read_text(encoding="utf-8").replace("E-Akte", hostile), encoding="utf-8")
    result = run("list", plan, "--as-of", AS_OF, "--status", "done")
    assert r"E-Akte [bold]laut[/] \x1b[2J\u202eabc" in result.stdout
    assert "\x1b" not in result.stdout
