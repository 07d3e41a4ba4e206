"""A database of every released schema (tests/fixtures/schema-v*.db) opens with the current
code, keeps every row, and is copied beside itself before a newer meetingtui changes it."""

from __future__ import annotations

import importlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.store import schema
from meetingtui.store import version as schema_version
from meetingtui.store.db import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RELEASED = sorted(int(p.stem.removeprefix("schema-v")) for p in FIXTURES.glob("schema-v*.db"))


def generator_rows(version: int) -> dict[str, list[dict[str, object]]]:
    module = importlib.import_module(f"tests.fixtures.make_schema_v{version}")
    rows: dict[str, list[dict[str, object]]] = module.ROWS
    return rows


def stored(db: Path,
           rows: dict[str, list[dict[str, object]]]) -> dict[str, list[tuple[object, ...]]]:
    """The fixture's columns of every table, in insertion order (later columns ignored), as
    many rows as the fixture has: rows a migration adds come after them (schema 5's database
    id in `settings`)."""
    conn = sqlite3.connect(db)
    try:
        found = {}
        for table, table_rows in rows.items():
            columns = ", ".join(f'"{c}"' for c in table_rows[0])
            query = f'SELECT {columns} FROM "{table}" ORDER BY rowid LIMIT {len(table_rows)}'
            found[table] = [tuple(r) for r in conn.execute(query)]
        return found
    finally:
        conn.close()


def expected(rows: dict[str, list[dict[str, object]]]) -> dict[str, list[tuple[object, ...]]]:
    return {table: [tuple(r.values()) for r in table_rows] for table, table_rows in rows.items()}


