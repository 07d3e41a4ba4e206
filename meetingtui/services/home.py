"""The home screen's summary of every group, without the models (see store/overview.py)."""

from __future__ import annotations

from datetime import date

from meetingtui.services.settings import DEFAULT_MUNICIPALITY, municipality
from meetingtui.services.workspace import Workspace
from meetingtui.store.overview import GroupLine, MeetingRef, agreements_ending, group_lines

#: How many days before its period ends an agreement is warned about (services.agreements says
#: the same; not imported from there: the home screen paints before the models are imported).
ENDING_DAYS = 60

__all__ = ["DEFAULT_MUNICIPALITY", "GroupLine", "MeetingRef", "add_missing_groups",
           "ending_agreements", "lines", "municipality"]


def needs_setup(ws: Workspace) -> bool:
    """A new database: no municipality named yet and no meeting held (the demo names its
    own): the app asks for the municipality's name once."""
    from meetingtui.services.settings import municipality_set

    if municipality_set(ws):
        return False
    held: int = ws.store.conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
    return held == 0


def lines(ws: Workspace) -> list[GroupLine]:
    """One line per group, in id order. Groups a template has but the database lacks are added
    once the templates are read (`add_missing_groups`); the first frame does not wait for them."""
    if ws.templates_loaded:
        add_missing_groups(ws)
    return group_lines(ws.store.conn, ws.today())


def add_missing_groups(ws: Workspace) -> bool:
    """Create the group of every template that has none (reads the templates); True if any."""
    from meetingtui.services.groups import ensure_groups

    before: int = ws.store.conn.execute("SELECT count(*) FROM groups").fetchone()[0]
    return len(ensure_groups(ws)) != before


def ending_agreements(ws: Workspace) -> list[tuple[str, date]]:
    """The medborgarlöften and samverkansöverenskommelser whose period ends within 60 days of
    today (the 60th day included; one already ended is not said), with their last day."""
    return agreements_ending(ws.store.conn, ws.today(), ENDING_DAYS)
