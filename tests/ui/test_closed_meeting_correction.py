"""A closed meeting corrected on the record (issue 12 §3): the reference case is a personnummer
noticed after closing. Without "Ändra stängt möte" nothing changes; with it (r, a reason, who)
the secretary removes the number, the change is an amendment with who and why, and the public
minutes export without --allow-personal-data."""

from __future__ import annotations

import asyncio
from datetime import datetime

import docx
import pytest
from textual.widgets import TextArea

from meetingtui.export.minutes import PersonalDataFound, export_minutes
from meetingtui.services import meetings
from meetingtui.services.amend import amending
from meetingtui.services.workspace import Workspace
from meetingtui.store.amendments import amendments_of
from meetingtui.ui.app import make_app
from tests.conftest import Clock

NUMBER = "811218-9876"


def test_a_personnummer_found_after_closing_is_removed_on_the_record(
        seeded: tuple[Workspace, int, list[int]], clock: Clock) -> None:
    ws, feb_id, _ = seeded
    first = meetings.items(ws, feb_id)[0]
    assert first.id is not None
    with amending(ws, by="test", why="fixture"):  # how it got there: a note typed at the meeting
        meetings.edit_item(ws, first.id, notes=f"Anmälan från boende {NUMBER} om klotter.")
    before = len(amendments_of(ws.store, feb_id))
    with pytest.raises(PersonalDataFound):
        export_minutes(ws, feb_id, public=True, fmt="md", path=ws.locations.exports / "x.md")
    clock.now = datetime(2026, 3, 12, 14, 0)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=feb_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("1", "e")  # closed: e does nothing, nothing is typed
            await pilot.pause()
            assert not isinstance(app.screen.focused, TextArea) or app.screen.focused.read_only
            await pilot.press("r")  # Ändra stängt möte: reason first
            await pilot.pause()
            assert type(app.screen).__name__ == "AmendDialog"
            await pilot.press(*"Personnummer togs bort", "tab", "end", *["backspace"] * 30)
            await pilot.press(*"Eva Berg", "enter")  # who: the chair, until changed
            await pilot.pause()
            assert "ändras" in app.screen.sub_title
            await pilot.press("e", "home", "shift+end", "delete")
            await pilot.press(*"Anmälan från boende om klotter.", "escape")
            await pilot.pause()
            await pilot.press("escape")  # leaving ends the correction
            await pilot.pause()

    asyncio.run(run())
    assert meetings.items(ws, feb_id)[0].notes == "Anmälan från boende om klotter."
    amendment = amendments_of(ws.store, feb_id)[before]
    assert (amendment.by, amendment.why, amendment.at) == (
        "Eva Berg", "Personnummer togs bort", datetime(2026, 3, 12, 14, 0))
    # The amendment says what changed, without keeping the number it removed.
    assert "811218-****" in amendment.old and "9876" not in amendment.old + amendment.new
    assert ws.amending is None
    public = export_minutes(ws, feb_id, public=True, fmt="docx",
                            path=ws.locations.exports / "public.docx").path
    text = "\n".join(p.text for p in docx.Document(str(public)).paragraphs)
    assert NUMBER not in text and "Ändringar efter mötet" not in text
    internal = export_minutes(ws, feb_id, fmt="docx",
                              path=ws.locations.exports / "internal.docx").path
    lines = [p.text for p in docx.Document(str(internal)).paragraphs]
    assert "Ändringar efter mötet" in lines
    assert any("Eva Berg" in line and "Skäl: Personnummer togs bort" in line for line in lines)


def test_without_a_reason_a_closed_meeting_is_not_opened_for_changes(
        seeded: tuple[Workspace, int, list[int]]) -> None:
    ws, feb_id, _ = seeded

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=feb_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("r", "enter")  # no reason: refused, the dialog stays
            await pilot.pause()
            assert type(app.screen).__name__ == "AmendDialog"
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen.session.readonly  # type: ignore[attr-defined]
            assert ws.amending is None

    asyncio.run(run())
