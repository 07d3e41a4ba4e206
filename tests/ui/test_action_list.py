"""F7: every measure across groups, overdue first; Enter shows the history and records a
follow-up outside any meeting."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import datetime
from pathlib import Path

from textual.widgets import DataTable, Static

from meetingtui.model import MeasureStatus
from meetingtui.services import followup, groups
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.conftest import Clock


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
            assert str(first[1]) == "Sanera klotter vid torget"  # due 1 March: overdue, first
            assert "Försenad" in str(first[4])
            await pilot.press("enter")  # history and follow-up
            await pilot.pause()
            assert type(app.screen).__name__ == "MeasureHistoryDialog"
            history = str(app.screen.query_one("#history", Static).render())
            assert "· möte 2026-02-10\n  – → Ej påbörjad" in history  # decided in February
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
    assert [(u.new_status, u.comment, u.meeting_id, u.by) for u in updates][-1] == (
        MeasureStatus.DONE, "Sanerat av teknik", None, "Teknisk förvaltning")


def _overdue_per_owner(db: Path, group_id: int, today: str) -> dict[str, int]:
    """Open measures past their due date per owner, with plain sqlite3 (not the app's query)."""
    conn = sqlite3.connect(db)
    try:
        counts: dict[str, int] = {}
        for owner, status, due in conn.execute(
                "SELECT m.owner, (SELECT new_status FROM measure_updates u WHERE u.measure_id = "
                "m.id ORDER BY u.id DESC LIMIT 1), m.due FROM measures m JOIN meetings t "
                "ON t.id = m.meeting_id WHERE t.group_id = ? AND m.deleted_at IS NULL",
                [group_id]):
            if status in ("not_started", "in_progress") and due and due < today:
                counts[owner] = counts.get(owner, 0) + 1
        return counts
    finally:
        conn.close()


def test_home_reminds_the_chair_what_is_overdue_per_owner(
        seeded: tuple[Workspace, int, list[int]], clock: Clock) -> None:
    ws = seeded[0]
    first = groups.ensure_groups(ws)[0]
    assert first.id is not None
    clock.now = datetime(2026, 11, 23, 9, 0)  # both February measures are overdue
    today = ws.today().isoformat()
    want = _overdue_per_owner(ws.locations.db, first.id, today)
    assert want == {"Folkhälsostrateg": 1, "Teknisk förvaltning": 1}

    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            reminder = str(app.screen.query_one("#overdue-owners", Static).render())
            assert reminder == (f"Försenat i {first.short}: "
                                + " · ".join(f"{o} {n}" for o, n in sorted(want.items())))
            await pilot.press("f7", "enter")  # Sanera klotter (overdue, first): follow up
            await pilot.pause()
            await pilot.press("right", "right", "tab", *"Klart", "enter")  # → Genomförd
            await pilot.press("escape")  # home again
            await pilot.pause()
            left = _overdue_per_owner(ws.locations.db, first.id or 0, today)
            assert left == {"Folkhälsostrateg": 1}
            assert str(app.screen.query_one("#overdue-owners", Static).render()) == (
                f"Försenat i {first.short}: Folkhälsostrateg 1")

    asyncio.run(run())


def test_cancelled_filter_part_of_a_name_and_sorting(
        seeded: tuple[Workspace, int, list[int]]) -> None:
    ws, _feb_id, (sanera_id, vandring_id) = seeded

    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("f7")
            await pilot.pause()
            screen = app.screen
            table = screen.query_one(DataTable)
            assert [str(table.get_row_at(i)[1]) for i in range(table.row_count)] == [
                "Sanera klotter vid torget", "Trygghetsvandring i Centrum"]
            await pilot.press("down", "enter")  # Trygghetsvandring: history and follow-up
            await pilot.pause()
            await pilot.press("right", "right", "right", "tab")  # … → Avbruten
            await pilot.press(*"Ersätts av medborgardialog", "enter")
            await pilot.pause()
            assert table.row_count == 1  # a cancelled measure leaves the open list
            await pilot.press("shift+tab")  # the status filter
            await pilot.press("right", "right", "right")  # Öppna → … → Avbrutna
            await pilot.pause()
            assert [str(table.get_row_at(i)[1]) for i in range(table.row_count)] == [
                "Trygghetsvandring i Centrum"]
            await pilot.press("right")  # Alla
            await pilot.press("shift+tab", "shift+tab")  # the owner filter
            await pilot.press(*"FÖRV")  # part of "Teknisk förvaltning", in any case
            await pilot.pause()
            assert [str(table.get_row_at(i)[2]) for i in range(table.row_count)] == [
                "Teknisk förvaltning"]
            await pilot.press("ctrl+u", "enter")  # clear it, back to the table
            await pilot.pause()
            assert table.row_count == 2
            await pilot.press("s")  # by owner: F before T
            await pilot.pause()
            assert [str(table.get_row_at(i)[2]) for i in range(table.row_count)] == [
                "Folkhälsostrateg", "Teknisk förvaltning"]
            assert "sorterat efter ansvarig" in str(
                screen.query_one("#action-count", Static).render())

    asyncio.run(run())
    history = followup.history(ws, vandring_id)
    assert (history[-1].new_status, history[-1].comment) == (
        MeasureStatus.CANCELLED, "Ersätts av medborgardialog")
    assert followup.history(ws, sanera_id)[-1].new_status is MeasureStatus.NOT_STARTED
