"""`?` and F1 (issue 18 §1): every key of the screen underneath, also those the footer leaves out
at 80 columns, in the interface language; Esc closes it; in a text field `?` is a question mark
and F1 still helps."""

from __future__ import annotations

import asyncio

from textual.widgets import Input, Static

from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.screens.help import HelpScreen
from tests.scenarios.helpers import SIZE, press, screen_name, type_text


def test_question_mark_shows_every_key_of_the_home_screen(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, _ = in_meeting
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=SIZE) as pilot:
            await pilot.pause()
            seen["footer"] = pilot.app.screen.query_one("Footer").render().plain  # type: ignore[union-attr]
            await press(pilot, "question_mark")
            assert isinstance(pilot.app.screen, HelpScreen)
            seen["help"] = str(pilot.app.screen.query_one("#help-text", Static).render())
            await press(pilot, "escape")
            assert screen_name(pilot) == "HomeScreen"
            await press(pilot, "f1", "f1")  # F1 opens it and closes it
            assert screen_name(pilot) == "HomeScreen"

    asyncio.run(run())
    assert seen["footer"].lstrip().startswith("? Hjälp")
    text = seen["help"]
    assert text.startswith("Här\n")
    # Keys the footer has no room for at 80 columns are here, with what they do.
    for line in ("s ", "Statistik", "/ ", "Sök", "F7", "Åtgärdslista", "Överallt"):
        assert line.lower() in text.lower(), line
    assert text.rstrip().endswith("Esc, ? eller F1 stänger hjälpen.")
    assert "? " not in [line[:2] for line in text.splitlines()]  # not itself


def test_in_a_form_question_mark_is_typed_and_f1_helps(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="en", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "4", "o")
            assert screen_name(pilot) == "ObservationDialog"
            await type_text(pilot, "Torget?")
            seen["area"] = pilot.app.screen.query_one("#area", Input).value
            await press(pilot, "f1")
            assert isinstance(pilot.app.screen, HelpScreen)
            seen["help"] = str(pilot.app.screen.query_one("#help-text", Static).render())
            await press(pilot, "escape")
            assert screen_name(pilot) == "ObservationDialog"
            seen["after"] = pilot.app.screen.query_one("#area", Input).value

    asyncio.run(run())
    assert seen["area"] == seen["after"] == "Torget?"
    assert "Esc, ? or F1 closes this help." in seen["help"]
