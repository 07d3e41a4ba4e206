"""The errors a caller of the services may need to tell apart, in one place.

Kept free of the models, so that the UI can catch them before pydantic is imported.
"""

from meetingtui.store.db import StoreError


class MeetingNotFound(LookupError):
    pass


__all__ = ["MeetingNotFound", "StoreError"]
