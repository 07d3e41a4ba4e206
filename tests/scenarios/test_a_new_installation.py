"""The minutes of a new installation never name the demo's fictional municipality: until the
municipality gives its name (the app asks on a new database; `meetingtui config set
municipality`), minutes name none; "Exempelkommun" is the demo's alone.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from meetingtui.export.minutes import export_minutes
from meetingtui.paths import resolve
from meetingtui.services import groups, meetings
from meetingtui.services.workspace import open_workspace
from tests.conftest import Clock
from tests.scenarios.helpers import Filed


def test_minutes_of_a_new_installation_never_name_the_demo_municipality(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 10, 15, 9, 0))
    ws = open_workspace(resolve(db=tmp_path / "meetingtui.db", exports=tmp_path / "exports"),
                        clock=clock)
    est = next(g for g in groups.ensure_groups(ws) if g.short == "EST")
    assert est.id is not None
    meeting = meetings.plan_meeting(ws, est.id, date(2026, 10, 14), start=time(13, 0),
                                    end=time(14, 30), place="Kommunhuset")
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    meetings.close_meeting(ws, meeting.id)
    filed = Filed(export_minutes(ws, meeting.id, path=tmp_path / "est.docx").path)
    assert "Exempelkommun" not in filed.header
    assert "Exempelkommun" not in filed.text
