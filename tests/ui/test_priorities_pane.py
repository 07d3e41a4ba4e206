"""The priorities item, keys only at 80×24 (issue 15 §4): arriving never puts the cursor in a
field; the areas of the lägesbild are offered as the chair types and a chosen area is marked in
the figures beside the fields; the priorities are stored for the coming quarter unless `k`
changes it; those in force this quarter are shown."""

from __future__ import annotations

import asyncio
import sqlite3

from textual.widgets import Input, Static

from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.panes.priorities import AreaTable, PrioritiesPane
from tests.conftest import Clock
from tests.scenarios.helpers import type_text
from tests.ui.figures_data import est_year, march_meeting


def _stored(ws: Workspace, meeting_id: int) -> list[tuple[int, str, str]]:
    conn = sqlite3.connect(ws.locations.db)
    try:
        return conn.execute("SELECT position, title, quarter FROM meeting_priorities "
                            "WHERE meeting_id = ? ORDER BY position", [meeting_id]).fetchall()
    finally:
        conn.close()


def _text(pane: PrioritiesPane) -> str:
    return "\n".join(str(widget.render()) for widget in pane.query(Static))


def test_choosing_from_the_figures_for_the_coming_quarter(ws: Workspace, clock: Clock) -> None:
    est_year(ws, clock)
    meeting_id = march_meeting(ws, clock)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("5", "n")  # arrive with n
            await pilot.pause()
            pane = app.screen.query_one(PrioritiesPane)
            assert not isinstance(app.screen.focused, Input)
            assert "Gäller 2026-Q1: Centrum · Skolan · Hamnen" in _text(pane)
            assert str(pane.query_one("#priority-quarter", Choice).render()) == "‹ 2026-Q2 ›"
            figures = str(pane.query_one(AreaTable).render())
            assert "Problem per kvartal 2025-Q2 – 2026-Q1" in figures
            assert "  Skolan                1   1   1   1  ↓1" in figures
            # e: the first field; "sta" and Tab: the area, and on to the second field.
            await pilot.press("e")
            await type_text(pilot, "sta")
            await pilot.press("tab")
            await pilot.pause()
            assert pane.query_one("#priority-1", Input).value == "Stationen"
            assert app.screen.focused is pane.query_one("#priority-2", Input)
            assert _stored(ws, meeting_id) == [(1, "Stationen", "2026-Q2")]
            await type_text(pilot, "Trygga skolvägar")
            assert "→ fritext" in str(pane.query_one("#message-priority-2").render())
            await pilot.press("enter", "escape")
            await pilot.pause()
            assert not isinstance(app.screen.focused, Input)
            assert _stored(ws, meeting_id) == [(1, "Stationen", "2026-Q2"),
                                               (2, "Trygga skolvägar", "2026-Q2")]
            # The chosen area is marked with its number in the figures.
            assert "1 Stationen             0   1   1   1  →1" in str(
                pane.query_one(AreaTable).render())
            # k: the quarter; → the one after; Esc back to the item.
            await pilot.press("k", "right")
            await pilot.pause()
            assert _stored(ws, meeting_id) == [(1, "Stationen", "2026-Q3"),
                                               (2, "Trygga skolvägar", "2026-Q3")]
            await pilot.press("escape", "n", "p")
            await pilot.pause()
            assert app.screen.query_one(PrioritiesPane) is pane
            assert str(pane.query_one("#priority-quarter", Choice).render()) == "‹ 2026-Q3 ›"
            assert not isinstance(app.screen.focused, Input)

    asyncio.run(run())


def test_a_closed_meetings_priorities_are_shown_as_chosen(ws: Workspace, clock: Clock) -> None:
    """November (closed) chose for 2026-Q1: shown, nothing to edit, in English too."""
    est_year(ws, clock)
    conn = sqlite3.connect(ws.locations.db)
    november = conn.execute("SELECT id FROM meetings WHERE date = '2025-11-11'").fetchone()[0]
    conn.close()

    async def run() -> None:
        app = make_app(ws, lang="en", meeting_id=november)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("6")
            await pilot.pause()
            pane = app.screen.query_one(PrioritiesPane)
            assert [pane.query_one(f"#priority-{n}", Input).value for n in (1, 2, 3)] == [
                "Centrum", "Skolan", "Hamnen"]
            assert str(pane.query_one("#priority-quarter", Choice).render()) == "‹ 2026-Q1 ›"
            assert "No areas were chosen earlier for 2025-Q4." in _text(pane)
            await pilot.press("e", "k", "right")
            await pilot.pause()
            assert not isinstance(app.screen.focused, Input)
            assert _stored(ws, november) == [(1, "Centrum", "2026-Q1"), (2, "Skolan", "2026-Q1"),
                                             (3, "Hamnen", "2026-Q1")]

    asyncio.run(run())
