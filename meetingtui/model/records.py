"""The records a meeting keeps: groups, people, meetings, items, observations, causes, measures."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    model_validator,
)

from meetingtui.model.enums import (
    CauseBasis,
    Controller,
    Dimension,
    Frequency,
    ItemKind,
    MeasureStatus,
    MeasureType,
    MeetingStatus,
    ObservationStatus,
    Presence,
    PreventionLevel,
    ProposalState,
    ProvenMethod,
    Trend,
)
from meetingtui.model.templates import Day
from meetingtui.model.text import (
    Description,
    Line,
    Name,
    Notes,
    Owner,
    Quoted,
)

# --- records -----------------------------------------------------------------------------------

class Record(BaseModel):
    """A row as the services hand it out; `id` is None until stored.

    `version` is the stored row's version when it was read: a save names it, and the store
    refuses to overwrite what another program saved since (issue 13)."""

    model_config = ConfigDict(str_strip_whitespace=True, validate_assignment=True)
    id: int | None = None
    version: int = 1


class Group(Record):
    """A group of some type (its template): the municipality's own name and short name, and
    where it differs from its template, its own rhythm and chair. Archived groups keep their
    meetings and leave the home screen."""

    template_id: str
    name: Name
    short: Name
    municipality: Line = ""
    archived: bool = False
    frequency: Frequency | None = None  # None: the template's
    skip_months: list[Annotated[int, Field(ge=1, le=12)]] | None = None  # None: the template's
    chair: Line = ""  # empty: the template's


class Person(Record):
    name: Name
    role: Line = ""
    organisation: Line = ""
    email: Line = ""


class Member(Person):
    """A person as a member of a group: a regular member or a substitute (ersättare)."""

    substitute: bool = False


class Meeting(Record):
    group_id: int
    date: date
    start: time | None = None
    end: time | None = None
    place: Line = ""
    status: MeetingStatus = MeetingStatus.PLANNED
    chair: Line = ""
    secretary: Line = ""
    adjuster: Line = ""
    # The next meeting as this meeting decided it (its minutes say this, whatever happens to
    # that meeting later).
    next_date: Day | None = None
    next_start: time | None = None
    next_end: time | None = None
    next_place: Line = ""
    closed_at: datetime | None = None
    dnr: Line = ""  # diarienummer, when the meeting has one
    justering: Line = ""  # when and where the minutes are justerade ("2026-11-12, kommunhuset")
    expedieras: Notes = ""  # whom the minutes are sent to, one per line
    # The names the minutes of a closed meeting were filed under: a later rename of the
    # municipality or the group does not change them.
    filed_municipality: str | None = None
    filed_group: str | None = None
    filed_short: str | None = None

    @property
    def closed(self) -> bool:
        return self.status is MeetingStatus.CLOSED


class Attendance(Record):
    """One person at (or missing from) one meeting; `person_id` when it is a group member, so
    that a name typed here is the member's name at the group's next meetings."""

    meeting_id: int
    name: Name
    role: Line = ""
    organisation: Line = ""
    presence: Presence = Presence.PRESENT
    substitute: bool = False  # ersättare: stands in for a member at this meeting
    person_id: int | None = None

    @property
    def unnamed(self) -> bool:
        """A member row still named by its role ("Kommunpolis"): no one has named them yet."""
        return self.name == self.role and self.presence is not Presence.GUEST


class AgendaItem(Record):
    meeting_id: int
    position: int = Field(ge=1)
    title: Name
    kind: ItemKind = ItemKind.TEXT
    minutes: int | None = None
    guidance: Notes = ""
    points: list[Line] = Field(default_factory=list)
    notes: Notes = ""
    decision: Notes = ""
    confidential: bool = False
    dropped: bool = False  # "Punkten utgår": not taken up at this meeting
    started_at: datetime | None = None  # first shown
    ended_at: datetime | None = None  # last left
    spent_seconds: int = 0  # time it was the current item in the app, visits added up
    shown_since: datetime | None = None  # the current visit's start, while it is shown

    @property
    def visited(self) -> bool:
        return self.started_at is not None


class Observation(Record):
    """A lägesbild item: what was seen where since the last meeting."""

    meeting_id: int
    area: Name
    place_detail: Line = ""
    category: Line = ""
    description: Description
    source: Line = ""
    trend: Trend = Trend.NEW
    level: int = Field(default=1, ge=0, le=3)
    status: ObservationStatus = ObservationStatus.OPEN
    confidential: bool = False
    carried_over_from: int | None = None
    problem_id: int | None = None  # the first appearance's id: one problem, many meetings


class Cause(Record):
    observation_id: int
    text: Description
    dimension: Dimension = Dimension.PLACE
    controller: Controller | None = None
    basis: CauseBasis = CauseBasis.UNSAID


def _in_order(ids: list[int]) -> list[int]:
    return sorted(set(ids))


class Measure(Record):
    """An åtgärd: what is to be done, by whom, by when. Status comes from its updates."""

    meeting_id: int
    text: Description
    owner: Owner
    owner_org: Line = ""
    due: date | None = None
    type: MeasureType = MeasureType.SITUATIONAL
    level: PreventionLevel = PreventionLevel.UNSAID
    method: ProvenMethod = ProvenMethod.UNKNOWN
    observation_id: int | None = None
    # The causes it should affect (its problem's), in the order they were recorded: several,
    # or none. Stored in `measure_causes`; `measures.cause_id` keeps the first for older code.
    cause_ids: Annotated[list[int], AfterValidator(_in_order)] = Field(default_factory=list)
    confidential: bool = False
    status: MeasureStatus = MeasureStatus.NOT_STARTED  # derived: the newest update's status
    # A proposal to a body above the group (KLG, styrgruppen …) until that body decides it.
    proposed_to: Line = ""
    proposal: ProposalState = ProposalState.NONE
    proposal_decided_on: date | None = None
    proposal_meeting_id: int | None = None  # the body's meeting in the app, when decided there
    proposal_reason: Line = ""  # why the body rejected it

    @model_validator(mode="before")
    @classmethod
    def _one_cause(cls, data: Any) -> Any:
        """`cause_id`, the one cause a measure had before schema 6, as its list of causes."""
        if isinstance(data, dict) and "cause_id" in data:
            data = dict(data)
            first = data.pop("cause_id")
            if first is not None and not data.get("cause_ids"):
                data["cause_ids"] = [first]
        return data

    def overdue(self, today: date) -> bool:
        return self.status.is_open and self.due is not None and self.due < today


class MeasureUpdate(Record):
    """One step in a measure's history: old → new status, where and when, with a comment."""

    measure_id: int
    meeting_id: int | None = None
    at: datetime
    old_status: MeasureStatus | None = None
    new_status: MeasureStatus
    comment: Notes = ""
    by: Line = ""


#: A calendar quarter as stored and printed: "2027-Q1".
Quarter = Annotated[str, Field(pattern=r"^\d{4}-Q[1-4]$")]


class Priority(Record):
    """One of the focus areas a meeting set or confirmed (EST picks three each quarter), for
    the quarter they were chosen for (None: the meeting's own, as rows before schema 6)."""

    meeting_id: int
    position: int = Field(ge=1, le=3)
    title: Name
    quarter: Quarter | None = None


class Amendment(Record):
    """A change made to a closed meeting's content: minutes never change silently."""

    meeting_id: int
    at: datetime
    what: Line
    old: Quoted = ""
    new: Quoted = ""
    by: Line = ""
    why: Line = ""


