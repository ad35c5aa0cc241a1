"""Every file in tests/data/{invalid,valid} gives exactly the diagnostics in its expected files:
`.expected` in English, `.de.expected` in German (the default)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, run

AS_OF = "2024-06-01"
CASES = sorted((DATA / "invalid").glob("*.toml")) + sorted((DATA / "valid").glob("*.toml"))


# the verdict of the summary line, by language and validity
_VERDICT = {("en", True): "invalid", ("en", False): "valid", ("de", True): "ungültig"}
_VERDICT[("de", False)] = "gültig"


def expected_file(case: Path, lang: str) -> Path:
    """`e103_unknown_owner.expected` (English) or `e103_unknown_owner.de.expected` (German)."""
    return case.with_suffix(".expected" if lang == "en" else ".de.expected")


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_case_gives_expected_diagnostics(
    case: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(case.parent)
    result = run("check", case.name, "--as-of", AS_OF, env={"MASSNAHMEN_LANG": lang})
    lines = result.stderr.splitlines()
    expected = expected_file(case, lang).read_text(encoding="utf-8").splitlines()
    assert lines[:-1] == expected
    invalid = case.parent.name == "invalid"
    assert result.code == (1 if invalid else 0)
    assert lines[-1].startswith(f"{case.name}: {_VERDICT[lang, invalid]}, ")


def test_every_error_code_has_an_invalid_case() -> None:
    from massnahmen.checks import CHECKS

    covered = {p.stem.split("_")[0].upper() for p in (DATA / "invalid").glob("*.toml")}
    errors = {code for code, check in CHECKS.items() if check.severity == "error"}
    assert errors <= covered


def test_every_warning_code_has_a_valid_case() -> None:
    from massnahmen.checks import CHECKS

    found = "".join(p.read_text() for p in (DATA / "valid").glob("*.expected"))
    warnings = {code for code, check in CHECKS.items() if check.severity == "warning"}
    assert {code for code in warnings if f" {code} " in found} == warnings
