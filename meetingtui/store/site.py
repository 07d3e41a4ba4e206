"""What the published site shows beside the action list: each measure's observation and
history, and each group's meetings. Bulk queries (the whole site is read at once: one query per
kind, chunked by id, never one per measure).

Standard library only, on any `sqlite3.Connection`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

_CHUNK = 500  # well within SQLite's limit on parameters


class ObservationText(NamedTuple):
    area: str
    place: str
    category: str
    description: str


class UpdateRow(NamedTuple):
    measure_id: int
    at: str  # ISO timestamp, as stored
    old_status: str | None
    new_status: str
    comment: str
    meeting_date: str | None  # the meeting it was recorded in, if any


def _marks(count: int) -> str:
    return ", ".join("?" for _ in range(count))


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[start:start + _CHUNK] for start in range(0, len(ids), _CHUNK)]


def observations_of_measures(conn: sqlite3.Connection, measure_ids: Sequence[int], *,
                             public: bool) -> dict[int, ObservationText]:
    """The observation each measure was decided on (measures without one left out); with
    ``public`` a confidential observation is never read, whatever its measure says."""
    found: dict[int, ObservationText] = {}
    cursor = conn.cursor()
    cursor.row_factory = None
    secret = " AND o.confidential = 0" if public else ""
    for chunk in _chunks(measure_ids):
        for measure_id, *text in cursor.execute(
                "SELECT m.id, o.area, o.place_detail, o.category, o.description "
                "FROM measures m JOIN observations o ON o.id = m.observation_id "
                f"WHERE m.id IN ({_marks(len(chunk))}) AND o.deleted_at IS NULL{secret}",
                list(chunk)):
            found[measure_id] = ObservationText(*text)
    return found


def updates_of_measures(conn: sqlite3.Connection,
                        measure_ids: Sequence[int]) -> dict[int, list[UpdateRow]]:
    """Each measure's status changes and comments, oldest first."""
    found: dict[int, list[UpdateRow]] = {}
    cursor = conn.cursor()
    cursor.row_factory = None
    for chunk in _chunks(measure_ids):
        for row in cursor.execute(
                "SELECT u.measure_id, u.at, u.old_status, u.new_status, u.comment, mt.date "
                "FROM measure_updates u LEFT JOIN meetings mt ON mt.id = u.meeting_id "
                f"WHERE u.measure_id IN ({_marks(len(chunk))}) ORDER BY u.measure_id, u.id",
                list(chunk)):
            update = UpdateRow(*row)
            found.setdefault(update.measure_id, []).append(update)
    return found
