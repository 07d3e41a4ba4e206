"""A meeting's life: planned from its template, started (with carry-over), walked, closed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from meetingtui.dates import next_meeting_date
from meetingtui.model import (
    AgendaItem,
    Attendance,
    ItemKind,
    Meeting,
    MeetingStatus,
    Presence,
)
from meetingtui.services.amend import note_change
from meetingtui.services.errors import MeetingNotFound
from meetingtui.services.groups import get_group, members
from meetingtui.services.workspace import Workspace
from meetingtui.store import agenda_items as item_rows
from meetingtui.store import lagesbild as lagesbild_rows
from meetingtui.store import meetings as meeting_rows
from meetingtui.store.measures import measures_of_meeting


def get_meeting(ws: Workspace, meeting_id: int) -> Meeting:
    meeting = meeting_rows.get_meeting(ws.store, meeting_id)
    if meeting is None:
        raise MeetingNotFound(f"No meeting with id {meeting_id}")
    return meeting


def list_meetings(ws: Workspace, group_id: int | None = None) -> list[Meeting]:
    return meeting_rows.list_meetings(ws.store, group_id)


def propose_date(ws: Workspace, group_id: int) -> date:
    """The group's rhythm after its latest meeting; a first meeting is proposed for today."""
    group = get_group(ws, group_id)
    template = ws.template_of(group)
    latest = meeting_rows.list_meetings(ws.store, group_id)
    if not latest or template is None:
        return ws.today()
    proposed = next_meeting_date(template.frequency, template.skip_months, latest[-1].date)
    while proposed < ws.today():
        proposed = next_meeting_date(template.frequency, template.skip_months, proposed)
    return proposed


def default_attendance(ws: Workspace, group_id: int) -> list[Attendance]:
    """The members, all present: the chair marks who is missing."""
    return [
        Attendance(meeting_id=0, name=person.name, role=person.role,
                   organisation=person.organisation)
        for person in members(ws, group_id)
    ]


def plan_meeting(
    ws: Workspace, group_id: int, day: date, *, start: time | None = None, place: str = "",
    chair: str = "", secretary: str = "", adjuster: str = "",
    attendance: list[Attendance] | None = None,
) -> Meeting:
    """A planned meeting with its agenda copied from the template and its attendance list."""
    group = get_group(ws, group_id)
    template = ws.template_of(group)
    if not chair and template is not None:
        chair = template.chair
    people = default_attendance(ws, group_id) if attendance is None else attendance
    with ws.store.transaction():
        meeting = meeting_rows.insert_meeting(ws.store, Meeting(
            group_id=group_id, date=day, start=start, place=place, chair=chair,
            secretary=secretary, adjuster=adjuster,
        ))
        assert meeting.id is not None
        if template is not None:
            item_rows.insert_items(ws.store, [
                AgendaItem(meeting_id=meeting.id, position=number, title=item.title,
                           kind=item.kind, minutes=item.minutes, guidance=item.guidance,
                           points=list(item.points))
                for number, item in enumerate(template.items, start=1)
            ])
        meeting_rows.insert_attendance(ws.store, [
            person.model_copy(update={"meeting_id": meeting.id, "id": None})
            for person in people
        ])
    return meeting


def update_details(ws: Workspace, meeting: Meeting) -> None:
    """Date, time, place, chair, secretary, adjuster."""
    assert meeting.id is not None
    old = get_meeting(ws, meeting.id)
    with ws.store.transaction():
        note_change(ws, meeting.id, "Mötesuppgifter", _details(old), _details(meeting))
        meeting_rows.update_meeting(ws.store, meeting.model_copy(update={"status": old.status}))


def _details(meeting: Meeting) -> str:
    return (f"{meeting.date} {meeting.start or ''}–{meeting.end or ''} {meeting.place}; "
            f"{meeting.chair} / {meeting.secretary} / {meeting.adjuster}")


def start_meeting(ws: Workspace, meeting_id: int) -> Meeting:
    """Running from now; what the last meeting left open comes along. Safe to call again."""
    meeting = get_meeting(ws, meeting_id)
    if meeting.status is not MeetingStatus.PLANNED:
        return meeting
    started = meeting.model_copy(update={
        "status": MeetingStatus.RUNNING, "start": meeting.start or ws.now().time(),
    })
    with ws.store.transaction():
        meeting_rows.update_meeting(ws.store, started)
        carry_over_observations(ws, started)
    return started


