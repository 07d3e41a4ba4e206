"""Helpers for the tests of measures and their causes (issue 15 §2): a started EST meeting,
an observation, a cause, a measure tied to causes, and the ties as stored."""

from __future__ import annotations

from datetime import date, datetime, time

from meetingtui.model import Cause, CauseBasis, Measure, Observation
from meetingtui.services import groups, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock


def _meeting(ws: Workspace, clock: Clock, day: date) -> int:
    groups.ensure_groups(ws)
    group = groups.find_group(ws, "EST")
    assert group is not None and group.id is not None
    clock.now = datetime.combine(day, time(9, 0))
    meeting = meetings.plan_meeting(ws, group.id, day)
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return meeting.id


def _observation(ws: Workspace, meeting_id: int, area: str = "Hagen",
                 confidential: bool = False) -> Observation:
    return lagesbild.save_observation(ws, Observation(
        meeting_id=meeting_id, area=area, description=f"Skadegörelse i {area}",
        confidential=confidential))


def _cause(ws: Workspace, observation: Observation, text: str,
           basis: CauseBasis = CauseBasis.UNSAID) -> Cause:
    assert observation.id is not None
    return lagesbild.save_cause(ws, Cause(observation_id=observation.id, text=text, basis=basis))


def _measure(ws: Workspace, meeting_id: int, observation: Observation | None,
             causes: list[Cause], text: str = "Byta lås", **fields: object) -> Measure:
    return lagesbild.save_measure(ws, Measure.model_validate({
        "meeting_id": meeting_id, "text": text, "owner": "Lars Ågren",
        "observation_id": observation.id if observation else None,
        "cause_ids": [c.id for c in causes], **fields}))


def _ties(ws: Workspace, measure: Measure) -> list[int]:
    return [row[0] for row in ws.store.conn.execute(
        "SELECT cause_id FROM measure_causes WHERE measure_id = ? ORDER BY cause_id",
        [measure.id])]


def _first_cause(ws: Workspace, measure: Measure) -> int | None:
    row = ws.store.conn.execute("SELECT cause_id FROM measures WHERE id = ?",
                                [measure.id]).fetchone()
    return None if row is None else row[0]
