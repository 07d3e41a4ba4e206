"""`/` searches every meeting as the chair types, and Enter opens the meeting at the hit: the
item that shows it, with its row selected (issue 15 §3). Keys only, at 80×24."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static

from meetingtui.services import lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import MeetingApp, make_app
from meetingtui.ui.screens.meeting import MeetingScreen
from meetingtui.ui.screens.search import PAUSE, SearchScreen

SIZE = (80, 24)


async def search_for(pilot: Pilot[Any], words: str) -> SearchScreen:
    await pilot.press("slash")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    await pilot.press(*words)
    await pilot.pause(PAUSE + 0.2)  # the hits follow when the typing pauses
    return screen


def shown_hits(screen: SearchScreen) -> list[str]:
    hits = screen.query_one(OptionList)
    return [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]


async def selected_row(pilot: Pilot[Any]) -> tuple[MeetingScreen, str, str | None]:
    """The meeting screen, its current item's title and the key of the row its table's cursor
    is on, once the row to select has been found."""
    await pilot.pause(0.3)
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    item = screen.items[screen.current]
    tables = list(screen.pane.query(DataTable)) if screen.pane is not None else []
    key = None
    if tables and tables[0].row_count:
        key = tables[0].coordinate_to_cell_key(tables[0].cursor_coordinate).row_key.value
    return screen, item.title, key


def run(ws: Workspace, steps: Any, meeting_id: int | None = None) -> None:
    async def main() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await steps(app, pilot)

    asyncio.run(main())


def test_slash_on_the_home_screen_finds_and_opens_the_meeting_at_the_measure(
        seeded: tuple[Workspace, int, list[int]]) -> None:
    ws, february, (cleaning, _walk) = seeded

    async def steps(app: MeetingApp, pilot: Pilot[Any]) -> None:
        screen = await search_for(pilot, "sanera")
        assert screen.query_one("#search-count", Static).content == "1 träff för sanera."
        [hit] = shown_hits(screen)
        assert hit.splitlines()[:2] == [
            "2026-02-10 EST § 5 Åtgärdsplan · åtgärd", "Sanera klotter vid torget"]
        await pilot.press("enter")
        meeting, title, row = await selected_row(pilot)
        assert meeting.session.meeting_id == february
        assert (title, row) == ("Åtgärdsplan", str(cleaning))
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"  # the search is not in between

    run(ws, steps)


def test_arrows_choose_and_enter_opens_the_observation_in_its_lagesbild(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, march = in_meeting
    [carried, first, _secret] = [o.id for o in lagesbild.observations(ws, march)]

    async def steps(app: MeetingApp, pilot: Pilot[Any]) -> None:
        await pilot.press("1")  # § 1: the meeting screen leaves the lägesbild first
        screen = await search_for(pilot, "idrottshall")
        hits = [hit.splitlines()[0] for hit in shown_hits(screen)]
        assert hits == ["2026-03-10 EST § 5 Åtgärdsplan · åtgärd",  # the shorter text first
                        "2026-03-10 EST § 4 Lägesbild · iakttagelse"]
        assert screen.query_one(OptionList).highlighted == 0
        await pilot.press("down", "down", "up", "down")  # no further than the last
        assert screen.query_one(OptionList).highlighted == 1
        await pilot.press("enter")
        meeting, title, row = await selected_row(pilot)
        assert meeting.session.meeting_id == march and len(app.screen_stack) == 3
        assert (title, row) == ("Lägesbild", str(first))
        opened = meeting
        # The carried problem is found in this meeting, where the chair is.
        await search_for(pilot, "busskur")
        await pilot.press("enter")
        meeting, title, row = await selected_row(pilot)
        assert (title, row) == ("Lägesbild", str(carried))
        assert meeting is opened and len(app.screen_stack) == 3  # the same screen, moved

    run(ws, steps, meeting_id=march)


def test_a_hit_in_another_meeting_takes_the_place_of_the_one_open(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, march = in_meeting
    february = meetings.list_meetings(ws)[0].id

    async def steps(app: MeetingApp, pilot: Pilot[Any]) -> None:
        await search_for(pilot, "trygghetsvandr")
        await pilot.press("enter")
        meeting, title, _row = await selected_row(pilot)
        assert meeting.session.meeting_id == february and title == "Åtgärdsplan"
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["HomeScreen",
                                                                    "MeetingScreen"]
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"

    run(ws, steps, meeting_id=march)


def test_esc_goes_back_and_nothing_typed_finds_nothing(in_meeting: tuple[Workspace, int]) -> None:
    ws, march = in_meeting

    async def steps(app: MeetingApp, pilot: Pilot[Any]) -> None:
        screen = await search_for(pilot, '"*')
        assert shown_hits(screen) == []
        assert "Skriv ett eller flera ord" in str(screen.query_one("#search-count",
                                                                    Static).content)
        await pilot.press("enter")  # nothing to open
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("backspace", "backspace", *"xyzzy")
        await pilot.pause(PAUSE + 0.2)
        assert screen.query_one("#search-count", Static).content == "Inga träffar för xyzzy."
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.session.meeting_id == march

    run(ws, steps, meeting_id=march)


def test_slash_in_a_text_field_is_a_slash(in_meeting: tuple[Workspace, int]) -> None:
    ws, march = in_meeting

    async def steps(app: MeetingApp, pilot: Pilot[Any]) -> None:
        await pilot.press("1", "e")  # § 1, into its notes
        await pilot.pause()
        await pilot.press(*"och/eller", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert meetings.items(ws, march)[0].notes == "och/eller"
        await pilot.press("m")  # the meeting details form: its fields too
        await pilot.pause()
        field = app.screen.focused
        assert isinstance(field, Input)
        await pilot.press("end", "slash")
        assert field.value.endswith("/")
        assert not isinstance(app.screen, SearchScreen)

    run(ws, steps, meeting_id=march)
