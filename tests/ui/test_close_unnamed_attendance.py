"""Before closing, the chair is told who on the attendance list has only a role: a new group's
first meeting lists its template's roles ("Kommunpolis", "Representant för
räddningstjänsten"), all present, and closed as it was, the minutes said those roles were
present (found running a new municipality's first EST meeting at 80×24)."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path

from meetingtui.model import Presence
from meetingtui.services import attendance, meetings
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


def test_closing_names_the_roles_without_a_name_until_they_are_named_or_absent(
        tmp_path: Path, clock: Clock) -> None:
    at(clock, datetime(2027, 1, 12, 9, 5))
    ws = scenario_workspace(tmp_path, clock, "Vårgårda kommun")
    meeting = meetings.plan_meeting(ws, group_id(ws, "EST"), DAY)
    assert meeting.id is not None
    roles = [p.role for p in attendance.of_meeting(ws, meeting.id)]
    assert len(roles) == 7 and all(p.unnamed for p in attendance.of_meeting(ws, meeting.id))
    questions: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting.id).run_test(size=SIZE) as pilot:
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
    people = {p.role: p for p in attendance.of_meeting(ws, meeting.id)}
    assert people["Säkerhetschef"].name == "Anna Berg"
    assert people["Folkhälsostrateg"].presence is Presence.ABSENT
    assert len(meetings.check_before_close(ws, meeting.id).unnamed_present) == 5
    # The chair was the template's role: named in the attendance, named as chair too, here
    # and at the group's next meeting ("Ordförande: Säkerhetschef" stood in the minutes).
    assert meeting.chair == "Säkerhetschef"
    assert meetings.get_meeting(ws, meeting.id).chair == "Anna Berg"
    after = meetings.plan_meeting(ws, group_id(ws, "EST"), date(2027, 2, 9))
    assert after.chair == "Anna Berg"
