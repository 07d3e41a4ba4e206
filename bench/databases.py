"""The demo databases: built by `meetingtui demo` once a day, reused from bench/.cache/."""

from __future__ import annotations

import sqlite3
import subprocess
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.paths import CACHE, MEETINGTUI


@dataclass(frozen=True)
class DemoDb:
    years: int
    path: Path
    largest_meeting: int  # the meeting with the most observations
    observations: int  # how many that meeting has
    busiest_owner: str  # the owner of the most measures
    meetings: int
    planned_meeting: int | None  # one not yet held, to start and edit


def demo_db(years: int, meetings_per_year: int | None = None) -> DemoDb:
    """The database for this many years, built today or reused (keyed by years and date)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    per_year = meetings_per_year or 0
    path = CACHE / f"demo-y{years}-m{per_year}-{date.today().isoformat()}.db"
    if not path.exists():
        for stale in CACHE.glob(f"demo-y{years}-m{per_year}-*.db*"):
            stale.unlink()
        partial = path.with_suffix(".partial")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        command = [str(MEETINGTUI), "--db", str(partial), "demo", "--years", str(years)]
        if meetings_per_year:
            command += ["--meetings-per-year", str(meetings_per_year)]
        started = time.perf_counter()
        print(f"building {path.name} …", flush=True)
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        _checkpoint(partial)
        partial.rename(path)
        print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return _describe(years, path)


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the file, so that the database is one file to rename and copy."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _describe(years: int, path: Path) -> DemoDb:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        largest, count = conn.execute(
            "SELECT meeting_id, count(*) AS n FROM observations GROUP BY meeting_id "
            "ORDER BY n DESC, meeting_id LIMIT 1").fetchone()
        (owner,) = conn.execute(
            "SELECT owner FROM measures GROUP BY owner ORDER BY count(*) DESC, owner LIMIT 1"
        ).fetchone()
        (meetings,) = conn.execute("SELECT count(*) FROM meetings").fetchone()
        planned = conn.execute(
            "SELECT id FROM meetings WHERE status = 'planned' ORDER BY date, id LIMIT 1").fetchone()
    finally:
        conn.close()
    return DemoDb(years, path, int(largest), int(count), str(owner), int(meetings),
                  int(planned[0]) if planned else None)
