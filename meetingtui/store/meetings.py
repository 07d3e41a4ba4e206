"""Meetings and who attended them."""

from __future__ import annotations

from datetime import date

from meetingtui.model import Attendance, Meeting, MeetingStatus
from meetingtui.store.db import Store
from meetingtui.store.rows import from_row, from_rows, insert_records, to_row, update_row


def insert_meeting(store: Store, meeting: Meeting) -> Meeting:
    with store.transaction() as db:
        row_id = db.table("meetings").insert(to_row(meeting)).last_pk
    return meeting.model_copy(update={"id": row_id})


def update_meeting(store: Store, meeting: Meeting) -> None:
    with store.transaction() as db:
        update_row(db, "meetings", meeting)


def get_meeting(store: Store, meeting_id: int) -> Meeting | None:
    rows = list(store.db.query("SELECT * FROM meetings WHERE id = ?", [meeting_id]))
    return from_row(Meeting, rows[0]) if rows else None


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
    rows = list(store.db.query(
        "SELECT * FROM meetings WHERE group_id = ? AND (date < ? OR (date = ? AND id < ?)) "
        "ORDER BY date DESC, id DESC LIMIT 1",
        [meeting.group_id, meeting.date.isoformat(), meeting.date.isoformat(), meeting.id],
    ))
    return from_row(Meeting, rows[0]) if rows else None


def next_meeting_after(store: Store, meeting: Meeting) -> Meeting | None:
    rows = list(store.db.query(
        "SELECT * FROM meetings WHERE group_id = ? AND (date > ? OR (date = ? AND id > ?)) "
        "ORDER BY date, id LIMIT 1",
        [meeting.group_id, meeting.date.isoformat(), meeting.date.isoformat(), meeting.id],
    ))
    return from_row(Meeting, rows[0]) if rows else None


def upcoming(store: Store, group_id: int, today: date) -> Meeting | None:
    """The group's next meeting that is not closed, today or later (or still running)."""
    rows = list(store.db.query(
        "SELECT * FROM meetings WHERE group_id = ? AND status != ? "
        "AND (date >= ? OR status = ?) ORDER BY date, id LIMIT 1",
        [group_id, MeetingStatus.CLOSED.value, today.isoformat(), MeetingStatus.RUNNING.value],
    ))
    return from_row(Meeting, rows[0]) if rows else None


def last_closed(store: Store, group_id: int) -> Meeting | None:
    rows = list(store.db.query(
        "SELECT * FROM meetings WHERE group_id = ? AND status = ? ORDER BY date DESC, id DESC "
        "LIMIT 1", [group_id, MeetingStatus.CLOSED.value],
    ))
    return from_row(Meeting, rows[0]) if rows else None


def insert_attendance(store: Store, rows: list[Attendance]) -> list[Attendance]:
    with store.transaction() as db:
        return insert_records(db, "attendance", rows)


def update_attendance(store: Store, person: Attendance) -> None:
    with store.transaction() as db:
        update_row(db, "attendance", person)


def attendance_of(store: Store, meeting_id: int) -> list[Attendance]:
    return from_rows(Attendance, store.db.query(
        "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY id", [meeting_id]
    ))
