"""The public site in a real browser: headless Chromium, axe-core's WCAG 2.1 A and AA rules,
screenshots, keyboard, phone width, print and the network.

Needs Debian's `chromium` and `chromium-driver`, `selenium` (a test dependency) and axe-core
(`npm ci --prefix tests/browser`, pinned with its hash in tests/browser/package-lock.json).
.ci/run installs all of it; where one is missing the tests are skipped and say which, except
under CI, where a missing piece fails them.

    MASSNAHMEN_SCREENSHOTS=docs/images pytest tests/test_browser.py

also writes the screenshots there (the README shows them).
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from massnahmen.publish.folder import write_site
from massnahmen.render.site import site_files
from tests.conftest import ROOT
from tests.sites import publish_example
from tests.test_site_parts import example_site_with_parts

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# A field and a measure with a red light, a moved deadline and a history.
PAGES = {"index": "index.html", "field": "field/UM.html", "measure": "measure/UM-02.html"}


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if CHROMIUM is None or CHROMEDRIVER is None:
        return "Chromium is not installed (Debian: chromium chromium-driver; .ci/run installs it)"
    if not AXE.is_file():
        return "axe-core is not installed (npm ci --prefix tests/browser; .ci/run does it)"
    return None


MISSING = _missing()
if MISSING and os.environ.get("CI"):
    pytest.fail(f"CI must run the browser tests: {MISSING}", pytrace=False)
pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium with a fresh profile and everything that phones home turned off."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
        "--window-size=1280,1000",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_script_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plan's site, and beside it one whose first measure has milestones and an
    indicator chart (`parts/`)."""
    folder = tmp_path_factory.mktemp("site")
    assert publish_example(folder / "example").code == 0
    write_site(folder / "parts", site_files(example_site_with_parts(), "de"))
    return folder


def page_of(site: Path, kind: str) -> Path:
    if kind == "measure with chart":
        return site / "parts" / "measure" / "VW-01.html"
    return site / "example" / PAGES[kind]


def open_page(browser: Any, page: Path, width: int = 1280) -> None:
    browser.set_window_size(width, 1000)
    browser.get(page.as_uri())


def axe_violations(browser: Any) -> list[dict[str, Any]]:
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(done).catch(error => done({error: String(error)}));",
        WCAG,
    )
    assert "error" not in result, result
    assert result["passes"], "axe ran no rule"
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["html"] for n in v["nodes"][:3]]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("kind", [*PAGES, "measure with chart"])
def test_axe_finds_no_violation_of_wcag_21_aa(browser: Any, site: Path, kind: str) -> None:
    open_page(browser, page_of(site, kind))
    assert axe_violations(browser) == []


@pytest.mark.parametrize("kind", [*PAGES, "measure with chart"])
def test_no_request_leaves_the_folder(browser: Any, site: Path, kind: str) -> None:
    open_page(browser, page_of(site, kind))
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".concat(performance.getEntriesByType('navigation').map(e => e.name))"
    )
    assert loaded and all(url.startswith("file://") for url in loaded), loaded
    assert browser.execute_script("return document.styleSheets.length") == 1


@pytest.mark.parametrize("kind", PAGES)
def test_screenshot_is_not_blank(browser: Any, site: Path, kind: str, tmp_path: Path) -> None:
    open_page(browser, site / "example" / PAGES[kind])
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(height, 3000))
    shot = tmp_path / f"publish-{kind}.png"
    assert browser.save_screenshot(str(shot))
    assert distinct_bytes(shot.read_bytes()) > 40
    wanted = os.environ.get("MASSNAHMEN_SCREENSHOTS")
    if wanted:
        Path(wanted).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(wanted) / shot.name)


def test_the_skip_link_comes_first_and_leads_to_the_content(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    open_page(browser, site / "example" / PAGES["measure"])
    browser.find_element("tag name", "body").send_keys(Keys.TAB)
    first = browser.switch_to.active_element
    assert first.get_attribute("class") == "skip" and first.is_displayed()
    first.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "content"


def test_a_phone_needs_no_sideways_scrolling(browser: Any, site: Path) -> None:
    for page in PAGES.values():
        open_page(browser, site / "example" / page, width=360)
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, page


def test_a_field_page_prints_on_a4_without_the_navigation(browser: Any, site: Path) -> None:
    import base64

    open_page(browser, site / "example" / PAGES["field"])
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = browser.execute_script(
            "return getComputedStyle(document.querySelector('.breadcrumb')).display"
        )
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert hidden == "none"
    pdf = base64.b64decode(browser.print_page())
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 1


def distinct_bytes(png: bytes) -> int:
    """How many different byte values the image data of a PNG holds: a blank page (one colour)
    has a handful, a page with text and bars hundreds."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    data, at = b"", 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at : at + 8])
        if kind == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    return len(set(zlib.decompress(data)))
