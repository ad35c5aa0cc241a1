"""Cell values as officers type them, read into the plan's values: one case per form."""

from __future__ import annotations

import datetime as dt

import pytest

from massnahmen.importer.build import Draft
from massnahmen.importer.cells import Unreadable, split_list
from massnahmen.importer.dates import read_date, read_deadline
from massnahmen.importer.headers import map_header, target_of, unbreak
from massnahmen.importer.measures import Cell, Reading, fill
from massnahmen.importer.numbers import read_amount, read_progress
from massnahmen.importer.shown import ShownDate
from massnahmen.importer.words import read_status

DEADLINES = [
    (dt.datetime(2024, 12, 31), dt.date(2024, 12, 31)),
    (45657, dt.date(2024, 12, 31)),  # an Excel serial number
    (45657.0, dt.date(2024, 12, 31)),
    ("31.12.2024", dt.date(2024, 12, 31)),
    ("1.6.24", dt.date(2024, 6, 1)),
    ("2024-12-31", dt.date(2024, 12, 31)),
    ("12/2024", "2024-12"),
    ("Dez. 2024", "2024-12"),
    ("Q3 2024", "2024-Q3"),
    ("Q3/2024", "2024-Q3"),
    ("3. Quartal 2024", "2024-Q3"),
    ("III. Quartal 2024", "2024-Q3"),
    ("2. Hj. 2024", "2024-H2"),
    ("1. Halbjahr 2025", "2025-H1"),
    ("H2/2024", "2024-H2"),
    ("Ende 2024", "2024"),
    ("bis Ende 2024", "2024"),
    ("Mitte 2025", "2025-H1"),
    ("2024", "2024"),
    (2024, "2024"),
    ("2023–2025", "2025"),
    ("laufend", "ongoing"),
    ("Daueraufgabe", "ongoing"),
    ("2024-Q2", "2024-Q2"),
    (None, None),
    ("-", None),
]


@pytest.mark.parametrize(("cell", "deadline"), DEADLINES)
def test_deadline_forms(cell: object, deadline: object) -> None:
    assert read_deadline(cell) == deadline


@pytest.mark.parametrize("cell", ["kurzfristig", "31.02.2024", "13/2024", "Q5 2024", 7, True])
def test_what_is_no_deadline_is_unreadable(cell: object) -> None:
    with pytest.raises(Unreadable):
        read_deadline(cell)


def test_a_period_as_start_is_its_first_day() -> None:
    assert read_date("Q3 2024") == dt.date(2024, 7, 1)
    assert read_date("2023–2025") == dt.date(2023, 1, 1)


STATUSES = [
    ("geplant", "planned"),
    ("offen", "planned"),
    ("in Planung", "planned"),
    ("Nicht begonnen", "planned"),
    ("in Arbeit", "in_progress"),
    ("In Umsetzung", "in_progress"),
    ("Teilweise in Umsetzung (wird noch konkretisiert)", "in_progress"),
    ("umgesetzt", "done"),
    ("erledigt", "done"),
    ("Abgeschlossen.", "done"),
    ("zurückgestellt", "on_hold"),
    ("ausgesetzt", "on_hold"),
    ("verworfen", "cancelled"),
    ("entfallen", "cancelled"),
    ("in_progress", "in_progress"),
    ("on hold", "on_hold"),
]


@pytest.mark.parametrize(("cell", "status"), STATUSES)
def test_status_words(cell: str, status: str) -> None:
    assert read_status(cell) == status


def test_prose_is_no_status() -> None:
    with pytest.raises(Unreadable, match="not a status word"):
        read_status("Erste Abstimmungen wurden initiiert.")


@pytest.mark.parametrize(
    ("cell", "percent"), [("40 %", 40), ("40%", 40), ("0,4", 40), (0.4, 40), (40, 40), ("40", 40)]
)
def test_progress_forms(cell: object, percent: int) -> None:
    assert read_progress(cell) == percent


def test_progress_of_excel_percent_cells_counts_one_as_all() -> None:
    assert read_progress(1, fractions=True) == 100


def test_progress_above_100_is_unreadable() -> None:
    with pytest.raises(Unreadable, match="between 0 and 100"):
        read_progress("140 %")


