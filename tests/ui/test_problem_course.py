"""A problem over three meetings, by keys at 80×24 the day after the third (issue 15 §1): the
lägesbild counts the problem's causes and measures, the observation shows those of earlier
meetings with their date (changed there, not here), `f` shows the whole course, and `i` merges
two observations of one meeting that are one problem."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

from textual.widgets import DataTable, Static

from meetingtui.services import lagesbild, problems
from meetingtui.ui.app import make_app
from meetingtui.ui.screens.problem_history import ProblemHistoryScreen
from tests.conftest import Clock
from tests.scenarios.helpers import SIZE, choose_group, press, screen_name, type_text
from tests.services.test_problems import scenario_workspace, three_meetings, two_in_one_meeting


def cell_text(table: DataTable[object], row: int) -> str:
    return " ".join(str(cell) for cell in table.get_row_at(row))


def test_the_problem_s_causes_measures_and_course_by_keys(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 9, 9, 13, 0))
    ws = scenario_workspace(tmp_path, clock, "Herrljunga kommun")
    three_meetings(ws, clock)
    clock.now = datetime(2026, 11, 12, 9, 0)  # the day after November's meeting
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=SIZE) as pilot:
            await pilot.pause()
            await choose_group(pilot, "EST")
            await press(pilot, "o", "enter")  # November's, running
            assert screen_name(pilot) == "MeetingScreen"
            await press(pilot, "7")  # § 7 Lägesbild
            detail = pilot.app.screen.query_one("#observation-detail", Static)
            seen["detail"] = str(detail.render())
            await press(pilot, "enter")
            assert screen_name(pilot) == "ObservationScreen"
            causes = pilot.app.screen.query_one("#causes", DataTable)
            measures = pilot.app.screen.query_one("#measures", DataTable)
            seen["causes"] = " | ".join(cell_text(causes, r) for r in range(causes.row_count))
            seen["measures"] = " | ".join(cell_text(measures, r).replace("\n", " ")
                                          for r in range(measures.row_count))
            await press(pilot, "enter")  # September's cause: changed in September
            assert screen_name(pilot) == "ObservationScreen"
            seen["notice"] = " ".join(str(n.message) for n in pilot.app._notifications)
            await press(pilot, "f")
            assert isinstance(pilot.app.screen, ProblemHistoryScreen)
            seen["course"] = str(pilot.app.screen.query_one("#problem-text", Static).render())
            await press(pilot, "escape")
            assert screen_name(pilot) == "ObservationScreen"
            await press(pilot, "escape", "f")  # from the lägesbild too
            assert isinstance(pilot.app.screen, ProblemHistoryScreen)
            await press(pilot, "escape")
            assert screen_name(pilot) == "MeetingScreen"

    try:
        asyncio.run(run())
    finally:
        ws.close()
    assert "2 orsaker, 2 åtgärder" in seen["detail"]
    assert seen["causes"].startswith("↻ 2026-09-09 1. Ingen belysning")
    assert "| 2. Skymd av buskar" in seen["causes"]
    assert seen["measures"].startswith("↻ 2026-09-09 Sanera klottret")
    assert "| ↻ 2026-10-14 Belysning" in seen["measures"]
    assert "2026-09-09" in seen["notice"]
    course = seen["course"]
    assert "Först noterat 2026-09-09, i 3 möten" in course
    # Said once; a later meeting that saw it the same way says only that.
    assert course.count("Klotter i gångtunneln") == 1
    assert course.count("(samma plats och beskrivning som mötet innan)") == 2
    for day in ("2026-09-09", "2026-10-14", "2026-11-11"):
        assert day in course
    assert "Sanera klottret" in course and "Pågående" in course and "försenad" in course
    assert "Skymd av buskar" in course and "Ingen belysning" in course


def test_two_observations_are_merged_by_keys(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 9, 9, 13, 0))
    ws = scenario_workspace(tmp_path, clock, "Herrljunga kommun")
    october, carried, again = two_in_one_meeting(ws, clock)
    clock.now = datetime(2026, 10, 15, 9, 0)

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=SIZE) as pilot:
            await pilot.pause()
            await choose_group(pilot, "EST")
            await press(pilot, "o", "enter", "7")
            table = pilot.app.screen.query_one("#observations", DataTable)
            assert table.row_count == 2 and table.cursor_row == 0  # the carried one
            await press(pilot, "i")
            assert screen_name(pilot) == "MergeDialog"
            await press(pilot, "tab")
            await type_text(pilot, "Samma klotter, noterat två gånger")
            await press(pilot, "enter")
            assert screen_name(pilot) == "MeetingScreen"
            assert table.row_count == 1

    try:
        asyncio.run(run())
        assert carried.id is not None
        assert [o.id for o in lagesbild.observations(ws, october)] == [carried.id]
        history = problems.history(ws, carried.id)
        assert [m.row.text for m in history.measures] == ["Sanera stationen"]
        assert [merge.why for merge in history.merges] == ["Samma klotter, noterat två gånger"]
        assert again.id not in {o.id for o in lagesbild.observations(ws, october)}
    finally:
        ws.close()


def test_merging_needs_another_observation(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 9, 9, 13, 0))
    ws = scenario_workspace(tmp_path, clock, "Herrljunga kommun")
    _sep, _october, _november = three_meetings(ws, clock)
    clock.now = datetime(2026, 11, 12, 9, 0)

    async def run() -> str:
        async with make_app(ws, lang="sv").run_test(size=SIZE) as pilot:
            await pilot.pause()
            await choose_group(pilot, "EST")
            await press(pilot, "o", "enter", "7", "i")
            assert screen_name(pilot) == "MeetingScreen"
            return " ".join(str(n.message) for n in pilot.app._notifications)

    try:
        assert "ingen annan iakttagelse" in asyncio.run(run())
    finally:
        ws.close()
