"""What no file meetingtui writes may replace: a database and the files SQLite keeps beside it.

Every writer asks here before it writes (`export/files.py::write_export` for minutes and action
lists, `services/backup.py` for backups), whatever the path's spelling: relative, with `..`,
through a symbolic link or a hard link. An existing file is compared by identity
(`os.path.samefile`), a name not yet on the disk by its real path, and any existing file by
SQLite's header. Standard library only: the command line imports it for every export.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: The first 16 bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: The files SQLite keeps beside a database, named after it.
COMPANIONS = ("-wal", "-shm", "-journal")


def database_files(database: Path) -> list[Path]:
    """The database and its -wal, -shm and -journal files, as named and, for a database reached
    through a symbolic link, beside the real file (where SQLite keeps them)."""
    database = database.expanduser()
    names = [database]
    real = Path(os.path.realpath(database))
    if real != database:
        names.append(real)
    return [each.with_name(f"{each.name}{suffix}") if suffix else each
            for each in names for suffix in ("", *COMPANIONS)]


def is_sqlite_file(path: Path) -> bool:
    """True for a regular file (through any link) that starts with SQLite's header; never raises
    and never opens anything but a regular file (a named pipe would block)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except (OSError, ValueError):
        return False


def _real(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def same_file(a: Path, b: Path) -> bool:
    """Whether `a` and `b` are one file: the same inode when both exist (a hard link too), else
    the same real path (symbolic links and `..` resolved)."""
    try:
        if os.path.samefile(a, b):
            return True
    except (OSError, ValueError):
        pass
    try:
        return _real(a) == _real(b)
    except (OSError, ValueError):
        return False


def database_part(target: Path, database: Path | None) -> Path | None:
    """Which of `database`'s files (itself, -wal, -shm, -journal) writing `target` would replace;
    None when none (or no database is given)."""
    if database is None:
        return None
    return next((each for each in database_files(database) if same_file(target, each)), None)


def sqlite_file_at(target: Path) -> Path | None:
    """The SQLite database that writing `target` would replace or tear from its journal: the file
    itself when it is one, or the database whose -wal, -shm or -journal it is; else None."""
    if is_sqlite_file(target):
        return Path(os.path.realpath(target))
    return companion_of(target)


def companion_of(target: Path) -> Path | None:
    """The SQLite database whose -wal, -shm or -journal file `target` names (as spelt, or where
    a link leads), whether that file exists yet or not; else None."""
    try:
        spellings = {target, Path(os.path.realpath(target))}
    except (OSError, ValueError):
        spellings = {target}
    for each in spellings:
        for suffix in COMPANIONS:
            if each.name.endswith(suffix) and len(each.name) > len(suffix):
                main = each.with_name(each.name[: -len(suffix)])
                if is_sqlite_file(main):
                    return main
    return None
