"""In a closed meeting a measure's causes, level and method, and a cause's basis, change only
as an amendment (issue 15 §2)."""

from __future__ import annotations

from datetime import date

import pytest

from meetingtui.model import CauseBasis, PreventionLevel, ProvenMethod
from meetingtui.services import lagesbild, meetings
from meetingtui.services.amend import amending
from meetingtui.services.errors import MeetingClosed
from meetingtui.services.workspace import Workspace
from meetingtui.store.amendments import amendments_of
from tests.conftest import Clock
from tests.services.measure_causes_helpers import _cause, _measure, _meeting, _observation

# --- closed meetings ---------------------------------------------------------------------------

def test_a_closed_meeting_s_measure_changes_its_causes_level_or_method_only_as_an_amendment(
        ws: Workspace, clock: Clock) -> None:
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    cause = _cause(ws, hagen, "Olåsta")
    measure = _measure(ws, meeting, hagen, [])
    meetings.close_meeting(ws, meeting)
    for change in ({"cause_ids": [cause.id]}, {"level": PreventionLevel.INDICATED},
                   {"method": ProvenMethod.YES}):
        with pytest.raises(MeetingClosed):
            lagesbild.save_measure(ws, measure.model_copy(update=change), base=measure)
    assert lagesbild.measures(ws, meeting) == [measure]
    with amending(ws, "Sara Holm", "Orsaken glömdes"):
        stored = lagesbild.save_measure(ws, measure.model_copy(update={
            "cause_ids": [cause.id], "method": ProvenMethod.YES}), base=measure)
    assert stored.cause_ids == [cause.id] and stored.method is ProvenMethod.YES
    [noted] = amendments_of(ws.store, meeting)
    assert noted.what == f"Åtgärd {measure.id}"
    assert "method unknown" in noted.old and "method yes" in noted.new
    assert noted.new.endswith(f"; orsak {cause.id})")


def test_a_cause_s_basis_in_a_closed_meeting_is_an_amendment(ws: Workspace,
                                                              clock: Clock) -> None:
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    cause = _cause(ws, _observation(ws, meeting), "Mörkt", CauseBasis.ASSUMPTION)
    meetings.close_meeting(ws, meeting)
    with pytest.raises(MeetingClosed):
        lagesbild.save_cause(ws, cause.model_copy(update={"basis": CauseBasis.DATA}), base=cause)
    with amending(ws, "Sara Holm", "Polisens statistik visar det"):
        lagesbild.save_cause(ws, cause.model_copy(update={"basis": CauseBasis.DATA}), base=cause)
    [noted] = amendments_of(ws.store, meeting)
    assert (noted.old, noted.new) == ("place (assumption): Mörkt", "place (data): Mörkt")
