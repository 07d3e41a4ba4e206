"""A personal identity number typed into a field shows a warning on that field as it is typed,
goes when it is deleted, never shows for dates or phone numbers, and does not stop the save."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from meetingtui.services import lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.widgets.field_row import FieldMessage
from meetingtui.ui.widgets.personal_data import PersonalDataWarning

PERSONNUMMER = "19121212-1212"  # Skatteverket's test number: valid date and check digit
SAMORDNINGSNUMMER = "121272-1219"  # day 12 + 60


def warning(pilot: Pilot[Any], field: str) -> str:
    """The warning on `field` as shown ("" when it is hidden): the line under a form's field,
    or the warning under a text area of a pane."""
    screen = pilot.app.screen
    widget: Static = (screen.query_one(f"#message-{field}", FieldMessage)
                      if screen.query(f"#message-{field}")
                      else screen.query_one(f"#personal-{field}", PersonalDataWarning))
    return str(widget.render()) if widget.display else ""


def test_an_observation_field_warns_while_a_personnummer_is_in_it(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    before = len(lagesbild.observations(ws, meeting_id))

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test() as pilot:
            await pilot.press("o", "C", "tab", "tab", "tab")
            assert pilot.app.focused is not None and pilot.app.focused.id == "description"
            await pilot.press(*PERSONNUMMER)
            assert warning(pilot, "description") == (
                "⚠ Personnummer 19121212-****: undvik personuppgifter – "
                "protokollet kan lämnas ut")
            assert warning(pilot, "area") == ""  # only on the field that holds it
            await pilot.press(*["backspace"] * 4)  # the number is no longer whole
            assert warning(pilot, "description") == ""
            await pilot.press(*"1212")
            assert warning(pilot, "description").startswith("⚠ Personnummer")
            await pilot.press("ctrl+u", *"2024-01-15")  # a date
            assert warning(pilot, "description") == ""
            await pilot.press(" ", *"070-123 45 67")  # and a phone number
            assert warning(pilot, "description") == ""
            await pilot.press(" ", *SAMORDNINGSNUMMER)
            assert warning(pilot, "description") == (
                "⚠ Samordningsnummer 121272-****: undvik personuppgifter – "
                "protokollet kan lämnas ut")
            await pilot.press("ctrl+s")  # a warning, not a refusal: internal minutes may need it
            await pilot.pause()
            assert type(pilot.app.screen).__name__ == "MeetingScreen"

    asyncio.run(run())
    added = lagesbild.observations(ws, meeting_id)
    assert len(added) == before + 1
    assert (added[-1].area, added[-1].description) == (
        "C", f"2024-01-15 070-123 45 67 {SAMORDNINGSNUMMER}")


def test_an_edit_form_warns_at_once_and_the_notes_warn_while_typed(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    for observation in lagesbild.observations(ws, meeting_id):  # whichever row is selected
        lagesbild.save_observation(ws, observation.model_copy(update={
            "description": f"Gäller {PERSONNUMMER} och 811218-9876"}))

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test() as pilot:
            await pilot.press("e")  # the selected observation, edited
            await pilot.pause()
            assert warning(pilot, "description") == (
                "⚠ Personnummer 19121212-****: undvik personuppgifter – "
                "protokollet kan lämnas ut (och 1 till)")
            await pilot.press("escape", "1", "e")
            assert warning(pilot, "notes") == ""
            await pilot.press(*SAMORDNINGSNUMMER)
            assert warning(pilot, "notes").startswith("⚠ Samordningsnummer 121272-****")
            assert warning(pilot, "decision") == ""
            await pilot.press(*["backspace"] * len(SAMORDNINGSNUMMER), *"070-123 45 67")
            assert warning(pilot, "notes") == ""
            await pilot.press("enter", *PERSONNUMMER, "escape")  # leaving the field saves it
            assert warning(pilot, "notes").startswith("⚠ Personnummer 19121212-****")

    asyncio.run(run())
    first = meetings.items(ws, meeting_id)[0]
    assert first.notes == f"070-123 45 67\n{PERSONNUMMER}"
