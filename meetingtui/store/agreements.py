"""Medborgarlöften and samverkansöverenskommelser: the agreements, what each party commits to,
and the measures that carry them out.

A closed meeting shows the commitments as they stood when it closed: commitments keep no
history of their own (a status column only), so the closing writes what its agreements item
showed (`freeze_for_meeting`) and the minutes read that copy from then on."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from meetingtui.model import Agreement, Commitment, Measure
from meetingtui.store.db import Store
from meetingtui.store.lagesbild import remove_row
from meetingtui.store.rows import (
    Gone,
    first,
    from_row,
    insert_record,
    models,
    read_row,
    update_record,
)

#: Where a closed meeting's copy of its agreements is kept (a settings row per meeting: schema
#: 8 has no column for it, and no migration may be added for issue 16).
_FROZEN_KEY = "agreements_at_closing.{meeting_id}"


def insert_agreement(store: Store, agreement: Agreement) -> Agreement:
    with store.transaction() as db:
        return insert_record(db, "agreements", agreement)


def update_agreement(store: Store, agreement: Agreement,
                     base: Agreement | None = None) -> Agreement:
    with store.transaction() as db:
        return update_record(db, "agreements", agreement, base, exclude={"created_at"})


def remove_agreement(store: Store, agreement_id: int, now: datetime) -> None:
    remove_row(store, "agreements", agreement_id, now)


def get_agreement(store: Store, agreement_id: int) -> Agreement | None:
    return first(Agreement, store.db,
        "SELECT * FROM agreements WHERE id = ? AND deleted_at IS NULL", [agreement_id])


def all_agreements(store: Store) -> list[Agreement]:
    """Every agreement, the newest period first."""
    return models(Agreement, store.db,
        "SELECT * FROM agreements WHERE deleted_at IS NULL "
        "ORDER BY period_end DESC, period_start DESC, id")


def agreements_in_force(store: Store, day: date) -> list[Agreement]:
    """Those whose period holds `day` (both ends included), the soonest ending first."""
    return models(Agreement, store.db,
        "SELECT * FROM agreements WHERE deleted_at IS NULL AND period_start <= :d "
        "AND period_end >= :d ORDER BY period_end, id", {"d": day.isoformat()})


def agreements_ending(store: Store, day: date, last: date) -> list[Agreement]:
    """Those in force on `day` whose period ends on `last` or before."""
    return models(Agreement, store.db,
        "SELECT * FROM agreements WHERE deleted_at IS NULL AND period_start <= :d "
        "AND period_end >= :d AND period_end <= :l ORDER BY period_end, id",
        {"d": day.isoformat(), "l": last.isoformat()})


def insert_commitment(store: Store, commitment: Commitment) -> Commitment:
    with store.transaction() as db:
        _require_agreement(db, commitment.agreement_id)
        return insert_record(db, "commitments", commitment)


def update_commitment(store: Store, commitment: Commitment, base: Commitment | None = None,
                      *, only: set[str] | None = None) -> Commitment:
    with store.transaction() as db:
        return update_record(db, "commitments", commitment, base, only=only,
                             exclude={"agreement_id"})


def remove_commitment(store: Store, commitment_id: int, now: datetime) -> None:
    remove_row(store, "commitments", commitment_id, now)


def get_commitment(store: Store, commitment_id: int) -> Commitment | None:
    return first(Commitment, store.db,
        "SELECT * FROM commitments WHERE id = ? AND deleted_at IS NULL", [commitment_id])


def commitments_of(store: Store, agreement_ids: list[int]) -> dict[int, list[Commitment]]:
    """Each agreement's commitments, in the order they were made."""
    found: dict[int, list[Commitment]] = {i: [] for i in agreement_ids}
    if not agreement_ids:
        return found
    marks = ", ".join("?" for _ in agreement_ids)
    for commitment in models(Commitment, store.db,
            f"SELECT * FROM commitments WHERE agreement_id IN ({marks}) "
            "AND deleted_at IS NULL ORDER BY agreement_id, id", agreement_ids):
        found[commitment.agreement_id].append(commitment)
    return found


