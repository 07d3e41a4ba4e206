"""Fixtures for the TUI tests: a workspace on a temporary database with a fixed clock and only
the test's own EST template (so snapshots do not change when the shipped templates do), and an
earlier meeting whose open measures the next one follows up."""

from __future__ import annotations

import importlib
import os
import pkgutil
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
from meetingtui.services.settings import set_municipality
from meetingtui.services.workspace import Workspace
from meetingtui.store.db import Store
from tests.conftest import Clock  # one hand-moved clock for every test


def _import_the_ui_in_swedish() -> None:
    """Every UI module imported now: a screen words its keys (its class's BINDINGS) when it is
    imported, and the app imports most screens only when they are opened, in the language of
    the app that opened them. A test in English that was the first in its worker to open the
    home screen left the footer English for every test after it (snapshots failed by order)."""
    import meetingtui.ui

    for module in pkgutil.walk_packages(meetingtui.ui.__path__, "meetingtui.ui."):
        importlib.import_module(module.name)


_import_the_ui_in_swedish()

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
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def ws(tmp_path: Path, agendas: Path, clock: Clock) -> Iterator[Workspace]:
    db = tmp_path / "meetingtui.db"
    locations = Locations(db=db, agendas=agendas, exports=tmp_path / "exports")
    workspace = Workspace(Store.open(db), load_templates([agendas]), locations, clock)
    set_municipality(workspace, "Exempelkommun")  # a municipality that has named itself
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


def running_meeting(ws: Workspace, clock: Clock) -> int:
    """March: started at 9:00, items 1–3 done, on the lägesbild since 9:20 (now 9:32), with the
    carried-over observation, two new ones (one confidential), causes and measures."""
    from meetingtui.model import Cause, Dimension, Observation, Trend

    group = groups.ensure_groups(ws)[0]
    assert group.id is not None
    clock.now = datetime(2026, 3, 10, 9, 0)
    march = meetings.plan_meeting(ws, group.id, date(2026, 3, 10), start=time(9, 0),
                                  place="Stadshuset, rum 4", secretary="Eva Berg",
                                  adjuster="Ali Khan")
    assert march.id is not None
    meetings.start_meeting(ws, march.id)
    agenda = meetings.items(ws, march.id)
    for item, minute in zip(agenda[:4], (0, 3, 6, 20), strict=True):
        clock.now = datetime(2026, 3, 10, 9, minute)
        assert item.id is not None
        meetings.visit_item(ws, march.id, item.id)
    first = lagesbild.save_observation(ws, Observation(
        meeting_id=march.id, area="Skolan", place_detail="Baksidan", category="Skadegörelse",
        description="Krossade fönster i idrottshallen tre helger i rad", source="Räddningstjänst",
        trend=Trend.RISING, level=2))
    lagesbild.save_observation(ws, Observation(
        meeting_id=march.id, area="Stationen", category="Ordningsstörning",
        description="Ungdomar samlas sent på kvällarna; personalen känner sig otrygg",
        source="Kollektivtrafik", trend=Trend.NEW, confidential=True))
    assert first.id is not None
    lagesbild.save_cause(ws, Cause(observation_id=first.id, text="Dålig belysning",
                                   dimension=Dimension.PLACE))
    lagesbild.save_measure(ws, Measure(
        meeting_id=march.id, text="Sätt upp belysning vid idrottshallen", owner="Bostadsbolag",
        due=date(2026, 4, 30), observation_id=first.id))
    clock.now = datetime(2026, 3, 10, 9, 32)
    return march.id


@pytest.fixture
def in_meeting(seeded: tuple[Workspace, int, list[int]], clock: Clock) -> tuple[Workspace, int]:
    ws = seeded[0]
    return ws, running_meeting(ws, clock)


@pytest.fixture
def seeded(ws: Workspace) -> tuple[Workspace, int, list[int]]:
    feb_id, measure_ids = seed_earlier_meeting(ws)
    return ws, feb_id, measure_ids
