"""Measures (åtgärder) and their history. A measure's status is its newest update's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from meetingtui.model import Measure, MeasureStatus, MeasureUpdate
from meetingtui.store.db import Store
from meetingtui.store.rows import from_row, from_rows, to_row, update_row

_OPEN = (MeasureStatus.NOT_STARTED.value, MeasureStatus.IN_PROGRESS.value)


def insert_measure(store: Store, measure: Measure, first: MeasureUpdate) -> Measure:
    """The measure and its first status, in one transaction."""
    with store.transaction() as db:
        row_id = db.table("measures").insert(to_row(measure, exclude={"status"})).last_pk
        update = first.model_copy(update={"measure_id": row_id})
        db.table("measure_updates").insert(to_row(update))
    return measure.model_copy(update={"id": row_id, "status": first.new_status})


def update_measure(store: Store, measure: Measure) -> None:
    with store.transaction() as db:
        update_row(db, "measures", measure, exclude={"status"})


def remove_measure(store: Store, measure_id: int, now: datetime) -> None:
    with store.transaction() as db:
        db.execute(
            "UPDATE measures SET deleted_at = ? WHERE id = ?", [now.isoformat(), measure_id]
        )


def confide_measures_of(store: Store, observation_id: int) -> None:
    """Mark confidential every measure tied to the observation, to one of its causes, or to the
    observations it was carried over from: later meetings follow those measures up without the
    observation beside them, so the flag has to be on the measure itself."""
    with store.transaction() as db:
        db.execute(
            "WITH RECURSIVE chain(id) AS (SELECT ? UNION SELECT o.carried_over_from "
            "  FROM observations o JOIN chain ON o.id = chain.id "
            "  WHERE o.carried_over_from IS NOT NULL) "
            "UPDATE measures SET confidential = 1 WHERE confidential = 0 "
            "AND (observation_id IN chain "
            "     OR cause_id IN (SELECT c.id FROM causes c WHERE c.observation_id IN chain))",
            [observation_id],
        )


def get_measure(store: Store, measure_id: int) -> Measure | None:
    rows = list(store.db.query("SELECT * FROM measures_current WHERE id = ?", [measure_id]))
    return from_row(Measure, rows[0]) if rows else None


def measures_of_meeting(store: Store, meeting_id: int) -> list[Measure]:
    """The measures decided in a meeting, in the order they were recorded."""
    return from_rows(Measure, store.db.query(
        "SELECT * FROM measures_current WHERE meeting_id = ? ORDER BY id", [meeting_id]
    ))


def open_measures_before(store: Store, group_id: int, meeting_date: date,
                         meeting_id: int) -> list[Measure]:
    """Measures from the group's earlier meetings still open, or followed up in this one."""
    return from_rows(Measure, store.db.query(
        "SELECT mc.* FROM measures_current mc JOIN meetings mt ON mt.id = mc.meeting_id "
        "WHERE mt.group_id = ? AND mc.meeting_id != ? "
        "AND (mt.date < ? OR (mt.date = ? AND mt.id < ?)) "
        "AND (mc.status IN (?, ?) OR EXISTS (SELECT 1 FROM measure_updates u "
        "     WHERE u.measure_id = mc.id AND u.meeting_id = ?)) "
        "ORDER BY mc.due IS NULL, mc.due, mc.id",
        [group_id, meeting_id, meeting_date.isoformat(), meeting_date.isoformat(), meeting_id,
         *_OPEN, meeting_id],
    ))


def insert_update(store: Store, update: MeasureUpdate) -> MeasureUpdate:
    with store.transaction() as db:
        row_id = db.table("measure_updates").insert(to_row(update)).last_pk
    return update.model_copy(update={"id": row_id})


def updates_of(store: Store, measure_id: int) -> list[MeasureUpdate]:
    """A measure's history, oldest first."""
    return from_rows(MeasureUpdate, store.db.query(
        "SELECT * FROM measure_updates WHERE measure_id = ? ORDER BY id", [measure_id]
    ))


def updates_in_meeting(store: Store, meeting_id: int) -> list[MeasureUpdate]:
    return from_rows(MeasureUpdate, store.db.query(
        "SELECT * FROM measure_updates WHERE meeting_id = ? ORDER BY id", [meeting_id]
    ))


@dataclass(frozen=True)
class MeasureCounts:
    open: int
    overdue: int


def counts_for_group(store: Store, group_id: int, today: date) -> MeasureCounts:
    row = store.db.execute(
        "SELECT count(*), coalesce(sum(mc.due IS NOT NULL AND mc.due < ?), 0) "
        "FROM measures_current mc JOIN meetings mt ON mt.id = mc.meeting_id "
        "WHERE mt.group_id = ? AND mc.status IN (?, ?)",
        [today.isoformat(), group_id, *_OPEN],
    ).fetchone()
    return MeasureCounts(open=row[0], overdue=row[1])
