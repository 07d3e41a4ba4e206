"""No proposed meeting falls on a Swedish public holiday or holiday eve (issue 14 §5).

The days are written out in `meetingtui.swedish_holidays`; these tests pin them with real
2026/2027 dates and compare every year 2005-2100 with the `holidays` package (a test
dependency), so that a change in the law, as the package learns it, shows up here.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from meetingtui.dates import (
    holiday_name,
    move_off_holiday,
    next_in_rhythm,
    next_meeting_date,
)
from meetingtui.model import Frequency
from meetingtui.swedish_holidays import easter_sunday, holidays_of

ROOT = Path(__file__).resolve().parent.parent


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


TWO_YEARS = _days(date(2026, 1, 1), date(2027, 12, 31))


@pytest.mark.parametrize(("day", "name"), [
    (date(2026, 6, 19), "Midsommarafton"),
    (date(2027, 6, 25), "Midsommarafton"),
    (date(2026, 6, 20), "Midsommardagen"),
    (date(2026, 12, 24), "Julafton"),
    (date(2026, 12, 31), "Nyårsafton"),
    (date(2026, 5, 14), "Kristi himmelsfärdsdag"),
    (date(2027, 5, 6), "Kristi himmelsfärdsdag"),
    (date(2027, 3, 26), "Långfredagen"),
    (date(2027, 3, 29), "Annandag påsk"),
    (date(2026, 10, 31), "Alla helgons dag"),  # a Saturday
    (date(2027, 11, 6), "Alla helgons dag"),
    (date(2027, 1, 6), "Trettondedag jul"),
    (date(2026, 6, 6), "Nationaldagen"),
])
def test_holidays_and_eves_are_known(day: date, name: str) -> None:
    assert holiday_name(day) == name


def test_names_in_english() -> None:
    assert holiday_name(date(2026, 6, 19), "en") == "Midsummer Eve"
    assert holiday_name(date(2027, 3, 26), "en") == "Good Friday"


def test_ordinary_days_and_sundays_are_not_holidays() -> None:
    """Older versions of `holidays` counted every Sunday in Sweden as a holiday by default."""
    assert holiday_name(date(2026, 11, 22)) is None  # a Sunday
    assert holiday_name(date(2026, 11, 24)) is None  # a Tuesday
    assert holiday_name(date(2026, 4, 30)) is None  # Valborgsmässoafton: a working day
    assert holiday_name(date(2026, 5, 15)) is None  # the klämdag after Ascension: one too
    named = [day for day in TWO_YEARS if holiday_name(day) is not None]
    assert len(named) == 32  # 13 public holidays and 3 eves a year (2005 on)
    assert sum(day.weekday() == 6 for day in named) < 10  # Easter Day, Pentecost and a few


@pytest.mark.parametrize(("day", "moved"), [
    (date(2026, 5, 14), date(2026, 5, 15)),    # Ascension Day (Thu) → Friday
    (date(2027, 3, 26), date(2027, 3, 30)),    # Good Friday → past Easter Monday to Tuesday
    (date(2026, 6, 19), date(2026, 6, 22)),    # Midsommarafton (Fri) → Monday
    (date(2026, 12, 24), date(2026, 12, 28)),  # Julafton → past Juldagen and the weekend
    (date(2026, 12, 31), date(2026, 12, 30)),  # Nyårsafton: no working day left in December
    (date(2026, 10, 31), date(2026, 10, 30)),  # Alla helgons dag (Sat): stays in October
    (date(2027, 1, 6), date(2027, 1, 7)),      # Trettondedag jul (Wed) → Thursday
])
def test_a_holiday_moves_to_the_next_working_day_in_its_month(day: date, moved: date) -> None:
    assert move_off_holiday(day) == moved


def test_not_before_the_earliest_day_allowed() -> None:
    """A proposal that must not be in the past goes forward, even into the next month."""
    assert move_off_holiday(date(2026, 12, 31), earliest=date(2026, 12, 31)) == date(2027, 1, 4)
    assert move_off_holiday(date(2026, 12, 31), earliest=date(2026, 12, 1)) == date(2026, 12, 30)


def test_ordinary_days_are_untouched_and_moved_days_are_working_days() -> None:
    for day in TWO_YEARS:
        moved = move_off_holiday(day)
        if holiday_name(day) is None:
            assert moved == day  # weekends included: only holidays and eves move
        else:
            assert moved.weekday() < 5 and holiday_name(moved) is None, day
            assert moved.month == day.month, day
            assert abs((moved - day).days) <= 5, day


@pytest.mark.parametrize("frequency", list(Frequency))
def test_no_proposal_lands_on_a_holiday(frequency: Frequency) -> None:
    for last in _days(date(2026, 1, 1), date(2026, 12, 31)):
        proposed = next_meeting_date(frequency, [7, 12], last)
        assert holiday_name(proposed) is None, (frequency, last, proposed)
        assert proposed.month not in (7, 12), (frequency, last, proposed)
        assert proposed > last


def test_the_rhythm_keeps_its_weekday_after_a_holiday() -> None:
    """First Thursday: May's is Ascension Day, so the meeting is on Friday 7 May; stepping in the
    rhythm (not from the moved date) keeps June on the first Thursday."""
    april = date(2027, 4, 1)
    may = next_in_rhythm(Frequency.MONTHLY, [], april)
    assert may == date(2027, 5, 6)
    assert next_meeting_date(Frequency.MONTHLY, [], april) == date(2027, 5, 7)
    assert next_meeting_date(Frequency.MONTHLY, [], may) == date(2027, 6, 3)


def test_a_sunday_rhythm_is_not_moved() -> None:
    """Sundays are not holidays here: a (rare) group that meets on the second Sunday still does."""
    assert next_meeting_date(Frequency.MONTHLY, [], date(2026, 11, 8)) == date(2026, 12, 13)


def test_every_day_of_2005_to_2100_is_the_holidays_package_s() -> None:
    """The sixteen days written out (`swedish_holidays`) are the package's, name for name in
    both languages, two on one day joined as it joins them (Nationaldagen; Pingstdagen 2049)."""
    from holidays.constants import DE_FACTO, PUBLIC
    from holidays.countries.sweden import Sweden

    for year in range(2005, 2101):
        for lang, language in (("sv", "sv"), ("en", "en_US")):
            known = Sweden(years=year, categories=(PUBLIC, DE_FACTO), include_sundays=False,
                           language=language)
            assert holidays_of(year, lang) == {day: str(name) for day, name in known.items()}


@pytest.mark.parametrize(("year", "day"), [
    (2026, date(2026, 4, 5)), (2027, date(2027, 3, 28)), (2038, date(2038, 4, 25)),
    (2285, date(2285, 3, 22)), (1818, date(1818, 3, 22)), (1943, date(1943, 4, 25)),
])
def test_easter_at_its_earliest_and_latest(year: int, day: date) -> None:
    assert easter_sunday(year) == day


def test_checking_a_date_imports_no_holidays_package() -> None:
    """The package loads every country it knows (0.15-0.2 s): the chair's first key on the
    "Nästa möte" item waited for it."""
    code = ("import sys\n"
            "from datetime import date\n"
            "import meetingtui.dates\n"
            "print(meetingtui.dates.holiday_name(date(2026, 6, 19)))\n"
            "print(meetingtui.dates.move_off_holiday(date(2026, 12, 24)))\n"
            "print('holidays' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:3] == ["Midsommarafton", "2026-12-28", "False"]
