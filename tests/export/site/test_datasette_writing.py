"""How the public copy for Datasette is written (issue 17 §5): never over a file without
--force, never over the database in use or another SQLite file, with --force the database as it
is now, and read as one moment while another program writes.

Datasette is not needed here: the copy is read with sqlite3.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from meetingtui.export.datasette import write_datasette
from meetingtui.export.files import ExportError
from meetingtui.services.workspace import Workspace
from meetingtui.store import public_copy
from tests.export.site.datasette_helpers import _cells, _copy_of, _open, demo, swedish

__all__ = ["demo", "swedish"]  # fixtures, imported to apply here


def _fresh(demo: tuple[Path, str, int, int], tmp_path: Path) -> Workspace:
    return _open(_copy_of(demo[0], tmp_path / "db.sqlite"))


@pytest.mark.parametrize("existing", ["meetingtui-offentlig.db", "metadata.json"])
def test_an_existing_file_is_not_replaced_without_force(
        demo: tuple[Path, str, int, int], tmp_path: Path, existing: str) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / existing).write_bytes(b"earlier")
    ws = _fresh(demo, tmp_path)
    try:
        with pytest.raises(ExportError) as refused:
            write_datasette(ws, folder, force=False)
        assert refused.value.reason == "exists" and existing in str(refused.value)
        assert sorted(p.name for p in folder.iterdir()) == [existing]
        assert (folder / existing).read_bytes() == b"earlier"
        written = write_datasette(ws, folder, force=True)
    finally:
        ws.close()
    assert sorted(p.name for p in folder.iterdir()) == ["meetingtui-offentlig.db",
                                                        "metadata.json"]
    assert all(path.read_bytes() != b"earlier" for path in written)


def test_with_force_an_earlier_copy_is_replaced_by_the_database_as_it_is_now(
        demo: tuple[Path, str, int, int], tmp_path: Path) -> None:
    ws = _fresh(demo, tmp_path)
    folder = tmp_path / "site"
    try:
        copy, _ = write_datasette(ws, folder, force=False)
        with pytest.raises(ExportError, match="finns redan"):
            write_datasette(ws, folder, force=False)
        ws.store.conn.execute("UPDATE measures SET text = 'Ny lydelse' WHERE id = "
                              "(SELECT min(id) FROM measures WHERE confidential = 0)")
        write_datasette(ws, folder, force=True)
    finally:
        ws.close()
    assert any(text == "Ny lydelse" for _, _, text in _cells(copy))
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("force", [False, True])
def test_the_database_itself_or_another_sqlite_file_is_never_replaced(
        demo: tuple[Path, str, int, int], tmp_path: Path, force: bool) -> None:
    # The database in use, named as the copy would be.
    real = _copy_of(demo[0], tmp_path / "meetingtui-offentlig.db")
    ws = _open(real)
    try:
        before = real.read_bytes()
        with pytest.raises(ExportError) as refused:
            write_datasette(ws, tmp_path, force=force)
        assert refused.value.reason == "database"
        assert real.read_bytes() == before and not (tmp_path / "metadata.json").exists()
        # Another SQLite file (a copy of the real database) where the copy would go.
        other = tmp_path / "elsewhere"
        other.mkdir()
        _copy_of(demo[0], other / "meetingtui-offentlig.db")
        with pytest.raises(ExportError) as refused:
            write_datasette(ws, other, force=force)
        assert refused.value.reason == "database"
    finally:
        ws.close()
    assert sorted(p.name for p in other.iterdir()) == ["meetingtui-offentlig.db"]


def test_the_copy_is_the_database_at_one_moment_while_another_program_writes(
        demo: tuple[Path, str, int, int], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program renames a group and records a status change after the copy has read the
    groups and before it reads the measures and their history: the copy shows neither."""
    db = _copy_of(demo[0], tmp_path / "db.sqlite")
    ws = _open(db)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA busy_timeout = 5000")
    group_id, old_name = writer.execute("SELECT g.id, g.name FROM groups g JOIN meetings mt ON "
                                        "mt.group_id = g.id JOIN measures m ON m.meeting_id = "
                                        "mt.id WHERE m.confidential = 0 LIMIT 1").fetchone()
    (measure,) = writer.execute("SELECT min(m.id) FROM measures m JOIN meetings mt ON mt.id = "
                                "m.meeting_id WHERE mt.group_id = ? AND m.confidential = 0",
                                [group_id]).fetchone()
    wrote: list[str] = []

    class Copying(sqlite3.Connection):
        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
            cursor = super().execute(sql, *args)
            if "INSERT INTO main.groups" in sql:
                writer.execute("BEGIN IMMEDIATE")
                writer.execute("UPDATE groups SET name = 'Omdöpt under kopieringen' "
                               "WHERE id = ?", [group_id])
                writer.execute("INSERT INTO measure_updates (measure_id, at, old_status, "
                               "new_status, comment) VALUES (?, '2026-11-23T10:00:00', "
                               "'not_started', 'in_progress', 'Skrevs under kopieringen')",
                               [measure])
                writer.execute("COMMIT")
                wrote.append(sql)
            return cursor

    connect = sqlite3.connect
    monkeypatch.setattr(public_copy.sqlite3, "connect",
                        lambda *a, **kw: connect(*a, **kw, factory=Copying))
    try:
        copy, _ = write_datasette(ws, tmp_path / "site", force=False)
    finally:
        monkeypatch.undo()
        ws.close()
        writer.close()
    assert wrote  # the other program did write in the middle
    with sqlite3.connect(copy) as conn:
        names = {row[0] for row in conn.execute(
            "SELECT name FROM groups WHERE id = ? UNION "
            "SELECT group_name FROM measures WHERE group_id = ?", [group_id, group_id])}
        comments = [row[0] for row in conn.execute(
            "SELECT comment FROM status_history WHERE measure_id = ?", [measure])]
    conn.close()
    assert names == {old_name}
    assert "Skrevs under kopieringen" not in comments
