"""A new measure is of the type its group's template names (`measure_type`, issue 14 §2): social
in SSPF, situational where the template says nothing. Both ways to a new measure: the action
plan (5, a) and an observation of the lägesbild (p, Enter, a)."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from meetingtui.model import MeasureType
from meetingtui.services import lagesbild
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.ui.conftest import HERE

SETTING = {
    None: "",
    MeasureType.SOCIAL: 'measure_type = "social"\n',
    MeasureType.SITUATIONAL: 'measure_type = "situational"\n',
}


@pytest.fixture(params=list(SETTING), ids=["unsaid", "social", "situational"])
def said(request: pytest.FixtureRequest) -> MeasureType | None:
    value: MeasureType | None = request.param
    return value


@pytest.fixture
def agendas(tmp_path: Path, said: MeasureType | None) -> Path:
    """The tests' EST template, with the setting under test."""
    folder = tmp_path / "agendas"
    folder.mkdir()
    shutil.copy(HERE / "est_template.md", folder / "est.md")
    text = (folder / "est.md").read_text(encoding="utf-8")
    (folder / "est.md").write_text(
        text.replace("skip_months = [7, 12]\n", "skip_months = [7, 12]\n" + SETTING[said], 1),
        encoding="utf-8")
    return folder


def _expected(said: MeasureType | None) -> MeasureType:
    return said or MeasureType.SITUATIONAL


def test_from_the_action_plan(in_meeting: tuple[Workspace, int], said: MeasureType | None) -> None:
    ws, meeting_id = in_meeting

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test() as pilot:
            await pilot.press("5", "a")
            await pilot.pause()
            assert type(pilot.app.screen).__name__ == "MeasureDialog"
            await pilot.press(*"Städa", "tab", *"Eva", "tab", "tab", *"1 dec", "ctrl+s")
            await pilot.pause()
            assert type(pilot.app.screen).__name__ == "MeetingScreen"

    asyncio.run(run())
    added = lagesbild.measures(ws, meeting_id)[-1]
    assert (added.text, added.type) == ("Städa", _expected(said))


def test_from_an_observation(in_meeting: tuple[Workspace, int], said: MeasureType | None) -> None:
    ws, meeting_id = in_meeting

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("enter")  # the meeting stands on the lägesbild
            await pilot.pause()
            assert type(app.screen).__name__ == "ObservationScreen"
            await pilot.press("a")
            await pilot.pause()
            await pilot.press(*"Vakter vid kajen", "tab", *"Kommunpolis", "tab", "tab",
                              *"2026-05-01", "ctrl+s")
            await pilot.pause()
            assert type(app.screen).__name__ == "ObservationScreen"

    asyncio.run(run())
    added = lagesbild.measures(ws, meeting_id)[-1]
    assert (added.text, added.type) == ("Vakter vid kajen", _expected(said))
