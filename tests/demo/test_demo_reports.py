"""The demo's reports between meetings (issue 16 §1): EST's members report between meetings;
the recent meetings took them up, added them to a problem or rejected them, and the next
meeting has some waiting, none dated after today."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from meetingtui.demo.fill import fill_demo
from meetingtui.model import MeetingStatus, ReportState
from meetingtui.paths import resolve
from meetingtui.services import meetings, reports
from meetingtui.services.groups import ensure_groups
from meetingtui.services.lagesbild import get_observation
from meetingtui.services.workspace import open_workspace

TODAY = datetime(2026, 11, 23, 9, 0)


def test_reports_are_answered_in_past_meetings_and_wait_for_the_next(tmp_path: Path) -> None:
    ws = open_workspace(resolve(db=tmp_path / "t.db"), clock=lambda: TODAY)
    fill_demo(ws, years=1, seed=1)
    est = next(g for g in ensure_groups(ws) if g.short == "EST")
    assert est.id is not None
    waiting = reports.waiting(ws, est.id)
    assert waiting and all(r.reported_at <= TODAY for r in waiting)
    answered = [r for m in meetings.list_meetings(ws, est.id)
                for r in reports.of_meeting(ws, m.id or 0) if r.state]
    assert {r.state for r in answered} == {ReportState.ACCEPTED, ReportState.MERGED,
                                           ReportState.REJECTED}
    for report in answered:
        meeting = meetings.get_meeting(ws, report.meeting_id or 0)
        assert meeting.status is MeetingStatus.CLOSED and meeting.group_id == est.id
        assert report.reported_at.date() < meeting.date
        if report.state is ReportState.REJECTED:
            assert report.reason and report.observation_id is None
        else:
            observation = get_observation(ws, report.observation_id or 0)
            assert observation.meeting_id == meeting.id
            assert report.description in observation.description
            assert observation.confidential or not report.confidential
    assert any(r.confidential for r in answered + waiting)
    ws.close()
