"""A meeting's life: planned from its template, started (with carry-over), walked, closed.

Times are the meeting's, never the wall clock's unless the meeting is today: a meeting typed in
the day after keeps the start and end typed for it (issue 12)."""

from __future__ import annotations

from datetime import date, time

from meetingtui.dates import move_off_holiday, next_in_rhythm, next_meeting_date, nth_weekday
from meetingtui.model import (
    AgendaItem,
    Attendance,
    ItemKind,
    Meeting,
    MeetingStatus,
    Person,
    Trend,
)
from meetingtui.services.amend import note_change
from meetingtui.services.errors import Gone, MeetingNotFound, NotRemovable
from meetingtui.services.groups import chair_of, get_group, members, rhythm
from meetingtui.services.settings import municipality
from meetingtui.services.template_items import formal_kinds_as_template
from meetingtui.services.workspace import Workspace
from meetingtui.store import agenda_items as item_rows
from meetingtui.store import groups as group_rows
from meetingtui.store import lagesbild as lagesbild_rows
from meetingtui.store import meetings as meeting_rows
from meetingtui.store import priorities as priority_rows

#: The fields `m` (meeting details) edits.
DETAILS = {"date", "start", "end", "place", "chair", "secretary", "adjuster", "dnr", "justering",
           "expedieras"}


def get_meeting(ws: Workspace, meeting_id: int) -> Meeting:
    meeting = meeting_rows.get_meeting(ws.store, meeting_id)
    if meeting is None:
        raise MeetingNotFound(f"No meeting with id {meeting_id}")
    return meeting


def list_meetings(ws: Workspace, group_id: int | None = None) -> list[Meeting]:
    return meeting_rows.list_meetings(ws.store, group_id)


def propose_date(ws: Workspace, group_id: int, after: date | None = None) -> date:
    """The next date the group's rhythm gives, never in a month it skips nor on a holiday or
    holiday eve (`dates.move_off_holiday`).

    `after`: the date of the meeting that decides the next one (§ Nästa möte), whatever today
    is. Without it (planning from the home screen), after the group's latest meeting and not
    before today; a group's first meeting today, or in the first month it meets."""
    known = rhythm(ws, get_group(ws, group_id))
    today = ws.today()
    if known is None:
        return after or today
    frequency, skip = known
    if after is not None:
        return next_meeting_date(frequency, skip, after)
    latest = meeting_rows.list_meetings(ws.store, group_id)
    if not latest:
        return move_off_holiday(_first_day_it_meets(skip, today), earliest=today)
    # Stepped in the rhythm, moved at the end: a date moved off a holiday keeps no weekday on.
    proposed = next_in_rhythm(frequency, skip, latest[-1].date)
    while move_off_holiday(proposed, earliest=today) < today:
        proposed = next_in_rhythm(frequency, skip, proposed)
    return move_off_holiday(proposed, earliest=today)


def _first_day_it_meets(skip_months: list[int], today: date) -> date:
    """Today, or the same weekday early in the first month the group meets (EST: not July)."""
    year, month = today.year, today.month
    for _ in range(12):
        if month not in skip_months:
            if (year, month) == (today.year, today.month):
                return today
            return nth_weekday(year, month, today.weekday(), 0)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return today


def default_attendance(ws: Workspace, group_id: int) -> list[Attendance]:
    """The regular members, all present: the chair marks who is missing (a substitute comes
    instead of someone, and is added at the meeting)."""
    return [
        Attendance(meeting_id=0, name=person.name, role=person.role,
                   organisation=person.organisation, person_id=person.id)
        for person in members(ws, group_id) if not person.substitute
    ]


def plan_meeting(
    ws: Workspace, group_id: int, day: date, *, start: time | None = None,
    end: time | None = None, place: str = "", chair: str = "", secretary: str = "",
    adjuster: str = "", attendance: list[Attendance] | None = None,
) -> Meeting:
    """A planned meeting with its agenda copied from the template and its attendance list."""
    group = get_group(ws, group_id)
    template = ws.template_of(group)
    chair = chair or chair_of(ws, group)
    people = default_attendance(ws, group_id) if attendance is None else attendance
    with ws.store.transaction():
        meeting = meeting_rows.insert_meeting(ws.store, Meeting(
            group_id=group_id, date=day, start=start, end=end, place=place, chair=chair,
            secretary=secretary, adjuster=adjuster,
        ))
        assert meeting.id is not None
        if template is not None:
            item_rows.insert_items(ws.store, [
                AgendaItem(meeting_id=meeting.id, position=number, title=item.title,
                           kind=item.kind, minutes=item.minutes, guidance=item.guidance,
                           points=list(item.points), decision=item.decision)
                for number, item in enumerate(template.items, start=1)
            ])
        meeting_rows.insert_attendance(ws.store, [
            person.model_copy(update={"meeting_id": meeting.id, "id": None})
            for person in people
        ])
    return meeting


