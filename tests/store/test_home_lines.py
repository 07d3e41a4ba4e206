"""The home screen's lines come from plain SQL (no models, before the first frame): they must
say what the model-based `groups.overviews` says, and the workspace must not need the templates
to produce them."""

from __future__ import annotations

from datetime import date, datetime, time

from meetingtui.model import Measure, MeasureStatus
from meetingtui.services import followup, groups, home, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.store import overview
from tests.conftest import Clock


def _est(ws: Workspace) -> int:
    groups.ensure_groups(ws)
    group = groups.find_group(ws, "EST")
    assert group is not None and group.id is not None
    return group.id


def _as_overview(line: home.GroupLine) -> tuple[object, ...]:
    def ref(meeting: home.MeetingRef | None) -> tuple[int, date, bool] | None:
        return None if meeting is None else (meeting.id, meeting.date, meeting.running)
    return (line.group_id, line.short, line.name, ref(line.upcoming), ref(line.last),
            line.open_measures, line.overdue_measures)


def _from_overviews(ws: Workspace) -> list[tuple[object, ...]]:
    def ref(meeting: object) -> tuple[int, date, bool] | None:
        from meetingtui.model import Meeting, MeetingStatus
        if meeting is None:
            return None
        assert isinstance(meeting, Meeting) and meeting.id is not None
        return meeting.id, meeting.date, meeting.status is MeetingStatus.RUNNING
    return [(v.group.id, v.group.short, v.group.name, ref(v.upcoming), ref(v.last),
             v.open_measures, v.overdue_measures) for v in groups.overviews(ws)]


def test_open_statuses_are_the_models() -> None:
    assert set(overview._OPEN) == {MeasureStatus.NOT_STARTED.value,
                                   MeasureStatus.IN_PROGRESS.value}


def test_lines_match_the_model_overviews(ws: Workspace, clock: Clock) -> None:
    group_id = _est(ws)
    clock.now = datetime(2026, 9, 8, 9, 0)
    closed = meetings.plan_meeting(ws, group_id, date(2026, 9, 8))
    assert closed.id is not None
    meetings.start_meeting(ws, closed.id)
    late = lagesbild.save_measure(ws, Measure(meeting_id=closed.id, text="Byt belysning",
                                              owner="Tekniska", due=date(2026, 10, 1)))
    lagesbild.save_measure(ws, Measure(meeting_id=closed.id, text="Klottersanering",
                                       owner="Bostadsbolaget", due=date(2027, 1, 1)))
    done = lagesbild.save_measure(ws, Measure(meeting_id=closed.id, text="Mer ljus",
                                              owner="Tekniska", due=date(2026, 9, 20)))
    assert done.id is not None and late.id is not None
    followup.record_update(ws, done.id, MeasureStatus.DONE, "Klart")
    meetings.close_meeting(ws, closed.id)
    clock.now = datetime(2026, 10, 13, 9, 0)
    running = meetings.plan_meeting(ws, group_id, date(2026, 10, 13), start=time(9, 0))
    assert running.id is not None
    meetings.start_meeting(ws, running.id)
    meetings.plan_meeting(ws, group_id, date(2026, 11, 10))
    clock.now = datetime(2026, 11, 23, 9, 0)  # the running one is in the past: still upcoming

    lines = home.lines(ws)
    assert [_as_overview(line) for line in lines] == _from_overviews(ws)
    est = next(line for line in lines if line.group_id == group_id)
    assert est.upcoming is not None and est.upcoming.id == running.id and est.upcoming.running
    assert est.last is not None and est.last.id == closed.id
    assert (est.open_measures, est.overdue_measures) == (2, 1)


def test_lines_without_templates_show_the_stored_groups(ws: Workspace) -> None:
    fresh = Workspace(ws.store, None, ws.locations, ws.clock)
    assert home.lines(fresh) == [] and not fresh.templates_loaded  # nothing stored yet
    assert home.add_missing_groups(fresh) and fresh.templates_loaded
    assert [line.short for line in home.lines(fresh)] == [g.short for g in groups.ensure_groups(ws)]
    assert not home.add_missing_groups(fresh)


def test_a_measure_due_today_is_not_yet_overdue(ws: Workspace, clock: Clock) -> None:
    """Overdue is after the due date: on the home screen's line and in the model's overview, a
    measure due yesterday counts, one due today or tomorrow does not (yet)."""
    group_id = _est(ws)
    clock.now = datetime(2026, 9, 8, 9, 0)
    meeting = meetings.plan_meeting(ws, group_id, date(2026, 9, 8))
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    for text, due in (("I går", date(2026, 10, 4)), ("I dag", date(2026, 10, 5)),
                      ("I morgon", date(2026, 10, 6))):
        lagesbild.save_measure(ws, Measure(meeting_id=meeting.id, text=text, owner="Tekniska",
                                           due=due))
    clock.now = datetime(2026, 10, 5, 23, 59)
    [line] = [line for line in home.lines(ws) if line.group_id == group_id]
    assert (line.open_measures, line.overdue_measures) == (3, 1)
    [view] = [v for v in groups.overviews(ws) if v.group.id == group_id]
    assert (view.open_measures, view.overdue_measures) == (3, 1)
