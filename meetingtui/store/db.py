"""Opening the database: checks before touching it, pragmas, backups, and plain-word errors.

A file is opened read-only first to see what it is, in a way that creates nothing beside it
and changes nothing in it (`read_only`); only a meetingtui database of this or an older schema
is ever written to, or has its mode changed. Older ones are copied beside themselves before
migrating.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from meetingtui.i18n import os_error
from meetingtui.store import version as schema_version
from meetingtui.store.guard import SQLITE_HEADER
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
    ``cannot_open``, ``newer``, ``foreign``, ``missing`` or ``failed``.

    ``key`` is the i18n key that says this very message (the command line's words; by default
    ``store.<reason>``), formatted with ``path``, ``folder``, ``name`` and ``fields``.
    """

    def __init__(self, message: str, *, reason: str = "failed", path: Path | None = None,
                 key: str | None = None, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path
        self.key = key or f"store.{reason}"
        self.fields = dict(fields or {})


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
    if path is not None and opening and _folder_read_only(path) and (
            code & 0xFF in (_READONLY, _CANTOPEN) or "unable to open" in text):
        code = _READONLY_DIRECTORY  # SQLite cannot make its -wal/-shm beside the file there
    if code == _READONLY_DIRECTORY and path is not None:
        return StoreError(
            f"The folder {path.parent} is read-only: SQLite keeps its journal files beside the "
            f"database {path.name} there, so meetingtui cannot use it; nothing was changed. "
            "Make the folder writable, or copy the file to a folder of your own (--db).",
            reason="read_only_folder", path=path, key="store.opening_read_only_folder")
    if code & 0xFF == _READONLY or "readonly" in text or "read-only" in text:
        if opening and path is not None:
            return StoreError(
                f"{path} is read-only, and meetingtui saves every edit in it as it is made; "
                "nothing was changed. Make the file writable, or copy it to a folder of your "
                "own (--db).", reason="read_only", path=path, key="store.opening_read_only")
        return StoreError(f"The database{where} is read-only; the change was not saved.",
                          reason="read_only", path=path)
    if code & 0xFF == _NOTADB or "not a database" in text or "malformed" in text:
        return StoreError(f"{path or 'The file'} is not a readable meetingtui database.",
                          reason="not_database", path=path)
    if code & 0xFF == _CANTOPEN or "unable to open" in text:
        return StoreError(
            f"Cannot open the database{where}: check the folder exists and is yours.",
            reason="cannot_open", path=path)
    return StoreError(f"Database error{where}: {error}", path=path, key="store.failed_detail",
                      fields={"detail": str(error)})


def _folder_read_only(path: Path) -> bool:
    """Whether the folder that holds the database (the real file's) refuses new files: a
    read-only medium or a folder that is not ours."""
    try:
        folder = Path(os.path.realpath(path)).parent
        return folder.is_dir() and not os.access(folder, os.W_OK)
    except (OSError, ValueError):
        return False


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
    def open(cls, path: Path, *, create: bool = True) -> Store:
        """Open the meetingtui database at `path`, upgrading an older one; with `create`, make a
        new one where there is none. Anything else is refused untouched (`inspect_database`)."""
        path = path.expanduser()
        version = inspect_database(path, create=create)
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
            raise _cannot_open(path, error) from error
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

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads that all see one state of the file, whatever another program commits meanwhile
        (the minutes pages a publish makes agree with each other), and cheaper: one lock for
        them all instead of one a query, and the pages SQLite has read stay valid between them.
        Only for reading: nothing is written inside. Within a transaction: that one."""
        conn = self.conn
        if conn.in_transaction:
            yield
            return
        try:
            conn.execute("BEGIN")  # deferred: the snapshot is taken at the first read
        except sqlite3.Error as error:
            raise explain(error, self.path) from error
        try:
            yield
        finally:
            conn.rollback()  # nothing was written: nothing to keep (none left: a no-op)

    def keep_pages(self, mebibytes: int) -> None:
        """Let SQLite keep up to this much of the file in memory (a process reading much of it
        again and again, a publish's worker; the default is 2 MiB)."""
        try:
            self.conn.execute(f"PRAGMA cache_size = {-1024 * int(mebibytes)}")
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


def _cannot_open(path: Path, error: OSError) -> StoreError:
    return StoreError(f"Cannot open the database {path}: {error.strerror or error}",
                      reason="cannot_open", path=path, key="store.cannot_open_detail",
                      fields={"detail": os_error(error)})


def inspect_database(path: Path, *, create: bool = True) -> int:
    """The schema version of the meetingtui database at `path` (0: none yet), reading only.

    Raises `StoreError` for what meetingtui may not open, leaving it exactly as it was (bytes,
    mode, nothing new beside it): ``missing`` when there is no database (no file, or an empty
    one) and not `create`; ``not_database`` or ``foreign`` for a file that is not ours;
    ``newer`` for a newer schema; the reason SQLite gives for one it cannot read.
    """
    path = path.expanduser()
    version = _inspect(path)
    if version == 0 and not create:
        if _has_content(path):
            raise StoreError(f"{path} holds no meetingtui database yet (an empty SQLite file); "
                             "it was left untouched.", reason="missing", path=path,
                             key="store.empty")
        raise StoreError(f"No database at {path}; nothing was created. Check --db (or "
                         "MEETINGTUI_DB), or start meetingtui itself to create one.",
                         reason="missing", path=path)
    if version > schema_version.VERSION:
        raise StoreError(
            f"{path} was written by a newer meetingtui (schema {version}, this one knows "
            f"{schema_version.VERSION}). Update meetingtui; the file was left untouched.",
            reason="newer", path=path, key="store.newer_schema",
            fields={"version": str(version), "known": str(schema_version.VERSION)})
    return version


def _has_content(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that only reads `path` and leaves it, and its folder, exactly as they were.

    `mode=ro` alone is not enough: SQLite opens a WAL database by creating its -wal and -shm
    files when they are missing (and gives them the database's mode), and a read-only
    connection cannot remove them again. With neither file there, no program has the database
    open and the file itself holds all of it, so it is read `immutable=1` (no files, no locks);
    with them there (in use, or a program died with saves in the -wal) it is read `mode=ro`
    through them. SQLite keeps them beside the real file, so links are resolved first.
    """
    real = Path(os.path.realpath(path))
    companions = (real.with_name(f"{real.name}{suffix}") for suffix in ("-wal", "-shm"))
    quiet = _wal_mode(real) and not any(each.exists() for each in companions)
    return sqlite3.connect(f"{real.as_uri()}?{'immutable=1' if quiet else 'mode=ro'}", uri=True)


def _wal_mode(path: Path) -> bool:
    """Whether the file's header says WAL (bytes 18 and 19, the write and read versions, 2)."""
    try:
        with path.open("rb") as file:
            header = file.read(20)
    except OSError:
        return False
    return len(header) == 20 and 2 in (header[18], header[19])


def _inspect(path: Path) -> int:
    """The schema version of an existing file (0 for none), refusing what is not ours.

    A file that does not start with SQLite's header is refused without SQLite ever opening it;
    an SQLite file is read through `read_only`."""
    try:
        if not path.exists() or path.stat().st_size == 0:
            return 0
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise _cannot_open(path, error) from error
    if header != SQLITE_HEADER:
        raise StoreError(
            f"{path} is not a meetingtui database (not an SQLite file); it was left untouched.",
            reason="not_database", path=path, key="store.not_sqlite")
    try:
        conn = read_only(path)
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
            f"{path} is not a readable SQLite database (damaged?); it was left untouched.",
            reason="not_database", path=path, key="store.damaged") from error
    finally:
        conn.close()
    if tables and app_id != APPLICATION_ID:
        raise StoreError(
            f"{path} is an SQLite file of another program, not a meetingtui database; "
            "it was left untouched.", reason="foreign", path=path)
    return version
