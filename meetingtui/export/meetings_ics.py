"""A group's year of meetings as an RFC 5545 calendar for the members: one VEVENT per meeting.

The `icalendar` package writes it. Each event's UID is
``meeting-<group id>-<YYYYMMDD>@<database id>.meetingtui``: the same group's meeting on the same
day has the same UID in every export, so a calendar that imports the plan again (after it was
created, or proposed once more) updates the event instead of adding a second one.

A meeting with a time starts then (a floating local time: the members' calendars are in Sweden,
and a time zone database is not on every municipal laptop); it ends at its end time, or when
its agenda's timeboxes run out (to the quarter hour); a meeting without a time is an all-day
event. A meeting that is only proposed (`--dry-run`) is TENTATIVE, one in the database
CONFIRMED.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from icalendar import Event

from meetingtui.dates import say_day
from meetingtui.export.ics_calendar import domain_for, new_calendar, stamp
from meetingtui.services.planning import YearPlan

PRODID = "-//meetingtui//Mötesplan//SV"


@dataclass(frozen=True)
class _Entry:
    day: date
    start: time | None
    end: time | None
    place: str
    confirmed: bool
    moved_from: date | None = None
    holiday: str | None = None


def uid(group_id: int, day: date, domain: str) -> str:
    return f"meeting-{group_id}-{day:%Y%m%d}@{domain}"


def _entries(plan: YearPlan) -> list[_Entry]:
    """The year's meetings: those already there as they are, the new ones at the usual time."""
    entries = [_Entry(m.date, m.start, m.end, m.place, True) for m in plan.already]
    entries += [
        _Entry(p.day, plan.start, plan.end, plan.place, p.meeting is not None,
               p.rhythm_day if p.day != p.rhythm_day else None, p.holiday)
        for p in plan.new
    ]
    return sorted(entries, key=lambda entry: entry.day)


def _event(plan: YearPlan, entry: _Entry, domain: str, stamp: datetime) -> Event:
    assert plan.group.id is not None
    event = Event()
    event.add("uid", uid(plan.group.id, entry.day, domain))
    event.add("dtstamp", stamp)
    event.add("summary", f"{plan.group.short} – möte")
    if entry.start is None:
        event.add("dtstart", entry.day)  # DTSTART;VALUE=DATE: all day
        event.add("dtend", entry.day + timedelta(days=1))
    else:
        begins = datetime.combine(entry.day, entry.start)
        event.add("dtstart", begins)
        if entry.end is not None and entry.end > entry.start:
            event.add("dtend", datetime.combine(entry.day, entry.end))
        elif plan.agenda_minutes:  # rounded up to a quarter of an hour, as a calendar shows
            event.add("dtend", begins + timedelta(minutes=-(-plan.agenda_minutes // 15) * 15))
    if entry.place:
        event.add("location", entry.place)
    lines = [plan.group.name]
    if entry.moved_from is not None:
        lines.append(f"Flyttat från {say_day(entry.moved_from)}"
                     + (f" ({entry.holiday})" if entry.holiday else ""))
    event.add("description", "\n".join(lines))
    event.add("status", "CONFIRMED" if entry.confirmed else "TENTATIVE")
    event.add("categories", [plan.group.short])
    return event


def build_ics(plan: YearPlan, now: datetime | None = None) -> bytes:
    """The calendar as bytes; ``now`` (the DTSTAMP) defaults to the current time, in UTC."""
    when = stamp(now)
    domain = domain_for(plan.database_id, plan.municipality)
    name = f"{plan.group.short} – möten {plan.year}"
    calendar = new_calendar(
        PRODID, f"{name} – {plan.municipality}" if plan.municipality else name)
    for entry in _entries(plan):
        calendar.add_component(_event(plan, entry, domain, when))
    data: bytes = calendar.to_ical()
    return data
