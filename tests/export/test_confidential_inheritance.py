"""How confidentiality carries over, in the services: a measure tied only to a confidential cause
is confidential; marking a problem confidential (on purpose, never by saving the form) takes its
earlier and carried-over observations and their measures along, is recorded, and notes an
amendment in every closed meeting whose public minutes it changes; marking it public again
brings them all back."""

from __future__ import annotations

from datetime import date

from meetingtui.export.minutes import export_minutes
from meetingtui.model import (
    Cause,
    Measure,
    MeasureStatus,
    Observation,
    ObservationStatus,
)
from meetingtui.services import followup, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.store.amendments import amendments_of
from tests.conftest import Clock
from tests.export.confidential_data import (
    CAUSE_TEXT,
    LATE_AREA,
    LATE_MEASURE,
    LATE_OWNER,
    LATE_TEXT,
    MEASURE_OWNER,
    MEASURE_TEXT,
    OBS_AREA,
    OBS_TEXT,
    _meeting,
)

# --- how measures inherit it (the services keep the flag on the measure itself) -----------------

def test_a_measure_tied_only_to_a_confidential_cause_is_confidential(ws: Workspace,
                                                                      clock: Clock) -> None:
    meeting_id = _meeting(ws, clock, date(2026, 11, 10))
    secret = lagesbild.save_observation(ws, Observation(
        meeting_id=meeting_id, area=OBS_AREA, description=OBS_TEXT, confidential=True))
    assert secret.id is not None
    cause = lagesbild.save_cause(ws, Cause(observation_id=secret.id, text=CAUSE_TEXT))
    saved = lagesbild.save_measure(ws, Measure(meeting_id=meeting_id, text=MEASURE_TEXT,
                                               owner=MEASURE_OWNER, cause_id=cause.id))
    assert saved.confidential
    assert [m.confidential for m in lagesbild.measures(ws, meeting_id)] == [True]


def test_marking_a_carried_observation_confidential_takes_earlier_measures_along(
        ws: Workspace, clock: Clock) -> None:
    first = _meeting(ws, clock, date(2026, 10, 13))
    seen = lagesbild.save_observation(ws, Observation(meeting_id=first, area=LATE_AREA,
                                                      description=LATE_TEXT))
    cause = lagesbild.save_cause(ws, Cause(observation_id=seen.id or 0, text=CAUSE_TEXT))
    lagesbild.save_measure(ws, Measure(meeting_id=first, text=LATE_MEASURE, owner=LATE_OWNER,
                                       observation_id=seen.id))
    lagesbild.save_measure(ws, Measure(meeting_id=first, text=MEASURE_TEXT, owner=LATE_OWNER,
                                       cause_id=cause.id))
    lagesbild.save_measure(ws, Measure(meeting_id=first, text="Sanera klotter",
                                       owner="Per Holm"))
    meetings.close_meeting(ws, first)
    second = _meeting(ws, clock, date(2026, 11, 10))
    [carried] = lagesbild.observations(ws, second)
    assert carried.carried_over_from == seen.id and carried.id is not None
    # Saving the form with the flag changed is not how it changes: only on purpose.
    lagesbild.save_observation(ws, carried.model_copy(update={"confidential": True}),
                               base=carried)
    assert not lagesbild.get_observation(ws, carried.id).confidential
    lagesbild.set_confidential(ws, carried.id, True, by="Eva Berg", reason="Polisens uppgifter")
    flags = {m.text: m.confidential for m in lagesbild.measures(ws, first)}
    assert flags == {LATE_MEASURE: True, MEASURE_TEXT: True, "Sanera klotter": False}
    # The problem is confidential as a whole: the earlier meeting's original too, on record.
    assert [o.confidential for o in lagesbild.observations(ws, first)] == [True]
    [marked] = amendments_of(ws.store, first)
    assert (marked.by, marked.why, marked.new) == ("Eva Berg", "Polisens uppgifter", "Sekretess")
    # Public again only on purpose, for the whole problem, and recorded.
    lagesbild.set_confidential(ws, carried.id, False, by="Eva Berg", reason="Åtal väckt")
    assert not any(m.confidential for m in lagesbild.measures(ws, first))
    assert [o.confidential for o in lagesbild.observations(ws, first)] == [False]
    assert [a.why for a in amendments_of(ws.store, first)] == [
        "Polisens uppgifter", "Åtal väckt"]
    changes = ws.store.conn.execute(
        "SELECT by, confidential, reason FROM confidentiality_changes ORDER BY id").fetchall()
    assert changes == [("Eva Berg", 1, "Polisens uppgifter"), ("Eva Berg", 0, "Åtal väckt")]


def test_marking_an_observation_confidential_takes_its_carried_copies_along(
        ws: Workspace, clock: Clock) -> None:
    """Meeting 2 already carried the observation over when meeting 1 marked it confidential:
    meeting 2's public minutes must not show the copy."""
    first = _meeting(ws, clock, date(2026, 10, 13))
    seen = lagesbild.save_observation(ws, Observation(meeting_id=first, area=LATE_AREA,
                                                      description=LATE_TEXT))
    lagesbild.save_observation(ws, Observation(meeting_id=first, area="Centrum",
                                                description="Klotter vid torget"))
    meetings.close_meeting(ws, first)
    second = _meeting(ws, clock, date(2026, 11, 10))
    copy = next(o for o in lagesbild.observations(ws, second) if o.carried_over_from == seen.id)
    lagesbild.save_measure(ws, Measure(meeting_id=second, text=LATE_MEASURE, owner=LATE_OWNER,
                                       observation_id=copy.id))
    assert seen.id is not None
    lagesbild.set_confidential(ws, seen.id, True)
    flags = {o.area: o.confidential for o in lagesbild.observations(ws, second)}
    assert flags == {LATE_AREA: True, "Centrum": False}
    assert [m.confidential for m in lagesbild.measures(ws, second)] == [True]
    public = export_minutes(ws, second, public=True, fmt="md",
                            path=ws.locations.exports / "p.md").path.read_text("utf-8")
    assert LATE_AREA not in public and LATE_MEASURE not in public and "Centrum" in public


def test_marking_a_problem_notes_every_closed_meeting_whose_minutes_it_changes(
        ws: Workspace, clock: Clock) -> None:
    """October decided a measure on the problem, November followed it up (and closed); marking
    the problem in December changes both meetings' public minutes: both get an amendment, and
    the areas of the problem are not quoted in them."""
    first = _meeting(ws, clock, date(2026, 10, 13))
    seen = lagesbild.save_observation(ws, Observation(meeting_id=first, area=LATE_AREA,
                                                      description=LATE_TEXT,
                                                      status=ObservationStatus.HANDLED))
    measure = lagesbild.save_measure(ws, Measure(meeting_id=first, text=LATE_MEASURE,
                                                 owner=LATE_OWNER, observation_id=seen.id))
    meetings.close_meeting(ws, first)
    second = _meeting(ws, clock, date(2026, 11, 10))
    assert measure.id is not None
    followup.record_update(ws, measure.id, MeasureStatus.IN_PROGRESS, "Påbörjad",
                           meeting_id=second)
    meetings.close_meeting(ws, second)
    assert seen.id is not None
    lagesbild.set_confidential(ws, seen.id, True, by="Eva Berg", reason="Skyddad identitet")
    for meeting_id in (first, second):
        [change] = amendments_of(ws.store, meeting_id)
        assert change.why == "Skyddad identitet" and LATE_AREA not in change.what
