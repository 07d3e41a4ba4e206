"""Following up measures: every status change is an update with who, when, where and why."""

from __future__ import annotations

from datetime import date
from heapq import heappop, heappush

from meetingtui.model import FollowUp, Measure, MeasureStatus, MeasureUpdate, Meeting
from meetingtui.services.amend import note_change
from meetingtui.services.groups import get_group
from meetingtui.services.meetings import get_meeting
from meetingtui.services.workspace import Workspace
from meetingtui.store import measures as measure_rows
from meetingtui.store.measures import status_at
from meetingtui.store.meetings import frozen_at
from meetingtui.store.rows import Gone


def record_update(
    ws: Workspace, measure_id: int, new_status: MeasureStatus, comment: str = "",
    *, meeting_id: int | None = None, by: str = "",
) -> MeasureUpdate:
    """Old → new, in this meeting or outside one. A comment alone keeps the status. In a closed
    meeting only as an amendment (`services.amend`)."""
    measure = measure_rows.get_measure(ws.store, measure_id)
    if measure is None:
        raise Gone("measures", measure_id)
    update = MeasureUpdate(
        measure_id=measure_id, meeting_id=meeting_id, at=ws.now(),
        old_status=measure.status, new_status=new_status, comment=comment, by=by,
    )
    with ws.store.transaction():
        if meeting_id is not None:
            note_change(ws, meeting_id, f"Uppföljning av åtgärd {measure_id}",
                        measure.status.value, f"{new_status.value} {comment}".strip())
        return measure_rows.insert_update(ws.store, update)


def history(ws: Workspace, measure_id: int) -> list[MeasureUpdate]:
    return measure_rows.updates_of(ws.store, measure_id)


def meeting_dates(ws: Workspace, updates: list[MeasureUpdate]) -> dict[int, date]:
    """The date of each meeting the updates were recorded in (a history shows "möte 10 mars",
    not a meeting's number)."""
    ids = {u.meeting_id for u in updates if u.meeting_id is not None}
    return {meeting_id: get_meeting(ws, meeting_id).date for meeting_id in ids}


def followups(ws: Workspace, meeting_id: int) -> list[FollowUp]:
    """Earlier measures of the group still open at this meeting, with what it recorded; for a
    closed meeting, as they stood when it closed (later meetings' follow-ups are theirs)."""
    meeting = get_meeting(ws, meeting_id)
    assert meeting.id is not None
    group = get_group(ws, meeting.group_id)
    updates = {u.measure_id: u for u in measure_rows.updates_in_meeting(ws.store, meeting_id)}
    frozen = frozen_at(ws.store, meeting_id)
    origins: dict[int, date] = {}
    result = []
    for measure in measure_rows.open_measures_before(
        ws.store, meeting.group_id, meeting.date, meeting.id, frozen
    ):
        assert measure.id is not None
        if measure.meeting_id not in origins:
            origins[measure.meeting_id] = get_meeting(ws, measure.meeting_id).date
        result.append(FollowUp(measure=measure, group_short=group.short,
                               decided_on=origins[measure.meeting_id],
                               update=updates.get(measure.id)))
    return result


_Changes = dict[int, list[tuple[int, str]]]  # measure id: (update id, new status), oldest first
_OPEN = (MeasureStatus.NOT_STARTED.value, MeasureStatus.IN_PROGRESS.value)


