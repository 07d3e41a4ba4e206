"""The action list as an RFC 5545 calendar: each measure that has a due date as an all-day
event on that day (VEVENT, with a reminder a week before while it is open), as a to-do
(VTODO), or both.

Events are the default: Outlook and Google Calendar show an imported or subscribed calendar's
events, and ignore its to-dos. An all-day event is DTSTART;VALUE=DATE on the due date and DTEND
the day after (RFC 5545 3.6.1: the end is not part of the event), transparent (it blocks no
time).

The `icalendar` package writes it (CRLF line ends, lines folded at 75 octets, TEXT escaped).
Each to-do's UID is ``measure-<id>@<database id>.meetingtui``, each event's
``measure-<id>-due@…``: the same measure has the same UIDs in every export, so a calendar that
imports the file again, or subscribes to it, updates the entry instead of adding a second one.
The database's id is made once (schema 5), so renaming the municipality changes no UID; a
database without one (never the case once opened by this version) falls back to the
municipality's name. Measures without a due date have no place in a calendar
and are left out.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from icalendar import Alarm, Event, Todo

from meetingtui.export.actions.common import (
    HEAD,
    OVERDUE,
    STATUS_WORDS,
    TITLE,
    causes_text,
    kind_text,
    owner_label,
    proposal_heading,
    status_word,
)
from meetingtui.export.ics_calendar import domain_for, new_calendar, stamp
from meetingtui.group_names import short_and_name
from meetingtui.services.actions import ActionList, ActionRow

PRODID = "-//meetingtui//Åtgärdslista//SV"
ICS_STATUS = {
    "not_started": "NEEDS-ACTION",
    "in_progress": "IN-PROCESS",
    "done": "COMPLETED",
    "cancelled": "CANCELLED",
}
SUMMARY_MAX = 120
#: What `--ics` takes: the kinds of entry a measure becomes.
KINDS = ("events", "todos", "both")
REMINDER = timedelta(days=-7)  # a week before the due date
#: Before a closed measure's summary in an event: the calendar shows it was dealt with.
CLOSED_PREFIX = {"done": "Klar: ", "cancelled": "Avbruten: "}


def uid(row: ActionRow, domain: str) -> str:
    return f"measure-{row.id}@{domain}"


def _summary(row: ActionRow) -> str:
    text = " ".join(row.text.split())
    if len(text) > SUMMARY_MAX:
        text = text[: SUMMARY_MAX - 1].rstrip() + "…"
    if row.waiting:
        return f"{row.group_short}: {proposal_heading(row)}: {text}"
    return f"{row.group_short}: {text}"


def _description(row: ActionRow) -> str:
    status = STATUS_WORDS.get(row.status, row.status)
    lines = [
        f"{HEAD['group']}: {short_and_name(row.group_short, row.group_name)}",
        f"{HEAD['meeting']}: {row.meeting_date.isoformat()} (nr {row.meeting_id})",
        f"{HEAD['owner']}: {owner_label(row)}",
        f"{HEAD['status']}: {status_word(row) if row.waiting else status}"
        + (f" – {OVERDUE}" if row.overdue else ""),
        f"{HEAD['type']}: {kind_text(row)}",
        *([causes_text(row)] if row.causes else []),
        "",
        row.text,
    ]
    return "\n".join(lines)


def _todo(row: ActionRow, domain: str, stamp: datetime) -> Todo:
    todo = Todo()
    todo.add("uid", uid(row, domain))
    todo.add("dtstamp", stamp)
    todo.add("due", row.due)  # a date: DUE;VALUE=DATE
    todo.add("summary", _summary(row))
    todo.add("description", _description(row))
    todo.add("status", ICS_STATUS.get(row.status, "NEEDS-ACTION"))
    todo.add("categories", [row.group_short])
    if row.confidential:
        todo.add("class", "CONFIDENTIAL")
    return todo


def event_uid(row: ActionRow, domain: str) -> str:
    return f"measure-{row.id}-due@{domain}"


def _event(row: ActionRow, due: date, domain: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", event_uid(row, domain))
    event.add("dtstamp", stamp)
    event.add("dtstart", due)  # a date: DTSTART;VALUE=DATE, an all-day event
    event.add("dtend", due + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("summary", CLOSED_PREFIX.get(row.status, "") + _summary(row))
    event.add("description", _description(row))
    event.add("status", "CANCELLED" if row.status == "cancelled" else "CONFIRMED")
    event.add("categories", [row.group_short])
    if row.confidential:
        event.add("class", "CONFIDENTIAL")
    if row.status in ("not_started", "in_progress"):
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", REMINDER)
        alarm.add("description", f"Om en vecka: {_summary(row)}")
        event.add_component(alarm)
    return event


def build_ics(actions: ActionList, now: datetime | None = None, *,
              kind: str = "events") -> bytes:
    """The calendar as bytes, each dated measure as `kind` ("events", "todos" or "both");
    ``now`` (the DTSTAMP) defaults to the current time, in UTC."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    when = stamp(now)
    domain = domain_for(actions.database_id, actions.municipality)
    name = f"{TITLE} – {actions.municipality}" if actions.municipality else TITLE
    if actions.filters.owner:
        name += f" – {actions.filters.owner}"
    calendar = new_calendar(PRODID, name)
    for row in actions.rows:
        if row.due is None:
            continue
        if kind != "todos":
            calendar.add_component(_event(row, row.due, domain, when))
        if kind != "events":
            calendar.add_component(_todo(row, domain, when))
    data: bytes = calendar.to_ical()
    return data
