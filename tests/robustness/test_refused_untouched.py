"""A file meetingtui refuses is left exactly as it was, and a command that only reads never
creates a database (issue 13 §5).

Refused: another program's SQLite file, a database of a newer meetingtui, a damaged SQLite file
and a file that is not SQLite at all, in rollback-journal and in WAL mode. For the app's own
opening (`Store.open`) and every command: the same bytes, the same mode, and nothing new beside
it (no -wal, no -shm, no backup). Said in one line in the interface language.

A mistyped --db for `meetings`, `actions` or `export` says so and creates nothing (no file, no
folder, no -wal); only the app, `open`, `demo` and a restore through `backup` make a database.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from meetingtui.cli import main
from meetingtui.store import schema
from meetingtui.store.db import APPLICATION_ID, Store, StoreError
from tests.cli_helpers import one_line_error


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def state(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file below `folder`: its mode and bytes."""
    return {str(p.relative_to(folder)): (stat.S_IMODE(p.stat().st_mode), p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _sqlite(path: Path, statements: list[str], *, wal: bool) -> Path:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    return path


def foreign(path: Path, wal: bool = False) -> Path:
    return _sqlite(path, ["CREATE TABLE contacts (name TEXT)",
                          "INSERT INTO contacts VALUES ('Anna')"], wal=wal)


def newer(path: Path, wal: bool = False) -> Path:
    return _sqlite(path, ["CREATE TABLE meetings (id INTEGER PRIMARY KEY, future TEXT)",
                          f"PRAGMA application_id = {APPLICATION_ID}",
                          f"PRAGMA user_version = {schema.VERSION + 1}"], wal=wal)


def damaged(path: Path, wal: bool = False) -> Path:
    good = foreign(path, wal)
    data = bytearray(good.read_bytes())
    data[16:] = b"\xa5" * (len(data) - 16)  # SQLite's header, then nothing SQLite can read
    good.write_bytes(bytes(data))
    return good


def text(path: Path, wal: bool = False) -> Path:
    path.write_text("Minnesanteckningar EST 2026-11-10\n" * 80, encoding="utf-8")
    return path


MESSAGES = {
    "en": {
        foreign: "{path} is an SQLite file of another program, not a meetingtui database; it "
                 "was left untouched.",
        newer: "{path} was written by a newer meetingtui (schema {newer}, this one knows "
               "{known}). Update meetingtui; the file was left untouched.",
        damaged: "{path} is not a readable SQLite database (damaged?); it was left untouched.",
        text: "{path} is not a meetingtui database (not an SQLite file); it was left untouched.",
    },
    "sv": {
        foreign: "{path} är en SQLite-fil från ett annat program, inte en meetingtui-databas; "
                 "den lämnades orörd.",
        newer: "{path} skrevs av en nyare meetingtui (schema {newer}, den här känner till "
               "{known}). Uppdatera meetingtui; filen lämnades orörd.",
        damaged: "{path} är ingen läsbar SQLite-databas (skadad?); den lämnades orörd.",
        text: "{path} är ingen meetingtui-databas (inte en SQLite-fil); den lämnades orörd.",
    },
}
KINDS = [pytest.param(make, wal, id=f"{make.__name__}{'-wal' if wal else ''}")
         for make in (foreign, newer, damaged, text) for wal in (False, True)
         if not (wal and make is text)]
COMMANDS = [[], ["open", "1"], ["meetings"], ["actions"], ["actions", "--format", "json"],
            ["export", "1"], ["export", "1", "-o", "protokoll.docx"], ["demo"],
            ["backup", "kopior/kopia.db"]]


@pytest.fixture
def app_runs(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every start of the TUI's event loop (none may happen on a refused file)."""
    from meetingtui.ui.app import MeetingApp

    started: list[object] = []
    monkeypatch.setattr(MeetingApp, "run", lambda self, *a, **k: started.append(self))
    return started


@pytest.mark.parametrize(("make", "wal"), KINDS)
def test_store_open_leaves_a_refused_file_exactly_as_it_was(
    make: Callable[..., Path], wal: bool, tmp_path: Path,
) -> None:
    (tmp_path / "data").mkdir()
    path = make(tmp_path / "data" / "m.db", wal)
    path.chmod(0o644)
    before = state(tmp_path)
    with pytest.raises(StoreError) as refused:
        Store.open(path)
    assert str(refused.value) == MESSAGES["en"][make].format(
        path=path, newer=schema.VERSION + 1, known=schema.VERSION)
    assert state(tmp_path) == before


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(("make", "wal"), KINDS)
def test_every_command_leaves_a_refused_file_exactly_as_it_was(
    make: Callable[..., Path], wal: bool, lang: str, tmp_path: Path, app_runs: list[object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "data").mkdir()
    path = make(tmp_path / "data" / "m.db", wal)
    path.chmod(0o644)
    monkeypatch.chdir(tmp_path)
    before = state(tmp_path)
    expected = "meetingtui: " + MESSAGES[lang][make].format(
        path=path, newer=schema.VERSION + 1, known=schema.VERSION)
    for command in COMMANDS:
        result = cli("--db", str(path), "--lang", lang, "--exports", "exports", *command)
        if command[0:1] == ["backup"] and make is newer:
            # A newer meetingtui's database may be copied (only read, as it is).
            assert result.exit_code == 0, result.output
            (tmp_path / "kopior" / "kopia.db").unlink()
            (tmp_path / "kopior").rmdir()
        else:
            assert one_line_error(result) == expected, command
        assert state(tmp_path) == before, command
        assert sorted(p.name for p in tmp_path.iterdir()) == ["data"], command
    assert app_runs == []


@pytest.mark.parametrize(("make", "wal"), KINDS)
def test_a_backup_never_replaces_a_refused_file(
    make: Callable[..., Path], wal: bool, tmp_path: Path, planned: tuple[Path, int],
) -> None:
    """As the target of a restore (`--db BACKUP backup FILE --force`): only a meetingtui
    database is replaced, on purpose; anything else stays as it was."""
    db, _ = planned
    (tmp_path / "data").mkdir()
    path = make(tmp_path / "data" / "m.db", wal)
    path.chmod(0o644)
    before = state(tmp_path / "data")
    result = cli("--db", str(db), "--lang", "en", "backup", str(path), "--force")
    if make is newer:  # a meetingtui database, if a newer one's: a restore over it is on purpose
        assert result.exit_code == 0, result.output
        return
    assert one_line_error(result) == (f"meetingtui: {path} is not a meetingtui database, so "
                                      "even with --force it was left untouched.")
    assert state(tmp_path / "data") == before


# --- a mistyped --db -------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "words"), [
    ("sv", "Ingen databas på {path}; ingenting skapades."),
    ("en", "No database at {path}; nothing was created."),
])
def test_a_command_that_only_reads_never_creates_a_database(
    lang: str, words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    empty = tmp_path / "data" / "tom.db"
    empty.touch()
    for path in (tmp_path / "felstavad" / "meetingtui.db", tmp_path / "data" / "meetingtui.db",
                 empty):
        for command in (["meetings"], ["meetings", "--format", "json"], ["actions"],
                        ["actions", "--owner", "polisen", "--format", "csv", "-o", "lista.csv"],
                        ["actions", "--format", "docx"], ["stats"],
                        ["stats", "--format", "csv"], ["export", "1"],
                        ["export", "1", "--format", "md", "-o", "protokoll.md"]):
            line = one_line_error(cli("--db", str(path), "--lang", lang, "--exports", "exports",
                                      *command))
            assert line.startswith("meetingtui: " + words.format(path=path)), (command, line)
            assert sorted(p.name for p in tmp_path.rglob("*")) == ["data", "tom.db"], command
            assert empty.read_bytes() == b""


def test_the_app_open_demo_and_a_restore_create_the_database(
    tmp_path: Path, app_runs: list[object], planned: tuple[Path, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from meetingtui.cli import tui

    monkeypatch.setattr(tui, "has_terminal", lambda: True)  # as in a terminal window
    for command, path in (([], tmp_path / "app" / "m.db"),
                          (["open", "1"], tmp_path / "open" / "m.db"),
                          (["demo", "--meetings-per-year", "1"], tmp_path / "demo" / "m.db")):
        result = cli("--db", str(path), "--lang", "en", *command)
        if command[:1] == ["open"]:
            assert one_line_error(result) == (
                "meetingtui: No meeting with id 1 (see `meetingtui meetings`)")
        else:
            assert result.exit_code == 0, result.output
        assert path.is_file() and stat.S_IMODE(path.stat().st_mode) == 0o600, command
    assert len(app_runs) == 1
    db, _ = planned
    restored = tmp_path / "återställd" / "meetingtui.db"
    assert cli("--db", str(db), "backup", str(restored)).exit_code == 0
    assert cli("--db", str(restored), "meetings").exit_code == 0
    assert os.path.getsize(restored) > 0
