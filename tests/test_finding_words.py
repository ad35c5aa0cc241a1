"""Every finding speaks both languages: each code of the registry has its German and English
message in the catalogue, and `check` writes the one the run asks for."""

from __future__ import annotations

import json
import string

import pytest

from massnahmen.checks import CHECKS
from massnahmen.words.findings import FINDING_WORDS
from tests.conftest import DATA, run

# Codes the loader reports: their messages are made from the parser's and the model's errors.
_LOADER_CODES = {"E001", "E002"}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(set(CHECKS) - _LOADER_CODES))
def test_every_check_code_has_a_german_and_an_english_message(code: str) -> None:
    entries = {
        key: pair
        for key, pair in FINDING_WORDS.items()
        if key == f"finding.{code}" or key.startswith(f"finding.{code}.")
    }
    assert entries, f"{code} has no message in words/findings.py"
    for key, (german, english) in entries.items():
        assert german.strip() and english.strip(), key
        assert german != english or not any(c.isalpha() for c in german), key
        assert _placeholders(german) == _placeholders(english), key


def test_german_messages_quote_the_german_way() -> None:
    for key, (german, _) in FINDING_WORDS.items():
        assert '"' not in german, key


def test_json_carries_the_message_in_the_chosen_language() -> None:
    case = DATA / "invalid" / "e103_unknown_owner.toml"
    documents = {
        lang: json.loads(
            run(
                "check",
                case,
                "--as-of",
                "2024-06-01",
                "--format",
                "json",
                env={"MASSNAHMEN_LANG": lang},
            ).stdout
        )
        for lang in ("de", "en")
    }
    german, english = (documents[lang]["findings"][0] for lang in ("de", "en"))
    assert german["message"] == "unbekannte Zuständigkeit „FB9“ (meinten Sie „FB3“?)"
    assert english["message"] == 'unknown owner "FB9" (did you mean "FB3"?)'
    assert {k: v for k, v in german.items() if k != "message"} == {
        k: v for k, v in english.items() if k != "message"
    }


def test_lang_option_switches_the_summary_line() -> None:
    case = DATA / "valid" / "w201_overdue.toml"
    german = run("check", case, "--as-of", "2024-06-01").stderr.splitlines()[-1]
    english = run("check", case, "--as-of", "2024-06-01", "--lang", "en").stderr.splitlines()[-1]
    assert german.endswith(": gültig, 0 Fehler, 1 Warnung (Stichtag 01.06.2024)")
    assert english.endswith(": valid, 0 errors, 1 warning (as of 2024-06-01)")
