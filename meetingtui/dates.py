"""Dates and times as people type them, said back in words, and when the next meeting falls.

The names of weekdays and months are here rather than taken from the `locale` module: the
process's locale is often C (or English) on a municipal laptop, and the UI must still say "ons"
in Swedish.

Groups meet on a weekday pattern ("the second Tuesday of the month"), so the next date keeps the
weekday and its place in the month rather than the day number. A proposed date never falls on a
Swedish public holiday or holiday eve (`move_off_holiday`, the days in `swedish_holidays`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, time, timedelta

from meetingtui.model import Frequency
from meetingtui.swedish_holidays import holidays_of

EXAMPLE = "2026-12-01, 1/12, 1 dec, idag"

_MONTHS = {
    "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "february": 2,
    "mar": 3, "mars": 3, "march": 3, "apr": 4, "april": 4, "maj": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7, "july": 7, "aug": 8, "augusti": 8,
    "august": 8, "sep": 9, "sept": 9, "september": 9, "okt": 10, "oct": 10, "oktober": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_RELATIVE = {"idag": 0, "i dag": 0, "today": 0, "imorgon": 1, "i morgon": 1, "tomorrow": 1}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_SLASH_MONTH = re.compile(r"^(\d{1,2})/(\d{1,2})(?:[/-](\d{2}|\d{4}))?$")
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})\.?\s+([a-zåäö]+)\.?(?:\s+(\d{4}))?$")
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?$")
# "kl. 13–14.30", "13:00 - 14:30", "13-14", "13.00 till 14.30", "9": a start, maybe an end.
_CLOCK = r"(?:kl(?:ockan)?\.?\s*)?(\d{1,2}(?:[:.]\d{2})?)"
_SPAN = re.compile(rf"^{_CLOCK}(?:\s*(?:[-‐‑‒–—−]|\s(?:till|to)\s)\s*{_CLOCK})?$")

TIME_EXAMPLE = "9:00, 13-14.30, kl. 13–14.30"

_WEEKDAYS = {
    "sv": ("mån", "tis", "ons", "tors", "fre", "lör", "sön"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTH_NAMES = {
    "sv": ("jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


class DateError(ValueError):
    """Text that is not a date; the message shows what works. ``missing`` (year, month, day):
    it was written as a date of a day the month does not have ("31/2", "29 feb 2027")."""

    def __init__(self, text: str, missing: tuple[int, int, int] | None = None) -> None:
        super().__init__(f"Not a date: {text!r}. Write for example {EXAMPLE}")
        self.text = text
        self.missing = missing

    @property
    def days_in_month(self) -> int:
        """How many days the month of `missing` has (0 without it)."""
        return calendar.monthrange(*self.missing[:2])[1] if self.missing else 0


def parse_date(text: str, today: date) -> date:
    """`2026-12-01`, `1/12`, `1/12/2027`, `1 dec`, `1 december 2027`, `idag`, `today`.

    A date without a year is this year's, unless that lies more than six months back: then
    it is next year's (in November, "1/3" means next March).
    """
    value = " ".join(text.strip().lower().split())
    if value in _RELATIVE:
        return today + timedelta(days=_RELATIVE[value])
    year: int | None
    if match := _ISO.match(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_SLASH_MONTH.match(value):
        day, month = int(match[1]), int(match[2])
        year = _full_year(match[3]) if match[3] else None
    elif (match := _DAY_MONTH_NAME.match(value)) and match[2] in _MONTHS:
        day, month = int(match[1]), _MONTHS[match[2]]
        year = int(match[3]) if match[3] else None
    else:
        raise DateError(text)
    if year is None:
        year = _year_of(month, day, today)
    try:
        return date(year, month, day)
    except ValueError:
        exists = 1 <= month <= 12 and 1 <= day <= 31 and 1 <= year <= 9999
        raise DateError(text, (year, month, day) if exists else None) from None


def _year_of(month: int, day: int, today: date) -> int:
    """The year of a day written without one: this year's, unless it lies more than six months
    back (a day the month lacks counts as its last, so that "31/2" is said of the right year)."""
    if not 1 <= month <= 12:
        return today.year
    last = calendar.monthrange(today.year, month)[1]
    then = date(today.year, month, max(1, min(day, last)))
    return today.year + 1 if then < today - timedelta(days=183) else today.year


def parse_time(text: str) -> time:
    """`9`, `9:30`, `09.30` → a time; anything else raises ValueError."""
    match = _TIME.match(text.strip())
    if not match:
        raise ValueError(f"Not a time: {text!r}. Write for example 9:00 or 13.30")
    hour, minute = int(match[1]), int(match[2] or 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"Not a time: {text!r}. Write for example 9:00 or 13.30")
    return time(hour, minute)


class TimeSpanError(ValueError):
    """A time or span that cannot be read (`reason` "format"), or one whose end is not after its
    start (`reason` "order", with both times)."""

    def __init__(self, text: str, reason: str, start: time | None = None,
                 end: time | None = None) -> None:
        if reason == "order":
            message = f"The end {end:%H:%M} is not after the start {start:%H:%M} in {text!r}"
        else:
            message = f"Not a time: {text!r}. Write for example {TIME_EXAMPLE}"
        super().__init__(message)
        self.text, self.reason, self.start, self.end = text, reason, start, end


def parse_time_span(text: str) -> tuple[time, time | None]:
    """A start and maybe an end: `13:00–14:30`, `13-14.30`, `13.00 - 14.30`, `kl. 13–14.30`,
    `13 till 14.30`, or only a start (`9`, `13:00`). An end must come after the start."""
    value = " ".join(text.strip().lower().split())
    match = _SPAN.match(value)
    if not match:
        raise TimeSpanError(text, "format")
    try:
        start = parse_time(match[1])
        end = parse_time(match[2]) if match[2] else None
    except ValueError:
        raise TimeSpanError(text, "format") from None
    if end is not None and end <= start:
        raise TimeSpanError(text, "order", start, end)
    return start, end


def span_text(start: time | None, end: time | None, lang: str = "sv") -> str:
    """A meeting's time as a form shows it to change (`parse_time_span` reads it back):
    `say_span`'s `13.00–14.30` in Swedish, or empty."""
    return say_span(start, end, lang) if start is not None else ""


