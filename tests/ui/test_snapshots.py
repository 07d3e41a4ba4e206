"""How the screens look, in Swedish, at 80×24 (a zoomed projector) and 120×40.

The SVGs under __snapshots__/ were opened and checked by eye; regenerate with
`pytest tests/ui --snapshot-update` and look at them again before committing.
"""

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


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: Snap, seeded: tuple[Workspace, int, list[int]],
              size: tuple[int, int]) -> None:
    assert snap_compare(app_for(seeded[0]), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_meeting_on_lagesbild(snap_compare: Snap, in_meeting: tuple[Workspace, int],
                              size: tuple[int, int]) -> None:
    ws, meeting_id = in_meeting
    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_measure_form_with_validation_errors(
    snap_compare: Snap, in_meeting: tuple[Workspace, int], size: tuple[int, int],
) -> None:
    """A measure without owner and with a date that is not one: both messages beside the fields."""
    ws, meeting_id = in_meeting

    async def fill(pilot: Pilot[Any]) -> None:
        await pilot.press("5", "a", *"Städa", "tab", "tab", "tab", *"32 dec", "ctrl+s")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=fill)


@pytest.mark.parametrize("size", SIZES)
def test_presentation_mode(snap_compare: Snap, in_meeting: tuple[Workspace, int],
                           size: tuple[int, int]) -> None:
    ws, meeting_id = in_meeting

    async def present(pilot: Pilot[Any]) -> None:
        await pilot.press("f5")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=present)
