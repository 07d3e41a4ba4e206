"""Two programs saving at once (the app and `meetingtui demo`, two terminals on one file) wait
for each other: a unit of work that read first and writes second must not fail with "database is
locked" because the other one committed in between."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from meetingtui.model import Observation
from meetingtui.services import lagesbild
from meetingtui.store.db import Store, StoreError
from tests.robustness.conftest import open_ws
from tests.robustness.terminal import wait_until


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
            count = conn.execute("SELECT count(*) FROM settings WHERE key != 'database_id'"
                                 ).fetchone()[0]
            read.set()
            other_done.wait(timeout=0.5)  # the other one commits here unless it has to wait
            conn.execute("INSERT INTO settings (key, value) VALUES ('första', ?)", [str(count)])
    finally:
        store.close()
        thread.join(timeout=10)
    assert not errors, errors

    check = Store.open(db)
    try:
        saved = dict(check.db.execute(
            "SELECT key, value FROM settings WHERE key != 'database_id'").fetchall())
    finally:
        check.close()
    assert saved == {"första": "0", "andra": "2"}


def test_a_save_gets_its_turn_beside_a_program_that_saves_without_a_pause(
    tmp_path: Path, agendas: Path, planned: tuple[Path, int],
) -> None:
    """Another program saving without a pause (as `meetingtui demo` does) leaves the write lock
    free only between its saves; each of the app's saves still gets its turn, in order."""
    db, meeting = planned
    log = tmp_path / "writer.log"
    with log.open("w") as out:
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.robustness.writer", str(db), str(agendas),
             str(meeting), "1000000"], stdout=out, stderr=subprocess.STDOUT)
    ws = open_ws(db, agendas)
    try:
        wait_until(lambda: "saved 20\n" in log.read_text(), "the writer's first commits")
        started = time.monotonic()
        for n in range(30):
            lagesbild.save_observation(ws, Observation(
                meeting_id=meeting, area="Torget", description=f"Appens iakttagelse {n}"))
        took = time.monotonic() - started
        assert writer.poll() is None, log.read_text()  # the writer kept writing all along
    finally:
        writer.kill()
        writer.wait()
        ws.close()
    saved = [o.description for o in lagesbild_observations(db, agendas, meeting)]
    assert [d for d in saved if d.startswith("Appens")] == [
        f"Appens iakttagelse {n}" for n in range(30)]
    assert took < 30


def lagesbild_observations(db: Path, agendas: Path, meeting: int) -> list[Observation]:
    ws = open_ws(db, agendas)
    try:
        return lagesbild.observations(ws, meeting)
    finally:
        ws.close()
