"""A year of an EST group's meetings for the figures' screens: problems carried over quarters
with their trends, a confidential one, and measures done, cancelled and late."""

from __future__ import annotations

from datetime import date, datetime

from meetingtui.model import Measure, MeasureStatus, MeasureType, Observation, Trend
from meetingtui.services import followup, lagesbild, meetings, priorities
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.meeting_helpers import est_group, start_est_meeting

#: (day, new observations (area, category, trend, confidential), trends of those carried)
YEAR = [
    (date(2025, 5, 13), [("Centrum", "Klotter", Trend.NEW, False),
                         ("Skolan", "Skadegörelse", Trend.NEW, False)], {}),
    (date(2025, 8, 12), [("Stationen", "Ordningsstörning", Trend.NEW, True)],
     {"Centrum": Trend.RISING, "Skolan": Trend.UNCHANGED}),
    (date(2025, 11, 11), [("Hamnen", "Nedskräpning", Trend.NEW, False)],
     {"Centrum": Trend.RISING, "Skolan": Trend.FALLING, "Stationen": Trend.RISING}),
    (date(2026, 2, 10), [("Centrum", "Otrygghet", Trend.NEW, False)],
     {"Centrum": Trend.FALLING, "Skolan": Trend.FALLING, "Stationen": Trend.UNCHANGED,
      "Hamnen": Trend.RISING}),
]


def est_year(ws: Workspace, clock: Clock) -> int:
    """The meetings above, each closed; returns the EST group's id."""
    measures: list[int] = []
    for number, (day, new, carried) in enumerate(YEAR):
        meeting_id = start_est_meeting(ws, clock, day)
        for old in lagesbild.observations(ws, meeting_id):
            if old.area in carried and old.carried_over_from is not None:
                lagesbild.save_observation(ws, old.model_copy(
                    update={"trend": carried[old.area]}), base=old)
        for area, category, trend, secret in new:
            lagesbild.save_observation(ws, Observation(
                meeting_id=meeting_id, area=area, category=category, trend=trend,
                description=f"{category} i {area}", confidential=secret))
        if number == 1:  # the first measure done, the second cancelled
            followup.record_update(ws, measures[0], MeasureStatus.DONE, meeting_id=meeting_id)
            followup.record_update(ws, measures[1], MeasureStatus.CANCELLED,
                                   meeting_id=meeting_id)
        stored = lagesbild.save_measure(ws, Measure(
            meeting_id=meeting_id, text=f"Åtgärd {number + 1}", owner="Teknisk förvaltning",
            due=date(day.year, day.month, 28), type=MeasureType.SITUATIONAL))
        other = lagesbild.save_measure(ws, Measure(
            meeting_id=meeting_id, text=f"Samtal {number + 1}", owner="Socialtjänsten",
            due=day.replace(day=day.day + 10), type=MeasureType.SOCIAL))
        assert stored.id is not None and other.id is not None
        measures += [stored.id, other.id]
        if number == 2:  # November chooses for the coming quarter, 2026-Q1
            priorities.set_priorities(ws, meeting_id, ["Centrum", "Skolan", "Hamnen"])
        meetings.close_meeting(ws, meeting_id)
    return est_group(ws)


def march_meeting(ws: Workspace, clock: Clock) -> int:
    """EST's March meeting, running, with February's problems carried over."""
    meeting_id = start_est_meeting(ws, clock, date(2026, 3, 10))
    clock.now = datetime(2026, 3, 10, 9, 30)
    return meeting_id
