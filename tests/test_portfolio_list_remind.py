"""`list` and `remind` on several plans: each plan on its own, its path on every row and record,
the exit code the worst of them. The folder holds three plans, one invalid (cedorf)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import DATA, run

PORTFOLIO = DATA / "portfolio"
ADORF, BEDORF, CEDORF = (PORTFOLIO / f"{name}.toml" for name in ("adorf", "bedorf", "cedorf"))
AS_OF = ("--as-of", "2025-03-18")
CEDORF_ERROR = f'{CEDORF}:21:1: E103 measure V-01: unknown owner "FB1"'


def test_list_json_of_one_plan_keeps_its_shape() -> None:
    result = run("list", ADORF, *AS_OF, "--format", "json")
    document = json.loads(result.stdout)
    assert list(document) == ["plan", "as_of", "count", "total", "measures"]
    assert "plan" not in document["measures"][0]


@pytest.mark.usefixtures("english")
def test_list_json_of_a_folder_has_every_plan_and_its_path_on_every_record() -> None:
    result = run("list", PORTFOLIO, *AS_OF, "--format", "json", "--status", "open")
    assert result.code == 1  # cedorf is invalid
    assert CEDORF_ERROR in result.stderr
    document = json.loads(result.stdout)
    assert list(document) == ["as_of", "count", "total", "plans"]
    adorf, bedorf, cedorf = document["plans"]
    assert [adorf["plan"], bedorf["plan"]] == [str(ADORF), str(BEDORF)]
    assert cedorf == {"plan": str(CEDORF), "failure": "invalid plan: 2 errors"}
    assert [m["id"] for m in adorf["measures"]] == ["BI-01", "BI-02", "VW-02"]
    assert {m["plan"] for m in adorf["measures"]} == {str(ADORF)}
    assert {m["plan"] for m in bedorf["measures"]} == {str(BEDORF)}
    assert document["count"] == adorf["count"] + bedorf["count"] == 6
    assert document["total"] == 4 + 5


def test_list_csv_of_several_plans_is_one_table_with_the_plan_first() -> None:
    result = run("list", ADORF, BEDORF, *AS_OF, "--format", "csv", "--lang", "en")
    assert result.code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert rows[0][:3] == ["Plan", "ID", "Title"]
    assert [(row[0], row[1]) for row in rows[1:3]] == [(str(ADORF), "BI-01"), (str(ADORF), "BI-02")]
    assert {row[0] for row in rows[1:]} == {str(ADORF), str(BEDORF)}
    assert len(rows) == 1 + 4 + 5


def test_list_table_of_several_plans_shows_each_under_its_path() -> None:
    result = run("list", PORTFOLIO, *AS_OF, "--overdue")
    assert result.code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == str(ADORF) and str(BEDORF) in lines
    assert str(CEDORF) not in result.stdout  # its errors are on stderr
    assert sum("Stichtag 18.03.2025" in line for line in lines) == 2


def test_list_owner_of_one_plan_filters_the_others_to_nothing() -> None:
    result = run("list", ADORF, BEDORF, *AS_OF, "--format", "json", "--owner", "IT")
    assert result.code == 0, result.stderr
    adorf, bedorf = json.loads(result.stdout)["plans"]
    assert adorf["measures"] == [] and {m["owner"] for m in bedorf["measures"]} == {"IT"}


@pytest.mark.usefixtures("english")
def test_list_owner_that_no_plan_has_is_a_usage_error() -> None:
    result = run("list", ADORF, BEDORF, *AS_OF, "--owner", "ITT")
    assert result.code == 2
    assert 'no owner "ITT" in any of the plans (did you mean "IT"?)' in result.stderr


def test_list_unreadable_plan_among_others_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "fehlt.toml"
    result = run("list", ADORF, missing, *AS_OF, "--format", "json")
    assert result.code == 2
    assert f"massnahmen: {missing}: no such file" in result.stderr
    plans = json.loads(result.stdout)["plans"]
    assert plans[1] == {"plan": str(missing), "failure": f"{missing}: no such file"}


def test_remind_json_of_one_plan_keeps_its_shape() -> None:
    result = run("remind", ADORF, *AS_OF, "--format", "json")
    document = json.loads(result.stdout)
    assert list(document) == ["plan", "as_of", "within", "digests"]
    assert "plan" not in document["digests"][0]


@pytest.mark.usefixtures("english")
def test_remind_json_of_a_folder_has_every_plan_and_its_path_on_every_digest() -> None:
    result = run("remind", PORTFOLIO, *AS_OF, "--format", "json")
    assert result.code == 1 and CEDORF_ERROR in result.stderr
    document = json.loads(result.stdout)
    assert list(document) == ["as_of", "plans"]
    adorf, bedorf, cedorf = document["plans"]
    assert cedorf == {"plan": str(CEDORF), "failure": "invalid plan: 2 errors"}
    assert [d["owner"]["id"] for d in adorf["digests"]] == ["FB1"]
    assert [d["owner"]["id"] for d in bedorf["digests"]] == ["IT"]
    assert {d["plan"] for d in adorf["digests"]} == {str(ADORF)}
    assert bedorf["digests"][0]["items"][0]["id"] == "BIL-01"


def test_remind_text_of_several_plans_is_every_letter() -> None:
    result = run("remind", ADORF, BEDORF, *AS_OF)
    assert result.code == 0, result.stderr
    assert result.stdout.count("Betreff:") == 2
    assert "Adorf digital 2030" in result.stdout and "Bedorf" in result.stdout


@pytest.mark.parametrize("format", ["text", "markdown", "json"])
def test_remind_out_dir_has_a_folder_per_plan(tmp_path: Path, format: str) -> None:
    out = tmp_path / "erinnerungen"
    other = tmp_path / "zweiter" / "adorf.toml"  # the same file name in another folder
    other.parent.mkdir()
    other.write_bytes(ADORF.read_bytes())
    result = run("remind", PORTFOLIO, other, *AS_OF, "--format", format, "--out-dir", out)
    assert result.code == 1
    suffix = {"text": ".txt", "markdown": ".md", "json": ".json"}[format]
    written = sorted(str(Path(line).relative_to(out)) for line in result.stdout.splitlines())
    assert written == [f"adorf-2/FB1{suffix}", f"adorf/FB1{suffix}", f"bedorf/IT{suffix}"]
    assert not (out / "cedorf").exists()


def test_remind_out_dir_removes_what_a_plan_no_longer_needs(tmp_path: Path) -> None:
    out = tmp_path / "erinnerungen"
    (out / "adorf").mkdir(parents=True)
    (out / "adorf" / "notiz.txt").write_text("bleibt", encoding="utf-8")
    wider = ("--within", "300")  # FB2's BI-01 is due in 288 days
    assert run("remind", ADORF, BEDORF, *AS_OF, *wider, "--out-dir", out).code == 0
    assert (out / "adorf" / "FB2.txt").exists()
    result = run("remind", ADORF, BEDORF, *AS_OF, "--out-dir", out)
    assert result.code == 0, result.stderr
    assert not (out / "adorf" / "FB2.txt").exists()  # FB2 has nothing to do today
    assert (out / "adorf" / "notiz.txt").exists() and (out / "adorf" / "FB1.txt").exists()


def test_remind_names_the_plan_of_an_unowned_measure(tmp_path: Path) -> None:
    text = BEDORF.read_text(encoding="utf-8")
    at = text.index('id = "BIL-01"')
    text = text[:at] + text[at:].replace('owner = "IT"\n', "", 1)
    plan = tmp_path / "ohne.toml"
    plan.write_text(text, encoding="utf-8")
    result = run("remind", ADORF, plan, *AS_OF)
    assert f"massnahmen: {plan}: BIL-01 is overdue but has no owner to remind" in result.stderr


@pytest.mark.usefixtures("english")
def test_remind_owner_that_no_plan_has_is_a_usage_error() -> None:
    result = run("remind", ADORF, BEDORF, *AS_OF, "--owner", "XX")
    assert result.code == 2 and 'no owner "XX" in any of the plans' in result.stderr
