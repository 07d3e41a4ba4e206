"""No output ever replaces a database (issue 13 §1): `export -o`, `actions -o` and `backup` never
write over the database in use, its -wal, -shm or -journal file, or any other SQLite file, however
the path is spelt (relative, `..`, a symbolic link to the file or its folder, a hard link), not
even with --force. Each is refused in one line, exit 1, and every byte stays as it was.

The database is in use while the commands run (an open connection, as the app holds it), so its
-wal and -shm files are there to be aimed at.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from click.testing import CliRunner, Result

from meetingtui.cli import main
from meetingtui.export.files import ExportError, write_export
from meetingtui.store.db import Store
from tests.cli_helpers import one_line_error
from tests.robustness.conftest import open_ws


def cli(db: str, *args: str, lang: str = "en") -> Result:
    return CliRunner().invoke(main, ["--db", db, "--lang", lang, *args],
                              catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file below `folder` (links as links): its inode and bytes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[str(path.relative_to(folder))] = (0, os.readlink(path).encode())
        elif path.is_file():
            found[str(path.relative_to(folder))] = (path.stat().st_ino, path.read_bytes())
    return found


def foreign_database(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO events (title) VALUES ('Tandläkaren')")
    conn.commit()
    conn.close()
    return path


def another_meetingtui_database(path: Path) -> Path:
    Store.open(path).close()
    return path


# Each returns (the --db argument, the output path), with the working folder beside the database.
Spelling = Callable[[Path], tuple[str, str]]
IN_USE: dict[str, Spelling] = {
    "the same path": lambda db: (str(db), str(db)),
    "relative": lambda db: (str(db), db.name),
    "relative --db, absolute output": lambda db: (f"./{db.name}", str(db)),
    "..": lambda db: (str(db), f"sub/../{db.name}"),
    "symbolic link": lambda db: (str(db), _symlink(db, "länk.docx")),
    "symbolic link to the folder": lambda db: (str(db), f"{_folder_link(db)}/{db.name}"),
    "hard link": lambda db: (str(db), _hard_link(db, "hård.docx")),
    "-wal": lambda db: (str(db), f"{db.name}-wal"),
    "-shm": lambda db: (str(db), f"{db.name}-shm"),
    "-journal": lambda db: (str(db), f"{db.name}-journal"),  # not there in WAL mode: by name
    "hard link to the -wal": lambda db: (str(db), _hard_link(db.with_name(f"{db.name}-wal"),
                                                             "wal.csv")),
    "symbolic link to the -journal": lambda db: (
        str(db), _symlink(db.with_name(f"{db.name}-journal"), "journal.md")),
}
OTHER: dict[str, Spelling] = {
    "another program's SQLite file": lambda db: (
        str(db), str(foreign_database(db.with_name("kalender.sqlite")))),
    "another program's -wal name": lambda db: (
        str(db), f"{foreign_database(db.with_name('kalender.sqlite'))}-wal"),
    "another meetingtui database": lambda db: (
        str(db), str(another_meetingtui_database(db.with_name("förra-året.db")))),
}


def _symlink(target: Path, name: str) -> str:
    link = target.with_name(name)
    link.symlink_to(target.name)
    return name


def _folder_link(db: Path) -> str:
    (db.parent / "mapp").symlink_to(".", target_is_directory=True)
    return "mapp"


def _hard_link(target: Path, name: str) -> str:
    os.link(target, target.with_name(name))
    return name


@pytest.fixture
def in_use(planned: tuple[Path, int], agendas: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, int]]:
    """(database, meeting): open as the running app holds it, -wal and -shm beside it."""
    db, meeting = planned
    (db.parent / "sub").mkdir()
    monkeypatch.chdir(db.parent)
    ws = open_ws(db, agendas)
    ws.store.conn.execute("SELECT count(*) FROM meetings").fetchone()
    assert db.with_name(f"{db.name}-wal").exists() and db.with_name(f"{db.name}-shm").exists()
    try:
        yield db, meeting
    finally:
        ws.close()


def writers(meeting: int, target: str) -> dict[str, list[str]]:
    return {
        "export": ["export", str(meeting), "-o", target, "--force"],
        "export --format md": ["export", str(meeting), "--format", "md", "-o", target,
                               "--force"],
        "actions -o (csv)": ["actions", "--status", "all", "--format", "csv", "-o", target,
                             "--force"],
        "actions -o (docx)": ["actions", "--public", "--format", "docx", "-o", target,
                              "--force"],
        "backup": ["backup", target, "--force"],
    }


@pytest.mark.parametrize("spelling", IN_USE)
def test_no_output_replaces_the_database_in_use(spelling: str, in_use: tuple[Path, int]) -> None:
    db, meeting = in_use
    db_arg, target = IN_USE[spelling](db)
    before = snapshot(db.parent)
    for name, args in writers(meeting, target).items():
        line = one_line_error(cli(db_arg, *args))
        if name == "backup":
            assert line.startswith(f"meetingtui: {target} is the database being backed up, "), line
        else:
            assert line.startswith(f"meetingtui: Not written: {target} is the database in use, "
                                   f"{Path(db_arg)}, or a file SQLite keeps beside it."), (
                name, line)
        assert snapshot(db.parent) == before, (name, spelling)


@pytest.mark.parametrize("spelling", OTHER)
def test_no_output_replaces_another_sqlite_file(spelling: str, in_use: tuple[Path, int]) -> None:
    db, meeting = in_use
    db_arg, target = OTHER[spelling](db)
    before = snapshot(db.parent)
    for name, args in writers(meeting, target).items():
        if name == "backup" and spelling == "another meetingtui database":
            continue  # replacing an older backup on purpose is what `backup --force` is for
        line = one_line_error(cli(db_arg, *args))
        if name == "backup" and target.endswith("-wal"):
            assert line.startswith(f"meetingtui: {target} is a file SQLite keeps beside the "
                                   "database "), line
        elif name == "backup":
            assert line == (f"meetingtui: {target} is not a meetingtui database, so even with "
                            "--force it was left untouched."), line
        else:
            assert line.startswith(f"meetingtui: Not written: {target} is an SQLite database, "
                                   ), (name, line)
        assert snapshot(db.parent) == before, (name, spelling)


@pytest.mark.parametrize("spelling", ["relative", "hard link", "-wal", "symbolic link"])
def test_a_refused_output_opens_nothing(spelling: str, planned: tuple[Path, int],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """With the app closed (no -wal, no -shm): the output is refused before the database is
    opened at all, so not even SQLite's -wal and -shm appear beside it."""
    db, meeting = planned
    (db.parent / "sub").mkdir()
    monkeypatch.chdir(db.parent)
    db_arg, target = IN_USE[spelling](db)
    before = snapshot(db.parent)
    assert not any(name.endswith(("-wal", "-shm")) for name in before)
    for name, args in writers(meeting, target).items():
        one_line_error(cli(db_arg, *args))
        assert snapshot(db.parent) == before, name


