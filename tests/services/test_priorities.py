"""Priorities chosen for the coming quarter (seed 001, issue 15 §4): the quarter they are for,
what a later meeting takes over and shows as in force, the link to the lägesbild's areas and
their figures, and minutes that print the quarter chosen for and never change once closed."""

from __future__ import annotations

from datetime import date

import pytest

from meetingtui.export.minutes.markdown import build_minutes_md
from meetingtui.model import Observation, Priority, Trend
from meetingtui.services import lagesbild, meetings, priorities
from meetingtui.services.record import load_meeting
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.meeting_helpers import start_est_meeting


@pytest.mark.parametrize(("day", "coming"), [
    (date(2026, 10, 14), "2027-Q1"), (date(2026, 12, 31), "2027-Q1"),
    (date(2027, 1, 1), "2027-Q2"), (date(2027, 3, 31), "2027-Q2"),
    (date(2027, 4, 1), "2027-Q3"), (date(2027, 9, 30), "2027-Q4"),
])
def test_a_meeting_chooses_for_the_coming_quarter(day: date, coming: str) -> None:
    assert priorities.coming_quarter(day) == coming
    assert priorities.quarter_choices(day)[1] == coming


def test_quarters_follow_each_other_across_years() -> None:
    assert priorities.quarter_after("2026-Q4") == "2027-Q1"
    assert priorities.quarter_after("2026-Q1", 7) == "2027-Q4"
    assert priorities.quarter_choices(date(2026, 11, 11)) == ["2026-Q4", "2027-Q1", "2027-Q2"]


def test_a_quarter_is_written_as_the_minutes_print_it() -> None:
    Priority(meeting_id=1, position=1, title="Centrum", quarter="2027-Q1")
    for wrong in ("2027-Q5", "2027Q1", "Q1", "2027-Q0", "27-Q1"):
        with pytest.raises(ValueError):
            Priority(meeting_id=1, position=1, title="Centrum", quarter=wrong)


def _titles(ws: Workspace, meeting_id: int) -> list[tuple[str, str | None]]:
    return [(p.title, p.quarter) for p in priorities.priorities_for_meeting(ws, meeting_id)]


def _printed(ws: Workspace, meeting_id: int) -> list[str]:
    text = build_minutes_md(load_meeting(ws, meeting_id), public=False, municipality="K")
    start = text.index("**Prioriterade områden")
    return text[start:].split("\n\n")[0:2]


def test_the_year_of_a_monthly_group(ws: Workspace, clock: Clock) -> None:
    """October chooses for Q1; November takes them over and changes one; January (Q1) shows
    November's as in force and chooses for Q2; the closed minutes keep what each chose."""
    october = start_est_meeting(ws, clock, date(2026, 10, 14))
    assert priorities.chosen_quarter(ws, october) == "2027-Q1"
    assert priorities.in_force(ws, october) == []
    priorities.set_priorities(ws, october, ["Centrum", "", "Stationsområdet"])
    assert _titles(ws, october) == [("Centrum", "2027-Q1"), ("Stationsområdet", "2027-Q1")]
    meetings.close_meeting(ws, october)
    assert _printed(ws, october) == ["**Prioriterade områden 2027-Q1**",
                                     "1. Centrum\n2. Stationsområdet"]

    november = start_est_meeting(ws, clock, date(2026, 11, 11))
    assert _titles(ws, november) == [("Centrum", "2027-Q1"), ("Stationsområdet", "2027-Q1")]
    priorities.set_priorities(ws, november, ["Centrum", "Skolområdet"],
                              base=["Centrum", "Stationsområdet"])
    meetings.close_meeting(ws, november)

    january = start_est_meeting(ws, clock, date(2027, 1, 13))
    assert _titles(ws, january) == []  # nothing was chosen for Q2 yet
    assert priorities.chosen_quarter(ws, january) == "2027-Q2"
    assert [(p.title, p.quarter) for p in priorities.in_force(ws, january)] == [
        ("Centrum", "2027-Q1"), ("Skolområdet", "2027-Q1")]
    priorities.set_priorities(ws, january, ["Hamnen"])
    assert _titles(ws, january) == [("Hamnen", "2027-Q2")]
    # October's minutes are as they were closed.
    assert _printed(ws, october) == ["**Prioriterade områden 2027-Q1**",
                                     "1. Centrum\n2. Stationsområdet"]
    assert _printed(ws, november) == ["**Prioriterade områden 2027-Q1**",
                                      "1. Centrum\n2. Skolområdet"]


