"""A proposal recorded in haste, its cause left for later: the chair opens it again (Enter on
its row under the proposals item) and ticks the cause it is to affect, at 80×24, by keys."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path

from meetingtui.model import Cause, Measure, Observation, ProposalState
from meetingtui.services import lagesbild, proposals
from meetingtui.ui.app import make_app
from tests.conftest import Clock
from tests.scenarios.helpers import (
    SIZE,
    choose_group,
    press,
    scenario_workspace,
    screen_name,
    started_meeting,
)
from tests.ui.test_i18n_english import visible_text

CAUSE = "Fritidsgården stänger kl. 21"
PROPOSAL = "Förlänga fritidsgårdens öppettider till kl. 23"


def test_a_proposal_gets_its_cause_after_the_meeting(tmp_path: Path, clock: Clock) -> None:
    clock.now = datetime(2026, 12, 1, 9, 0)
    ws = scenario_workspace(tmp_path, clock, "Lysekils kommun")
    meeting_id = started_meeting(ws, "Trygghetsgrupp", date(2026, 12, 1))
    seen = lagesbild.save_observation(ws, Observation(
        meeting_id=meeting_id, area="Centrum", place_detail="Busshållplatsen",
        description="Ungdomar samlas efter stängning"))
    assert seen.id is not None
    cause = lagesbild.save_cause(ws, Cause(observation_id=seen.id, text=CAUSE))
    made = lagesbild.save_measure(ws, Measure(
        meeting_id=meeting_id, text=PROPOSAL, owner="Fritidschef", proposed_to="KLG",
        proposal=ProposalState.PROPOSED))
    assert made.id is not None and made.cause_ids == []
    clock.now = datetime(2026, 12, 2, 14, 0)  # the day after, in the office
    shown: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=SIZE) as pilot:
            await choose_group(pilot, "Trygghetsgrupp")
            await press(pilot, "o", "enter")
            assert screen_name(pilot) == "MeetingScreen"
            await press(pilot, "8", "enter")  # § 8, the proposal's row
            assert screen_name(pilot) == "MeasureDialog"
            shown["form"] = " ".join(visible_text(pilot).replace("│", " ").split())
            await press(pilot, *["tab"] * 7)  # past the text, owner, organisation and due
            assert pilot.app.focused is not None and pilot.app.focused.id == "cause_ids"
            await press(pilot, "space", "enter")
            assert screen_name(pilot) == "MeetingScreen"

    asyncio.run(run())
    assert "Ändra förslag till KLG" in shown["form"]
    assert f"[ ] Centrum – Busshållplatsen: {CAUSE}" in shown["form"]
    assert "Inga orsaker att välja" not in shown["form"]
    assert proposals.get(ws, made.id).cause_ids == [cause.id]
