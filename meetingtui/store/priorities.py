"""A group's focus areas per quarter."""

from __future__ import annotations

from meetingtui.model import Priority
from meetingtui.store.db import Store
from meetingtui.store.rows import from_rows, to_row


def replace_priorities(store: Store, group_id: int, quarter: str,
                       priorities: list[Priority]) -> list[Priority]:
    stored = []
    with store.transaction() as db:
        db.execute("DELETE FROM priorities WHERE group_id = ? AND quarter = ?",
                   [group_id, quarter])
        for priority in priorities:
            row_id = db.table("priorities").insert(to_row(priority)).last_pk
            stored.append(priority.model_copy(update={"id": row_id}))
    return stored


def priorities_of(store: Store, group_id: int, quarter: str) -> list[Priority]:
    return from_rows(Priority, store.db.query(
        "SELECT * FROM priorities WHERE group_id = ? AND quarter = ? ORDER BY position",
        [group_id, quarter],
    ))
