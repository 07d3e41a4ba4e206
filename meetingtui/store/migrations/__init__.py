"""The schema's forward migrations, one module each, registered in order on `migrations` as
`store.schema` imports them. Append new ones; never edit a released one."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("meetingtui")


def _run(db: Database, script: str) -> None:
    """A migration's statements one at a time, inside its transaction. `executescript` commits
    an open transaction first unless the connection is in autocommit mode (the store's is):
    this keeps a migration one transaction however it is opened, so that a program killed
    midway never leaves a file half-migrated."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        db.execute(statement)

