"""Elapsed time per agenda item and for the whole meeting, from the workspace clock."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the home screen uses fit(): its first frame does not wait for pydantic
    from meetingtui.model import AgendaItem


def item_seconds(item: AgendaItem, now: datetime) -> int:
    """The time the item has been the current one in the app, the visit going on included."""
    current = (now - item.shown_since).total_seconds() if item.shown_since else 0
    return item.spent_seconds + max(0, int(current))


def item_minutes(item: AgendaItem, now: datetime) -> int:
    return item_seconds(item, now) // 60


def meeting_minutes(items: list[AgendaItem], now: datetime) -> int:
    """The time the meeting has been open in the app: its items' time added up (not the time
    since its date: a meeting typed in the day after has been open as long as that took)."""
    return sum(item_seconds(item, now) for item in items) // 60


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
