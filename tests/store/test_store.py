"""The store: pragmas, file mode, refusal of foreign and newer files, migrations with backup."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from meetingtui.model import Group, Meeting, MeetingStatus, Observation, Trend
from meetingtui.store import schema, version
from meetingtui.store.db import APPLICATION_ID, Store, StoreError
from meetingtui.store.groups import get_group, insert_group
from meetingtui.store.lagesbild import insert_observation, observations_of, remove_observation
from meetingtui.store.meetings import get_meeting, insert_meeting
from meetingtui.store.search import find


def test_new_database_has_pragmas_and_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "m.db"
    store = Store.open(path)
    conn = store.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    store.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_version_matches_the_migrations() -> None:
    import sqlite_utils

    assert len(schema.migrations.pending(sqlite_utils.Database(memory=True))) == schema.VERSION


def test_round_trip_keeps_swedish_text_and_types(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    group = insert_group(store, Group(template_id="est", name="Trygghet å ä ö", short="EST"))
    assert group.id is not None
    meeting = insert_meeting(store, Meeting(group_id=group.id, date=date(2026, 11, 10),
                                            place="Kommunhuset, sal Ö"))
    assert meeting.id is not None
    obs = insert_observation(store, Observation(
        meeting_id=meeting.id, area="Resecentrum", description="Klotter på **väntkuren**\nigen",
        trend=Trend.RISING, level=2, confidential=True,
    ))
    store.close()

    again = Store.open(tmp_path / "m.db")
    assert get_group(again, group.id) == group
    stored = get_meeting(again, meeting.id)
    assert stored is not None and stored.status is MeetingStatus.PLANNED
    assert stored.place == "Kommunhuset, sal Ö"
    assert observations_of(again, meeting.id) == [obs]


def test_removal_is_soft_and_search_finds_words(tmp_path: Path) -> None:
    from datetime import datetime

    store = Store.open(tmp_path / "m.db")
    group = insert_group(store, Group(template_id="est", name="EST", short="EST"))
    assert group.id
    meeting = insert_meeting(store, Meeting(group_id=group.id, date=date(2026, 11, 10)))
    assert meeting.id
    obs = insert_observation(store, Observation(
        meeting_id=meeting.id, area="Hamnen", description="Nedskräpning vid kajen"))
    assert [h.row_id for h in find(store.conn, "kajen")[0]] == [obs.id]
    assert find(store.conn, 'kajen" OR "x')[0] == []  # user input is never FTS syntax
    assert obs.id
    remove_observation(store, obs.id, datetime(2026, 11, 23, 10, 0))
    assert observations_of(store, meeting.id) == []
    assert store.db.execute("SELECT count(*) FROM observations").fetchone()[0] == 1
    assert find(store.conn, "kajen") == ([], 0)


def test_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"Minnesanteckningar, inte en databas\n" * 50)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a meetingtui database"):
        Store.open(path)
    assert path.read_bytes() == before


def test_refuses_another_programs_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)
    assert path.read_bytes() == before


def test_refuses_a_newer_schema_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer meetingtui"):
        Store.open(path)
    assert path.read_bytes() == before


def test_older_schema_is_backed_up_then_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                 ) -> None:
    """A database of today's version opened by code that knows one more migration."""
    path = tmp_path / "m.db"
    store = Store.open(path)
    insert_group(store, Group(template_id="est", name="EST", short="EST"))
    store.close()

    @schema.migrations(name="m999_test_column")
    def _add_column(db: object) -> None:
        db.execute("ALTER TABLE groups ADD COLUMN note TEXT")  # type: ignore[attr-defined]

    monkeypatch.setattr(version, "VERSION", version.VERSION + 1)
    try:
        migrated = Store.open(path)
        columns = {c.name for c in migrated.db.table("groups").columns}
        assert "note" in columns
        assert migrated.db.execute("SELECT name FROM groups").fetchall() == [("EST",)]
        migrated.close()
        backups = list(tmp_path.glob(f"m.v{version.VERSION - 1}-*.bak.db"))
        assert len(backups) == 1
        old = sqlite3.connect(backups[0])
        assert old.execute("PRAGMA user_version").fetchone()[0] == version.VERSION - 1
        assert old.execute("SELECT name FROM groups").fetchall() == [("EST",)]
        assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    finally:
        schema.migrations._migrations.pop()


def test_locked_database_gives_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    store = Store.open(path)
    store.db.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="busy in another program"):
            insert_group(store, Group(template_id="x", name="X", short="X"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.db.execute("SELECT count(*) FROM groups").fetchone()[0] == 0


def test_a_failed_write_leaves_nothing_half_done(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    with pytest.raises(StoreError), store.transaction() as db:
        db.table("groups").insert({"template_id": "est", "name": "EST", "short": "EST"})
        db.execute("INSERT INTO meetings (group_id, date) VALUES (999, '2026-01-01')")
    assert store.db.execute("SELECT count(*) FROM groups").fetchone()[0] == 0


def test_full_disk_gives_a_plain_message_and_keeps_what_was_saved(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    insert_group(store, Group(template_id="est", name="EST", short="EST"))
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")  # the "disk" is now full
    with pytest.raises(StoreError, match="disk is full"):
        # More than the pages schema 7 left free (it dropped the first search indexes) hold.
        for number in range(1000):
            insert_group(store, Group(template_id=f"g{number}", name="x" * 150, short="X"))
    assert store.db.execute("SELECT short FROM groups WHERE template_id = 'est'").fetchall() == [
        ("EST",)
    ]


def test_a_snapshot_reads_one_state_while_another_program_writes(tmp_path: Path) -> None:
    """A publish's worker reads every meeting inside one snapshot: a place changed by another
    program meanwhile shows on none of its pages, and on the next publish's."""
    store = Store.open(tmp_path / "m.db")
    group = insert_group(store, Group(template_id="est", name="EST", short="EST"))
    assert group.id is not None
    meeting = insert_meeting(store, Meeting(group_id=group.id, date=date(2026, 11, 10),
                                            place="Kommunhuset"))
    assert meeting.id is not None
    other = Store.open(tmp_path / "m.db")
    store.keep_pages(64)
    assert store.conn.execute("PRAGMA cache_size").fetchone()[0] == -64 * 1024
    with store.snapshot():
        assert (m := get_meeting(store, meeting.id)) is not None and m.place == "Kommunhuset"
        with other.transaction() as db:  # not locked out: the snapshot only reads
            db.execute("UPDATE meetings SET place = 'Stadshuset' WHERE id = ?", [meeting.id])
        assert (m := get_meeting(store, meeting.id)) is not None and m.place == "Kommunhuset"
    assert not store.conn.in_transaction
    assert (m := get_meeting(store, meeting.id)) is not None and m.place == "Stadshuset"
