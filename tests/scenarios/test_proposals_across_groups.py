"""Proposals are proposals (issue 16 §3), typed at 80×24 with keys only, on meetings held on
other days than today: the beredningsgrupp proposes two insatser to the styrgrupp; at the
styrgrupp's meeting one is decided and one rejected with a reason; the decided one is then a
measure in the action list; both groups' minutes say so, read back with python-docx."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable

from meetingtui.model import ProposalState
from meetingtui.services import meetings, proposals
from meetingtui.services.actions import ActionFilters, action_list
from meetingtui.services.workspace import Workspace
from meetingtui.store.rows import Conflict
from meetingtui.ui.app import make_app
from meetingtui.ui.widgets.panes.proposals import ProposalsPane
from tests.conftest import Clock
from tests.scenarios.helpers import (
    SIZE,
    Filed,
    export_all,
    press,
    scenario_workspace,
    screen_name,
    started_meeting,
    type_text,
)

PROPOSED_ON = date(2026, 10, 1)  # the beredningsgrupp
DECIDED_ON = date(2026, 10, 14)  # the styrgrupp
FIRST = "Utökad fältverksamhet kvällstid i Centrum"
SECOND = "Kameror vid resecentrum"
REASON = "Ryms inte i årets budget"


def _meeting(ws: Workspace, clock: Clock, short: str, day: date) -> int:
    clock.now = datetime.combine(day, datetime.min.time()).replace(hour=9)
    return started_meeting(ws, short, day)


async def _to_proposals(pilot) -> ProposalsPane:  # type: ignore[no-untyped-def]
    """n from item to item until the proposals item shows."""
    for _ in range(30):
        panes = [p for p in pilot.app.screen.query(ProposalsPane) if p.display]
        if panes:
            return panes[0]
        await press(pilot, "n")
    raise AssertionError("no proposals item")


def _notes(pilot) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in pilot.app._notifications]


def _rows(table: DataTable) -> list[str]:  # type: ignore[type-arg]
    """Each row's cells, the lines of a wrapped cell joined by spaces."""
    return [" ".join(" ".join(str(cell).split()) for cell in table.get_row_at(i))
            for i in range(table.row_count)]


@pytest.fixture
def town(tmp_path: Path) -> tuple[Workspace, Clock]:
    clock = Clock(datetime(2026, 11, 27, 8, 45))
    return scenario_workspace(tmp_path, clock, "Fagersta kommun"), clock


