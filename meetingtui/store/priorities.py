"""A group's focus areas per quarter."""

from __future__ import annotations

from meetingtui.model import Priority
from meetingtui.store.db import Store
from meetingtui.store.rows import from_rows, insert_records


def replace_priorities(store: Store, group_id: int, quarter: str,
                       priorities: list[Priority]) -> list[Priority]:
    with store.transaction() as db:
        db.execute("DELETE FROM priorities WHERE group_id = ? AND quarter = ?",
                   [group_id, quarter])
        return insert_records(db, "priorities", priorities)


def priorities_of(store: Store, group_id: int, quarter: str) -> list[Priority]:
    return from_rows(Priority, store.db.query(
        "SELECT * FROM priorities WHERE group_id = ? AND quarter = ? ORDER BY position",
        [group_id, quarter],
    ))