def update_details(ws: Workspace, meeting: Meeting, base: Meeting | None = None) -> Meeting:
    """Date, time, place, chair, secretary, adjuster; only what changed is written."""
    assert meeting.id is not None
    old = get_meeting(ws, meeting.id)
    with ws.store.transaction():
        stored = meeting_rows.update_meeting(ws.store, meeting, base, only=DETAILS)
        note_change(ws, meeting.id, "Mötesuppgifter", details_said(old), details_said(stored))
    return stored


def details_said(meeting: Meeting) -> str:
    return (f"{meeting.date} {meeting.start or ''}–{meeting.end or ''} {meeting.place}; "
            f"{meeting.chair} / {meeting.secretary} / {meeting.adjuster}")


def start_meeting(ws: Workspace, meeting_id: int) -> Meeting:
    """Running; what the last meeting left open comes along. Safe to call again.

    A meeting held today without a start time starts now; one typed in another day keeps the
    time typed for it (or none)."""
    meeting = get_meeting(ws, meeting_id)
    if meeting.status is not MeetingStatus.PLANNED:
        return meeting
    changes: dict[str, object] = {"status": MeetingStatus.RUNNING}
    if meeting.start is None and meeting.date == ws.today():
        changes["start"] = ws.now().time()
    with ws.store.transaction():
        started = meeting_rows.update_meeting(ws.store, meeting.model_copy(update=changes))
        formal_kinds_as_template(ws, get_group(ws, meeting.group_id), started)
        carry_over_observations(ws, started)
        carry_over_priorities(ws, started)
    return started


def carry_over_observations(ws: Workspace, meeting: Meeting) -> int:
    """Copy the previous meeting's open and watched observations into this one: new appearances
    of the same problems."""
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
                    "problem_id": old.problem_id or old.id,
                    # Seen before, so no longer new; a rising or falling trend stands until
                    # the group says otherwise.
                    "trend": Trend.UNCHANGED if old.trend is Trend.NEW else old.trend,
                }))
                count += 1
    return count


def carry_over_priorities(ws: Workspace, meeting: Meeting) -> None:
    """What an earlier meeting chose for this meeting's coming quarter stands in this meeting
    too, as its own rows, until it changes them (the ones in force in its own quarter are
    shown beside them: `priorities.in_force`)."""
    from meetingtui.services.priorities import carried  # which imports this module

    assert meeting.id is not None
    if priority_rows.priorities_of(ws.store, meeting.id):
        return
    earlier = carried(ws, meeting.id)
    if earlier:
        priority_rows.replace_priorities(ws.store, meeting.id, earlier)


def visit_item(ws: Workspace, meeting_id: int, item_id: int) -> None:
    """The chair moved to this item; the one shown until now gets its time. Nothing is written
    for a closed meeting: its times are history."""
    if not get_meeting(ws, meeting_id).closed:
        item_rows.record_visit(ws.store, meeting_id, item_id, ws.now().isoformat())


def leave_meeting(ws: Workspace, meeting_id: int) -> None:
    """The chair left the meeting screen: the item shown stops counting."""
    if not get_meeting(ws, meeting_id).closed:
        item_rows.record_visit(ws.store, meeting_id, None, ws.now().isoformat())


def edit_item(ws: Workspace, item_id: int, *, notes: str | None = None,
              decision: str | None = None, confidential: bool | None = None,
              dropped: bool | None = None, base: AgendaItem | None = None) -> AgendaItem:
    """Change the given fields of an item; `base` is the item as the screen read it, so that
    what another program saved meanwhile in another field is kept (and in the same field is a
    `Conflict`)."""
    item = item_rows.get_item(ws.store, item_id)
    if item is None:
        raise LookupError(f"No agenda item with id {item_id}")
    changes = {key: value for key, value in
               {"notes": notes, "decision": decision, "confidential": confidential,
                "dropped": dropped}.items()
               if value is not None}
    start = base if base is not None else item
    edited = start.model_validate({**start.model_dump(), **changes})
    with ws.store.transaction():
        stored = item_rows.update_item(ws.store, edited, start, only=set(changes))
        note_change(ws, item.meeting_id, f"§ {item.position} {item.title}", _item_said(item),
                    _item_said(stored))
    return stored


