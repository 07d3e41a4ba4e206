"""Meetings and who attended them."""

from __future__ import annotations

from datetime import date

from meetingtui.model import Attendance, Meeting, MeetingStatus
from meetingtui.store.db import Store
from meetingtui.store.rows import (
    first,
    from_rows,
    insert_record,
    insert_records,
    models,
    update_record,
)


def insert_meeting(store: Store, meeting: Meeting) -> Meeting:
    with store.transaction() as db:
        return insert_record(db, "meetings", meeting)


def update_meeting(store: Store, meeting: Meeting, base: Meeting | None = None, *,
                   only: set[str] | None = None) -> Meeting:
    with store.transaction() as db:
        return update_record(db, "meetings", meeting, base, only=only)


def freeze(store: Store, meeting_id: int) -> None:
    """Mark the point up to which later follow-ups of measures are this closed meeting's: the
    newest status update and the newest measure now stored (see `measures.status_as_of`)."""
    with store.transaction() as db:
        db.execute(
            "UPDATE meetings SET frozen_update_id = (SELECT max(id) FROM measure_updates), "
            "frozen_measure_id = (SELECT max(id) FROM measures) WHERE id = ?", [meeting_id])


def frozen_at(store: Store, meeting_id: int) -> tuple[int, int] | None:
    """(newest update id, newest measure id) when the meeting closed; None while it is open."""
    row = store.conn.execute(
        "SELECT status, coalesce(frozen_update_id, 0), coalesce(frozen_measure_id, 0) "
        "FROM meetings WHERE id = ?", [meeting_id]).fetchone()
    if row is None or row[0] != MeetingStatus.CLOSED.value:
        return None
    return int(row[1]), int(row[2])


def remove_meeting(store: Store, meeting_id: int) -> None:
    """Delete a planned meeting that holds nothing, with its agenda and attendance list."""
    with store.transaction() as db:
        for table in ("agenda_items", "attendance", "meeting_priorities"):
            db.execute(f"DELETE FROM {table} WHERE meeting_id = ?", [meeting_id])
        db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])


def holds_anything(store: Store, meeting_id: int) -> bool:
    """Whether anything was recorded in the meeting (beyond its agenda and attendance list)."""
    row = store.conn.execute(
        "SELECT EXISTS (SELECT 1 FROM observations WHERE meeting_id = :m) "
        "OR EXISTS (SELECT 1 FROM measures WHERE meeting_id = :m) "
        "OR EXISTS (SELECT 1 FROM measure_updates WHERE meeting_id = :m) "
        "OR EXISTS (SELECT 1 FROM meeting_priorities WHERE meeting_id = :m) "
        "OR EXISTS (SELECT 1 FROM amendments WHERE meeting_id = :m) "
        "OR EXISTS (SELECT 1 FROM agenda_items WHERE meeting_id = :m "
        "           AND (notes != '' OR decision != '' OR started_at IS NOT NULL))",
        {"m": meeting_id}).fetchone()
    return bool(row[0])


def get_meeting(store: Store, meeting_id: int) -> Meeting | None:
    return first(Meeting, store.db, "SELECT * FROM meetings WHERE id = ?", [meeting_id])


def list_meetings(store: Store, group_id: int | None = None) -> list[Meeting]:
    """Oldest first."""
    if group_id is None:
        rows = store.db.query("SELECT * FROM meetings ORDER BY date, id")
    else:
        rows = store.db.query(
            "SELECT * FROM meetings WHERE group_id = ? ORDER BY date, id", [group_id]
        )
    return from_rows(Meeting, rows)


def previous_meeting(store: Store, meeting: Meeting) -> Meeting | None:
    """The group's meeting just before this one (by date, then id)."""
    return first(Meeting, store.db,
        "SELECT * FROM meetings WHERE group_id = ? AND (date < ? OR (date = ? AND id < ?)) "
        "ORDER BY date DESC, id DESC LIMIT 1",
        [meeting.group_id, meeting.date.isoformat(), meeting.date.isoformat(), meeting.id])


def next_meeting_after(store: Store, meeting: Meeting) -> Meeting | None:
    return first(Meeting, store.db,
        "SELECT * FROM meetings WHERE group_id = ? AND (date > ? OR (date = ? AND id > ?)) "
        "ORDER BY date, id LIMIT 1",
        [meeting.group_id, meeting.date.isoformat(), meeting.date.isoformat(), meeting.id])


def upcoming(store: Store, group_id: int, today: date) -> Meeting | None:
    """The group's next meeting that is not closed, today or later (or still running)."""
    return first(Meeting, store.db,
        "SELECT * FROM meetings WHERE group_id = ? AND status != ? "
        "AND (date >= ? OR status = ?) ORDER BY date, id LIMIT 1",
        [group_id, MeetingStatus.CLOSED.value, today.isoformat(), MeetingStatus.RUNNING.value])


def last_closed(store: Store, group_id: int) -> Meeting | None:
    return first(Meeting, store.db,
        "SELECT * FROM meetings WHERE group_id = ? AND status = ? ORDER BY date DESC, id DESC "
        "LIMIT 1", [group_id, MeetingStatus.CLOSED.value])


def insert_attendance(store: Store, rows: list[Attendance]) -> list[Attendance]:
    with store.transaction() as db:
        return insert_records(db, "attendance", rows)


def update_attendance(store: Store, person: Attendance,
                      base: Attendance | None = None) -> Attendance:
    with store.transaction() as db:
        return update_record(db, "attendance", person, base)


def get_attendance(store: Store, attendance_id: int) -> Attendance | None:
    return first(Attendance, store.db, "SELECT * FROM attendance WHERE id = ?", [attendance_id])


def attendance_of(store: Store, meeting_id: int) -> list[Attendance]:
    return models(Attendance, store.db,
        "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY id", [meeting_id]
    )
