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


def _group(group_id: int | None, column: str) -> tuple[str, list[object]]:
    return ("", []) if group_id is None else (f" AND {column} = ?", [group_id])


def observations(conn: sqlite3.Connection, group_id: int | None, first: str,
                 last: str) -> list[ObservationRow]:
    """Every live observation of meetings dated `first`..`last` (ISO, both included)."""
    where, params = _group(group_id, "m.group_id")
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(
        "SELECT coalesce(o.problem_id, o.id), m.date, o.id, o.area, o.category, o.trend, "
        "o.confidential FROM observations o JOIN meetings m ON m.id = o.meeting_id "
        f"WHERE o.deleted_at IS NULL AND m.date BETWEEN ? AND ?{where}",
        [first, last, *params]).fetchall()
    return [ObservationRow(p, day, i, area, category, trend, bool(secret))
            for p, day, i, area, category, trend, secret in rows]


def measures(conn: sqlite3.Connection, group_id: int | None,
             last: str) -> tuple[list[MeasureRow], list[UpdateRow]]:
    """Every live measure decided in a meeting dated `last` (ISO) or before, and the status
    history of each: a measure decided years ago may still be overdue in the period."""
    where, params = _group(group_id, "m.group_id")
    cursor = conn.cursor()
    cursor.row_factory = None
    found = cursor.execute(
        "SELECT ms.id, m.date, ms.owner, ms.type, ms.due, ms.confidential "
        "FROM measures ms JOIN meetings m ON m.id = ms.meeting_id "
        f"WHERE ms.deleted_at IS NULL AND m.date <= ?{where}", [last, *params]).fetchall()
    updates = cursor.execute(
        "SELECT u.measure_id, u.id, coalesce(um.date, substr(u.at, 1, 10)), u.new_status "
        "FROM measure_updates u JOIN measures ms ON ms.id = u.measure_id "
        "JOIN meetings m ON m.id = ms.meeting_id "
        "LEFT JOIN meetings um ON um.id = u.meeting_id "
        f"WHERE ms.deleted_at IS NULL AND m.date <= ?{where}", [last, *params]).fetchall()
    return ([MeasureRow(i, day, owner, kind, due, bool(secret))
             for i, day, owner, kind, due, secret in found],
            [UpdateRow(*row) for row in updates])


def area_names(conn: sqlite3.Connection, group_id: int) -> list[str]:
    """The areas the group's observations name, most often named first (the priorities'
    suggestions)."""
    return [row[0] for row in conn.execute(
        "SELECT o.area FROM observations o JOIN meetings m ON m.id = o.meeting_id "
        "WHERE m.group_id = ? AND o.deleted_at IS NULL "
        "GROUP BY o.area ORDER BY count(DISTINCT coalesce(o.problem_id, o.id)) DESC, o.area",
        [group_id])]
