"""Reports between meetings (issue 16 §1): an observation reported to a group waits for its
next meeting, which accepts it (an observation of its own), merges it into a problem it has, or
rejects it with a reason; each answer once, in one transaction, never in a closed meeting."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time
from pathlib import Path

import pytest
from pydantic import ValidationError

from meetingtui.export.minutes import PersonalDataFound, export_minutes
from meetingtui.export.minutes.markdown import build_minutes_md
from meetingtui.model import Observation, ReportState
from meetingtui.services import lagesbild, meetings, reports
from meetingtui.services.errors import Conflict, Gone, MeetingClosed
from meetingtui.services.record import load_meeting
from meetingtui.services.reports import CannotAnswer
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.scenarios.helpers import group_id, scenario_workspace

OCT, NOV = date(2026, 10, 14), date(2026, 11, 11)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return scenario_workspace(tmp_path, Clock(datetime(2026, 10, 20, 8, 0)), "Fagersta kommun")


def clock_of(ws: Workspace) -> Clock:
    assert isinstance(ws.clock, Clock)
    return ws.clock


def minutes(ws: Workspace, meeting: int, *, public: bool = False) -> str:
    return build_minutes_md(load_meeting(ws, meeting), public=public, municipality="Fagersta")


def hold(ws: Workspace, day: date, short: str = "EST") -> int:
    clock_of(ws).now = datetime.combine(day, time(13, 0))
    meeting = meetings.plan_meeting(ws, group_id(ws, short), day, start=time(13, 0))
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return meeting.id


def sent(ws: Workspace, description: str = "Krossade fönster vid skolan", **fields: object):
    return reports.report(ws, group_id(ws, "EST"), area=str(fields.pop("area", "Centrum")),
                          description=description, reported_by="Anna Berg",
                          **fields)  # type: ignore[arg-type]


def test_a_report_waits_for_the_groups_next_meeting_with_who_and_when(ws: Workspace) -> None:
    made = sent(ws, category="Skadegörelse", source="Bostadsbolaget")
    assert made.reported_at == datetime(2026, 10, 20, 8, 0)
    assert [r.id for r in reports.waiting(ws, group_id(ws, "EST"))] == [made.id]
    assert reports.waiting(ws, group_id(ws, "SSPF")) == []
    meeting = hold(ws, NOV)
    [shown] = reports.of_meeting(ws, meeting)
    assert (shown.reported_by, shown.category, shown.state) == (
        "Anna Berg", "Skadegörelse", ReportState.WAITING)


def test_a_report_is_validated_as_an_observation(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="description"):
        sent(ws, "   ")
    with pytest.raises(ValidationError, match="area"):
        sent(ws, area="")
    with pytest.raises(ValidationError, match="reported_by"):
        reports.report(ws, group_id(ws, "EST"), area="A", description="B", reported_by="x" * 201)
    long = sent(ws, "å" * 10_000 + "\x07")
    assert long.description == "å" * 10_000  # the control character cleaned away


def test_accept_makes_an_observation_of_the_meeting_in_the_minutes(ws: Workspace) -> None:
    made = sent(ws, category="Skadegörelse", source="Bostadsbolaget", place_detail="Skolgården")
    meeting = hold(ws, NOV)
    observation = reports.accept(ws, made, meeting)
    assert observation.meeting_id == meeting and observation.problem_id == observation.id
    assert (observation.area, observation.place_detail, observation.source) == (
        "Centrum", "Skolgården", "Bostadsbolaget")
    stored = reports.get_report(ws, made.id or 0)
    assert (stored.state, stored.meeting_id, stored.observation_id) == (
        ReportState.ACCEPTED, meeting, observation.id)
    assert reports.waiting(ws, group_id(ws, "EST")) == []
    assert "Krossade fönster vid skolan" in minutes(ws, meeting)


def test_merge_appends_the_report_to_the_kept_problem(ws: Workspace) -> None:
    made = sent(ws, "Fler klotter på tunneln", source="Polisen")
    meeting = hold(ws, NOV)
    kept = lagesbild.save_observation(ws, Observation(
        meeting_id=meeting, area="Centrum", description="Klotter i centrum"))
    assert kept.id is not None
    merged = reports.merge(ws, made, meeting, kept.id)
    assert merged.description == ("Klotter i centrum\n\nInrapporterat av Anna Berg 2026-10-20 "
                                  "(källa: Polisen): Fler klotter på tunneln")
    assert [o.id for o in lagesbild.observations(ws, meeting)] == [kept.id]
    stored = reports.get_report(ws, made.id or 0)
    assert (stored.state, stored.observation_id) == (ReportState.MERGED, kept.id)


def test_reject_needs_a_reason_and_stays_out_of_the_minutes(ws: Workspace) -> None:
    made = sent(ws, "Hörsägen om bråk")
    meeting = hold(ws, NOV)
    with pytest.raises(CannotAnswer) as refused:
        reports.reject(ws, made, meeting, "  ")
    assert refused.value.reason == "no_reason"
    reports.reject(ws, made, meeting, "Redan känt  av polisen")
    stored = reports.get_report(ws, made.id or 0)
    assert (stored.state, stored.reason, stored.observation_id) == (
        ReportState.REJECTED, "Redan känt av polisen", None)
    assert [r.state for r in reports.of_meeting(ws, meeting)] == [ReportState.REJECTED]
    assert lagesbild.observations(ws, meeting) == []
    assert "Hörsägen" not in minutes(ws, meeting)


def test_a_report_is_answered_once(ws: Workspace) -> None:
    made = sent(ws)
    meeting = hold(ws, NOV)
    reports.accept(ws, made, meeting)
    with pytest.raises(CannotAnswer) as twice:
        reports.reject(ws, made, meeting, "Dubblett")
    assert twice.value.reason == "answered"
    assert len(lagesbild.observations(ws, meeting)) == 1


def test_another_program_answering_meanwhile_is_a_conflict(ws: Workspace) -> None:
    made = sent(ws)
    meeting = hold(ws, NOV)
    other = sqlite3.connect(ws.store.path or "")
    other.execute("UPDATE reports SET state = 'rejected', reason = 'x', meeting_id = ?, "
                  "version = version + 1 WHERE id = ?", [meeting, made.id])
    other.commit()
    other.close()
    with pytest.raises((Conflict, CannotAnswer)):
        reports.accept(ws, made, meeting)
    assert lagesbild.observations(ws, meeting) == []  # nothing half done


def test_the_answer_and_the_observation_are_one_transaction(
        ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    made = sent(ws)
    meeting = hold(ws, NOV)

    def fails(*_: object) -> None:  # the answer fails after the observation was inserted
        raise Conflict("reports", made, made, ["state"])

    monkeypatch.setattr("meetingtui.store.reports.answer_report", fails)
    with pytest.raises(Conflict):
        reports.accept(ws, made, meeting)
    assert lagesbild.observations(ws, meeting) == []
    assert reports.get_report(ws, made.id or 0).state is ReportState.WAITING


def test_a_closed_meeting_answers_nothing(ws: Workspace) -> None:
    made = sent(ws)
    meeting = hold(ws, NOV)
    meetings.close_meeting(ws, meeting)
    for answer in (lambda: reports.accept(ws, made, meeting),
                   lambda: reports.reject(ws, made, meeting, "Sent")):
        with pytest.raises(MeetingClosed):
            answer()
    assert reports.of_meeting(ws, meeting) == []  # a closed meeting shows what it answered


def test_another_groups_meeting_cannot_answer(ws: Workspace) -> None:
    made = sent(ws)
    meeting = hold(ws, NOV, "SSPF")
    with pytest.raises(CannotAnswer) as refused:
        reports.accept(ws, made, meeting)
    assert refused.value.reason == "other_group"


def test_a_confidential_report_stays_confidential(ws: Workspace) -> None:
    secret = sent(ws, "Orolig för ungdom 121212-1212 på gården", confidential=True)
    merged_too = sent(ws, "Mer om samma ungdom", confidential=True)
    meeting = hold(ws, NOV)
    public = lagesbild.save_observation(ws, Observation(
        meeting_id=meeting, area="Torget", description="Nedskräpning"))
    assert public.id is not None
    with pytest.raises(CannotAnswer) as refused:
        reports.merge(ws, merged_too, meeting, public.id)
    assert refused.value.reason == "confidential"
    accepted = reports.accept(ws, secret, meeting)
    assert accepted.confidential
    assert "Orolig för ungdom" in minutes(ws, meeting)
    shown = minutes(ws, meeting, public=True)
    assert "Orolig" not in shown and "121212" not in shown and "Nedskräpning" in shown


def test_a_merge_too_long_together_is_refused_and_changes_nothing(ws: Workspace) -> None:
    made = sent(ws, "x" * 10_000)
    meeting = hold(ws, NOV)
    kept = lagesbild.save_observation(ws, Observation(
        meeting_id=meeting, area="Centrum", description="y" * 10_000))
    assert kept.id is not None
    with pytest.raises(ValidationError):
        reports.merge(ws, made, meeting, kept.id)
    assert lagesbild.get_observation(ws, kept.id).description == "y" * 10_000
    assert reports.get_report(ws, made.id or 0).state is ReportState.WAITING


def test_a_removed_report_is_gone(ws: Workspace) -> None:
    made = sent(ws)
    meeting = hold(ws, NOV)
    ws.store.db.execute("UPDATE reports SET deleted_at = '2026-11-01' WHERE id = ?", [made.id])
    ws.store.db.conn.commit()
    with pytest.raises(Gone):
        reports.accept(ws, made, meeting)
    assert reports.of_meeting(ws, meeting) == [] and lagesbild.observations(ws, meeting) == []


def test_a_personnummer_in_who_reported_keeps_a_merge_out_of_the_public_minutes(
        ws: Workspace, tmp_path: Path) -> None:
    made = reports.report(ws, group_id(ws, "EST"), area="Centrum", description="Klotter",
                          reported_by="Anna 19121212-1212", source="Polisen")
    assert reports.personal_numbers_in(made) == ["reported_by"]
    meeting = hold(ws, NOV)
    kept = lagesbild.save_observation(ws, Observation(
        meeting_id=meeting, area="Centrum", description="Klotter i centrum"))
    assert kept.id is not None
    reports.merge(ws, made, meeting, kept.id)
    with pytest.raises(PersonalDataFound):
        export_minutes(ws, meeting, public=True, fmt="md", path=tmp_path / "offentlig.md")
    assert not (tmp_path / "offentlig.md").exists()
    internal = export_minutes(ws, meeting, public=False, fmt="md", path=tmp_path / "intern.md")
    assert "Inrapporterat av Anna 19121212-1212" in internal.path.read_text(encoding="utf-8")