def say_day(day: date, lang: str = "sv") -> str:
    """`ons 14 okt 2026` (Swedish) or `Wed 14 Oct 2026` (English); other languages: Swedish."""
    weekdays = _WEEKDAYS.get(lang, _WEEKDAYS["sv"])
    months = _MONTH_NAMES.get(lang, _MONTH_NAMES["sv"])
    return f"{weekdays[day.weekday()]} {day.day} {months[day.month - 1]} {day.year}"


def say_month(month: int, lang: str = "sv") -> str:
    """`juli` (Swedish) or `Jul` (English), as `say_day` writes the month; 1 = January."""
    return _MONTH_NAMES.get(lang, _MONTH_NAMES["sv"])[month - 1]


def say_time(moment: time, lang: str = "sv") -> str:
    """`13.00` as Swedish writes a time, `13:00` in English."""
    return moment.strftime("%H:%M" if lang == "en" else "%H.%M")


def say_span(start: time, end: time | None, lang: str = "sv") -> str:
    """`13.00–14.30` (Swedish) / `13:00–14:30` (English), or only the start."""
    said = say_time(start, lang)
    return f"{said}–{say_time(end, lang)}" if end is not None else said


def _full_year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


_MONTH_STEP = {
    Frequency.MONTHLY: 1,
    Frequency.SIX_PER_YEAR: 2,
    Frequency.QUARTERLY: 3,
    Frequency.TWICE_YEARLY: 6,
}
_DAY_STEP = {Frequency.WEEKLY: 7, Frequency.BIWEEKLY: 14, Frequency.AD_HOC: 28}


def next_meeting_date(frequency: Frequency, skip_months: list[int], last: date) -> date:
    """The date after `last` that the group's rhythm proposes, outside the skipped months and
    never on a holiday or holiday eve (`move_off_holiday`).

    `last` should be a date of the rhythm itself: a date moved off a holiday would carry its
    weekday on ("the second Thursday" after a Wednesday moved past Ascension Day). To step
    through several meetings, step with `next_in_rhythm` and move each date on its own."""
    return move_off_holiday(next_in_rhythm(frequency, skip_months, last))


def next_in_rhythm(frequency: Frequency, skip_months: list[int], last: date) -> date:
    """The rhythm's date after `last`, outside the skipped months, holidays not considered."""
    if frequency in _DAY_STEP:
        proposed = last + timedelta(days=_DAY_STEP[frequency])
        while proposed.month in skip_months:
            proposed += timedelta(days=7)
        return proposed
    step = _MONTH_STEP[frequency]
    nth = (last.day - 1) // 7  # 0 = first such weekday of the month
    year, month = last.year, last.month
    for _ in range(24):
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        if month not in skip_months:
            return nth_weekday(year, month, last.weekday(), nth)
    raise ValueError("every month is skipped")


def move_off_holiday(day: date, earliest: date | None = None) -> date:
    """`day`, unless it is a Swedish public holiday or holiday eve (`holiday_name`): then the
    next working day (Monday to Friday, neither a holiday nor an eve) in the same month.

    This is what a chair expects of a group that meets "the second Tuesday": when that Tuesday
    is a holiday the group meets the day after, not a week later (the week after may hold the
    next meeting of a group that meets more often, and a week is long for EST). When no working
    day is left in the month (Nyårsafton on the last Thursday of December), the last working
    day before it instead, so that the meeting stays in its month and never slips into a month
    the group skips; unless that is before `earliest` (today, for a proposal that must not be
    in the past): then the next working day after all.

    Ordinary days, weekends included, are returned as they are: a Sunday is not a holiday here.
    """
    if holiday_name(day) is None:
        return day
    later = _working_day(day, 1)
    if later.month == day.month:
        return later
    earlier = _working_day(day, -1)
    if earlier.month == day.month and (earliest is None or earlier >= earliest):
        return earlier
    return later


def _working_day(day: date, step: int) -> date:
    """The first working day from `day` (excluded) in the direction of `step` (1 or -1)."""
    while True:
        day += timedelta(days=step)
        if day.weekday() < 5 and holiday_name(day) is None:
            return day


def holiday_name(day: date, lang: str = "sv") -> str | None:
    """The name of the Swedish public holiday (allmän helgdag) or holiday eve on `day`, in
    Swedish (`Kristi himmelsfärdsdag`) or English; None for any other day.

    The eves are midsommarafton, julafton and nyårsafton: not public holidays in law, but the
    annual leave act (semesterlag 1977:480, 7 §) counts them as Sundays and so does every
    workplace. Sundays are not counted.
    """
    return holidays_of(day.year, lang).get(day)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (0-based) given weekday of a month, or the last one if there are fewer."""
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if date(year, month, d).weekday() == weekday]
    return date(year, month, days[min(nth, len(days) - 1)])


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
