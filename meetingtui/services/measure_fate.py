"""What became of one measure over the periods (decided when, done or cancelled when, overdue
at which period ends), read from its status history. Kept apart from `services.stats`, which
tallies these fates per line, because working one out is its own idea (issue 15 §4).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from meetingtui.store.stats import MeasureRow, UpdateRow

FINISHED = ("done", "cancelled")


class Fate(NamedTuple):
    """What became of one measure, in the periods' terms: worked out once, counted per line."""

    owner: str
    type: str
    decided: int | None  # the period it was decided in
    finished: str | None  # done or cancelled (now), in the period `finished_in`
    finished_in: int | None
    days: int | None  # decided → done
    late: list[tuple[int, int]]  # overdue at the ends of periods start..stop-1 (each range)
    late_at_end: bool  # overdue at the range's end


def measure_fate(measure: MeasureRow, updates: list[UpdateRow],
                 where: Callable[[str], int | None], ends: list[str], end: str | None) -> Fate:
    """`ends`: the days the periods' overdue is counted on, ascending (none after today);
    `end`: the range's."""
    finished, finished_in, days = None, None, None
    if updates and updates[-1].status in FINISHED:
        # The first update of its final run of that status: the day it became so.
        status, day = updates[-1].status, updates[-1].day
        for update in reversed(updates):
            if update.status != status:
                break
            day = update.day
        finished_in = where(day)
        if finished_in is not None:
            finished = status
            if status == "done":
                days = (date.fromisoformat(day) - date.fromisoformat(measure.decided)).days
    late: list[tuple[int, int]] = []
    late_at_end = False
    due = measure.due
    if due is not None:
        # On day D it is late when D > due, D ≥ decided and its status on D is open: ranges
        # of days, found in the sorted ends by bisection (ten years by month: 120 ends).
        start = max(bisect_right(ends, due), bisect_left(ends, measure.decided))
        for first, after in _open_spans(updates):
            low = max(start, bisect_left(ends, first)) if first else start
            high = bisect_left(ends, after) if after else len(ends)
            if low < high:
                late.append((low, high))
        late_at_end = (end is not None and due < end and measure.decided <= end
                       and _status_on(updates, end) not in FINISHED)
    return tuple.__new__(Fate, (measure.owner, measure.type, where(measure.decided),
                                finished, finished_in, days, late, late_at_end))


def _open_spans(updates: list[UpdateRow]) -> list[tuple[str, str]]:
    """The spans of days [first, after) in which the measure was open ("" : without bound):
    its status on a day is its newest update's (as recorded) dated that day or before."""
    spans: list[tuple[str, str]] = []
    opened: str | None = ""  # open from the start: not started before any update
    newest = -1
    status = "not_started"
    for update in sorted(updates, key=lambda u: (u.day, u.id)):
        if update.id > newest:
            newest, status = update.id, update.status
        # Closed and opened again on one day leaves a span of no days: nothing counted.
        if status in FINISHED and opened is not None:
            spans.append((opened, update.day))
            opened = None
        elif status not in FINISHED and opened is None:
            opened = update.day
    if opened is not None:
        spans.append((opened, ""))
    return spans


def _status_on(updates: list[UpdateRow], day: str) -> str:
    """The status of the newest update (as recorded) dated `day` or before; not started
    before any."""
    status = "not_started"
    for update in updates:
        if update.day <= day:
            status = update.status
    return status


def overdue_day(first: date, last: date, today: date) -> str | None:
    """The day a span's overdue is counted on: `last`, or today if that is earlier; None for a
    span that starts after today."""
    return min(last, today).isoformat() if first <= today else None

