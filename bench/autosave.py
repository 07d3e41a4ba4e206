"""One autosaved edit as the meeting screen makes it: `edit_item`, commit included."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.databases import DemoDb, copy_database
from bench.stats import Samples


def time_edits(db: DemoDb, edits: int = 200) -> tuple[Samples, str]:
    """Milliseconds per edit over `edits` edits of a running meeting's items, on a copy of `db`.

    Returns the samples and the `synchronous` setting the store ran with (2 = FULL).
    """
    from meetingtui.paths import Locations
    from meetingtui.services import meetings
    from meetingtui.services.workspace import open_workspace

    if db.planned_meeting is None:
        raise RuntimeError(f"{db.path.name} has no planned meeting to start")
    with tempfile.TemporaryDirectory(prefix="meetingtui-bench-") as tmp:
        path = Path(tmp) / "edit.db"
        copy_database(db.path, path)
        ws = open_workspace(Locations(db=path, agendas=None, exports=Path(tmp)))
        try:
            synchronous = ws.store.db.execute("PRAGMA synchronous").fetchone()[0]
            meeting = meetings.start_meeting(ws, db.planned_meeting)
            assert meeting.id is not None
            item_ids = [item.id for item in meetings.items(ws, meeting.id) if item.id is not None]
            times: list[float] = []
            for n in range(edits):
                item_id = item_ids[n % len(item_ids)]
                started = time.perf_counter()
                meetings.edit_item(ws, item_id, notes=f"Anteckning {n}: läget lugnt i centrum.")
                times.append((time.perf_counter() - started) * 1000)
        finally:
            ws.close()
    names = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}
    return Samples(tuple(times)), names.get(int(synchronous), str(synchronous))
