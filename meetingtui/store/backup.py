"""Copying a database file with SQLite's online backup API, and checking a copy.

The backup API reads one consistent snapshot while other programs keep writing (in WAL mode a
reader never blocks the writer), so a running app is never paused or torn in half. Deciding where
the copy goes and what it may replace is the service's job (`services/backup.py`).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from meetingtui.store.db import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    StoreError,
    explain,
    inspect_database,
    read_only,
)
from meetingtui.store.guard import is_sqlite_file


def is_meetingtui_database(path: Path) -> bool:
    """True for an SQLite file marked as ours; False for anything else (never raises). Reads
    only: nothing is created beside the file, whatever it turns out to be."""
    try:
        if not is_sqlite_file(path):
            return False
        conn = read_only(path)
    except (OSError, sqlite3.Error):
        return False
    try:
        return bool(conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID)
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def check_source(source: Path) -> None:
    """Raise `StoreError` unless `source` is a meetingtui database that can be read, saying why
    (no file, another program's file, a folder SQLite cannot work in …), never with a guess.
    Reads only: a refused file is left exactly as it was."""
    try:
        inspect_database(source, create=False)
    except StoreError as error:
        if error.reason != "newer":  # a newer meetingtui's database is copied as it is
            raise
    if not is_meetingtui_database(source):
        raise StoreError(f"{source} is not a meetingtui database; nothing was copied.",
                         reason="not_database", path=source, key="backup.source_not_ours")


def copy_database(source: Path, target: Path) -> None:
    """Copy the meetingtui database `source` into `target` (a new or an SQLite file).

    Writing into an existing database goes through its own journal, so `target` ends up either
    as it was or as a whole copy. An existing database is first taken out of WAL mode, which
    SQLite does only when no other program has it open (so a restore under a running app is
    refused instead of pulled from under it) and which folds a `-wal` left by a crash into the
    file instead of leaving it to be replayed over pages it does not belong to. The result, new
    or replaced, is in rollback-journal mode: one self-contained file that may be moved or
    copied like any other (the app turns WAL back on when it opens it).
    """
    fresh = not target.exists() or target.stat().st_size == 0
    check_source(source)
    src = _open_source(source)
    try:
        dest = sqlite3.connect(target, isolation_level=None)
        try:
            if not fresh:
                _leave_wal(dest, target)
            dest.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            src.backup(dest)  # all pages in one step: one snapshot, never restarted
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    except sqlite3.Error as error:
        raise explain(error, target) from error
    finally:
        src.close()


def _open_source(source: Path) -> sqlite3.Connection:
    """A connection that reads `source`, its problems said about `source` (not the copy).

    Read-write although only read: a read-only connection may not tidy the -wal and -shm files
    away when it is the last to close. In a folder that cannot be written (a read-only medium)
    no program can be saving into the database (SQLite could not make its files there), so it
    is read as it lies, creating nothing (`read_only`)."""
    real = Path(os.path.realpath(source))
    try:
        src = sqlite3.connect(source) if os.access(real.parent, os.W_OK) else read_only(source)
    except sqlite3.Error as error:
        raise explain(error, source, opening=True) from error
    try:
        src.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the -wal, if any
    except sqlite3.Error as error:
        src.close()
        raise explain(error, source, opening=True) from error
    return src


def _leave_wal(dest: sqlite3.Connection, target: Path) -> None:
    in_use = StoreError(f"{target} is open in another program (is meetingtui running?); quit it "
                        "and try again. Nothing was replaced.", reason="busy", path=target,
                        key="backup.in_use")
    try:
        mode = dest.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError as error:
        if "locked" in str(error).lower() or "busy" in str(error).lower():
            raise in_use from error
        raise
    if str(mode).lower() != "delete":
        raise in_use


def integrity_problems(path: Path) -> list[str]:
    """What `PRAGMA integrity_check` finds wrong with the file (empty when it is sound)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.Error as error:
        return [str(error)]
    return [] if rows == ["ok"] else rows
