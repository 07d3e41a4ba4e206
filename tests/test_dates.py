"""Dates and times as typed, said back in words, and the next meeting's date from the group's
rhythm."""

from __future__ import annotations

import locale
from datetime import date, time, timedelta

import pytest

from meetingtui.dates import (
    DateError,
    TimeSpanError,
    next_meeting_date,
    parse_date,
    parse_time,
    parse_time_span,
    quarter_of,
    say_day,
    say_span,
    span_text,
)
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


@pytest.mark.parametrize(("text", "missing", "days"), [
    ("31/2", (2027, 2, 31), 28),  # in November, February is next year's
    ("29/2", (2027, 2, 29), 28),
    ("29 feb 2027", (2027, 2, 29), 28),
    ("31/4", (2027, 4, 31), 30),
    ("2026-02-30", (2026, 2, 30), 28),
    ("31 nov", (2026, 11, 31), 30),
    ("30/2/2028", (2028, 2, 30), 29),
])
def test_a_day_the_month_lacks_is_named(text: str, missing: tuple[int, int, int],
                                        days: int) -> None:
    """"31/2" has the form of a date: the chair is told the day is not there, not the form."""
    with pytest.raises(DateError) as refused:
        parse_date(text, TODAY)
    assert refused.value.missing == missing
    assert refused.value.days_in_month == days


@pytest.mark.parametrize("text", ["1/13", "0/5", "32/1", "2026-13-01", "nästa vecka", "00/00"])
def test_no_day_is_named_where_the_form_is_wrong(text: str) -> None:
    with pytest.raises(DateError) as refused:
        parse_date(text, TODAY)
    assert refused.value.missing is None


@pytest.mark.parametrize(("today", "text", "expected"), [
    (date(2026, 11, 30), "31/5", date(2026, 5, 31)),  # 183 days back to the day: this year
    (date(2026, 11, 30), "30/5", date(2027, 5, 30)),
    (date(2026, 12, 3), "2/6", date(2027, 6, 2)),
    (date(2026, 12, 3), "3/6", date(2026, 6, 3)),
])
def test_the_year_turns_six_months_back(today: date, text: str, expected: date) -> None:
    assert parse_date(text, today) == expected


def test_times() -> None:
    assert parse_time("9") == time(9, 0)
    assert parse_time("13.30") == time(13, 30)
    with pytest.raises(ValueError, match="9:00"):
        parse_time("25:00")


@pytest.mark.parametrize(("text", "expected"), [
    ("13:00–14:30", (time(13), time(14, 30))),
    ("13-14.30", (time(13), time(14, 30))),
    ("13.00 - 14.30", (time(13), time(14, 30))),
    ("kl. 13–14.30", (time(13), time(14, 30))),
    ("Kl 13 – kl. 14.30", (time(13), time(14, 30))),
    ("klockan 9—10", (time(9), time(10))),
    ("13 till 14.30", (time(13), time(14, 30))),
    ("13:00", (time(13), None)),
    (" 9 ", (time(9), None)),
    ("kl. 8.15", (time(8, 15), None)),
    ("00:00-23:59", (time(0), time(23, 59))),
])
def test_time_spans(text: str, expected: tuple[time, time | None]) -> None:
    assert parse_time_span(text) == expected


@pytest.mark.parametrize("text", ["", "13-", "–14", "25", "13:60", "13 14", "13:00-14:30-15",
                                  "nio", "1 pm", "13–14.3", "\x00"])
def test_refused_time_spans_show_an_example(text: str) -> None:
    with pytest.raises(TimeSpanError, match=r"13-14\.30") as refused:
        parse_time_span(text)
    assert refused.value.reason == "format"


@pytest.mark.parametrize(("text", "start", "end"), [
    ("14:30–13", time(14, 30), time(13)),
    ("13-13", time(13), time(13)),  # a meeting has a length
    ("22-1", time(22), time(1)),  # nor does it run past midnight
])
def test_an_end_before_the_start_is_refused(text: str, start: time, end: time) -> None:
    with pytest.raises(TimeSpanError, match="not after the start") as refused:
        parse_time_span(text)
    assert (refused.value.reason, refused.value.start, refused.value.end) == ("order", start, end)


@pytest.mark.parametrize(("start", "end"), [
    (time(13), time(14, 30)), (time(9), None), (time(8, 5), time(8, 6))])
def test_the_time_field_shows_a_span_it_reads_back(start: time, end: time | None) -> None:
    assert parse_time_span(span_text(start, end)) == (start, end)
    assert parse_time_span(span_text(start, end, "en")) == (start, end)
    assert span_text(time(13), time(14, 30)) == "13.00–14.30"  # as the minutes write it
    assert span_text(time(13), time(14, 30), "en") == "13:00–14:30"
    assert span_text(None, time(14)) == span_text(None, None) == ""


def test_a_span_said_in_swedish_and_english() -> None:
    assert say_span(time(13), time(14, 30)) == "13.00–14.30"
    assert say_span(time(13), time(14, 30), "en") == "13:00–14:30"
    assert say_span(time(9, 5), None) == "09.05"


def test_days_said_in_swedish_and_english() -> None:
    assert say_day(date(2026, 10, 14)) == "ons 14 okt 2026"
    assert say_day(date(2026, 10, 14), "en") == "Wed 14 Oct 2026"
    week = [say_day(date(2026, 3, 9) + timedelta(days=n)).split()[0] for n in range(7)]
    assert week == ["mån", "tis", "ons", "tors", "fre", "lör", "sön"]
    months = [say_day(date(2026, m, 1)).split()[2] for m in range(1, 13)]
    assert months == ["jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt",
                      "nov", "dec"]
    assert [say_day(date(2026, m, 1), "en").split()[2] for m in (1, 5, 12)] == [
        "Jan", "May", "Dec"]
    assert say_day(date(2026, 1, 1), "de") == "tors 1 jan 2026"  # unknown: Swedish


def test_days_are_said_in_swedish_under_the_c_locale() -> None:
    before = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, "C")
        assert say_day(date(2026, 10, 14)) == "ons 14 okt 2026"
    finally:
        locale.setlocale(locale.LC_ALL, before)


def test_every_swedish_day_said_reads_back_without_its_weekday() -> None:
    day = date(2026, 1, 1)
    while day.year == 2026:
        _weekday, rest = say_day(day).split(" ", 1)
        assert parse_date(rest, day) == day
        day += timedelta(days=1)


@pytest.mark.parametrize(("frequency", "skip", "last", "expected"), [
    (Frequency.MONTHLY, [7, 12], date(2026, 11, 10), date(2027, 1, 12)),   # 2nd Tuesday
    (Frequency.MONTHLY, [], date(2026, 9, 29), date(2026, 10, 27)),       # 5th → last Tuesday
    (Frequency.MONTHLY, [7, 12], date(2026, 6, 2), date(2026, 8, 4)),
    (Frequency.QUARTERLY, [], date(2026, 2, 12), date(2026, 5, 15)),  # 14 May: Ascension
    (Frequency.QUARTERLY, [], date(2026, 2, 5), date(2026, 5, 7)),
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
