"""The public progress page as files: `index.html`, a page per field and per measure, one
stylesheet. Jinja2 templates (package data beside this module), autoescaping on: every text
from the plan is escaped. Relative links only, no script, no request to another host, and no
build time in the page, so the same plan and as-of day give the same bytes.

Jinja2 is imported only here, so that other commands start without it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup

from massnahmen.diagnostics import Diagnostic, printable
from massnahmen.render.console import print_error
from massnahmen.render.site.chart import indicator_chart
from massnahmen.report import REPORT_STATUSES, meeting_text
from massnahmen.words import Lang, current_lang, format_amount, format_date, label, say

if TYPE_CHECKING:
    from massnahmen.deadline import Deadline
    from massnahmen.model import Meeting
    from massnahmen.publish import PublicIndicator, Site

STYLESHEET = "style.css"
INDEX = "index.html"


def site_files(site: Site, lang: Lang) -> Iterator[tuple[str, bytes]]:
    """Every file of the site as (path relative to its folder, bytes); the index comes last, so
    that a folder written in this order never links to a page that is not there yet."""
    env = _environment(lang)
    yield STYLESHEET, env.loader.get_source(env, STYLESHEET)[0].encode()  # type: ignore[union-attr]
    measure_page = env.get_template("measure.html")
    field_page = env.get_template("field.html")
    for field in site.fields:
        for measure in field.measures:
            yield measure.path, _encode(measure_page.render(site=site, m=measure, root="../"))
    for field in site.fields:
        yield field.path, _encode(field_page.render(site=site, field=field, root="../"))
    yield INDEX, _encode(env.get_template(INDEX).render(site=site, root=""))


def report_published(output: Path, site: Site, written: int, removed: int) -> None:
    """The confirmation on stderr: how many files, for which day."""
    gone = say("msg.published_removed", removed=removed) if removed else ""
    count = sum(1 for _ in site.measures)
    as_of = format_date(site.as_of, current_lang())
    said = say("msg.published", output=output, written=written, count=count, as_of=as_of, gone=gone)
    print_error(printable(said))


def report_refused(plan: Path, problems: Sequence[Diagnostic]) -> None:
    """Why nothing was published: the `[publish]` problems, located, and what to do."""
    for problem in problems:
        print_error(problem.format())
    print_error(printable(say("msg.nothing_published", plan=plan)))


def _encode(page: str) -> bytes:
    return page.encode("utf-8")


@functools.cache
def _environment(lang: Lang) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("massnahmen.render.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.globals.update(
        lang=lang,
        statuses=REPORT_STATUSES,
        t=lambda key: label(key, lang),
        say=lambda key, **values: say(key, lang, **values),
    )
    env.filters.update(
        date=lambda day: format_date(day, lang),
        deadline=lambda value: _deadline(value, lang),
        percent=lambda value: _percent(value, lang),
        round_percent=lambda value: round(value or 0),
        amount=lambda value: format_amount(value, lang),
        number=lambda value: _number(value, lang),
        meeting=lambda meeting: _meeting(meeting, lang),
        moves=lambda n: _moves(n, lang),
        attribute=lambda value: _attribute(value, lang),
        chart=lambda indicator, chart_id: _chart(indicator, chart_id, lang),
    )
    return env


def _deadline(value: Deadline | None, lang: Lang) -> str:
    return value.display(lang) if value is not None else label("no_deadline", lang)


def _percent(value: float, lang: Lang) -> str:
    return f"{value:.0f} %" if lang == "de" else f"{value:.0f}%"


def _number(value: float, lang: Lang) -> str:
    """12,5 / 12.5; whole numbers without decimals."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    if lang == "de":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def _attribute(value: str | float | bool, lang: Lang) -> str:
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    return value if isinstance(value, str) else _number(value, lang)


def _meeting(meeting: Meeting, lang: Lang) -> str:
    return meeting_text(meeting, lang)


def _moves(n: int, lang: Lang) -> str:
    if n == 0:
        return label("site_not_moved", lang)
    return label("site_moved_once", lang) if n == 1 else say("site_moves", lang, n=n)


def _chart(indicator: PublicIndicator, chart_id: str, lang: Lang) -> Markup:
    return indicator_chart(indicator, chart_id, lang, number=lambda v: _number(v, lang))
