"""The quarter's focus areas (EST chooses three each quarter)."""

from __future__ import annotations

from meetingtui.dates import quarter_of
from meetingtui.model import Priority
from meetingtui.services.amend import note_change
from meetingtui.services.meetings import get_meeting
from meetingtui.services.workspace import Workspace
from meetingtui.store import priorities as rows

MAX_PRIORITIES = 3


def priorities_for_meeting(ws: Workspace, meeting_id: int) -> list[Priority]:
    meeting = get_meeting(ws, meeting_id)
    return rows.priorities_of(ws.store, meeting.group_id, quarter_of(meeting.date))


def set_priorities(ws: Workspace, meeting_id: int, titles: list[str]) -> list[Priority]:
    """Replace the quarter's priorities with these (empty titles dropped, at most three)."""
    meeting = get_meeting(ws, meeting_id)
    wanted = [title for title in titles if title.strip()]
    if len(wanted) > MAX_PRIORITIES:
        raise ValueError(f"At most {MAX_PRIORITIES} priority areas per quarter")
    quarter = quarter_of(meeting.date)
    priorities = [
        Priority(group_id=meeting.group_id, quarter=quarter, position=number, title=title,
                 meeting_id=meeting_id)
        for number, title in enumerate(wanted, start=1)
    ]
    old = rows.priorities_of(ws.store, meeting.group_id, quarter)
    with ws.store.transaction():
        note_change(ws, meeting_id, f"Prioriterade områden {quarter}",
                    "; ".join(p.title for p in old), "; ".join(wanted))
        return rows.replace_priorities(ws.store, meeting.group_id, quarter, priorities)
