"""The errors a caller of the services may need to tell apart, in one place.

Kept free of the models, so that the UI can catch them before pydantic is imported.
"""

from meetingtui.store.conflicts import Conflict, Gone
from meetingtui.store.db import StoreError


class MeetingNotFound(LookupError):
    pass


class MeetingClosed(Exception):
    """The meeting is closed: its content changes only as an amendment, with a reason."""

    def __init__(self, meeting_id: int) -> None:
        super().__init__(f"Meeting {meeting_id} is closed; correct it as an amendment, "
                         "with a reason")
        self.meeting_id = meeting_id


class NotRemovable(Exception):
    """A meeting that holds something (or is no longer planned) is not removed."""


__all__ = ["Conflict", "Gone", "MeetingClosed", "MeetingNotFound", "NotRemovable", "StoreError"]
