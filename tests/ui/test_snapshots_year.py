"""How the year's work looks beside the meetings, in Swedish, at 80×24 and 120×40: the
styrgrupp's roll-up of the operative groups and the proposals waiting for it, an agreement
(medborgarlöfte) as an item, and the home screen warning of one ending. Checked by eye."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.ui.snapshot_helpers import SIZES, Snap, app_for, settle


def _styrgrupp_with_groups(tmp_path: Path, clock: Clock) -> tuple[Workspace, int]:
    """Storköping's styrgrupp on 14 October: EST's and SSPF's measures (late, due soon, on
    track, done, cancelled) to roll up, and two of the beredningsgrupp's proposals waiting."""
    from datetime import date, timedelta

    from meetingtui.model import Measure, Observation, ProposalState
    from meetingtui.services import followup, lagesbild, meetings
    from meetingtui.services.groups import ensure_groups
    from tests.scenarios.helpers import group_id, scenario_workspace

    ws = scenario_workspace(tmp_path / "styr", clock, "Storköping")
    ensure_groups(ws)
    day = date(2026, 10, 14)

    def meeting(short: str, on: date) -> int:
        clock.now = datetime.combine(on, datetime.min.time()).replace(hour=9)
        found = meetings.plan_meeting(ws, group_id(ws, short), on)
        assert found.id is not None
        meetings.start_meeting(ws, found.id)
        return found.id

    est = meeting("EST", date(2026, 9, 8))
    centrum = lagesbild.save_observation(ws, Observation(meeting_id=est, area="Centrum",
                                                         description="Klotter på skolan"))
    for text, due, status in (
            ("Sanera klottret vid torget", day - timedelta(days=3), None),
            ("Trygghetsvandring med boende", day + timedelta(days=10), None),
            ("Byta belysning i gångtunneln", day + timedelta(days=60), "in_progress"),
            ("Informera skolorna", day - timedelta(days=20), "done"),
            ("Kameror vid stationen", day + timedelta(days=5), "cancelled")):
        saved = lagesbild.save_measure(ws, Measure(meeting_id=est, text=text, owner="Eva Lund",
                                                   owner_org="Polisen", due=due,
                                                   observation_id=centrum.id))
        if status is not None:
            from meetingtui.model import MeasureStatus

            followup.record_update(ws, saved.id or 0, MeasureStatus(status))
    sspf = meeting("SSPF", date(2026, 9, 10))
    lagesbild.save_measure(ws, Measure(meeting_id=sspf, text="Föräldramöte om snus i åk 8",
                                       owner="Sara Holm", due=day - timedelta(days=1)))
    bered = meeting("Beredningsgrupp", date(2026, 10, 1))
    for text in ("Utökad fältverksamhet kvällstid i Centrum",
                 "Gemensam utbildning i problemorienterat arbete"):
        lagesbild.save_measure(ws, Measure(meeting_id=bered, text=text, owner="Anna Berg",
                                           due=date(2027, 3, 31), proposed_to="Styrgrupp",
                                           proposal=ProposalState.PROPOSED))
    styr = meeting("Styrgrupp", day)
    clock.now = datetime(2026, 10, 14, 13, 30)
    return ws, styr


@pytest.mark.parametrize("size", SIZES)
def test_rollup_of_the_operative_groups(snap_compare: Snap, tmp_path: Path, clock: Clock,
                                        size: tuple[int, int]) -> None:
    """§ 7 of the styrgrupp: green / yellow / red per group and area, the late ones under."""
    ws, styr = _styrgrupp_with_groups(tmp_path, clock)

    async def roll(pilot: Pilot[Any]) -> None:
        await pilot.press("7")
        await settle(pilot)

    assert snap_compare(app_for(ws, styr), terminal_size=size, run_before=roll)


@pytest.mark.parametrize("size", SIZES)
def test_proposals_waiting_for_the_styrgrupp(snap_compare: Snap, tmp_path: Path, clock: Clock,
                                             size: tuple[int, int]) -> None:
    """§ 10 of the styrgrupp: the beredningsgrupp's proposals, the first just decided."""
    ws, styr = _styrgrupp_with_groups(tmp_path, clock)

    async def decide(pilot: Pilot[Any]) -> None:
        await pilot.press("9", "n", "d")
        await settle(pilot)

    assert snap_compare(app_for(ws, styr), terminal_size=size, run_before=decide)


@pytest.mark.parametrize("size", SIZES)
def test_agreements_item(snap_compare: Snap, tmp_path: Path, clock: Clock,
                         size: tuple[int, int]) -> None:
    from meetingtui.ui.widgets.panes.agreements import AgreementsPane
    from tests.agreements_data import lofte_meeting

    clock.now = datetime(2026, 11, 23, 9, 0)
    made = lofte_meeting(tmp_path, clock)

    async def arrive(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for _ in range(20):
            panes = pilot.app.screen.query(AgreementsPane)
            if panes and panes.first().display:
                break
            await pilot.press("n")
            await pilot.pause()
        await pilot.press("down")
        await settle(pilot)

    assert snap_compare(app_for(made.ws, made.meeting_id), terminal_size=size,
                        run_before=arrive)


@pytest.mark.parametrize("size", SIZES)
def test_home_warns_of_an_agreement_ending(snap_compare: Snap, tmp_path: Path, clock: Clock,
                                           size: tuple[int, int]) -> None:
    from tests.agreements_data import lofte_meeting

    clock.now = datetime(2026, 11, 23, 9, 0)
    assert snap_compare(app_for(lofte_meeting(tmp_path, clock).ws), terminal_size=size,
                        run_before=settle)
