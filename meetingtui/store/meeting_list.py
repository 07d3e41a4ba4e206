"""The meetings of a database, oldest first, for `meetingtui meetings`.

Standard library only, on any `sqlite3.Connection`: the command reads a file of the current
schema through a read-only connection (`actions.open_for_reading`), so that it lists a file it may
not write, as `meetingtui actions` does.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple


class MeetingRow(NamedTuple):
    id: int
    group_id: int
    date: str  # ISO, as stored
    start: str | None  # HH:MM:SS, as stored
    end: str | None
    place: str
    status: str


def meeting_rows(conn: sqlite3.Connection, group_id: int | None = None) -> list[MeetingRow]:
    """Every meeting (or one group's), oldest first, as `store.meetings.list_meetings` orders."""
    select = 'SELECT id, group_id, date, start, "end", place, status FROM meetings'
    if group_id is None:
        rows = conn.execute(f"{select} ORDER BY date, id")
    else:
        rows = conn.execute(f"{select} WHERE group_id = ? ORDER BY date, id", [group_id])
    return [MeetingRow(*row) for row in rows]
