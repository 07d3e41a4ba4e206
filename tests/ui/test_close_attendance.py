"""Before closing, the chair is told what the attendance list would make the minutes say wrong
(each found running an EST meeting at 80×24):

- who on it has only a role: a new group's first meeting lists its template's roles
  ("Kommunpolis", "Representant för räddningstjänsten"), all present, and closed as it was, the
  minutes said those roles were present;
- a chair, secretary or adjuster the minutes name who is marked absent: the minutes would be
  signed by someone they say was not there (the question said "Allt är ifyllt")."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path

from meetingtui.model import Attendance, Meeting, Presence
from meetingtui.services import attendance, meetings
from meetingtui.services.meetings import _absent_officers
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.conftest import Clock
from tests.scenarios.helpers import (
    SIZE,
    at,
    close_question,
    fill,
    group_id,
    press,
    scenario_workspace,
    screen_name,
)

DAY = date(2027, 1, 12)  # not the day the test runs
SAID = "på närvarolistan har bara en roll, inget namn"
ABSENT_CHAIR = "Ordföranden Anna Berg är antecknad som frånvarande"


def _first_est_meeting(tmp_path: Path, clock: Clock) -> tuple[Workspace, int]:
    """A new municipality's first EST meeting, planned for `DAY` and opened that morning."""
    at(clock, datetime(2027, 1, 12, 9, 5))
    ws = scenario_workspace(tmp_path, clock, "Vårgårda kommun")
    meeting = meetings.plan_meeting(ws, group_id(ws, "EST"), DAY)
    assert meeting.id is not None and meeting.chair == "Säkerhetschef"
    return ws, meeting.id


def test_closing_names_the_roles_without_a_name_until_they_are_named_or_absent(
        tmp_path: Path, clock: Clock) -> None:
    ws, meeting_id = _first_est_meeting(tmp_path, clock)
    roles = [p.role for p in attendance.of_meeting(ws, meeting_id)]
    assert len(roles) == 7 and all(p.unnamed for p in attendance.of_meeting(ws, meeting_id))
    questions: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()

            questions.append(await close_question(pilot))
            await press(pilot, "2")  # § 2 Närvaro
            await press(pilot, "enter")  # the first row: Säkerhetschef
            assert screen_name(pilot) != "MeetingScreen"
            await fill(pilot, "Anna Berg")
            await press(pilot, "ctrl+s")
            await press(pilot, "down", "space")  # Folkhälsostrateg is not there
            questions.append(await close_question(pilot))

    asyncio.run(run())
    before, after = questions
    assert f"7 {SAID} (Säkerhetschef, Folkhälsostrateg, Kommunpolis …)" in before
    assert "Skriv in namnen under § 2 (Enter)" in before
    assert f"5 {SAID} (Kommunpolis, {roles[3]}, {roles[4]} …)" in after
    people = {p.role: p for p in attendance.of_meeting(ws, meeting_id)}
    assert people["Säkerhetschef"].name == "Anna Berg"
    assert people["Folkhälsostrateg"].presence is Presence.ABSENT
    assert len(meetings.check_before_close(ws, meeting_id).unnamed_present) == 5
    # The chair was the template's role: named in the attendance, named as chair too, here
    # and at the group's next meeting ("Ordförande: Säkerhetschef" stood in the minutes).
    # (Säkerhetschef as planned: `_first_est_meeting`.)
    assert meetings.get_meeting(ws, meeting_id).chair == "Anna Berg"
    after = meetings.plan_meeting(ws, group_id(ws, "EST"), date(2027, 2, 9))
    assert after.chair == "Anna Berg"


def test_closing_says_the_chair_is_marked_absent_until_marked_present(
        tmp_path: Path, clock: Clock) -> None:
    ws, meeting_id = _first_est_meeting(tmp_path, clock)
    questions: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()

            await press(pilot, "2")  # § 2 Närvaro
            await press(pilot, "enter")  # the first row, the template's chair: Säkerhetschef
            await fill(pilot, "Anna Berg")
            await press(pilot, "ctrl+s")
            questions.append(await close_question(pilot))
            await press(pilot, "space")  # Anna Berg is not there after all
            questions.append(await close_question(pilot))
            await press(pilot, "space")  # she is
            questions.append(await close_question(pilot))

    asyncio.run(run())
    assert meetings.get_meeting(ws, meeting_id).chair == "Anna Berg"
    named, absent, present = questions
    assert ABSENT_CHAIR not in named
    assert f"{ABSENT_CHAIR}: ändra närvaron eller ordföranden (m)." in absent
    assert ABSENT_CHAIR not in present


def test_each_officer_is_matched_by_name_whatever_its_case_and_spaces() -> None:
    meeting = Meeting(group_id=1, date=DAY, chair="Anna Berg", secretary=" ali  khan ",
                      adjuster="Eva Ek")
    listed = [Attendance(meeting_id=1, name="anna berg", role="", presence=Presence.ABSENT),
              Attendance(meeting_id=1, name="Ali Khan", role="", presence=Presence.ABSENT),
              Attendance(meeting_id=1, name="Eva Ek", role="", presence=Presence.GUEST),
              Attendance(meeting_id=1, name="Kommunpolis", role="Kommunpolis",
                         presence=Presence.ABSENT)]
    assert _absent_officers(meeting, listed) == [("chair", "Anna Berg"),
                                                 ("secretary", meeting.secretary)]
    assert _absent_officers(meeting.model_copy(update={"chair": ""}), listed) == [
        ("secretary", meeting.secretary)]
