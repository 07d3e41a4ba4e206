"""A read-only database from the command line: a read-only file, a file in a read-only folder
and one on a read-only medium are each named in one clear line on stderr (in the interface
language) with a non-zero exit, never a traceback; the TUI does not start on them, commands that
only read still work, a backup says why it cannot be made or is made from a medium nothing can
write, and the database is never changed.

Root (as in some CI containers) writes through any file mode, so where a mode would not bind the
tests make SQLite refuse exactly as it would for a user (see `read_only`).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from tests.cli.faults_helpers import app_runs, cli, db, modes_bind
from tests.cli_helpers import one_line_error

__all__ = ["app_runs", "db"]  # the fixtures, imported to apply here

SQLITE_READONLY_DIRECTORY = 1544


class _FolderRefuses:
    """SQLite's answer, as a user gets it, for a WAL database in a folder it cannot write: the
    -shm file cannot be made, so every statement fails with SQLITE_READONLY_DIRECTORY."""

    def execute(self, *_args: Any, **_kwargs: Any) -> Any:
        error = sqlite3.OperationalError("attempt to write a readonly database")
        error.sqlite_errorcode = SQLITE_READONLY_DIRECTORY  # type: ignore[attr-defined]
        error.sqlite_errorname = "SQLITE_READONLY_DIRECTORY"  # type: ignore[attr-defined]
        raise error

    def close(self) -> None:
        pass


@pytest.fixture
def read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """`read_only(db, folder=False)`: the file (or its folder) refuses writes from now on.

    With binding modes this is chmod. As root it is SQLite itself refusing: every connection to
    that file is opened `mode=ro` (the same "attempt to write a readonly database" a user gets),
    or, for the folder, fails as SQLite does when it cannot create the -shm file.
    """
    real = modes_bind(tmp_path)
    restore: list[Path] = []

    def make(db: Path, *, folder: bool = False) -> None:
        if real:
            target = db.parent if folder else db
            target.chmod(0o555 if folder else 0o444)
            restore.append(target)
            return
        connect = sqlite3.connect
        wanted = str(db.resolve())

        def refusing(database: Any, *args: Any, **kwargs: Any) -> Any:
            name = unquote(str(database))
            if wanted not in name:
                return connect(database, *args, **kwargs)
            if folder:
                return _FolderRefuses()
            if "mode=ro" in name:
                return connect(database, *args, **kwargs)
            kwargs["uri"] = True
            return connect(f"{db.resolve().as_uri()}?mode=ro", *args, **kwargs)

        monkeypatch.setattr(sqlite3, "connect", refusing)

    yield make
    for target in restore:
        target.chmod(0o755 if target.is_dir() else 0o644)


def test_a_read_only_database_file(db: Path, tmp_path: Path, read_only: Callable[..., None],
                                   app_runs: list[object]) -> None:
    read_only(db)
    before = db.read_bytes()
    args = ("--db", str(db), "--exports", str(tmp_path / "exports"), "--lang", "en")
    for command in (["export", "1"], []):
        line = one_line_error(cli(*args, *command))
        assert line == (
            f"meetingtui: {db} is read-only, and meetingtui saves every edit in it as it is "
            "made; nothing was changed. Make the file writable, or copy it to a folder of your "
            "own (--db).")
    assert app_runs == []  # the TUI never started on a database it could not save to
    # The action list and the list of meetings only read, so they still work.
    listed = cli(*args, "actions", "--status", "all", "--format", "json")
    assert listed.exit_code == 0, listed.stderr
    assert "Sanera klotter vid torget" in listed.stdout
    for group in ([], ["--group", "est"]):
        shown = cli(*args, "meetings", *group, "--format", "json")
        assert (shown.exit_code, shown.stderr) == (0, "")
        [meeting] = json.loads(shown.stdout)
        assert (meeting["id"], meeting["group"], meeting["date"], meeting["place"],
                meeting["status"], meeting["end"]) == (1, "EST", "2026-11-10", "Kommunhuset",
                                                       "running", None)
        assert re.fullmatch(r"\d\d:\d\d", meeting["start"])
    header, row = cli(*args, "meetings").stdout.splitlines()
    assert header.split() == ["No", "Date", "Time", "Group", "Status", "Place"]
    table = row.split()
    assert table[:3] == ["1", "2026-11-10", f"{meeting['start']}–"]
    assert table[3:] == ["EST", "Running", "Kommunhuset"]
    assert row.index("2026-11-10") == header.index("Date")  # the columns under their heads
    assert cli(*args, "meetings", "--group", "SSPF").stdout == ""  # a group with no meetings
    unknown = one_line_error(cli(*args, "meetings", "--group", "nope"))
    assert unknown.startswith("meetingtui: no group called nope; known groups: ")
    assert {"EST", "SSPF", "BRÅ"} <= set(unknown.split(": ")[-1].split(", "))
    assert db.read_bytes() == before  # (a reader may leave SQLite's empty -wal/-shm beside it)
    assert not (tmp_path / "exports").exists()


def test_a_database_in_a_read_only_folder(db: Path, tmp_path: Path,
                                          read_only: Callable[..., None],
                                          app_runs: list[object]) -> None:
    read_only(db, folder=True)
    before = sorted(db.parent.iterdir()), db.read_bytes()
    args = ("--db", str(db), "--exports", str(tmp_path / "exports"), "--lang", "en")
    for command in (["meetings"], ["actions"], ["open", "1"], []):
        line = one_line_error(cli(*args, *command))
        assert line.startswith(f"meetingtui: The folder {db.parent} is read-only: SQLite keeps "
                               f"its journal files beside the database {db.name} there")
        assert "not a meetingtui database" not in line  # it is one: never say otherwise
    assert app_runs == []
    assert (sorted(db.parent.iterdir()), db.read_bytes()) == before


def test_a_backup_of_a_database_in_a_read_only_folder_says_why(
    db: Path, tmp_path: Path, read_only: Callable[..., None],
) -> None:
    """It is a meetingtui database: the message says what SQLite could not do there."""
    read_only(db, folder=True)
    before = sorted(db.parent.iterdir()), db.read_bytes()
    copy = tmp_path / "kopior" / "kopia.db"
    for lang, words in (("en", f"The folder {db.parent} is read-only: SQLite keeps its journal "
                               f"files beside the database {db.name} there"),
                        ("sv", f"Mappen {db.parent} är skrivskyddad: SQLite lägger sina "
                               f"journalfiler bredvid databasen {db.name} där")):
        line = one_line_error(cli("--db", str(db), "--lang", lang, "backup", str(copy)))
        assert line.startswith(f"meetingtui: {words}"), line
        assert "meetingtui database" not in line and "meetingtui-databas" not in line
    assert not (tmp_path / "kopior").exists()
    assert (sorted(db.parent.iterdir()), db.read_bytes()) == before


def test_a_backup_from_a_read_only_medium_is_made(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A folder nothing can be written to (a read-only USB stick, a snapshot): no program can be
    saving there, so the database is copied as it lies. As SQLite there, every connection that
    would need a -shm fails; only one that reads the file as it is (immutable) works."""
    import meetingtui.store.backup as store_backup

    connect = sqlite3.connect
    wanted = str(db.resolve())

    def medium(database: Any, *args: Any, **kwargs: Any) -> Any:
        name = unquote(str(database))
        if wanted in name and "immutable=1" not in name:
            return _FolderRefuses()
        return connect(database, *args, **kwargs)

    real_access = os.access
    monkeypatch.setattr(sqlite3, "connect", medium)
    monkeypatch.setattr(store_backup.os, "access", lambda path, mode: (
        Path(path) != db.parent.resolve() and real_access(path, mode)))
    before = sorted(db.parent.iterdir()), db.read_bytes()
    copy = tmp_path / "kopia.db"
    made = cli("--db", str(db), "backup", str(copy))
    assert made.exit_code == 0, made.output
    monkeypatch.undo()
    assert (sorted(db.parent.iterdir()), db.read_bytes()) == before
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT notes FROM agenda_items WHERE notes != ''").fetchall() == [
        ("Sparad anteckning",)]
    conn.close()


