"""Elapsed time per agenda item and for the whole meeting, from the workspace clock."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the home screen uses fit(): its first frame does not wait for pydantic
    from meetingtui.model import AgendaItem, Meeting


def item_minutes(item: AgendaItem, now: datetime) -> int:
    if item.started_at is None:
        return 0
    end = item.ended_at or now
    return max(0, int((end - item.started_at).total_seconds() // 60))


def meeting_minutes(meeting: Meeting, now: datetime) -> int:
    if meeting.start is None:
        return 0
    start = datetime.combine(meeting.date, meeting.start)
    end = datetime.combine(meeting.date, meeting.end) if meeting.end else now
    return max(0, int((end - start).total_seconds() // 60))


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def planned_total(items: list[AgendaItem]) -> int:
    return sum(item.minutes or 0 for item in items)


def fit(text: str, width: int) -> str:
    """One line of at most `width` cells (ellipsis when cut)."""
    line = " ".join(text.split())
    if width <= 0:
        return ""
    return line if len(line) <= width else line[: max(0, width - 1)] + "…"


def flex_width(total: int, fixed: list[int], minimum: int = 10) -> int:
    """The width left for one flexible DataTable column beside `fixed` ones (cell padding and
    the scrollbar included), so that the table never scrolls sideways."""
    return max(minimum, total - sum(fixed) - 2 * (len(fixed) + 1) - 2)
