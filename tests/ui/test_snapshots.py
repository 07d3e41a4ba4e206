"""How the screens look, in Swedish, at 80×24 (a zoomed projector) and 120×40.

The SVGs under __snapshots__/ were opened and checked by eye; regenerate with
`pytest tests/ui --snapshot-update` and look at them again before committing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from textual.pilot import Pilot

from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.ui.figures_data import est_year, march_meeting
from tests.ui.snapshot_helpers import SIZES, Snap, app_for, settle


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: Snap, seeded: tuple[Workspace, int, list[int]],
              size: tuple[int, int]) -> None:
    assert snap_compare(app_for(seeded[0]), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_meeting_on_lagesbild(snap_compare: Snap, in_meeting: tuple[Workspace, int],
                              size: tuple[int, int]) -> None:
    ws, meeting_id = in_meeting
    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_measure_form_with_validation_errors(
    snap_compare: Snap, in_meeting: tuple[Workspace, int], size: tuple[int, int],
) -> None:
    """A measure without owner and with a date that is not one: both messages beside the fields."""
    ws, meeting_id = in_meeting

    async def fill(pilot: Pilot[Any]) -> None:
        await pilot.press("5", "a", *"Städa", "tab", "tab", "tab", *"32 dec", "ctrl+s")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=fill)


@pytest.mark.parametrize("size", SIZES)
def test_presentation_mode(snap_compare: Snap, in_meeting: tuple[Workspace, int],
                           size: tuple[int, int]) -> None:
    ws, meeting_id = in_meeting

    async def present(pilot: Pilot[Any]) -> None:
        await pilot.press("f5")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=present)


@pytest.mark.parametrize("size", SIZES)
def test_followup_rows_wrap_with_their_comment(
    snap_compare: Snap, in_meeting: tuple[Workspace, int], size: tuple[int, int],
) -> None:
    """§ 3 at 80×24: the measure discussed shows whole, the comment under it, overdue against
    the meeting's date, before → after where this meeting changed the status."""
    ws, meeting_id = in_meeting

    async def follow_up(pilot: Pilot[Any]) -> None:
        await pilot.press("3", "d", *"Sanerat av entreprenören vecka 9", "enter")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=follow_up)


@pytest.mark.parametrize("size", SIZES)
def test_action_plan_with_a_decision(
    snap_compare: Snap, in_meeting: tuple[Workspace, int], size: tuple[int, int],
) -> None:
    """§ 5: the measures wrap, S marks a confidential one, b wrote the item's decision."""
    ws, meeting_id = in_meeting

    async def decide(pilot: Pilot[Any]) -> None:
        await pilot.press("5", "b", *"Åtgärderna följs upp i april", "ctrl+s")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=decide)


@pytest.mark.parametrize("size", SIZES)
def test_attendance_as_people(
    snap_compare: Snap, in_meeting: tuple[Workspace, int], size: tuple[int, int],
) -> None:
    """§ 2: name, role and organisation and presence all visible at 80×24; a stand-in marked."""
    ws, meeting_id = in_meeting

    async def name(pilot: Pilot[Any]) -> None:
        await pilot.press("2", "down", "down", "down", "enter",
                          *["backspace"] * 20, *"Per Lund", "tab", "tab",
                          *"Räddningstjänsten Södra Älvsborg", "tab", "space", "ctrl+s")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=name)


@pytest.mark.parametrize("size", SIZES)
def test_next_meeting_arrived_at(
    snap_compare: Snap, in_meeting: tuple[Workspace, int], size: tuple[int, int],
) -> None:
    """§ 8 as the chair arrives with n: the proposal, the fields, no cursor in them."""
    ws, meeting_id = in_meeting

    async def arrive(pilot: Pilot[Any]) -> None:
        await pilot.press("7", "n")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=arrive)


@pytest.mark.parametrize("size", SIZES)
def test_closing_item_says_what_the_minutes_will_say(
    snap_compare: Snap, in_meeting: tuple[Workspace, int], size: tuple[int, int],
) -> None:
    """§ 9 Mötets avslutande: the line the minutes will write, that the end time is missing,
    the chair's thanks typed under it."""
    ws, meeting_id = in_meeting

    async def thank(pilot: Pilot[Any]) -> None:
        await pilot.press("9", "e", *"Ordföranden tackade alla.", "escape")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=thank)


@pytest.mark.parametrize("size", SIZES)
def test_search_as_you_type(snap_compare: Snap, in_meeting: tuple[Workspace, int],
                            size: tuple[int, int]) -> None:
    """`/` from the meeting, "klott": the carried observation, the measure and the one from
    February, the matching words marked."""
    ws, meeting_id = in_meeting

    async def search(pilot: Pilot[Any]) -> None:
        await pilot.press("slash", *"klott")
        await pilot.pause(0.4)
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=search)


@pytest.mark.parametrize("size", SIZES)
def test_statistik(snap_compare: Snap, ws: Workspace, clock: Clock,
                   size: tuple[int, int]) -> None:
    """`s` on the home screen: EST's year, a sparkline per area and category, readable at
    80×24."""
    est_year(ws, clock)
    clock.now = datetime(2026, 3, 10, 9, 30)

    async def open_figures(pilot: Pilot[Any]) -> None:
        await pilot.press("s")
        await settle(pilot)

    assert snap_compare(app_for(ws), terminal_size=size, run_before=open_figures)


