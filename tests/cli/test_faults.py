"""Files meetingtui reads but cannot use, from the command line: a database written by a newer
meetingtui or a file that is not a database is refused with one clear line on stderr and a
non-zero exit (for `meetings`, `actions`, `export`, `open` and the TUI's own start), never a
traceback and never a changed file; a template folder that is missing, empty or holds a broken
template is a warning, and the work is done with the built-in templates.

A read-only database is in tests/cli/test_read_only_database.py, an exports folder that cannot
be written in tests/cli/test_export_folder_faults.py; the TUI side of a full disk, a read-only
database mid-session, the template warning and F6 into an unwritable folder are in
tests/ui/test_faults.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from meetingtui.store import schema
from meetingtui.store.db import APPLICATION_ID
from tests.cli.faults_helpers import app_runs, cli, db
from tests.cli_helpers import one_line_error

__all__ = ["app_runs", "db"]  # the fixtures, imported to apply here


BROKEN_TEMPLATE = """+++
id = "est"
name = "Vår EST"
short = "EST"
frekvens = "monthly"
+++

# EST

## Öppnande
"""


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
