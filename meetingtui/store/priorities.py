"""The focus areas each meeting set or confirmed, with the quarter they are for: a meeting's own
rows, so that a later meeting's choice never changes an earlier meeting's minutes."""

from __future__ import annotations

from meetingtui.model import Priority
from meetingtui.store.db import Store
from meetingtui.store.rows import insert_records, models


def replace_priorities(store: Store, meeting_id: int,
                       priorities: list[Priority]) -> list[Priority]:
    with store.transaction() as db:
        db.execute("DELETE FROM meeting_priorities WHERE meeting_id = ?", [meeting_id])
        return [p.model_copy(update={"id": db.table("meeting_priorities").insert(
                    {"meeting_id": meeting_id, "position": p.position, "title": p.title,
                     "quarter": p.quarter}
                ).last_pk}) for p in priorities]


def priorities_of(store: Store, meeting_id: int) -> list[Priority]:
    return models(Priority, store.db,
        "SELECT * FROM meeting_priorities WHERE meeting_id = ? ORDER BY position", [meeting_id]
    )


def latest_before(store: Store, group_id: int, meeting_id: int,
                  quarter: str | None = None) -> list[Priority]:
    """The priorities of the group's newest earlier meeting that chose any (for `quarter`,
    when given): those in force, or chosen ahead for that quarter."""
    for_quarter = "" if quarter is None else " AND q.quarter = :quarter"
    return models(Priority, store.db,
        "SELECT p.* FROM meeting_priorities p WHERE p.meeting_id = ("
        "  SELECT m.id FROM meetings m JOIN meetings this ON this.id = :meeting "
        "  WHERE m.group_id = :group AND m.id != this.id "
        "  AND (m.date < this.date OR (m.date = this.date AND m.id < this.id)) "
        "  AND EXISTS (SELECT 1 FROM meeting_priorities q WHERE q.meeting_id = m.id"
        f"{for_quarter}) ORDER BY m.date DESC, m.id DESC LIMIT 1) ORDER BY p.position",
        {"meeting": meeting_id, "group": group_id, "quarter": quarter})


__all__ = ["insert_records", "latest_before", "priorities_of", "replace_priorities"]
