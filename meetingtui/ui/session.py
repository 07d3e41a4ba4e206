"""What every part of the meeting screen shares: the workspace, the meeting and its group."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from meetingtui.model import Group, GroupTemplate, Meeting, MeetingStatus
from meetingtui.services import attendance, groups, meetings
from meetingtui.services.workspace import Workspace


@dataclass
class Session:
    ws: Workspace
    meeting: Meeting
    group: Group

    @classmethod
    def load(cls, ws: Workspace, meeting_id: int) -> Session:
        meeting = meetings.get_meeting(ws, meeting_id)
        return cls(ws, meeting, groups.get_group(ws, meeting.group_id))

    @property
    def template(self) -> GroupTemplate | None:
        """Read on first use (the observation form's categories), not before the meeting's
        first frame: reading the templates imports markdown-it and parses every file."""
        return self.ws.template_of(self.group)

    @property
    def meeting_id(self) -> int:
        assert self.meeting.id is not None
        return self.meeting.id

    @property
    def readonly(self) -> bool:
        """Closed, and not being corrected on purpose (`services.amend.amending`)."""
        return self.meeting.status is MeetingStatus.CLOSED and self.ws.amending is None

    def user(self) -> str:
        """Who is at the keyboard, as far as the app knows: the one correcting a closed
        meeting, else the chair (what confidentiality changes are recorded under)."""
        amending = self.ws.amending
        return amending.by if amending is not None else self.meeting.chair

    def now(self) -> datetime:
        return self.ws.now()

    def today(self) -> date:
        return self.ws.today()

    def categories(self) -> list[str]:
        return list(self.template.categories) if self.template else []

    def people(self) -> dict[str, str]:
        """Names and roles to offer as owners, each with the organisation known for it:
        this meeting's attendance, then the members (`attendance.known_people`)."""
        return attendance.known_people(self.ws, self.meeting_id, self.group.id or 0)
