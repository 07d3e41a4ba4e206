"""A group's year of meetings from its rhythm (issue 14 §5): proposed, or planned at once.

The rhythm (how often, which months are skipped) comes from one function, `rhythm_of`. The day
comes from the group's habit: the weekday and its place in the month that its latest meetings
before the year kept most often ("the second Tuesday"), so that one meeting moved off a holiday
does not move the whole year. A group that has not met before the year starts on its first
meeting that year, or, with none, on the first working day of the first month it meets.

Each date of the rhythm is moved off Swedish public holidays and holiday eves
(`dates.move_off_holiday`). A date where the group already has a meeting (a meeting in the
same month for a monthly rhythm, the same week for a weekly one) is left as it is and reported,
so that planning twice plans nothing new; a date before today is left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, time, timedelta

from meetingtui.dates import holiday_name, move_off_holiday, next_in_rhythm, nth_weekday
from meetingtui.model import Frequency, Group, Meeting
from meetingtui.services.groups import get_group
from meetingtui.services.meetings import plan_meeting
from meetingtui.services.settings import database_id, municipality
from meetingtui.services.workspace import Workspace
from meetingtui.store import meetings as meeting_rows

#: How many of the group's latest meetings tell its habit.
HABIT_MEETINGS = 6
_DAY_STEP = {Frequency.WEEKLY: 7, Frequency.BIWEEKLY: 14}
_MONTH_STEP = {Frequency.MONTHLY: 1, Frequency.SIX_PER_YEAR: 2, Frequency.QUARTERLY: 3,
               Frequency.TWICE_YEARLY: 6}


class CannotPlan(Exception):
    """The group has no rhythm to plan a year from. ``reason``: ``ad_hoc`` (it meets when
    needed) or ``no_template`` (its template is gone, and with it the rhythm)."""

    def __init__(self, group: Group, reason: str) -> None:
        super().__init__(f"{group.short} cannot be planned: "
                         + ("it meets when needed (ad hoc)" if reason == "ad_hoc"
                            else f"its template {group.template_id!r} is missing"))
        self.group = group
        self.reason = reason


@dataclass(frozen=True)
class Rhythm:
    frequency: Frequency
    skip_months: tuple[int, ...] = ()


@dataclass(frozen=True)
class PlannedDate:
    """One meeting of the plan: `day`, which is the rhythm's `rhythm_day` unless that was a
    holiday (`holiday` names it); `meeting` once it is planned."""

    day: date
    rhythm_day: date
    holiday: str | None = None
    meeting: Meeting | None = None


@dataclass(frozen=True)
class YearPlan:
    group: Group
    year: int
    rhythm: Rhythm
    #: The dates the plan adds (or added), in order.
    new: list[PlannedDate]
    #: The group's meetings already on a date of the rhythm this year, in order.
    already: list[Meeting]
    #: The time and place the group's latest meetings had, for the new ones.
    start: time | None = None
    end: time | None = None
    place: str = ""
    #: The agenda's timeboxes added up (0 when none is given): how long a meeting runs.
    agenda_minutes: int = 0
    municipality: str = ""
    database_id: str = ""  # made once per database: calendar UIDs, whatever the names

    @property
    def dates(self) -> list[date]:
        return [planned.day for planned in self.new]


def rhythm_of(ws: Workspace, group: Group) -> Rhythm | None:
    """How often the group meets and which months it skips (its own where it has them, else its
    template's: `groups.rhythm`); None when neither is known."""
    from meetingtui.services.groups import rhythm

    known = rhythm(ws, group)
    if known is None:
        return None
    frequency, skip = known
    return Rhythm(frequency, tuple(skip))


def plan_year(ws: Workspace, group_id: int, year: int, today: date | None = None) -> list[date]:
    """The dates the group's rhythm adds to `year` (see `year_plan`)."""
    return year_plan(ws, group_id, year, today).dates


def year_plan(ws: Workspace, group_id: int, year: int, today: date | None = None) -> YearPlan:
    """The group's meetings in `year` from its rhythm, not yet planned. Raises `CannotPlan` for
    a group that meets when needed or has lost its template; LookupError for no such group."""
    group = get_group(ws, group_id)
    rhythm = rhythm_of(ws, group)
    if rhythm is None:
        raise CannotPlan(group, "no_template")
    if rhythm.frequency is Frequency.AD_HOC:
        raise CannotPlan(group, "ad_hoc")
    today = today or ws.today()
    held = meeting_rows.list_meetings(ws.store, group_id)
    new: list[PlannedDate] = []
    already: list[Meeting] = []
    for rhythm_day in _rhythm_days(rhythm, _anchor(rhythm, held, year), year):
        day = move_off_holiday(rhythm_day)
        there = next((m for m in held if m.date == day or _same_turn(rhythm, m.date, rhythm_day)),
                     None)
        if there is not None:
            if there not in already:
                already.append(there)
        elif day >= today:
            new.append(PlannedDate(day, rhythm_day, holiday_name(rhythm_day)))
    start, end, place = _usual(held)
    template = ws.template_of(group)
    minutes = sum(item.minutes or 0 for item in template.items) if template else 0
    return YearPlan(group, year, rhythm, new, already, start, end, place, minutes,
                    municipality(ws), database_id(ws))


def create_year_plan(ws: Workspace, group_id: int, year: int, today: date | None = None, *,
                     before_commit: Callable[[YearPlan], None] | None = None) -> YearPlan:
    """Plan the meetings `year_plan` proposes (`services.meetings.plan_meeting`: the agenda
    from the template, the members as attendance, the group's chair) at the group's usual
    time and place; the plan with its new meetings.

    Read and written in one transaction, so that two programs planning the same year at once
    plan each meeting once. `before_commit` is called with the plan before it is committed (to
    write the calendar file that goes with it): if it raises, nothing is planned."""
    with ws.store.transaction():
        plan = year_plan(ws, group_id, year, today)
        assert plan.group.id is not None
        made = replace(plan, new=[
            PlannedDate(p.day, p.rhythm_day, p.holiday, plan_meeting(
                ws, plan.group.id, p.day, start=plan.start, end=plan.end, place=plan.place))
            for p in plan.new
        ])
        if before_commit is not None:
            before_commit(made)
    return made


def _rhythm_days(rhythm: Rhythm, anchor: date, year: int) -> list[date]:
    """The rhythm's dates in `year`, stepping from `anchor` (before the year or in it)."""
    skip = list(rhythm.skip_months)
    day = anchor
    while day.year < year:
        day = next_in_rhythm(rhythm.frequency, skip, day)
    days = []
    while day.year == year:
        days.append(day)
        day = next_in_rhythm(rhythm.frequency, skip, day)
    return days


def _anchor(rhythm: Rhythm, held: list[Meeting], year: int) -> date:
    """Where the rhythm starts: the group's latest meeting before `year` put on its habit day,
    else its first meeting in `year`, else the first working day of the year that it meets."""
    before = [m.date for m in held if m.date.year < year]
    if before:
        return _on_habit_day(rhythm, before[-HABIT_MEETINGS:])
    during = [m.date for m in held if m.date.year == year]
    if during:
        return during[0]
    for month in range(1, 13):
        if month not in rhythm.skip_months:
            return move_off_holiday(_first_weekday(date(year, month, 1)))
    return date(year, 1, 1)  # every month skipped: the rhythm itself says so


def _on_habit_day(rhythm: Rhythm, latest: list[date]) -> date:
    """The last of `latest` moved to the weekday (and its place in the month) that most of them
    kept: a meeting moved off a holiday, or once to another day, does not set the rhythm."""
    last = latest[-1]
    if rhythm.frequency in _DAY_STEP:
        weekday = Counter(d.weekday() for d in reversed(latest)).most_common(1)[0][0]
        return last + timedelta(days=weekday - last.weekday())
    nth, weekday = Counter(((d.day - 1) // 7, d.weekday())
                           for d in reversed(latest)).most_common(1)[0][0]
    return nth_weekday(last.year, last.month, weekday, nth)


def _same_turn(rhythm: Rhythm, held: date, rhythm_day: date) -> bool:
    """Whether a meeting on `held` is the group's meeting for `rhythm_day`: nearer to it than
    to the rhythm's dates before and after (the same month for a monthly rhythm)."""
    if rhythm.frequency in _DAY_STEP:
        return abs((held - rhythm_day).days) * 2 < _DAY_STEP[rhythm.frequency]
    months = (held.year - rhythm_day.year) * 12 + held.month - rhythm_day.month
    return abs(months) * 2 < _MONTH_STEP[rhythm.frequency]


def _first_weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _usual(held: list[Meeting]) -> tuple[time | None, time | None, str]:
    """The start and end of the group's latest meeting that had a time, and its latest place."""
    timed = [m for m in held if m.start is not None]
    start, end = (timed[-1].start, timed[-1].end) if timed else (None, None)
    place = next((m.place for m in reversed(held) if m.place), "")
    return start, end, place
