"""A meeting's agenda items, copied from its template when the meeting is planned."""

from __future__ import annotations

from meetingtui.model import AgendaItem
from meetingtui.store.db import Store
from meetingtui.store.rows import first, insert_records, models, update_record


def insert_items(store: Store, items: list[AgendaItem]) -> list[AgendaItem]:
    with store.transaction() as db:
        return insert_records(db, "agenda_items", items)


def update_item(store: Store, item: AgendaItem, base: AgendaItem | None = None, *,
                only: set[str] | None = None) -> AgendaItem:
    with store.transaction() as db:
        return update_record(db, "agenda_items", item, base, only=only)


#: The longest one visit is counted: an app killed on an item and opened again the next day
#: has not discussed it overnight (no agenda item runs longer than this).
MAX_VISIT_SECONDS = 2 * 60 * 60


def record_visit(store: Store, meeting_id: int, item_id: int | None, now: str) -> None:
    """The chair is on `item_id` from `now` (None: has left the meeting); the item shown until
    now gets its time. Times are not content: they change no version (an edit stays based on
    the row it read), and two programs on one meeting share the one item shown."""
    with store.transaction() as db:
        db.execute(
            "UPDATE agenda_items SET ended_at = ?, shown_since = NULL, spent_seconds = "
            "spent_seconds + min(?, max(0, CAST(round((julianday(?) - julianday(shown_since)) "
            "* 86400) AS INTEGER))) WHERE meeting_id = ? AND shown_since IS NOT NULL "
            "AND (? IS NULL OR id != ?)",
            [now, MAX_VISIT_SECONDS, now, meeting_id, item_id, item_id])
        if item_id is not None:
            db.execute("UPDATE agenda_items SET started_at = coalesce(started_at, ?), "
                       "shown_since = coalesce(shown_since, ?), ended_at = NULL "
                       "WHERE id = ? AND meeting_id = ?", [now, now, item_id, meeting_id])


def get_item(store: Store, item_id: int) -> AgendaItem | None:
    return first(AgendaItem, store.db, "SELECT * FROM agenda_items WHERE id = ?", [item_id])


def items_of(store: Store, meeting_id: int) -> list[AgendaItem]:
    return models(AgendaItem, store.db,
        "SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position", [meeting_id]
    )
