"""What the command-line fault tests share: a way to run the CLI, a database with one running EST
meeting, a record of every start of the TUI, and whether file modes bind this process.

Imported explicitly by tests/cli/test_faults.py, test_read_only_database.py and
test_export_folder_faults.py (not a conftest: each names what it uses).
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from meetingtui.cli import main
from meetingtui.model import Measure
from meetingtui.paths import resolve
from meetingtui.services import groups, meetings
from meetingtui.services.lagesbild import save_measure
from meetingtui.services.workspace import open_workspace


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
