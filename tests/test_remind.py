"""`massnahmen remind`: digests per owner in every format, files per owner, safe file names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from massnahmen.files import safe_file_name
from tests.conftest import DATA, EXAMPLE, EXAMPLE_AS_OF, run

PLAN = DATA / "cycles" / "plan.toml"
AS_OF = ("--as-of", "2024-06-01")


def listed(folder: Path) -> list[str]:
    """The files a job mails from `folder`: all but the tool's hidden manifest."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def remind(*options: str | Path, plan: Path = PLAN) -> tuple[int, str, str]:
    result = run("remind", plan, *AS_OF, *options)
    return result.code, result.stdout, result.stderr


def test_text_digest_for_one_owner() -> None:
    code, stdout, stderr = remind("--owner", "O2")
    assert (code, stderr) == (0, "")
    assert (
        stdout
        == """\
An: Schulamt
Betreff: Maßnahmenplan „Testdorf digital“: 1 Maßnahme braucht Ihre Rückmeldung

Guten Tag, Schulamt,

im Maßnahmenplan „Testdorf digital“ (Gemeinde Testdorf) braucht zum Stichtag
01.06.2024 diese Maßnahme in Ihrer Verantwortung eine Rückmeldung:

B-01  Lernplattform
    seit 517 Tagen ohne Meldung · Frist 2025 · in Umsetzung, 10 %
    Noch keine Meldung.

Bitte teilen Sie mir bis zum 15.06.2024 zu dieser Maßnahme mit: den Stand
(geplant, in Umsetzung, umgesetzt, zurückgestellt oder verworfen), den
Fortschritt in Prozent und in ein, zwei Sätzen, was geschehen ist. Verschiebt
sich die Frist, nennen Sie bitte die neue Frist und den Grund; der Ausschuss
fragt danach.

Vielen Dank!

Erstellt von massnahmen für den Stichtag 01.06.2024.
"""
    )


@pytest.mark.parametrize(
    ("owner", "lang", "intro"),
    [
        ("DIG", "de", "braucht zum Stichtag 30.09.2025 diese Maßnahme in Ihrer"),
        ("ORD", "de", "brauchen zum Stichtag 30.09.2025 diese Maßnahmen in Ihrer"),
        ("DIG", "en", "this measure you are responsible for needs an update"),
        ("ORD", "en", "these measures you are responsible for need an update"),
    ],
)
def test_the_letter_speaks_of_one_measure_or_several(owner: str, lang: str, intro: str) -> None:
    result = run("remind", EXAMPLE, "--as-of", "2025-09-30", "--owner", owner, "--lang", lang)
    assert result.code == 0
    assert intro in " ".join(result.stdout.split())


def test_text_has_one_letter_per_owner_with_something_to_do() -> None:
    _, stdout, _ = remind()
    letters = stdout.split("\n" + "=" * 78 + "\n\n")
    assert [letter.split("\n")[0] for letter in letters] == [
        "An: Amt für Ordnung <ordnung@testdorf.de>",
        "An: Schulamt",
    ]


def test_overdue_comes_before_due_soon_with_days_late_and_latest_note() -> None:
    _, stdout, _ = remind("--owner", "O1", "--lang", "en")
    assert stdout.index("A-01  Online") < stdout.index("A-02  =HYPERLINK")
    assert "    overdue by 31 days · Deadline 2024-05-01 · in progress, 50%\n" in stdout
    assert "    Latest update on 2024-04-01: Angebot liegt vor\n" in stdout
    assert "    due in 19 days · Deadline 2024-06-20 · planned\n" in stdout
    assert stdout.startswith("To: Amt für Ordnung <ordnung@testdorf.de>\nSubject: Measure plan")
    assert "Hello Amt für Ordnung," in stdout


def test_within_narrows_what_is_due_soon() -> None:
    _, stdout, _ = remind("--owner", "O1", "--within", "10", "-f", "json")
    [digest] = json.loads(stdout)["digests"]
    assert [item["id"] for item in digest["items"]] == ["A-01"]


