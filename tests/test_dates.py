"""Dates as typed, and the next meeting's date from the group's rhythm."""

from __future__ import annotations

from datetime import date, time

import pytest

from meetingtui.dates import DateError, next_meeting_date, parse_date, parse_time, quarter_of
from meetingtui.model import Frequency

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-12-01", date(2026, 12, 1)),
    ("1/12", date(2026, 12, 1)),
    ("1/12/2027", date(2027, 12, 1)),
    ("1 dec", date(2026, 12, 1)),
    ("1 December", date(2026, 12, 1)),
    ("15 okt", date(2026, 10, 15)),
    ("1 maj 2027", date(2027, 5, 1)),
    ("1/3", date(2027, 3, 1)),  # March past by more than half a year: next March
    ("idag", TODAY),
    (" Today ", TODAY),
    ("imorgon", date(2026, 11, 24)),
])
def test_accepted_dates(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["", "nästa vecka", "31/2", "2026-13-01", "1 smurf", "12345",
                                  "1/12/99999", "\x00"])
def test_refused_dates_show_an_example(text: str) -> None:
    with pytest.raises(DateError, match="2026-12-01, 1/12, 1 dec, idag"):
        parse_date(text, TODAY)


def test_times() -> None:
    assert parse_time("9") == time(9, 0)
    assert parse_time("13.30") == time(13, 30)
    with pytest.raises(ValueError, match="9:00"):
        parse_time("25:00")


@pytest.mark.parametrize(("frequency", "skip", "last", "expected"), [
    (Frequency.MONTHLY, [7, 12], date(2026, 11, 10), date(2027, 1, 12)),   # 2nd Tuesday
    (Frequency.MONTHLY, [], date(2026, 9, 29), date(2026, 10, 27)),       # 5th → last Tuesday
    (Frequency.MONTHLY, [7, 12], date(2026, 6, 2), date(2026, 8, 4)),
    (Frequency.QUARTERLY, [], date(2026, 2, 12), date(2026, 5, 14)),
    (Frequency.TWICE_YEARLY, [], date(2026, 3, 17), date(2026, 9, 15)),
    (Frequency.SIX_PER_YEAR, [], date(2026, 1, 20), date(2026, 3, 17)),
    (Frequency.BIWEEKLY, [], date(2026, 11, 10), date(2026, 11, 24)),
    (Frequency.WEEKLY, [12], date(2026, 11, 24), date(2027, 1, 5)),
])
def test_next_meeting_date(frequency: Frequency, skip: list[int], last: date,
                           expected: date) -> None:
    assert next_meeting_date(frequency, skip, last) == expected


def test_quarter() -> None:
    assert [quarter_of(date(2026, m, 1)) for m in (1, 3, 4, 12)] == [
        "2026-Q1", "2026-Q1", "2026-Q2", "2026-Q4"]
