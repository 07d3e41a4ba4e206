"""Keys typed faster than the app reads them (a fast typist, a remote desktop or an SSH link that
delivers a burst of keys at once) land where the user meant: after Tab, in the next field."""

from __future__ import annotations

import asyncio

from textual.widgets import Input

from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.scenarios.helpers import SIZE, press, screen_name, type_text


def test_a_burst_of_keys_with_tabs_fills_the_fields_in_turn(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "4", "enter")  # § 4 Lägesbild: the first observation
            assert screen_name(pilot) == "ObservationScreen"
            await press(pilot, "a")
            assert screen_name(pilot) == "MeasureDialog"
            # One burst: the measure, Tab, its owner, Tab, the organisation.
            await type_text(pilot, "Belysning vid torget\tPer Lindqvist\tTekniska")
            for field in pilot.app.screen.query(Input):
                seen[field.id or ""] = field.value

    asyncio.run(run())
    assert seen["text"] == "Belysning vid torget"
    assert seen["owner"] == "Per Lindqvist"
    assert seen["owner_org"] == "Tekniska"


def test_a_tab_in_a_burst_takes_the_completion_of_what_was_typed_before_it(
    in_meeting: tuple[Workspace, int],
) -> None:
    """"Rädd" Tab at the end of one burst: the source completes to "Räddningstjänst" (from the
    keys before Tab, not from the field as it was when the burst arrived)."""
    ws, meeting_id = in_meeting
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "4", "o")
            assert screen_name(pilot) == "ObservationDialog"
            await type_text(pilot, "Centrum\tBusskuren\tKlotter\tKrossat glas\tRädd\t")
            for field in pilot.app.screen.query(Input):
                seen[field.id or ""] = field.value

    asyncio.run(run())
    assert (seen["area"], seen["place_detail"], seen["category"], seen["description"],
            seen["source"]) == ("Centrum", "Busskuren", "Klotter", "Krossat glas",
                                "Räddningstjänst")
