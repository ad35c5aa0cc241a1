"""Every word a person reads exists in German and in English (issue 14): the catalogue, the help
of every command with its metavars, the codes of `check`."""

from __future__ import annotations

import string

import pytest
import typer

from massnahmen.checks import CHECKS
from massnahmen.cli import app
from massnahmen.words import CATALOGUE
from massnahmen.words.help import CHECK_SUMMARIES_DE, HELP_DE, METAVARS_DE
from tests.conftest import run

ROOT = typer.main.get_command(app)
COMMANDS = list(ROOT.commands.values())  # type: ignore[attr-defined]
SAME_IN_BOTH = {"PLAN", "ID", "TEXT", "STATUS", "EUR", "CODES", "REV", "NAME", "[PLAN] ID"}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_catalogue_entry_has_both_languages_with_the_same_placeholders(key: str) -> None:
    german, english = CATALOGUE[key]
    assert german.strip() and english.strip()
    assert _placeholders(german) == _placeholders(english)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_every_help_text_and_metavar_of_every_command_has_its_german(command: object) -> None:
    texts = [command.help, *(getattr(p, "help", None) for p in command.params)]  # type: ignore[attr-defined]
    missing = [t for t in texts if t and t not in HELP_DE]
    assert not missing, missing
    metavars = {p.metavar for p in command.params if p.metavar}  # type: ignore[attr-defined]
    assert not {m for m in metavars if m not in METAVARS_DE and m not in SAME_IN_BOTH}


def test_the_tools_own_help_and_every_check_summary_have_their_german() -> None:
    assert ROOT.help in HELP_DE
    assert all(p.help in HELP_DE for p in ROOT.params if getattr(p, "help", None))
    assert [c.code for c in CHECKS.values() if c.summary not in CHECK_SUMMARIES_DE] == []


@pytest.mark.parametrize("command", [c.name for c in COMMANDS])
def test_help_is_german_by_default_and_english_on_request(command: str) -> None:
    german = run(command, "-h")
    english = run(command, "-h", "--lang", "en")
    assert german.code == english.code == 0
    assert german.stdout.startswith(f"Aufruf: massnahmen {command} [OPTIONEN]")
    assert "Optionen:" in german.stdout and "Options:" not in german.stdout
    assert english.stdout.startswith(f"Usage: massnahmen {command} [OPTIONS]")
    for shown in (german.stdout, english.stdout):  # words, never types
        assert "<" not in shown.replace("<=", "") and "{" not in shown and "list[" not in shown


def test_the_codes_of_check_are_listed_in_the_chosen_language() -> None:
    german = run("check", "-h").stdout
    english = run("check", "-h", "--lang", "en").stdout
    assert "W201  Warnung  überfällig" in german and "E105  Fehler" in german
    assert "W201  warning  overdue" in english
