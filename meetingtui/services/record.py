"""One meeting loaded whole: what its minutes show and what the meeting screen starts from."""

from __future__ import annotations

from meetingtui.model import ItemKind, Measure, Meeting, MeetingRecord, ObservationDetail
from meetingtui.services.agreements import for_meeting as agreements_for_meeting
from meetingtui.services.followup import FollowupReader, followups
from meetingtui.services.groups import get_group
from meetingtui.services.lagesbild import causes_addressed
from meetingtui.services.meetings import get_meeting
from meetingtui.services.priorities import priorities_for_meeting
from meetingtui.services.proposals import proposals_of_meeting
from meetingtui.services.rollup import RollupReader, rollup_of_meeting
from meetingtui.services.workspace import Workspace
from meetingtui.store import agenda_items, lagesbild, meetings, problems
from meetingtui.store import proposals as proposal_rows
from meetingtui.store.amendments import amendments_of
from meetingtui.store.measures import measures_of_meeting


class RecordReader:
    """What `load_meeting` reads alike for many meetings (a publish), read once and shared:
    each group's measures and their history for the follow-ups (`FollowupReader`) and the
    roll-ups (`RollupReader`), and the proposals every meeting answered. The same records as
    without it (tests compare them)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.followups = FollowupReader(ws)
        self.rollups = RollupReader(ws)
        self._answered: dict[int, list[Measure]] | None = None

    def answered_in(self, meeting_id: int) -> list[Measure]:
        if self._answered is None:
            self._answered = proposal_rows.answered_by_meeting(self.ws.store)
        return list(self._answered.get(meeting_id, []))


def load_meeting(ws: Workspace, meeting_id: int,
                 reader: RecordReader | None = None) -> MeetingRecord:
    """The meeting's record; many meetings load faster sharing one ``reader`` (a publish)."""
    meeting = get_meeting(ws, meeting_id)
    group = get_group(ws, meeting.group_id)
    if meeting.closed and meeting.filed_group:  # as its minutes were filed, whatever now
        group = group.model_copy(update={"name": meeting.filed_group,
                                         "short": meeting.filed_short or group.short})
    observations = lagesbild.observations_of(ws.store, meeting_id)
    causes = lagesbild.causes_of_meeting(ws.store, meeting_id)
    frozen = meetings.frozen_at(ws.store, meeting_id)
    # Proposals to a body above are not this meeting's decisions: they stand apart.
    decided = measures_of_meeting(ws.store, meeting_id, frozen)
    measures = [m for m in decided if not m.proposal]
    earlier = problems.earlier_measures(ws.store, meeting_id, frozen)
    details = [
        ObservationDetail(
            observation=observation,
            causes=[c for c in causes if c.observation_id == observation.id],
            measures=[m for m in measures if m.observation_id == observation.id],
            earlier_measures=earlier.get(observation.id or 0, []),
        )
        for observation in observations
    ]
    items = agenda_items.items_of(ws.store, meeting_id)
    proposals = proposals_of_meeting(
        ws, meeting, group, items,
        reader.answered_in(meeting_id) if reader is not None and meeting.closed else None,
        made=[m for m in decided if m.proposal])
    proposed = proposals.made if proposals is not None else []
    return MeetingRecord(
        group=group,
        template=ws.template_of(group),
        meeting=meeting,
        attendance=meetings.attendance_of(ws.store, meeting_id),
        items=items,
        observations=details,
        measures=measures,
        addressed=causes_addressed(ws, [*measures, *proposed]),
        followups=(reader.followups.followups(meeting) if reader is not None
                   else followups(ws, meeting_id)),
        priorities=priorities_for_meeting(ws, meeting_id, meeting),
        next_meeting=_next_meeting(ws, meeting),
        amendments=amendments_of(ws.store, meeting_id),
        rollup=rollup_of_meeting(ws, meeting, group, items,
                                 reader.rollups if reader is not None else None),
        proposals=proposals,

        # Only a meeting whose agenda follows them up shows the agreements in force.
        agreements=(agreements_for_meeting(ws, meeting)
                    if any(item.kind is ItemKind.AGREEMENTS for item in items) else []),
    )


def filed_municipality(ws: Workspace, meeting: Meeting) -> str:
    """The municipality a meeting's minutes name: as filed when it closed, else as now."""
    from meetingtui.services.settings import municipality

    return meeting.filed_municipality or municipality(ws)


def _next_meeting(ws: Workspace, meeting: Meeting) -> Meeting | None:
    """The next meeting as this one decided it; while it runs, the one planned after it."""
    if meeting.next_date is not None:
        return Meeting(group_id=meeting.group_id, date=meeting.next_date,
                       start=meeting.next_start, end=meeting.next_end, place=meeting.next_place)
    if meeting.closed:
        return None
    return meetings.next_meeting_after(ws.store, meeting)
