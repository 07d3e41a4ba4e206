"""Before closing, the chair is told when the chair, secretary or adjuster the minutes name is
marked absent on the attendance list: the minutes would be signed by someone they say was not
there (found walking a meeting at 80×24: the secretary marked absent, "Allt är ifyllt")."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path

from meetingtui.model import Attendance, Meeting, Presence
from meetingtui.services import meetings
from meetingtui.services.meetings import _absent_officers
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
)

DAY = date(2027, 1, 12)  # not the day the test runs
SAID = "Ordföranden Anna Berg är antecknad som frånvarande"


def test_closing_says_the_chair_is_marked_absent_until_marked_present(
        tmp_path: Path, clock: Clock) -> None:
    at(clock, datetime(2027, 1, 12, 9, 5))
    ws = scenario_workspace(tmp_path, clock, "Vårgårda kommun")
    meeting = meetings.plan_meeting(ws, group_id(ws, "EST"), DAY)
    assert meeting.id is not None
    questions: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting.id).run_test(size=SIZE) as pilot:
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
    assert meetings.get_meeting(ws, meeting.id).chair == "Anna Berg"
    named, absent, present = questions
    assert SAID not in named
    assert f"{SAID}: ändra närvaron eller ordföranden (m)." in absent
    assert SAID not in present


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
