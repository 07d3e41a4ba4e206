"""A cause removed (issue 15 §2): its measures outlive it without it, a measure read before the
removal is still edited, a measure on the removed cause alone still follows its problem's
confidentiality, and a closed meeting's measure notes the removal as an amendment."""

from __future__ import annotations

from datetime import date

import pytest

from meetingtui.services import lagesbild, meetings
from meetingtui.services.amend import amending
from meetingtui.services.errors import MeetingClosed
from meetingtui.services.workspace import Workspace
from meetingtui.store.amendments import amendments_of
from tests.conftest import Clock
from tests.services.measure_causes_helpers import (
    _cause,
    _first_cause,
    _measure,
    _meeting,
    _observation,
    _ties,
)

# --- a cause removed ---------------------------------------------------------------------------

def test_removing_a_cause_keeps_its_measures_without_it(ws: Workspace, clock: Clock) -> None:
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    a, b = _cause(ws, hagen, "Olåsta"), _cause(ws, hagen, "Köpare")
    measure = _measure(ws, meeting, hagen, [a, b])
    assert [m.id for m in lagesbild.measures_addressing(ws, a)] == [measure.id]
    lagesbild.remove_cause(ws, a)
    [kept] = lagesbild.measures(ws, meeting)
    assert (kept.id, kept.cause_ids, kept.version) == (measure.id, [b.id], measure.version)
    assert lagesbild.measures_addressing(ws, b) == [kept]
    # The row stays (it still ties the measure to its problem); the first cause as it was.
    assert _ties(ws, kept) == [a.id, b.id] and _first_cause(ws, kept) == a.id
    # Edited afterwards, the measure keeps the tie it no longer shows, and nothing clashes.
    edited = lagesbild.save_measure(ws, kept.model_copy(update={"text": "Byta alla lås"}))
    assert edited.cause_ids == [b.id] and _ties(ws, edited) == [a.id, b.id]


def test_a_measure_read_before_its_cause_was_removed_is_still_edited(ws: Workspace,
                                                                     clock: Clock) -> None:
    """Another program removes the cause after this one read the measure: the text typed here
    is saved, not refused for a cause the user never touched (found by the confidentiality
    machine)."""
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    a = _cause(ws, hagen, "Olåsta")
    read = _measure(ws, meeting, hagen, [a])
    lagesbild.remove_cause(ws, a)  # the other program
    edited = lagesbild.save_measure(ws, read.model_copy(update={"text": "Byta alla lås"}),
                                    base=read)
    assert edited.text == "Byta alla lås" and edited.cause_ids == []
    assert _ties(ws, edited) == [a.id]
    # Without what was read (a script's stale copy), the same.
    again = lagesbild.save_measure(ws, edited.model_copy(update={"text": "Byta lås i dag",
                                                               "cause_ids": [a.id]}))
    assert again.text == "Byta lås i dag" and again.cause_ids == []


def test_a_measure_on_a_removed_cause_alone_still_follows_its_problem(ws: Workspace,
                                                                      clock: Clock) -> None:
    """Decided on a cause only (no observation): removing the cause must not set it free of
    its problem's confidentiality, or the public minutes would show it once the problem is
    marked."""
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    cause = _cause(ws, hagen, "Olåsta")
    measure = _measure(ws, meeting, None, [cause])
    assert measure.cause_ids == [cause.id] and not measure.confidential
    lagesbild.remove_cause(ws, cause)
    # A form read before the removal, the cause unticked: still its problem's measure.
    lagesbild.save_measure(ws, measure.model_copy(update={"cause_ids": []}), base=measure)
    assert _ties(ws, measure) == [cause.id]
    lagesbild.set_confidential(ws, hagen.id or 0, True)
    assert lagesbild.measures(ws, meeting)[0].confidential
    lagesbild.set_confidential(ws, hagen.id or 0, False)
    assert not lagesbild.measures(ws, meeting)[0].confidential


def test_removing_a_cause_another_meeting_s_measure_addresses_is_noted_there(
        ws: Workspace, clock: Clock) -> None:
    september = _meeting(ws, clock, date(2026, 9, 9))
    first = _observation(ws, september, "Gångtunneln")
    dark = _cause(ws, first, "Mörk gångtunnel")
    meetings.close_meeting(ws, september)
    october = _meeting(ws, clock, date(2026, 10, 14))
    [again] = lagesbild.observations(ws, october)
    measure = _measure(ws, october, again, [dark], text="Belysning")
    meetings.close_meeting(ws, october)
    with pytest.raises(MeetingClosed):
        lagesbild.remove_cause(ws, dark)
    assert lagesbild.measures(ws, october)[0].cause_ids == [dark.id]
    with amending(ws, "Sara Holm", "Orsaken var fel"):
        lagesbild.remove_cause(ws, dark)
    assert lagesbild.measures(ws, october)[0].cause_ids == []
    [noted] = amendments_of(ws.store, october)
    assert (noted.what, noted.why) == (f"Åtgärd {measure.id}", "Orsaken var fel")
    assert f"orsak {dark.id}" in noted.old and "orsak" not in noted.new
    assert [a.what for a in amendments_of(ws.store, september)] == [
        f"Orsak {dark.id} borttagen"]
