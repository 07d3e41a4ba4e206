"""What the Datasette tests share: the demo database (one owner's measures due today and
yesterday), its public copy written in Swedish, and ways to open, copy, publish and read them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.demo.fill import fill_demo
from meetingtui.export.datasette import write_datasette
from meetingtui.i18n import language, set_language
from meetingtui.paths import resolve
from meetingtui.services.workspace import Workspace, open_workspace
from tests.conftest import Clock

#: The statuses as the Swedish copy writes them (said here, not looked up, so that a wrong word
#: in the catalogue shows).
STATUS_SV = {"not_started": "Ej påbörjad", "in_progress": "Pågående", "done": "Genomförd",
             "cancelled": "Avbruten"}


@pytest.fixture(autouse=True)
def swedish() -> Iterator[None]:
    before = language()
    set_language("sv")
    yield
    set_language(before)


def _open(db: Path) -> Workspace:
    return open_workspace(resolve(db=db, exports=db.parent / "exports"),
                          clock=Clock(datetime(2026, 11, 23, 9, 0)))


def _open_public(conn: sqlite3.Connection, owner: str | None = None) -> list[int]:
    """Open, public, non-proposal measures with a due date, of one owner if given."""
    sql = ("SELECT m.id FROM measures m WHERE m.deleted_at IS NULL AND m.confidential = 0 "
           "AND m.status IN ('not_started', 'in_progress') AND m.proposal = '' "
           "AND m.due IS NOT NULL" + (" AND m.owner = ?" if owner else "") + " ORDER BY m.id")
    return [row[0] for row in conn.execute(sql, [owner] if owner else [])]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int, int]:
    """A year of demo meetings, with one owner's measure due today and one due yesterday (the
    real today: Datasette counts from its own clock). Returns the file, that owner and the two
    measures."""
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    ws = _open(db)
    try:
        fill_demo(ws, 1, seed=7)
    finally:
        ws.close()
    today = date.today()
    with sqlite3.connect(db) as conn:
        owner = next(o for (o,) in conn.execute("SELECT DISTINCT owner FROM measures ORDER BY 1")
                     if len(_open_public(conn, o)) >= 2)
        due_today, due_yesterday = _open_public(conn, owner)[:2]
        conn.execute("UPDATE measures SET due = ? WHERE id = ?", [today.isoformat(), due_today])
        conn.execute("UPDATE measures SET due = ? WHERE id = ?",
                     [(today - timedelta(days=1)).isoformat(), due_yesterday])
    conn.close()
    return db, owner, due_today, due_yesterday


@pytest.fixture(scope="module")
def published(demo: tuple[Path, str, int, int],
              tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The copy and its metadata, written from the demo database in Swedish."""
    folder = tmp_path_factory.mktemp("site") / "datasette"
    before = language()
    set_language("sv")
    ws = _open(demo[0])
    try:
        copy, metadata = write_datasette(ws, folder, force=False)
    finally:
        ws.close()
        set_language(before)
    assert (copy.name, metadata.name) == ("meetingtui-offentlig.db", "metadata.json")
    return copy, metadata


def _publish(db: Path, folder: Path, *, force: bool = False) -> Path:
    """The public copy of ``db`` written into ``folder``."""
    ws = _open(db)
    try:
        return write_datasette(ws, folder, force=force)[0]
    finally:
        ws.close()


def _cells(db: Path) -> Iterator[tuple[str, str, str]]:
    """(table, column, text) of every text in every table of ``db``, found from its schema."""
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for column in [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]:
                for (text,) in conn.execute(
                        f'SELECT "{column}" FROM "{table}" WHERE typeof("{column}") = \'text\''):
                    yield table, column, text
    finally:
        conn.close()



def _copy_of(db: Path, target: Path) -> Path:
    """A copy of the demo database to change (SQLite's backup: the -wal is read too)."""
    with sqlite3.connect(db) as source, sqlite3.connect(target) as dest:
        source.backup(dest)
    source.close()
    dest.close()
    return target


def _cli_json(db: Path, *args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["--db", str(db), "actions", "--public", "--format",
                                       "json", *args])
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows
