"""The domain as pydantic models: what a meeting, an observation, a cause and a measure are.

Imports nothing from the project. Validation lives here so that the forms, the store, the CLI
and the exporters all refuse the same things with the same words. Errors carry a stable `type`
(e.g. ``owner_missing``) that the UI translates; the English message is the fallback.

One module per kind of thing: text, enums, templates, records, a loaded meeting, and what goes
between meetings and upward; everything is imported from here.
"""

from __future__ import annotations

from meetingtui.model.enums import (
    AgreementKind,
    CauseBasis,
    Controller,
    Dimension,
    DocumentType,
    Frequency,
    ItemKind,
    Language,
    MeasureStatus,
    MeasureType,
    MeetingStatus,
    ObservationStatus,
    Presence,
    PreventionLevel,
    ProposalState,
    ProvenMethod,
    ReportState,
    Trend,
)
from meetingtui.model.loaded import (
    FollowUp,
    MeetingRecord,
    ObservationDetail,
    Proposals,
    Rollup,
    RollupLate,
    RollupRow,
)
from meetingtui.model.records import (
    AgendaItem,
    Amendment,
    Attendance,
    Cause,
    Group,
    Measure,
    MeasureUpdate,
    Meeting,
    Member,
    Observation,
    Person,
    Priority,
    Quarter,
    Record,
)
from meetingtui.model.templates import (
    Day,
    GroupTemplate,
    TemplateItem,
)
from meetingtui.model.text import (
    LONG_MAX,
    SHORT_MAX,
    Description,
    Line,
    Name,
    Notes,
    Quoted,
    clean_text,
)
from meetingtui.model.upward import (
    Agreement,
    AgreementDetail,
    Commitment,
    Report,
)

MeetingRecord.model_rebuild()  # it names models of later modules

__all__ = [
    "LONG_MAX",
    "SHORT_MAX",
    "AgendaItem",
    "Agreement",
    "AgreementDetail",
    "AgreementKind",
    "Amendment",
    "Attendance",
    "Cause",
    "CauseBasis",
    "Commitment",
    "Controller",
    "Day",
    "Description",
    "Dimension",
    "DocumentType",
    "FollowUp",
    "Frequency",
    "Group",
    "GroupTemplate",
    "ItemKind",
    "Language",
    "Line",
    "Measure",
    "MeasureStatus",
    "MeasureType",
    "MeasureUpdate",
    "Meeting",
    "MeetingRecord",
    "MeetingStatus",
    "Member",
    "Name",
    "Notes",
    "Observation",
    "ObservationDetail",
    "ObservationStatus",
    "Person",
    "Presence",
    "PreventionLevel",
    "Priority",
    "ProposalState",
    "Proposals",
    "ProvenMethod",
    "Quarter",
    "Quoted",
    "Record",
    "Report",
    "ReportState",
    "Rollup",
    "RollupLate",
    "RollupRow",
    "TemplateItem",
    "Trend",
    "clean_text",
]
