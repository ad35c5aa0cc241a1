"""Issue 13, item 4: no text from a file (plan, import source, file name) reaches the terminal
except escaped, and rich never reads it as markup: payloads of markup, escapes and bidi
characters, in every place a report shows, at several sizes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from massnahmen.sanitize import one_line, printable
from tests.conftest import DATA, EXAMPLE, EXAMPLE_AS_OF, run
from tests.fuzzing import assert_terminal_safe

HOSTILE = DATA / "hostile" / "status_markup.toml"
PAYLOADS = [
    "[link=https://evil.example]hier[/link]",
    "[/x]",
    "[/]",
    "[bold red]laut",
    "\\[escaped] [",
    "\x1b]0;Titel gesetzt\x07",  # sets the window title
    "\x1b[2J\x1b[H",  # clears the screen
    "\x1b]8;;https://evil.example\x1b\\hier\x1b]8;;\x1b\\",  # an OSC 8 hyperlink
    "\x9b31m",  # CSI as one C1 byte
    "\u202eSDRAWKCAB\u202c",
    "\u2066isoliert\u2069",
    "\r\x08\x7f\x00",
]
# Where plan text stands in `status`: header, fields table, actions table, changes.
PLACES = [
    ('title = "Musterdorf 2030: digital und bürgernah"', "title = {}"),
    ('authority = "Gemeinde Musterdorf"', "authority = {}"),
    ('name = "Verwaltung"', "name = {}"),
    ('name = "Fachbereich 6 – Jugend, Familie und Soziales"', "name = {}"),
    ('title = "Online-Kitaplatzvergabe (Kita-Portal)"', "title = {}"),
]


def _toml_string(text: str) -> str:
    return (
        '"'
        + "".join(
            ch if ch.isprintable() and ch not in '"\\' else f"\\u{ord(ch):04x}" for ch in text
        )
        + '"'
    )


def plan_with(tmp_path: Path, place: tuple[str, str], payload: str) -> Path:
    original, template = place
    text = EXAMPLE.read_text(encoding="utf-8")
    assert original in text
    plan = tmp_path / "plan.toml"
    plan.write_text(text.replace(original, template.format(_toml_string(payload)), 1), "utf-8")
    return plan


@pytest.mark.parametrize("size", [1, 200])
@pytest.mark.parametrize("place", PLACES, ids=["title", "authority", "field", "owner", "measure"])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_status_shows_plan_text_escaped_and_never_as_markup(
    tmp_path: Path, payload: str, place: tuple[str, str], size: int
) -> None:
    plan = plan_with(tmp_path, place, payload * size)
    result = run("status", plan, "--as-of", EXAMPLE_AS_OF, "--since", "2024-01-01")
    assert result.code == 0, result.stderr  # no MarkupError, which exited 1 ("findings")
    assert_terminal_safe(result.stdout + result.stderr)
    if place[0].startswith('title = "Musterdorf'):
        assert result.stdout.splitlines()[0] == printable(payload * size)


@pytest.mark.parametrize("payload", PAYLOADS[:8])
def test_status_on_a_terminal_makes_no_link_and_no_title_from_plan_text(
    tmp_path: Path, payload: str
) -> None:
    """With colour, rich writes its own escapes; none of the plan's may pass."""
    plan = plan_with(tmp_path, PLACES[4], payload)
    env = {"FORCE_COLOR": "1", "NO_COLOR": ""}
    result = run("status", plan, "--as-of", EXAMPLE_AS_OF, env=env)
    assert result.code == 0, result.stderr
    assert "\x1b]" not in result.stdout  # no OSC: no hyperlink (OSC 8), no window title
    assert "\x1b[2J" not in result.stdout and "\x1b[H" not in result.stdout


def test_the_hostile_example_shows_in_every_command(tmp_path: Path) -> None:
    for args in (
        ["status", HOSTILE, "--as-of", "2024-06-01"],
        ["status", HOSTILE, "--portfolio", "--as-of", "2024-06-01"],
        ["list", HOSTILE, "--as-of", "2024-06-01"],
        ["list", HOSTILE, "--as-of", "2024-06-01", "-f", "csv"],
        ["show", HOSTILE, "VW-01", "--as-of", "2024-06-01"],
        ["remind", HOSTILE, "--as-of", "2024-06-01"],
        ["remind", HOSTILE, "--as-of", "2024-06-01", "-f", "markdown"],
        ["diff", EXAMPLE, HOSTILE, "--as-of", "2024-06-01"],
        ["check", HOSTILE, "--as-of", "2024-06-01"],
    ):
        result = run(*args)
        assert result.code in (0, 1), (args, result)
        assert_terminal_safe(result.stdout + result.stderr, str(args), csv="csv" in args)
    assert "[link=https://evil.example]hier[/link]" in run("status", HOSTILE).stdout


@pytest.mark.parametrize("payload", [p for p in PAYLOADS if p.isascii() or "\u202e" in p])
def test_import_messages_escape_cell_text(tmp_path: Path, payload: str) -> None:
    source = tmp_path / "quelle.csv"
    rows = [
        "Handlungsfeld;Maßnahme;Frist;Status;Unbekannt",
        f"Verwaltung;{payload}E-Akte;2025-13-45{payload};{payload};{payload}",
        f"Bildung{payload};WLAN;bald{payload};geplant;x",
    ]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run("import", source, "-o", tmp_path / "plan.toml")
    assert result.code in (0, 1, 2), result
    assert_terminal_safe(result.stdout + result.stderr)


@pytest.mark.parametrize(
    "name", ["\x1b[2Jplan", "plan\u202eslmt", "\x9bplan", "plan\x07", "plan\nzweite", b"\xff"]
)
@pytest.mark.parametrize("command", ["check", "status", "list", "remind", "show"])
def test_file_names_from_a_plans_folder_are_escaped(
    tmp_path: Path, name: str | bytes, command: str
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    raw = name if isinstance(name, bytes) else name.encode()
    bad = os.fsdecode(os.fsencode(folder) + b"/" + raw + b".toml")
    Path(bad).write_text("format = 1\n[plan]\n", encoding="utf-8")  # invalid: located errors
    Path(os.fsdecode(os.fsencode(folder) + b"/" + raw + b"2.toml")).write_bytes(b"\xff\xfe")
    (folder / "good.toml").write_bytes(EXAMPLE.read_bytes())
    args = [command, folder, "--as-of", EXAMPLE_AS_OF] + (["VW-01"] if command == "show" else [])
    result = run(*args)
    assert result.code in (0, 1, 2), result
    assert_terminal_safe(result.stdout + result.stderr)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("\x1b[31m", "\\x1b[31m"),
        ("a\u202eb", "a\\u202eb"),
        ("\udcff", "\\udcff"),
        ("\u2028", "\\u2028"),
        ("tab\there", "tab\\there"),
        ("plain Ä [x]", "plain Ä [x]"),
    ],
)
def test_the_one_escaping_function(text: str, escaped: str) -> None:
    assert printable(text) == escaped
    assert printable(printable(text)) == printable(text)  # escaping twice changes nothing
    assert printable(f"{text}\n{text}", lines=True) == f"{escaped}\n{escaped}"


def test_one_line_leaves_no_line_break_of_any_kind() -> None:
    assert one_line("a\r\nb\nc\rd\x85e\u2028f\u2029g\x0bh\x0ci\x1cj") == "a b c d e f g h i j"
