"""F6 offers the documents upward beside the minutes (issue 16 §5), keys only at 80×24: the
yearly lägesbild and åtgärdsplan and a quarter's summary, internal or public, Word or Markdown;
with no meeting in front, the reports alone."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import docx

from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.conftest import Clock


def exported(ws: Workspace) -> list[Path]:
    return sorted(p for p in ws.locations.exports.rglob("*") if p.is_file())


def test_the_yearly_and_quarter_reports_from_the_meeting_screen(
        in_meeting: tuple[Workspace, int], clock: Clock) -> None:
    ws, meeting_id = in_meeting
    clock.now = datetime(2026, 3, 12, 10, 0)  # two days after the meeting

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f6", "tab", "tab")
            dialog = app.screen
            assert type(dialog).__name__ == "ExportDialog"
            # EST writes minnesanteckningar (agendas/est.md), not a protokoll.
            assert "‹ Mötets minnesanteckningar ›" in str(dialog.query_one("#document").render())
            await pilot.press("right")  # the meeting's year
            assert "Lägesbild och åtgärdsplan 2026" in str(
                dialog.query_one("#document").render())
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "ConfirmDialog"  # open the folder?
            await pilot.press("n")
            await pilot.pause()
            # Public, Markdown, the quarter before the meeting's (2025-Q4).
            await pilot.press("f6", "right", "tab", "right", "tab", "left")
            assert "Lägesbild 2025-Q4" in str(app.screen.query_one("#document").render())
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            assert type(app.screen).__name__ == "MeetingScreen"

    asyncio.run(run())
    folder = ws.locations.exports / "rapporter"
    yearly, quarter = folder / "2026-lagesbild-atgardsplan.docx", folder / (
        "2025-q4-lagesbild-offentlig.md")
    assert exported(ws) == sorted([yearly, quarter])
    text = "\n".join([p.text for p in docx.Document(str(yearly)).paragraphs] + [
        c.text for t in docx.Document(str(yearly)).tables for r in t.rows for c in r.cells])
    assert "Lägesbild och åtgärdsplan 2026" in text
    assert "Sätt upp belysning vid idrottshallen" in text  # decided in the March meeting
    assert "SEKRETESS" in text  # the confidential observation at the station
    summary = quarter.read_text("utf-8")
    assert "# Lägesbild 2025-Q4" in summary
    assert "Offentlig version" in summary


def test_with_no_meeting_f6_offers_the_reports(ws: Workspace) -> None:
    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f6")
            dialog = app.screen
            assert type(dialog).__name__ == "ExportDialog"
            assert "Exportera rapport" in str(dialog.query_one(".form-title").render())
            assert "Lägesbild och åtgärdsplan 2026" in str(
                dialog.query_one("#document").render())
            await pilot.press("tab", "right", "enter")  # Markdown
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()

    asyncio.run(run())
    (path,) = exported(ws)
    assert path.name == "2026-lagesbild-atgardsplan.md"
    assert "Inga problem togs upp under 2026." in path.read_text("utf-8")
