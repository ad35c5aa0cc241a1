"""Issue 13, item 3: no plan text forges a mail header. Owner addresses are validated by
email-validator (E002 at the key); subject, To and the JSON a job addresses mail from hold no
line break, whatever kind of line break and wherever it stands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA, EXAMPLE, EXAMPLE_AS_OF, run

FORGED = DATA / "hostile" / "mail_headers.toml"
BREAKS = ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c"]
ADDRESS_LINE = 'email = "digital@musterdorf.de"'


def _toml(text: str) -> str:
    return '"' + "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text) + '"'


def header_lines(letter: str) -> list[str]:
    return letter.split("\n\n", 1)[0].split("\n")


@pytest.mark.parametrize("form", ["text", "markdown", "json"])
def test_the_forged_example_adds_no_header(form: str) -> None:
    result = run("remind", FORGED, "--as-of", "2024-06-01", "-f", form)
    assert result.code == 0, result.stderr
    if form == "text":
        head = header_lines(result.stdout)
        assert [line.split(":")[0] for line in head] == ["An", "Betreff"]
    elif form == "json":
        digest = json.loads(result.stdout)["digests"][0]
        assert "\n" not in digest["subject"] and "\r" not in digest["subject"]
        assert "\n" not in digest["owner"]["name"] and "\r" not in digest["owner"]["name"]
    else:
        assert not any(line.startswith(("Bcc:", "Cc:")) for line in result.stdout.splitlines())


@pytest.mark.parametrize("size", [1, 3, 500])
@pytest.mark.parametrize("brk", BREAKS)
@pytest.mark.parametrize("place", ["plan title", "owner name"])
def test_no_line_break_reaches_a_header(tmp_path: Path, brk: str, place: str, size: int) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    forged = (brk + "Bcc: boss@evil.example") * size
    if place == "plan title":
        original = 'title = "Musterdorf 2030: digital und bürgernah"'
        text = text.replace(original, f"title = {_toml('Musterdorf' + forged)}", 1)
    else:
        original = 'name = "Fachbereich 6 – Jugend, Familie und Soziales"'
        text = text.replace(original, f"name = {_toml('FB6' + forged)}", 1)
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    result = run("remind", plan, "--as-of", EXAMPLE_AS_OF, "--out-dir", tmp_path / "out")
    assert result.code == 0, result.stderr
    for letter in (tmp_path / "out").glob("*.txt"):
        head = header_lines(letter.read_text(encoding="utf-8"))
        assert len(head) == 2 and not any(b in line for line in head for b in BREAKS[2:])
    data = run("remind", plan, "--as-of", EXAMPLE_AS_OF, "-f", "json").stdout
    for digest in json.loads(data)["digests"]:
        for value in (digest["subject"], digest["owner"]["name"]):
            assert not any(b in value for b in BREAKS)


@pytest.mark.parametrize(
    "address",
    [
        "digital@musterdorf.de\nBcc: boss@evil.example",
        "digital@musterdorf.de\r\nBcc: boss@evil.example",
        "digital@musterdorf.de, boss@evil.example",
        "Digital <digital@musterdorf.de>",
        "digital@musterdorf.de\u2028",
        "digital@@musterdorf.de",
        "digital",
        "digital@localhost",
        " digital@musterdorf.de",
        "digital@musterdorf.de" + "x" * 300,
        "",
    ],
)
def test_an_owner_address_that_is_not_one_address_is_e002_at_its_key(
    tmp_path: Path, address: str
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    plan = tmp_path / "plan.toml"
    plan.write_text(text.replace(ADDRESS_LINE, f"email = {_toml(address)}", 1), encoding="utf-8")
    result = run("check", plan, "--as-of", EXAMPLE_AS_OF, "-f", "json")
    line = text.splitlines().index(ADDRESS_LINE) + 1
    [finding] = [f for f in json.loads(result.stdout)["findings"] if f["severity"] == "error"]
    assert (finding["code"], finding["line"], finding["subject"]) == ("E002", line, "DIG")
    assert 'key "email"' in finding["message"] and "E-Mail-Adresse" in finding["message"]


@pytest.mark.parametrize(
    "address", ["a.b-c+tag@musterdorf.de", "müller@bürgeramt.de", "x@example.de", "A@B.DE"]
)
def test_real_addresses_stay_valid_and_as_written(tmp_path: Path, address: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(ADDRESS_LINE, f'email = "{address}"', 1)
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    assert run("check", plan, "--as-of", EXAMPLE_AS_OF).code == 0
    out = run("remind", plan, "--as-of", EXAMPLE_AS_OF, "-f", "json").stdout
    assert address in out or all(d["owner"]["id"] != "DIG" for d in json.loads(out)["digests"])
