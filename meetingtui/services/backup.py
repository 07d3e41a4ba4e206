"""`meetingtui backup`: a checked copy of the database, never over a file by accident.

The copy is made in a temporary file beside the target, checked with `PRAGMA integrity_check`,
and only then put in place, so the target is the old file, absent, or a sound copy. A new
backup is linked into place (which fails rather than replacing a file that appeared meanwhile);
an existing one is replaced, with `force`, only if it is itself a meetingtui database, and then
through SQLite's backup API so that its journal makes the replacement all or nothing. The target
is never the database being copied, nor its -wal, -shm or -journal file, however it is spelt
(`store/guard.py`), nor a symbolic link (which could lead into any database).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from meetingtui.i18n import os_error
from meetingtui.store.backup import (
    check_source,
    copy_database,
    integrity_problems,
    is_meetingtui_database,
)
from meetingtui.store.db import StoreError
from meetingtui.store.durable import sync_folder
from meetingtui.store.guard import companion_of, database_part

FILE_MODE = 0o600
DIR_MODE = 0o700


class BackupError(StoreError):
    """A backup that was not made, said in one line; nothing was replaced.

    ``key`` (``backup.<what>``) says it in the interface language, with ``path`` the file the
    message is about and ``fields``."""

    def __init__(self, message: str, what: str, path: Path, **fields: str) -> None:
        super().__init__(message, path=path, key=f"backup.{what}", fields=fields)


def back_up(source: Path, target: Path, *, force: bool = False) -> Path:
    """Copy the database `source` to `target`, owner-only; raises `BackupError` (or the
    `StoreError` that says why `source` cannot be read)."""
    source, target = source.expanduser(), target.expanduser()
    if not source.is_file():
        raise BackupError(f"There is no database at {source}; nothing to back up.",
                          "no_source", source)
    _check_target(source, target, force)
    check_source(source)  # before any folder or file is made for the copy
    try:
        # Each missing folder owner-only: mkdir(parents=True) gives the mode to the last one only.
        missing = [f for f in (target.parent, *target.parent.parents) if not f.exists()]
        for folder in reversed(missing):
            folder.mkdir(mode=DIR_MODE, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as error:
        raise BackupError(f"Cannot write a backup in {target.parent}: "
                          f"{error.strerror or error}.", "unwritable", target,
                          detail=os_error(error)) from None
    tmp = Path(name)
    try:
        os.chmod(tmp, FILE_MODE)
        copy_database(source, tmp)
        problems = integrity_problems(tmp)
        if problems:
            raise BackupError(f"The copy of {source} failed its integrity check "
                              f"({problems[0]}); {target} was not written.", "integrity",
                              target, source=str(source), detail=problems[0])
        _put_in_place(source, tmp, target, force)
    except OSError as error:
        raise BackupError(f"Could not write {target}: {error.strerror or error}.", "failed",
                          target, detail=os_error(error)) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return target


def _check_target(source: Path, target: Path, force: bool) -> None:
    _refuse_database(source, target)
    if target.is_dir():
        raise BackupError(f"{target} is a folder; give the backup a file name.", "folder",
                          target)
    if not target.exists():
        return
    if not force:
        raise BackupError(f"{target} already exists and was not replaced. Choose another name, "
                          "or replace an older backup on purpose (--force).", "exists", target)
    if not is_meetingtui_database(target):
        raise BackupError(f"{target} is not a meetingtui database, so even with --force it "
                          "was left untouched.", "not_ours", target)


def _refuse_database(source: Path, target: Path) -> None:
    """Never the database being copied (nor its -wal, -shm, -journal), however spelt, and never
    through a symbolic link."""
    if database_part(target, source) is not None:
        raise BackupError(f"{target} is the database being backed up, {source}, or a file "
                          "SQLite keeps beside it; nothing was written. Choose another file.",
                          "is_source", target, database=str(source))
    other = companion_of(target)
    if other is not None:
        raise BackupError(f"{target} is a file SQLite keeps beside the database {other}; a "
                          "backup never goes there. Nothing was written; choose another file.",
                          "companion", target, database=str(other))
    if target.is_symlink():
        raise BackupError(f"{target} is a symbolic link; a backup is never written through one "
                          "(it could lead into any database). Give the path of a file itself; "
                          "nothing was written.", "symlink", target)


def _put_in_place(source: Path, tmp: Path, target: Path, force: bool) -> None:
    _refuse_database(source, target)  # a link may have appeared meanwhile
    if force and target.exists():
        copy_database(tmp, target)
        os.chmod(target, FILE_MODE)
        return
    try:
        os.link(tmp, target)  # atomic, and refuses a file that appeared since the check
    except FileExistsError:
        raise _appeared(target) from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        if target.exists():  # a file system without hard links: check, then rename
            raise _appeared(target) from None
        os.replace(tmp, target)
    sync_folder(target.parent)


def _appeared(target: Path) -> BackupError:
    return BackupError(f"{target} appeared while the backup was made and was not replaced.",
                       "appeared", target)
