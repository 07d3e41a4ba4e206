"""The errors a caller of the services may need to tell apart, in one place."""

from meetingtui.services.amend import MeetingNotFound
from meetingtui.store.db import StoreError

__all__ = ["MeetingNotFound", "StoreError"]