def user_version(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_every_released_schema_has_a_fixture() -> None:
    assert list(range(1, schema.VERSION + 1)) == RELEASED, (
        "add tests/fixtures/schema-vN.db (and its make_schema_vN.py) for every schema version")
    for version in RELEASED:
        assert (FIXTURES / f"schema-v{version}.db").stat().st_size < 200_000


@pytest.mark.parametrize("version", RELEASED)
def test_a_released_database_opens_with_every_row(tmp_path: Path, version: int) -> None:
    rows = generator_rows(version)
    db = tmp_path / "meetingtui.db"
    shutil.copy(FIXTURES / f"schema-v{version}.db", db)
    assert user_version(db) == version
    assert stored(db, rows) == expected(rows)  # the fixture is what its generator says

    Store.open(db).close()

    assert user_version(db) == schema.VERSION
    assert stored(db, rows) == expected(rows)
    backups = list(tmp_path.glob(f"meetingtui.v{version}-*.bak.db"))
    if version < schema.VERSION:
        assert len(backups) == 1, "an older database is copied before it is upgraded"
        assert user_version(backups[0]) == version
        assert stored(backups[0], rows) == expected(rows)
    else:
        assert backups == []
    listed = CliRunner().invoke(main, ["--db", str(db), "meetings", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert '"status": "closed"' in listed.stdout and '"group": "EST"' in listed.stdout
    actions = CliRunner().invoke(main, ["--db", str(db), "actions", "--status", "all",
                                        "--format", "csv"])
    assert actions.exit_code == 0, actions.output
    assert "Sätt upp belysning vid busskuren" in actions.stdout


def test_a_database_one_version_behind_is_copied_before_it_is_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the next migration will do to today's files, rehearsed now: the current code,
    told it is one version ahead, upgrades the newest fixture only after a full copy."""
    newest = RELEASED[-1]
    rows = generator_rows(newest)
    db = tmp_path / "meetingtui.db"
    shutil.copy(FIXTURES / f"schema-v{newest}.db", db)
    monkeypatch.setattr(schema_version, "VERSION", newest + 1)
    monkeypatch.setattr(schema, "VERSION", newest + 1)

    Store.open(db).close()

    assert user_version(db) == newest + 1
    (backup,) = tmp_path.glob(f"meetingtui.v{newest}-*.bak.db")
    assert user_version(backup) == newest
    assert stored(backup, rows) == expected(rows)
    assert stored(db, rows) == expected(rows)
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_closed_minutes_keep_what_the_meeting_saw_after_the_upgrade_to_4(tmp_path: Path) -> None:
    """Schema 4 makes a closed meeting's minutes its own: in a version 3 file, October's measure
    was done at November's meeting, the quarter's priority was stored per group, and the next
    meeting was whatever came after. After the upgrade October's minutes still say what October
    saw, and November's what November recorded."""
    from meetingtui.model import MeasureStatus
    from meetingtui.paths import resolve
    from meetingtui.services.record import load_meeting
    from meetingtui.services.workspace import open_workspace

    db = tmp_path / "meetingtui.db"
    shutil.copy(FIXTURES / "schema-v3.db", db)
    ws = open_workspace(resolve(db=db, exports=tmp_path / "exports"))
    try:
        october, november = load_meeting(ws, 1), load_meeting(ws, 2)
    finally:
        ws.close()
    assert [(m.text, m.status) for m in october.measures] == [
        ("Sätt upp belysning vid busskuren", MeasureStatus.NOT_STARTED)]
    [followed] = november.followups
    assert followed.update is not None and followed.update.new_status is MeasureStatus.DONE
    assert [p.title for p in october.priorities] == ["Trygg kollektivtrafik"]
    assert [p.title for p in november.priorities] == ["Trygg kollektivtrafik"]
    assert october.next_meeting is not None and str(october.next_meeting.date) == "2026-11-10"
    # November's copy of October's observation is the same problem.
    assert november.observations[0].observation.problem_id == 1


def test_groups_become_instances_of_templates_in_the_upgrade_to_5(tmp_path: Path) -> None:
    """After the upgrade two groups can share a template (Väsby's district councils), the
    closed meeting's minutes keep the names they were filed under when the group is renamed,
    and the database has an id of its own; a file whose upgrade was cut off before it was
    recorded (schema 5's runs outside the framework's transaction) upgrades again cleanly."""
    from meetingtui.paths import resolve
    from meetingtui.services import groups
    from meetingtui.services.record import load_meeting
    from meetingtui.services.workspace import open_workspace

    db = tmp_path / "meetingtui.db"
    shutil.copy(FIXTURES / "schema-v4.db", db)
    Store.open(db).close()
    conn = sqlite3.connect(db)
    with conn:  # as if the process died after the work, before the record of it
        conn.execute("DELETE FROM _sqlite_migrations WHERE name LIKE 'm005%'")
        conn.execute("PRAGMA user_version = 4")
    conn.close()
    ws = open_workspace(resolve(db=db, exports=tmp_path / "exports"))
    try:
        assert user_version(db) == schema.VERSION
        second = groups.add_group(ws, "bra", "Lokalt BRÅ Västra", "BRÅ V")
        assert [g.template_id for g in groups.all_groups(ws)].count("bra") >= 2
        assert second.id is not None
        groups.rename_group(ws, 1, name="EST Centrum", short="EST C")
        october = load_meeting(ws, 1)  # closed before the rename: filed as it was
        assert (october.group.name, october.group.short) == (
            "Effektiv samordning för trygghet", "EST")
        database_id = ws.store.conn.execute(
            "SELECT value FROM settings WHERE key = 'database_id'").fetchone()[0]
        assert len(database_id) == 32
    finally:
        ws.close()


def test_measures_keep_their_cause_and_priorities_their_quarter_in_the_upgrade_to_6(
        tmp_path: Path) -> None:
    """The one cause a measure had is its first of several; nothing is said of a measure's
    level, method or a cause's basis that nobody said; priorities stored before were the
    meeting's own quarter."""
    db = tmp_path / "meetingtui.db"
    shutil.copy(FIXTURES / "schema-v5.db", db)
    Store.open(db).close()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT measure_id, cause_id FROM measure_causes ORDER BY 1"
                            ).fetchall() == [(1, 1), (2, 2)]
        assert conn.execute("SELECT DISTINCT level, method FROM measures").fetchall() == [
            ("", "unknown")]
        assert conn.execute("SELECT DISTINCT basis FROM causes").fetchall() == [("",)]
        assert conn.execute("SELECT meeting_id, quarter FROM meeting_priorities ORDER BY id"
                            ).fetchall() == [(1, "2026-Q4"), (2, "2026-Q4"), (2, "2026-Q4")]
        assert conn.execute("SELECT count(*) FROM problem_merges").fetchone() == (0,)
    finally:
        conn.close()


def test_everything_is_searchable_after_the_upgrade_to_7(tmp_path: Path) -> None:
    """Schema 7 puts notes, decisions, observations, causes, measures and follow-up comments in
    one search index, filled from the rows a file already has; the four indexes before it go,
    and what is written after the upgrade is found too, å, ä and ö kept apart."""
    from meetingtui.services.search import read_search

    db = tmp_path / "meetingtui.db"
    shutil.copy(FIXTURES / "schema-v6.db", db)
    Store.open(db).close()

    def found(query: str) -> list[tuple[str, int]]:
        return sorted((hit.kind, hit.id) for hit in read_search(db, query).hits)

    assert found("välkomna") == [("notes", 1)]
    assert found("bevaka") == [("decision", 2)]
    assert found("busskur") == [("measure", 1), ("observation", 2)]  # 1 is carried into 2
    assert found("belysning") == [("cause", 1), ("measure", 1)]
    assert found("klart 28") == [("comment", 2)]
    assert found("felregistrerad") == []  # removed before the upgrade
    conn = sqlite3.connect(db)
    try:
        names = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
        assert not names & {"agenda_items_fts", "observations_fts", "causes_fts",
                            "measures_fts", "agenda_items_au", "measures_ai"}
        conn.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
        with conn:
            conn.execute("UPDATE causes SET text = 'Ödetomt utan belysning' WHERE id = 1")
    finally:
        conn.close()
    assert found("ödetomt") == [("cause", 1)]
    assert found("odetomt") == []


@pytest.mark.parametrize(("version", "in_the_way", "before_it"), [
    (5, "problem_merges", "measure_causes"),  # m006: fails after its first tables
    (7, "agreements", "reports"),  # m008
])
def test_a_migration_that_fails_midway_leaves_the_file_as_it_was(
    tmp_path: Path, version: int, in_the_way: str, before_it: str,
) -> None:
    """A migration is one transaction: when one of its statements fails (here a table it
    creates is already there, as a crash between two statements would have left it), nothing
    it did before that statement stays, and the file is still the old version, whole."""
    db = tmp_path / "meetingtui.db"
    shutil.copy(FIXTURES / f"schema-v{version}.db", db)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(f"CREATE TABLE {in_the_way} (id INTEGER PRIMARY KEY)")
    conn.close()
    with pytest.raises(Exception):  # noqa: B017 - whichever way the store words it
        Store.open(db).close()
    conn = sqlite3.connect(db)
    try:
        names = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
        assert before_it not in names
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert user_version(db) == version
    rows = generator_rows(version)
    assert stored(db, rows) == expected(rows)


def test_after_the_upgrade_to_8_old_measures_are_no_proposals(tmp_path: Path) -> None:
    """Schema 8 adds reports, proposals and agreements: a file of 7 keeps its measures as the
    group's own decisions, and has no reports or agreements yet."""
    db = tmp_path / "meetingtui.db"
    shutil.copy(FIXTURES / "schema-v7.db", db)
    Store.open(db).close()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT DISTINCT proposed_to, proposal, proposal_reason "
                            "FROM measures").fetchall() == [("", "", "")]
        for table in ("reports", "agreements", "commitments", "agreement_measures"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    finally:
        conn.close()