def carry_over_observations(ws: Workspace, meeting: Meeting) -> int:
    """Copy the previous meeting's open and watched observations into this one, marked."""
    assert meeting.id is not None
    previous = meeting_rows.previous_meeting(ws.store, meeting)
    if previous is None or previous.id is None:
        return 0
    already = {o.carried_over_from for o in lagesbild_rows.observations_of(ws.store, meeting.id)}
    count = 0
    with ws.store.transaction():
        for old in lagesbild_rows.observations_of(ws.store, previous.id):
            if old.status.carries_over and old.id not in already:
                lagesbild_rows.insert_observation(ws.store, old.model_copy(update={
                    "id": None, "meeting_id": meeting.id, "carried_over_from": old.id,
                }))
                count += 1
    return count


def visit_item(ws: Workspace, meeting_id: int, item_id: int) -> None:
    """The chair moved to this item: the one that was open ends, this one starts (once)."""
    now = ws.now()
    with ws.store.transaction():
        for item in item_rows.items_of(ws.store, meeting_id):
            if item.id == item_id and item.started_at is None:
                item_rows.update_item(ws.store, item.model_copy(update={"started_at": now}))
            elif item.id != item_id and item.started_at and item.ended_at is None:
                item_rows.update_item(ws.store, item.model_copy(update={"ended_at": now}))


def edit_item(ws: Workspace, item_id: int, *, notes: str | None = None,
              decision: str | None = None, confidential: bool | None = None) -> AgendaItem:
    item = item_rows.get_item(ws.store, item_id)
    if item is None:
        raise LookupError(f"No agenda item with id {item_id}")
    changes = {key: value for key, value in
               {"notes": notes, "decision": decision, "confidential": confidential}.items()
               if value is not None}
    edited = item.model_validate({**item.model_dump(), **changes})
    with ws.store.transaction():
        note_change(ws, item.meeting_id, f"§ {item.position} {item.title}",
                    f"{item.notes}\n{item.decision}", f"{edited.notes}\n{edited.decision}")
        item_rows.update_item(ws.store, edited)
    return edited


def set_presence(ws: Workspace, attendance_id: int, meeting_id: int, presence: Presence) -> None:
    for person in meeting_rows.attendance_of(ws.store, meeting_id):
        if person.id == attendance_id:
            with ws.store.transaction():
                note_change(ws, meeting_id, f"Närvaro {person.name}", person.presence.value,
                            presence.value)
                meeting_rows.update_attendance(
                    ws.store, person.model_copy(update={"presence": presence})
                )
            return
    raise LookupError(f"No attendance row {attendance_id} in meeting {meeting_id}")


def add_attendee(ws: Workspace, person: Attendance) -> Attendance:
    """A co-opted guest (adjungerad) or a member added to this meeting."""
    with ws.store.transaction():
        note_change(ws, person.meeting_id, "Närvaro", "", person.name)
        return meeting_rows.insert_attendance(ws.store, [person])[0]


def attendance(ws: Workspace, meeting_id: int) -> list[Attendance]:
    return meeting_rows.attendance_of(ws.store, meeting_id)


def items(ws: Workspace, meeting_id: int) -> list[AgendaItem]:
    return item_rows.items_of(ws.store, meeting_id)


@dataclass
class Incomplete:
    """What the chair is shown before closing."""

    measures_without_owner_or_due: list[int] = field(default_factory=list)
    items_not_visited: list[AgendaItem] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.measures_without_owner_or_due or self.items_not_visited)


def check_before_close(ws: Workspace, meeting_id: int) -> Incomplete:
    missing = [m.id for m in measures_of_meeting(ws.store, meeting_id)
               if m.id is not None and (not m.owner or m.due is None)]
    unvisited = [item for item in item_rows.items_of(ws.store, meeting_id) if not item.visited]
    return Incomplete(missing, unvisited)


def close_meeting(ws: Workspace, meeting_id: int) -> Meeting:
    """Ended now; from here on every change to its content leaves an amendment."""
    meeting = get_meeting(ws, meeting_id)
    now = ws.now()
    closed = meeting.model_copy(update={
        "status": MeetingStatus.CLOSED, "end": meeting.end or now.time(),
    })
    with ws.store.transaction():
        for item in item_rows.items_of(ws.store, meeting_id):
            if item.started_at and item.ended_at is None:
                item_rows.update_item(ws.store, item.model_copy(update={"ended_at": now}))
        meeting_rows.update_meeting(ws.store, closed)
    return closed


def next_item_of_kind(items_: list[AgendaItem], kind: ItemKind) -> AgendaItem | None:
    return next((item for item in items_ if item.kind is kind), None)