def link_measure(store: Store, agreement_id: int, measure_id: int) -> None:
    with store.transaction() as db:
        _require_agreement(db, agreement_id)
        row = read_row(db, "measures", measure_id)
        if row is None or row.get("deleted_at"):
            raise Gone("measures", measure_id)
        db.execute("INSERT OR IGNORE INTO agreement_measures (agreement_id, measure_id) "
                   "VALUES (?, ?)", [agreement_id, measure_id])


def unlink_measure(store: Store, agreement_id: int, measure_id: int) -> None:
    with store.transaction() as db:
        db.execute("DELETE FROM agreement_measures WHERE agreement_id = ? AND measure_id = ?",
                   [agreement_id, measure_id])


def measures_of(store: Store, agreement_ids: list[int]) -> dict[int, list[Measure]]:
    """Each agreement's linked measures (not removed), with their status now, oldest first."""
    found: dict[int, list[Measure]] = {i: [] for i in agreement_ids}
    if not agreement_ids:
        return found
    marks = ", ".join("?" for _ in agreement_ids)
    for row in store.db.query(
            "SELECT t.agreement_id AS for_agreement, m.* FROM agreement_measures t "
            "JOIN measures_current m ON m.id = t.measure_id "
            f"WHERE t.agreement_id IN ({marks}) AND m.deleted_at IS NULL "
            "ORDER BY t.agreement_id, m.id", agreement_ids):
        found[int(row["for_agreement"])].append(from_row(Measure, row))
    return found


def freeze_for_meeting(store: Store, meeting_id: int, shown: list[dict[str, Any]]) -> None:
    """Keep what a closing meeting's agreements item showed (see the module docstring)."""
    with store.transaction() as db:
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) "
                   "DO UPDATE SET value = excluded.value",
                   [_FROZEN_KEY.format(meeting_id=meeting_id),
                    json.dumps(shown, ensure_ascii=False)])


def patch_frozen(store: Store, meeting_id: int, commitment: Commitment) -> Any:
    """A correction of a closed meeting (an amendment) changes its copy too: `commitment`
    replaces the one with its id in the copy, or joins its agreement's list there. Returns the
    commitment as the copy had it before (None when it had none, or there is no copy)."""
    shown = frozen_for_meeting(store, meeting_id)
    if shown is None:
        return None
    before = None
    for entry in shown:
        if entry.get("agreement", {}).get("id") != commitment.agreement_id:
            continue
        listed = entry.setdefault("commitments", [])
        for index, kept in enumerate(listed):
            if kept.get("id") == commitment.id:
                before = kept
                listed[index] = commitment.model_dump(mode="json")
                break
        else:
            listed.append(commitment.model_dump(mode="json"))
    freeze_for_meeting(store, meeting_id, shown)
    return before


def frozen_for_meeting(store: Store, meeting_id: int) -> list[dict[str, Any]] | None:
    """What a closed meeting's agreements item showed when it closed; None when not kept."""
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?",
                             [_FROZEN_KEY.format(meeting_id=meeting_id)]).fetchone()
    if row is None:
        return None
    value = json.loads(row[0])
    return value if isinstance(value, list) else None


def has_agreements_item(store: Store, meeting_id: int) -> bool:
    row = store.conn.execute("SELECT EXISTS (SELECT 1 FROM agenda_items WHERE meeting_id = ? "
                             "AND kind = 'agreements')", [meeting_id]).fetchone()
    return bool(row[0])


def measures_mentioning(store: Store, words: str, limit: int) -> list[Measure]:
    """The newest measures (not removed) whose text holds `words` (the demo's links)."""
    return models(Measure, store.db,
        "SELECT * FROM measures_current WHERE text LIKE ? ORDER BY id DESC LIMIT ?",
        [f"%{words}%", limit])


def _require_agreement(db: Any, agreement_id: int) -> None:
    row = read_row(db, "agreements", agreement_id)
    if row is None or row.get("deleted_at"):
        raise Gone("agreements", agreement_id)
