"""A measure's status is stored beside it (schema 3) and must always be its history's newest
entry: after recording, after migrating an older file, after a history row is changed."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from meetingtui.model import Measure, MeasureStatus
from meetingtui.services import followup, groups, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.store.db import Store
from tests.paths import FIXTURES

NEWEST = ("SELECT m.id, m.status, (SELECT u.new_status FROM measure_updates u "
          "WHERE u.measure_id = m.id ORDER BY u.id DESC LIMIT 1) FROM measures m ORDER BY m.id")


def _disagree(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return [row for row in conn.execute(NEWEST) if row[1] != row[2]]


def test_the_stored_status_follows_every_update(ws: Workspace) -> None:
    groups.ensure_groups(ws)
    est = groups.find_group(ws, "est")
    assert est is not None and est.id is not None
    meeting = meetings.plan_meeting(ws, est.id, date(2026, 11, 10))
    assert meeting.id is not None
    made = [lagesbild.save_measure(ws, Measure(meeting_id=meeting.id, text=f"Åtgärd {n}",
                                               owner="Tekniska")) for n in range(3)]
    for measure, statuses in zip(made, ([MeasureStatus.IN_PROGRESS, MeasureStatus.DONE],
                                        [MeasureStatus.CANCELLED], []), strict=True):
        assert measure.id is not None
        for status in statuses:
            followup.record_update(ws, measure.id, status)
    conn = ws.store.conn
    assert [row[1] for row in conn.execute(NEWEST)] == ["done", "cancelled", "not_started"]
    assert _disagree(conn) == []
    conn.execute("DELETE FROM measure_updates WHERE id = (SELECT max(id) FROM measure_updates "
                 "WHERE measure_id = ?)", [made[0].id])
    conn.execute("UPDATE measure_updates SET new_status = 'done' WHERE measure_id = ?",
                 [made[1].id])
    assert [row[1] for row in conn.execute(NEWEST)] == ["in_progress", "done", "not_started"]
    assert _disagree(conn) == []


def test_an_older_file_gets_the_status_of_its_history(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema-v2.db", db)
    Store.open(db).close()
    conn = sqlite3.connect(db)
    try:
        assert [row[1] for row in conn.execute(NEWEST)] == ["done", "in_progress"]
        assert _disagree(conn) == []
        plan = " ".join(str(r) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM measures_current WHERE status IN (?, ?)",
            ["not_started", "in_progress"]))
        assert "measures_status_due" in plan  # open measures without reading the others
    finally:
        conn.close()
