"""What every calendar file meetingtui writes shares: its head, its time stamp and the domain of
its UIDs (the database's id, made once, so a calendar imported again updates its entries even
after the municipality is renamed)."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

from icalendar import Calendar


def uid_domain(municipality: str) -> str:
    """``meetingtui.<municipality as lowercase ASCII and dashes>``: for a database from before
    it had an id."""
    ascii_text = unicodedata.normalize("NFKD", municipality).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_text.lower()).split()
    return "meetingtui." + ("-".join(words)[:60].strip("-") or "kommun")


def domain_for(database_id: str, municipality: str) -> str:
    return f"{database_id}.meetingtui" if database_id else uid_domain(municipality)


def stamp(now: datetime | None) -> datetime:
    """The DTSTAMP: ``now`` or the current time, in UTC, whole seconds."""
    return (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)


def new_calendar(prodid: str, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar
