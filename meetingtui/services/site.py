"""What the published site (`meetingtui publish`) is made of, read at once: the open measures
(public: without the confidential ones), each one's observation and history, the groups and
their meetings. The minutes themselves are loaded by `services.record`, meeting by meeting.
Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from meetingtui.services.actions import ActionFilters, ActionList, action_file_list
from meetingtui.store import actions as action_rows
from meetingtui.store.meeting_list import MeetingRow, meeting_rows
from meetingtui.store.site import (
    ObservationText,
    UpdateRow,
    observations_of_measures,
    updates_of_measures,
)

if TYPE_CHECKING:
    from meetingtui.services.workspace import Workspace

__all__ = ["MeetingRow", "ObservationText", "SiteGroup", "SiteSource", "UpdateRow",
           "read_site"]


@dataclass(frozen=True)
class SiteGroup:
    id: int
    short: str
    name: str
    meetings: list[MeetingRow]  # oldest first
    template_id: str = ""


@dataclass(frozen=True)
class SiteSource:
    actions: ActionList  # the open measures, overdue first
    observations: dict[int, ObservationText]  # by measure id
    history: dict[int, list[UpdateRow]]  # by measure id, oldest first
    groups: list[SiteGroup]  # the groups that have met or own a measure, in the order made


def read_site(ws: Workspace, *, internal: bool) -> SiteSource:
    """Everything the site's pages show but the minutes; without ``internal`` nothing
    confidential (no confidential measure, nor the observation of one)."""
    actions = action_file_list(ws, ActionFilters(status="open", public=not internal))
    conn = ws.store.conn
    ids = [row.id for row in actions.rows]
    meetings: dict[int, list[MeetingRow]] = {}
    for meeting in meeting_rows(conn):
        meetings.setdefault(meeting.group_id, []).append(meeting)
    owning = {row.group_id for row in actions.rows}
    groups = [SiteGroup(group_id, short, name, meetings.get(group_id, []), template_id)
              for group_id, template_id, short, name in action_rows.groups(conn)
              if group_id in meetings or group_id in owning]
    return SiteSource(actions, observations_of_measures(conn, ids, public=not internal),
                      updates_of_measures(conn, ids), groups)
