"""What the chair is told before closing a meeting: what its minutes would leave out or say
wrong (each found running a meeting as a chair would)."""

from __future__ import annotations

from dataclasses import dataclass, field

from meetingtui.model import AgendaItem, Attendance, ItemKind, Meeting, Presence
from meetingtui.services.meetings import end_on_closing, get_meeting, next_item_of_kind
from meetingtui.services.workspace import Workspace
from meetingtui.store import agenda_items as item_rows
from meetingtui.store import meetings as meeting_rows
from meetingtui.store.measures import measures_of_meeting


@dataclass
class Incomplete:
    """What the chair is shown before closing."""

    measures_without_owner_or_due: list[int] = field(default_factory=list)
    items_not_visited: list[AgendaItem] = field(default_factory=list)
    end_missing: bool = False
    next_item: AgendaItem | None = None  # "Nästa möte", when its date is not decided
    # Present rows with a role but no name, and the attendance item they are named under.
    unnamed_present: list[Attendance] = field(default_factory=list)
    attendance_item: AgendaItem | None = None
    # ("chair" | "secretary" | "adjuster", name): named in the details, absent on the list;
    # and not on a list that names others at all.
    absent_officers: list[tuple[str, str]] = field(default_factory=list)
    unlisted_officers: list[tuple[str, str]] = field(default_factory=list)
    attendance_empty: bool = False  # the minutes would name nobody as present

    @property
    def empty(self) -> bool:
        return not (self.measures_without_owner_or_due or self.items_not_visited
                    or self.end_missing or self.next_item or self.unnamed_present
                    or self.absent_officers or self.unlisted_officers
                    or self.attendance_empty)


def check_before_close(ws: Workspace, meeting_id: int) -> Incomplete:
    meeting = get_meeting(ws, meeting_id)
    missing = [m.id for m in measures_of_meeting(ws.store, meeting_id)
               if m.id is not None and (not m.owner or m.due is None)]
    items = item_rows.items_of(ws.store, meeting_id)
    unvisited = [item for item in items if not item.visited]
    # The minutes would say "Nästa möte: Inte bestämt" although the item proposes a date.
    next_item = next_item_of_kind(items, ItemKind.NEXT)
    undecided = (next_item if meeting.next_date is None and next_item is not None
                 and not next_item.dropped else None)
    # The minutes would list roles as present: "Närvarande: Kommunpolis, Säkerhetschef".
    attendance = meeting_rows.attendance_of(ws.store, meeting_id)
    unnamed = [person for person in attendance
               if person.unnamed and person.presence is Presence.PRESENT]
    attendance_item = next_item_of_kind(items, ItemKind.ATTENDANCE)
    return Incomplete(missing, unvisited, end_missing=end_on_closing(ws, meeting) is None,
                      next_item=undecided, unnamed_present=unnamed,
                      attendance_item=attendance_item,
                      absent_officers=_absent_officers(meeting, attendance),
                      # Unnamed rows may be them: said once the rows are named.
                      unlisted_officers=[] if unnamed else _unlisted_officers(meeting,
                                                                             attendance),
                      attendance_empty=(not attendance and attendance_item is not None
                                        and not attendance_item.dropped))


def _officers(meeting: Meeting) -> list[tuple[str, str]]:
    """("chair" | "secretary" | "adjuster", name) for each the minutes will name."""
    return [(role, name) for role, name in (("chair", meeting.chair),
                                            ("secretary", meeting.secretary),
                                            ("adjuster", meeting.adjuster)) if name.strip()]


def _same_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def _absent_officers(meeting: Meeting, attendance: list[Attendance]) -> list[tuple[str, str]]:
    """The chair, secretary and adjuster the minutes will name who are marked absent: the
    minutes would be signed by someone they say was not there."""
    absent = {_same_name(p.name) for p in attendance
              if p.presence is Presence.ABSENT and p.name.strip()}
    return [(role, name) for role, name in _officers(meeting) if _same_name(name) in absent]


def _unlisted_officers(meeting: Meeting,
                       attendance: list[Attendance]) -> list[tuple[str, str]]:
    """The chair, secretary and adjuster the minutes will name who are not on an attendance
    list that names others: the minutes would list who was there without them. (An empty list
    is said once, as such.)"""
    listed = {_same_name(p.name) for p in attendance if p.name.strip()}
    if not listed:
        return []
    return [(role, name) for role, name in _officers(meeting) if _same_name(name) not in listed]
