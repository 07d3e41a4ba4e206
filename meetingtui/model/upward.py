"""Between meetings and upward (issue 16): reports, agreements and their commitments."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import (
    BaseModel,
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

from meetingtui.model.enums import AgreementKind, MeasureStatus, ReportState, Trend
from meetingtui.model.records import Measure, Record
from meetingtui.model.text import Description, Line, Name, Notes, Owner

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
        return agreement_heading(kind_word, self.title)


def agreement_heading(kind_word: str, title: str) -> str:
    """"Medborgarlöfte: Tryggare Centrum", or the title alone when it already says what it is
    ("Medborgarlöfte 2026 för Centrum" read "Medborgarlöfte: Medborgarlöfte 2026 …")."""
    if title.casefold().startswith(kind_word.casefold()):
        return title
    return f"{kind_word}: {title}"


class Commitment(Record):
    """What one party of an agreement commits to, with an owner and a status like a measure's."""

    agreement_id: int
    party: Line = ""
    text: Description
    owner: Owner
    organisation: Line = ""
    due: date | None = None
    status: MeasureStatus = MeasureStatus.NOT_STARTED

    def overdue(self, today: date) -> bool:
        """Open after its due date (on the due date itself it is not late yet)."""
        return self.status.is_open and self.due is not None and self.due < today


class AgreementDetail(BaseModel):
    """An agreement with its commitments and linked measures, as a meeting shows it."""

    agreement: Agreement
    commitments: list[Commitment] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)


