"""Reports between meetings (inrapportering): anyone reports an observation to a group, and the
group's next meeting answers it.

A report belongs to the group, not to a meeting: it waits for whichever meeting the group holds
next. There the chair accepts it (it becomes an observation of the meeting, with its own
problem), merges it into a problem the meeting already has (its words go into that
observation's description, with who reported it and where it came from) or rejects it with a
reason (kept, out of the minutes' lägesbild). Each answer is one transaction: the observation
and the report's answer are saved together or not at all. A closed meeting answers nothing,
not even as an amendment: a report answered after the meeting would be a decision it never took.
"""

from __future__ import annotations

from datetime import datetime

from meetingtui.model import MeetingStatus, Observation, Report, ReportState
from meetingtui.services import lagesbild
from meetingtui.services.errors import MeetingClosed, MeetingNotFound
from meetingtui.services.workspace import Workspace
from meetingtui.store import reports as rows
from meetingtui.store.meetings import get_meeting
from meetingtui.store.rows import Gone


class CannotAnswer(ValueError):
    """A report that cannot be answered as asked; `reason` is stable for the caller's words:
    ``other_group`` (the meeting is another group's), ``answered`` (another meeting answered it),
    ``confidential`` (a confidential report into a public problem), ``no_reason`` (a rejection
    without a reason), ``not_here`` (merged into an observation of another meeting)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def report(ws: Workspace, group_id: int, *, area: str, description: str, category: str = "",
           place_detail: str = "", source: str = "", reported_by: str = "",
           reported_at: datetime | None = None, confidential: bool = False) -> Report:
    """Report an observation to the group's next meeting; validated as a `Report` (a
    `ValidationError` names the field)."""
    made = Report(group_id=group_id, area=area, description=description, category=category,
                  place_detail=place_detail, source=source, reported_by=reported_by,
                  reported_at=reported_at or ws.now(), confidential=confidential)
    return rows.insert_report(ws.store, made)


#: A report's fields that a person types, in the order a warning names them.
TYPED = ("area", "place_detail", "category", "description", "source", "reported_by")


def personal_numbers_in(report: Report) -> list[str]:
    """The fields that hold a personnummer or samordningsnummer: stored (the app warns as the
    user types, and so do the commands), but the public minutes are refused while one stands in
    what the report became."""
    from meetingtui.personal_numbers import find_personal_numbers

    return [name for name in TYPED if find_personal_numbers(getattr(report, name))]


def report_many(ws: Workspace, reports: list[Report]) -> int:
    """Reports already validated (an import), all in one transaction or none."""
    return rows.insert_reports(ws.store, reports)


def get_report(ws: Workspace, report_id: int) -> Report:
    found = rows.get_report(ws.store, report_id)
    if found is None:
        raise Gone("reports", report_id)
    return found


def waiting(ws: Workspace, group_id: int) -> list[Report]:
    """The group's reports that wait for its next meeting, oldest first."""
    return rows.waiting_reports(ws.store, group_id)


def of_meeting(ws: Workspace, meeting_id: int) -> list[Report]:
    """What a meeting's lägesbild shows apart: the reports it answered and, while it is not
    closed, those still waiting for it."""
    meeting = get_meeting(ws.store, meeting_id)
    if meeting is None:
        raise MeetingNotFound(f"No meeting with id {meeting_id}")
    answered = rows.answered_in(ws.store, meeting_id)
    if meeting.status is MeetingStatus.CLOSED:
        return answered
    return rows.waiting_reports(ws.store, meeting.group_id) + answered


def accept(ws: Workspace, report: Report, meeting_id: int) -> Observation:
    """The report becomes an observation of the meeting (a problem of its own)."""
    with ws.store.transaction():
        current = _answerable(ws, report, meeting_id)
        observation = lagesbild.save_observation(ws, Observation(
            meeting_id=meeting_id, area=current.area, place_detail=current.place_detail,
            category=current.category, description=current.description, source=current.source,
            trend=current.trend, level=current.level, confidential=current.confidential))
        _answer(ws, report, ReportState.ACCEPTED, meeting_id, observation.id)
    return observation


def merge(ws: Workspace, report: Report, meeting_id: int, observation_id: int) -> Observation:
    """The report goes into a problem the meeting already has.

    Its description is appended to the kept observation's, as a paragraph that says who
    reported it, when and from what source: the chair reads the problem in one place, the
    minutes show what the report added, and the observation's one-line source is not
    overwritten. A confidential report does not go into a public problem (its words would reach
    the public minutes): mark the problem confidential first, or accept it as its own.
    """
    with ws.store.transaction():
        current = _answerable(ws, report, meeting_id)
        kept = lagesbild.get_observation(ws, observation_id)
        if kept.meeting_id != meeting_id:
            raise CannotAnswer(f"Observation {observation_id} is not in meeting {meeting_id}",
                               "not_here")
        if current.confidential and not kept.confidential:
            raise CannotAnswer("A confidential report cannot go into a public problem",
                               "confidential")
        edited = kept.model_copy(update={
            "description": f"{kept.description}\n\n{merged_paragraph(current)}"})
        Observation.model_validate(edited.model_dump())  # too long together: said, not stored
        stored = lagesbild.save_observation(ws, edited, base=kept)
        _answer(ws, report, ReportState.MERGED, meeting_id, observation_id)
    return stored


def merged_paragraph(report: Report) -> str:
    """What a merged report adds to the kept observation's description (Swedish: it is in the
    minutes, which speak the group's language, Swedish for every shipped template)."""
    who = report.reported_by or "okänd"
    source = f" (källa: {report.source})" if report.source else ""
    return (f"Inrapporterat av {who} {report.reported_at:%Y-%m-%d}{source}: "
            f"{report.description}")


def reject(ws: Workspace, report: Report, meeting_id: int, reason: str) -> Report:
    """Not taken up, for a reason (required): kept, out of the minutes' lägesbild."""
    reason = " ".join(reason.split())
    if not reason:
        raise CannotAnswer("A rejection needs a reason", "no_reason")
    with ws.store.transaction():
        _answerable(ws, report, meeting_id)
        return _answer(ws, report, ReportState.REJECTED, meeting_id, None, reason)


def _answerable(ws: Workspace, report: Report, meeting_id: int) -> Report:
    """The report as stored now, if this meeting may answer it."""
    assert report.id is not None
    meeting = get_meeting(ws.store, meeting_id)
    if meeting is None:
        raise MeetingNotFound(f"No meeting with id {meeting_id}")
    if meeting.status is MeetingStatus.CLOSED:
        raise MeetingClosed(meeting_id)
    current = get_report(ws, report.id)
    if current.group_id != meeting.group_id:
        raise CannotAnswer(f"Report {report.id} was made to another group", "other_group")
    if current.state is not ReportState.WAITING:
        raise CannotAnswer(f"Report {report.id} is already answered", "answered")
    return current


def _answer(ws: Workspace, report: Report, state: ReportState, meeting_id: int,
            observation_id: int | None, reason: str = "") -> Report:
    answered = Report.model_validate({**report.model_dump(), "state": state,
                                      "meeting_id": meeting_id,
                                      "observation_id": observation_id, "reason": reason})
    return rows.answer_report(ws.store, answered, report)
