"""The owner column of the measure tables (follow-up, action plan) on the projector: in
presentation mode at 120 columns the measures had 72 cells and the owner 18, and
"Kommunledningsförvaltningen" read "Kommunledningsförv" / "altningen". The owner now gets room
for its longest word where the measure keeps 50 cells; beside the agenda, as before."""

from __future__ import annotations

import asyncio
from datetime import date

from rich.text import Text
from textual.widgets import DataTable

from meetingtui.model import Measure
from meetingtui.services import lagesbild
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.scenarios.helpers import press

ACTION_PLAN = 5  # § 5 Åtgärdsplan in the test's EST template
ORGANISATION = "Kommunledningsförvaltningen"


def _owner_cells(ws: Workspace, meeting_id: int, *keys: str) -> list[list[str]]:
    cells: list[list[str]] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(
                size=(120, 40)) as pilot:
            await pilot.pause()
            await press(pilot, str(ACTION_PLAN), *keys)
            table = pilot.app.screen.pane.main_widget()  # type: ignore[attr-defined]
            assert isinstance(table, DataTable)
            for row in range(table.row_count):
                owner = table.get_cell(table.coordinate_to_cell_key((row, 0)).row_key, "owner")
                cells.append((owner.plain if isinstance(owner, Text) else str(owner))
                             .splitlines())

    asyncio.run(run())
    return cells


def test_the_projector_shows_the_owners_organisation_whole(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    lagesbild.save_measure(ws, Measure(
        meeting_id=meeting_id, text="Trygghetsvandring i Resecentrum med boende, "
        "fastighetsägare och polis", owner="Håkan Ström", owner_org=ORGANISATION,
        due=date(2026, 9, 29)))
    presented = _owner_cells(ws, meeting_id, "f5")
    assert ["Håkan Ström,", ORGANISATION] in presented
    beside_the_agenda = _owner_cells(ws, meeting_id)
    assert ["Håkan Ström,", ORGANISATION] not in beside_the_agenda  # the measure keeps its room
    # There the 18 cells break it before its last part.
    assert ["Håkan Ström,", "Kommunlednings-", "förvaltningen"] in beside_the_agenda