def test_moved_deadline_shows_the_adopted_one() -> None:
    result = run("remind", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "--owner", "KSM")
    assert "überfällig seit 18 Tagen · Frist 28.02.2025 (beschlossen: 30.09.2024)" in result.stdout


def test_markdown_digest_escapes_plan_text() -> None:
    _, stdout, _ = remind("--owner", "O1", "-f", "markdown")
    assert stdout.startswith("# Maßnahmenplan „Testdorf digital“: 2 Maßnahmen brauchen")
    assert "**An:** Amt für Ordnung (ordnung@testdorf.de)" in stdout
    assert "## A-01 – Online-Terminvergabe\n\n- **überfällig seit 31 Tagen**\n" in stdout
    assert "massnahmen update" not in stdout and "```" not in stdout


def test_markdown_escaping_keeps_html_and_emphasis_literal() -> None:
    from massnahmen.render.letter import md

    assert md("<script>*x*</script> [a](b)") == r"\<script\>\*x\*\</script\> \[a\](b)"


def test_json_has_the_documented_shape() -> None:
    _, stdout, _ = remind("-f", "json")
    document = json.loads(stdout)
    assert list(document) == ["plan", "as_of", "within", "digests"]
    assert (document["as_of"], document["within"]) == ("2024-06-01", 30)
    digest = document["digests"][0]
    assert list(digest) == ["owner", "subject", "reply_by", "items", "body"]
    assert digest["owner"] == {
        "id": "O1", "name": "Amt für Ordnung", "email": "ordnung@testdorf.de", "kind": "unit",
        "active": True,
    }  # fmt: skip
    item = digest["items"][0]
    assert list(item)[-1] == "reasons" and item["id"] == "A-01"
    assert (item["reasons"], item["days_left"], item["due"]) == (["overdue"], -31, "2024-05-01")
    assert digest["body"].startswith("Guten Tag, Amt für Ordnung,\n")
    assert document["digests"][1]["owner"]["email"] is None


def test_nothing_to_do_prints_nothing_and_exits_0() -> None:
    assert remind("--owner", "O3") == (0, "", "")
    _, stdout, _ = remind("--owner", "O3", "-f", "json")
    assert json.loads(stdout)["digests"] == []


@pytest.mark.usefixtures("english")
def test_unknown_owner_is_a_usage_error() -> None:
    code, _, stderr = remind("--owner", "O9")
    assert code == 2 and 'no owner "O9" in the plan' in stderr


