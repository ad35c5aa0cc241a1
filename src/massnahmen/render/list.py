"""Reporters for `list`: a terminal table, one JSON document, or CSV for Excel."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from massnahmen.render.console import wants_colour
from massnahmen.render.problems import failure_json, report_problems
from massnahmen.report.parts import attribute_text, milestones_reached, path_state
from massnahmen.report.records import measure_record
from massnahmen.run.outcome import Outcome, Run
from massnahmen.sanitize import inert_text, json_text, printable
from massnahmen.words import Lang, format_date, label, with_unit

if TYPE_CHECKING:
    from massnahmen.model import Attribute, Measure
    from massnahmen.report.select import Selection
    from massnahmen.report.state import PlanState

MAX_WIDTH = 100
_LIGHT_STYLE = {"red": "bold red", "yellow": "yellow", "green": "green", "none": "dim"}


@dataclass(frozen=True)
class ListResult:
    """The measures `list` chose from a plan, seen on one as-of date."""

    plan: str
    state: PlanState
    measures: list[Measure]
    lang: Lang = "de"

    @property
    def as_of(self) -> dt.date:
        return self.state.as_of

    def to_json(self, *, plan_in_records: bool = False) -> dict[str, object]:
        """The single plan's object; each record names its plan too when `plan_in_records`."""
        head = {"plan": self.plan} if plan_in_records else {}
        return {
            "plan": self.plan,
            "as_of": self.as_of.isoformat(),
            "count": len(self.measures),
            "total": len(self.state.plan.measures),
            "measures": [{**head, **measure_record(m, self.state)} for m in self.measures],
        }

    def caption(self) -> str:
        return label("list_count", self.lang).format(
            count=len(self.measures),
            total=len(self.state.plan.measures),
            date=format_date(self.as_of, self.lang),
        )


@dataclass(frozen=True)
class ListResults:
    """What `list` chose from each of several plans (or why a plan has nothing to list)."""

    as_of: dt.date
    plans: Sequence[ListResult | Outcome[Any]]
    lang: Lang = "de"

    @property
    def listed(self) -> list[ListResult]:
        return [p for p in self.plans if isinstance(p, ListResult)]

    def to_json(self) -> dict[str, object]:
        """As `check` reports several plans: totals, then each plan's object in a list."""
        return {
            "as_of": self.as_of.isoformat(),
            "count": sum(len(p.measures) for p in self.listed),
            "total": sum(len(p.state.plan.measures) for p in self.listed),
            "plans": [
                p.to_json(plan_in_records=True) if isinstance(p, ListResult) else failure_json(p)
                for p in self.plans
            ],
        }


def _days_left(result: ListResult, measure: Measure) -> int | None:
    return result.state.days_left(measure) if measure.is_open else None


def _deadline(measure: Measure, lang: Lang, adopted: bool = False) -> str:
    deadline = measure.deadline if adopted else measure.effective_deadline
    return deadline.display(lang) if deadline else ""


def listed(run: Run[Selection], lang: Lang) -> ListResults:
    """The run as the reporters show it; why a plan has nothing to list goes to stderr."""
    plans: list[ListResult | Outcome[Any]] = []
    for outcome in run:
        if outcome.result is not None and outcome.ok:
            selection = outcome.result
            plans.append(ListResult(outcome.plan, selection.state, selection.measures, lang))
        else:
            report_problems(outcome)
            plans.append(outcome)
    assert run.as_of is not None, "list reads its plans for a day"
    return ListResults(run.as_of, plans, lang)


def report_table(run: Run[Selection], lang: Lang) -> None:
    """A table that fits 100 columns, colour only on a terminal; several plans one after the
    other, each under its path."""
    results = listed(run, lang)
    if run.several:
        tables = [render_table(result, result.plan) for result in results.listed]
        sys.stdout.write("\n".join(tables))
    else:
        sys.stdout.writelines(render_table(result) for result in results.listed)


def render_table(result: ListResult, heading: str | None = None) -> str:
    """The table as text, with a `heading` line above it if given."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    lang, state = result.lang, result.state
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
        caption=result.caption(),
        caption_justify="left",
    )
    table.add_column(label("list_id", lang), no_wrap=True)
    table.add_column(label("title", lang))  # the one column that wraps
    table.add_column(label("list_owner", lang), no_wrap=True)
    table.add_column(label("status", lang), no_wrap=True)
    table.add_column(label("deadline", lang), no_wrap=True)
    table.add_column("%", justify="right", no_wrap=True)
    table.add_column(label("light", lang), no_wrap=True)
    table.add_column(label("list_days", lang), justify="right", no_wrap=True)
    for measure in result.measures:
        light = state.light(measure)
        left = _days_left(result, measure)
        table.add_row(
            Text(printable(measure.id)),
            Text(printable(measure.title)),
            Text(printable(measure.owner or "")),
            label(measure.status, lang),
            _deadline(measure, lang),
            "" if measure.progress is None else str(measure.progress),
            f"[{_LIGHT_STYLE[light]}]{label(light, lang)}[/]" if light else "",
            "" if left is None else str(left),
        )
    colour = wants_colour(sys.stdout)
    width = MAX_WIDTH
    if sys.stdout.isatty():
        width = min(shutil.get_terminal_size((MAX_WIDTH, 24)).columns, MAX_WIDTH)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        highlight=False,
        width=width,
        color_system="auto" if colour else None,
        force_terminal=colour,
    )
    if heading is not None:
        console.print(Text(printable(heading), style="bold"))
    console.print(table)
    lines = buffer.getvalue().splitlines()
    return "".join(line.rstrip(" ") + "\n" for line in lines)


def report_json(run: Run[Selection], lang: Lang) -> None:
    """One JSON object on stdout: plain keys, ISO dates; for several plans, totals and each
    plan's object (a single plan with nothing to list gives nothing)."""
    results = listed(run, lang)
    if run.several:
        document = results.to_json()
    elif results.listed:
        document = results.listed[0].to_json()
    else:
        return
    sys.stdout.write(json_text(document))


