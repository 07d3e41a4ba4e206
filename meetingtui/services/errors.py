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


class GroupError(ValueError):
    """A group that cannot be added or renamed as asked (`reason`: ``short_taken``,
    ``no_template``), said in the user's words by the caller (`words` fill them in)."""

    def __init__(self, message: str, reason: str, **words: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.words = words


class NotRemovable(Exception):
    """A meeting that holds something (or is no longer planned) is not removed."""


__all__ = ["Conflict", "Gone", "GroupError", "MeetingClosed", "MeetingNotFound", "NotRemovable",
           "StoreError"]
