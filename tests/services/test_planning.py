"""`services.planning`: a year from the group's rhythm and habit, every kind of rhythm."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from meetingtui.dates import holiday_name
from meetingtui.model import Frequency
from meetingtui.services import groups, meetings, planning
from meetingtui.services.workspace import Workspace
from tests.conftest import TEST_TEMPLATE, Clock

TODAY = date(2026, 12, 2)


def _group(ws: Workspace, agendas: Path, short: str, frequency: str, skip: str = "[]") -> int:
    """A group of a template like EST's with its own rhythm (written before the templates are
    read: the workspace reads them on first use)."""
    text = (TEST_TEMPLATE.replace('id = "est"', f'id = "{short.lower()}"')
            .replace('short = "EST"', f'short = "{short}"')
            .replace('frequency = "monthly"', f'frequency = "{frequency}"')
            .replace("skip_months = [7, 12]", f"skip_months = {skip}"))
    (agendas / f"{short.lower()}.md").write_text(text, encoding="utf-8")
    groups.ensure_groups(ws)
    group = groups.find_group(ws, short)
    assert group is not None and group.id is not None
    return group.id


@pytest.mark.parametrize(("frequency", "skip", "count"), [
    ("weekly", "[7]", 48),
    ("biweekly", "[7]", 24),
    ("six-per-year", "[]", 6),
    ("quarterly", "[7]", 4),
    ("twice-yearly", "[]", 2),
])
def test_every_rhythm_plans_its_year_off_holidays(ws: Workspace, test_agendas: Path,
                                                  frequency: str, skip: str, count: int) -> None:
    group_id = _group(ws, test_agendas, "X", frequency, skip)
    days = planning.plan_year(ws, group_id, 2027, TODAY)
    assert abs(len(days) - count) <= 1, days
    assert all(d.year == 2027 and holiday_name(d) is None for d in days)
    assert days == sorted(set(days))
    if skip == "[7]":
        assert all(d.month != 7 for d in days)


def test_a_weekly_group_keeps_its_weekday_through_the_holidays(
        ws: Workspace, test_agendas: Path) -> None:
    """Thursdays: Ascension Day (6 May 2027) moves to Friday, Julafton (Thursday 24 December
    2026) to Monday, Nyårsafton back to Wednesday (January is another month); the week after,
    Thursday again."""
    group_id = _group(ws, test_agendas, "V", "weekly")
    meetings.plan_meeting(ws, group_id, date(2026, 11, 26))  # a Thursday
    days = planning.plan_year(ws, group_id, 2027, TODAY)
    assert date(2027, 5, 7) in days and date(2027, 5, 6) not in days
    assert date(2027, 5, 13) in days
    assert [d for d in days if d.weekday() != 3] == [date(2027, 5, 7)]
    dec = planning.plan_year(ws, group_id, 2026, TODAY)
    assert dec == [date(2026, 12, 3), date(2026, 12, 10), date(2026, 12, 17),
                   date(2026, 12, 28), date(2026, 12, 30)]  # Julafton → Monday, Nyårsafton → Wed


def test_one_moved_meeting_does_not_move_the_year(ws: Workspace, est_id: int) -> None:
    """The second Tuesday, once held on a Wednesday: 2027 is planned on second Tuesdays."""
    for day in (date(2026, 9, 8), date(2026, 10, 14), date(2026, 11, 10)):
        meetings.plan_meeting(ws, est_id, day)
    assert planning.plan_year(ws, est_id, 2027, TODAY)[:3] == [
        date(2027, 1, 12), date(2027, 2, 9), date(2027, 3, 9)]
    meetings.plan_meeting(ws, est_id, date(2026, 11, 12))  # and once more on a Thursday, last
    assert planning.plan_year(ws, est_id, 2027, TODAY)[0] == date(2027, 1, 12)


def test_rhythm_days_are_not_chained_from_moved_ones(ws: Workspace, est_id: int) -> None:
    """First Thursdays: Trettondedag jul is a Wednesday in 2027, Kristi himmelsfärd is 6 May."""
    meetings.plan_meeting(ws, est_id, date(2026, 11, 5))
    plan = planning.year_plan(ws, est_id, 2027, TODAY)
    by_rhythm = {p.rhythm_day: (p.day, p.holiday) for p in plan.new}
    assert by_rhythm[date(2027, 5, 6)] == (date(2027, 5, 7), "Kristi himmelsfärdsdag")
    assert by_rhythm[date(2027, 6, 3)] == (date(2027, 6, 3), None)


def test_a_group_without_its_template_cannot_be_planned(ws: Workspace, est_id: int) -> None:
    group = groups.get_group(ws, est_id)
    del ws.templates.templates["est"]
    with pytest.raises(planning.CannotPlan) as caught:
        planning.year_plan(ws, est_id, 2027, TODAY)
    assert caught.value.reason == "no_template" and caught.value.group == group


def test_the_rhythm_is_read_in_one_place(ws: Workspace, est_id: int,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Groups will carry their own rhythm: `rhythm_of` is the one function to point at it."""
    monkeypatch.setattr(planning, "rhythm_of",
                        lambda ws, group: planning.Rhythm(Frequency.QUARTERLY, ()))
    assert len(planning.plan_year(ws, est_id, 2027, TODAY)) == 4


def test_planning_from_the_home_screen_does_not_drift(ws: Workspace, est_id: int,
                                                     clock: Clock) -> None:
    """propose_date steps in the rhythm from the last meeting and moves only what it proposes:
    the first Thursday of May 2027 is Ascension Day (the meeting would be on Friday 7 May);
    past that, June's is the first Thursday again, not the first Friday."""
    meetings.plan_meeting(ws, est_id, date(2027, 4, 1))
    clock.now = datetime(2027, 4, 2, 9, 0)
    assert meetings.propose_date(ws, est_id) == date(2027, 5, 7)
    clock.now = datetime(2027, 5, 20, 9, 0)
    assert meetings.propose_date(ws, est_id) == date(2027, 6, 3)


@pytest.fixture
def est_id(ws: Workspace) -> int:
    groups.ensure_groups(ws)
    group = groups.find_group(ws, "est")
    assert group is not None and group.id is not None
    return group.id
