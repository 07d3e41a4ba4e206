"""Observations (lägesbild items) and their causes. Removal is soft: minutes are records.

An observation carried over to later meetings is one problem: its appearances share the first
one's id as `problem_id`, and confidentiality is the problem's (`set_problem_confidential`)."""

from __future__ import annotations

from datetime import datetime

from meetingtui.model import Cause, Observation
from meetingtui.store.db import Store
from meetingtui.store.rows import Gone, first, insert_record, models, update_record


def insert_observation(store: Store, observation: Observation) -> Observation:
    with store.transaction() as db:
        stored = insert_record(db, "observations", observation)
        if stored.problem_id is None:  # a first appearance is its own problem
            db.execute("UPDATE observations SET problem_id = id WHERE id = ?", [stored.id])
            stored = stored.model_copy(update={"problem_id": stored.id})
    return stored


def update_observation(store: Store, observation: Observation,
                       base: Observation | None = None) -> Observation:
    """Every field but the confidential flag, which changes only on purpose (see
    `set_problem_confidential`): a form read before another program marked it must not undo
    that by saving a description."""
    with store.transaction() as db:
        return update_record(db, "observations", observation, base,
                             exclude={"confidential", "problem_id", "carried_over_from",
                                      "meeting_id"})


#: A measure of problem :p: decided on one of its appearances, or addressing a cause of one
#: (a removed cause too: the measure still belongs to the problem it was decided against).
_OF_PROBLEM = (
    "observation_id IN (SELECT id FROM observations WHERE problem_id = :p) "
    "OR id IN (SELECT t.measure_id FROM measure_causes t JOIN causes c ON c.id = t.cause_id "
    "          JOIN observations o ON o.id = c.observation_id WHERE o.problem_id = :p)")


def set_problem_confidential(store: Store, problem_id: int, confidential: bool) -> list[int]:
    """Every appearance of the problem, and every measure decided on one of them or on one of
    their causes, marked (or unmarked) at once; the meetings whose minutes this changes (where
    an appearance or a measure stands, or a measure was followed up), oldest first."""
    flag = int(confidential)
    with store.transaction() as db:
        measures = f"SELECT id FROM measures WHERE {_OF_PROBLEM}"
        meetings = [row[0] for row in db.execute(
            "SELECT m.id FROM meetings m WHERE m.id IN ("
            "  SELECT meeting_id FROM observations WHERE problem_id = :p "
            "    AND confidential != :f AND deleted_at IS NULL "
            f"  UNION SELECT meeting_id FROM measures WHERE id IN ({measures}) "
            "    AND confidential != :f "
            "  UNION SELECT meeting_id FROM measure_updates WHERE measure_id IN ("
            f"    SELECT id FROM measures WHERE confidential != :f AND id IN ({measures}))) "
            "ORDER BY m.date, m.id", {"p": problem_id, "f": flag})]
        db.execute("UPDATE observations SET confidential = ?, version = version + 1 "
                   "WHERE problem_id = ? AND confidential != ?", [flag, problem_id, flag])
        db.execute("UPDATE measures SET confidential = :f, version = version + 1 "
                   f"WHERE confidential != :f AND ({_OF_PROBLEM})", {"p": problem_id, "f": flag})
    return meetings


def record_confidentiality(store: Store, problem_id: int, at: datetime, by: str,
                           confidential: bool, reason: str) -> None:
    with store.transaction() as db:
        db.execute("INSERT INTO confidentiality_changes (problem_id, at, by, confidential, reason) "
                   "VALUES (?, ?, ?, ?, ?)",
                   [problem_id, at.isoformat(), by, int(confidential), reason])


def remove_observation(store: Store, observation_id: int, now: datetime) -> None:
    remove_row(store, "observations", observation_id, now)


def remove_row(store: Store, table: str, record_id: int, now: datetime) -> None:
    """Soft-delete a row; `Gone` when another program removed it first."""
    with store.transaction() as db:
        row = db.execute(f"SELECT version, deleted_at FROM {table} WHERE id = ?",
                         [record_id]).fetchone()
        if row is None or row[1] is not None:
            raise Gone(table, record_id)
        db.execute(f"UPDATE {table} SET deleted_at = ?, version = version + 1 WHERE id = ?",
                   [now.isoformat(), record_id])


def get_observation(store: Store, observation_id: int) -> Observation | None:
    return first(Observation, store.db,
        "SELECT * FROM observations WHERE id = ? AND deleted_at IS NULL", [observation_id])


def observations_of(store: Store, meeting_id: int) -> list[Observation]:
    return models(Observation, store.db,
        "SELECT * FROM observations WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY id",
        [meeting_id],
    )


def appearances(store: Store, problem_id: int) -> list[Observation]:
    """Every appearance of a problem, oldest meeting first."""
    return models(Observation, store.db,
        "SELECT o.* FROM observations o JOIN meetings m ON m.id = o.meeting_id "
        "WHERE o.problem_id = ? AND o.deleted_at IS NULL ORDER BY m.date, m.id, o.id",
        [problem_id])


def insert_cause(store: Store, cause: Cause) -> Cause:
    with store.transaction() as db:
        return insert_record(db, "causes", cause)


def update_cause(store: Store, cause: Cause, base: Cause | None = None) -> Cause:
    with store.transaction() as db:
        return update_record(db, "causes", cause, base, exclude={"observation_id"})


def remove_cause(store: Store, cause_id: int, now: datetime) -> None:
    remove_row(store, "causes", cause_id, now)


def get_cause(store: Store, cause_id: int) -> Cause | None:
    return first(Cause, store.db,
        "SELECT * FROM causes WHERE id = ? AND deleted_at IS NULL", [cause_id])


def problem_causes(store: Store, problem_id: int, *, until: int | None = None) -> list[Cause]:
    """The causes recorded on every appearance of a problem, oldest meeting first (in the order
    they were recorded there); with `until` (a meeting's id), only those of appearances in that
    meeting and the ones before it."""
    sql = ("SELECT c.* FROM causes c JOIN observations o ON o.id = c.observation_id "
           "JOIN meetings m ON m.id = o.meeting_id "
           "WHERE o.problem_id = :problem AND o.deleted_at IS NULL AND c.deleted_at IS NULL ")
    if until is not None:
        sql += ("AND (SELECT (m.date < u.date OR (m.date = u.date AND m.id <= u.id)) "
                "     FROM meetings u WHERE u.id = :until) ")
    return models(Cause, store.db, sql + "ORDER BY m.date, m.id, o.id, c.id",
                                           {"problem": problem_id, "until": until})


def causes_by_id(store: Store, cause_ids: list[int]) -> dict[int, Cause]:
    """The causes (not removed) with these ids."""
    found: dict[int, Cause] = {}
    for start in range(0, len(cause_ids), 500):
        chunk = cause_ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for cause in models(Cause, store.db,
                f"SELECT * FROM causes WHERE id IN ({marks}) AND deleted_at IS NULL", chunk):
            assert cause.id is not None
            found[cause.id] = cause
    return found


def causes_of_meeting(store: Store, meeting_id: int) -> list[Cause]:
    return models(Cause, store.db,
        "SELECT c.* FROM causes c JOIN observations o ON o.id = c.observation_id "
        "WHERE o.meeting_id = ? AND c.deleted_at IS NULL ORDER BY c.id", [meeting_id],
    )