@pytest.mark.parametrize("size", SIZES)
def test_priorities_beside_the_figures(snap_compare: Snap, ws: Workspace, clock: Clock,
                                       size: tuple[int, int]) -> None:
    """§ 6 in March: those in force for Q1, two chosen for Q2 (one an area, linked and marked
    in the figures; one free text), the last four quarters' figures beside or under them."""
    est_year(ws, clock)
    meeting_id = march_meeting(ws, clock)

    async def choose(pilot: Pilot[Any]) -> None:
        await pilot.press("6", "e", *"Sta", "tab", *"Trygga skolvägar", "enter", "escape")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=choose)


@pytest.mark.parametrize("size", SIZES)
def test_problem_course(snap_compare: Snap, in_meeting: tuple[Workspace, int],
                        size: tuple[int, int]) -> None:
    """f on the carried observation: first noted, meeting by meeting, the measures of March
    with their status now."""
    ws, meeting_id = in_meeting

    async def course(pilot: Pilot[Any]) -> None:
        await pilot.press("f")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=course)


def _causes_and_measures(ws: Workspace, meeting_id: int) -> None:
    """Skolan as issue 15 §2 records it: two causes (one from data, one an assumption), its
    measure against both, selective, its method tested; a second measure against none."""
    from meetingtui.model import (
        Cause,
        CauseBasis,
        Dimension,
        Measure,
        MeasureType,
        PreventionLevel,
        ProvenMethod,
    )
    from meetingtui.services import lagesbild

    skolan = next(o for o in lagesbild.observations(ws, meeting_id) if o.area == "Skolan")
    [light] = [c for c in lagesbild.causes(ws, meeting_id) if c.observation_id == skolan.id]
    light = lagesbild.save_cause(ws, light.model_copy(update={"basis": CauseBasis.DATA}),
                                 base=light)
    gang = lagesbild.save_cause(ws, Cause(
        observation_id=skolan.id or 0, text="Samma grupp äldre ungdomar varje helg, enligt "
        "räddningstjänsten och skolans personal", dimension=Dimension.OFFENDER,
        basis=CauseBasis.ASSUMPTION))
    [measure] = [m for m in lagesbild.measures(ws, meeting_id) if m.observation_id == skolan.id]
    lagesbild.save_measure(ws, measure.model_copy(update={
        "cause_ids": [light.id, gang.id], "level": PreventionLevel.SELECTIVE,
        "method": ProvenMethod.YES}), base=measure)
    lagesbild.save_measure(ws, Measure(
        meeting_id=meeting_id, text="Fältgång fredagar och lördagar kl. 21–01",
        owner="Fältsekreterare", observation_id=skolan.id, type=MeasureType.SOCIAL))


@pytest.mark.parametrize("size", SIZES)
def test_observation_with_causes_and_measures(
    snap_compare: Snap, in_meeting: tuple[Workspace, int], size: tuple[int, int],
) -> None:
    """An observation opened: causes numbered with what they rest on, each measure with the
    causes it addresses ("Mot orsak 1, 2") and its kind, whole words at 80×24 (issue 15 §2)."""
    ws, meeting_id = in_meeting
    _causes_and_measures(ws, meeting_id)

    async def open_skolan(pilot: Pilot[Any]) -> None:
        await pilot.press("4", "down", "enter")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=open_skolan)


@pytest.mark.parametrize("size", SIZES)
def test_measure_form_against_causes(
    snap_compare: Snap, in_meeting: tuple[Workspace, int], size: tuple[int, int],
) -> None:
    """The measure form on the causes list: "[x]" before each chosen one, the cursor on the
    second, level and method chosen (issue 15 §2)."""
    ws, meeting_id = in_meeting
    _causes_and_measures(ws, meeting_id)

    async def edit(pilot: Pilot[Any]) -> None:
        await pilot.press("4", "down", "enter", "tab", "enter", *["tab"] * 7, "down")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=edit)


@pytest.mark.parametrize("size", SIZES)
def test_export_dialog_offers_the_documents_upward(
    snap_compare: Snap, in_meeting: tuple[Workspace, int], size: tuple[int, int],
) -> None:
    """F6 with the document moved on to the yearly lägesbild and åtgärdsplan (issue 16 §5)."""
    ws, meeting_id = in_meeting

    async def choose(pilot: Pilot[Any]) -> None:
        await pilot.press("f6", "tab", "tab", "right")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=choose)

@pytest.mark.parametrize("size", SIZES)
def test_new_meeting_form_with_its_attendance(
    snap_compare: Snap, seeded: tuple[Workspace, int, list[int]], size: tuple[int, int],
) -> None:
    """n on the home screen: the attendance as § Närvaro shows it, the presence in sight at
    80×24 (it scrolled sideways), one member marked absent."""

    async def plan(pilot: Pilot[Any]) -> None:
        await pilot.press("n", *["tab"] * 6, "down", "space")
        await settle(pilot)

    assert snap_compare(app_for(seeded[0]), terminal_size=size, run_before=plan)