@pytest.mark.parametrize(
    ("cell", "euros"),
    [
        ("12.000,00 €", 12000.0),
        ("12.000 €", 12000.0),
        ("€ 12.000", 12000.0),
        ("12.000,- €", 12000.0),
        ("1.234,56", 1234.56),
        ("1,5 Mio. €", 1_500_000.0),
        ("50 T€", 50_000.0),
        (12000, 12000.0),
    ],
)
def test_amounts_in_german_notation(cell: object, euros: float) -> None:
    assert read_amount(cell) == euros


def test_id_lists_in_one_cell() -> None:
    assert split_list("4-16-27", "-") == ["4", "16", "27"]
    assert split_list(23, "-") == ["23"]
    assert split_list("FB1, FB2; KRZ") == ["FB1", "FB2", "KRZ"]


@pytest.mark.parametrize(
    ("header", "one_line", "target"),
    [
        ("Fort-\nschritt", "Fortschritt", "progress"),
        ("Frist-\nverschie-\nbungen", "Fristverschiebungen", "ignore"),
        ("Frist (beschlos-\nsen)", "Frist (beschlossen)", "deadline"),
        ("Haushalts-\nmittel", "Haushaltsmittel", "budget"),
        ("Betei-\nligte", "Beteiligte", "contributors"),
        ("Prio-\nrität", "Priorität", "priority"),
        ("Frist\n(aktuell)", "Frist (aktuell)", "current_deadline"),
        ("Pro-\ngress", "Progress", "progress"),
        ("E-\nGovernment", "E-Government", None),
        ("Förder\u00admittel", "Fördermittel", "funding"),
        ("Feld", "Feld", "field"),
    ],
)
def test_headers_broken_over_lines_read_as_one_word(
    header: str, one_line: str, target: str | None
) -> None:
    assert unbreak(header) == one_line
    assert target_of(header) == target
    assert map_header(1, [header]).columns[0].header == one_line


@pytest.mark.parametrize(
    ("day", "number_format", "deadline"),
    [
        (dt.datetime(2024, 9, 30), '"Q3/"YYYY', "2024-Q3"),  # the committee workbook's forms
        (dt.datetime(2024, 12, 31), '"2. Hj. "YYYY', "2024-H2"),
        (dt.datetime(2024, 6, 30), '"H1/"YYYY', "2024-H1"),
        (dt.datetime(2025, 6, 30), "MM/YYYY", "2025-06"),
        (dt.datetime(2025, 12, 31), "YYYY", "2025"),
        (dt.datetime(2025, 3, 31), "mmm-yy", "2025-03"),  # Excel's built-in month format
        (dt.datetime(2025, 3, 31), "[$-407]mmmm yyyy", "2025-03"),
        (dt.datetime(2025, 12, 31), '"Ende "yyyy', "2025"),
        (
            dt.datetime(2024, 9, 30),
            '"Q1/"YYYY',
            dt.date(2024, 9, 30),
        ),  # shows a quarter it is not in
        (dt.datetime(2024, 9, 30), "DD.MM.YYYY", dt.date(2024, 9, 30)),
        (dt.datetime(2024, 9, 30), "hh:mm", dt.date(2024, 9, 30)),
    ],
)
def test_a_date_cell_formatted_as_a_period_is_that_period(
    day: dt.datetime, number_format: str, deadline: object
) -> None:
    cell = ShownDate.of(day, number_format)
    assert read_deadline(cell) == deadline
    assert read_date(cell) == day.date()  # as a start or an update's date it is its day


@pytest.mark.parametrize(
    ("cell", "funding", "ends"),
    [
        ("Digitalpakt Schule (bis 31.12.2024)", "Digitalpakt Schule", dt.date(2024, 12, 31)),
        ("EFRE (until 2025-06-30)", "EFRE", dt.date(2025, 6, 30)),
        ("(bis 31.12.2024)", None, dt.date(2024, 12, 31)),
        ("Förderprogramm (bis auf Weiteres)", "Förderprogramm (bis auf Weiteres)", None),
        ("Land NRW (50 %)", "Land NRW (50 %)", None),
    ],
)
def test_funding_with_its_end_in_brackets(cell: str, funding: str | None, ends: object) -> None:
    draft = Draft("1", None, "", "")
    fill(draft, "funding", Cell("F", 2, "Förderung", cell), Reading([]))
    assert draft.values.get("funding") == funding
    assert draft.values.get("funding_ends") == ends
