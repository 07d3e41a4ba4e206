"""Dates as people type them, and when the next meeting falls.

Groups meet on a weekday pattern ("the second Tuesday of the month"), so the next date keeps the
weekday and its place in the month rather than the day number.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, time, timedelta

from meetingtui.model import Frequency

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


class DateError(ValueError):
    """Text that is not a date; the message shows what works."""

    def __init__(self, text: str) -> None:
        super().__init__(f"Not a date: {text!r}. Write for example {EXAMPLE}")
        self.text = text


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
    try:
        if year is not None:
            return date(year, month, day)
        candidate = date(today.year, month, day)
        if candidate < today - timedelta(days=183):
            candidate = date(today.year + 1, month, day)
        return candidate
    except ValueError:
        raise DateError(text) from None


def parse_time(text: str) -> time:
    """`9`, `9:30`, `09.30` → a time; anything else raises ValueError."""
    match = _TIME.match(text.strip())
    if not match:
        raise ValueError(f"Not a time: {text!r}. Write for example 9:00 or 13.30")
    hour, minute = int(match[1]), int(match[2] or 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"Not a time: {text!r}. Write for example 9:00 or 13.30")
    return time(hour, minute)


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
    """The date after `last` that the group's rhythm proposes, outside the skipped months."""
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


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (0-based) given weekday of a month, or the last one if there are fewer."""
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if date(year, month, d).weekday() == weekday]
    return date(year, month, days[min(nth, len(days) - 1)])


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
