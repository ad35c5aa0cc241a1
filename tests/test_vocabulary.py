"""The one vocabulary: every form an officer writes, what it reads as, and how a refusal reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from massnahmen import words
from massnahmen.deadline import parse_deadline
from massnahmen.model import STATUSES
from massnahmen.vocabulary import (
    NotUnderstood,
    read_amount,
    read_date,
    read_deadline,
    read_flag,
    read_light,
    read_priority,
    read_progress,
    read_rating,
    read_span,
    read_status,
)
from tests.strategies import dates, deadlines

HORIZONS = ("kurzfristig", "mittelfristig", "langfristig")


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("31.12.2027", dt.date(2027, 12, 31)),
        ("2027-12-31", dt.date(2027, 12, 31)),
        ("1.3.2025", dt.date(2025, 3, 1)),
        ("1.6.24", dt.date(2024, 6, 1)),
        (" 18.03.2025 ", dt.date(2025, 3, 18)),
        ("31. Dezember 2027", dt.date(2027, 12, 31)),
        ("1. Mär. 2025", dt.date(2025, 3, 1)),
        (dt.datetime(2026, 12, 31, 0, 0), dt.date(2026, 12, 31)),  # a spreadsheet's date cell
        (dt.date(2026, 12, 31), dt.date(2026, 12, 31)),
    ],
)
def test_date_forms(written: object, day: dt.date) -> None:
    assert read_date(written) == day


DEADLINES: list[tuple[object, object]] = [
    ("31.12.2027", dt.date(2027, 12, 31)),
    ("2027-12-31", dt.date(2027, 12, 31)),
    ("2027", "2027"),
    (2027, "2027"),
    ("Ende 2028", "2028"),
    ("bis Ende 2028", "2028"),
    ("end of 2028", "2028"),
    ("Q3 2027", "2027-Q3"),
    ("Q3/2027", "2027-Q3"),
    ("3. Quartal 2027", "2027-Q3"),
    ("III. Quartal 2027", "2027-Q3"),
    ("III/2027", "2027-Q3"),
    ("2. Hj. 2027", "2027-H2"),
    ("2. Halbjahr 2027", "2027-H2"),
    ("H2/2027", "2027-H2"),
    ("06/2027", "2027-06"),
    ("Juni 2027", "2027-06"),
    ("Ende Juni 2027", "2027-06"),
    ("laufend", "ongoing"),
    ("Daueraufgabe", "ongoing"),
    ("ongoing", "ongoing"),
    ("2027-Q3", "2027-Q3"),
    ("2027-h2", "2027-H2"),
    ("2027-06", "2027-06"),
    ("Mittelfristig", "mittelfristig"),  # a horizon of the plan, as the plan names it
]


@pytest.mark.parametrize(("written", "deadline"), DEADLINES)
def test_deadline_forms(written: object, deadline: object) -> None:
    assert read_deadline(written, HORIZONS) == deadline


def test_a_span_is_due_at_its_end_and_starts_with_its_first_year() -> None:
    assert read_span("2025–2027") == ("2027", dt.date(2025, 1, 1))


def test_a_horizon_is_no_deadline_where_the_plan_has_none() -> None:
    with pytest.raises(NotUnderstood):
        read_deadline("mittelfristig")


AMOUNTS: list[tuple[object, float]] = [
    ("45.000", 45000),
    ("45.000,50 €", 45000.5),
    ("1.234.567", 1234567),
    ("12.000,00", 12000),
    ("45000", 45000),
    ("45 000", 45000),
    ("EUR 1.500", 1500),
    ("1.500", 1500),
    ("1,5 Mio.", 1_500_000),
    ("50 T€", 50_000),
    ("12.000,- €", 12000),
    ("0,50", 0.5),
    ("12000.50", 12000.5),  # four digits before the point: no German grouping, a decimal point
    (12000, 12000),
    (0.5, 0.5),
]


@pytest.mark.parametrize(("written", "euros"), AMOUNTS)
def test_amounts_are_read_the_german_way(written: object, euros: float) -> None:
    assert read_amount(written) == euros


@pytest.mark.parametrize(
    ("written", "readings"),
    [("1,500", (1500, 1.5)), ("1.5", (1500, 1.5)), ("1.50", (1500, 1.5)), ("3,000 €", (3000, 3))],
)
def test_an_ambiguous_amount_is_refused_with_its_two_readings(
    written: str, readings: tuple[float, float]
) -> None:
    with pytest.raises(NotUnderstood) as refusal:
        read_amount(written)
    assert refusal.value.readings == readings


CHOICES: list[tuple[Callable[[object], object], object, str]] = [
    *[(read_status, word, "done") for word in ("erledigt", "umgesetzt", "abgeschlossen")],
    *[(read_status, word, "done") for word in ("fertig", "Erledigt.", "DONE")],
    *[(read_status, word, "in_progress") for word in ("in Umsetzung", "in  arbeit")],
    *[(read_status, word, "in_progress") for word in ("begonnen", "in_progress", "in-progress")],
    *[(read_status, word, "planned") for word in ("geplant", "offen", "planned")],
    *[(read_status, word, "on_hold") for word in ("zurückgestellt", "pausiert", "on hold")],
    *[(read_status, word, "cancelled") for word in ("verworfen", "gestrichen", "cancelled")],
    *[(read_priority, word, "high") for word in ("hoch", "High", "1", 1)],
    *[(read_priority, word, "medium") for word in ("mittel", "medium", "2")],
    *[(read_priority, word, "low") for word in ("niedrig", "low", "3")],
    *[(read_rating, word, "green") for word in ("grün", "Gruen", "green")],
    *[(read_rating, word, "yellow") for word in ("gelb", "yellow")],
    *[(read_light, word, "red") for word in ("rot", "Rot", "red")],
    *[(read_flag, word, True) for word in ("ja", "x", "yes", True)],
    *[(read_flag, word, False) for word in ("nein", "no", False)],
]


@pytest.mark.parametrize(("read", "written", "value"), CHOICES)
def test_words_for_a_choice(read: Callable[[object], object], written: object, value: str) -> None:
    assert read(written) == value


@pytest.mark.parametrize(
    ("written", "percent"),
    [("45", 45), ("45 %", 45), ("45%", 45), ("45 Prozent", 45), ("0,45", 45), (0.45, 45), (1, 1)],
)
def test_progress_forms(written: object, percent: int) -> None:
    assert read_progress(written) == percent


REFUSALS: list[tuple[Callable[[object], object], str, str, str]] = [
    (
        read_date,
        "31.13.2027",
        "„31.13.2027“ ist kein Datum (13 ist kein Monat); geschrieben wie 31.12.2027 oder "
        "2027-12-31",
        '"31.13.2027" is not a date (13 is not a month); written as 2027-12-31 or 31.12.2027',
    ),
    (
        read_date,
        "gestern",
        "„gestern“ ist kein Datum; geschrieben wie 31.12.2027 oder 2027-12-31",
        '"gestern" is not a date; written as 2027-12-31 or 31.12.2027',
    ),
    (
        read_date,
        "30.02.2027",
        "„30.02.2027“ ist kein Datum (diesen Tag gibt es nicht); geschrieben wie 31.12.2027 oder "
        "2027-12-31",
        '"30.02.2027" is not a date (no such day); written as 2027-12-31 or 31.12.2027',
    ),
    (
        read_deadline,
        "Q5 2027",
        "„Q5 2027“ ist keine Frist; geschrieben wie 31.12.2027, 2027, Ende 2027, Q3 2027, "
        "2. Hj. 2027, 06/2027 oder laufend",
        '"Q5 2027" is not a deadline; written as 2027-12-31, 2027, end 2027, Q3 2027, H2 2027, '
        "06/2027 or ongoing",
    ),
    (
        read_deadline,
        "lafend",
        "„lafend“ ist keine Frist; meinen Sie „laufend“?",
        '"lafend" is not a deadline; did you mean "laufend"?',
    ),
    (
        read_deadline,
        "Ende 1850",
        "„Ende 1850“ ist keine Frist (das Jahr 1850 ist nicht plausibel); geschrieben wie "
        "31.12.2027, 2027, Ende 2027, Q3 2027, 2. Hj. 2027, 06/2027 oder laufend",
        '"Ende 1850" is not a deadline (the year 1850 is not plausible); written as 2027-12-31, '
        "2027, end 2027, Q3 2027, H2 2027, 06/2027 or ongoing",
    ),
    (
        read_amount,
        "1,500",
        "„1,500“ ist mehrdeutig: 1500 € oder 1,50 €? Schreiben Sie 1.500,00 oder 1,50",
        '"1,500" is ambiguous: 1500 € or 1.50 €? Write 1.500,00 or 1,50 (the point groups '
        "thousands, the comma marks cents)",
    ),
    (
        read_amount,
        "1,234,567",
        "„1,234,567“ ist kein Betrag in Euro; meinen Sie „1.234.567“?",
        '"1,234,567" is not an amount in euros; did you mean "1.234.567"?',
    ),
    (
        read_amount,
        "viel",
        "„viel“ ist kein Betrag in Euro; geschrieben wie 45.000, 45.000,50 € oder 1,5 Mio.",
        '"viel" is not an amount in euros; written the German way: 45.000, 45.000,50 € or 1,5 Mio.',
    ),
    (
        read_status,
        "erledig",
        "„erledig“ ist kein Status; meinen Sie „erledigt“?",
        '"erledig" is not a status; did you mean "erledigt"?',
    ),
    (
        read_status,
        "bald",
        "„bald“ ist kein Status; geschrieben wie geplant, in Umsetzung, umgesetzt, zurückgestellt "
        "oder verworfen",
        '"bald" is not a status; written as planned, in progress, done, on hold or cancelled',
    ),
    (
        read_priority,
        "dringend",
        "„dringend“ ist keine Priorität; geschrieben wie hoch, mittel oder niedrig",
        '"dringend" is not a priority; written as high, medium or low',
    ),
    (
        read_rating,
        "blau",
        "„blau“ ist keine Einschätzung; geschrieben wie grün, gelb oder rot",
        '"blau" is not a rating; written as green, yellow or red',
    ),
    (
        read_light,
        "lila",
        "„lila“ ist keine Ampelfarbe; geschrieben wie grün, gelb, rot oder ohne Frist",
        '"lila" is not a traffic light; written as green, yellow, red or no deadline',
    ),
    (
        read_progress,
        "150 %",
        "„150 %“ ist kein Fortschritt in Prozent (ein Anteil liegt zwischen 0 und 100); "
        "geschrieben wie 45 oder 45 %, von 0 bis 100",
        '"150 %" is not a percentage (a percentage must lie between 0 and 100); written as 45 or '
        "45 %, from 0 to 100",
    ),
    (
        read_flag,
        "vielleicht",
        "„vielleicht“ ist weder ja noch nein; geschrieben wie ja oder nein",
        '"vielleicht" is neither yes nor no; written as yes or no',
    ),
]


@pytest.mark.parametrize(("read", "written", "german", "english"), REFUSALS)
def test_a_refusal_says_what_was_given_and_what_to_write(
    read: Callable[[object], object], written: str, german: str, english: str
) -> None:
    with pytest.raises(NotUnderstood) as refusal:
        read(written)
    assert str(refusal.value) == german  # German by default
    with words.language("en"):
        assert str(refusal.value) == english


def test_a_refusal_offers_the_plans_horizons() -> None:
    with pytest.raises(NotUnderstood) as refusal:
        read_deadline("bald", HORIZONS)
    assert refusal.value.message("de").endswith(
        "oder als Zeithorizont des Plans: kurzfristig, mittelfristig, langfristig"
    )
    with pytest.raises(NotUnderstood, match="mittelfristig"):
        read_deadline("mittelfirstig", HORIZONS)


HUGE = ["1" + ",000" * 1500, "9" * 5000, "(" * 20_000]  # refused at once, not a crash or a hang


@pytest.mark.parametrize("written", [None, True, [], "", "   ", 1e999, *HUGE])
def test_no_reader_takes_what_is_no_value(written: object) -> None:
    for read in (read_date, read_deadline, read_amount, read_status, read_progress):
        with pytest.raises(NotUnderstood):
            read(written)


# --- what is written the German way reads back the same ------------------------------------------


@given(dates)
def test_a_date_written_the_german_way_reads_back(day: dt.date) -> None:
    for written in (f"{day:%d.%m.%Y}", f"{day.day}.{day.month}.{day.year}", day.isoformat()):
        assert read_date(written) == day


cents = st.integers(0, 10**13)


@given(cents)
def test_an_amount_written_the_german_way_reads_back(amount: int) -> None:
    whole, part = divmod(amount, 100)
    grouped = f"{whole:,}".replace(",", ".")
    for written in (f"{grouped},{part:02d}", f"{whole},{part:02d} €", f"{grouped},{part:02d} €"):
        assert read_amount(written) == amount / 100
    assert read_amount(grouped) == whole


@given(deadlines)
def test_a_deadline_as_the_tool_shows_it_reads_back(form: object) -> None:
    deadline = parse_deadline(form)
    for lang in words.LANGS:
        assert read_deadline(deadline.display(lang)) == form
    assert read_deadline(form) == form


def test_every_label_the_tool_shows_reads_back() -> None:
    for lang in words.LANGS:
        for status in STATUSES:
            assert read_status(words.label(status, lang)) == status
        for priority in ("high", "medium", "low"):
            assert read_priority(words.label(priority, lang)) == priority
        for colour in ("green", "yellow", "red"):
            assert read_rating(words.label(colour, lang)) == colour


@given(st.integers(0, 100))
def test_progress_written_with_or_without_its_sign_reads_back(percent: int) -> None:
    for written in (str(percent), f"{percent} %", f"{percent}%"):
        assert read_progress(written) == percent