def _item_said(item: AgendaItem) -> str:
    """An item as an amendment quotes it: every field an edit may change (a change to a closed
    meeting is noted, and refused without a reason, only when this text changes)."""
    secret = "[sekretess]\n" if item.confidential else ""
    dropped = "[utgår]\n" if item.dropped else ""
    return f"{secret}{dropped}{item.notes}\n{item.decision}"


def add_member(ws: Workspace, group_id: int, person: Person) -> Person:
    return group_rows.add_member(ws.store, group_id, person)


def items(ws: Workspace, meeting_id: int) -> list[AgendaItem]:
    return item_rows.items_of(ws.store, meeting_id)


def get_item(ws: Workspace, item_id: int) -> AgendaItem:
    item = item_rows.get_item(ws.store, item_id)
    if item is None:
        raise Gone("agenda_items", item_id)
    return item


def decide_next_meeting(ws: Workspace, meeting_id: int, day: date, *,
                        start: time | None = None, end: time | None = None,
                        place: str = "") -> Meeting:
    """§ Nästa möte: this meeting decides the next one's date (kept in its minutes), and the
    next meeting is planned, unless one is already planned that day."""
    meeting = get_meeting(ws, meeting_id)
    with ws.store.transaction():
        decided = meeting_rows.update_meeting(ws.store, meeting.model_copy(update={
            "next_date": day, "next_start": start, "next_end": end, "next_place": place}),
            meeting, only={"next_date", "next_start", "next_end", "next_place"})
        note_change(ws, meeting_id, "Nästa möte", _next(meeting), _next(decided))
        planned = [m for m in list_meetings(ws, meeting.group_id)
                   if m.date == day and m.id != meeting_id]
        if not planned:
            plan_meeting(ws, meeting.group_id, day, start=start, end=end, place=place,
                         chair=meeting.chair, secretary=meeting.secretary,
                         adjuster=meeting.adjuster)
    return decided


def _next(meeting: Meeting) -> str:
    return f"{meeting.next_date or ''} {meeting.next_start or ''} {meeting.next_place}".strip()


def remove_planned_meeting(ws: Workspace, meeting_id: int) -> None:
    """A meeting planned by mistake, gone again: only while planned and holding nothing."""
    meeting = get_meeting(ws, meeting_id)
    if meeting.status is not MeetingStatus.PLANNED or meeting_rows.holds_anything(
            ws.store, meeting_id):
        raise NotRemovable(f"Meeting {meeting_id} holds records and is kept")
    meeting_rows.remove_meeting(ws.store, meeting_id)


def end_on_closing(ws: Workspace, meeting: Meeting) -> time | None:
    """The end the minutes will show: the one typed, else now when the meeting is today."""
    if meeting.end is not None:
        return meeting.end
    now = ws.now()
    if meeting.date == now.date() and (meeting.start is None or now.time() >= meeting.start):
        return now.time().replace(second=0)
    return None


def close_meeting(ws: Workspace, meeting_id: int) -> Meeting:
    """Closed: from here on every change to its content is an amendment. What it decided is
    kept with it: its end time, the next meeting, and its measures' status at this moment."""
    meeting = get_meeting(ws, meeting_id)
    if meeting.closed:
        return meeting
    now = ws.now()
    group = get_group(ws, meeting.group_id)
    changes: dict[str, object] = {
        "status": MeetingStatus.CLOSED, "closed_at": now, "end": end_on_closing(ws, meeting),
        # The names its minutes are filed under, whatever the group or municipality is called
        # later.
        "filed_municipality": municipality(ws), "filed_group": group.name,
        "filed_short": group.short}
    later = meeting_rows.next_meeting_after(ws.store, meeting)
    if meeting.next_date is None and later is not None:
        changes.update(next_date=later.date, next_start=later.start, next_end=later.end,
                       next_place=later.place)
    with ws.store.transaction():
        item_rows.record_visit(ws.store, meeting_id, None, now.isoformat())
        closed = meeting_rows.update_meeting(ws.store, meeting.model_copy(update=changes))
        meeting_rows.freeze(ws.store, meeting_id)
        from meetingtui.services.agreements import freeze_for_meeting  # imports services.amend

        freeze_for_meeting(ws, closed)
    return closed


def next_item_of_kind(items_: list[AgendaItem], kind: ItemKind) -> AgendaItem | None:
    return next((item for item in items_ if item.kind is kind), None)

