"""Measures (åtgärder) and their history. A measure's status is its newest update's.

A closed meeting shows measures as they stood when it closed: `frozen` is the newest update id
and the newest measure id at that moment (`meetings.freeze`), and the queries below take it to
give the status as of then, so later follow-ups never change a closed meeting's minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from meetingtui.model import Measure, MeasureStatus, MeasureUpdate
from meetingtui.store.db import Store
from meetingtui.store.lagesbild import remove_row
from meetingtui.store.rows import from_row, from_rows, insert_record, update_record

_OPEN = (MeasureStatus.NOT_STARTED.value, MeasureStatus.IN_PROGRESS.value)


def insert_measure(store: Store, measure: Measure, first: MeasureUpdate) -> Measure:
    """The measure and its first status, in one transaction."""
    with store.transaction() as db:
        stored = insert_record(db, "measures", measure, exclude={"status"})
        update = first.model_copy(update={"measure_id": stored.id})
        insert_record(db, "measure_updates", update, versioned=False)
    return stored.model_copy(update={"status": first.new_status})


def update_measure(store: Store, measure: Measure, base: Measure | None = None) -> Measure:
    """Every field but the status (kept by its history) and the confidential flag (its
    problem's, see `lagesbild.set_problem_confidential`)."""
    with store.transaction() as db:
        return update_record(db, "measures", measure, base,
                             exclude={"status", "confidential", "meeting_id"})


def remove_measure(store: Store, measure_id: int, now: datetime) -> None:
    remove_row(store, "measures", measure_id, now)


def get_measure(store: Store, measure_id: int) -> Measure | None:
    rows = list(store.db.query("SELECT * FROM measures_current WHERE id = ?", [measure_id]))
    return from_row(Measure, rows[0]) if rows else None


def _as_of(frozen: tuple[int, int] | None, alias: str = "mc") -> tuple[str, list[Any]]:
    """The status column, as stored now or as of a closed meeting's `frozen` point."""
    if frozen is None:
        return f"{alias}.status", []
    return (f"coalesce((SELECT u.new_status FROM measure_updates u WHERE u.measure_id = {alias}.id "
            f"AND u.id <= ? ORDER BY u.id DESC LIMIT 1), '{MeasureStatus.NOT_STARTED.value}')",
            [frozen[0]])


def _then(rows: Any) -> list[Measure]:
    """Measures whose status is the query's `status_then` column."""
    return [from_row(Measure, {**row, "status": row["status_then"]}) for row in rows]


def measures_of_meeting(store: Store, meeting_id: int,
                        frozen: tuple[int, int] | None = None) -> list[Measure]:
    """The measures decided in a meeting, in the order they were recorded (with the status as
    of `frozen` for a closed meeting)."""
    status, params = _as_of(frozen)
    return _then(store.db.query(
        f"SELECT mc.*, {status} AS status_then FROM measures mc "
        "WHERE mc.meeting_id = ? AND mc.deleted_at IS NULL ORDER BY mc.id",
        [*params, meeting_id]))


def open_measures_before(store: Store, group_id: int, meeting_date: date, meeting_id: int,
                         frozen: tuple[int, int] | None = None) -> list[Measure]:
    """Measures from the group's earlier meetings still open, or followed up in this one; for a
    closed meeting (`frozen`), those open when it closed, with their status then."""
    status, params = _as_of(frozen)
    newest = "AND mc.id <= ?" if frozen is not None else ""
    return _then(store.db.query(
        f"SELECT * FROM (SELECT mc.*, {status} AS status_then FROM measures mc "
        "  JOIN meetings mt ON mt.id = mc.meeting_id "
        "  WHERE mt.group_id = ? AND mc.meeting_id != ? AND mc.deleted_at IS NULL "
        f"  AND (mt.date < ? OR (mt.date = ? AND mt.id < ?)) {newest}) AS mc "
        "WHERE mc.status_then IN (?, ?) OR EXISTS (SELECT 1 FROM measure_updates u "
        "     WHERE u.measure_id = mc.id AND u.meeting_id = ?) "
        "ORDER BY mc.due IS NULL, mc.due, mc.id",
        [*params, group_id, meeting_id, meeting_date.isoformat(), meeting_date.isoformat(),
         meeting_id, *([frozen[1]] if frozen is not None else []), *_OPEN, meeting_id]))


def insert_update(store: Store, update: MeasureUpdate) -> MeasureUpdate:
    with store.transaction() as db:
        return insert_record(db, "measure_updates", update, versioned=False)


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
