"""Moving between agenda items keeps each item's pane: the chair comes back to the row she left,
and a pane shown again shows what was saved while it was hidden, here or by another program."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import DataTable

from meetingtui.model import Observation
from meetingtui.services import lagesbild
from meetingtui.services.workspace import Workspace, open_workspace
from meetingtui.ui.app import MeetingApp, make_app
from tests.conftest import Clock


def table_rows(app: MeetingApp, selector: str) -> list[str]:
    """The table's rows as the chair reads them: the cells of each row joined by spaces."""
    table: DataTable[object] = app.screen.query_one(selector, DataTable)
    return [" ".join(str(cell) for cell in table.get_row_at(row))
            for row in range(table.row_count)]


def pane_kind(app: MeetingApp) -> str:
    return type(app.screen.pane).__name__  # type: ignore[attr-defined]


def test_back_on_the_lagesbild_the_cursor_is_where_the_chair_left_it(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert pane_kind(app) == "SituationPane"
            table = app.screen.query_one("#observations", DataTable)
            await pilot.press("down", "down")
            assert table.cursor_row == 2
            await pilot.press("n")
            await pilot.pause()
            assert pane_kind(app) == "ActionsPane"
            assert table.parent is not None and not table.parent.display  # hidden, kept
            await pilot.press("p")
            await pilot.pause()
            assert pane_kind(app) == "SituationPane"
            assert app.screen.query_one("#observations", DataTable) is table  # not rebuilt
            assert table.cursor_row == 2
            await pilot.press("up")  # the keys reach the table again
            assert table.cursor_row == 1

    asyncio.run(run())


def test_a_pane_shown_again_has_what_another_program_saved_meanwhile(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            before = table_rows(app, "#observations")
            assert len(before) == 3
            await pilot.press("n")
            await pilot.pause()
            other = open_workspace(ws.locations)  # the secretary's laptop, say
            try:
                lagesbild.save_observation(other, Observation(
                    meeting_id=meeting_id, area="Hamnen", category="Brand",
                    description="Bränder i containrar vid kajen", source="Räddningstjänst"))
            finally:
                other.close()
            await pilot.press("p")
            await pilot.pause()
            after = table_rows(app, "#observations")
            assert len(after) == 4
            assert any("Hamnen" in row for row in after)
            assert after[:3] == before

    asyncio.run(run())


def test_a_measure_added_under_an_observation_is_in_the_action_plan_when_the_chair_gets_there(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("n")  # the action plan is built once here …
            await pilot.pause()
            assert len(table_rows(app, "#measures")) == 1
            await pilot.press("p")
            await pilot.pause()
            await pilot.press("enter")  # … then a measure is decided on the lägesbild
            await pilot.pause()
            assert type(app.screen).__name__ == "ObservationScreen"
            await pilot.press("a")
            await pilot.pause()
            await pilot.press(*"Vakter vid kajen", "tab", *"Kommunpolis", "tab", "tab",
                              *"2026-05-01", "ctrl+s")
            await pilot.pause()
            assert type(app.screen).__name__ == "ObservationScreen"
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            assert pane_kind(app) == "ActionsPane"
            rows = table_rows(app, "#measures")
            assert len(rows) == 2
            assert any("Vakter vid kajen" in row and "Kommunpolis" in row for row in rows)

    asyncio.run(run())


def test_an_edited_observation_is_rewritten_in_its_row(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            before = table_rows(app, "#observations")
            await pilot.press("down", "e")
            await pilot.pause()
            await pilot.press("end", *" norra", "ctrl+s")
            await pilot.pause()
            after = table_rows(app, "#observations")
            assert len(after) == len(before)
            assert after[0] == before[0] and after[2] == before[2]
            area = lagesbild.observations(ws, meeting_id)[1].area
            assert area.endswith(" norra")
            assert area in after[1] and after[1] != before[1]
            assert app.screen.query_one("#observations", DataTable).cursor_row == 1

    asyncio.run(run())


def test_every_kind_of_item_has_a_pane() -> None:
    from importlib import import_module

    from meetingtui.model import ItemKind
    from meetingtui.ui.widgets.panes.base import ItemPane
    from meetingtui.ui.widgets.panes.factory import PANES

    assert set(PANES) == set(ItemKind)
    for module, name in PANES.values():
        pane_type = getattr(import_module(f"meetingtui.ui.widgets.panes.{module}"), name)
        assert issubclass(pane_type, ItemPane) and pane_type is not ItemPane


def test_proposals_and_attendance_shown_again_have_what_another_program_saved(
        tmp_path: Path, clock: Clock) -> None:
    """A pane filled by `reload` while hidden (another item shown) has no width: it kept its
    old rows. Here KLG's decision, recorded from the secretary's command line while the chair
    is on the next item, and a name typed on her laptop, are there when the chair goes back."""
    from datetime import date, datetime

    from meetingtui.model import Measure, ProposalState
    from meetingtui.services import attendance, proposals
    from tests.scenarios.helpers import scenario_workspace, started_meeting

    clock.now = datetime(2026, 12, 1, 9, 0)
    ws = scenario_workspace(tmp_path, clock, "Lysekils kommun")
    meeting_id = started_meeting(ws, "Trygghetsgrupp", date(2026, 12, 1))
    made = lagesbild.save_measure(ws, Measure(
        meeting_id=meeting_id, text="Kvällsöppet på fritidsgården", owner="Fritidschef",
        proposed_to="KLG", proposal=ProposalState.PROPOSED))
    seen: dict[str, list[str]] = {}

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            for item, key in (("proposals", "8"), ("attendance", "2")):
                await pilot.press(key)
                await pilot.pause()
                seen[f"{item} before"] = table_rows(app, f"#{item}" if item == "attendance"
                                                    else "#proposals-made")
                await pilot.press("n")
                await pilot.pause()
                other = open_workspace(ws.locations, clock=clock)
                try:
                    if item == "proposals":
                        proposals.answer(other, proposals.get(other, made.id or 0),
                                         decided=True, day=date(2026, 12, 10))
                    else:
                        first = attendance.of_meeting(other, meeting_id)[0]
                        attendance.update_attendee(
                            other, first.model_copy(update={"name": "Karin Ek"}), first)
                finally:
                    other.close()
                await pilot.press("p")
                await pilot.pause()
                seen[f"{item} after"] = table_rows(app, f"#{item}" if item == "attendance"
                                                   else "#proposals-made")

    asyncio.run(run())
    assert "Föreslås" in seen["proposals before"][0]
    assert "Beslutat" in seen["proposals after"][0]
    assert not any("Karin Ek" in row for row in seen["attendance before"])
    assert "Karin Ek" in seen["attendance after"][0]
