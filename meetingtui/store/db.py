"""Opening the database: checks before touching it, pragmas, backups, and plain-word errors.

A file is opened read-only first to see what it is; only a meetingtui database of this or an
older schema is ever written to. Older ones are copied beside themselves before migrating.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from meetingtui.store import version as schema_version
from meetingtui.store.owner_only import owner_only

if TYPE_CHECKING:
    import sqlite_utils

# Marks a meetingtui database (PRAGMA application_id): "MTUI".
APPLICATION_ID = 0x4D545549
BUSY_TIMEOUT_MS = 5000


# SQLite's primary result codes that a user can act on (the extended code's low byte).
_READONLY = 8
_CANTOPEN = 14
_FULL = 13
_NOTADB = 26
_READONLY_DIRECTORY = 1544  # SQLITE_READONLY_DIRECTORY: the folder refuses the -wal/-shm files


class StoreError(Exception):
    """A database problem said in words a user can act on.

    ``reason`` is stable for callers that word the message themselves (the UI, in its language):
    ``busy``, ``disk_full``, ``read_only``, ``read_only_folder``, ``not_database``,
    ``cannot_open``, ``newer``, ``foreign`` or ``failed``.
    """

    def __init__(self, message: str, *, reason: str = "failed", path: Path | None = None
                 ) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path


def _code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", 0) or 0)


def explain(error: sqlite3.Error, path: Path | None, *, opening: bool = False) -> StoreError:
    """The user's words for `error`; `opening` when nothing was being saved yet."""
    text = str(error).lower()
    code = _code(error)
    where = f" ({path})" if path else ""
    if "locked" in text or "busy" in text:
        return StoreError(
            f"The database{where} is busy in another program; nothing was changed. Try again.",
            reason="busy", path=path)
    if code & 0xFF == _FULL or "full" in text:
        return StoreError(
            f"The disk is full{where}; the last change was not saved. Free some space and retry.",
            reason="disk_full", path=path)
    if code == _READONLY_DIRECTORY and path is not None:
        return StoreError(
            f"The folder {path.parent} is read-only: SQLite keeps its journal files beside the "
            f"database {path.name} there, so meetingtui cannot use it; nothing was changed. "
            "Make the folder writable, or copy the file to a folder of your own (--db).",
            reason="read_only_folder", path=path)
    if code & 0xFF == _READONLY or "readonly" in text or "read-only" in text:
        if opening and path is not None:
            return StoreError(
                f"{path} is read-only, and meetingtui saves every edit in it as it is made; "
                "nothing was changed. Make the file writable, or copy it to a folder of your "
                "own (--db).", reason="read_only", path=path)
        return StoreError(f"The database{where} is read-only; the change was not saved.",
                          reason="read_only", path=path)
    if code & 0xFF == _NOTADB or "not a database" in text or "malformed" in text:
        return StoreError(f"{path or 'The file'} is not a readable meetingtui database.",
                          reason="not_database", path=path)
    if code & 0xFF == _CANTOPEN or "unable to open" in text:
        return StoreError(
            f"Cannot open the database{where}: check the folder exists and is yours.",
            reason="cannot_open", path=path)
    return StoreError(f"Database error{where}: {error}", path=path)


class Store:
    """The one object that holds the connection. Query modules take it as first argument.

    `conn` is the plain connection; `db`, sqlite-utils' wrapper around it, is made on first use:
    the home screen's queries run on `conn` before sqlite-utils is imported."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._db: sqlite_utils.Database | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._db

    @classmethod
    def memory(cls) -> Store:
        from meetingtui.store import schema

        store = cls(sqlite3.connect(":memory:", isolation_level=None), None)
        store._prepare()
        schema.migrate(store.db)
        return store

    @classmethod
    def open(cls, path: Path) -> Store:
        path = path.expanduser()
        version = _inspect(path)
        if version > schema_version.VERSION:
            raise StoreError(
                f"{path} was written by a newer meetingtui (schema {version}, this one knows "
                f"{schema_version.VERSION}). Update meetingtui; the file was left untouched.",
                reason="newer", path=path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            old_mask = os.umask(0o077)  # the database, -wal and -shm files: owner only
            try:
                owner_only(path)  # before SQLite copies the file's mode to new -wal/-shm files
                conn = sqlite3.connect(path, isolation_level=None, check_same_thread=True)
                store = cls(conn, path)
                store._prepare()
                if 0 < version < schema_version.VERSION:
                    store.backup(_backup_name(path, version))
                if version < schema_version.VERSION:  # a file of this version is up to date
                    from meetingtui.store import schema

                    schema.migrate(store.db)
            finally:
                os.umask(old_mask)
            path.chmod(0o600)
            owner_only(path)
        except sqlite3.Error as error:
            raise explain(error, path, opening=True) from error
        except OSError as error:
            raise StoreError(f"Cannot open the database {path}: {error.strerror}",
                             reason="cannot_open", path=path) from error
        return store

    def _prepare(self) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: an acknowledged edit survives a dead battery; a commit still costs < 1 ms here.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One unit of work, committed at the end of the outermost block, or nothing at all.

        The outermost block takes the write lock at once (BEGIN IMMEDIATE): a deferred
        transaction that read first could not take it after another program committed (SQLite
        answers "database is locked" at once, without waiting out the busy timeout), whereas
        waiting for the lock up front lets two programs save one after the other.
        """
        conn = self.db.conn
        try:
            if conn.in_transaction:
                with self.db.atomic():  # a savepoint inside the outer unit of work
                    yield self.db
                return
            db = self.db  # sqlite-utils imported (on first use) before the lock is taken
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield db
                conn.execute("COMMIT")
            except BaseException:
                conn.rollback()  # a no-op when a failed COMMIT has already ended it
                raise
        except sqlite3.Error as error:
            raise explain(error, self.path) from error

    def revision(self) -> tuple[int, int]:
        """Changes so far: this connection's rows written and other connections' commits.

        Equal values mean nothing was written in between, so a view read before is still true.
        """
        conn = self.conn
        try:
            (data_version,) = conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error as error:
            raise explain(error, self.path) from error
        return conn.total_changes, int(data_version)

    def backup(self, target: Path) -> Path:
        """A consistent copy through SQLite's online backup API, safe while others write."""
        old_mask = os.umask(0o077)
        try:
            dest = sqlite3.connect(target)
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
        finally:
            os.umask(old_mask)
        return target

    def close(self) -> None:
        self.conn.close()


def _backup_name(path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.v{version}-{stamp}.bak{path.suffix}")


def _inspect(path: Path) -> int:
    """The schema version of an existing file (0 for none), refusing what is not ours."""
    if not path.exists() or path.stat().st_size == 0:
        return 0
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise explain(error, path, opening=True) from error
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if _code(error) & 0xFF != _NOTADB and "not a database" not in str(error).lower():
            # A real database that cannot be read here (a read-only folder, a lock): say so
            # rather than call the user's minutes "not a database".
            raise explain(error, path, opening=True) from error
        raise StoreError(
            f"{path} is not a meetingtui database (not an SQLite file); it was left untouched.",
            reason="not_database", path=path) from error
    finally:
        conn.close()
    if tables and app_id != APPLICATION_ID:
        raise StoreError(
            f"{path} is an SQLite file of another program, not a meetingtui database; "
            "it was left untouched.", reason="foreign", path=path)
    return version
