"""The comparison across plans: in the terminal (`status --portfolio`) and as a workbook.

Per plan (authority) the totals, overdue measures, traffic lights and average progress; then
each field of action, matched by name, with its figures in every plan that has it.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from massnahmen.render.console import print_error
from massnahmen.render.progress import progress_bar
from massnahmen.report.compare import Figures, PlanSummary, fields_side_by_side
from massnahmen.run.outcome import Outcome, Run
from massnahmen.sanitize import printable
from massnahmen.words import Lang, format_date, label

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

_FIGURES = ("measures", "open", "done", "overdue", "red", "yellow", "green", "progress")
Compared = Outcome[PlanSummary]


def word(key: str, lang: Lang) -> str:
    return label(f"compare_{key}", lang)


def name_of(plan: Compared) -> str:
    """The authority, or the file name of a plan that could not be read or is invalid."""
    return (plan.result.authority if plan.result else "") or Path(plan.plan).name


def problem_of(plan: Compared) -> str:
    """Why a plan is not compared: why it could not be read, or how many errors it has."""
    if plan.failure is not None:
        return plan.failure
    count = len(plan.errors)
    return f"invalid plan: {count} error{'s' * (count != 1)}"


def read_all(run: Run[PlanSummary], lang: Lang) -> list[Compared]:
    """Every plan of the run, read with a bar on a terminal; the errors of an invalid plan and
    why a plan is not compared on stderr as each comes."""
    found: list[Compared] = []
    with progress_bar(word("reading", lang), run.size or 0, at_least=10) as tick:
        for outcome in run:
            tick(1)
            found.append(outcome)
            if outcome.result is not None and outcome.ok:
                continue
            for diagnostic in outcome.findings:
                print_error(diagnostic.format())
            where = "" if outcome.failure is not None else f"{outcome.plan}: "
            print_error(printable(f"massnahmen: {where}{problem_of(outcome)}"))
    return found


def figure_values(figures: Figures) -> list[float | int | None]:
    progress = figures.average_progress
    return [
        figures.measures,
        figures.open,
        figures.done,
        figures.overdue,
        figures.red,
        figures.yellow,
        figures.green,
        None if progress is None else round(progress, 1),
    ]


def _cell(value: float | int | None) -> str:
    if value is None:
        return "–"
    return f"{value:.0f} %" if isinstance(value, float) else str(value)


def report_compare(run: Run[PlanSummary], lang: Lang) -> None:
    """The comparison as plain columns on stdout, at most 100 wide."""
    plans, as_of = read_all(run, lang), _day(run)
    out = sys.stdout
    heads = [word(key, lang) for key in _FIGURES]
    widths = [max(len(head), 5) for head in heads]

    def row(name: str, values: Sequence[str]) -> str:
        cells = " ".join(f"{v:>{w}}" for v, w in zip(values, widths, strict=True))
        return f"{printable(name)[:30]:<30} {cells}".rstrip()

    out.write(f"{word('title', lang)} – {word('as_of', lang)} {format_date(as_of, lang)}\n\n")
    out.write(row(word("plan", lang), heads) + "\n")
    for plan in plans:
        if plan.result is None:
            problem = f"{word('not_compared', lang)}: {printable(problem_of(plan))}"
            out.write(f"{printable(name_of(plan))[:30]:<30} {problem}\n")
        else:
            cells = [_cell(v) for v in figure_values(plan.result.totals)]
            out.write(row(name_of(plan), cells) + "\n")
    compared = [plan for plan in plans if plan.result is not None]
    out.write(f"\n{word('fields', lang)}\n")
    for name, per_plan in fields_side_by_side([plan.result for plan in compared if plan.result]):
        out.write(f"\n{printable(name)}\n")
        for plan, figures in zip(compared, per_plan, strict=True):
            if figures is not None:
                cells = [_cell(v) for v in figure_values(figures)]
                out.write(row("  " + name_of(plan), cells) + "\n")


def append(ws: Worksheet, values: Sequence[object]) -> None:
    """A row whose text stays text: never a formula, no XML-illegal characters."""
    from massnahmen.render.workbook.cells import clean_text
    from massnahmen.sanitize import looks_like_formula

    ws.append([clean_text(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            cell.quotePrefix = looks_like_formula(cell.value)


def _day(run: Run[PlanSummary]) -> dt.date:
    assert run.as_of is not None, "plans are compared on a day"
    return run.as_of


def compare_workbook(run: Run[PlanSummary], lang: Lang) -> bytes:
    """The comparison as a workbook: plans, fields of action by plan, progress side by side."""
    plans, as_of = read_all(run, lang), _day(run)
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    book = Workbook()
    bold = Font(bold=True)
    heads = [word(key, lang) for key in _FIGURES]
    compared = [plan for plan in plans if plan.result is not None]
    side_by_side = fields_side_by_side([plan.result for plan in compared if plan.result])

    def sheet(title: str, header: list[str], rows: Sequence[Sequence[object]], first: bool) -> None:
        ws = book.active if first else book.create_sheet()
        assert ws is not None
        ws.title = title
        append(ws, [f"{word('title', lang)} – {word('as_of', lang)} {format_date(as_of, lang)}"])
        ws["A1"].font = Font(bold=True, size=13)
        append(ws, header)  # plan titles stand in some headers: plan text like any other
        for cell in ws[2]:
            cell.font = bold
        for values in rows:
            append(ws, values)
        ws.freeze_panes = "B3"
        ws.auto_filter.ref = f"A2:{get_column_letter(len(header))}{len(rows) + 2}"
        ws.print_title_rows = "2:2"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        footer = ws.oddFooter
        assert footer is not None
        footer.center.text = "&P / &N"
        for n, head in enumerate(header, start=1):
            longest = max([len(str(head)), *(len(str(r[n - 1] or "")) for r in rows)])
            ws.column_dimensions[get_column_letter(n)].width = min(max(longest + 2, 8), 50)

    plan_rows: list[Sequence[object]] = []
    for plan in plans:
        if plan.result is None:
            plan_rows.append([name_of(plan), plan.plan, *([None] * len(heads)), problem_of(plan)])
        else:
            plan_rows.append([name_of(plan), plan.plan, *figure_values(plan.result.totals), None])
    sheet(
        word("plans", lang),
        [word("plan", lang), word("file", lang), *heads, word("not_compared", lang)],
        plan_rows,
        first=True,
    )
    field_rows = [
        [name, name_of(plan), *figure_values(figures)]
        for name, per_plan in side_by_side
        for plan, figures in zip(compared, per_plan, strict=True)
        if figures is not None
    ]
    sheet(
        word("fields", lang), [word("field", lang), word("plan", lang), *heads], field_rows, False
    )
    matrix = [
        [name, *(None if f is None else figure_values(f)[-1] for f in per_plan)]
        for name, per_plan in side_by_side
    ]
    sheet(
        word("progress_by_field", lang)[:31],
        [word("field", lang), *(name_of(plan) for plan in compared)],
        matrix,
        False,
    )
    from massnahmen.render.workbook.package import save_steady

    # The same plans on the same day give the same bytes: no clock, no "openpyxl" as creator.
    book.properties.creator = book.properties.lastModifiedBy = "massnahmen"
    book.properties.title = word("title", lang)
    return save_steady(book, dt.datetime.combine(as_of, dt.time()), lambda sheet: None)
