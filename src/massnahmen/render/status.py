"""The terminal status report: header, totals, fields of action, what needs action, changes.

At most 100 columns wide; colour only on a terminal (rich decides, NO_COLOR honoured), plain text
in a pipe. Every word comes from the label catalogue. Every text goes to rich as a `Text` made by
`_plain` (escaped by `sanitize.printable`), never as a string rich would read as markup: a title
`[link=…]` or `[/x]` is shown as typed, and ESC or bidi characters cannot reach the terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rich import box
from rich.table import Table
from rich.text import Text

from massnahmen.render.console import stdout_console
from massnahmen.render.problems import report_problems
from massnahmen.report import (
    LIGHTS,
    REPORT_STATUSES,
    Changes,
    MeasureChange,
    Report,
    Snapshot,
    Tally,
    describe_all,
    meeting_text,
    since_text,
)
from massnahmen.request.record import status_lines
from massnahmen.run.outcome import Run
from massnahmen.sanitize import printable
from massnahmen.words import Lang, format_date, label

if TYPE_CHECKING:
    from rich.console import Console

MAX_WIDTH = 100
BAR_WIDTH = 40
STATUS_STYLE = {
    "done": "green",
    "in_progress": "cyan",
    "planned": "",
    "on_hold": "magenta",
    "cancelled": "dim",
}
# The light columns of the tally tables head "ohne Frist" short, as the status columns.
_LIGHT_HEADS = {"none": "short_none"}
LIGHT_STYLE = {"red": "bold red", "yellow": "yellow", "green": "green", "none": "dim"}
By = Literal["field", "owner"]


def print_status(report: Report, lang: Lang, by: By = "field") -> None:
    """Writes the status report to stdout, broken down by field of action or by owner (the
    top-level units with their sub-units beneath)."""
    console = stdout_console()
    blocks = BLOCKS if by == "field" else OWNER_BLOCKS
    if console.is_terminal:
        console.width = min(console.width, MAX_WIDTH)
        for block in blocks:
            block(console, report, lang)
        return
    console.width = MAX_WIDTH
    with console.capture() as captured:  # a pipe gets the same text without trailing blanks
        for block in blocks:
            block(console, report, lang)
    sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def _header(console: Console, report: Report, lang: Lang) -> None:
    head = report.plan.plan
    console.print(_plain(head.title, "bold"))
    facts = [head.authority]
    if head.version:
        facts.append(f"{label('version', lang)} {head.version}")
    state = label(head.state, lang)
    if head.adopted_on:
        state = f"{label('adopted_on', lang)} {format_date(head.adopted_on, lang)}"
    facts.append(state)
    console.print(_plain(" · ".join(facts)))
    when = [f"{label('as_of', lang)} {format_date(report.as_of, lang)}"]
    if report.meeting:
        when.append(f"{label('report_for', lang)} {meeting_text(report.meeting, lang)}")
    console.print(_plain(" · ".join(when)))


def _totals(console: Console, report: Report, lang: Lang) -> None:
    totals = report.totals
    console.print()
    line = Text(f"{label('overall_progress', lang)}  ")
    line.append_text(_bar(totals.average_progress or 0.0, console))
    done = label("done_of", lang).format(done=totals.by_status["done"], total=totals.measures)
    line.append(f"  {_percent(totals.average_progress, lang)}  ({done})")
    console.print(line)
    table = _table()
    table.add_column(label("status", lang))
    table.add_column(label("count", lang), justify="right")
    table.add_column(label("share", lang), justify="right")
    for status in REPORT_STATUSES:
        count = totals.by_status[status]
        share = 100 * count / totals.measures if totals.measures else None
        table.add_row(
            _plain(label(status, lang), STATUS_STYLE[status]),
            _plain(str(count)),
            _plain(_percent(share, lang)),
        )
    table.add_row(_plain(label("total", lang)), _plain(str(totals.measures)), "", style="bold")
    console.print()
    console.print(table)
    console.print()
    lights = Text(f"{label('light', lang)}: ")
    for n, light in enumerate(LIGHTS):
        lights.append(" · " if n else "")
        lights.append(f"{label(light, lang)} {totals.by_light[light]}", style=LIGHT_STYLE[light])
    lights.append(f"   {label('overdue', lang)} {totals.overdue}")
    lights.append(f" · {label('due_soon', lang)} {totals.due_soon}")
    console.print(lights)


def _fields(console: Console, report: Report, lang: Lang) -> None:
    console.print()
    console.print(Text(label("fields", lang), style="bold"))
    table = _tally_table(lang, label("field", lang))
    for summary in report.fields:
        field = summary.field
        table.add_row(_plain(field.id), _plain(field.name), *_tally_cells(summary.tally, lang))
    total = _plain(label("total", lang))
    table.add_row("", total, *_tally_cells(report.totals, lang), style="bold")
    console.print(table)


def _owners(console: Console, report: Report, lang: Lang) -> None:
    """Totals per top-level unit, each with its sub-units indented beneath; a unit's row counts
    its own measures and those of every unit under it."""
    console.print()
    console.print(_plain(label("by_owner", lang), "bold"))
    ids = [len("  " * unit.depth + unit.owner.id) for unit in report.units]
    # id and name together as wide as the fields' column: the counts keep their place
    width = max(12, 25 - max(ids, default=0))
    table = _tally_table(lang, label("owner", lang), wrap=False, name_width=width)
    for unit in report.units:
        if unit.tally.measures == 0 and not any(u.depth > unit.depth for u in report.units):
            continue
        ident = "  " * unit.depth + unit.owner.id
        cells = _tally_cells(unit.tally, lang)
        table.add_row(_plain(ident), _plain(unit.owner.name), *cells)
    for summary in report.owners:
        if summary.owner is None and summary.tally.measures:
            none = _plain(label("no_owner_row", lang))
            table.add_row("", none, *_tally_cells(summary.tally, lang))
    total = _plain(label("total", lang))
    table.add_row("", total, *_tally_cells(report.totals, lang), style="bold")
    console.print(table)


def _tally_table(lang: Lang, head: str, wrap: bool = True, name_width: int = 28) -> Table:
    """Counts per row, after the id (never wrapped or cut) and the name, which wraps under its
    own column where the terminal is narrow, or (not `wrap`) is cut with an ellipsis so that a
    tree of units stays one line per unit (the full names stand in the workbook and `show`)."""
    table = _table(gap=0)  # one space between the columns
    table.add_column("", no_wrap=True, overflow="ignore")
    table.add_column(head, max_width=name_width, no_wrap=not wrap, overflow="ellipsis")
    heads = [
        ("short_measures", ""),
        *((f"short_{s}", STATUS_STYLE[s]) for s in REPORT_STATUSES),
        ("short_overdue", ""),
    ]
    heads += [(_LIGHT_HEADS.get(light, light), LIGHT_STYLE[light]) for light in LIGHTS]
    heads.append(("short_average", ""))
    for key, style in heads:
        text = label(key, lang)
        table.add_column(
            Text(text, style=style), justify="right", no_wrap=True, min_width=len(text)
        )
    return table


def _disagreements(console: Console, report: Report, lang: Lang) -> None:
    """Open measures whose owner rates them otherwise than the derived light."""
    if not report.disagreements:
        return
    console.print()
    title = f"{label('ratings_differ', lang)} ({len(report.disagreements)})"
    console.print(_plain(title, "bold"))
    table = _table(expand=True)
    table.add_column(label("id", lang), no_wrap=True)
    table.add_column(label("measure", lang), ratio=3)
    table.add_column(label("owner", lang), ratio=2)
    table.add_column(label("light", lang), min_width=6)
    table.add_column(label("rating", lang), min_width=6)
    for measure in report.disagreements:
        light = report.lights.get(measure.id)
        rating = measure.rating
        table.add_row(
            _plain(measure.id),
            _plain(measure.title),
            _plain(report.owner_name(measure.owner)),
            _plain(label(light, lang), LIGHT_STYLE[light]) if light else "",
            _plain(label(rating, lang), LIGHT_STYLE[rating]) if rating else "",
        )
    console.print(table)


def _tally_cells(tally: Tally, lang: Lang) -> list[Text]:
    counts = [tally.measures, *(tally.by_status[s] for s in REPORT_STATUSES), tally.overdue]
    counts += [tally.by_light[light] for light in LIGHTS]
    average = tally.average_progress
    return [_plain(str(n)) for n in counts] + [_plain("" if average is None else f"{average:.0f}")]


def _actions(console: Console, report: Report, lang: Lang) -> None:
    console.print()
    title = f"{label('action_needed', lang)} ({len(report.actions)})"
    console.print(Text(title, style="bold"))
    if not report.actions:
        console.print(_plain(label("nothing_needed", lang)))
        return
    table = _table(expand=True)
    table.add_column(label("id", lang), no_wrap=True)
    table.add_column(label("measure", lang), ratio=3)
    table.add_column(label("owner", lang), ratio=2)
    table.add_column(label("deadline", lang), no_wrap=True)
    table.add_column(label("light", lang), min_width=6)
    table.add_column(label("reason", lang), ratio=2)
    for item in report.actions:
        measure = item.measure
        deadline = measure.effective_deadline
        light = _plain(label(item.light, lang), LIGHT_STYLE[item.light]) if item.light else ""
        table.add_row(
            _plain(measure.id),
            _plain(measure.title),
            _plain(item.owner.name if item.owner else (measure.owner or "")),
            _plain(deadline.display(lang) if deadline else ""),
            light,
            _plain(describe_all(item, lang), "red" if item.days_late else ""),
        )
    console.print(table)


def _changes(console: Console, report: Report, lang: Lang) -> None:
    changes = report.changes
    if changes is None:
        return
    console.print()
    title = f"{label('changes_since', lang)} {since_text(changes.since, lang)}"
    console.print(_plain(title, "bold"))
    console.print(_plain(_changes_summary(changes, lang)), soft_wrap=False)
    notable = [
        change
        for change in changes.measures
        if change.added
        or change.before.status != change.after.status
        or any(u.moves_deadline for u in change.updates)
    ]
    if not notable:
        return
    table = _table(expand=True)
    table.add_column(label("id", lang), no_wrap=True)
    table.add_column(label("measure", lang), ratio=3)
    table.add_column(label("status", lang), ratio=2)
    table.add_column(label("progress", lang), no_wrap=True, justify="right")
    table.add_column(label("deadline", lang), ratio=1)
    for change in notable:
        title = change.measure.title
        if change.added:
            title += f" ({label('added', lang)})"
        table.add_row(
            _plain(change.measure.id),
            _plain(title),
            _plain(_arrow(change, lang, _status_word)),
            _plain(_arrow(change, lang, _progress_word)),
            _plain(_arrow(change, lang, _deadline_word)),
        )
    console.print(table)


def _changes_summary(changes: Changes, lang: Lang) -> str:
    return label("changes_summary", lang).format(
        updates=changes.updates,
        measures=changes.updated,
        added=changes.added,
        done=changes.completed,
        moves=changes.moves,
    )


def _status_word(snapshot: Snapshot, lang: Lang) -> str:
    return label(snapshot.status, lang) if snapshot.status else "–"


def _progress_word(snapshot: Snapshot, lang: Lang) -> str:
    return "–" if snapshot.progress is None else _percent(snapshot.progress, lang)


def _deadline_word(snapshot: Snapshot, lang: Lang) -> str:
    return snapshot.deadline.display(lang) if snapshot.deadline else "–"


def _arrow(change: MeasureChange, lang: Lang, word: Callable[[Snapshot, Lang], str]) -> str:
    """`before → after`; just the value if it did not change or the measure is new."""
    old, new = word(change.before, lang), word(change.after, lang)
    return new if old == new or change.added else f"{old} → {new}"


def _plain(text: str, style: str = "") -> Text:
    """Text for rich that it shows as it is: escaped, and never read as markup."""
    return Text(printable(text), style=style)


def _table(expand: bool = False, gap: int = 1) -> Table:
    """A table with a rule under the heading and `gap` + 1 spaces between columns."""
    return Table(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, gap, 0, 0), expand=expand
    )


def _percent(value: float | None, lang: Lang) -> str:
    if value is None:
        return ""
    return f"{value:.0f} %" if lang == "de" else f"{value:.0f}%"


def _bar(percent: float, console: Console) -> Text:
    """A bar that reads without colour: full and empty cells differ in shape."""
    width = max(10, min(BAR_WIDTH, console.width - 50))  # the words around it need 50 columns
    filled = round(width * min(max(percent, 0.0), 100.0) / 100)
    full, empty = ("█", "░") if console.encoding.lower().startswith("utf") else ("#", "-")
    bar = Text(full * filled, style="green")
    bar.append(empty * (width - filled), style="dim")
    return bar


BLOCKS: tuple[Callable[[Console, Report, Lang], None], ...] = (
    _header,
    _totals,
    _fields,
    _actions,
    _disagreements,
    _changes,
)
OWNER_BLOCKS = tuple(_owners if block is _fields else block for block in BLOCKS)


def report_status(run: Run[Report], lang: Lang, by: By = "field") -> None:
    """Each plan's report on stdout, one after the other; why a plan has none on stderr."""
    for outcome in run:
        if outcome.result is not None and outcome.ok:
            print_status(outcome.result, lang, by)
            sys.stdout.writelines(line + "\n" for line in status_lines(Path(outcome.plan), lang))
        else:
            report_problems(outcome)
