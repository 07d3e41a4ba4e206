"""Edits to a closed meeting are allowed, but each leaves an amendment beside the minutes."""

from __future__ import annotations

from meetingtui.model import Amendment, MeetingStatus
from meetingtui.services.errors import MeetingNotFound
from meetingtui.services.workspace import Workspace
from meetingtui.store.amendments import insert_amendment
from meetingtui.store.meetings import get_meeting


def note_change(ws: Workspace, meeting_id: int, what: str, old: str, new: str) -> None:
    """Call inside the transaction that makes the change."""
    meeting = get_meeting(ws.store, meeting_id)
    if meeting is None:
        raise MeetingNotFound(f"No meeting with id {meeting_id}")
    if meeting.status is MeetingStatus.CLOSED and old != new:
        insert_amendment(ws.store, Amendment(
            meeting_id=meeting_id, at=ws.now(), what=what[:200], old=old, new=new,
        ))
