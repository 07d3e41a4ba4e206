"""Keys typed around the key that closes a form, with no pause between them (as a fast typist
or a terminal that delivers a burst sends them): those before it are saved with the form,
the one after it reaches the table under the form."""

from __future__ import annotations

import asyncio

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from meetingtui.model import Trend
from meetingtui.services import lagesbild
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.dialogs.observation import ObservationDialog
from tests.scenarios.helpers import all_keys_handed_on


async def burst(pilot: Pilot[object], *keys: str) -> None:
    """The keys straight after one another: Pilot.press would wait for the app between keys."""
    app: App[object] = pilot.app
    assert app._driver is not None
    for key in keys:
        app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
    await all_keys_handed_on(pilot)
    await pilot.pause()


def observations_table(pilot: Pilot[object]) -> DataTable[object]:
    return pilot.app.screen.query_one("#observations", DataTable)


def test_a_key_straight_after_enter_saves_moves_the_cursor(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    first = lagesbild.observations(ws, meeting_id)[0]

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test() as pilot:
            table = observations_table(pilot)
            assert table.cursor_row == 0
            await pilot.press("e")
            assert type(pilot.app.screen).__name__ == "ObservationDialog"
            # The field's text is selected when it gets the focus: X replaces it.
            await burst(pilot, "X", "enter", "down")
            assert type(pilot.app.screen).__name__ == "MeetingScreen"
            assert pilot.app.focused is table
            assert table.cursor_row == 1  # the down key was not lost in the closing form

    asyncio.run(run())
    saved = next(o for o in lagesbild.observations(ws, meeting_id) if o.id == first.id)
    assert first.area != "X"
    assert saved.area == "X"  # typed before Enter: saved; the key after it is not in it


def test_a_letter_straight_after_enter_is_a_key_of_the_screen_below(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    before = lagesbild.observations(ws, meeting_id)

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test() as pilot:
            await pilot.press("e")
            await burst(pilot, "enter", "o")  # saved unchanged; o is "new observation"
            screen = pilot.app.screen
            assert isinstance(screen, ObservationDialog)
            assert screen.observation.id is None

    asyncio.run(run())
    assert lagesbild.observations(ws, meeting_id) == before  # and not typed into the field


def test_a_letter_straight_after_escape_is_a_key_of_the_screen_below(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    before = lagesbild.observations(ws, meeting_id)

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test() as pilot:
            await pilot.press("e", *"Ändrat")
            await burst(pilot, "escape", "o")
            screen = pilot.app.screen
            assert isinstance(screen, ObservationDialog)
            assert screen.observation.id is None
            assert screen.query_one("#area", Input).value == ""

    asyncio.run(run())
    assert lagesbild.observations(ws, meeting_id) == before  # cancelled: nothing stored


def test_enter_on_a_choice_straight_after_a_change_saves_it_and_the_next_key_moves_on(
    in_meeting: tuple[Workspace, int],
) -> None:
    """A Choice has no Enter of its own: Enter behind a key still on its way to it saves the
    form all the same (issue 12 §8), and the key after it reaches the table."""
    ws, meeting_id = in_meeting
    first = lagesbild.observations(ws, meeting_id)[0]

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test() as pilot:
            table = observations_table(pilot)
            await pilot.press("e", "tab", "tab", "tab", "tab", "tab")  # area … source → trend
            assert pilot.app.focused is not None and pilot.app.focused.id == "trend"
            await burst(pilot, "right", "enter", "down")
            assert type(pilot.app.screen).__name__ == "MeetingScreen"
            assert pilot.app.focused is table
            assert table.cursor_row == 1

    asyncio.run(run())
    saved = next(o for o in lagesbild.observations(ws, meeting_id) if o.id == first.id)
    trends = list(Trend)
    assert saved.trend == trends[(trends.index(first.trend) + 1) % len(trends)]
