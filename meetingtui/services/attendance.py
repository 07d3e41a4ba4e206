"""The attendance list of one meeting: who is there, named and corrected during the meeting.

A name given to a row is the member's at the group's next meetings, and the meeting's chair,
secretary or adjuster written as the row was follows it."""

from __future__ import annotations

from meetingtui.model import Attendance, Member, Presence
from meetingtui.services.amend import note_change
from meetingtui.services.meetings import details_said, get_meeting
from meetingtui.services.workspace import Workspace
from meetingtui.store import groups as group_rows
from meetingtui.store import meetings as meeting_rows


def of_meeting(ws: Workspace, meeting_id: int) -> list[Attendance]:
    return meeting_rows.attendance_of(ws.store, meeting_id)


def set_presence(ws: Workspace, attendance_id: int, meeting_id: int, presence: Presence) -> None:
    person = meeting_rows.get_attendance(ws.store, attendance_id)
    if person is None or person.meeting_id != meeting_id:
        raise LookupError(f"No attendance row {attendance_id} in meeting {meeting_id}")
    with ws.store.transaction():
        meeting_rows.update_attendance(ws.store, person.model_copy(update={"presence": presence}),
                                       person)
        note_change(ws, meeting_id, f"Närvaro {person.name}", person.presence.value,
                    presence.value)


def update_attendee(ws: Workspace, edited: Attendance, base: Attendance) -> Attendance:
    """A row of the attendance list corrected (name, role, organisation, stand-in, presence).

    A member's name, role and organisation are remembered for the group's next meetings; a
    stand-in (ersättare) is this meeting's only."""
    assert edited.id is not None
    with ws.store.transaction():
        stored = meeting_rows.update_attendance(ws.store, edited, base)
        note_change(ws, edited.meeting_id, f"Närvaro {base.name}", _person(base),
                    _person(stored))
        _follow_name(ws, edited.meeting_id, base.name, stored.name)
        if stored.person_id is not None and not stored.substitute:
            person = group_rows.get_person(ws.store, stored.person_id)
            if person is not None:
                group_rows.update_person(ws.store, person.model_copy(update={
                    "name": stored.name, "role": stored.role,
                    "organisation": stored.organisation}), person)
    return stored


def _follow_name(ws: Workspace, meeting_id: int, old: str, new: str) -> None:
    """The meeting's chair, secretary or adjuster written as the attendance row was (a role
    from the template, "Säkerhetschef", or a name misspelt) follows the row's new name."""
    meeting = get_meeting(ws, meeting_id)
    named = {key: new for key in ("chair", "secretary", "adjuster")
             if old and new != old and getattr(meeting, key) == old}
    if named:
        stored = meeting_rows.update_meeting(ws.store, meeting.model_copy(update=named),
                                             meeting, only=set(named))
        note_change(ws, meeting_id, "Mötesuppgifter", details_said(meeting), details_said(stored))


def _person(person: Attendance) -> str:
    stand_in = " (ersättare)" if person.substitute else ""
    return f"{person.name}, {person.role}, {person.organisation}{stand_in}: {person.presence}"


def add_attendee(ws: Workspace, person: Attendance) -> Attendance:
    """A co-opted guest (adjungerad) or a member added to this meeting."""
    with ws.store.transaction():
        note_change(ws, person.meeting_id, "Närvaro", "", person.name)
        return meeting_rows.insert_attendance(ws.store, [person])[0]


def known_people(ws: Workspace, meeting_id: int, group_id: int) -> dict[str, str]:
    """Who a measure may be given to, each with their organisation ("" when not known): the
    names and roles of this meeting's attendance, then the group's members. A role stands
    for its holder ("Kommunpolis": Polisen). The first organisation known for a name wins:
    the meeting's own list is the newest."""
    known: dict[str, str] = {}
    people: list[Attendance | Member] = [*meeting_rows.attendance_of(ws.store, meeting_id),
                                         *group_rows.members(ws.store, group_id)]
    for person in people:
        for name in (person.name, person.role):
            if name and not known.get(name):
                known[name] = person.organisation
    return known
