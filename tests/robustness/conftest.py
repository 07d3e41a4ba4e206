"""Fixtures for the robustness tests: a database file with one planned EST meeting, on the TUI
tests' own EST template (item 4 is the lägesbild), for separate processes to open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from meetingtui.agenda import load_templates
from meetingtui.paths import Locations
from meetingtui.services import groups, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.store.db import Store

UI_TESTS = Path(__file__).resolve().parent.parent / "ui"


@pytest.fixture
def agendas(tmp_path: Path) -> Path:
    folder = tmp_path / "agendas"
    folder.mkdir()
    shutil.copy(UI_TESTS / "est_template.md", folder / "est.md")
    return folder


def open_ws(db: Path, agendas: Path) -> Workspace:
    return Workspace(Store.open(db), load_templates([agendas]),
                     Locations(db=db, agendas=agendas, exports=db.parent / "exports"))


@pytest.fixture
def planned(tmp_path: Path, agendas: Path) -> tuple[Path, int]:
    """(database, meeting id): an EST meeting planned for today, nothing recorded yet."""
    db = tmp_path / "meetingtui.db"
    ws = open_ws(db, agendas)
    try:
        est = next(g for g in groups.ensure_groups(ws) if g.template_id == "est")
        assert est.id is not None
        meeting = meetings.plan_meeting(ws, est.id, ws.today())
        assert meeting.id is not None
        return db, meeting.id
    finally:
        ws.close()
