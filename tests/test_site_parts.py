"""The public page's blocks for milestones and indicators, filled from the page model.

The plan model gets milestones and indicators with issue 15; until then these tests give a
measure of the page model both, so that the templates' blocks and the chart are ready.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from massnahmen.deadline import parse_deadline
from massnahmen.load import load_model
from massnahmen.publish import (
    PublicAttribute,
    PublicIndicator,
    PublicMilestone,
    Site,
    build_site,
)
from massnahmen.render.site import site_files
from massnahmen.render.site.chart import indicator_chart
from tests.conftest import EXAMPLE, EXAMPLE_AS_OF

INDICATOR = PublicIndicator(
    name='Online gebuchte Termine <"Anteil">',
    unit="%",
    baseline=0,
    baseline_date=dt.date(2023, 1, 1),
    target=80,
    target_date=dt.date(2025, 12, 31),
    values=((dt.date(2024, 3, 31), 35.0), (dt.date(2024, 12, 31), 52.5)),
)
MILESTONES = (
    PublicMilestone(
        "Ausschreibung veröffentlicht", parse_deadline("2024-Q2"), dt.date(2024, 5, 2), False
    ),
    PublicMilestone("Zuschlag erteilt", parse_deadline("2024-09"), None, True),
    PublicMilestone("Go-live", parse_deadline("2025-H2"), None, False),
)

ATTRIBUTES = (
    PublicAttribute("Personalbedarf", "zusätzlich"),
    PublicAttribute("CO₂-Einsparung", 120.5, "t/a"),
    PublicAttribute("OZG-Leistung", True),
)


def example_site_with_parts() -> Site:
    """The example's site, its first measure with milestones, an indicator, attributes and the
    owner's rating."""
    plan = load_model(EXAMPLE)
    assert plan is not None
    site = build_site(plan, dt.date.fromisoformat(EXAMPLE_AS_OF))
    field = site.fields[0]
    first = dataclasses.replace(
        field.measures[0],
        milestones=MILESTONES,
        indicators=(INDICATOR,),
        attributes=ATTRIBUTES,
        rating="yellow",
    )
    field = dataclasses.replace(field, measures=(first, *field.measures[1:]))
    return dataclasses.replace(site, fields=(field, *site.fields[1:]))


def test_the_chart_is_an_image_whose_description_says_every_value() -> None:
    svg = str(indicator_chart(INDICATOR, "k1", "de", number=lambda v: f"{v:g}".replace(".", ",")))
    assert svg.startswith('<svg class="chart" viewBox="0 0 600 260" role="img"')
    assert 'aria-labelledby="k1-title k1-desc"' in svg
    assert '<title id="k1-title">Online gebuchte Termine &lt;&#34;Anteil&#34;&gt;</title>' in svg
    assert (
        "Ausgangswert 0 am 01.01.2023, Zielwert 80 am 31.12.2025; gemessen: 31.03.2024: 35; " in svg
    )
    assert svg.count("<circle") == 2 and 'stroke-dasharray="6 4"' in svg


def test_a_chart_without_measured_values_says_so() -> None:
    bare = dataclasses.replace(INDICATOR, values=())
    svg = str(indicator_chart(bare, "k", "en", number=str))
    assert "measured: no measured value yet." in svg and "<circle" not in svg


def test_the_measure_page_shows_milestones_and_the_indicator_with_a_table() -> None:
    pages = dict(site_files(example_site_with_parts(), "de"))
    page = pages["measure/VW-01.html"].decode()
    assert "<h2>Meilensteine</h2>" in page
    assert "Ausschreibung veröffentlicht: erreicht am 02.05.2024" in page
    assert "<strong>überfällig, geplant: 09/2024</strong>" in page
    assert "Go-live: geplant: 2. Hj. 2025" in page
    assert '<h3 id="indicator-1">Online gebuchte Termine &lt;&#34;Anteil&#34;&gt; (%)</h3>' in page
    assert '<td>Gemessen</td><td class="number">52,5</td>' in page


def test_pages_without_milestones_or_indicators_have_no_such_heading() -> None:
    pages = dict(site_files(example_site_with_parts(), "de"))
    assert "Meilensteine" not in pages["measure/VW-03.html"].decode()
    assert '<svg class="chart"' not in pages["measure/VW-03.html"].decode()


def test_the_measure_page_shows_attributes_and_the_owners_rating_beside_the_light() -> None:
    page = dict(site_files(example_site_with_parts(), "de"))["measure/VW-01.html"].decode()
    assert "<dt>Personalbedarf</dt><dd>zusätzlich</dd>" in page
    assert "<dt>CO₂-Einsparung</dt><dd>120,5 t/a</dd>" in page
    assert "<dt>OZG-Leistung</dt><dd>ja</dd>" in page
    assert (
        'Einschätzung der Verantwortlichen: <span class="light"><svg class="shape shape-yellow"'
        in page
    )
