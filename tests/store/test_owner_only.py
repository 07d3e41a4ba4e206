"""Every file meetingtui writes is readable by its owner only, whatever the umask says.

The database, its -wal and -shm files, the minutes, every action-list file and a backup are
made under a umask of 000 (a shared machine set up carelessly) and must still be 0600; the
folders meetingtui makes for exports must be 0700. A database that was readable by others
before is made owner-only when it is opened.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.export.minutes import export_minutes
from meetingtui.model import Measure, Observation
from meetingtui.paths import resolve
from meetingtui.services import groups, lagesbild, meetings
from meetingtui.services.workspace import Workspace, open_workspace
from tests.conftest import TEST_TEMPLATE, Clock


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def careless_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def _workspace(root: Path) -> Workspace:
    agendas = root / "agendas"
    agendas.mkdir(exist_ok=True)
    (agendas / "est.md").write_text(TEST_TEMPLATE, encoding="utf-8")
    return open_workspace(resolve(db=root / "data" / "m.db", agendas=agendas,
                                  exports=root / "exports"),
                          clock=Clock(datetime(2026, 11, 10, 9, 0)))


def _meeting(ws: Workspace) -> int:
    group = groups.find_group(ws, "EST") if groups.ensure_groups(ws) else None
    assert group is not None and group.id is not None
    meeting = meetings.plan_meeting(ws, group.id, date(2026, 11, 10))
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    lagesbild.save_observation(ws, Observation(meeting_id=meeting.id, area="Centrum",
                                               description="Klotter", confidential=True))
    lagesbild.save_measure(ws, Measure(meeting_id=meeting.id, text="Sanera", owner="Per Holm",
                                       due=date(2026, 12, 1)))
    return meeting.id


def test_database_wal_and_shm_are_owner_only(tmp_path: Path, careless_umask: None) -> None:
    ws = _workspace(tmp_path)
    try:
        _meeting(ws)
        db = ws.locations.db
        files = [db, db.with_name("m.db-wal"), db.with_name("m.db-shm")]
        assert all(path.exists() for path in files)
        assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}
    finally:
        ws.close()


def test_a_database_readable_by_others_is_made_owner_only(tmp_path: Path,
                                                          careless_umask: None) -> None:
    ws = _workspace(tmp_path)
    ws.close()
    db = tmp_path / "data" / "m.db"
    db.chmod(0o644)
    ws = _workspace(tmp_path)
    try:
        _meeting(ws)
        assert mode(db) == 0o600
        assert mode(db.with_name("m.db-wal")) == 0o600
    finally:
        ws.close()


def test_minutes_action_lists_and_backups_are_owner_only(tmp_path: Path,
                                                         careless_umask: None) -> None:
    ws = _workspace(tmp_path)
    try:
        meeting_id = _meeting(ws)
        written = [export_minutes(ws, meeting_id, public=public, fmt=fmt).path
                   for fmt in ("docx", "md") for public in (False, True)]
    finally:
        ws.close()
    base = ["--db", str(tmp_path / "data" / "m.db"), "--agendas", str(tmp_path / "agendas"),
            "--exports", str(tmp_path / "exports")]
    runner = CliRunner()
    for fmt in ("csv", "json", "md", "ics", "docx"):
        target = tmp_path / "lists" / f"a.{fmt}"
        target.parent.mkdir(exist_ok=True)
        result = runner.invoke(main, [*base, "actions", "--status", "all", "--format", fmt,
                                      "-o", str(target)])
        assert result.exit_code == 0, result.output
        written.append(target)
    result = runner.invoke(main, [*base, "actions", "--format", "docx"])  # the exports folder
    assert result.exit_code == 0, result.output
    written += sorted((tmp_path / "exports" / "actions").glob("*.docx"))
    result = runner.invoke(main, [*base, "backup", str(tmp_path / "kopia.db")])
    assert result.exit_code == 0, result.output
    written.append(tmp_path / "kopia.db")
    assert len(written) == 11
    assert {p.name: mode(p) for p in written} == {p.name: 0o600 for p in written}
    folders = [tmp_path / "exports", tmp_path / "exports" / "est",
               tmp_path / "exports" / "actions"]
    assert {p.name: mode(p) for p in folders} == {p.name: 0o700 for p in folders}
    # Nothing else was left in the folders: no temporary file readable by others.
    made = {p for p in (tmp_path / "exports").rglob("*") if p.is_file()}
    assert made <= set(written)


def test_reading_the_action_list_makes_no_file_readable_by_others(
        tmp_path: Path, careless_umask: None) -> None:
    """`meetingtui actions` reads without opening the store; a database copied back with `cp`
    (readable by others) must not hand that mode on to the -wal and -shm files it makes."""
    ws = _workspace(tmp_path)
    _meeting(ws)
    ws.close()
    db = tmp_path / "data" / "m.db"
    db.chmod(0o644)
    result = CliRunner().invoke(main, ["--db", str(db), "actions", "--format", "json"])
    assert result.exit_code == 0, result.output
    files = sorted(db.parent.iterdir())
    assert {"m.db", "m.db-shm"} <= {p.name for p in files}
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_folders_made_for_a_backup_are_owner_only(tmp_path: Path) -> None:
    from meetingtui.store.db import Store

    db = tmp_path / "meetingtui.db"
    Store.open(db).close()
    target = tmp_path / "usb" / "meetingtui" / "2026" / "kopia.db"
    old = os.umask(0)
    try:
        result = CliRunner().invoke(main, ["--db", str(db), "backup", str(target)])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    for folder in (tmp_path / "usb", tmp_path / "usb" / "meetingtui", target.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
