"""The home screen's lines: each group with its next and last meeting and its measure counts.

Plain tuples from the connection, no models: this runs before the first frame, and pydantic
costs more to import than the whole query. Every query is bounded by group and seeks an index
(meetings_group_date, meetings_status_date, measures_status_due), so the cost grows with the
number of groups and open measures, not with the years of meetings.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

_OPEN = ("not_started", "in_progress")  # model.MeasureStatus values; a test checks them


@dataclass(frozen=True)
class MeetingRef:
    id: int
    date: date
    running: bool


@dataclass(frozen=True)
class GroupLine:
    group_id: int
    template_id: str
    short: str
    name: str
    upcoming: MeetingRef | None  # the next meeting not closed, today or later, or running
    last: MeetingRef | None  # the last closed meeting
    open_measures: int
    overdue_measures: int
    waiting_reports: int = 0  # reported between meetings, for its next meeting to take up


def group_lines(conn: sqlite3.Connection, today: date) -> list[GroupLine]:
    day = today.isoformat()
    lines = []
    for group_id, template_id, short, name in conn.execute(
            "SELECT id, template_id, short, name FROM groups WHERE archived = 0 "
            "ORDER BY id").fetchall():
        # Two seeks rather than one OR, which read every meeting the group ever had: the
        # running one (if any), and the first not closed from today on; the earlier wins.
        candidates = [m for m in (
            # `+group_id`: seek the few running meetings (meetings_status_date), not the group's
            _meeting(conn, "SELECT id, date, status FROM meetings WHERE status = 'running' "
                           "AND +group_id = ? ORDER BY date, id LIMIT 1", (group_id,)),
            _meeting(conn, "SELECT id, date, status FROM meetings WHERE group_id = ? "
                           "AND date >= ? AND status != 'closed' ORDER BY date, id LIMIT 1",
                     (group_id, day))) if m is not None]
        upcoming = min(candidates, key=lambda m: (m.date, m.id), default=None)
        last = _meeting(conn, "SELECT id, date, status FROM meetings WHERE group_id = ? "
                              "AND status = 'closed' ORDER BY date DESC, id DESC LIMIT 1",
                        (group_id,))
        open_count, overdue = conn.execute(
            "SELECT count(*), coalesce(sum(mc.due IS NOT NULL AND mc.due < ?), 0) "
            "FROM measures_current mc JOIN meetings mt ON mt.id = mc.meeting_id "
            "WHERE mt.group_id = ? AND mc.status IN (?, ?) AND mc.proposal IN ('', 'decided')",
            (day, group_id, *_OPEN)).fetchone()
        waiting = conn.execute(
            "SELECT count(*) FROM reports WHERE group_id = ? AND state = '' "
            "AND deleted_at IS NULL", (group_id,)).fetchone()[0]  # index reports_group_state
        lines.append(GroupLine(group_id, template_id, short, name, upcoming, last,
                               open_count, overdue, waiting))
    return lines


def _meeting(conn: sqlite3.Connection, sql: str, args: tuple[object, ...]) -> MeetingRef | None:
    row = conn.execute(sql, args).fetchone()
    if row is None:
        return None
    return MeetingRef(row[0], date.fromisoformat(row[1]), row[2] == "running")


def agreements_ending(conn: sqlite3.Connection, today: date,
                      days: int) -> list[tuple[str, date]]:
    """(title, last day) of each agreement in force today whose period ends within `days` days
    (the last of them included), the soonest first (index agreements_end)."""
    last = date.fromordinal(today.toordinal() + days)
    rows = conn.execute(
        "SELECT title, period_end FROM agreements WHERE deleted_at IS NULL "
        "AND period_end >= ? AND period_end <= ? AND period_start <= ? "
        "ORDER BY period_end, id", [today.isoformat(), last.isoformat(), today.isoformat()])
    return [(str(title), date.fromisoformat(end)) for title, end in rows]
