"""Ctrl+A marks a field's whole text, as in Word and Outlook, so that what is typed next
replaces it. Textual's fields took Ctrl+A for Home: a secretary who marked the proposed date
and typed yesterday's got "2026-12-022027-01-07" and a form that would not save."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

from textual.widgets import Input

from meetingtui.services import meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.conftest import Clock
from tests.scenarios.helpers import (
    SIZE,
    choose_group,
    group_id,
    press,
    scenario_workspace,
    screen_name,
    type_text,
)


def test_ctrl_a_and_a_date_replace_the_proposed_date_of_a_new_meeting(
        tmp_path: Path, clock: Clock) -> None:
    ws = scenario_workspace(tmp_path, clock, "Vårgårda kommun")  # today 2026-03-10 (NOW)
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=SIZE) as pilot:
            await pilot.pause()
            await choose_group(pilot, "EST")
            await press(pilot, "n")
            assert screen_name(pilot) == "PlanMeetingDialog"
            await press(pilot, "right", "ctrl+a")  # the cursor off the marked text, then all
            await type_text(pilot, "2026-03-03")  # a week ago: typed in after
            seen["date"] = pilot.app.screen.query_one("#date", Input).value
            await press(pilot, "ctrl+s")
            seen["screen"] = screen_name(pilot)

    asyncio.run(run())
    assert seen["date"] == "2026-03-03"
    assert seen["screen"] == "MeetingScreen"
    [meeting] = meetings.list_meetings(ws, group_id(ws, "EST"))
    assert meeting.date == date(2026, 3, 3)


def test_ctrl_a_in_the_notes_marks_them_all_and_typing_replaces_them(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    first = meetings.items(ws, meeting_id)[0]

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "1", "e")
            await type_text(pilot, "Ett första utkast")
            await press(pilot, "ctrl+a")
            await type_text(pilot, "Ordföranden öppnade mötet.")
            await press(pilot, "escape")
            assert screen_name(pilot) == "MeetingScreen"

    asyncio.run(run())
    saved = next(item for item in meetings.items(ws, meeting_id) if item.id == first.id)
    assert saved.notes == "Ordföranden öppnade mötet."


def test_ctrl_a_outside_a_field_changes_nothing(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    def texts() -> list[tuple[str, str, bool]]:
        return [(i.notes, i.decision, i.confidential) for i in meetings.items(ws, meeting_id)]

    before = texts()
    seen: dict[str, object] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "1", "ctrl+a")
            seen["screen"] = screen_name(pilot)
            seen["focused"] = type(pilot.app.focused).__name__

    asyncio.run(run())
    assert seen["screen"] == "MeetingScreen"
    assert seen["focused"] not in ("Input", "TextArea", "FormInput")
    assert texts() == before
