"""A meeting planned for a later day is not started by opening it by accident: the chair is
asked, and "no" leaves it planned."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import time, timedelta

from meetingtui.services import groups, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app


def _status(ws: Workspace, meeting_id: int) -> str:
    conn = sqlite3.connect(ws.locations.db)
    try:
        return str(conn.execute("SELECT status FROM meetings WHERE id = ?",
                                [meeting_id]).fetchone()[0])
    finally:
        conn.close()


def test_opening_a_meeting_planned_for_later_asks_first(ws: Workspace) -> None:
    group = groups.ensure_groups(ws)[0]
    assert group.id is not None
    planned = meetings.plan_meeting(ws, group.id, ws.today() + timedelta(days=14),
                                    start=time(9, 0))
    assert planned.id is not None
    meeting_id = planned.id

    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("o")
            await pilot.pause()
            await pilot.press("enter")  # the planned meeting
            await pilot.pause()
            assert type(app.screen).__name__ == "ConfirmDialog"
            await pilot.press("n")
            await pilot.pause()
            assert type(app.screen).__name__ == "HomeScreen"
            assert _status(ws, meeting_id) == "planned"
            await pilot.press("o")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("j")  # yes: start it now
            await pilot.pause()
            assert type(app.screen).__name__ == "MeetingScreen"

    asyncio.run(run())
    assert _status(ws, meeting_id) == "running"


def test_a_meeting_planned_for_today_opens_at_once(ws: Workspace) -> None:
    group = groups.ensure_groups(ws)[0]
    assert group.id is not None
    today = meetings.plan_meeting(ws, group.id, ws.today(), start=time(9, 0))
    assert today.id is not None

    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("o")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "MeetingScreen"

    asyncio.run(run())
    assert _status(ws, today.id) == "running"
