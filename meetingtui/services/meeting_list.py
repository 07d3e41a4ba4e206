"""The meetings a database holds, read without writing to it (`meetingtui meetings`).

A file of the current schema is read through a read-only connection, so that a file the user may
only read (a copy from a backup, a colleague's file) is listed as `meetingtui actions` lists it.
Any other file (missing, older, newer, foreign) is for `Store.open` to create, upgrade or refuse:
`read_meetings` returns None and the caller opens a workspace.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meetingtui.services.group_names import UnknownGroup
from meetingtui.store import actions as action_rows
from meetingtui.store.meeting_list import MeetingRow, meeting_rows

if TYPE_CHECKING:
    from meetingtui.agenda import TemplateSet


@dataclass(frozen=True)
class ListedMeeting:
    """One line of `meetingtui meetings`, with stable English values."""

    id: int
    group: str  # the group's short name
    date: str
    start: str | None  # HH:MM
    end: str | None
    place: str
    status: str  # planned, running, closed

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "group": self.group, "date": self.date, "start": self.start,
                "end": self.end, "place": self.place, "status": self.status}


def read_meetings(db_path: Path, group: str | None,
                  templates: Callable[[], TemplateSet]) -> list[ListedMeeting] | None:
    """The meetings, oldest first (one group's with ``group``), or None when the file is not of
    the current schema. ``templates`` is called once the file is known to be readable: a group
    whose template has no row yet (it has no meetings either) is found there."""
    conn = action_rows.open_for_reading(db_path)
    if conn is None:
        return None
    try:
        known = templates()
        stored = action_rows.groups(conn)
        shorts = {group_id: short for group_id, _, short, _ in stored}
        if group is None:
            rows = meeting_rows(conn)
        else:
            group_id = _group_id(stored, known, group)
            rows = meeting_rows(conn, group_id) if group_id is not None else []
    except sqlite3.Error as error:
        from meetingtui.store.db import explain

        raise explain(error, db_path) from error
    finally:
        conn.close()
    return [_listed(row, shorts.get(row.group_id, "")) for row in rows]


def _group_id(stored: list[tuple[int, str, str, str]], known: TemplateSet,
              name: str) -> int | None:
    """The stored group called ``name`` (template id, short name or name, in any case); None
    for a template's group that is not stored yet; UnknownGroup for neither."""
    from meetingtui.services.group_names import matching

    wanted = name.strip().casefold()
    found = matching(stored, name)
    if len(found) == 1:
        return found[0]
    if found:
        raise UnknownGroup(name, [], [short for group_id, _, short, _ in stored
                                      if group_id in found])
    template = known.get(name) or next(
        (t for t in known.templates.values() if t.name.casefold() == wanted), None)
    if template is not None:
        return None
    stored_ids = {template_id for _, template_id, _, _ in stored}
    names = [short for _, _, short, _ in stored] + [
        t.short for t in known.templates.values() if t.id not in stored_ids]
    raise UnknownGroup(name, names, [])


def _listed(row: MeetingRow, group: str) -> ListedMeeting:
    return ListedMeeting(row.id, group, row.date, _hh_mm(row.start), _hh_mm(row.end), row.place,
                         row.status)


def _hh_mm(stored: str | None) -> str | None:
    return time.fromisoformat(stored).strftime("%H:%M") if stored else None