def test_measure_without_owner_is_named_on_stderr(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(
        PLAN.read_text().replace('owner = "O1"\ndeadline = 2024-05-01', "deadline = 2024-05-01")
    )
    code, stdout, stderr = remind(plan=plan)
    assert code == 0 and "A-01" not in stdout
    assert stderr == "massnahmen: A-01 is overdue but has no owner to remind\n"


def test_invalid_plan_exits_1() -> None:
    code, stdout, stderr = remind(plan=DATA / "invalid" / "e103_unknown_owner.toml")
    assert code == 1 and stdout == "" and "E103" in stderr


# --- --out-dir ------------------------------------------------------------------------------


def test_out_dir_writes_one_file_per_owner_with_something_to_do(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "reminders"
    code, stdout, _ = remind("--out-dir", folder)
    assert code == 0
    assert listed(folder) == ["O1.txt", "O2.txt"]
    assert stdout == f"{folder / 'O1.txt'}\n{folder / 'O2.txt'}\n"
    assert (folder / "O2.txt").read_text(encoding="utf-8").startswith("An: Schulamt\n")


@pytest.mark.parametrize(("format", "suffix"), [("markdown", ".md"), ("json", ".json")])
def test_out_dir_file_names_follow_the_format(tmp_path: Path, format: str, suffix: str) -> None:
    remind("--out-dir", tmp_path, "-f", format, "--owner", "O2")
    assert listed(tmp_path) == [f"O2{suffix}"]


def test_json_file_holds_one_owner(tmp_path: Path) -> None:
    remind("--out-dir", tmp_path, "-f", "json")
    document = json.loads((tmp_path / "O1.json").read_text(encoding="utf-8"))
    assert list(document) == [
        "plan",
        "as_of",
        "within",
        "owner",
        "subject",
        "reply_by",
        "items",
        "body",
    ]
    assert document["owner"]["email"] == "ordnung@testdorf.de"


def test_out_dir_removes_the_file_of_an_owner_with_nothing_left_to_do(tmp_path: Path) -> None:
    remind("--out-dir", tmp_path, "--within", "600")  # O3's B-02 is due within 600 days
    (tmp_path / "notes.txt").write_text("not ours")
    assert listed(tmp_path) == ["O1.txt", "O2.txt", "O3.txt", "notes.txt"]
    remind("--out-dir", tmp_path)  # O3: nothing within 30 days
    assert listed(tmp_path) == ["O1.txt", "O2.txt", "notes.txt"]


@pytest.mark.usefixtures("english")
def test_out_dir_that_is_a_file_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "reminders"
    blocker.write_text("")
    code, _, stderr = remind("--out-dir", blocker)
    assert code == 2 and stderr.startswith(f"massnahmen: {blocker}: cannot write the reminders")


def test_hostile_owner_id_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN.read_text().replace('"O1"', '"../../etc/x"'))
    code, _, stderr = remind("--out-dir", tmp_path / "out", plan=plan)
    assert code == 1 and "is not an id" in stderr
    assert not (tmp_path / "out").exists() and not (tmp_path.parent / "etc").exists()


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/x", "etc_x"),
        ("/etc/passwd", "etc_passwd"),
        ("..", "_"),
        ("a/b\\c:d", "a_b_c_d"),
        ("x..", "x"),
        ("CON", "_CON"),
        ("com1.txt", "_com1.txt"),
        ("COM0", "_COM0"),
        ("lpt0.json", "_lpt0.json"),
        ("Lpt9", "_Lpt9"),
        ("nul.tar.gz", "_nul.tar.gz"),
        ("FB-1_a.b", "FB-1_a.b"),
    ],
)
def test_safe_file_name_stays_inside_the_folder(tmp_path: Path, name: str, safe: str) -> None:
    assert safe_file_name(name) == safe
    assert (tmp_path / safe_file_name(name)).resolve().parent == tmp_path.resolve()


def test_owner_ids_that_differ_only_in_case_get_two_files(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    text = (
        PLAN.read_text().replace('id = "O2"', 'id = "o1"').replace('owner = "O2"', 'owner = "o1"')
    )
    plan.write_text(text)
    remind("--out-dir", tmp_path / "out", plan=plan)
    assert listed(tmp_path / "out") == ["O1.txt", "o1-2.txt"]


def test_help_names_the_formats() -> None:
    result = run("remind", "--help")
    assert result.code == 0 and "markdown" in result.stdout and "--out-dir" in result.stdout


def test_control_characters_in_plan_text_are_escaped(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    text = PLAN.read_text(encoding="utf-8").replace("Lernplattform", r"Lern\u001b[2Jplattform")
    plan.write_text(text, encoding="utf-8")
    for format in ("text", "markdown"):
        _, stdout, _ = remind("--owner", "O2", "-f", format, plan=plan)
        assert r"Lern\x1b" in stdout and "\x1b" not in stdout


@pytest.mark.parametrize("format", ["text", "markdown", "json"])
def test_the_letter_asks_in_words_and_never_shows_a_command(format: str) -> None:
    """The recipients never run the tool: no command line, no option, a day to answer by."""
    result = run("remind", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "-f", format)
    assert result.code == 0
    letters = result.stdout
    if format == "json":
        letters = "".join(d["body"] for d in json.loads(result.stdout)["digests"])
    for programmer in ("massnahmen update", "--status", "--note", "--deadline", "in_progress"):
        assert programmer not in letters
    # the day before the next committee meeting after 18.03.2025 (the HFA of 02.04.2025)
    assert "bis zum 01.04.2025" in " ".join(letters.split())
