"""`massnahmen init`: new plans from the shipped templates pass `check` from the start."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from massnahmen.cli.init import TemplateChoice
from massnahmen.edit.templates import TEMPLATES
from tests.conftest import run

# These pin the English wording; the German one is pinned in tests/test_german.py.
pytestmark = pytest.mark.usefixtures("english")


COUNTY_FIELDS = [
    "Bildung",
    "Bürger*innen",
    "Gesundheit",
    "Jugend & Familie",
    "Mobilität & Infrastruktur",
    "Natur & Umwelt",
    "Sport, Freizeit & Kultur",
    "Tourismus",
    "Verwaltung",
    "Wirtschaft, Energie, Ver- & Entsorgung",
]


def _findings(plan: Path) -> tuple[int, list[str]]:
    result = run("check", plan, "--format", "json")
    return result.code, [f["code"] for f in json.loads(result.stdout)["findings"]]


def test_empty_template_passes_check_without_findings(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    result = run("init", plan)
    assert result.code == 0 and result.stdout == f"{plan}: new plan from the empty template\n"
    assert _findings(plan) == (0, [])


def test_county_template_has_the_ten_fields_and_only_unused_warnings(tmp_path: Path) -> None:
    plan = tmp_path / "kreis.toml"
    assert run("init", plan, "--template", "county").code == 0
    fields = tomllib.loads(plan.read_text())["fields"]
    assert [f["name"] for f in fields] == COUNTY_FIELDS
    assert all(f["id"] and f["goal"] for f in fields)
    code, codes = _findings(plan)
    assert code == 0 and set(codes) == {"W302"}


def test_authority_and_title_are_filled_in_and_the_comments_stay(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    run("init", plan, "--authority", 'Stadt "Neu"dorf', "--title", "Neudorf 2030")
    text = plan.read_text()
    assert 'title = "Neudorf 2030"\nauthority = "Stadt \\"Neu\\"dorf"\n' in text
    assert tomllib.loads(text)["plan"]["authority"] == 'Stadt "Neu"dorf'
    assert text.startswith("# ====") and "massnahmen add PLAN" in text


def test_existing_file_is_not_overwritten(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text("# mein Plan\n")
    result = run("init", plan)
    assert result.code == 2 and "already exists; --force overwrites it" in result.stderr
    assert plan.read_text() == "# mein Plan\n"


def test_force_overwrites(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text("# mein Plan\n")
    assert run("init", plan, "--force").code == 0 and "format = 1" in plan.read_text()


def test_missing_folder_exits_2(tmp_path: Path) -> None:
    result = run("init", tmp_path / "nope" / "plan.toml")
    assert result.code == 2 and "does not exist" in result.stderr


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_new_plan_takes_measures_and_progress(tmp_path: Path, template: str) -> None:
    plan = tmp_path / "plan.toml"
    run("init", plan, "--template", template)
    if template == "empty":  # fields and owners are the officer's to write
        text = plan.read_text()
        plan.write_text(
            text + '\n[[fields]]\nid = "VW"\nname = "Verwaltung"\n\n'
            '[[owners]]\nid = "DIG"\nname = "Digitalisierung"\n'
        )
    added = run(
        "add", plan, "--field", "VW", "--title", "E-Akte", "--owner", "DIG", "--deadline", "2030-Q4"
    )
    assert added.code == 0, added.stderr
    assert run("update", plan, "VW-01", "--progress", "10", "--note", "Start").code == 0
    assert _findings(plan)[0] == 0


def test_template_choices_are_the_shipped_templates() -> None:
    from typing import get_args

    assert get_args(TemplateChoice) == TEMPLATES
