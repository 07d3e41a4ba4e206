"""The mouse does what the keys do (issue 18 §3), at 80×24 on a meeting typed in the day after:
a click on a choice's › or ‹ steps it, on its label opens a list to click a value in, and every
yes/no question has Ja and Nej buttons. What is saved is read back from the database; the keys'
own behaviour is proved unchanged by the tests beside this one (test_form_hints, test_new_chair,
test_meeting_flow), which run against the same widgets."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Any

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Button, OptionList, Static

from meetingtui.model import Measure, MeetingStatus, Observation, Trend
from meetingtui.services import lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.labels import options
from meetingtui.ui.widgets.choice import Choice
from tests.conftest import Clock
from tests.ui.snapshot_helpers import SIZES, Snap, app_for, settle

SIZE = (80, 24)
Steps = Callable[[Pilot[object], Choice[Trend]], Awaitable[None]]
TRENDS = [value for _label, value in options(Trend)]


@pytest.fixture
def later(in_meeting: tuple[Workspace, int], clock: Clock) -> tuple[Workspace, int]:
    """The running meeting, typed in the day after it was held."""
    clock.now = datetime(2026, 3, 11, 10, 0)
    return in_meeting


def new_observations(ws: Workspace, meeting_id: int, known: set[int | None]) -> list[Observation]:
    return [o for o in lagesbild.observations(ws, meeting_id) if o.id not in known]


async def to_the_trend(pilot: Pilot[object]) -> Choice[Trend]:
    """A new observation, typed up to its trend (a Choice), which is returned."""
    await pilot.press("o", *"Hamnen", "tab", "tab", "tab", *"Bränder i containrar")
    await pilot.pause()
    choice = pilot.app.screen.query_one("#trend", Choice)
    assert choice.region.height == 1  # still one line in the form
    return choice


def arrow_x(choice: Choice[Trend]) -> int:
    """The column of › within the choice: its padding, then "‹ label "."""
    return 1 + cell_len(f"‹ {choice.options[choice.index][0]} ")



def run_observation(ws: Workspace, meeting_id: int, steps: Steps) -> Observation:
    """A new observation typed up to its trend, `steps` done there, saved and read back."""
    known = {o.id for o in lagesbild.observations(ws, meeting_id)}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            choice = await to_the_trend(pilot)
            await steps(pilot, choice)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert type(pilot.app.screen).__name__ == "MeetingScreen"

    asyncio.run(run())
    [added] = new_observations(ws, meeting_id, known)
    assert (added.area, added.description) == ("Hamnen", "Bränder i containrar")
    return added


def test_a_click_on_the_right_arrow_steps_forward_and_is_saved(
        later: tuple[Workspace, int]) -> None:
    ws, meeting_id = later

    async def click_right(pilot: Pilot[object], choice: Choice[Trend]) -> None:
        first = choice.value
        assert await pilot.click("#trend", offset=(arrow_x(choice), 0))
        assert choice.value == TRENDS[(TRENDS.index(first) + 1) % len(TRENDS)]

    assert run_observation(ws, meeting_id, click_right).trend == TRENDS[1]


def test_a_click_on_the_left_arrow_steps_back_around_to_the_last_value(
        later: tuple[Workspace, int]) -> None:
    ws, meeting_id = later

    async def click_left_twice(pilot: Pilot[object], choice: Choice[Trend]) -> None:
        assert await pilot.click("#trend", offset=(1, 0))  # the ‹
        assert choice.value == TRENDS[-1]
        assert await pilot.click("#trend", offset=(0, 0))  # the padding before it
        assert choice.value == TRENDS[-2]

    assert run_observation(ws, meeting_id, click_left_twice).trend == TRENDS[-2]


def test_a_click_on_the_label_opens_the_values_and_a_click_picks_one(
        later: tuple[Workspace, int]) -> None:
    ws, meeting_id = later
    seen: list[list[str]] = []

    async def pick_from_list(pilot: Pilot[object], choice: Choice[Trend]) -> None:
        assert await pilot.click("#trend", offset=(4, 0))  # on the label
        await pilot.pause()
        menu = pilot.app.screen
        assert type(menu).__name__ == "ChoiceMenu"
        listed = menu.query_one(OptionList)
        seen.append([str(listed.get_option_at_index(i).prompt)
                     for i in range(listed.option_count)])
        assert listed.highlighted == choice.index
        # Under the choice, not over the form's other rows' labels.
        assert listed.region.y == choice.region.bottom or listed.region.bottom == choice.region.y
        assert await pilot.click(OptionList, offset=(2, 1 + 2))  # the third value
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "ObservationDialog"
        assert pilot.app.screen.focused is choice

    added = run_observation(ws, meeting_id, pick_from_list)
    assert seen == [[label for label, _value in options(Trend)]]
    assert added.trend == TRENDS[2]


def test_escape_or_a_click_beside_the_list_leaves_the_choice_as_it_was(
        later: tuple[Workspace, int]) -> None:
    ws, meeting_id = later

    async def open_and_leave(pilot: Pilot[object], choice: Choice[Trend]) -> None:
        first = choice.value
        await pilot.click("#trend", offset=(4, 0))
        await pilot.press("down", "escape")
        assert type(pilot.app.screen).__name__ == "ObservationDialog"
        await pilot.click("#trend", offset=(4, 0))
        await pilot.press("down")
        await pilot.click(offset=(0, 0))  # the screen's corner, beside the list
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "ObservationDialog"
        assert choice.value == first

    assert run_observation(ws, meeting_id, open_and_leave).trend == TRENDS[0]


def test_enter_in_the_list_picks_the_highlighted_value(
        later: tuple[Workspace, int]) -> None:
    ws, meeting_id = later

    async def pick_with_keys(pilot: Pilot[object], choice: Choice[Trend]) -> None:
        await pilot.click("#trend", offset=(4, 0))
        await pilot.press("down", "enter")
        assert type(pilot.app.screen).__name__ == "ObservationDialog"

    assert run_observation(ws, meeting_id, pick_with_keys).trend == TRENDS[1]


# --- yes/no questions ----------------------------------------------------------------------


def close_meeting(ws: Workspace, meeting_id: int, button: str) -> list[str]:
    """Close the meeting with `c` and answer with a click on `button`; the buttons' labels
    and which one had the focus are returned."""
    shown: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.press("c")
            await pilot.pause()
            dialog = pilot.app.screen
            assert type(dialog).__name__ == "ConfirmDialog"
            shown.extend(str(b.label) for b in dialog.query(Button))
            assert dialog.focused is not None
            shown.append(f"focus:{dialog.focused.id}")
            assert await pilot.click(f"#{button}")
            await pilot.pause()
            after = pilot.app.screen
            # Closed: the next question (export now?) has buttons too; kept open: the meeting.
            shown.append(after.query_one(".form-title", Static).render().plain  # type: ignore[attr-defined]
                         if after is not dialog and type(after).__name__ == "ConfirmDialog"
                         else type(after).__name__)

    asyncio.run(run())
    return shown


def test_a_click_on_ja_closes_the_meeting(later: tuple[Workspace, int]) -> None:
    ws, meeting_id = later
    shown = close_meeting(ws, meeting_id, "yes")
    # Closing is the default answer (no personnummer); then the export is offered.
    assert shown == ["Ja", "Nej", "focus:yes", "Exportera minnesanteckningar"]  # as EST writes
    assert meetings.get_meeting(ws, meeting_id).status == MeetingStatus.CLOSED


def test_a_click_on_nej_leaves_the_meeting_open(later: tuple[Workspace, int]) -> None:
    ws, meeting_id = later
    assert close_meeting(ws, meeting_id, "no")[-1] == "MeetingScreen"
    assert meetings.get_meeting(ws, meeting_id).status != MeetingStatus.CLOSED


def remove_measure(ws: Workspace, meeting_id: int, *answer: str) -> str:
    """Delete the second measure of § 5 and answer with clicks or keys; the focus is returned."""
    focus: list[str | None] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.press("5", "down", "delete")
            await pilot.pause()
            assert type(pilot.app.screen).__name__ == "ConfirmDialog"
            focused = pilot.app.screen.focused
            focus.append(focused.id if focused is not None else None)
            for step in answer:
                if step.startswith("#"):
                    assert await pilot.click(step)
                else:
                    await pilot.press(step)
            await pilot.pause()
            assert type(pilot.app.screen).__name__ == "MeetingScreen"

    asyncio.run(run())
    return str(focus[0])


def with_a_wrong_measure(ws: Workspace, meeting_id: int) -> None:
    lagesbild.save_measure(ws, Measure(meeting_id=meeting_id, text="Fel åtgärd", owner="Ingen",
                                       due=date(2026, 4, 1)))


def test_a_click_on_ja_removes_the_measure(later: tuple[Workspace, int]) -> None:
    ws, meeting_id = later
    with_a_wrong_measure(ws, meeting_id)
    assert remove_measure(ws, meeting_id, "#yes") == "no"  # Nej is the safe default here
    assert [m.text for m in lagesbild.measures(ws, meeting_id)] == [
        "Sätt upp belysning vid idrottshallen"]


def test_a_click_on_nej_keeps_the_measure(later: tuple[Workspace, int]) -> None:
    ws, meeting_id = later
    with_a_wrong_measure(ws, meeting_id)
    remove_measure(ws, meeting_id, "#no")
    assert len(lagesbild.measures(ws, meeting_id)) == 2


def test_enter_answers_with_the_focused_button_and_tab_moves_to_the_other(
        later: tuple[Workspace, int]) -> None:
    """Enter is still the safe answer; Tab then Enter is the other one, as the focus shows."""
    ws, meeting_id = later
    with_a_wrong_measure(ws, meeting_id)
    remove_measure(ws, meeting_id, "enter")
    assert len(lagesbild.measures(ws, meeting_id)) == 2
    remove_measure(ws, meeting_id, "tab", "enter")
    assert len(lagesbild.measures(ws, meeting_id)) == 1


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_of_the_close_question_with_its_buttons(
        snap_compare: Snap, in_meeting: tuple[Workspace, int], size: tuple[int, int]) -> None:
    """Ja and Nej on the hint's line, Ja (the default here) focused; no taller than before."""
    ws, meeting_id = in_meeting

    async def ask(pilot: Pilot[Any]) -> None:
        await pilot.press("c")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=ask)


def test_the_list_opens_above_a_choice_with_no_room_under_it() -> None:
    """At the foot of the screen (as the action list's filters could be on a short terminal)
    the list goes over the choice instead, all of it on the screen."""
    from textual.app import App, ComposeResult

    values = [(f"Värde {n}", n) for n in range(6)]

    class Foot(App[None]):
        CSS = "Choice { dock: bottom; }"

        def compose(self) -> ComposeResult:
            yield Choice(values, 4, id="foot")

    async def run() -> None:
        app = Foot()
        async with app.run_test(size=(40, 12)) as pilot:
            choice = app.query_one(Choice)
            await pilot.click("#foot", offset=(5, 0))
            await pilot.pause()
            listed = app.screen.query_one(OptionList)
            assert listed.region.bottom == choice.region.y
            assert listed.region.y >= 0 and listed.region.height == len(values) + 2
            await pilot.click(OptionList, offset=(2, 1))  # the first value
            await pilot.pause()
            assert choice.value == 0

    asyncio.run(run())
