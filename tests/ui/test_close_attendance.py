"""Before closing, the chair is told what the attendance list would make the minutes say wrong
(each found running an EST meeting at 80×24):

- who on it has only a role: a new group's first meeting lists its template's roles
  ("Kommunpolis", "Representant för räddningstjänsten"), all present, and closed as it was, the
  minutes said those roles were present;
- a chair, secretary or adjuster the minutes name who is marked absent: the minutes would be
  signed by someone they say was not there (the question said "Allt är ifyllt");
- one who is not on the list at all (a secretary from outside the group, a name misspelt), and
  a list with nobody on it: the minutes would say who was there without them, or nobody."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path

from meetingtui.model import Attendance, Meeting, Presence
from meetingtui.services import attendance, meetings
from meetingtui.services.close_check import (
    _absent_officers,
    _unlisted_officers,
    check_before_close,
)
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
    assert len(check_before_close(ws, meeting_id).unnamed_present) == 5
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


UNLISTED = "Sekreteraren Emma Nyström står inte på närvarolistan: rätta namnet (m)"


def test_closing_says_the_secretary_is_not_on_the_list_until_added_to_it(
        tmp_path: Path, clock: Clock) -> None:
    ws, meeting_id = _first_est_meeting(tmp_path, clock)
    questions: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "2", "enter")  # the first row, the template's chair
            await fill(pilot, "Anna Berg")
            await press(pilot, "ctrl+s")
            await press(pilot, "3", "m")  # § 3: the secretary, who is no member of the group
            assert screen_name(pilot) == "MeetingDetailsDialog"
            await press(pilot, "tab", "tab", "tab", "tab", "ctrl+u")  # Sekreterare
            await fill(pilot, "Emma Nyström")
            await press(pilot, "enter")
            questions.append(await close_question(pilot))  # six rows still only roles
            await press(pilot, "2", *["down", "space"] * 6)  # the six sent apologies
            questions.append(await close_question(pilot))
            await press(pilot, "g")  # co-opted, she takes the minutes
            assert screen_name(pilot) == "GuestDialog"
            await fill(pilot, "emma  nyström")
            await press(pilot, "enter")
            assert screen_name(pilot) == "MeetingScreen"
            questions.append(await close_question(pilot))

    asyncio.run(run())
    assert meetings.get_meeting(ws, meeting_id).secretary == "Emma Nyström"
    unnamed, named, added = questions
    # While rows have only a role she may be one of them: the roles are said, not her.
    assert f"6 {SAID}" in unnamed and UNLISTED not in unnamed
    assert f"{UNLISTED} eller lägg till det på listan (g)." in named
    assert SAID not in named and "Ordföranden Anna Berg" not in named  # on the list, named
    assert "står inte på närvarolistan" not in added


def test_each_officer_not_on_a_list_that_names_others_is_said_and_an_empty_list_once(
        tmp_path: Path, clock: Clock) -> None:
    meeting = Meeting(group_id=1, date=DAY, chair="Anna Berg", secretary="Ali Khan",
                      adjuster=" eva  ek ")
    listed = [Attendance(meeting_id=1, name="Anna Berg", role="", presence=Presence.ABSENT),
              Attendance(meeting_id=1, name="Eva Ek", role="", presence=Presence.GUEST)]
    assert _unlisted_officers(meeting, listed) == [("secretary", "Ali Khan")]
    assert _unlisted_officers(meeting, []) == []  # the empty list is said as such
    # Unnamed rows may be them: said once the rows are named (`check_before_close`).
    ws, meeting_id = _first_est_meeting(tmp_path, clock)
    assert not check_before_close(ws, meeting_id).attendance_empty
    with ws.store.transaction() as db:  # a group that names no members and no roles
        db.execute("DELETE FROM attendance WHERE meeting_id = ?", [meeting_id])
    incomplete = check_before_close(ws, meeting_id)
    assert incomplete.attendance_empty and not incomplete.unlisted_officers

    async def run() -> str:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            return await close_question(pilot)

    question = asyncio.run(run())
    assert ("Närvarolistan är tom: protokollet anger då ingen som närvarande. "
            "Fyll i den under § 2.") in question
