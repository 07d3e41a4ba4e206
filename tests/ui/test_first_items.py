"""The formal items every agenda starts and ends with, which the minutes left empty unless
someone typed:

- § 1 "Mötets öppnande" and the last item, "Mötets avslutande" (`.opening`, `.closing`): the
  chair sees what the minutes will say ("Ordföranden … förklarade mötet öppnat kl. 9.00."),
  changes the chair and times with `m`, and is told on the last item when no end time is given;

- § 3 "Val av sekreterare och justerare" (an `.officers` item): the chair sees whom the
  meeting's details name, changes them with `m` on the item, and the minutes say who was chosen;
- § 4 "Godkännande av dagordning": the item starts with the template's decision ("Dagordningen
  godkänns."), on the screen as in the minutes; what the chair types over it replaces it (typed
  after it, a decision typed from habit ran on from it), and the chair's own text is kept."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time
from pathlib import Path

from textual.widgets import Static, TextArea

from meetingtui.model import ItemKind
from meetingtui.services import meetings
from meetingtui.services.workspace import Workspace
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
DAY_AFTER = datetime(2027, 1, 13, 8, 30)


def _est_meeting(tmp_path: Path, clock: Clock, now: datetime) -> tuple[Workspace, int]:
    """A new municipality's EST meeting planned for `DAY`, the clock at ``now``."""
    at(clock, now)
    ws = scenario_workspace(tmp_path, clock, "Vårgårda kommun")
    meeting = meetings.plan_meeting(ws, group_id(ws, "EST"), DAY)
    assert meeting.id is not None
    return ws, meeting.id


def test_the_chair_sees_and_changes_the_officers_and_the_minutes_say_who_was_chosen(
        tmp_path: Path, clock: Clock) -> None:
    ws, meeting_id = _est_meeting(tmp_path, clock, DAY_AFTER)  # typed in the day after
    third = meetings.items(ws, meeting_id)[2]
    assert (third.title, third.kind) == ("Val av sekreterare och justerare", ItemKind.OFFICERS)
    shown: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "3")

            def officers() -> str:
                return str(pilot.app.screen.pane.query_one("#details", Static).render())

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
    paths = export_all(ws, meeting_id, tmp_path / "protokoll")
    line = "Till sekreterare valdes Lena Wikström och till justerare Per Nilsson."
    for name in ("intern.docx", "offentlig.docx"):
        assert Filed(paths[name]).section("§ 3 Val av sekreterare och justerare")[0] == line
    assert f"## § 3 Val av sekreterare och justerare\n\n{line}\n" in \
        paths["offentlig.md"].read_text(encoding="utf-8")
    # Closed, read-only: the names stay, the way to change them is not offered.
    meetings.close_meeting(ws, meeting_id)

    async def closed() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "3")
            shown.append(str(pilot.app.screen.pane.query_one("#details", Static).render()))

    asyncio.run(closed())
    assert shown[2] == "Sekreterare: Lena Wikström\nJusterare: Per Nilsson"


def test_the_agenda_is_approved_as_the_template_proposes_or_as_the_chair_says(
        tmp_path: Path, clock: Clock) -> None:
    # Prepared the day before.
    ws, meeting_id = _est_meeting(tmp_path, clock, datetime(2027, 1, 11, 16, 0))
    shown: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
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

    paths = export_all(ws, meeting_id, tmp_path / "före")
    heading = "§ 4 Godkännande av dagordning"
    assert Filed(paths["intern.docx"]).section(heading) == [
        "Överenskommet: Dagordningen godkänns."]
    asyncio.run(run())
    assert shown == ["Dagordningen godkänns.", "Dagordningen godkändes.",
                     "Dagordningen godkändes. Nya frågor under övriga frågor."]
    paths = export_all(ws, meeting_id, tmp_path / "efter")
    assert Filed(paths["offentlig.docx"]).section(heading) == [
        "Överenskommet: Dagordningen godkändes. Nya frågor under övriga frågor."]