def test_proposed_decided_and_rejected_across_two_groups(
        town: tuple[Workspace, Clock], tmp_path: Path) -> None:
    ws, clock = town
    bered = _meeting(ws, clock, "Beredningsgrupp", PROPOSED_ON)
    clock.now = datetime(2026, 11, 27, 8, 45)

    async def propose() -> None:
        async with make_app(ws, lang="sv", meeting_id=bered).run_test(size=SIZE) as pilot:
            await pilot.pause()
            pane = await _to_proposals(pilot)
            for text, owner, due in ((FIRST, "Anna Berg", "2027-03-31"),
                                     (SECOND, "Jonas Holm", "2027-06-30")):
                await press(pilot, "a")
                assert screen_name(pilot) == "MeasureDialog"
                await type_text(pilot, text)
                await press(pilot, "tab")
                await type_text(pilot, owner)
                await press(pilot, "tab", "tab")
                await type_text(pilot, due)
                await press(pilot, "enter")
                assert screen_name(pilot) == "MeetingScreen"
            made = _rows(pane.query_one("#proposals-made", DataTable))
            assert len(made) == 2 and FIRST in made[0] and "Föreslås" in made[0]
            assert "Förslag till Styrgrupp" in str(pane.query_one("#proposals-made-title")
                                                   .render())

    asyncio.run(propose())
    made = proposals.made_in(ws, bered)
    assert [(m.text, m.proposed_to, m.proposal) for m in made] == [
        (FIRST, "Styrgrupp", ProposalState.PROPOSED), (SECOND, "Styrgrupp", ProposalState.PROPOSED)]
    # Waiting: apart in the action list, never overdue, not the beredningsgrupp's measures.
    listed = {r.id: r for r in action_list(ws, ActionFilters(status="all"))}
    assert all(listed[m.id or 0].waiting and not listed[m.id or 0].overdue for m in made)
    meetings.close_meeting(ws, bered)

    styr = _meeting(ws, clock, "Styrgrupp", DECIDED_ON)
    clock.now = datetime(2026, 11, 27, 9, 0)

    async def decide() -> None:
        async with make_app(ws, lang="sv", meeting_id=styr).run_test(size=SIZE) as pilot:
            await pilot.pause()
            pane = await _to_proposals(pilot)
            received = pane.query_one("#proposals-received", DataTable)
            rows = _rows(received)
            assert len(rows) == 2 and FIRST in rows[0] and "Beredningsgrupp" in rows[0]
            await press(pilot, "d")  # the first: decided
            await press(pilot, "down", "x")  # the second: rejected, with a reason
            assert screen_name(pilot) == "RejectDialog"
            await press(pilot, "enter")  # no reason: refused, the form stays
            assert screen_name(pilot) == "RejectDialog"
            await type_text(pilot, REASON)
            await press(pilot, "enter")
            assert screen_name(pilot) == "MeetingScreen"
            rows = _rows(received)
            assert "Beslutat" in rows[0] and "Avslaget" in rows[1] and REASON in rows[1]
            await press(pilot, "up", "d")  # answered already: said, nothing changes
            assert any("redan besvarat" in n for n in _notes(pilot))

    asyncio.run(decide())
    first, second = (proposals.get(ws, m.id or 0) for m in made)
    assert (first.proposal, first.proposal_decided_on, first.proposal_meeting_id) == (
        ProposalState.DECIDED, DECIDED_ON, styr)
    assert (second.proposal, second.proposal_decided_on, second.proposal_reason) == (
        ProposalState.REJECTED, DECIDED_ON, REASON)
    # The decided one is a measure like any other; the rejected one is no one's.
    listed = {r.id: r for r in action_list(ws, ActionFilters(status="all"))}
    assert first.id in listed and not listed[first.id or 0].waiting
    assert listed[first.id or 0].owner == "Anna Berg"
    assert second.id not in listed
    meetings.close_meeting(ws, styr)

    bered_doc = Filed(export_all(ws, bered, tmp_path / "bered")["intern.docx"])
    said = [line for line in bered_doc.lines if line.startswith("Föreslås:")]
    assert said == [
        f"Föreslås: {FIRST} (till Styrgrupp). Ansvarig: Anna Berg, klart senast 2027-03-31",
        f"Föreslås: {SECOND} (till Styrgrupp). Ansvarig: Jonas Holm, klart senast 2027-06-30"]
    # Never among the measures the beredningsgrupp decided (no table row holds them).
    assert not any(FIRST in line and " | " in line for line in bered_doc.lines)
    styr_doc = Filed(export_all(ws, styr, tmp_path / "styr")["intern.docx"])
    lines = styr_doc.section("§ 10 Förslag från beredningsgruppen")
    assert "Förslag till Styrgrupp" in lines
    assert f"{FIRST} (från Beredningsgrupp; Ansvarig: Anna Berg): beslutat 2026-10-14" in lines
    assert (f"{SECOND} (från Beredningsgrupp; Ansvarig: Jonas Holm): avslaget 2026-10-14. "
            f"Skäl: {REASON}") in lines
    # The beredningsgrupp's closed minutes still say what it did: it proposed.
    again = Filed(export_all(ws, bered, tmp_path / "bered2")["intern.docx"])
    assert [line for line in again.lines if line.startswith("Föreslås:")] == said


def test_an_answer_made_meanwhile_elsewhere_is_a_conflict(
        town: tuple[Workspace, Clock]) -> None:
    ws, clock = town
    bered = _meeting(ws, clock, "Beredningsgrupp", PROPOSED_ON)
    from meetingtui.model import Measure
    from meetingtui.services.lagesbild import save_measure

    shown = save_measure(ws, Measure(meeting_id=bered, text=FIRST, owner="Anna Berg",
                                     proposed_to="Styrgrupp", proposal=ProposalState.PROPOSED))
    styr = _meeting(ws, clock, "Styrgrupp", DECIDED_ON)

    async def decide() -> None:
        async with make_app(ws, lang="sv", meeting_id=styr).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await _to_proposals(pilot)
            # Another program (the command line) rejects it while the room looks at it.
            proposals.answer(ws, shown, decided=False, day=date(2026, 10, 13), reason="Nej")
            await press(pilot, "d")
            assert any("Någon annan har redan besvarat förslaget (Avslaget 2026-10-13)" in n
                       for n in _notes(pilot)), _notes(pilot)

    asyncio.run(decide())
    stored = proposals.get(ws, shown.id or 0)
    assert (stored.proposal, stored.proposal_reason) == (ProposalState.REJECTED, "Nej")
    with pytest.raises(Conflict):
        proposals.answer(ws, shown, decided=True, day=DECIDED_ON)