def test_a_database_that_appears_while_the_export_is_written_is_not_replaced(
    in_use: tuple[Path, int],
) -> None:
    """Checked again just before the rename: a link to the database made meanwhile stops it."""
    db, _ = in_use
    target = db.parent / "protokoll.docx"

    def racing(stream: BinaryIO) -> None:
        stream.write(b"minnesanteckningar")
        target.symlink_to(db)

    before = db.read_bytes()
    with pytest.raises(ExportError) as refused:
        write_export(target, racing, force=True, protected=db)
    assert refused.value.reason == "database"
    assert target.is_symlink() and db.read_bytes() == before
    assert not list(db.parent.glob(".protokoll.docx.*"))  # no temporary file left


def test_the_refusal_is_said_in_swedish_too(in_use: tuple[Path, int]) -> None:
    db, meeting = in_use
    line = one_line_error(cli(str(db), "export", str(meeting), "-o", str(db), "--force",
                              lang="sv"))
    assert line == (f"meetingtui: Skrevs inte: {db} är databasen som används, {db}, eller en fil "
                    "som SQLite har bredvid den. En export ersätter aldrig dem, inte ens med "
                    "--force; välj ett annat filnamn.")
    other = foreign_database(db.with_name("kalender.sqlite"))
    line = one_line_error(cli(str(db), "actions", "--format", "csv", "-o", str(other), lang="sv"))
    assert line.startswith(f"meetingtui: Skrevs inte: {other} är en SQLite-databas, ")
    line = one_line_error(cli(str(db), "backup", f"{db.name}-wal", "--force", lang="sv"))
    assert line == (f"meetingtui: {db.name}-wal är databasen som säkerhetskopieras, {db}, eller "
                    "en fil som SQLite har bredvid den; ingenting skrevs. Välj en annan fil.")


def test_an_export_to_the_default_path_never_replaces_a_database_there(
    in_use: tuple[Path, int], tmp_path: Path,
) -> None:
    """Without -o: the minutes' own file name, made a link to the database (or a database put
    there), is refused after the minutes are built, as the app's F6 refuses it."""
    db, meeting = in_use
    exports = tmp_path / "exports"
    made = cli(str(db), "--exports", str(exports), "export", str(meeting), "--format", "md")
    assert made.exit_code == 0, made.output
    written = Path(made.stdout.strip())
    written.unlink()
    written.symlink_to(db)

    def files() -> dict[str, tuple[int, bytes]]:  # opening the database to export writes its -wal
        return {name: found for name, found in snapshot(tmp_path).items()
                if not name.endswith(("-wal", "-shm"))}

    before = files()
    line = one_line_error(cli(str(db), "--exports", str(exports), "export", str(meeting),
                              "--format", "md", "--force"))
    assert line.startswith(f"meetingtui: Not written: {written} is the database in use")
    assert files() == before


def test_a_backup_is_never_written_through_a_symbolic_link(
    in_use: tuple[Path, int], tmp_path: Path,
) -> None:
    """`backup --force` onto a link would write into whatever database it leads to."""
    db, _ = in_use
    other = another_meetingtui_database(tmp_path / "förra-året.db")
    link = tmp_path / "kopia.db"
    link.symlink_to(other)
    before = snapshot(tmp_path)
    for lang, words in (("en", "is a symbolic link; a backup is never written through one"),
                        ("sv", "är en symbolisk länk; en säkerhetskopia skrivs aldrig genom")):
        line = one_line_error(cli(str(db), "backup", str(link), "--force", lang=lang))
        assert line.startswith(f"meetingtui: {link} {words}"), line
    assert snapshot(tmp_path) == before
    # The file itself, named as it is, is replaced on purpose as before.
    assert cli(str(db), "backup", str(other), "--force").exit_code == 0


@pytest.mark.parametrize("spelling", [*IN_USE, *OTHER])
def test_write_export_refuses_every_spelling(spelling: str, in_use: tuple[Path, int]) -> None:
    """The one check every writer goes through, called as the app's exporter calls it."""
    db, _ = in_use
    _, target = {**IN_USE, **OTHER}[spelling](db)
    before = snapshot(db.parent)
    with pytest.raises(ExportError) as refused:
        write_export(Path(target), lambda stream: stream.write(b"minnesanteckningar"),
                     force=True, protected=db)
    assert refused.value.reason == "database"
    assert snapshot(db.parent) == before
