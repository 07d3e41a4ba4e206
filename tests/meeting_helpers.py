"""Meetings as tests need them: EST's meeting on a given day, planned and started."""

from __future__ import annotations

from datetime import date, datetime, time

from meetingtui.services import groups, meetings
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock


def est_group(ws: Workspace) -> int:
    group = next(g for g in groups.ensure_groups(ws) if g.short == "EST")
    assert group.id is not None
    return group.id


def start_est_meeting(ws: Workspace, clock: Clock, day: date, at: time = time(9, 0)) -> int:
    """EST's meeting of `day`, started at `at` (the clock is set to it): what the previous
    meeting left open comes along."""
    clock.now = datetime.combine(day, at)
    meeting = meetings.plan_meeting(ws, est_group(ws), day, start=at)
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return meeting.id
