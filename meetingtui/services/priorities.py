"""The focus areas (EST chooses three each quarter): each meeting keeps the ones it set or
confirmed, so a later meeting's choice never changes an earlier meeting's minutes."""

from __future__ import annotations

from meetingtui.model import MeetingStatus, Priority
from meetingtui.services.amend import note_change
from meetingtui.services.meetings import get_meeting
from meetingtui.services.workspace import Workspace
from meetingtui.store import priorities as rows

MAX_PRIORITIES = 3


def priorities_for_meeting(ws: Workspace, meeting_id: int) -> list[Priority]:
    """The meeting's own; for a meeting not yet started, those in force (the last meeting's)."""
    own = rows.priorities_of(ws.store, meeting_id)
    meeting = get_meeting(ws, meeting_id)
    if own or meeting.status is not MeetingStatus.PLANNED:
        return own  # a started meeting took over the ones in force (`carry_over_priorities`)
    return rows.latest_before(ws.store, meeting.group_id, meeting_id)


def set_priorities(ws: Workspace, meeting_id: int, titles: list[str],
                   base: list[str] | None = None) -> list[Priority]:
    """This meeting's priorities are these (empty titles dropped, at most three). `base`: the
    titles the screen showed; if another program changed them since, `PrioritiesChanged`."""
    meeting = get_meeting(ws, meeting_id)
    wanted = [" ".join(title.split()) for title in titles if title.strip()]
    if len(wanted) > MAX_PRIORITIES:
        raise ValueError(f"At most {MAX_PRIORITIES} priority areas per quarter")
    priorities = [Priority(meeting_id=meeting_id, position=number, title=title)
                  for number, title in enumerate(wanted, start=1)]
    with ws.store.transaction():
        old = [p.title for p in priorities_for_meeting(ws, meeting_id)]
        if base is not None and old != base and old != wanted:
            raise PrioritiesChanged(old)
        note_change(ws, meeting_id, "Prioriterade områden", "; ".join(old), "; ".join(wanted))
        assert meeting.id is not None
        return rows.replace_priorities(ws.store, meeting.id, priorities)


class PrioritiesChanged(Exception):
    """Another program set the priorities since the screen read them; `theirs` are stored."""

    def __init__(self, theirs: list[str]) -> None:
        super().__init__("The priorities were changed in another program: " + "; ".join(theirs))
        self.theirs = theirs
