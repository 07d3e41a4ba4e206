"""Two programs saving at once (the app and `meetingtui demo`, two terminals on one file) wait
for each other: a unit of work that read first and writes second must not fail with "database is
locked" because the other one committed in between."""

from __future__ import annotations

import threading
from pathlib import Path

from meetingtui.store.db import Store, StoreError


def test_a_unit_of_work_that_reads_then_writes_waits_for_another_writer(tmp_path: Path) -> None:
    db = tmp_path / "two.db"
    Store.open(db).close()
    opened, read, other_done = threading.Event(), threading.Event(), threading.Event()
    errors: list[StoreError] = []

    def other_program() -> None:
        other = Store.open(db)  # a connection of its own, as another process has
        opened.set()
        read.wait(timeout=10)
        try:
            with other.transaction() as conn:
                conn.execute("INSERT INTO settings (key, value) VALUES ('andra', '2')")
        except StoreError as error:
            errors.append(error)
        finally:
            other.close()
            other_done.set()

    thread = threading.Thread(target=other_program)
    thread.start()
    assert opened.wait(timeout=10)
    store = Store.open(db)
    try:
        with store.transaction() as conn:
            count = conn.execute("SELECT count(*) FROM settings").fetchone()[0]
            read.set()
            other_done.wait(timeout=0.5)  # the other one commits here unless it has to wait
            conn.execute("INSERT INTO settings (key, value) VALUES ('första', ?)", [str(count)])
    finally:
        store.close()
        thread.join(timeout=10)
    assert not errors, errors

    check = Store.open(db)
    try:
        saved = dict(check.db.execute("SELECT key, value FROM settings").fetchall())
    finally:
        check.close()
    assert saved == {"första": "0", "andra": "2"}
