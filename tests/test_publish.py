"""`massnahmen publish`: the public progress page, its privacy rules, escaping, links and bytes.

What a browser makes of the pages (axe-core, screenshots) is in tests/test_browser.py.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from massnahmen.model import PublishSettings
from tests.conftest import ROOT
from tests.sites import links_of, publish, publish_example, site_bytes, site_text, write_plan


@pytest.mark.usefixtures("english")
def test_writes_an_index_a_page_per_field_and_measure_and_one_stylesheet(tmp_path: Path) -> None:
    result = publish(write_plan(tmp_path), tmp_path / "site")
    assert result.code == 0 and result.stdout == ""
    assert result.stderr == f"{tmp_path / 'site'}: 7 files, 3 measures as of 2024-07-01\n"
    files = sorted(str(p.relative_to(tmp_path / "site")) for p in (tmp_path / "site").rglob("*.*"))
    assert files == [
        ".massnahmen-site",  # what this run wrote, so that the next one can clean up
        "field/BI.html",
        "field/VW.html",
        "index.html",
        "measure/BI-01.html",
        "measure/VW-01.html",
        "measure/VW-02.html",
        "style.css",
    ]


def test_every_page_is_reachable_from_the_index_and_every_link_resolves(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert publish_example(site).code == 0
    seen, queue = set(), [site / "index.html"]
    while queue:
        page = queue.pop()
        if page in seen:
            continue
        seen.add(page)
        found = links_of(page)
        for url in [*found.links, *found.loads]:
            parts = urlsplit(url)
            target = (page.parent / parts.path).resolve() if parts.path else page
            assert target.is_file(), f"{page.name}: {url} leads nowhere"
            if parts.fragment:
                assert parts.fragment in links_of(target).ids, f"{page.name}: {url} leads nowhere"
            if target.suffix == ".html":
                queue.append(target)
    assert seen == set(site.rglob("*.html"))


def test_no_page_loads_anything_from_another_host(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert publish_example(site).code == 0
    for page in site.rglob("*.html"):
        found = links_of(page)
        assert "script" not in found.tags and "iframe" not in found.tags
        assert all(not urlsplit(url).scheme and not url.startswith("//") for url in found.loads)
        assert all(not urlsplit(url).netloc for url in found.links)
    assert not re.search(r"@import|url\(|https?:", (site / "style.css").read_text())


def test_the_same_plan_and_day_give_the_same_bytes(tmp_path: Path) -> None:
    assert publish_example(tmp_path / "a").code == 0
    assert publish_example(tmp_path / "b").code == 0
    assert publish_example(tmp_path / "a").code == 0  # over its own earlier run
    assert site_bytes(tmp_path / "a") == site_bytes(tmp_path / "b")


def test_text_from_the_plan_is_escaped_everywhere(tmp_path: Path) -> None:
    hostile = '<script>alert(1)</script> \\"quoted\\" & <b>bold</b>'
    plan = write_plan(
        tmp_path,
        title=hostile,
        field=hostile,
        measure=hostile,
        description=hostile,
        update_note=hostile,
        notes=hostile,
        publish="[publish]\nnotes = true",
    )
    assert publish(plan, tmp_path / "site").code == 0
    text = site_text(tmp_path / "site")
    assert "<script" not in text and "<b>" not in text
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &#34;quoted&#34; &amp; &lt;b&gt;bold&lt;/b&gt;"
    assert text.count(escaped) >= 8


def test_no_e_mail_address_appears_and_a_person_is_not_named_by_default(tmp_path: Path) -> None:
    pasted = "Rückfragen an anna.beispiel@pruefdorf.de oder ANNA.Beispiel@Pruefdorf.de."
    plan = write_plan(tmp_path, description=pasted, update_note=pasted)
    assert publish(plan, tmp_path / "site").code == 0
    text = site_text(tmp_path / "site")
    assert "@pruefdorf.de" not in text.lower()
    assert "Anna Beispiel" not in text and "Rückfragen an […] oder […]." in text
    assert "Fachbereich 1" in text  # units are named


def test_person_names_appear_when_the_plan_allows_it(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, publish="[publish]\nperson_names = true")
    assert publish(plan, tmp_path / "site").code == 0
    text = site_text(tmp_path / "site")
    assert "Anna Beispiel" in text and "anna.beispiel@" not in text


def test_notes_and_budget_reservations_stay_out_by_default_budgets_do_not(tmp_path: Path) -> None:
    assert publish(write_plan(tmp_path), tmp_path / "site").code == 0
    page = (tmp_path / "site" / "measure" / "VW-01.html").read_text()
    assert "Lenkungskreis" not in page and "Haushaltsvorbehalt" not in page
    assert "45.000,00 €" in page and "Ausschreibung läuft." in page


def test_the_publish_table_turns_each_part_on_or_off(tmp_path: Path) -> None:
    settings = (
        "[publish]\nnotes = true\nbudget = false\nbudget_reserved = true\nupdate_notes = false"
    )
    assert publish(write_plan(tmp_path, publish=settings), tmp_path / "site").code == 0
    page = (tmp_path / "site" / "measure" / "VW-01.html").read_text()
    assert "Lenkungskreis" in page and "<dt>Haushaltsvorbehalt</dt><dd>ja</dd>" in page
    assert "45.000" not in page and "Ausschreibung läuft." not in page
    assert "Frist neu: Q1/2025" in page


def test_without_history_the_page_has_no_updates(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, publish="[publish]\nhistory = false")
    assert publish(plan, tmp_path / "site").code == 0
    page = (tmp_path / "site" / "measure" / "VW-01.html").read_text()
    assert "Verlauf" not in page and "Ausschreibung" not in page


def test_left_out_measures_and_fields_have_no_page_and_no_link(tmp_path: Path) -> None:
    settings = '[publish]\nexclude_fields = ["BI"]\nexclude_measures = ["VW-01"]'
    result = publish(write_plan(tmp_path, publish=settings), tmp_path / "site")
    assert result.code == 0 and ": 4 Dateien, 1 Maßnahmen" in result.stderr
    text = site_text(tmp_path / "site")
    assert "Digitaler Bauantrag" not in text and "Bildung" not in text and "WLAN" not in text
    page = (tmp_path / "site" / "measure" / "VW-02.html").read_text()
    assert "<li>VW-01 (nicht veröffentlicht)</li>" in page


@pytest.mark.usefixtures("english")
def test_a_left_out_id_that_names_nothing_is_refused_with_its_line(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, publish='[publish]\nexclude_measures = ["VW-1"]')
    result = publish(plan, tmp_path / "site")
    assert result.code == 1 and not (tmp_path / "site").exists()
    assert result.stderr == (
        f'{plan}:10:21: E002: [publish] exclude_measures: no measure "VW-1" (did you mean '
        f'"VW-01"?)\n{plan}: nothing published, fix the [publish] table first\n'
    )


def test_an_open_measure_without_a_deadline_is_never_green(tmp_path: Path) -> None:
    assert publish(write_plan(tmp_path), tmp_path / "site").code == 0
    page = (tmp_path / "site" / "measure" / "VW-02.html").read_text()
    assert "shape-none" in page and "ohne Frist</span>" in page and "grün" not in page


def test_english_pages_with_lang_en(tmp_path: Path) -> None:
    assert publish(write_plan(tmp_path), tmp_path / "site", "--lang", "en").code == 0
    index = (tmp_path / "site" / "index.html").read_text()
    assert (
        '<html lang="en">' in index and "Overall progress" in index and "As of 2024-07-01" in index
    )


@pytest.mark.usefixtures("english")
def test_a_second_run_removes_pages_the_plan_no_longer_publishes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert publish(write_plan(tmp_path), site).code == 0
    (site / ".htaccess").write_text("Options -Indexes\n")
    plan = write_plan(tmp_path, publish='[publish]\nexclude_measures = ["VW-01"]')
    result = publish(plan, site)
    assert result.code == 0 and result.stderr.endswith(", 1 earlier files removed\n")
    assert not (site / "measure" / "VW-01.html").exists() and (site / ".htaccess").exists()


def test_a_folder_with_other_files_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the town's own start page")
    result = publish(write_plan(tmp_path), site)
    assert result.code == 2
    assert result.stderr == (
        f"massnahmen: {site}: holds files that publish did not write; give an empty or a new "
        "folder\n"
    )
    assert (site / "index.html").read_text() == "the town's own start page"


def test_an_invalid_plan_publishes_nothing(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, publish='[publish]\nbudget = "no"')
    result = publish(plan, tmp_path / "site")
    assert result.code == 1 and "E002" in result.stderr and not (tmp_path / "site").exists()


def test_the_docs_show_the_publish_table_with_its_defaults() -> None:
    readme = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(\[publish\].*?)```", readme, re.S)
    assert block is not None
    shown = tomllib.loads(block.group(1))["publish"]
    assert shown == PublishSettings().model_dump(exclude_none=True)


def test_an_imprint_link_is_a_web_or_mail_address_or_a_relative_path(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, publish='[publish]\nimprint_url = "javascript:alert(1)"')
    result = publish(plan, tmp_path / "site")
    assert result.code == 1 and result.stderr.startswith(
        f'{plan}:10:1: E002: key "imprint_url" in [publish]: "javascript:alert(1)" is not a link '
        "a page may carry: write https://…, mailto:… or a path\n"
    )
    plan = write_plan(
        tmp_path,
        publish='[publish]\nimprint = "Impressum & Datenschutz"\nimprint_url = "https://www.pruefdorf.de/impressum"',
    )
    assert publish(plan, tmp_path / "site").code == 0
    index = (tmp_path / "site" / "index.html").read_text()
    assert '<a href="https://www.pruefdorf.de/impressum">Impressum &amp; Datenschutz</a>' in index


def test_temporary_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    from massnahmen.files import _HOST

    site = tmp_path / "site"
    assert publish(write_plan(tmp_path), site).code == 0
    dead = 2**22 + 7  # above Linux's largest pid: no process has it
    left = site / "measure" / f".VW-01.html.{_HOST}.{dead}.x1y2.tmp"
    left.write_text("half a page")
    assert publish(write_plan(tmp_path), site).code == 0
    assert not left.exists()


@pytest.mark.usefixtures("english")
def test_several_plans_are_a_usage_error(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    result = publish(plan, tmp_path / "site", str(plan))
    assert result.code == 2 and "publish writes the site of one plan" in result.stderr
    assert not (tmp_path / "site").exists()
