"""The committee workbook (.xlsx): summary, measures, what needs action, changes, owners and
budget reservations; printable on A4, safe from formula injection, and byte-identical for the
same plan, as-of date and options.

openpyxl is imported only here, so that other commands start without it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils.indexed_list import IndexedList

from massnahmen.bulk import paused_gc
from massnahmen.diagnostics import printable
from massnahmen.errors import CannotRun
from massnahmen.render.console import print_error
from massnahmen.render.workbook.cells import FONT, SIZE, Styles, clean_text
from massnahmen.render.workbook.indicators import indicators_of, write_indicators
from massnahmen.render.workbook.layout import setup_page
from massnahmen.render.workbook.lists import (
    write_actions,
    write_changes,
    write_owners,
    write_reserved,
)
from massnahmen.render.workbook.measures import write_measures
from massnahmen.render.workbook.package import save_steady
from massnahmen.render.workbook.stream import new_sheet
from massnahmen.render.workbook.summary import write_summary
from massnahmen.words import Lang, current_lang, format_date, label, say

if TYPE_CHECKING:
    from pathlib import Path

    from openpyxl.worksheet.worksheet import Worksheet

    from massnahmen.report import Report
    from massnahmen.report.compare import PlanSummary
    from massnahmen.run.outcome import Run

Tick = Callable[[int], None]


def work_units(report: Report) -> int:
    """How many steps `workbook_bytes` reports to `tick`: each measure written, then saved."""
    return 2 * len(report.plan.measures)


def build_workbook(
    report: Report, lang: Lang, tick: Tick | None = None, *, streamed: bool = True
) -> Workbook:
    """Every sheet of the workbook, in the order a reader goes through them.

    The list sheets are `streamed`: their rows are written while the workbook is saved (with
    `save_steady`), so that they never all exist as cells at once. The file is the same either
    way; only the memory differs.
    """
    tick = tick or _ignore
    workbook = Workbook()

    def create_sheet(title: str) -> Worksheet:
        return new_sheet(workbook, title) if streamed else workbook.create_sheet(title)

    _use_default_font(workbook)
    summary = workbook.active
    assert summary is not None
    summary.title = label("summary", lang)
    write_summary(summary, Styles(workbook, lang, boxed=True), report)
    styles = Styles(workbook, lang)
    write_measures(create_sheet(label("measures", lang)), styles, report, tick)
    write_actions(create_sheet(label("action_needed", lang)), styles, report)
    if report.changes is not None:
        write_changes(create_sheet(label("changes", lang)), styles, report.changes)
    if indicators_of(report):
        indicators = create_sheet(label("indicators", lang))
        values = create_sheet(label("measured_values", lang))
        write_indicators(indicators, values, styles, report)
    write_owners(create_sheet(label("owners", lang)), styles, report)
    write_reserved(create_sheet(label("budget_reserved", lang)), styles, report)
    for sheet in workbook.worksheets:
        setup_page(sheet, report, lang)
        sheet.print_options.gridLines = sheet is not summary
    head = report.plan.plan
    properties = workbook.properties
    # Plain text (no formula can start there), but XML-illegal characters would break the file.
    properties.title = clean_text(head.title)
    properties.creator = properties.lastModifiedBy = clean_text(head.authority)
    properties.subject = f"{label('report', lang)}, {label('as_of', lang)} "
    properties.subject += format_date(report.as_of, lang)
    properties.language = "de-DE" if lang == "de" else "en"
    return workbook


def workbook_bytes(
    report: Report, lang: Lang, tick: Tick | None = None, *, streamed: bool = True
) -> bytes:
    """The workbook as the bytes of an .xlsx file; the same input always gives the same bytes."""
    # openpyxl makes a million small objects that all live until the file is written; the cyclic
    # collector would walk them again and again (a quarter of the time at 10,000 measures).
    with paused_gc():
        return _workbook_bytes(report, lang, tick or _ignore, streamed)


def _workbook_bytes(report: Report, lang: Lang, tick: Tick, streamed: bool) -> bytes:
    workbook = build_workbook(report, lang, tick, streamed=streamed)
    rows = [sheet.max_row for sheet in workbook.worksheets]
    measures, total = len(report.plan.measures), max(sum(rows), 1)
    # openpyxl saves the sheets in order; each advances the bar by its share of the rows
    shares = iter([round(measures * n / total) for n in rows])

    def on_sheet(name: str) -> None:
        tick(next(shares, 0))

    stamp = dt.datetime.combine(report.as_of, dt.time())
    return save_steady(workbook, stamp, on_sheet)


PROGRESS_FROM = 2_000  # measures; smaller plans are written before a bar would show


def export_bytes(report: Report, lang: Lang) -> bytes:
    """The committee workbook, with a bar on a terminal for a large plan. CannotRun if the
    temporary files the sheets are written through cannot be (a full disk, a file size limit)."""
    from massnahmen.render.progress import progress_bar

    units = work_units(report)
    try:
        with progress_bar(label("writing", lang), units, at_least=2 * PROGRESS_FROM) as tick:
            return workbook_bytes(report, lang, tick)
    except OSError as exc:
        raise CannotRun(say("msg.workbook_failed", reason=exc.strerror or exc)) from None


def report_exported(output: Path, report: Report) -> None:
    """The confirmation on stderr: what was written, for which day."""
    lang = current_lang()
    changes = ""
    if report.changes:
        changes = say("msg.exported_changes", date=format_date(report.changes.since.day, lang))
    count, as_of = len(report.plan.measures), format_date(report.as_of, lang)
    said = say("msg.exported", output=output, count=count, as_of=as_of, changes=changes)
    print_error(printable(said))


def report_compared(output: Path, run: Run[PlanSummary]) -> None:
    compared = sum(o.result is not None and o.ok for o in run.outcomes)
    as_of, count = format_date(run.as_of, current_lang()), len(run.outcomes)
    said = say("msg.compared", output=output, compared=compared, count=count, as_of=as_of)
    print_error(printable(said))


def _use_default_font(workbook: Workbook) -> None:
    """Arial 10 as the workbook's default: column widths are measured in its digits, and it
    (or its metric twin Liberation Sans) is on every machine that opens the file."""
    font = Font(name=FONT, size=SIZE, family=2)
    internals = cast(Any, workbook)  # openpyxl has no public way to change the default font
    internals._fonts = IndexedList([font])
    internals._named_styles["Normal"].font = font


def _ignore(steps: int) -> None:
    pass
