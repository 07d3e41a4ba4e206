"""A paste of more than a field takes, as a chair does it at 80×24 in a terminal (found in
tmux): a long text copied from a document (several wrapped lines, a line break at its end)
pasted into the decision. Ctrl+Z took it back by crashing the app (Textual's wrapped view,
Textualize/textual#6686); every save tried again stacked the same message; and the decision
form (`b` on the action plan) held the chair until the text was deleted by hand."""

from __future__ import annotations

import asyncio

from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from meetingtui.model import LONG_MAX
from meetingtui.services import meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.scenarios.helpers import SIZE, press, screen_name
from tests.ui.test_form_hints import paste

OTHER_QUESTIONS = 7  # § 7 Övriga frågor, a text item in the test's EST template
ACTION_PLAN = 5  # § 5 Åtgärdsplan: its decision is written in a form (`b`)
COPIED = "Beslut om trygghetsvandring i Centrum. " * 40 + "\n"  # wraps, ends in a line break
TOO_LONG = "Beslut " * (LONG_MAX // 7 + 500)


def _stored(ws: Workspace, meeting_id: int, position: int) -> tuple[str, str, int]:
    item = meetings.items(ws, meeting_id)[position - 1]
    return item.notes, item.decision, item.version


def _messages(pilot: Pilot[None], words: str) -> int:
    return sum(words in str(n.message) for n in pilot.app._notifications)


def _decision(pilot: Pilot[None]) -> str:
    return pilot.app.screen.query_one("#decision", TextArea).text


def test_ctrl_z_takes_back_a_long_paste_in_the_decision(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    before = _stored(ws, meeting_id, OTHER_QUESTIONS)
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, str(OTHER_QUESTIONS), "b")
            await paste(pilot, COPIED)
            seen["pasted"] = _decision(pilot)
            await press(pilot, "ctrl+z")
            seen["undone"] = _decision(pilot)
            await press(pilot, "escape")
            seen["state"] = str(pilot.app.screen.query_one("#save-state", Static).render())
            await press(pilot, str(ACTION_PLAN), "b")  # the same in the decision form
            assert screen_name(pilot) == "ItemTextDialog"
            await paste(pilot, COPIED)
            await press(pilot, "ctrl+z")
            seen["form"] = _decision(pilot)
            await press(pilot, "escape")
            seen["screen"] = screen_name(pilot)

    asyncio.run(run())
    assert seen["pasted"] == COPIED
    assert seen["undone"] == "" and seen["form"] == ""
    assert "Sparas strax" not in seen["state"]  # nothing is waiting to be saved
    assert seen["screen"] == "MeetingScreen"
    assert _stored(ws, meeting_id, OTHER_QUESTIONS) == before


def test_a_paste_too_long_is_said_once_with_the_way_out(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    before = _stored(ws, meeting_id, OTHER_QUESTIONS)
    seen: dict[str, object] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, str(OTHER_QUESTIONS), "b")
            await paste(pilot, TOO_LONG)
            await press(pilot, "escape")  # leaving the field saves it: refused
            await press(pilot, "n")  # and moving on too: the chair stays on the item
            seen["item"] = pilot.app.screen.query_one("#item-header", Static).render()
            seen["said"] = _messages(pilot, "för lång")
            seen["state"] = str(pilot.app.screen.query_one("#save-state", Static).render())
            await press(pilot, "b", "ctrl+z", "escape", "n")
            seen["moved"] = pilot.app.screen.query_one("#item-header", Static).render()

    asyncio.run(run())
    assert f"§ {OTHER_QUESTIONS} " in str(seen["item"])
    assert seen["said"] == 1
    assert "högst 20\u00a0000 tecken" in str(seen["state"]) and "Ctrl+Z" in str(seen["state"])
    assert f"§ {OTHER_QUESTIONS + 1} " in str(seen["moved"])
    assert _stored(ws, meeting_id, OTHER_QUESTIONS) == before


def test_esc_again_closes_the_decision_form_on_a_text_too_long(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    before = _stored(ws, meeting_id, ACTION_PLAN)
    seen: dict[str, object] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, str(ACTION_PLAN), "b")
            await paste(pilot, TOO_LONG)
            await press(pilot, "escape")
            seen["first"] = screen_name(pilot)
            seen["said"] = _messages(pilot, "Esc igen")
            await press(pilot, "escape")
            seen["second"] = screen_name(pilot)

    asyncio.run(run())
    assert seen["first"] == "ItemTextDialog" and seen["said"] == 1
    assert seen["second"] == "MeetingScreen"
    assert _stored(ws, meeting_id, ACTION_PLAN) == before
