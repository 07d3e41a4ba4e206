"""Changes made to closed meetings: the minutes never change silently."""

from __future__ import annotations

from meetingtui.model import Amendment
from meetingtui.store.db import Store
from meetingtui.store.rows import insert_record, models


def insert_amendment(store: Store, amendment: Amendment) -> None:
    with store.transaction() as db:
        insert_record(db, "amendments", amendment, versioned=False)


def amendments_of(store: Store, meeting_id: int) -> list[Amendment]:
    return models(Amendment, store.db,
        "SELECT * FROM amendments WHERE meeting_id = ? ORDER BY id", [meeting_id]
    )
