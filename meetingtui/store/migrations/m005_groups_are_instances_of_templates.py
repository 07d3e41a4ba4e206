"""Groups are instances of templates (a table rebuilt: not in a transaction)."""

from __future__ import annotations

import sqlite3
import uuid

from sqlite_utils import Database

from meetingtui.store.migrations import migrations


@migrations(transactional=False)
def m005_groups_are_instances_of_templates(db: Database) -> None:
    """A municipality makes meetingtui its own (issue 14).

    - A template is a group *type*: several groups may share one (Upplands Väsby's three
      district councils), each with its own name and short name, and a group can be archived
      (it keeps its meetings and leaves the home screen). `template_id` was UNIQUE, which SQLite
      cannot drop: the table is built anew, with foreign keys off for the swap. That needs this
      migration outside the framework's transaction, so it runs in one of its own and does
      only what is not done yet: a file interrupted before the framework recorded it runs it
      again and finds the work done.
    - A group may have its own rhythm (`frequency`, `skip_months`; NULL: the template's) and
      chair (empty: the template's).
    - Members are people: an e-mail (optional) and whether a member is a substitute.
    - A meeting keeps its diarienummer, when and where it is justerad, and whom the minutes are
      sent to (`dnr`, `justering`, `expedieras`); and, closed, the names its minutes were filed
      under (`filed_municipality`, `filed_group`, `filed_short`), so that renaming the
      municipality or the group later never changes a closed meeting's minutes.
    - The database gets an id of its own (`settings.database_id`): calendar UIDs derive from it
      and stay the same when the municipality's name changes.
    """
    conn = db.conn
    script = ["BEGIN IMMEDIATE;"]
    if "archived" not in _columns(conn, "groups"):
        script.append(_M005_GROUPS)
    for table, column, declaration in _M005_COLUMNS:
        if column not in _columns(conn, table):
            script.append(f"ALTER TABLE {table} ADD COLUMN {column} {declaration};")
    script.append(_M005_FILED)
    script.append("INSERT OR IGNORE INTO settings (key, value) VALUES "
                  f"('database_id', '{uuid.uuid4().hex}');")
    conn.execute("PRAGMA foreign_keys = OFF")  # not possible inside a transaction
    try:
        # One script from BEGIN on: executescript commits whatever is open before it runs.
        conn.executescript("\n".join(script))
        try:
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"foreign keys broken by m005: {problems[:3]}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


_M005_GROUPS = """
    CREATE TABLE groups_new (
        id INTEGER PRIMARY KEY,
        template_id TEXT NOT NULL,
        name TEXT NOT NULL,
        short TEXT NOT NULL,
        municipality TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        archived INTEGER NOT NULL DEFAULT 0,
        frequency TEXT,
        skip_months TEXT,
        chair TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO groups_new (id, template_id, name, short, municipality, version)
        SELECT id, template_id, name, short, municipality, version FROM groups;
    DROP TABLE groups;
    ALTER TABLE groups_new RENAME TO groups;
    CREATE INDEX groups_template ON groups (template_id);
"""

_M005_COLUMNS = (
    ("people", "email", "TEXT NOT NULL DEFAULT ''"),
    ("group_members", "substitute", "INTEGER NOT NULL DEFAULT 0"),
    ("meetings", "dnr", "TEXT NOT NULL DEFAULT ''"),
    ("meetings", "justering", "TEXT NOT NULL DEFAULT ''"),
    ("meetings", "expedieras", "TEXT NOT NULL DEFAULT ''"),
    ("meetings", "filed_municipality", "TEXT"),
    ("meetings", "filed_group", "TEXT"),
    ("meetings", "filed_short", "TEXT"),
)

_M005_FILED = """
    UPDATE meetings SET
        filed_municipality = coalesce(
            (SELECT value FROM settings WHERE key = 'municipality'), 'Exempelkommun'),
        filed_group = (SELECT name FROM groups g WHERE g.id = meetings.group_id),
        filed_short = (SELECT short FROM groups g WHERE g.id = meetings.group_id)
    WHERE status = 'closed' AND filed_group IS NULL;
"""

