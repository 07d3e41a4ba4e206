"""The formal items every agenda starts with, which the minutes left empty unless someone typed:

- § 3 "Val av sekreterare och justerare" (an `.officers` item): the chair sees whom the
  meeting's details name, changes them with `m` on the item, and the minutes say who was chosen;
- § 4 "Godkännande av dagordning": the item starts with the template's decision ("Dagordningen
  godkänns."), on the screen as in the minutes; what the chair types over it replaces it (typed
  after it, a decision typed from habit ran on from it), and the chair's own text is kept."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path

from textual.widgets import Static, TextArea

from meetingtui.model import ItemKind
from meetingtui.services import meetings
from meetingtui.ui.app import make_app
from tests.conftest import Clock
from tests.scenarios.helpers import (
    SIZE,
    Filed,
    at,
    export_all,
    fill,
    group_id,
    press,
    scenario_workspace,
    screen_name,
    type_text,
)

DAY = date(2027, 1, 12)


def test_the_chair_sees_and_changes_the_officers_and_the_minutes_say_who_was_chosen(
        tmp_path: Path, clock: Clock) -> None:
    at(clock, datetime(2027, 1, 13, 8, 30))  # typed in the day after
    ws = scenario_workspace(tmp_path, clock, "Vårgårda kommun")
    meeting = meetings.plan_meeting(ws, group_id(ws, "EST"), DAY)
    assert meeting.id is not None
    third = meetings.items(ws, meeting.id)[2]
    assert (third.title, third.kind) == ("Val av sekreterare och justerare", ItemKind.OFFICERS)
    shown: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting.id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "3")

            def officers() -> str:
                return str(pilot.app.screen.query_one("#officers", Static).render())

            shown.append(officers())
            await press(pilot, "m")
            assert screen_name(pilot) == "MeetingDetailsDialog"
            await press(pilot, "tab", "tab", "tab", "tab", "ctrl+u")  # Sekreterare
            await fill(pilot, "Lena Wikström", "")
            await press(pilot, "ctrl+u")  # Justerare
            await fill(pilot, "Per Nilsson")
            await press(pilot, "enter")
            assert screen_name(pilot) == "MeetingScreen"
            shown.append(officers())

    asyncio.run(run())
    assert shown[0].startswith("Sekreterare: –\nJusterare: –\nm ändrar dem"), shown[0]
    assert shown[1].startswith("Sekreterare: Lena Wikström\nJusterare: Per Nilsson\n"), shown[1]
    paths = export_all(ws, meeting.id, tmp_path / "protokoll")
    line = "Till sekreterare valdes Lena Wikström och till justerare Per Nilsson."
    for name in ("intern.docx", "offentlig.docx"):
        assert Filed(paths[name]).section("§ 3 Val av sekreterare och justerare")[0] == line
    assert f"## § 3 Val av sekreterare och justerare\n\n{line}\n" in \
        paths["offentlig.md"].read_text(encoding="utf-8")
    # Closed, read-only: the names stay, the way to change them is not offered.
    meetings.close_meeting(ws, meeting.id)

    async def closed() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting.id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "3")
            shown.append(str(pilot.app.screen.query_one("#officers", Static).render()))

    asyncio.run(closed())
    assert shown[2] == "Sekreterare: Lena Wikström\nJusterare: Per Nilsson"


def test_the_agenda_is_approved_as_the_template_proposes_or_as_the_chair_says(
        tmp_path: Path, clock: Clock) -> None:
    at(clock, datetime(2027, 1, 11, 16, 0))  # prepared the day before
    ws = scenario_workspace(tmp_path, clock, "Vårgårda kommun")
    meeting = meetings.plan_meeting(ws, group_id(ws, "EST"), DAY)
    assert meeting.id is not None
    shown: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting.id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            if screen_name(pilot) == "ConfirmDialog":  # "Starta mötet i förväg?"
                await press(pilot, "j")
            await press(pilot, "4")
            decision = pilot.app.screen.pane.query_one("#decision", TextArea)  # § 4's own
            shown.append(decision.text)
            await press(pilot, "b")  # typed over the proposal: it replaces it
            await type_text(pilot, "Dagordningen godkändes.")
            await press(pilot, "escape")
            shown.append(decision.text)
            await press(pilot, "b", "end")  # the chair's own text: typed after
            await type_text(pilot, " Nya frågor under övriga frågor.")
            await press(pilot, "escape")
            shown.append(decision.text)

    paths = export_all(ws, meeting.id, tmp_path / "före")
    heading = "§ 4 Godkännande av dagordning"
    assert Filed(paths["intern.docx"]).section(heading) == [
        "Överenskommet: Dagordningen godkänns."]
    asyncio.run(run())
    assert shown == ["Dagordningen godkänns.", "Dagordningen godkändes.",
                     "Dagordningen godkändes. Nya frågor under övriga frågor."]
    paths = export_all(ws, meeting.id, tmp_path / "efter")
    assert Filed(paths["offentlig.docx"]).section(heading) == [
        "Överenskommet: Dagordningen godkändes. Nya frågor under övriga frågor."]