# The CSV columns: label key and the cell of a measure (text cells pass through inert_text).
_CSV_COLUMNS: list[tuple[str, Callable[[ListResult, Measure], str | int | None]]] = [
    ("list_id", lambda r, m: m.id),
    ("title", lambda r, m: m.title),
    ("field", lambda r, m: m.field),
    ("owner", lambda r, m: m.owner),
    ("status", lambda r, m: label(m.status, r.lang)),
    ("progress", lambda r, m: m.progress),
    ("priority", lambda r, m: label(m.priority, r.lang) if m.priority else None),
    ("adopted_deadline", lambda r, m: _deadline(m, r.lang, adopted=True)),
    ("effective_deadline", lambda r, m: _deadline(m, r.lang)),
    ("due_on", lambda r, m: format_date(r.state.due(m), r.lang)),
    ("deadline_moves", lambda r, m: m.deadline_moves),
    ("days_left", _days_left),
    ("light", lambda r, m: label(light, r.lang) if (light := r.state.light(m)) else None),
    ("rating", lambda r, m: label(m.rating, r.lang) if m.rating else None),
    ("tags", lambda r, m: ", ".join(m.tags)),
    ("milestones_reached", lambda r, m: milestones_reached(m)),
    ("next_milestone", lambda r, m: _next_milestone(r, m)),
    ("indicators", lambda r, m: _indicators(r, m)),
    (
        "last_update",
        lambda r, m: format_date(m.last_update.date if m.last_update else None, r.lang),
    ),
    ("note", lambda r, m: m.last_update.note if m.last_update else None),
]


def _next_milestone(result: ListResult, measure: Measure) -> str | None:
    milestone = result.state.next_milestone(measure)
    if milestone is None:
        return None
    due = f" ({milestone.due.display(result.lang)})" if milestone.due else ""
    return milestone.title + due


def _indicators(result: ListResult, measure: Measure) -> str | None:
    """`termine: 63 % (im Plan); klickrate: 7 % (im Plan)`."""
    parts = []
    for indicator in measure.indicators:
        path = result.state.indicator_path(indicator)
        value = path.latest.value if path.latest else None
        shown = "–" if value is None else with_unit(value, indicator.unit, result.lang)
        parts.append(f"{indicator.id}: {shown} ({label(path_state(path), result.lang)})")
    return "; ".join(parts) or None


def _attribute_columns(plans: Sequence[ListResult]) -> list[tuple[str, str]]:
    """(id, heading) of each attribute any of the plans declares, headed by its name and unit."""
    found: dict[str, str] = {}
    for plan in plans:
        for attribute in plan.state.plan.attributes:
            unit = f" ({attribute.unit})" if attribute.unit else ""
            found.setdefault(attribute.id, attribute.name + unit)
    return list(found.items())


def _attribute_cell(result: ListResult, measure: Measure, key: str) -> str | None:
    value = measure.attributes.get(key)
    if value is None:
        return None
    declared: Attribute | None = next(
        (a for a in result.state.plan.attributes if a.id == key), None
    )
    return attribute_text(declared, value, result.lang)


def _cell(value: str | int | None) -> str | int:
    """A CSV cell: text escaped as on a terminal (line breaks kept), then made inert."""
    if value is None:
        return ""
    return inert_text(printable(value, lines=True)) if isinstance(value, str) else value


def render_csv(result: ListResults, several: bool) -> str:
    """CSV as Excel opens it by double-click: `;` for German Excel, `,` otherwise; with a BOM.
    Several plans make one table, each row with its plan's path in a first column."""
    plans = result.listed
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if result.lang == "de" else ",")
    head = [label("plan", result.lang)] if several else []
    attributes = _attribute_columns(plans)
    writer.writerow(
        [
            *head,
            *(label(key, result.lang) for key, _ in _CSV_COLUMNS),
            *(_cell(heading) for _, heading in attributes),
        ]
    )
    for plan in plans:
        first = [_cell(plan.plan)] if several else []
        for measure in plan.measures:
            cells = [_cell(cell(plan, measure)) for _, cell in _CSV_COLUMNS]
            own = [_cell(_attribute_cell(plan, measure, key)) for key, _ in attributes]
            writer.writerow([*first, *cells, *own])
    return "\ufeff" + buffer.getvalue()


def report_csv(run: Run[Selection], lang: Lang) -> None:
    """The CSV as UTF-8 bytes, whatever the console's encoding (Windows consoles included); a
    single plan with nothing to list gives nothing."""
    results = listed(run, lang)
    if not results.listed and not run.several:
        return
    data = render_csv(results, run.several).encode("utf-8")
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


RENDERERS: dict[str, Callable[[Run[Selection], Lang], None]] = {
    "table": report_table,
    "json": report_json,
    "csv": report_csv,
}
