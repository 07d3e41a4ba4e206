"""Esc after the decision of an item that is not a text item (the action plan, the lägesbild)
saves it, as Esc does on a text item: a chair who typed the decision under `b` and left with
Esc, as on every text item, lost it (found at 80×24 in tmux). Esc with nothing changed closes
without a save."""

from __future__ import annotations

import asyncio

from textual.widgets import Static

from meetingtui.services import meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.scenarios.helpers import SIZE, press, screen_name, type_text

ACTION_PLAN = 5  # § 5 Åtgärdsplan in the test's EST template


def _item(ws: Workspace, meeting_id: int) -> tuple[str, str, int]:
    item = meetings.items(ws, meeting_id)[ACTION_PLAN - 1]
    return item.decision, item.notes, item.version


def test_esc_after_a_decision_typed_under_b_saves_it(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, str(ACTION_PLAN), "b")
            assert screen_name(pilot) == "ItemTextDialog"
            seen["hint"] = str(pilot.app.screen.query_one(".form-hint", Static).render())
            await type_text(pilot, "Åtgärdsplanen fastställdes.")
            await press(pilot, "escape")
            seen["screen"] = screen_name(pilot)

    asyncio.run(run())
    assert "Esc: spara och stäng" in seen["hint"]
    assert seen["screen"] == "MeetingScreen"
    assert _item(ws, meeting_id)[:2] == ("Åtgärdsplanen fastställdes.", "")


def test_esc_with_nothing_changed_closes_without_a_save(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    before = _item(ws, meeting_id)
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, str(ACTION_PLAN), "b", "escape")
            seen["screen"] = screen_name(pilot)

    asyncio.run(run())
    assert seen["screen"] == "MeetingScreen"
    assert _item(ws, meeting_id) == before  # not even the version moved
