"""`meetingtui demo`: a fictional municipality, Exempelkommun, and its groups' meetings.

Every group type in the templates gets a group with a roster of fictional members and meetings
in its rhythm (`frequency`, `skip_months`) over `years` years up to today, then its next meeting,
planned. Each past meeting is recorded through the services as a chair would: planned, started
(which carries open observations over), every agenda item visited and filled, closed. Time is
the workspace clock, set to the meeting's own date and time while it is recorded, so updates carry
realistic timestamps; the caller's clock is restored afterwards. The one shortcut: each agenda
item's walk (start, end, notes, decision) is written once, straight to the store, where the
services' visit_item and edit_item would read the whole agenda again for every item.

Each meeting is one transaction: killing the process leaves whole meetings only. The same seed and
the same today give the same database.

`meetings_per_year` (for benchmarks) makes EST meet that many times a year, spread evenly over the
working days outside its skipped months (at most one a day: about 215 a year with July and
December off). Groups are one per template, so the extra load is more EST
meetings, not more EST groups; every other group keeps its rhythm.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random

from meetingtui.dates import move_off_holiday, next_meeting_date, nth_weekday
from meetingtui.demo import attendees
from meetingtui.demo.agreements import add_agreements, follow_up_agreements
from meetingtui.demo.meeting import DemoClock, GroupState, MeetingRecorder, new_name
from meetingtui.model import (
    Frequency,
    Group,
    GroupTemplate,
)
from meetingtui.services.groups import ensure_groups, members, update_member
from meetingtui.services.meetings import (
    list_meetings,
)
from meetingtui.services.workspace import Workspace
from meetingtui.store.measures import counts_for_group

REFUSAL = "The database already has meetings; demo fills an empty one. Use --db for a new file."
# Each group's habit: (nth weekday of the month, 0 = first; weekday, 0 = Monday; start time).
_HABIT = {"est": (1, 1, time(9, 0)), "sspf": (0, 3, time(13, 0)),
          "styrgrupp": (2, 2, time(13, 0)), "bra": (2, 3, time(8, 30))}
_HABITS = [(1, 1, time(9, 0)), (0, 3, time(13, 0)), (2, 2, time(10, 0)), (3, 0, time(14, 0)),
           (1, 3, time(8, 30)), (2, 1, time(13, 30)), (0, 2, time(9, 30)), (3, 3, time(10, 0))]
# First month of a rhythm, so that meetings fall in sensible months (styrgrupp: March, Sept).
_ANCHOR = {Frequency.QUARTERLY: 2, Frequency.SIX_PER_YEAR: 1, Frequency.TWICE_YEARLY: 3}


class DemoError(Exception):
    """The demo cannot run here; the message says why in English, ``key`` (`[cli_demo]`) in
    the user's language."""

    def __init__(self, message: str, key: str) -> None:
        super().__init__(message)
        self.key = f"cli_demo.{key}"


@dataclass(frozen=True)
class DemoSummary:
    groups: int
    meetings: int
    observations: int
    measures: int
    overdue_measures: int


