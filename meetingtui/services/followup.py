"""Following up measures: every status change is an update with who, when, where and why."""

from __future__ import annotations

from datetime import date

from meetingtui.model import FollowUp, MeasureStatus, MeasureUpdate
from meetingtui.services.amend import note_change
from meetingtui.services.groups import get_group
from meetingtui.services.meetings import get_meeting
from meetingtui.services.workspace import Workspace
from meetingtui.store import measures as measure_rows
from meetingtui.store.meetings import frozen_at
from meetingtui.store.rows import Gone


def record_update(
    ws: Workspace, measure_id: int, new_status: MeasureStatus, comment: str = "",
    *, meeting_id: int | None = None, by: str = "",
) -> MeasureUpdate:
    """Old → new, in this meeting or outside one. A comment alone keeps the status. In a closed
    meeting only as an amendment (`services.amend`)."""
    measure = measure_rows.get_measure(ws.store, measure_id)
    if measure is None:
        raise Gone("measures", measure_id)
    update = MeasureUpdate(
        measure_id=measure_id, meeting_id=meeting_id, at=ws.now(),
        old_status=measure.status, new_status=new_status, comment=comment, by=by,
    )
    with ws.store.transaction():
        if meeting_id is not None:
            note_change(ws, meeting_id, f"Uppföljning av åtgärd {measure_id}",
                        measure.status.value, f"{new_status.value} {comment}".strip())
        return measure_rows.insert_update(ws.store, update)


def history(ws: Workspace, measure_id: int) -> list[MeasureUpdate]:
    return measure_rows.updates_of(ws.store, measure_id)


def meeting_dates(ws: Workspace, updates: list[MeasureUpdate]) -> dict[int, date]:
    """The date of each meeting the updates were recorded in (a history shows "möte 10 mars",
    not a meeting's number)."""
    ids = {u.meeting_id for u in updates if u.meeting_id is not None}
    return {meeting_id: get_meeting(ws, meeting_id).date for meeting_id in ids}


def followups(ws: Workspace, meeting_id: int) -> list[FollowUp]:
    """Earlier measures of the group still open at this meeting, with what it recorded; for a
    closed meeting, as they stood when it closed (later meetings' follow-ups are theirs)."""
    meeting = get_meeting(ws, meeting_id)
    assert meeting.id is not None
    group = get_group(ws, meeting.group_id)
    updates = {u.measure_id: u for u in measure_rows.updates_in_meeting(ws.store, meeting_id)}
    frozen = frozen_at(ws.store, meeting_id)
    origins: dict[int, date] = {}
    result = []
    for measure in measure_rows.open_measures_before(
        ws.store, meeting.group_id, meeting.date, meeting.id, frozen
    ):
        assert measure.id is not None
        if measure.meeting_id not in origins:
            origins[measure.meeting_id] = get_meeting(ws, measure.meeting_id).date
        result.append(FollowUp(measure=measure, group_short=group.short,
                               decided_on=origins[measure.meeting_id],
                               update=updates.get(measure.id)))
    return result
