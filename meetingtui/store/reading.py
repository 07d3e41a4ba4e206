"""A connection for a command that only reads: straight to the file when it is of the schema
the direct readers know, else through `Store.open`, after `check` (which may refuse it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from meetingtui.store.actions import open_for_reading


@contextmanager
def reading(db_path: Path, check: Callable[[], None] | None = None,
            ) -> Iterator[sqlite3.Connection]:
    """Read-only and without sqlite-utils for a file of the current schema; any other file is
    first given to `check`, then opened by `Store.open` (which migrates or refuses it in plain
    words)."""
    direct = open_for_reading(db_path)
    if direct is not None:
        try:
            yield direct
        finally:
            direct.close()
        return
    if check is not None:
        check()
    from meetingtui.store.db import Store

    store = Store.open(db_path)
    try:
        yield store.conn
    finally:
        store.close()
