"""F7: every measure across groups, overdue first; Enter shows the history and records a
follow-up outside any meeting."""

from __future__ import annotations

import asyncio

from textual.widgets import DataTable

from meetingtui.model import MeasureStatus
from meetingtui.services import followup
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app


def test_update_a_measure_from_the_action_list(seeded: tuple[Workspace, int, list[int]]) -> None:
    ws, _feb_id, (sanera_id, _vandring_id) = seeded

    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("f7")
            await pilot.pause()
            assert type(app.screen).__name__ == "ActionListScreen"
            table = app.screen.query_one(DataTable)
            assert table.row_count == 2
            first = table.get_row_at(0)
            assert first[1] == "Sanera klotter vid torget"  # due 1 March: overdue, first
            assert "Försenad" in str(first[4])
            await pilot.press("enter")  # history and follow-up
            await pilot.pause()
            assert type(app.screen).__name__ == "MeasureHistoryDialog"
            await pilot.press("right", "right", "tab")  # Ej påbörjad → Pågående → Genomförd
            await pilot.press(*"Sanerat av teknik")
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "ActionListScreen"
            assert table.row_count == 1  # done measures leave the open list
            await pilot.press("escape")
            await pilot.pause()
            assert type(app.screen).__name__ == "HomeScreen"

    asyncio.run(run())
    updates = followup.history(ws, sanera_id)
    assert [(u.new_status, u.comment, u.meeting_id) for u in updates][-1] == (
        MeasureStatus.DONE, "Sanerat av teknik", None)