class FollowupReader:
    """`followups` for many meetings, each group's measures and their history read once: a
    publish follows up every closed meeting, and one query per earlier measure's status at the
    freeze, meeting by meeting, took most of its time. The same follow-ups, in the same order,
    as `followups` gives (tests compare them over the demo)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._groups: dict[int, tuple[str, list[int], list[_Earlier]]] = {}
        self._copies: dict[tuple[int, str], Measure] = {}
        self._sweeps: dict[int, _Sweep] = {}
        # A measure followed up without an update reads alike meeting after meeting: one
        # FollowUp for it, shared, so that what is made of it can be remembered too.
        self._unchanged: dict[tuple[int, date], FollowUp] = {}

    def _group(self, group_id: int) -> tuple[str, list[int], list[_Earlier]]:
        if group_id not in self._groups:
            measures = measure_rows.measures_of_group(self.ws.store, group_id)
            changes = measure_rows.status_changes(
                self.ws.store, [m.id for m, _ in measures if m.id is not None])
            earlier = [_Earlier(m, day, changes.get(m.id or 0, [])) for m, day in measures]
            self._groups[group_id] = (get_group(self.ws, group_id).short,
                                      [e.measure.id or 0 for e in earlier], earlier)
        return self._groups[group_id]

    def followups(self, meeting: Meeting) -> list[FollowUp]:
        assert meeting.id is not None
        short, _, earlier = self._group(meeting.group_id)
        updates = {u.measure_id: u
                   for u in measure_rows.updates_in_meeting(self.ws.store, meeting.id)}
        frozen = frozen_at(self.ws.store, meeting.id)
        if frozen is not None:  # measures made after it closed are not its
            earlier = self._not_closed_before(meeting.group_id, frozen, updates)
        chosen = []
        for each in earlier:
            measure = each.measure
            followed = measure.id in updates
            if frozen is not None and each.closed_from <= frozen[0] and not followed:
                continue  # closed for good before this meeting closed
            if measure.meeting_id == meeting.id or not (
                    each.decided_on < meeting.date
                    or (each.decided_on == meeting.date and measure.meeting_id < meeting.id)):
                continue
            status = (measure.status.value if frozen is None
                      else status_at(each.changes, frozen[0]))
            if status in _OPEN or followed:
                chosen.append((self._as(measure, status), each.decided_on))
        chosen.sort(key=lambda pair: (pair[0].due is None, pair[0].due or date.min,
                                      pair[0].id))
        return [self._followup(measure, short, decided_on, updates.get(measure.id or 0))
                for measure, decided_on in chosen]

    def _followup(self, measure: Measure, short: str, decided_on: date,
                  update: MeasureUpdate | None) -> FollowUp:
        if update is not None:  # this meeting's own
            return FollowUp(measure=measure, group_short=short, decided_on=decided_on,
                            update=update)
        key = (id(measure), decided_on)  # each measure is one object per status (`_as`)
        if key not in self._unchanged:
            self._unchanged[key] = FollowUp(measure=measure, group_short=short,
                                            decided_on=decided_on)
        return self._unchanged[key]

    def _not_closed_before(self, group_id: int, frozen: tuple[int, int],
                           updates: dict[int, MeasureUpdate]) -> list[_Earlier]:
        """The group's measures made before the freeze that were not closed for good by then,
        and those followed up in the meeting: the only ones the loop can choose. The meetings
        of a publish come in the order they closed, so the set is carried from one to the next
        (a sweep) instead of going over every measure the group ever made each time."""
        sweep = self._sweeps.get(group_id)
        if sweep is None or not sweep.can_reach(frozen):
            sweep = self._sweeps[group_id] = _Sweep(self._group(group_id)[2])
        live = sweep.advance(frozen)
        followed = [sweep.by_id[measure_id] for measure_id in updates
                    if measure_id in sweep.by_id and measure_id <= frozen[1]
                    and measure_id not in live]
        return [*live.values(), *followed]

    def _as(self, measure: Measure, status: str) -> Measure:
        """The measure with its status then (one copy per measure and status, shared)."""
        if measure.status == status:  # a StrEnum equals its value
            return measure
        key = (measure.id or 0, status)
        if key not in self._copies:
            self._copies[key] = measure.model_copy(update={"status": MeasureStatus(status)})
        return self._copies[key]


class _Earlier:
    """A measure one of the group's meetings may follow up, with its history."""

    __slots__ = ("changes", "closed_from", "decided_on", "measure")

    def __init__(self, measure: Measure, decided_on: date,
                 changes: list[tuple[int, str]]) -> None:
        self.measure = measure
        self.decided_on = decided_on
        self.changes = changes
        # From its last change on, if that closed it, it is closed at every later freeze.
        last = changes[-1] if changes else None
        self.closed_from = last[0] if last is not None and last[1] not in _OPEN else _NEVER


_NEVER = 1 << 62


class _Sweep:
    """A group's measures made up to a freeze's newest measure and not closed for good by its
    newest update, kept from one freeze to the next, later one."""

    def __init__(self, earlier: list[_Earlier]) -> None:
        self.earlier = earlier  # by id
        self.by_id = {each.measure.id or 0: each for each in earlier}
        self.at = (-1, -1)
        self.added = 0  # earlier[:added] have been seen
        self.live: dict[int, _Earlier] = {}
        self.closing: list[tuple[int, int]] = []  # (closed_from, id) of the live, a heap

    def can_reach(self, frozen: tuple[int, int]) -> bool:
        return frozen[0] >= self.at[0] and frozen[1] >= self.at[1]

    def advance(self, frozen: tuple[int, int]) -> dict[int, _Earlier]:
        newest_update, newest_measure = frozen
        while (self.added < len(self.earlier)
               and (self.earlier[self.added].measure.id or 0) <= newest_measure):
            each = self.earlier[self.added]
            self.added += 1
            if each.closed_from > newest_update:
                self.live[each.measure.id or 0] = each
                heappush(self.closing, (each.closed_from, each.measure.id or 0))
        while self.closing and self.closing[0][0] <= newest_update:
            del self.live[heappop(self.closing)[1]]
        self.at = frozen
        return self.live

