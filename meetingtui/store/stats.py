"""The rows the figures are counted from: observations, measures and their status history.

Only the standard library's sqlite3, on any connection (a `Store`'s or a read-only one from
`actions.open_for_reading`), so that `meetingtui stats` starts without sqlite-utils and
pydantic. Plain tuples: ten years of rows are read in milliseconds and counted in
`services.stats`.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple


class ObservationRow(NamedTuple):
    problem_id: int  # the first appearance's id: one problem however many meetings carry it
    meeting_date: str  # ISO
    id: int
    area: str
    category: str
    trend: str  # new | rising | unchanged | falling
    confidential: bool


class MeasureRow(NamedTuple):
    id: int
    decided: str  # the date of the meeting that decided it, ISO
    owner: str
    type: str  # situational | social
    due: str | None  # ISO
    confidential: bool


class UpdateRow(NamedTuple):
    measure_id: int
    id: int
    day: str  # ISO: the meeting's date when recorded in one (a follow-up), else the day it was
    status: str


#: Every meeting status (`model.MeetingStatus`; a test checks): named so that a range of
#: dates is found through the (status, date) index, not by reading every meeting.
MEETING_STATUSES = ("planned", "running", "closed")
_IN_RANGE = ("SELECT id, date FROM meetings WHERE status IN ('planned', 'running', 'closed') "
             "AND date BETWEEN :first AND :last AND (:group IS NULL OR group_id = :group)")


def observations(conn: sqlite3.Connection, group_id: int | None, first: str,
                 last: str) -> list[ObservationRow]:
    """Every live observation of meetings dated `first`..`last` (ISO, both included)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(
        "SELECT coalesce(o.problem_id, o.id), m.date, o.id, o.area, o.category, o.trend, "
        f"o.confidential FROM ({_IN_RANGE}) m JOIN observations o ON o.meeting_id = m.id "
        "WHERE o.deleted_at IS NULL",
        {"first": first, "last": last, "group": group_id}).fetchall()
    make = tuple.__new__  # ten years of rows: no call per row
    return [make(ObservationRow, (p, day, i, area, category, trend, bool(secret)))
            for p, day, i, area, category, trend, secret in rows]


def measures(conn: sqlite3.Connection, group_id: int | None, first: str,
             last: str) -> tuple[list[MeasureRow], list[UpdateRow]]:
    """The live measures decided in a meeting dated `last` (ISO) or before that the range
    `first`..`last` can count, and the status history of each: those decided in the range,
    and those decided before it that are open now or changed status in it (one decided years
    ago may still be overdue). A measure done or cancelled before the range, and untouched
    since, counts in none of its figures: it is not read (most of ten years of them)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    found = cursor.execute(
        f"WITH in_range(id, date) AS ({_IN_RANGE}), "
        # Changed status since the range began (a measure open at its end may have been
        # closed since): in a meeting since (its date counts), or outside meetings.
        "recent(id) AS (SELECT u.measure_id FROM meetings um "
        "  JOIN measure_updates u ON u.meeting_id = um.id "
        "  WHERE um.status IN ('planned', 'running', 'closed') AND um.date >= :first "
        "  UNION SELECT measure_id FROM measure_updates "
        "  WHERE meeting_id IS NULL AND substr(at, 1, 10) >= :first), "
        "counted(id) AS (SELECT ms.id FROM in_range m JOIN measures ms ON ms.meeting_id = m.id "
        "  UNION SELECT id FROM measures WHERE status IN ('not_started', 'in_progress') "
        "  UNION SELECT id FROM measures WHERE status IS NULL "
        "  UNION SELECT id FROM recent) "
        "SELECT ms.id, m.date, ms.owner, ms.type, ms.due, ms.confidential, "
        "       u.id, coalesce(um.date, substr(u.at, 1, 10)), u.new_status "
        "FROM counted c JOIN measures ms ON ms.id = c.id JOIN meetings m ON m.id = ms.meeting_id "
        "LEFT JOIN measure_updates u ON u.measure_id = ms.id "
        "LEFT JOIN meetings um ON um.id = u.meeting_id "
        # A proposal counts once its body decided it: waiting or rejected, it is no measure.
        "WHERE ms.deleted_at IS NULL AND ms.proposal IN ('', 'decided') AND m.date <= :last "
        "AND (:group IS NULL OR m.group_id = :group)",
        {"first": first, "last": last, "group": group_id}).fetchall()
    make = tuple.__new__
    decided: dict[int, MeasureRow] = {}
    updates = []
    for i, day, owner, kind, due, secret, update, when, status in found:
        if i not in decided:
            decided[i] = make(MeasureRow, (i, day, owner, kind, due, bool(secret)))
        if update is not None:
            updates.append(make(UpdateRow, (i, update, when, status)))
    return list(decided.values()), updates


def area_names(conn: sqlite3.Connection, group_id: int) -> list[str]:
    """The areas the group's observations name, most often named first (the priorities'
    suggestions)."""
    return [row[0] for row in conn.execute(
        "SELECT o.area FROM observations o JOIN meetings m ON m.id = o.meeting_id "
        "WHERE m.group_id = ? AND o.deleted_at IS NULL "
        "GROUP BY o.area ORDER BY count(DISTINCT coalesce(o.problem_id, o.id)) DESC, o.area",
        [group_id])]
