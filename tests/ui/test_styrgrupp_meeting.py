"""The styrgrupp's meeting by keys at 80×24: its 17 items by number (one digit at once, two in a
row for § 10–17), an item with nothing to list, the roll-up of the other groups on its wall."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path

from textual.widgets import DataTable, Static

from meetingtui.services import meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.screens.meeting import MeetingScreen
from meetingtui.ui.widgets.footer import Footer
from tests.conftest import Clock
from tests.scenarios.helpers import group_id, scenario_workspace


def _styrgrupp(tmp_path: Path, clock: Clock) -> tuple[Workspace, int]:
    ws = scenario_workspace(tmp_path, clock, "Storköping")
    clock.now = datetime(2026, 10, 14, 13, 0)  # not the day the test runs
    planned = meetings.plan_meeting(ws, group_id(ws, "Styrgrupp"), date(2026, 10, 14))
    assert planned.id is not None
    meetings.start_meeting(ws, planned.id)
    return ws, planned.id


def test_one_digit_at_once_two_digits_in_a_row(tmp_path: Path, clock: Clock) -> None:
    asyncio.run(_walk(*_styrgrupp(tmp_path, clock)))


async def _walk(ws: Workspace, meeting_id: int) -> None:
    app = make_app(ws, lang="sv", meeting_id=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)

        def position() -> int:
            return screen.items[screen.current].position

        await pilot.press("1", "7")
        assert position() == 17
        await pilot.press("1")  # a new number: the last one was used up
        assert position() == 1
        await pilot.press("0")
        assert position() == 10
        await pilot.press("4", "5")  # no § 45: the second digit is its own item
        assert position() == 5
        await pilot.press("1")
        screen.TWO_DIGITS = 0.0  # the next digit comes after a pause: a number of its own
        await pilot.press("2")
        assert position() == 2
        await pilot.press("0")  # no § 20, no § 0: stays
        assert position() == 2
    ws.close()


def test_an_item_with_nothing_to_list_still_offers_its_notes_and_decision(
    tmp_path: Path, clock: Clock,
) -> None:
    """§ 10 of the styrgrupp with no proposal waiting: its table is hidden, and the footer lost
    b Beslut until a dialog had come and gone."""
    ws, meeting_id = _styrgrupp(tmp_path, clock)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("1", "0")
            await pilot.pause()
            footer = app.screen.query_one(Footer)
            assert "Inga förslag väntar" in str(app.screen.query_one("#proposals-received-title",
                                                                     Static).render())
            assert " b Beslut " in footer.text
            await pilot.press("b")
            await pilot.pause()
            assert "beslut och anteckningar" in str(app.screen.query_one(".form-title",
                                                                         Static).render())

    asyncio.run(run())
    ws.close()


def test_another_groups_secret_is_counted_not_shown_on_the_styrgrupps_wall(
    tmp_path: Path, clock: Clock,
) -> None:
    """The roll-up is projected to the styrgrupp: EST's confidential measure stands as "Åtgärd
    som omfattas av sekretess" with its group and area, its text and owner stay in EST."""
    from meetingtui.model import Measure, Observation
    from meetingtui.services import lagesbild

    ws = scenario_workspace(tmp_path, clock, "Storköping")
    clock.now = datetime(2026, 9, 8, 9, 0)
    est = meetings.plan_meeting(ws, group_id(ws, "EST"), date(2026, 9, 8))
    assert est.id is not None
    meetings.start_meeting(ws, est.id)
    secret = lagesbild.save_observation(ws, Observation(
        meeting_id=est.id, area="Hamnen", description="Hot mot en person", confidential=True))
    lagesbild.save_measure(ws, Measure(meeting_id=est.id, observation_id=secret.id,
                                       text="Hemlig insats mot gruppen", owner="Eva Lund",
                                       due=date(2026, 10, 1)))
    clock.now = datetime(2026, 10, 14, 13, 0)
    styr = meetings.plan_meeting(ws, group_id(ws, "Styrgrupp"), date(2026, 10, 14))
    assert styr.id is not None
    meetings.start_meeting(ws, styr.id)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=styr.id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("7")
            await pilot.pause()
            late = app.screen.query_one("#rollup-late", DataTable)
            assert late.row_count == 1
            cells = [str(cell) for cell in late.get_row_at(0)]
            assert cells == ["Åtgärd som omfattas av sekretess\nEST · Hamnen", "2026-10-01"]

    asyncio.run(run())
    ws.close()
