"""Measures (åtgärder) and their history. A measure's status is its newest update's.

A closed meeting shows measures as they stood when it closed: `frozen` is the newest update id
and the newest measure id at that moment (`meetings.freeze`), and the queries below take it to
give the status as of then, so later follow-ups never change a closed meeting's minutes.

The causes a measure addresses are rows of `measure_causes`, written in the transaction that
writes the measure; `measures.cause_id` keeps the first of them for code older than schema 6. A
removed cause keeps its row there (it still ties the measure to its problem, whose
confidentiality the measure shares) but is no longer among the measure's `cause_ids`."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from meetingtui.model import Measure, MeasureStatus, MeasureUpdate
from meetingtui.store.db import Store
from meetingtui.store.lagesbild import remove_row
from meetingtui.store.rows import (
    Conflict,
    Gone,
    from_row,
    insert_record,
    models,
    read_row,
    update_record,
)

_OPEN = (MeasureStatus.NOT_STARTED.value, MeasureStatus.IN_PROGRESS.value)


def insert_measure(store: Store, measure: Measure, first: MeasureUpdate) -> Measure:
    """The measure, the causes it addresses and its first status, in one transaction; `Gone`
    when one of the causes was removed."""
    causes = sorted(set(measure.cause_ids))
    with store.transaction() as db:
        _require_causes(db, causes)
        stored = insert_record(db, "measures", measure, exclude={"status", "cause_ids"})
        assert stored.id is not None
        _tie(db, stored.id, causes, [])
        update = first.model_copy(update={"measure_id": stored.id})
        insert_record(db, "measure_updates", update, versioned=False)
    return stored.model_copy(update={"status": first.new_status, "cause_ids": causes})


def mark_confidential(store: Store, measure: Measure) -> Measure:
    """A measure that has just been tied to a confidential problem's causes takes its flag
    (inside the caller's transaction); the row as stored now."""
    assert measure.id is not None
    with store.transaction() as db:
        db.execute("UPDATE measures SET confidential = 1, version = version + 1 "
                   "WHERE id = ? AND confidential = 0", [measure.id])
    return measure.model_copy(update={"confidential": True, "version": measure.version + 1})


def update_measure(store: Store, measure: Measure, base: Measure | None = None) -> Measure:
    """Every field but the status (kept by its history) and the confidential flag (its
    problem's, see `lagesbild.set_problem_confidential`), and the causes it addresses.

    Each cause is tied or not, as a field of its own: with `base`, the causes this save ties
    and unties are those the user ticked and unticked since `base`, and what another program
    did to the other causes stands (two programs tying a cause each both keep theirs; nothing
    about one cause can clash, it is tied or not). Without `base`, the list as given replaces
    the stored one, and any change to it is a conflict unless the stored version is still
    `measure.version`, as for every field (`rows.update_record`)."""
    assert measure.id is not None
    with store.transaction() as db:
        row = read_row(db, "measures", measure.id)
        tied = _ties(db, [measure.id], removed_too=True).get(measure.id, [])
        live = _ties(db, [measure.id]).get(measure.id, [])
        mine = set(measure.cause_ids)
        if base is not None:
            add, drop = mine - set(base.cause_ids), set(base.cause_ids) - mine
        else:
            add, drop = mine - set(tied), set(live) - mine
        clash = (base is None and bool(add or drop) and row is not None
                 and row["version"] != measure.version)
        try:
            stored = update_record(db, "measures", measure, base,
                                   exclude={"status", "confidential", "meeting_id", "cause_ids"})
        except Conflict as conflict:
            theirs = conflict.theirs.model_copy(update={"cause_ids": live})
            raise Conflict("measures", measure, theirs,
                           [*conflict.fields, *(["cause_ids"] if clash else [])]) from None
        if clash:
            theirs = stored.model_copy(update={"cause_ids": live})
            raise Conflict("measures", measure, theirs, ["cause_ids"])
        # A removed cause's row stays: it ties the measure to its problem (module docstring).
        add -= set(tied)
        drop &= set(live)
        if add or drop:
            _require_causes(db, sorted(add))
            _tie(db, measure.id, sorted(add), sorted(drop))
            db.execute("UPDATE measures SET version = version + 1 WHERE id = ?", [measure.id])
            stored = stored.model_copy(update={"version": stored.version + 1})
        return stored.model_copy(update={"cause_ids": sorted((set(live) | add) - drop)})


def _require_causes(db: Database, cause_ids: list[int]) -> None:
    """`Gone` for the first of the causes that is removed (or never was)."""
    for cause_id in cause_ids:
        row = db.execute("SELECT deleted_at FROM causes WHERE id = ?", [cause_id]).fetchone()
        if row is None or row[0] is not None:
            raise Gone("causes", cause_id)


def _tie(db: Database, measure_id: int, add: list[int], drop: list[int]) -> None:
    """Tie and untie causes, and keep `measures.cause_id` the first cause tied."""
    db.conn.executemany("DELETE FROM measure_causes WHERE measure_id = ? AND cause_id = ?",
                        [(measure_id, cause_id) for cause_id in drop])
    db.conn.executemany("INSERT OR IGNORE INTO measure_causes (measure_id, cause_id) "
                        "VALUES (?, ?)", [(measure_id, cause_id) for cause_id in add])
    db.execute("UPDATE measures SET cause_id = (SELECT min(cause_id) FROM measure_causes "
               "WHERE measure_id = :m) WHERE id = :m AND cause_id IS NOT (SELECT min(cause_id) "
               "FROM measure_causes WHERE measure_id = :m)", {"m": measure_id})


def _ties(db: Database, measure_ids: Iterable[int | None], *,
          removed_too: bool = False) -> dict[int, list[int]]:
    """The causes each measure addresses, in the order they were recorded; the removed ones
    only with `removed_too`."""
    ids = [i for i in measure_ids if i is not None]
    live = "" if removed_too else "AND c.deleted_at IS NULL "
    ties: dict[int, list[int]] = {}
    for start in range(0, len(ids), 500):  # well within SQLite's limit on parameters
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for measure_id, cause_id in db.execute(
                "SELECT t.measure_id, t.cause_id FROM measure_causes t "
                f"JOIN causes c ON c.id = t.cause_id WHERE t.measure_id IN ({marks}) {live}"
                "ORDER BY t.measure_id, t.cause_id", chunk):
            ties.setdefault(measure_id, []).append(cause_id)
    return ties


def ever_tied(store: Store, measure_id: int) -> set[int]:
    """The causes the measure is tied to, those removed since included."""
    return set(_ties(store.db, [measure_id], removed_too=True).get(measure_id, []))


def with_causes(store: Store, measures: list[Measure]) -> list[Measure]:
    ties = _ties(store.db, (m.id for m in measures))
    return [m.model_copy(update={"cause_ids": ties[m.id]}) if m.id in ties else m
            for m in measures]


def measures_addressing(store: Store, cause_id: int) -> list[Measure]:
    """The measures (not removed) that address a cause, oldest first."""
    return with_causes(store, models(Measure, store.db,
        "SELECT m.* FROM measures_current m JOIN measure_causes t ON t.measure_id = m.id "
        "WHERE t.cause_id = ? ORDER BY m.id", [cause_id]))


def remove_measure(store: Store, measure_id: int, now: datetime) -> None:
    remove_row(store, "measures", measure_id, now)


def get_measure(store: Store, measure_id: int) -> Measure | None:
    rows = list(store.db.query("SELECT * FROM measures_current WHERE id = ?", [measure_id]))
    return with_causes(store, [from_row(Measure, rows[0])])[0] if rows else None


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
    return with_causes(store, _then(store.db.query(
        f"SELECT mc.*, {status} AS status_then FROM measures mc "
        "WHERE mc.meeting_id = ? AND mc.deleted_at IS NULL ORDER BY mc.id",
        [*params, meeting_id])))


def open_measures_before(store: Store, group_id: int, meeting_date: date, meeting_id: int,
                         frozen: tuple[int, int] | None = None) -> list[Measure]:
    """Measures from the group's earlier meetings still open, or followed up in this one; for a
    closed meeting (`frozen`), those open when it closed, with their status then."""
    status, params = _as_of(frozen)
    newest = "AND mc.id <= ?" if frozen is not None else ""
    return with_causes(store, _then(store.db.query(
        f"SELECT * FROM (SELECT mc.*, {status} AS status_then FROM measures mc "
        "  JOIN meetings mt ON mt.id = mc.meeting_id "
        "  WHERE mt.group_id = ? AND mc.meeting_id != ? AND mc.deleted_at IS NULL "
        "  AND mc.proposal IN ('', 'decided') "
        f"  AND (mt.date < ? OR (mt.date = ? AND mt.id < ?)) {newest}) AS mc "
        "WHERE mc.status_then IN (?, ?) OR EXISTS (SELECT 1 FROM measure_updates u "
        "     WHERE u.measure_id = mc.id AND u.meeting_id = ?) "
        "ORDER BY mc.due IS NULL, mc.due, mc.id",
        [*params, group_id, meeting_id, meeting_date.isoformat(), meeting_date.isoformat(),
         meeting_id, *([frozen[1]] if frozen is not None else []), *_OPEN, meeting_id])))


def measures_of_group(store: Store, group_id: int) -> list[tuple[Measure, date]]:
    """Every measure `open_measures_before` may choose from in any of the group's meetings (not
    removed, no proposal waiting or rejected), with its meeting's date, oldest first; its status
    as stored now. Read once to follow up many meetings (a publish)."""
    rows = list(store.db.query(
        "SELECT mc.*, mt.date AS meeting_date FROM measures mc "
        "JOIN meetings mt ON mt.id = mc.meeting_id "
        "WHERE mt.group_id = ? AND mc.deleted_at IS NULL AND mc.proposal IN ('', 'decided') "
        "ORDER BY mc.id", [group_id]))
    measures = with_causes(store, [from_row(Measure, row) for row in rows])
    return [(measure, date.fromisoformat(row["meeting_date"]))
            for measure, row in zip(measures, rows, strict=True)]


def status_changes(store: Store,
                   measure_ids: list[int] | None) -> dict[int, list[tuple[int, str]]]:
    """Each measure's updates as (update id, new status), oldest first: its status as of any
    frozen point is the last one at or before it (`_as_of`). None: every measure's."""
    found: dict[int, list[tuple[int, str]]] = {}
    select = "SELECT id, measure_id, new_status FROM measure_updates"
    if measure_ids is None:
        chunks: list[tuple[str, list[int]]] = [(f"{select} ORDER BY id", [])]
    else:  # in chunks well within SQLite's limit on parameters
        chunks = [(f"{select} WHERE measure_id IN ({', '.join('?' for _ in chunk)}) ORDER BY id",
                   chunk)
                  for chunk in (measure_ids[at:at + 500] for at in range(0, len(measure_ids), 500))]
    for sql, params in chunks:
        for update_id, measure_id, status in store.conn.execute(sql, params):
            found.setdefault(measure_id, []).append((update_id, status))
    return found


def status_at(changes: list[tuple[int, str]], newest: int) -> str:
    """The status of the last of ``changes`` (`status_changes`) at or before update ``newest``;
    not started without one."""
    at = bisect_right(changes, (newest, "\uffff"))
    return changes[at - 1][1] if at else MeasureStatus.NOT_STARTED.value


def insert_update(store: Store, update: MeasureUpdate) -> MeasureUpdate:
    with store.transaction() as db:
        return insert_record(db, "measure_updates", update, versioned=False)


def updates_of(store: Store, measure_id: int) -> list[MeasureUpdate]:
    """A measure's history, oldest first."""
    return models(MeasureUpdate, store.db,
        "SELECT * FROM measure_updates WHERE measure_id = ? ORDER BY id", [measure_id]
    )


def updates_in_meeting(store: Store, meeting_id: int) -> list[MeasureUpdate]:
    return models(MeasureUpdate, store.db,
        "SELECT * FROM measure_updates WHERE meeting_id = ? ORDER BY id", [meeting_id]
    )


@dataclass(frozen=True)
class MeasureCounts:
    open: int
    overdue: int


def counts_for_group(store: Store, group_id: int, today: date) -> MeasureCounts:
    row = store.db.execute(
        "SELECT count(*), coalesce(sum(mc.due IS NOT NULL AND mc.due < ?), 0) "
        "FROM measures_current mc JOIN meetings mt ON mt.id = mc.meeting_id "
        "WHERE mt.group_id = ? AND mc.status IN (?, ?) AND mc.proposal IN ('', 'decided')",
        [today.isoformat(), group_id, *_OPEN],
    ).fetchone()
    return MeasureCounts(open=row[0], overdue=row[1])
