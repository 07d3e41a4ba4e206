"""Following up measures: every status change is an update with who, when, where and why."""

from __future__ import annotations

from datetime import date

from meetingtui.model import FollowUp, MeasureStatus, MeasureUpdate
from meetingtui.services.groups import get_group
from meetingtui.services.meetings import get_meeting
from meetingtui.services.workspace import Workspace
from meetingtui.store import measures as measure_rows


def record_update(
    ws: Workspace, measure_id: int, new_status: MeasureStatus, comment: str = "",
    *, meeting_id: int | None = None, by: str = "",
) -> MeasureUpdate:
    """Old → new, in this meeting or outside one. A comment alone keeps the status."""
    measure = measure_rows.get_measure(ws.store, measure_id)
    if measure is None:
        raise LookupError(f"No measure with id {measure_id}")
    update = MeasureUpdate(
        measure_id=measure_id, meeting_id=meeting_id, at=ws.now(),
        old_status=measure.status, new_status=new_status, comment=comment, by=by,
    )
    return measure_rows.insert_update(ws.store, update)


def history(ws: Workspace, measure_id: int) -> list[MeasureUpdate]:
    return measure_rows.updates_of(ws.store, measure_id)


def meeting_dates(ws: Workspace, updates: list[MeasureUpdate]) -> dict[int, date]:
    """The date of each meeting the updates were recorded in (a history shows "möte 10 mars",
    not a meeting's number)."""
    ids = {u.meeting_id for u in updates if u.meeting_id is not None}
    return {meeting_id: get_meeting(ws, meeting_id).date for meeting_id in ids}


def followups(ws: Workspace, meeting_id: int) -> list[FollowUp]:
    """Earlier measures of the group still open at this meeting, with what it recorded."""
    meeting = get_meeting(ws, meeting_id)
    assert meeting.id is not None
    group = get_group(ws, meeting.group_id)
    updates = {u.measure_id: u for u in measure_rows.updates_in_meeting(ws.store, meeting_id)}
    result = []
    for measure in measure_rows.open_measures_before(
        ws.store, meeting.group_id, meeting.date, meeting.id
    ):
        assert measure.id is not None
        origin = get_meeting(ws, measure.meeting_id)
        result.append(FollowUp(measure=measure, group_short=group.short,
                               decided_on=origin.date, update=updates.get(measure.id)))
    return result
