"""Deadlines: every form SPEC allows, its due day, and how it is shown."""

from __future__ import annotations

import datetime as dt

import pytest

from massnahmen.deadline import parse_deadline


@pytest.mark.parametrize(
    ("raw", "due", "german", "english"),
    [
        (dt.date(2024, 9, 30), dt.date(2024, 9, 30), "30.09.2024", "2024-09-30"),
        ("2024", dt.date(2024, 12, 31), "2024", "2024"),
        ("2024-H1", dt.date(2024, 6, 30), "1. Hj. 2024", "H1/2024"),
        ("2024-H2", dt.date(2024, 12, 31), "2. Hj. 2024", "H2/2024"),
        ("2024-Q1", dt.date(2024, 3, 31), "Q1/2024", "Q1/2024"),
        ("2024-Q2", dt.date(2024, 6, 30), "Q2/2024", "Q2/2024"),
        ("2024-02", dt.date(2024, 2, 29), "02/2024", "02/2024"),
        ("2023-02", dt.date(2023, 2, 28), "02/2023", "02/2023"),
        ("2024-06-15", dt.date(2024, 6, 15), "15.06.2024", "2024-06-15"),
    ],
)
def test_deadline_is_due_at_the_end_of_its_period(
    raw: object, due: dt.date, german: str, english: str
) -> None:
    deadline = parse_deadline(raw)
    assert (deadline.due, deadline.display("de"), deadline.display("en")) == (due, german, english)
    assert deadline.raw == raw


def test_ongoing_has_no_due_day() -> None:
    deadline = parse_deadline("ongoing")
    assert deadline.ongoing and deadline.due is None and deadline.display() == "laufend"


@pytest.mark.parametrize("raw", ["2024-Q5", "2024-13", "2024-H3", "Q2/2024", "bald", 2024])
def test_other_values_are_refused_naming_the_forms(raw: object) -> None:
    with pytest.raises(ValueError, match="2024-H1"):
        parse_deadline(raw)


def test_a_date_with_a_time_is_refused() -> None:
    with pytest.raises(ValueError, match="not a date with a time"):
        parse_deadline(dt.datetime(2024, 1, 1, 12, 0))


def test_an_impossible_day_is_refused() -> None:
    with pytest.raises(ValueError, match="2024-02-30 is not a date"):
        parse_deadline("2024-02-30")


@pytest.mark.parametrize(
    ("raw", "begins"),
    [
        ("2024", dt.date(2024, 1, 1)),
        ("2024-H2", dt.date(2024, 7, 1)),
        ("2024-Q3", dt.date(2024, 7, 1)),
        ("2024-02", dt.date(2024, 2, 1)),
        (dt.date(2024, 6, 15), dt.date(2024, 6, 15)),
        ("ongoing", None),
    ],
)
def test_a_period_begins_on_its_first_day(raw: object, begins: dt.date | None) -> None:
    assert parse_deadline(raw).begins == begins
