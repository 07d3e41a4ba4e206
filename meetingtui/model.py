"""The domain as pydantic models: what a meeting, an observation, a cause and a measure are.

Imports nothing from the project. Validation lives here so that the forms, the store, the CLI
and the exporters all refuse the same things with the same words. Errors carry a stable `type`
(e.g. ``owner_missing``) that the UI translates; the English message is the fallback.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

# --- text ------------------------------------------------------------------------------------

# Word (lxml) and most terminals cannot hold these; a note pasted from another program may.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")

SHORT_MAX = 200
LONG_MAX = 20_000


def clean_text(value: str) -> str:
    """Text as it is stored: LF line ends, no control characters, no surrounding blanks."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", value).strip()


def _clean(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


def _single_line(value: str) -> str:
    return " ".join(value.split())


def _required(value: str) -> str:
    if not value:
        raise PydanticCustomError("text_empty", "This field cannot be empty")
    return value


def _short(value: str) -> str:
    if len(value) > SHORT_MAX:
        raise PydanticCustomError(
            "text_too_long", "At most {max} characters (now {length})",
            {"max": SHORT_MAX, "length": len(value)},
        )
    return value


def _long(value: str) -> str:
    if len(value) > LONG_MAX:
        raise PydanticCustomError(
            "text_too_long", "At most {max} characters (now {length})",
            {"max": LONG_MAX, "length": len(value)},
        )
    return value


#: A name, title or place: one line, required.
Name = Annotated[
    str, BeforeValidator(_clean), AfterValidator(_single_line), AfterValidator(_required),
    AfterValidator(_short),
]
#: One line that may be left empty.
Line = Annotated[str, BeforeValidator(_clean), AfterValidator(_single_line), AfterValidator(_short)]
#: Notes, descriptions, decisions: Markdown, many lines, may be empty.
Notes = Annotated[str, BeforeValidator(_clean), AfterValidator(_long)]
#: A description that must say something.
Description = Annotated[
    str, BeforeValidator(_clean), AfterValidator(_required), AfterValidator(_long)
]
#: What one or more fields held, quoted in an amendment: bounded by those fields, not by one.
Quoted = Annotated[str, BeforeValidator(_clean)]


# --- enums (values are stable English: they are stored and appear in JSON/CSV) ----------------

class Frequency(StrEnum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    SIX_PER_YEAR = "six-per-year"
    QUARTERLY = "quarterly"
    TWICE_YEARLY = "twice-yearly"
    AD_HOC = "ad-hoc"


class ItemKind(StrEnum):
    TEXT = "text"
    ATTENDANCE = "attendance"
    FOLLOWUP = "followup"
    SITUATION = "situation"
    ACTIONS = "actions"
    PRIORITIES = "priorities"
    NEXT = "next"
    ROLLUP = "rollup"  # every operative group's measures, green / yellow / red (styrgrupp)
    PROPOSALS = "proposals"  # measures proposed to a body above, and those proposed to this one

    AGREEMENTS = "agreements"  # medborgarlöften and samverkansöverenskommelser in force


class DocumentType(StrEnum):
    NOTES = "minnesanteckningar"
    PROTOCOL = "protokoll"


class Language(StrEnum):
    SV = "sv"
    EN = "en"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    CLOSED = "closed"


class Presence(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    GUEST = "guest"  # adjungerad: co-opted, no vote


class Trend(StrEnum):
    NEW = "new"
    RISING = "rising"
    UNCHANGED = "unchanged"
    FALLING = "falling"


class ObservationStatus(StrEnum):
    OPEN = "open"
    WATCHED = "watched"
    HANDLED = "handled"  # åtgärdat: the problem is solved
    DISMISSED = "dismissed"  # avskrivet: no longer followed, unsolved

    @property
    def carries_over(self) -> bool:
        """Open and watched problems come along to the next meeting; closed ones end here."""
        return self in (ObservationStatus.OPEN, ObservationStatus.WATCHED)


class Dimension(StrEnum):
    """The problem triangle (brottstriangeln): who offends, who or what is hit, where."""

    OFFENDER = "offender"
    TARGET = "target"
    PLACE = "place"


class Controller(StrEnum):
    """The outer triangle: who could control each side."""

    HANDLER = "handler"
    GUARDIAN = "guardian"
    MANAGER = "manager"


class MeasureStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self in (MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS)


class ReportState(StrEnum):
    """What a group's meeting did with an observation reported to it between meetings."""

    WAITING = ""  # not yet taken up: it stands in the next meeting's lägesbild
    ACCEPTED = "accepted"  # it became an observation of the meeting
    MERGED = "merged"  # it went into a problem the meeting already had
    REJECTED = "rejected"  # kept, with the reason, out of the minutes' lägesbild


class ProposalState(StrEnum):
    """A measure proposed to a body above the group (KLG, styrgruppen, kommunstyrelsen)."""

    NONE = ""  # not a proposal: the group decided it itself
    PROPOSED = "proposed"
    DECIDED = "decided"  # the body decided it: a measure like any other from then on
    REJECTED = "rejected"


class AgreementKind(StrEnum):
    MEDBORGARLOFTE = "medborgarlofte"
    SAMVERKAN = "samverkan"  # samverkansöverenskommelse


class MeasureType(StrEnum):
    SITUATIONAL = "situational"
    SOCIAL = "social"


class PreventionLevel(StrEnum):
    """Whom a measure reaches: everyone (universell), a group at risk (selektiv) or people
    already involved (indikerad prevention); UNSAID until someone says."""

    UNSAID = ""
    UNIVERSAL = "universal"
    SELECTIVE = "selective"
    INDICATED = "indicated"


class ProvenMethod(StrEnum):
    """Whether a measure's method is tested or evaluated (beprövad eller utvärderad metod)."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class CauseBasis(StrEnum):
    """What a cause rests on: an assumption (antagande) or data (stöds av data); UNSAID until
    someone says."""

    UNSAID = ""
    ASSUMPTION = "assumption"
    DATA = "data"


# --- agenda templates --------------------------------------------------------------------------

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class TemplateItem(_Strict):
    """One `##` heading of an agenda template."""

    title: Name
    kind: ItemKind = ItemKind.TEXT
    minutes: int | None = Field(default=None, ge=1, le=480)
    guidance: Notes = ""
    points: list[Line] = []
    # `rollup`: the groups it rolls up (short name, name or template id); none: every other
    # operative group. `proposals`: the body the measures recorded there are proposed to.
    groups: list[Name] = []
    body: Line = ""
    line: int = 0  # where the heading stands in its file, for messages


class GroupTemplate(_Strict):
    """A group type's agenda template (`agendas/*.md`)."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]
    name: Name
    short: Name
    language: Language = Language.SV
    document: DocumentType = DocumentType.NOTES
    chair: Name
    frequency: Frequency
    skip_months: list[Annotated[int, Field(ge=1, le=12)]] = []
    members: list[Name] = []
    categories: list[Name] = []
    # What a new measure of its groups is, until someone changes it: SSPF works socially.
    measure_type: MeasureType = MeasureType.SITUATIONAL
    title: Line = ""
    items: list[TemplateItem] = Field(min_length=1)
    source: Path | None = None

    def has_kind(self, kind: ItemKind) -> bool:
        return any(item.kind is kind for item in self.items)


#: `date` under another name, for models that have a field called `date`.
Day = date


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


class AgendaItem(Record):
    meeting_id: int
    position: int = Field(ge=1)
    title: Name
    kind: ItemKind = ItemKind.TEXT
    minutes: int | None = None
    guidance: Notes = ""
    points: list[Line] = []
    notes: Notes = ""
    decision: Notes = ""
    confidential: bool = False
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


def _owner_given(value: str) -> str:
    if not value:
        raise PydanticCustomError("owner_missing", "Every measure needs an owner (ansvarig)")
    return value


class Measure(Record):
    """An åtgärd: what is to be done, by whom, by when. Status comes from its updates."""

    meeting_id: int
    text: Description
    owner: Annotated[str, BeforeValidator(_clean), AfterValidator(_single_line),
                     AfterValidator(_owner_given), AfterValidator(_short)]
    owner_org: Line = ""
    due: date | None = None
    type: MeasureType = MeasureType.SITUATIONAL
    level: PreventionLevel = PreventionLevel.UNSAID
    method: ProvenMethod = ProvenMethod.UNKNOWN
    observation_id: int | None = None
    # The causes it should affect (its problem's), in the order they were recorded: several,
    # or none. Stored in `measure_causes`; `measures.cause_id` keeps the first for older code.
    cause_ids: Annotated[list[int], AfterValidator(_in_order)] = []
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


# --- a whole meeting, loaded at once (for the minutes and the meeting screen) ---------------

class ObservationDetail(BaseModel):
    observation: Observation
    causes: list[Cause] = []
    measures: list[Measure] = []
    # A problem carried over: the measures its earlier meetings decided, with their status as
    # of this meeting (as it closed, for a closed one).
    earlier_measures: list[Measure] = []


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
    attendance: list[Attendance] = []
    items: list[AgendaItem] = []
    observations: list[ObservationDetail] = []
    measures: list[Measure] = []  # decided in this meeting, in order
    # The causes those measures address, by id: some were found at earlier appearances of
    # their problems, and are not among this meeting's observations' causes.
    addressed: dict[int, Cause] = {}
    followups: list[FollowUp] = []
    priorities: list[Priority] = []
    next_meeting: Meeting | None = None
    amendments: list[Amendment] = []
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
    groups: list[str] = []
    rows: list[RollupRow] = []
    late: list[RollupLate] = []


class Proposals(BaseModel):
    """A meeting's proposals: those it made to a body above, and those made to it (its group
    being that body), waiting or answered here."""

    made: list[Measure] = []
    received: list[Measure] = []
    origins: dict[int, str] = {}  # measure id → the proposing group's short name




# --- between meetings and upward (issue 16) -------------------------------------------------


class Report(Record):
    """An observation reported to a group between its meetings (inrapportering): what an
    observation says, who reported it and when; answered at the group's next meeting."""

    group_id: int
    area: Name
    place_detail: Line = ""
    category: Line = ""
    description: Description
    source: Line = ""
    trend: Trend = Trend.NEW
    level: int = Field(default=1, ge=0, le=3)
    confidential: bool = False
    reported_by: Line = ""
    reported_at: datetime
    state: ReportState = ReportState.WAITING
    meeting_id: int | None = None  # the meeting that answered it
    observation_id: int | None = None  # what it became, or the problem it went into
    reason: Line = ""  # why it was rejected


class Agreement(Record):
    """A medborgarlöfte or a samverkansöverenskommelse: its period, its parties (one per line)
    and what it says; its commitments and measures are rows of their own."""

    kind: AgreementKind
    title: Name
    group_id: int | None = None
    period_start: date
    period_end: date
    parties: Notes = ""
    text: Notes = ""
    created_at: datetime

    @model_validator(mode="after")
    def _in_order(self) -> Agreement:
        if self.period_end < self.period_start:
            raise PydanticCustomError("period_order", "The period ends before it starts")
        return self

    def heading(self, kind_word: str) -> str:
        """"Medborgarlöfte: Tryggare Centrum", or the title alone when it already says what it
        is ("Medborgarlöfte 2026 för Centrum" read "Medborgarlöfte: Medborgarlöfte 2026 …")."""
        if self.title.casefold().startswith(kind_word.casefold()):
            return self.title
        return f"{kind_word}: {self.title}"


class Commitment(Record):
    """What one party of an agreement commits to, with an owner and a status like a measure's."""

    agreement_id: int
    party: Line = ""
    text: Description
    owner: Annotated[str, BeforeValidator(_clean), AfterValidator(_single_line),
                     AfterValidator(_owner_given), AfterValidator(_short)]
    organisation: Line = ""
    due: date | None = None
    status: MeasureStatus = MeasureStatus.NOT_STARTED

    def overdue(self, today: date) -> bool:
        """Open after its due date (on the due date itself it is not late yet)."""
        return self.status.is_open and self.due is not None and self.due < today


class AgreementDetail(BaseModel):
    """An agreement with its commitments and linked measures, as a meeting shows it."""

    agreement: Agreement
    commitments: list[Commitment] = []
    measures: list[Measure] = []


MeetingRecord.model_rebuild()
