"""`meetingtui backup`: a checked copy of the database, never over a file by accident.

The copy is made in a temporary file beside the target, checked with `PRAGMA integrity_check`,
and only then put in place, so the target is the old file, absent, or a sound copy. A new
backup is linked into place (which fails rather than replacing a file that appeared meanwhile);
an existing one is replaced, with `force`, only if it is itself a meetingtui database, and then
through SQLite's backup API so that its journal makes the replacement all or nothing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from meetingtui.store.backup import copy_database, integrity_problems, is_meetingtui_database
from meetingtui.store.db import StoreError
from meetingtui.store.durable import sync_folder

FILE_MODE = 0o600
DIR_MODE = 0o700


class BackupError(StoreError):
    """A backup that was not made, said in one line; nothing was replaced."""


def back_up(source: Path, target: Path, *, force: bool = False) -> Path:
    """Copy the database `source` to `target`, owner-only; raises `BackupError`."""
    source, target = source.expanduser(), target.expanduser()
    if not source.is_file():
        raise BackupError(f"There is no database at {source}; nothing to back up.")
    _check_target(source, target, force)
    try:
        # Each missing folder owner-only: mkdir(parents=True) gives the mode to the last one only.
        missing = [f for f in (target.parent, *target.parent.parents) if not f.exists()]
        for folder in reversed(missing):
            folder.mkdir(mode=DIR_MODE, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as error:
        raise BackupError(f"Cannot write a backup in {target.parent}: {error.strerror}.") from None
    tmp = Path(name)
    try:
        os.chmod(tmp, FILE_MODE)
        copy_database(source, tmp)
        problems = integrity_problems(tmp)
        if problems:
            raise BackupError(f"The copy of {source} failed its integrity check "
                              f"({problems[0]}); {target} was not written.")
        _put_in_place(tmp, target, force)
    except OSError as error:
        raise BackupError(f"Could not write {target}: {error.strerror or error}.") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return target


def _check_target(source: Path, target: Path, force: bool) -> None:
    if target.is_dir():
        raise BackupError(f"{target} is a folder; give the backup a file name.")
    if target.exists() and target.resolve() == source.resolve():
        raise BackupError(f"{target} is the database itself; choose another file.")
    if not target.exists():
        return
    if not force:
        raise BackupError(f"{target} already exists and was not replaced. Choose another name, "
                          "or replace an older backup on purpose (--force).")
    if not is_meetingtui_database(target):
        raise BackupError(f"{target} is not a meetingtui database, so even with --force it "
                          "was left untouched.")


def _put_in_place(tmp: Path, target: Path, force: bool) -> None:
    if force and target.exists():
        copy_database(tmp, target)
        os.chmod(target, FILE_MODE)
        return
    try:
        os.link(tmp, target)  # atomic, and refuses a file that appeared since the check
    except FileExistsError:
        raise BackupError(f"{target} appeared while the backup was made and was not "
                          "replaced.") from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        if target.exists():  # a file system without hard links: check, then rename
            raise BackupError(f"{target} appeared while the backup was made and was not "
                              "replaced.") from None
        os.replace(tmp, target)
    sync_folder(target.parent)
