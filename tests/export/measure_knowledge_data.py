"""A meeting whose measures say what they address and what kind of prevention they are, for the
tests of the minutes (`test_measure_knowledge_minutes.py`) and of the action lists
(`test_measure_knowledge_action_lists.py`): the recorded meeting as a fixture, the helpers that
record one, and the confidential problem's words no public output may show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pytest

from meetingtui.export.minutes import export_minutes
from meetingtui.model import (
    Cause,
    CauseBasis,
    Dimension,
    Measure,
    MeasureType,
    Observation,
    PreventionLevel,
    ProvenMethod,
)
from meetingtui.services import groups, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock

SECRET = ["Cykelrummet i Hagen", "Olåsta cykelrum i Hagen", "Byta lås i Hagen",
          "Lars Ågren-Hemlig"]


@dataclass(frozen=True)
class Recorded:
    ws: Workspace
    meeting: int
    folder: Path


def _meeting(ws: Workspace, clock: Clock, day: date) -> int:
    groups.ensure_groups(ws)
    group = groups.find_group(ws, "EST")
    assert group is not None and group.id is not None
    clock.now = datetime.combine(day, time(9, 0))
    meeting = meetings.plan_meeting(ws, group.id, day, place="Kommunhuset")
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return meeting.id


def _cause(ws: Workspace, observation: Observation, text: str, basis: CauseBasis,
           dimension: Dimension = Dimension.PLACE) -> Cause:
    assert observation.id is not None
    return lagesbild.save_cause(ws, Cause(observation_id=observation.id, text=text, basis=basis,
                                          dimension=dimension))


def _measure(ws: Workspace, meeting: int, observation: Observation | None, text: str,
             causes: list[Cause], kind: MeasureType, level: PreventionLevel,
             method: ProvenMethod, owner: str = "Sara Holm") -> Measure:
    return lagesbild.save_measure(ws, Measure(
        meeting_id=meeting, text=text, owner=owner, due=date(2026, 11, 30),
        observation_id=observation.id if observation else None,
        cause_ids=[c.id for c in causes if c.id is not None], type=kind, level=level,
        method=method))


def record(ws: Workspace, clock: Clock, folder: Path) -> Recorded:
    """September: the tunnel and its dark; October (another day than today): the tunnel again
    with a cause of its own, Torget with two causes and two measures (one against both, one
    against none), Hagen in confidence, and one measure decided in the action plan."""
    september = _meeting(ws, clock, date(2026, 9, 9))
    tunnel = lagesbild.save_observation(ws, Observation(
        meeting_id=september, area="Gångtunneln", category="Klotter",
        description="Klotter i gångtunneln"))
    dark = _cause(ws, tunnel, "Mörk gångtunnel", CauseBasis.DATA)
    meetings.close_meeting(ws, september)
    october = _meeting(ws, clock, date(2026, 10, 14))
    clock.now = datetime(2026, 10, 15, 9, 0)
    [again] = lagesbild.observations(ws, october)
    seen = _cause(ws, again, "Syns från tåget", CauseBasis.ASSUMPTION)
    _measure(ws, october, again, "Belysning i tunneln", [dark, seen], MeasureType.SITUATIONAL,
             PreventionLevel.UNIVERSAL, ProvenMethod.YES, owner="Mats Ek")
    torget = lagesbild.save_observation(ws, Observation(
        meeting_id=october, area="Centrum", place_detail="Torget", category="Otrygghet",
        description="Ungdomar samlas fredagskvällar"))
    adults = _cause(ws, torget, "Ingen vuxennärvaro kvällstid", CauseBasis.DATA)
    youth = _cause(ws, torget, "Fritidsgården stänger kl. 21", CauseBasis.UNSAID,
                   Dimension.OFFENDER)
    _measure(ws, october, torget, "Nattvandring fredagar", [adults, youth], MeasureType.SOCIAL,
             PreventionLevel.SELECTIVE, ProvenMethod.NO)
    _measure(ws, october, torget, "Information till föräldrar", [], MeasureType.SOCIAL,
             PreventionLevel.UNSAID, ProvenMethod.UNKNOWN)
    hagen = lagesbild.save_observation(ws, Observation(
        meeting_id=october, area="Cykelrummet i Hagen", category="Narkotika",
        description="Misstänkt försäljning", confidential=True))
    locks = _cause(ws, hagen, "Olåsta cykelrum i Hagen", CauseBasis.DATA)
    _measure(ws, october, hagen, "Byta lås i Hagen", [locks], MeasureType.SITUATIONAL,
             PreventionLevel.INDICATED, ProvenMethod.YES, owner="Lars Ågren-Hemlig")
    _measure(ws, october, None, "Se över skyltningen", [], MeasureType.SITUATIONAL,
             PreventionLevel.UNSAID, ProvenMethod.UNKNOWN, owner="Mats Ek")
    return Recorded(ws, october, folder)


@pytest.fixture
def recorded(ws: Workspace, clock: Clock, tmp_path: Path) -> Recorded:
    return record(ws, clock, tmp_path / "out")


def _minutes(rec: Recorded, fmt: str, public: bool) -> Path:
    name = f"{'public' if public else 'internal'}.{fmt}"
    return export_minutes(rec.ws, rec.meeting, public=public, fmt=fmt,  # type: ignore[arg-type]
                          path=rec.folder / name).path
