"""An agenda item can be dropped from one meeting ("Punkten utgår")."""

from __future__ import annotations

from sqlite_utils import Database

from meetingtui.store.migrations import _run, migrations


@migrations()
def m009_items_can_be_dropped(db: Database) -> None:
    """`agenda_items.dropped`: 1 when the meeting did not take the item up ("Punkten utgår"),
    as the templates' yearly and quarterly items say most months; the minutes keep its § and
    say so. The item's notes and decision stay whatever it is."""
    _run(db, "ALTER TABLE agenda_items ADD COLUMN dropped INTEGER NOT NULL DEFAULT 0;")
