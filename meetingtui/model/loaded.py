"""A whole meeting loaded at once, for the minutes and the meeting screen."""

from __future__ import annotations

from datetime import date

from pydantic import (
    BaseModel,
    Field,
)

from meetingtui.model.enums import MeasureStatus
from meetingtui.model.records import (
    AgendaItem,
    Amendment,
    Attendance,
    Cause,
    Group,
    Measure,
    MeasureUpdate,
    Meeting,
    Observation,
    Priority,
)
from meetingtui.model.templates import GroupTemplate
from meetingtui.model.upward import AgreementDetail

# --- a whole meeting, loaded at once (for the minutes and the meeting screen) ---------------

class ObservationDetail(BaseModel):
    observation: Observation
    causes: list[Cause] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    # A problem carried over: the measures its earlier meetings decided, with their status as
    # of this meeting (as it closed, for a closed one).
    earlier_measures: list[Measure] = Field(default_factory=list)


class FollowUp(BaseModel):
    """An earlier measure as followed up in this meeting."""

    measure: Measure
    group_short: str = ""
    decided_on: date | None = None
    update: MeasureUpdate | None = None  # the update recorded in this meeting, if any


class MeetingRecord(BaseModel):
    """Everything the minutes of one meeting show."""

    group: Group
    template: GroupTemplate | None = None
    meeting: Meeting
    attendance: list[Attendance] = Field(default_factory=list)
    items: list[AgendaItem] = Field(default_factory=list)
    observations: list[ObservationDetail] = Field(default_factory=list)
    measures: list[Measure] = []  # decided in this meeting, in order
    # The causes those measures address, by id: some were found at earlier appearances of
    # their problems, and are not among this meeting's observations' causes.
    addressed: dict[int, Cause] = Field(default_factory=dict)
    followups: list[FollowUp] = Field(default_factory=list)
    priorities: list[Priority] = Field(default_factory=list)
    next_meeting: Meeting | None = None
    amendments: list[Amendment] = Field(default_factory=list)
    rollup: Rollup | None = None  # for a meeting with a `rollup` item
    proposals: Proposals | None = None  # for a meeting with a `proposals` item
    agreements: list[AgreementDetail] = []  # in force on its date; as of closing once closed


class RollupRow(BaseModel):
    """One group and area of a roll-up: its measures counted by status and by colour."""

    group: str
    area: str = ""  # "" for measures of no observation
    not_started: int = 0
    in_progress: int = 0
    done: int = 0
    cancelled: int = 0  # apart: neither green, yellow nor red
    green: int = 0  # on track or done
    yellow: int = 0  # not started and due within 30 days
    red: int = 0  # open and past its due date


class RollupLate(BaseModel):
    """An overdue measure of a rolled-up group."""

    measure_id: int
    group: str
    area: str = ""
    text: str
    owner: str
    due: date
    status: MeasureStatus
    confidential: bool = False


class Rollup(BaseModel):
    """The operative groups' measures as of a meeting's date (as it closed, for a closed one)."""

    day: date
    groups: list[str] = Field(default_factory=list)
    rows: list[RollupRow] = Field(default_factory=list)
    late: list[RollupLate] = Field(default_factory=list)


class Proposals(BaseModel):
    """A meeting's proposals: those it made to a body above, and those made to it (its group
    being that body), waiting or answered here."""

    made: list[Measure] = Field(default_factory=list)
    received: list[Measure] = Field(default_factory=list)
    origins: dict[int, str] = {}  # measure id → the proposing group's short name