def fill_demo(
    ws: Workspace, years: int = 1, *, seed: int = 1, meetings_per_year: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty database with Exempelkommun's meetings; raises DemoError otherwise."""
    if years < 1:
        raise DemoError("--years must be 1 or more", "years")
    if meetings_per_year is not None and not 1 <= meetings_per_year <= 500:
        raise DemoError("meetings per year must be between 1 and 500", "per_year")
    if list_meetings(ws):
        raise DemoError(REFUSAL, "not_empty")
    if not ws.templates.templates:
        raise DemoError("No agenda templates were found, so there are no groups to fill.",
                        "no_templates")
    from meetingtui.services.settings import (
        DEFAULT_MUNICIPALITY,
        municipality_set,
        set_municipality,
    )

    if not municipality_set(ws):
        set_municipality(ws, DEFAULT_MUNICIPALITY)  # a fictional municipality's meetings
    rng = Random(seed)
    today = ws.today()
    first = _years_back(today, years)
    saved_clock = ws.clock
    clock = DemoClock(datetime.combine(first, time(8, 0)))
    ws.clock = clock
    try:
        states = _cast(ws, rng)
        add_agreements(ws, today)
        schedule: list[tuple[datetime, int, datetime | None]] = []
        for index, state in enumerate(states):
            # As a chair plans: never on nyårsdagen or julafton (the rhythm alone gave both).
            days = [move_off_holiday(day, earliest=today if day >= today else None)
                    for day in _dates(state.template, state.habit, first, today,
                                      meetings_per_year)]
            start = state.habit[2]
            moments = [datetime.combine(day, start) for day in days]
            schedule += [(moment, index, after)
                         for moment, after in zip(moments, [*moments[1:], None], strict=True)]
        schedule.sort()
        recorder = MeetingRecorder(ws, clock, rng, today)
        recorder.states = states
        for done, (when, index, after) in enumerate(schedule, start=1):
            clock.now = when
            with ws.store.transaction():
                recorder.record(states[index], when, after)
            if progress is not None:
                progress(done, len(schedule))
        follow_up_agreements(ws, today)
    finally:
        ws.clock = saved_clock
    return _summary(ws, today, len(states))


def _years_back(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _cast(ws: Workspace, rng: Random) -> list[GroupState]:
    """Every template's group, its members given fictional names (the same role, the same
    person across groups). Members someone has already named are left as they are."""
    people: dict[str, str] = {}
    used: set[str] = set()
    states: list[GroupState] = []
    with ws.store.transaction():
        for group in ensure_groups(ws):
            template = ws.template_of(group)
            if template is None:
                continue
            assert group.id is not None
            roster = []
            for person in members(ws, group.id):
                if person.name == person.role or not person.name:
                    key = person.role.casefold()
                    if key not in people:
                        people[key] = new_name(rng, used)
                    person = person.model_copy(update={
                        "name": people[key], "organisation": person.organisation
                        or _organisation(person.role),
                    })
                    person = update_member(ws, group.id, person)
                roster.append(person)
            kind = _kind(group, template)
            habit = _HABIT.get(template.id) or _HABITS[len(states) % len(_HABITS)]
            states.append(GroupState(group=group, template=template, members=roster, kind=kind,
                                     habit=habit))
    return states


def _organisation(role: str) -> str:
    wanted = role.casefold()
    return next((org for words, org in attendees.ORGANISATIONS
                 if any(word in wanted for word in words.split("|"))),
                attendees.DEFAULT_ORGANISATION)


def _kind(group: Group, template: GroupTemplate) -> str:
    """Which content fits the group: est, sspf, styr, bra, ratt, kffv or '' (generic)."""
    said = f"{template.id} {group.short} {group.name}".casefold()
    tokens = set(re.split(r"[^a-zåäö0-9]+", said))
    for kind, words in (("sspf", ("sspf",)), ("est", ("est", "trygghetsgrupp")),
                        ("bered", ("bered",)), ("styr", ("styr", "strategisk")),
                        ("bra", ("brå", "bra", "brottsförebyggande råd")),
                        ("ratt", ("rättighet",)), ("kffv", ("våld", "kffv", "ombud"))):
        if any(word in tokens or (len(word) > 4 and word in said) for word in words):
            return kind
    return ""


def _dates(template: GroupTemplate, habit: tuple[int, int, time], first: date, today: date,
           per_year: int | None) -> list[date]:
    """The group's meeting dates from `first`, ending with the first one on or after today."""
    if per_year is not None and template.id == "est":
        return _even_dates(template.skip_months, first, today, per_year)
    nth, weekday, _ = habit
    if template.frequency in (Frequency.WEEKLY, Frequency.BIWEEKLY, Frequency.AD_HOC):
        day = first + timedelta(days=(weekday - first.weekday()) % 7)
    else:
        year, month = first.year, first.month
        step = {Frequency.MONTHLY: 1, Frequency.SIX_PER_YEAR: 2, Frequency.QUARTERLY: 3,
                Frequency.TWICE_YEARLY: 6}[template.frequency]
        anchor = _ANCHOR.get(template.frequency, 1)
        while (month - anchor) % step or month in template.skip_months:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        day = nth_weekday(year, month, weekday, nth)
    while day < first:
        day = next_meeting_date(template.frequency, template.skip_months, day)
    days = [day]
    while days[-1] < today:
        days.append(next_meeting_date(template.frequency, template.skip_months, days[-1]))
    return days


def _even_dates(skip: list[int], first: date, today: date, per_year: int) -> list[date]:
    """`per_year` dates a year on working days outside the skipped months."""
    working = 261 * (12 - len(skip)) / 12
    step = max(1.0, working / per_year)
    days: list[date] = []
    owed = 0.0
    day = first
    while not days or days[-1] < today:
        if day.weekday() < 5 and day.month not in skip:
            owed -= 1
            if owed <= 0:
                days.append(day)
                owed += step
        day += timedelta(days=1)
    return days


def _summary(ws: Workspace, today: date, groups: int) -> DemoSummary:
    db = ws.store.db
    overdue = 0
    for group in ensure_groups(ws):
        assert group.id is not None
        overdue += counts_for_group(ws.store, group.id, today).overdue
    return DemoSummary(
        groups=groups,
        meetings=db.execute("SELECT count(*) FROM meetings").fetchone()[0],
        observations=db.execute(
            "SELECT count(*) FROM observations WHERE deleted_at IS NULL").fetchone()[0],
        measures=db.execute("SELECT count(*) FROM measures WHERE deleted_at IS NULL").fetchone()[0],
        overdue_measures=overdue,
    )
