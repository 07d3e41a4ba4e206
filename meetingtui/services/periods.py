"""Months, quarters and years as the figures count them: a period's key ("2026-03", "2026-Q1",
"2026"), its first day, the periods of a range, the range asked for (`services.stats`)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

PERIODS = ("month", "quarter", "year")
#: How many periods the figures cover when no start is given.
DEFAULT_COUNT = {"month": 12, "quarter": 4, "year": 5}


class Period(NamedTuple):
    key: str  # "2026-03", "2026-Q1", "2026"
    first: date
    last: date  # clipped to the range asked for


class UnknownPeriod(ValueError):
    """`by` is not month, quarter or year, or the range ends before it starts."""


def period_key(by: str, day: date) -> str:
    if by == "month":
        return f"{day.year}-{day.month:02d}"
    if by == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def period_start(by: str, day: date) -> date:
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, 1, 1)


def next_start(by: str, day: date) -> date:
    """The first day of the period after the one that holds `day`."""
    start = period_start(by, day)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)


def periods(by: str, first: date, last: date) -> list[Period]:
    """The periods from `first` to `last`, the first and last clipped to them."""
    if by not in PERIODS:
        raise UnknownPeriod(f"by must be one of {', '.join(PERIODS)}")
    if last < first:
        raise UnknownPeriod(f"the range ends ({last}) before it starts ({first})")
    found = []
    start = first
    while start <= last:
        following = next_start(by, start)
        found.append(Period(period_key(by, start), start,
                            min(last, following - timedelta(days=1))))
        start = following
    return found


def default_range(by: str, first: date | None, last: date | None,
                  today: date) -> tuple[date, date]:
    """The range asked for; without a start, the `DEFAULT_COUNT` periods up to its end."""
    if by not in PERIODS:
        raise UnknownPeriod(f"by must be one of {', '.join(PERIODS)}")
    end = last or today
    if first is not None:
        return first, end
    start = period_start(by, end)
    for _ in range(DEFAULT_COUNT[by] - 1):
        start = period_start(by, start - timedelta(days=1))
    return start, end
