"""The database and its -wal and -shm files readable by their owner only.

SQLite gives a new -wal or -shm file the database's own mode, whatever the umask, so a database
once readable by others (copied back from a backup with `cp`, say) would pass that on to every
session's -wal and -shm. Standard library only: the read-only `actions` path uses it too.
"""

from __future__ import annotations

import stat
from pathlib import Path


def owner_only(path: Path) -> None:
    """Take every permission of group and others from the database at ``path`` and its -wal and
    -shm files (those that exist). The owner's own bits stay: a file made read-only on purpose
    stays read-only."""
    for each in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
        if each.exists():
            mode = stat.S_IMODE(each.stat().st_mode)
            if mode & 0o077:
                each.chmod(mode & 0o700)
