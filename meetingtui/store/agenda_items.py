"""A meeting's agenda items, copied from its template when the meeting is planned."""

from __future__ import annotations

from meetingtui.model import AgendaItem
from meetingtui.store.db import Store
from meetingtui.store.rows import from_row, from_rows, insert_records, update_row


def insert_items(store: Store, items: list[AgendaItem]) -> list[AgendaItem]:
    with store.transaction() as db:
        return insert_records(db, "agenda_items", items)


def update_item(store: Store, item: AgendaItem) -> None:
    with store.transaction() as db:
        update_row(db, "agenda_items", item)


def get_item(store: Store, item_id: int) -> AgendaItem | None:
    rows = list(store.db.query("SELECT * FROM agenda_items WHERE id = ?", [item_id]))
    return from_row(AgendaItem, rows[0]) if rows else None


def items_of(store: Store, meeting_id: int) -> list[AgendaItem]:
    return from_rows(AgendaItem, store.db.query(
        "SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position", [meeting_id]
    ))
