"""One problem, one history (issue 15 §1): an observation carried from meeting to meeting keeps
what every meeting found and decided on it; a closed problem stops coming along; two
observations found to be one problem are merged, on the record, confidential as a whole."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from meetingtui.export.minutes.markdown import build_minutes_md
from meetingtui.model import (
    Cause,
    Dimension,
    Measure,
    MeasureStatus,
    Observation,
    ObservationStatus,
    Trend,
)
from meetingtui.privacy import public_view
from meetingtui.services import followup, lagesbild, meetings, problems
from meetingtui.services.record import load_meeting
from meetingtui.services.workspace import Workspace
from meetingtui.store.rows import Gone
from tests.conftest import Clock
from tests.scenarios.helpers import group_id, scenario_workspace

SEP, OCT, NOV, DEC = date(2026, 9, 9), date(2026, 10, 14), date(2026, 11, 11), date(2026, 12, 9)


def hold(ws: Workspace, clock: Clock, day: date) -> int:
    """A meeting of the EST on `day`, started (what the last one left open comes along)."""
    clock.now = datetime.combine(day, time(13, 0))
    meeting = meetings.plan_meeting(ws, group_id(ws, "EST"), day, start=time(13, 0),
                                    place="Kommunhuset")
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return meeting.id


def close(ws: Workspace, clock: Clock, meeting_id: int) -> None:
    clock.now = clock.now.replace(hour=14, minute=30)
    meetings.close_meeting(ws, meeting_id)


def only(ws: Workspace, meeting_id: int) -> Observation:
    [observation] = lagesbild.observations(ws, meeting_id)
    return observation


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return scenario_workspace(tmp_path, Clock(datetime(2026, 9, 9, 13, 0)), "Herrljunga kommun")


@pytest.fixture
def clock(ws: Workspace) -> Clock:
    assert isinstance(ws.clock, Clock)
    return ws.clock


def three_meetings(ws: Workspace, clock: Clock) -> tuple[int, int, int]:
    """The tunnel's graffiti: noted in September (a cause, a measure), carried to October (a
    second measure on the copy), carried to November (a second cause). Returns the meetings."""
    sep = hold(ws, clock, SEP)
    tunnel = lagesbild.save_observation(ws, Observation(
        meeting_id=sep, area="Stationsområdet", place_detail="Gångtunneln", category="Klotter",
        description="Klotter i gångtunneln", source="Teknisk förvaltning", trend=Trend.NEW,
        level=2))
    assert tunnel.id is not None
    lagesbild.save_cause(ws, Cause(observation_id=tunnel.id, text="Ingen belysning",
                                   dimension=Dimension.PLACE))
    sanera = lagesbild.save_measure(ws, Measure(
        meeting_id=sep, observation_id=tunnel.id, text="Sanera klottret", owner="Mats Ek",
        owner_org="Teknisk förvaltning", due=date(2026, 9, 30)))
    close(ws, clock, sep)
    october = hold(ws, clock, OCT)
    copy = only(ws, october)
    assert copy.id is not None
    lagesbild.save_measure(ws, Measure(
        meeting_id=october, observation_id=copy.id, text="Belysning i tunneln",
        owner="Mats Ek", due=date(2026, 11, 30)))
    assert sanera.id is not None
    followup.record_update(ws, sanera.id, MeasureStatus.IN_PROGRESS, "Saneras v. 43",
                           meeting_id=october)
    close(ws, clock, october)
    november = hold(ws, clock, NOV)
    latest = only(ws, november)
    assert latest.id is not None
    lagesbild.save_cause(ws, Cause(observation_id=latest.id, text="Skymd av buskar",
                                   dimension=Dimension.PLACE))
    return sep, october, november


def test_a_problem_carried_over_keeps_its_causes_and_measures(ws: Workspace,
                                                               clock: Clock) -> None:
    sep, october, november = three_meetings(ws, clock)
    latest = only(ws, november)
    assert latest.id is not None
    history = problems.history(ws, latest.id)
    assert history.first_noted == SEP and history.carried
    assert [seen.meeting_date for seen in history.appearances] == [SEP, OCT, NOV]
    assert [c.row.text for c in history.causes] == ["Ingen belysning", "Skymd av buskar"]
    assert [(m.row.text, m.row.status) for m in history.measures] == [
        ("Sanera klottret", MeasureStatus.IN_PROGRESS),
        ("Belysning i tunneln", MeasureStatus.NOT_STARTED)]
    # The lägesbild counts the problem's, not the copy's.
    assert problems.counts(ws, november) == {latest.id: (2, 2)}
    # A meeting counts what was known up to it, never what later meetings added.
    assert problems.counts(ws, october) == {only(ws, october).id: (1, 2)}
    assert problems.counts(ws, sep) == {only(ws, sep).id: (1, 1)}
    first = only(ws, sep)
    assert first.id is not None
    assert [seen.meeting_date for seen in problems.history(ws, first.id).appearances] == [SEP]


def test_a_carried_problem_is_no_longer_new_but_keeps_its_direction(ws: Workspace,
                                                                     clock: Clock) -> None:
    sep = hold(ws, clock, SEP)
    for trend in (Trend.NEW, Trend.RISING, Trend.FALLING, Trend.UNCHANGED):
        lagesbild.save_observation(ws, Observation(
            meeting_id=sep, area=trend.value, description="x", trend=trend))
    close(ws, clock, sep)
    october = hold(ws, clock, OCT)
    assert [(o.area, o.trend) for o in lagesbild.observations(ws, october)] == [
        ("new", Trend.UNCHANGED), ("rising", Trend.RISING), ("falling", Trend.FALLING),
        ("unchanged", Trend.UNCHANGED)]


@pytest.mark.parametrize(("status", "comes_along"), [
    (ObservationStatus.OPEN, True), (ObservationStatus.WATCHED, True),
    (ObservationStatus.HANDLED, False), (ObservationStatus.DISMISSED, False)])
def test_a_closed_problem_stops_coming_along(ws: Workspace, clock: Clock,
                                             status: ObservationStatus, comes_along: bool) -> None:
    sep = hold(ws, clock, SEP)
    seen = lagesbild.save_observation(ws, Observation(meeting_id=sep, area="Centrum",
                                                      description="Klotter"))
    lagesbild.save_observation(ws, seen.model_copy(update={"status": status}), base=seen)
    close(ws, clock, sep)
    october = hold(ws, clock, OCT)
    assert bool(lagesbild.observations(ws, october)) is comes_along


def test_the_minutes_of_a_carried_problem_list_its_earlier_measures_as_they_stood(
        ws: Workspace, clock: Clock) -> None:
    sep, october, november = three_meetings(ws, clock)
    # October's minutes, closed: the cleaning was in progress then (and late), whatever later.
    sanera = next(m for m in lagesbild.measures(ws, sep) if m.text == "Sanera klottret")
    assert sanera.id is not None
    followup.record_update(ws, sanera.id, MeasureStatus.DONE, "Klart", meeting_id=november)
    oct_minutes = build_minutes_md(load_meeting(ws, october), public=False, municipality="H")
    assert ("**Tidigare åtgärder:** Sanera klottret (Mats Ek, Teknisk förvaltning): "
            "pågående (försenad)") in oct_minutes
    nov_minutes = build_minutes_md(load_meeting(ws, november), public=False, municipality="H")
    assert ("**Tidigare åtgärder:** Sanera klottret (Mats Ek, Teknisk förvaltning): "
            "genomförd; Belysning i tunneln (Mats Ek): ej påbörjad") in nov_minutes
    # September noted the problem first: nothing earlier to list.
    assert "Tidigare åtgärder" not in build_minutes_md(load_meeting(ws, sep), public=False,
                                                      municipality="H")


def test_the_public_minutes_never_list_a_confidential_problems_earlier_measures(
        ws: Workspace, clock: Clock) -> None:
    _sep, _october, november = three_meetings(ws, clock)
    latest = only(ws, november)
    assert latest.id is not None
    lagesbild.set_confidential(ws, latest.id, True, by="Karin Ek")
    record = load_meeting(ws, november)
    public = public_view(record)
    assert all(not d.earlier_measures for d in public.observations)
    text = build_minutes_md(record, public=True, municipality="H")
    assert "Sanera klottret" not in text and "Tidigare åtgärder" not in text


def two_in_one_meeting(ws: Workspace, clock: Clock, *,
                       confidential: bool = False) -> tuple[int, Observation, Observation]:
    """September noted the tunnel; October carried it and noted "graffiti at the station" anew,
    with a cause and a measure, which turns out to be the same problem."""
    sep = hold(ws, clock, SEP)
    lagesbild.save_observation(ws, Observation(meeting_id=sep, area="Stationsområdet",
                                               description="Klotter i gångtunneln"))
    close(ws, clock, sep)
    october = hold(ws, clock, OCT)
    carried = only(ws, october)
    again = lagesbild.save_observation(ws, Observation(
        meeting_id=october, area="Stationen", description="Klotter vid stationen",
        confidential=confidential))
    assert again.id is not None
    lagesbild.save_cause(ws, Cause(observation_id=again.id, text="Mörkt"))
    lagesbild.save_measure(ws, Measure(meeting_id=october, observation_id=again.id,
                                       text="Sanera stationen", owner="Mats Ek"))
    return october, carried, again


def test_two_observations_that_are_one_problem_are_merged_on_the_record(
        ws: Workspace, clock: Clock) -> None:
    october, carried, again = two_in_one_meeting(ws, clock)
    assert carried.id is not None
    kept = problems.merge(ws, carried, again, by="Karin Ek", why="Samma klotter")
    assert [o.id for o in lagesbild.observations(ws, october)] == [carried.id]
    history = problems.history(ws, carried.id)
    assert [c.row.text for c in history.causes] == ["Mörkt"]
    assert [m.row.text for m in history.measures] == ["Sanera stationen"]
    assert [(m.merged_problem_id, m.by, m.why) for m in history.merges] == [
        (again.problem_id, "Karin Ek", "Samma klotter")]
    assert problems.counts(ws, october) == {carried.id: (1, 1)}
    assert kept.problem_id == carried.problem_id
    # Merging again changes nothing.
    assert problems.merge(ws, kept, kept) == kept


def test_merging_a_confidential_observation_makes_the_whole_problem_confidential(
        ws: Workspace, clock: Clock) -> None:
    october, carried, again = two_in_one_meeting(ws, clock, confidential=True)
    assert carried.id is not None
    problems.merge(ws, carried, again, by="Karin Ek", why="Samma")
    history = problems.history(ws, carried.id)
    assert all(seen.observation.confidential for seen in history.appearances)
    assert all(m.row.confidential for m in history.measures)
    # September's closed minutes now leave the problem out of the public version: on the
    # record, as an amendment saying who and why.
    sep = history.appearances[0].meeting_id
    record = load_meeting(ws, sep)
    assert [(a.by, a.why) for a in record.amendments] == [
        ("Karin Ek", "Sammanslaget med ett problem som omfattas av sekretess")]
    assert "gångtunneln" not in build_minutes_md(record, public=True, municipality="H")
    # No amendment for October, which is still running.
    assert load_meeting(ws, october).amendments == []


def test_only_observations_of_one_meeting_are_merged_and_a_removed_one_is_gone(
        ws: Workspace, clock: Clock) -> None:
    october, carried, again = two_in_one_meeting(ws, clock)
    september = only(ws, meetings.list_meetings(ws)[0].id or 0)
    with pytest.raises(problems.NotOneMeeting):
        problems.merge(ws, carried, september)
    lagesbild.remove_observation(ws, again)  # another program removed it meanwhile
    with pytest.raises(Gone):
        problems.merge(ws, carried, again)
    assert [o.id for o in lagesbild.observations(ws, october)] == [carried.id]


def test_an_earlier_measure_kept_confidential_is_marked_inside_and_left_out_in_public(
        ws: Workspace, clock: Clock) -> None:
    sep = hold(ws, clock, SEP)
    seen = lagesbild.save_observation(ws, Observation(meeting_id=sep, area="Centrum",
                                                      description="Klotter på torget"))
    for text, secret in (("Sanera torget", False), ("Kamerabevakning 19811218-9876", True)):
        lagesbild.save_measure(ws, Measure(meeting_id=sep, observation_id=seen.id, text=text,
                                           owner="Mats Ek", confidential=secret))
    close(ws, clock, sep)
    october = hold(ws, clock, OCT)
    record = load_meeting(ws, october)
    inside = build_minutes_md(record, public=False, municipality="H")
    assert ("**Tidigare åtgärder:** Sanera torget (Mats Ek): ej påbörjad; Kamerabevakning "
            "19811218-9876 (Mats Ek): ej påbörjad SEKRETESS") in inside
    public = build_minutes_md(record, public=True, municipality="H")
    assert "**Tidigare åtgärder:** Sanera torget (Mats Ek): ej påbörjad\n" in public
    assert "Kamerabevakning" not in public and "811218" not in public


def test_a_personnummer_in_an_earlier_measures_owner_is_found_before_the_public_minutes(
        ws: Workspace, clock: Clock) -> None:
    from meetingtui.privacy import scan_record

    sep = hold(ws, clock, SEP)
    seen = lagesbild.save_observation(ws, Observation(meeting_id=sep, area="Centrum",
                                                      description="Klotter på torget"))
    lagesbild.save_measure(ws, Measure(meeting_id=sep, observation_id=seen.id,
                                       text="Sanera torget", owner="Mats Ek 19811218-9876",
                                       owner_org="Teknik 811218-9876"))
    close(ws, clock, sep)
    october = hold(ws, clock, OCT)
    found = scan_record(load_meeting(ws, october), public=True)
    places = [where.place for where in found]
    assert any("earlier measure 1, owner" in place for place in places), places
    assert any("earlier measure 1, owner organisation" in place for place in places), places


def test_a_problems_counts_read_its_own_rows_only(tmp_path: Path) -> None:
    """Counting each problem's causes and measures over every appearance goes through the
    indexes, never a scan of every measure ever recorded per observation (it took 1.1 s for a
    lägesbild of 200 at ten years, on every save)."""
    from meetingtui.store.db import Store
    from meetingtui.store.problems import COUNTS_SQL

    store = Store.open(tmp_path / "m.db")
    try:
        plan = " ".join(row[3] for row in store.conn.execute(
            "EXPLAIN QUERY PLAN " + COUNTS_SQL, [1]))
    finally:
        store.close()
    assert "SCAN ms" not in plan and "SCAN c" not in plan and "SCAN a" not in plan
