"""Helpers for the public site's tests: publish a plan, read a site's pages and their links."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, Result, run

# A plan with one of each part a page shows; `{...}` are filled in by `plan_text`.
PLAN = """\
format = 1

[plan]
title = "{title}"
authority = "Gemeinde Prüfdorf"
state = "adopted"
adopted_on = 2024-01-10

{publish}

[[meetings]]
date = 2024-06-11

[[fields]]
id = "VW"
name = "{field}"
goal = "Digital und bürgernah."

[[fields]]
id = "BI"
name = "Bildung"

[[owners]]
id = "FB1"
name = "Fachbereich 1"
email = "fb1@pruefdorf.de"

[[owners]]
id = "ANNA"
name = "Anna Beispiel"
kind = "person"
email = "anna.beispiel@pruefdorf.de"

[[measures]]
id = "VW-01"
title = "{measure}"
field = "VW"
owner = "ANNA"
contributors = ["FB1"]
description = "{description}"
start = 2024-01-15
deadline = "2024-Q4"
status = "in_progress"
progress = 40
budget_eur = 45000.00
budget_reserved = true
notes = "{notes}"

[[measures.updates]]
date = 2024-05-02
status = "in_progress"
progress = 40
deadline = "2025-Q1"
note = "{update_note}"

[[measures]]
id = "VW-02"
title = "Ohne Frist"
field = "VW"
owner = "FB1"
status = "planned"
depends_on = ["VW-01"]

[[measures]]
id = "BI-01"
title = "WLAN in allen Schulen"
field = "BI"
owner = "FB1"
deadline = 2024-03-31
status = "done"
progress = 100
"""

DEFAULTS = {
    "title": "Prüfdorf digital",
    "field": "Verwaltung",
    "measure": "Digitaler Bauantrag",
    "description": "Anträge online stellen.",
    "notes": "Intern: Lenkungskreis klären.",
    "update_note": "Ausschreibung läuft.",
    "publish": "",
}
AS_OF = "2024-07-01"


def plan_text(**values: str) -> str:
    return PLAN.format(**{**DEFAULTS, **values})


def write_plan(folder: Path, **values: str) -> Path:
    path = folder / "plan.toml"
    path.write_text(plan_text(**values), encoding="utf-8")
    return path


def publish(plan: Path, out: Path, *args: str) -> Result:
    return run("publish", plan, "--as-of", AS_OF, "-o", out, *args)


def publish_example(out: Path, *args: str) -> Result:
    return run("publish", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "-o", out, *args)


def site_text(folder: Path) -> str:
    """Every page and the stylesheet of a site, one after the other."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.*")))


def site_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.*"))}


class Links(HTMLParser):
    """The URLs a page links to (`href`) and loads (`src`, stylesheets, `srcset`)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.loads: list[str] = []
        self.tags: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        elif tag == "link" and "href" in values:
            self.loads.append(values["href"])
        for name in ("src", "srcset", "data", "poster", "action", "formaction"):
            if name in values:
                self.loads.append(values[name])


def links_of(page: Path) -> Links:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser
