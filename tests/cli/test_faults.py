"""Faults from the command line: each is one clear line on stderr and a non-zero exit (or a
warning and the work done), never a traceback, and the database is never changed by them.

Covered: the database on a read-only file or in a read-only folder, a newer schema, a file that
is not a database (for `meetings`, `actions`, `export` and the TUI's own start), a template
folder that is missing, empty or holds a broken template, and an exports folder that cannot be
written. The TUI side of a full disk, a read-only database mid-session, the template warning and
F6 into an unwritable folder are in tests/ui/test_faults.py.

Root (as in some CI containers) writes through any file mode, so where a mode would not bind the
tests make SQLite or the file system refuse exactly as they would for a user (see `Refusal`).
"""

from __future__ import annotations

import errno
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, time
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from click.testing import CliRunner, Result

from meetingtui.cli import main
from meetingtui.model import Measure
from meetingtui.paths import resolve
from meetingtui.services import groups, meetings
from meetingtui.services.lagesbild import save_measure
from meetingtui.services.workspace import open_workspace
from meetingtui.store import schema
from meetingtui.store.db import APPLICATION_ID
from tests.cli_helpers import one_line_error

SQLITE_READONLY_DIRECTORY = 1544
BROKEN_TEMPLATE = """+++
id = "est"
name = "Vår EST"
short = "EST"
frekvens = "monthly"
+++

# EST

## Öppnande
"""


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)



@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database with one EST meeting whose first item has notes, and one open measure."""
    path = tmp_path / "data" / "meetingtui.db"
    ws = open_workspace(resolve(db=path, exports=tmp_path / "exports"))
    groups.ensure_groups(ws)
    est = groups.find_group(ws, "EST")
    assert est is not None
    assert est.id is not None
    meeting = meetings.plan_meeting(ws, est.id, date(2026, 11, 10), start=time(13, 0),
                                    place="Kommunhuset")
    assert meeting.id == 1
    meetings.start_meeting(ws, meeting.id)
    first = meetings.items(ws, meeting.id)[0]
    assert first.id is not None
    meetings.edit_item(ws, first.id, notes="Sparad anteckning")
    save_measure(ws, Measure(meeting_id=meeting.id, text="Sanera klotter vid torget",
                             owner="Teknisk förvaltning", due=date(2026, 12, 1)))
    ws.close()
    return path


@pytest.fixture
def app_runs(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every start of the TUI's event loop (none may happen when the database is refused)."""
    from meetingtui.ui.app import MeetingApp

    started: list[object] = []
    monkeypatch.setattr(MeetingApp, "run", lambda self, *a, **k: started.append(self))
    return started


# --- read-only -------------------------------------------------------------------------------

def modes_bind(tmp_path: Path) -> bool:
    """Whether a read-only mode stops this process (not for root with CAP_DAC_OVERRIDE)."""
    probe = tmp_path / "probe"
    probe.write_text("x")
    probe.chmod(0o444)
    try:
        with probe.open("a"):
            return False
    except PermissionError:
        return True
    finally:
        probe.chmod(0o644)
        probe.unlink()


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


# --- a newer schema, a file that is not a database -------------------------------------------

def newer_database(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE meetings (id INTEGER PRIMARY KEY, future_column TEXT)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    conn.commit()
    conn.close()
    return path


def text_file(path: Path) -> Path:
    path.write_text("Minnesanteckningar EST 2026-11-10\n" * 80, encoding="utf-8")
    return path


@pytest.mark.parametrize(("make", "expected"), [
    (newer_database, "was written by a newer meetingtui (schema {newer}, this one knows "
                     "{known}). Update meetingtui; the file was left untouched."),
    (text_file, "is not a meetingtui database (not an SQLite file); it was left untouched."),
])
def test_a_file_meetingtui_cannot_use_is_refused_everywhere(
    make: Callable[[Path], Path], expected: str, tmp_path: Path, app_runs: list[object],
) -> None:
    path = make(tmp_path / "m.db")
    before = path.read_bytes()
    message = expected.format(newer=schema.VERSION + 1, known=schema.VERSION)
    args = ("--db", str(path), "--exports", str(tmp_path / "exports"), "--lang", "en")
    for command in (["meetings"], ["actions"], ["export", "1"], ["open", "1"], []):
        assert one_line_error(cli(*args, *command)) == f"meetingtui: {path} {message}"
    assert app_runs == []
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.db"]  # no -wal, no backup, no export


# --- template folders ------------------------------------------------------------------------

def test_a_missing_template_folder_is_named_and_the_built_in_templates_work(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    missing = tmp_path / "kommunens-mallar"
    monkeypatch.setenv("MEETINGTUI_AGENDAS", str(missing))
    result = cli("--db", str(db), "--lang", "en", "meetings", "--group", "EST")
    assert result.exit_code == 0
    assert "2026-11-10" in result.stdout
    assert result.stderr == f"meetingtui: warning: {missing}: this agenda folder does not exist\n"
    listed = cli("--db", str(db), "--lang", "en", "templates")
    assert listed.exit_code == 0
    assert "Effektiv samordning för trygghet" in listed.stdout
    assert listed.stderr == f"BROKEN  {missing}: this agenda folder does not exist\n"
    swedish = cli("--db", str(db), "--lang", "sv", "templates")
    assert swedish.stderr == f"FEL  {missing}: mallmappen finns inte\n"


def test_an_empty_template_folder_is_named(db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "mallar"
    empty.mkdir()
    (empty / "läs-mig.txt").write_text("Lägg mallarna här", encoding="utf-8")
    result = cli("--db", str(db), "--agendas", str(empty), "--lang", "en", "meetings",
                 "--group", "est")
    assert result.exit_code == 0
    assert "2026-11-10" in result.stdout
    assert result.stderr == (
        f"meetingtui: warning: {empty}: this agenda folder has no templates (no *.md files)\n")
    swedish = cli("--db", str(db), "--agendas", str(empty), "--lang", "sv", "meetings")
    assert swedish.stderr == (
        f"meetingtui: varning: {empty}: mallmappen innehåller inga mallar (inga *.md-filer)\n")


def test_a_broken_template_is_named_by_line_and_the_built_in_one_stays(
    db: Path, tmp_path: Path,
) -> None:
    own = tmp_path / "mallar"
    own.mkdir()
    (own / "est.md").write_text(BROKEN_TEMPLATE, encoding="utf-8")
    exports = tmp_path / "exports"
    result = cli("--db", str(db), "--agendas", str(own), "--exports", str(exports),
                 "--lang", "en", "export", "1", "--format", "md")
    assert result.exit_code == 0, result.stderr
    warning, = result.stderr.splitlines()
    assert warning.startswith('meetingtui: warning: est.md:5: "frekvens" is not a known setting')
    written = Path(result.stdout.strip())
    assert written.is_file() and "Sparad anteckning" in written.read_text(encoding="utf-8")
    assert "Effektiv samordning för trygghet" in cli(
        "--db", str(db), "--agendas", str(own), "templates").stdout  # the built-in EST
    for lang, words in (("en", "is not a known setting"), ("sv", "är ingen känd inställning")):
        check = cli("--lang", lang, "templates", "check", str(own / "est.md"))
        assert check.exit_code == 1
        assert check.stderr.startswith(f'est.md:5: "frekvens" {words}; ')


# --- an exports folder that cannot be written ------------------------------------------------

def test_export_into_a_folder_below_a_file(db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "delad"
    blocker.write_text("en fil där mappen borde vara", encoding="utf-8")
    exports = blocker / "exports"
    line = one_line_error(cli("--db", str(db), "--exports", str(exports), "export", "1"))
    assert line.startswith(f"meetingtui: Kan inte skriva i mappen {exports / 'est'}: "
                           f"{blocker} är en fil, inte en mapp.")
    assert blocker.read_text(encoding="utf-8") == "en fil där mappen borde vara"


def test_export_into_a_folder_that_refuses(db: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    exports = tmp_path / "exports"
    (exports / "est").mkdir(parents=True)
    if modes_bind(tmp_path):
        (exports / "est").chmod(0o555)
    else:  # root: the folder refuses the temporary file as it would refuse a user
        import meetingtui.export.files as files

        def refuse(*_args: Any, **_kwargs: Any) -> Any:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    try:
        for fmt in ("docx", "md"):
            line = one_line_error(cli("--db", str(db), "--exports", str(exports), "export", "1",
                                      "--format", fmt))
            assert line == (f"meetingtui: Kan inte skriva i mappen {exports / 'est'}: "
                            "åtkomst nekad. Välj en annan mapp.")
    finally:
        (exports / "est").chmod(0o755)
    assert list(exports.rglob("*")) == [exports / "est"]  # no file, not even a temporary one