def test_a_read_only_medium_is_named_as_such(db: Path, monkeypatch: pytest.MonkeyPatch,
                                             app_runs: list[object]) -> None:
    """On a read-only file system SQLite only says "unable to open database file" (it cannot
    make the -shm): the folder that refuses is named, not "check the folder exists"."""
    import meetingtui.store.db as store_db

    connect = sqlite3.connect
    wanted = str(db.resolve())

    def medium(database: Any, *args: Any, **kwargs: Any) -> Any:
        if wanted in unquote(str(database)) and "immutable=1" not in str(database):
            error = sqlite3.OperationalError("unable to open database file")
            error.sqlite_errorcode = 14  # type: ignore[attr-defined]
            raise error
        return connect(database, *args, **kwargs)

    real_access = os.access
    monkeypatch.setattr(sqlite3, "connect", medium)
    monkeypatch.setattr(store_db.os, "access", lambda path, mode: (
        Path(path) != db.parent.resolve() and real_access(path, mode)))
    for command in (["meetings"], ["export", "1"], []):
        line = one_line_error(cli("--db", str(db), "--lang", "en", *command))
        assert line.startswith(f"meetingtui: The folder {db.parent} is read-only: SQLite keeps "
                               f"its journal files beside the database {db.name} there"), line
    assert app_runs == []


def test_a_read_only_database_is_named_in_the_interface_language(
    db: Path, tmp_path: Path, read_only: Callable[..., None],
) -> None:
    read_only(db)
    line = one_line_error(cli("--db", str(db), "--lang", "sv", "export", "1"))
    assert line == (f"meetingtui: {db} är skrivskyddad, och meetingtui sparar varje ändring i "
                    "den medan den görs; ingenting ändrades. Gör filen skrivbar, eller kopiera "
                    "den till en egen mapp (--db).")