def test_the_chair_may_choose_for_another_quarter(ws: Workspace, clock: Clock) -> None:
    october = start_est_meeting(ws, clock, date(2026, 10, 14))
    priorities.set_priorities(ws, october, ["Centrum"], quarter="2026-Q4")
    assert _titles(ws, october) == [("Centrum", "2026-Q4")]
    assert _printed(ws, october)[0] == "**Prioriterade områden 2026-Q4**"
    # The titles kept, the quarter changed.
    priorities.set_priorities(ws, october, ["Centrum"], base=["Centrum"], quarter="2027-Q2",
                              base_quarter="2026-Q4")
    assert _titles(ws, october) == [("Centrum", "2027-Q2")]
    # A later meeting in Q4 shows October's choice for Q4 as in force no more (it is Q2's now).
    november = start_est_meeting(ws, clock, date(2026, 11, 11))
    assert priorities.in_force(ws, november) == []
    assert _titles(ws, november) == []  # nothing for its coming quarter (Q1)


def test_another_programs_change_is_not_overwritten(ws: Workspace, clock: Clock) -> None:
    october = start_est_meeting(ws, clock, date(2026, 10, 14))
    priorities.set_priorities(ws, october, ["Centrum"])
    priorities.set_priorities(ws, october, ["Centrum"], quarter="2026-Q4")  # the other program
    with pytest.raises(priorities.PrioritiesChanged) as raised:
        priorities.set_priorities(ws, october, ["Hamnen"], base=["Centrum"],
                                  base_quarter="2027-Q1")
    assert (raised.value.theirs, raised.value.quarter) == (["Centrum"], "2026-Q4")
    assert _titles(ws, october) == [("Centrum", "2026-Q4")]
    # Saving what is already stored is no conflict.
    priorities.set_priorities(ws, october, ["Centrum"], base=["Hamnen"], quarter="2026-Q4",
                              base_quarter="2027-Q1")


def test_a_closed_meetings_priorities_change_only_as_an_amendment(
        ws: Workspace, clock: Clock) -> None:
    from meetingtui.services.amend import amending
    from meetingtui.services.errors import MeetingClosed

    october = start_est_meeting(ws, clock, date(2026, 10, 14))
    priorities.set_priorities(ws, october, ["Centrum"])
    meetings.close_meeting(ws, october)
    with pytest.raises(MeetingClosed):
        priorities.set_priorities(ws, october, ["Hamnen"])
    with amending(ws, "Eva Berg", "Fel område"):
        priorities.set_priorities(ws, october, ["Hamnen"], quarter="2027-Q2")
    record = load_meeting(ws, october)
    assert [(a.what, a.old, a.new) for a in record.amendments] == [
        ("Prioriterade områden", "2027-Q1: Centrum", "2027-Q2: Hamnen")]


def test_a_priority_naming_an_area_is_linked_to_it(ws: Workspace, clock: Clock) -> None:
    september = start_est_meeting(ws, clock, date(2026, 9, 9))
    for area, trend in (("Centrum", Trend.NEW), ("Hamnen", Trend.RISING),
                        ("Centrum", Trend.FALLING)):
        lagesbild.save_observation(ws, Observation(
            meeting_id=september, area=area, description=f"{area} {trend}", trend=trend))
    meetings.close_meeting(ws, september)
    october = start_est_meeting(ws, clock, date(2026, 10, 14))  # both carried over
    areas = priorities.area_names(ws, october)
    assert areas == ["Centrum", "Hamnen"]  # most problems first
    assert priorities.linked_area("  centrum ", areas) == "Centrum"
    assert priorities.linked_area("Centrum och Hamnen", areas) is None
    figures = priorities.figures_for(ws, october)
    assert figures.quarters == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    shown = {line.area: (line.problems, line.total, line.latest.problems, line.latest.rising)
             for line in figures.areas}
    # Each problem counts once a quarter, in Q3 and again in Q4 (carried over).
    assert shown == {"Centrum": ([0, 0, 2, 2], 2, 2, 0), "Hamnen": ([0, 0, 1, 1], 1, 1, 1)}
