"""The report core that status and export share: the day changes count from, totals, actions."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from massnahmen.load import load_plan
from massnahmen.model import Plan
from massnahmen.report import (
    SinceError,
    build_report,
    describe_all,
    is_added,
    progress_of,
    resolve_since,
)
from tests.conftest import DATA, run

AS_OF = dt.date(2024, 7, 1)


@pytest.fixture(scope="module")
def plan() -> Plan:
    found = load_plan(DATA / "report" / "plan.toml").plan
    assert found is not None
    return found


def test_previous_meeting_is_the_last_one_strictly_before_the_day(plan: Plan) -> None:
    since = resolve_since(plan, AS_OF, meeting="previous")
    assert since is not None and since.day == dt.date(2024, 6, 11)
    on_the_day = resolve_since(plan, dt.date(2024, 6, 11), meeting="previous")
    assert on_the_day is not None and on_the_day.day == dt.date(2024, 3, 5)


def test_export_defaults_to_the_previous_meeting_status_to_none(plan: Plan) -> None:
    assert resolve_since(plan, AS_OF) is None
    since = resolve_since(plan, AS_OF, default_previous=True)
    assert since is not None and since.meeting is not None and since.meeting.committee == "HFA"


def test_since_names_the_meeting_held_that_day(plan: Plan) -> None:
    since = resolve_since(plan, AS_OF, since=dt.date(2024, 3, 5))
    assert since is not None and since.meeting is not None
    other_day = resolve_since(plan, AS_OF, since=dt.date(2024, 3, 6))
    assert other_day is not None and other_day.meeting is None


@pytest.mark.parametrize(
    ("since", "meeting", "message"),
    [
        (dt.date(2024, 1, 1), "previous", "not both"),
        (dt.date(2024, 8, 1), None, "after the as-of date"),
        (None, "2024-04-01", "no meeting on 2024-04-01"),
        (None, "2024-09-17", "after the as-of date"),
        (None, "last", 'takes "previous" or a date'),
    ],
)
@pytest.mark.usefixtures("english")
def test_impossible_since_is_an_error(
    plan: Plan, since: dt.date | None, meeting: str | None, message: str
) -> None:
    with pytest.raises(SinceError, match=message):
        resolve_since(plan, AS_OF, since, meeting)


def test_report_is_for_the_next_meeting_on_or_after_the_day(plan: Plan) -> None:
    meeting = build_report(plan, AS_OF).meeting
    assert meeting is not None and meeting.date == dt.date(2024, 9, 17)
    on_the_day = build_report(plan, dt.date(2024, 6, 11)).meeting
    assert on_the_day is not None and on_the_day.date == dt.date(2024, 6, 11)


def test_totals_and_average_progress_leave_out_cancelled(plan: Plan) -> None:
    totals = build_report(plan, AS_OF).totals
    assert totals.measures == 4 and totals.open == 3 and totals.overdue == 1
    assert dict(totals.by_light) == {"red": 1, "yellow": 1, "green": 1}
    assert totals.average_progress == pytest.approx((50 + 100 + 20 + 0) / 4)
    assert totals.budget == pytest.approx(178000.5)


def test_done_without_progress_counts_as_complete(plan: Plan) -> None:
    done = plan.measures[1].model_copy(update={"progress": None})
    assert progress_of(done) == 100
    assert progress_of(plan.measures[3]) == 0


def test_actions_come_from_plan_state_in_deadline_order(plan: Plan) -> None:
    actions = build_report(plan, AS_OF).actions
    assert [(a.measure.id, a.kind, a.days_late) for a in actions] == [
        ("VW-01", "overdue", 31),
        ("BI-01", "due_soon", None),
    ]
    assert describe_all(actions[1], "en") == "due in 9 days; no update for 122 days"


def test_actions_agree_with_check(plan: Plan) -> None:
    """Every overdue, due-soon and stale measure of `check` is on the action list."""
    result = run("check", DATA / "report" / "plan.toml", "--as-of", "2024-07-01", "-f", "json")
    flagged = {
        f["subject"]
        for f in json.loads(result.stdout)["findings"]
        if f["code"] in ("W201", "W202", "W203")
    }
    assert flagged == {a.measure.id for a in build_report(plan, AS_OF).actions}


def test_a_measure_is_added_when_first_known_after_the_day(plan: Plan) -> None:
    since = dt.date(2024, 6, 11)
    assert [m.id for m in plan.measures if is_added(m, since, AS_OF)] == ["BI-02"]
    assert not is_added(plan.measures[3], since, dt.date(2024, 6, 14))  # starts after as-of


def test_changes_carry_status_progress_and_deadline_across_updates(plan: Plan) -> None:
    since = resolve_since(plan, AS_OF, meeting="previous")
    changes = build_report(plan, AS_OF, since).changes
    assert changes is not None
    assert (changes.updates, changes.updated, changes.added) == (2, 2, 1)
    assert (changes.completed, changes.moves) == (1, 1)
    moved = changes.measures[0].updates[0]
    assert moved.before.status == moved.after.status == "in_progress"  # kept, not set
    assert (moved.before.progress, moved.after.progress) == (30, 50)
    assert moved.moves_deadline


def test_owners_in_plan_order_with_their_counts(plan: Plan) -> None:
    owners = build_report(plan, AS_OF).owners
    assert [(o.owner.id if o.owner else None, o.tally.open) for o in owners] == [
        ("FB1", 1),
        ("FB2", 2),
    ]


def test_budget_reservations(plan: Plan) -> None:
    assert [m.id for m in build_report(plan, AS_OF).reserved] == ["BI-01"]
