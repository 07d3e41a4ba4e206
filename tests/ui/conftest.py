"""Fixtures for the TUI tests: a workspace on a temporary database with a fixed clock and only
the test's own EST template (so snapshots do not change when the shipped templates do), and an
earlier meeting whose open measures the next one follows up."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

os.environ["MEETINGTUI_LANG"] = "sv"  # before any UI module is imported: labels are read then

from meetingtui.agenda import load_templates
from meetingtui.model import Measure, MeasureType
from meetingtui.paths import Locations
from meetingtui.services import groups, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.store.db import Store

HERE = Path(__file__).resolve().parent
NOW = datetime(2026, 3, 10, 9, 30)
EARLIER = date(2026, 2, 10)


@pytest.fixture(autouse=True)
def _no_blinking_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Snapshots must not depend on when the cursor blinked (as Harlequin's tests do)."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)


@pytest.fixture
def agendas(tmp_path: Path) -> Path:
    folder = tmp_path / "agendas"
    folder.mkdir()
    shutil.copy(HERE / "est_template.md", folder / "est.md")
    return folder


@pytest.fixture
def ws(tmp_path: Path, agendas: Path) -> Iterator[Workspace]:
    db = tmp_path / "meetingtui.db"
    locations = Locations(db=db, agendas=agendas, exports=tmp_path / "exports")
    workspace = Workspace(Store.open(db), load_templates([agendas]), locations, lambda: NOW)
    yield workspace
    workspace.close()


def seed_earlier_meeting(ws: Workspace) -> tuple[int, list[int]]:
    """A closed February meeting with an observation and two open measures."""
    from meetingtui.model import Observation

    group = groups.ensure_groups(ws)[0]
    assert group.id is not None
    feb = meetings.plan_meeting(ws, group.id, EARLIER, start=time(9, 0), place="Stadshuset")
    assert feb.id is not None
    meetings.start_meeting(ws, feb.id)
    obs = lagesbild.save_observation(ws, Observation(
        meeting_id=feb.id, area="Centrum", category="Klotter",
        description="Klotter på busskuren vid torget", source="Polis"))
    ids = []
    for text, owner, due in (("Sanera klotter vid torget", "Teknisk förvaltning",
                              date(2026, 3, 1)),
                             ("Trygghetsvandring i Centrum", "Folkhälsostrateg",
                              date(2026, 4, 1))):
        measure = lagesbild.save_measure(ws, Measure(
            meeting_id=feb.id, text=text, owner=owner, due=due,
            type=MeasureType.SITUATIONAL, observation_id=obs.id))
        assert measure.id is not None
        ids.append(measure.id)
    meetings.close_meeting(ws, feb.id)
    return feb.id, ids


@pytest.fixture
def seeded(ws: Workspace) -> tuple[Workspace, int, list[int]]:
    feb_id, measure_ids = seed_earlier_meeting(ws)
    return ws, feb_id, measure_ids
