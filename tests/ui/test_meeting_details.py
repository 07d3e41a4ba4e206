"""`m` on the meeting screen: the secretary fills in or corrects date, time, place and roles; a
bad date is said on its field and nothing is saved."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import date, time

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from meetingtui.model import Attendance, Meeting
from meetingtui.services import groups, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.widgets.field_row import FieldMessage


def _stored(ws: Workspace, meeting_id: int) -> tuple[str, str, str, str, str]:
    conn = sqlite3.connect(ws.locations.db)
    try:
        row = conn.execute("SELECT date, start, place, secretary, adjuster FROM meetings "
                           "WHERE id = ?", [meeting_id]).fetchone()
        return tuple(row)  # type: ignore[return-value]
    finally:
        conn.close()


def test_edit_the_meeting_details(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    before = _stored(ws, meeting_id)
    assert before[2:] == ("Stadshuset, rum 4", "Eva Berg", "Ali Khan")

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("m")
            await pilot.pause()
            assert type(app.screen).__name__ == "MeetingDetailsDialog"
            await pilot.press("ctrl+u", *"30 feb", "enter")  # not a day
            await pilot.pause()
            assert type(app.screen).__name__ == "MeetingDetailsDialog"
            assert _stored(ws, meeting_id) == before
            message = str(app.screen.query_one("#message-date", Static).render())
            assert "Det finns ingen 30 feb" in message, message  # the day, not the form
            assert "månaden har 28 dagar" in message or "månaden har 29 dagar" in message
            await pilot.press("ctrl+u", *"2026-03-10", "tab", "tab")  # date, time → place
            await pilot.press("ctrl+u", *"Räddningsstationen, lilla salen")
            await pilot.press("tab", "tab", "tab", "ctrl+u", *"Åsa Öberg", "enter")  # adjuster
            await pilot.pause()
            assert type(app.screen).__name__ == "MeetingScreen"
            assert app.screen.sub_title == "Räddningsstationen, lilla salen"

    asyncio.run(run())
    assert _stored(ws, meeting_id) == (before[0], before[1], "Räddningsstationen, lilla salen",
                                       "Eva Berg", "Åsa Öberg")


async def type_text(pilot: Pilot[object], text: str) -> None:
    """Keys as a terminal sends them: Pilot.press leaves the character out of some (an en
    dash), which a terminal gives."""
    assert pilot.app._driver is not None
    for character in text:
        pilot.app._driver.send_message(events.Key(character, character))
        await pilot.pause()


def message_of(pilot: Pilot[object], field: str) -> str:
    """The line under `field` as shown ("" when it is hidden)."""
    line = pilot.app.screen.query_one(f"#message-{field}", FieldMessage)
    return str(line.render()) if line.display else ""


def test_the_time_field_takes_a_start_and_an_end(in_meeting: tuple[Workspace, int]) -> None:
    """Issue 12 §4: "13:00–14:30" and the ways people write it; an end before the start is
    refused; an empty field (its grey example showing) is no time."""
    ws, meeting_id = in_meeting
    started = meetings.get_meeting(ws, meeting_id)
    meetings.update_details(ws, started.model_copy(update={"start": time(9, 0, 41)}))

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("m", "tab", "tab", "end", *" 4")  # only the place changes …
            await pilot.press("enter")
            assert type(app.screen).__name__ == "MeetingScreen"
            assert meetings.get_meeting(ws, meeting_id).start == time(9, 0, 41)  # … not 9:00

            await pilot.press("m", "tab")
            assert app.screen.query_one("#time", Input).value == "09.00"  # as Swedish writes
            await pilot.press(*"13-14.30")  # the text was selected: replaced
            assert message_of(pilot, "time") == "→ 13.00–14.30"
            await pilot.press("enter")
            assert type(app.screen).__name__ == "MeetingScreen"
            stored = meetings.get_meeting(ws, meeting_id)
            assert (stored.start, stored.end) == (time(13), time(14, 30))

            await pilot.press("m", "tab")
            assert app.screen.query_one("#time", Input).value == "13.00–14.30"
            await pilot.press(*"14.30 - 13")
            assert message_of(pilot, "time") == (
                "⚠ Sluttiden 13.00 måste vara efter starttiden 14.30")
            await pilot.press("enter")  # refused: the form stays
            assert type(app.screen).__name__ == "MeetingDetailsDialog"
            await pilot.press("ctrl+u", *"kl. 10")
            assert message_of(pilot, "time") == "→ 10.00"
            await pilot.press("enter")
            stored = meetings.get_meeting(ws, meeting_id)
            assert (stored.start, stored.end) == (time(10), None)

            await pilot.press("m", "tab", "ctrl+u")  # emptied: "t.ex. 9:00 …" is grey, no value
            field = app.screen.query_one("#time", Input)
            assert field.value == "" and str(field.placeholder).startswith("t.ex. 9:00")
            assert message_of(pilot, "time") == ""
            await pilot.press("enter")
            assert type(app.screen).__name__ == "MeetingScreen"

    asyncio.run(run())
    stored = meetings.get_meeting(ws, meeting_id)
    assert (stored.start, stored.end) == (None, None)
    assert stored.place == "Stadshuset, rum 4 4"


def test_the_date_field_says_which_day_it_understood(in_meeting: tuple[Workspace, int]) -> None:
    """Issue 12 §6: "idag" typed for a meeting held last month is visible before it is saved."""
    ws, meeting_id = in_meeting
    before = _stored(ws, meeting_id)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("m")
            assert message_of(pilot, "date") == ""  # as opened: nothing said yet
            await pilot.press(*"idag")
            assert message_of(pilot, "date") == "→ tis 10 mars 2026"
            await pilot.press("ctrl+u")  # empty: the error, not the echo
            assert message_of(pilot, "date").startswith("⚠ Ange ett datum")
            await pilot.press(*"32 okt")
            assert message_of(pilot, "date").startswith("⚠ Ange ett datum")
            await pilot.press("ctrl+u", *"14 okt")
            assert message_of(pilot, "date") == "→ ons 14 okt 2026"
            await pilot.press("enter")
            assert type(app.screen).__name__ == "MeetingScreen"

    asyncio.run(run())
    assert _stored(ws, meeting_id) == ("2026-10-14", *before[1:])


def test_the_echo_speaks_english_with_the_english_ui(
    in_meeting: tuple[Workspace, int], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from meetingtui import i18n

    monkeypatch.setattr(i18n, "_current", "sv")  # make_app sets English; put back afterwards
    ws, meeting_id = in_meeting

    async def run() -> None:
        app = make_app(ws, lang="en", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("m", *"14 okt")
            assert message_of(pilot, "date") == "→ Wed 14 Oct 2026"
            await pilot.press("tab", *"13-14.30")
            assert message_of(pilot, "time") == "→ 13:00–14:30"
            await pilot.press("enter")

    asyncio.run(run())
    stored = meetings.get_meeting(ws, meeting_id)
    assert (stored.date, stored.start, stored.end) == (date(2026, 10, 14), time(13),
                                                        time(14, 30))


def test_planning_a_meeting_gives_the_plan_its_start_and_end(
    seeded: tuple[Workspace, int, list[int]],
) -> None:
    """The plan dialog is the details dialog with attendance: its meeting has both times. (The
    home screen's `plan` passes the start only to `meetings.plan_meeting`, which has no end
    yet; so this test plans through the dialog's own callback.)"""
    from meetingtui.ui.dialogs.plan_meeting import PlanMeetingDialog

    ws = seeded[0]
    group = groups.ensure_groups(ws)[0]
    assert group.id is not None
    group_id = group.id
    planned: list[Meeting] = []

    def plan(meeting: Meeting, people: list[Attendance]) -> Meeting:
        done = meetings.plan_meeting(ws, group_id, meeting.date, start=meeting.start,
                                     attendance=people)
        meetings.update_details(ws, meeting.model_copy(update={"id": done.id}))
        planned.append(meetings.get_meeting(ws, done.id or 0))
        return planned[-1]

    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.push_screen(PlanMeetingDialog(group_id, "EST", date(2026, 4, 14), ws.today(),
                                              "Säkerhetschef", [], plan))
            await pilot.pause()
            assert app.screen.query_one("#time", Input).value == ""
            await pilot.press("tab")
            await type_text(pilot, "kl. 13–14.30")  # an en dash
            assert message_of(pilot, "time") == "→ 13.00–14.30"
            await pilot.press("enter")
            assert type(app.screen).__name__ == "HomeScreen"

    asyncio.run(run())
    [stored] = [m for m in meetings.list_meetings(ws) if m.date == date(2026, 4, 14)]
    assert planned == [stored]
    assert (stored.start, stored.end) == (time(13), time(14, 30))
