"""Forms check as the user types, with the message beside the field; odd text is stored safely."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from meetingtui.model import Measure
from meetingtui.services import lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.widgets.field_row import FieldMessage


def error_of(pilot: Pilot[Any], field: str) -> str:
    """The line under `field` as shown ("" when it is hidden)."""
    line = pilot.app.screen.query_one(f"#message-{field}", FieldMessage)
    return str(line.render()) if line.display else ""


def test_measure_form_refuses_a_bad_date_and_a_missing_owner(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    before = len(lagesbild.measures(ws, meeting_id))

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test() as pilot:
            await pilot.press("5", "a", *"Städa", "tab")
            assert error_of(pilot, "owner") == ""  # not touched yet: no message
            await pilot.press("x", "backspace")  # touched and empty again
            assert error_of(pilot, "owner") == "⚠ Varje åtgärd behöver en ansvarig"
            await pilot.press(*"Eva", "tab", "tab", *"32 dec")
            assert error_of(pilot, "owner") == ""
            assert error_of(pilot, "due") == (
                "⚠ Ange ett datum, t.ex. 2026-12-01, 1/12, 1 dec eller idag")
            await pilot.press("ctrl+s")  # refused: the form stays, nothing stored
            assert type(pilot.app.screen).__name__ == "MeasureDialog"
            assert len(lagesbild.measures(ws, meeting_id)) == before
            await pilot.press(*["backspace"] * 6, *"1 dec")
            assert error_of(pilot, "due") == "→ tis 1 dec 2026"  # no error: what it understood
            await pilot.press("enter")
            assert type(pilot.app.screen).__name__ == "MeetingScreen"

    asyncio.run(run())
    added = lagesbild.measures(ws, meeting_id)[-1]
    assert (added.text, added.owner, added.due and added.due.isoformat()) == (
        "Städa", "Eva", "2026-12-01")


def test_an_empty_observation_shows_every_message_on_save(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test() as pilot:
            await pilot.press("o", "ctrl+s")
            assert error_of(pilot, "area") == "⚠ Fältet får inte vara tomt"
            assert error_of(pilot, "description") == "⚠ Fältet får inte vara tomt"
            assert pilot.app.focused is not None and pilot.app.focused.id == "area"

    asyncio.run(run())


def test_a_long_note_with_control_characters_is_stored_clean(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    note = ("Lång anteckning. " * 600)[:10_000] + "\x00\x07\x1b[31m slut"

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test() as pilot:
            await pilot.press("1", "e")
            area = pilot.app.screen.query_one("#notes", TextArea)
            area.text = note
            await pilot.press("escape")  # leaving the field saves it
            assert "Sparat" in str(pilot.app.screen.query_one("#save-state", Static).render())
            await pilot.press("n", "p")  # and the item opens again with the text
            assert pilot.app.screen.query_one("#notes", TextArea).text.endswith("[31m slut")

    asyncio.run(run())
    stored = meetings.items(ws, meeting_id)[0].notes
    assert stored.startswith("Lång anteckning.") and stored.endswith("[31m slut")
    assert "\x00" not in stored and "\x07" not in stored and "\x1b" not in stored
    assert len(stored) > 9_900


def test_a_store_error_keeps_the_form_open_with_the_input(
    in_meeting: tuple[Workspace, int], monkeypatch: Any,
) -> None:
    from meetingtui.store.db import StoreError

    ws, meeting_id = in_meeting

    def fail(*_args: Any, **_kw: Any) -> Measure:
        raise StoreError("The disk is full; the last change was not saved.")

    monkeypatch.setattr(lagesbild, "save_measure", fail)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test() as pilot:
            await pilot.press("5", "a", *"Städa", "tab", *"Eva", "ctrl+s")
            assert type(app.screen).__name__ == "MeasureDialog"
            assert app.screen.query_one("#text").value == "Städa"  # type: ignore[attr-defined]
            assert any("disk is full" in str(n.message) for n in app._notifications)

    asyncio.run(run())
