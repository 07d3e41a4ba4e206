"""What the snapshot tests share: the two sizes, the app on a workspace as every snapshot shows
it, and a pause that lets the screen settle without its notifications."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from meetingtui.paths import Locations
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import MeetingApp, make_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
Snap = Callable[..., bool]


def app_for(ws: Workspace, meeting_id: int | None = None) -> MeetingApp:
    # The database path is on the home screen: show the same one in every run.
    ws.locations = Locations(db=Path("db/meetingtui.db"), agendas=None, exports=Path("exports"))
    return make_app(ws, lang="sv", meeting_id=meeting_id)


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()
