"""The action list as an RFC 5545 calendar: one VTODO per measure that has a due date.

The `icalendar` package writes it (CRLF line ends, lines folded at 75 octets, TEXT escaped).
Each to-do's UID is ``measure-<id>@<database id>.meetingtui``: the same measure has the same UID
in every export, so a calendar that imports the file again, or subscribes to it, updates the
to-do instead of adding a second one. The database's id is made once (schema 5), so renaming the
municipality changes no UID; a database without one (never the case once opened by this version)
falls back to the municipality's name. Measures without a due date have no place in a calendar
and are left out.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

from icalendar import Calendar, Todo

from meetingtui.export.actions_common import (
    HEAD,
    OVERDUE,
    STATUS_SV,
    TITLE,
    owner_label,
)
from meetingtui.services.actions import ActionList, ActionRow

PRODID = "-//meetingtui//Åtgärdslista//SV"
ICS_STATUS = {
    "not_started": "NEEDS-ACTION",
    "in_progress": "IN-PROCESS",
    "done": "COMPLETED",
    "cancelled": "CANCELLED",
}
SUMMARY_MAX = 120


def uid_domain(municipality: str) -> str:
    """``meetingtui.<municipality as lowercase ASCII and dashes>``."""
    ascii_text = unicodedata.normalize("NFKD", municipality).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_text.lower()).split()
    return "meetingtui." + ("-".join(words)[:60].strip("-") or "kommun")


def uid(row: ActionRow, domain: str) -> str:
    return f"measure-{row.id}@{domain}"


def _summary(row: ActionRow) -> str:
    text = " ".join(row.text.split())
    if len(text) > SUMMARY_MAX:
        text = text[: SUMMARY_MAX - 1].rstrip() + "…"
    return f"{row.group_short}: {text}"


def _description(row: ActionRow) -> str:
    status = STATUS_SV.get(row.status, row.status)
    lines = [
        f"{HEAD['group']}: {row.group_short} – {row.group_name}",
        f"{HEAD['meeting']}: {row.meeting_date.isoformat()} (nr {row.meeting_id})",
        f"{HEAD['owner']}: {owner_label(row)}",
        f"{HEAD['status']}: {status}" + (f" – {OVERDUE}" if row.overdue else ""),
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


def build_ics(actions: ActionList, now: datetime | None = None) -> bytes:
    """The calendar as bytes; ``now`` (the DTSTAMP) defaults to the current time, in UTC."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    domain = (f"{actions.database_id}.meetingtui" if actions.database_id
              else uid_domain(actions.municipality))
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = f"{TITLE} – {actions.municipality}" if actions.municipality else TITLE
    if actions.filters.owner:
        name += f" – {actions.filters.owner}"
    calendar.add("x-wr-calname", name)
    for row in actions.rows:
        if row.due is not None:
            calendar.add_component(_todo(row, domain, stamp))
    data: bytes = calendar.to_ical()
    return data