def test_the_minutes_say_who_opened_and_closed_the_meeting_and_when(
        tmp_path: Path, clock: Clock) -> None:
    """§ 1 and the last item show what the minutes will say of them and `m` changes it; a
    meeting typed in the day after has no end time until the chair gives one."""
    ws, meeting_id = _est_meeting(tmp_path, clock, DAY_AFTER)  # typed in the day after
    items = meetings.items(ws, meeting_id)
    first, last = items[0], items[-1]
    assert (first.title, first.kind) == ("Mötets öppnande", ItemKind.OPENING)
    assert (last.title, last.kind) == ("Mötets avslutande", ItemKind.CLOSING)
    shown: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()

            def details() -> str:
                return str(pilot.app.screen.pane.query_one("#details", Static).render())

            await press(pilot, "1")
            shown.append(details())
            await press(pilot, "m")
            assert screen_name(pilot) == "MeetingDetailsDialog"
            await press(pilot, "tab", "ctrl+u")  # Tid
            await type_text(pilot, "9.00-11.30")
            await press(pilot, "tab", "tab", "ctrl+u")  # Ordförande
            await fill(pilot, "Anna Berg")
            await press(pilot, "enter")
            assert screen_name(pilot) == "MeetingScreen"
            shown.append(details())
            await press(pilot, "e")
            await type_text(pilot, "Ordföranden hälsade alla välkomna.")
            await press(pilot, "escape")
            await press(pilot, *str(last.position))  # two digits: § 17
            shown.append(details())
            await press(pilot, "c")
            assert screen_name(pilot) == "ConfirmDialog"
            await press(pilot, "j", "n")  # closed; the minutes are exported below
            assert screen_name(pilot) == "HomeScreen"

    asyncio.run(run())
    # No member holds the chair's role by name yet: the role is not said as if a name.
    assert shown[0] == ("Protokollet skriver: Ordföranden förklarade mötet "
                        "öppnat.\nm ändrar mötesuppgifterna (ordförande, tider).")
    assert shown[1].startswith("Protokollet skriver: Ordföranden Anna Berg förklarade mötet "
                               "öppnat kl. 9.00.\n"), shown[1]
    assert shown[2] == ("Protokollet skriver: Ordföranden Anna Berg förklarade mötet "
                        "avslutat kl. 11.30.\nm ändrar mötesuppgifterna (ordförande, tider).")
    closed = meetings.get_meeting(ws, meeting_id)
    assert closed.closed and closed.end == time(11, 30)  # as typed, not the clock's 8.30
    paths = export_all(ws, meeting_id, tmp_path / "protokoll")
    for name in ("intern.docx", "offentlig.docx"):
        filed = Filed(paths[name])
        assert filed.section("§ 1 Mötets öppnande") == [
            "Ordföranden hälsade alla välkomna.",
            "Ordföranden Anna Berg förklarade mötet öppnat kl. 9.00."]
        assert filed.section(f"§ {last.position} Mötets avslutande") == [
            "Ordföranden Anna Berg förklarade mötet avslutat kl. 11.30."]


def test_the_last_item_says_the_end_time_is_missing_until_given(
        tmp_path: Path, clock: Clock) -> None:
    ws, meeting_id = _est_meeting(tmp_path, clock, DAY_AFTER)  # typed in the day after
    last = meetings.items(ws, meeting_id)[-1]
    shown: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, *str(last.position))
            shown.append(str(pilot.app.screen.pane.query_one("#details", Static).render()))
            await press(pilot, "m", "tab", "ctrl+u")  # Tid
            await type_text(pilot, "13.00-15.00")
            await press(pilot, "enter")
            shown.append(str(pilot.app.screen.pane.query_one("#details", Static).render()))

    asyncio.run(run())
    assert shown[0].endswith("förklarade mötet avslutat.\nSluttid saknas: ange den med m."), \
        shown[0]
    assert shown[1].endswith("förklarade mötet avslutat kl. 15.00.\nm ändrar "
                             "mötesuppgifterna (ordförande, tider)."), shown[1]
