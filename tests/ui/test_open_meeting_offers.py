"""`o` on the home screen highlights the meeting the chair came for (with a year planned the
newest is December's): the running one, else the one not yet held nearest to today."""

from __future__ import annotations

from datetime import date

import pytest

from meetingtui.model import Meeting, MeetingStatus
from meetingtui.ui.dialogs.open_meeting import likely

PLANNED, RUNNING, CLOSED = MeetingStatus.PLANNED, MeetingStatus.RUNNING, MeetingStatus.CLOSED


def meeting(day: str, status: MeetingStatus = PLANNED) -> Meeting:
    return Meeting(id=int(day.replace("-", "")), group_id=1, date=date.fromisoformat(day),
                   status=status)


YEAR = [meeting(f"2027-{month:02}-04") for month in (1, 2, 3, 4, 5, 6, 8, 9, 10, 11)]


@pytest.mark.parametrize(("today", "expected"), [
    ("2027-01-05", "2027-01-04"),  # typed in the day after
    ("2027-01-04", "2027-01-04"),  # the day itself
    ("2026-12-02", "2027-01-04"),  # before the year: the first
    ("2027-01-20", "2027-02-04"),  # nearer the next one than the last
    ("2027-01-19", "2027-01-04"),  # nearer the last one
    ("2027-12-30", "2027-11-04"),  # after the year: the last
])
def test_the_nearest_meeting_not_held(today: str, expected: str) -> None:
    chosen = likely(YEAR, date.fromisoformat(today))
    assert chosen is not None and chosen.date == date.fromisoformat(expected)


def test_an_equal_distance_goes_to_the_one_already_due() -> None:
    before, after = meeting("2027-03-01"), meeting("2027-03-05")
    assert likely([before, after], date(2027, 3, 3)) == before


def test_a_running_meeting_comes_first_and_a_closed_one_is_never_offered() -> None:
    held = meeting("2027-01-04", CLOSED)
    running = meeting("2026-11-10", RUNNING)
    assert likely([running, held, *YEAR[1:]], date(2027, 1, 5)) == running
    assert likely([held, *YEAR[1:]], date(2027, 1, 5)) == YEAR[1]
    assert likely([held], date(2027, 1, 5)) is None
