"""`m` on the meeting screen: the secretary fills in or corrects date, time, place and roles; a
bad date is said on its field and nothing is saved."""

from __future__ import annotations

import asyncio
import sqlite3

from textual.pilot import Pilot
from textual.widgets import Static

from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.widgets.form import FieldMessage


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
            assert "2026-12-01" in message or "1/12" in message, message  # says what works
            await pilot.press("ctrl+u", *"2026-03-10", "tab", "tab")  # date, time → place
            await pilot.press("ctrl+u", *"Räddningsstationen, lilla salen")
            await pilot.press("tab", "tab", "tab", "ctrl+u", *"Åsa Öberg", "enter")  # adjuster
            await pilot.pause()
            assert type(app.screen).__name__ == "MeetingScreen"
            assert app.screen.sub_title == "Räddningsstationen, lilla salen"

    asyncio.run(run())
    assert _stored(ws, meeting_id) == (before[0], before[1], "Räddningsstationen, lilla salen",
                                       "Eva Berg", "Åsa Öberg")


def message_of(pilot: Pilot[object], field: str) -> str:
    """The line under `field` as shown ("" when it is hidden)."""
    line = pilot.app.screen.query_one(f"#message-{field}", FieldMessage)
    return str(line.render()) if line.display else ""


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
