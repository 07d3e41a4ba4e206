"""Observations (lägesbild items) and their causes. Removal is soft: minutes are records."""

from __future__ import annotations

from datetime import datetime

from meetingtui.model import Cause, Observation
from meetingtui.store.db import Store
from meetingtui.store.rows import from_row, from_rows, to_row, update_row


def insert_observation(store: Store, observation: Observation) -> Observation:
    with store.transaction() as db:
        row_id = db.table("observations").insert(to_row(observation)).last_pk
    return observation.model_copy(update={"id": row_id})


def update_observation(store: Store, observation: Observation) -> None:
    with store.transaction() as db:
        update_row(db, "observations", observation)


def remove_observation(store: Store, observation_id: int, now: datetime) -> None:
    with store.transaction() as db:
        db.execute(
            "UPDATE observations SET deleted_at = ? WHERE id = ?",
            [now.isoformat(), observation_id],
        )


def get_observation(store: Store, observation_id: int) -> Observation | None:
    rows = list(store.db.query(
        "SELECT * FROM observations WHERE id = ? AND deleted_at IS NULL", [observation_id]
    ))
    return from_row(Observation, rows[0]) if rows else None


def observations_of(store: Store, meeting_id: int) -> list[Observation]:
    return from_rows(Observation, store.db.query(
        "SELECT * FROM observations WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY id",
        [meeting_id],
    ))


def carried_copies(store: Store, observation_id: int) -> list[Observation]:
    """The copies later meetings made of this observation (one per meeting it came along to)."""
    return from_rows(Observation, store.db.query(
        "SELECT * FROM observations WHERE carried_over_from = ? AND deleted_at IS NULL "
        "ORDER BY id", [observation_id],
    ))


def insert_cause(store: Store, cause: Cause) -> Cause:
    with store.transaction() as db:
        row_id = db.table("causes").insert(to_row(cause)).last_pk
    return cause.model_copy(update={"id": row_id})


def update_cause(store: Store, cause: Cause) -> None:
    with store.transaction() as db:
        update_row(db, "causes", cause)


def remove_cause(store: Store, cause_id: int, now: datetime) -> None:
    with store.transaction() as db:
        db.execute("UPDATE causes SET deleted_at = ? WHERE id = ?", [now.isoformat(), cause_id])


def get_cause(store: Store, cause_id: int) -> Cause | None:
    rows = list(store.db.query(
        "SELECT * FROM causes WHERE id = ? AND deleted_at IS NULL", [cause_id]
    ))
    return from_row(Cause, rows[0]) if rows else None


def causes_of_meeting(store: Store, meeting_id: int) -> list[Cause]:
    return from_rows(Cause, store.db.query(
        "SELECT c.* FROM causes c JOIN observations o ON o.id = c.observation_id "
        "WHERE o.meeting_id = ? AND c.deleted_at IS NULL ORDER BY c.id", [meeting_id],
    ))
