"""Medborgarlöften and samverkansöverenskommelser (issue 16 §4): agreements with a period and
parties, commitments with owner and status, linked measures; which are in force, which end soon;
two programs editing one commitment; a closed meeting keeps what it showed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pydantic import ValidationError

from meetingtui.model import AgreementKind, Measure, MeasureStatus
from meetingtui.services import agreements, groups, lagesbild, meetings
from meetingtui.services.errors import MeetingClosed
from meetingtui.services.workspace import Workspace
from meetingtui.store.db import Store
from meetingtui.store.rows import Conflict, Gone


def _lofte(ws: Workspace, start: date = date(2026, 1, 1), end: date = date(2026, 12, 31),
           group_id: int | None = None) -> int:
    made = agreements.add_agreement(
        ws, AgreementKind.MEDBORGARLOFTE, "Medborgarlöfte Centrum", start, end,
        ["Kommunen", " Lokalpolisområdet  ", ""], group_id=group_id)
    assert made.id is not None
    return made.id


def test_an_agreement_with_commitments_and_measures(ws: Workspace) -> None:
    agreement_id = _lofte(ws)
    stored = agreements.get_agreement(ws, agreement_id)
    assert stored.parties == "Kommunen\nLokalpolisområdet"
    assert agreements.parties_of(stored) == ["Kommunen", "Lokalpolisområdet"]
    first = agreements.add_commitment(ws, agreement_id, "Trygghetsvandringar varje månad",
                                      "Trygghetssamordnare", party="Kommunen",
                                      due=date(2026, 6, 1))
    agreements.add_commitment(ws, agreement_id, "Synlig närvaro fredagskvällar",
                              "Kommunpolis", party="Polisen")
    groups.ensure_groups(ws)
    est = groups.find_group(ws, "est")
    assert est is not None and est.id is not None
    meeting = meetings.plan_meeting(ws, est.id, date(2026, 11, 10))
    assert meeting.id is not None
    measure = lagesbild.save_measure(ws, Measure(meeting_id=meeting.id, text="Belysning",
                                                 owner="Tekniska"))
    assert measure.id is not None
    agreements.link_measure(ws, agreement_id, measure.id)
    agreements.link_measure(ws, agreement_id, measure.id)  # twice: still one link
    shown = agreements.detail(ws, agreement_id)
    assert [c.text for c in shown.commitments] == ["Trygghetsvandringar varje månad",
                                                   "Synlig närvaro fredagskvällar"]
    assert [m.text for m in shown.measures] == ["Belysning"]
    agreements.unlink_measure(ws, agreement_id, measure.id)
    assert agreements.detail(ws, agreement_id).measures == []
    assert first.id is not None
    agreements.remove_commitment(ws, first.id)
    assert [c.owner for c in agreements.detail(ws, agreement_id).commitments] == ["Kommunpolis"]
    with pytest.raises(Gone):
        agreements.remove_commitment(ws, first.id)
    with pytest.raises(Gone):
        agreements.link_measure(ws, agreement_id, 999)


def test_bad_input_is_refused(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="period"):
        agreements.add_agreement(ws, AgreementKind.SAMVERKAN, "Överenskommelse",
                                 date(2026, 5, 1), date(2026, 4, 30), ["Kommunen"])
    with pytest.raises(ValidationError):
        agreements.add_agreement(ws, AgreementKind.SAMVERKAN, " \x07 ", date(2026, 1, 1),
                                 date(2026, 2, 1), [])
    agreement_id = _lofte(ws)
    with pytest.raises(ValidationError, match="owner"):
        agreements.add_commitment(ws, agreement_id, "Något", "  ")
    with pytest.raises(ValidationError):
        agreements.add_commitment(ws, agreement_id, "", "Kommunen")
    with pytest.raises(Gone):
        agreements.add_commitment(ws, 999, "Något", "Kommunen")
    stored = agreements.get_agreement(ws, agreement_id)
    with pytest.raises(ValidationError):
        agreements.save_agreement(ws, stored.model_copy(update={"period_end": date(2025, 1, 1)}),
                                  base=stored)
    assert agreements.get_agreement(ws, agreement_id).period_end == date(2026, 12, 31)
    # A one-day period is a period.
    agreements.add_agreement(ws, AgreementKind.SAMVERKAN, "En dag", date(2026, 3, 1),
                             date(2026, 3, 1), ["Kommunen"])


def test_in_force_on_a_day_for_a_group(ws: Workspace) -> None:
    groups.ensure_groups(ws)
    est = groups.find_group(ws, "est")
    assert est is not None and est.id is not None
    everyone = _lofte(ws, date(2026, 1, 1), date(2026, 6, 30))
    est_only = _lofte(ws, date(2026, 6, 30), date(2026, 12, 31), group_id=est.id)
    styrgrupp = groups.find_group(ws, "styrgrupp")
    assert styrgrupp is not None and styrgrupp.id is not None
    other = _lofte(ws, date(2026, 1, 1), date(2026, 12, 31), group_id=styrgrupp.id)

    def ids(day: date, group_id: int | None) -> list[int | None]:
        return [d.agreement.id for d in agreements.in_force(ws, day, group_id)]

    assert ids(date(2025, 12, 31), est.id) == []
    assert ids(date(2026, 1, 1), est.id) == [everyone]
    assert ids(date(2026, 6, 30), est.id) == [everyone, est_only]  # both ends count
    assert ids(date(2026, 7, 1), est.id) == [est_only]
    assert ids(date(2026, 7, 1), None) == [est_only, other]
    assert ids(date(2027, 1, 1), est.id) == []


def test_ending_within_sixty_days(ws: Workspace) -> None:
    today = date(2026, 11, 23)
    day60 = _lofte(ws, date(2026, 1, 1), today + timedelta(days=60))
    _lofte(ws, date(2026, 1, 1), today + timedelta(days=61))
    ends_today = _lofte(ws, date(2026, 1, 1), today)
    _lofte(ws, date(2026, 1, 1), today - timedelta(days=1))  # ended: not "ending"
    _lofte(ws, today + timedelta(days=1), today + timedelta(days=30))  # not begun
    assert [a.id for a in agreements.ending_soon(ws, today)] == [ends_today, day60]


def test_two_programs_edit_one_commitment(ws: Workspace) -> None:
    agreement_id = _lofte(ws)
    commitment = agreements.add_commitment(ws, agreement_id, "Trygghetsvandringar",
                                           "Trygghetssamordnare")
    assert commitment.id is not None
    other = Store.open(ws.store.path)
    try:
        from meetingtui.store import agreements as rows

        theirs = rows.get_commitment(other, commitment.id)
        assert theirs is not None
        rows.update_commitment(other, theirs.model_copy(
            update={"status": MeasureStatus.DONE, "owner": "Kommunpolis"}), theirs)
    finally:
        other.close()
    # Mine read before theirs: my status is a conflict, nothing overwritten.
    with pytest.raises(Conflict) as raised:
        agreements.set_status(ws, commitment.id, MeasureStatus.CANCELLED, base=commitment)
    assert raised.value.fields == ["status"]
    # A different field changed by each: both kept.
    edited = agreements.save_commitment(
        ws, commitment.model_copy(update={"text": "Trygghetsvandringar varje månad"}),
        base=commitment)
    assert (edited.text, edited.owner, edited.status) == (
        "Trygghetsvandringar varje månad", "Kommunpolis", MeasureStatus.DONE)
    # The same field to another value: conflict.
    with pytest.raises(Conflict):
        agreements.save_commitment(ws, commitment.model_copy(update={"owner": "Fältare"}),
                                   base=commitment)
    assert agreements.get_commitment(ws, commitment.id).owner == "Kommunpolis"
    agreements.remove_commitment(ws, commitment.id)
    with pytest.raises(Gone):
        agreements.set_status(ws, commitment.id, MeasureStatus.DONE, base=edited)
    stored = agreements.get_agreement(ws, agreement_id)
    agreements.save_agreement(ws, stored.model_copy(update={"title": "Nytt"}), base=stored)
    with pytest.raises(Conflict):
        agreements.save_agreement(ws, stored.model_copy(update={"title": "Annat"}), base=stored)
    agreements.remove_agreement(ws, agreement_id)
    with pytest.raises(Gone):
        agreements.get_agreement(ws, agreement_id)


def _styrgrupp_meeting(ws: Workspace) -> tuple[int, int, int]:
    """(agreement, its one commitment, a running styrgrupp meeting on 10 November): the
    styrgrupp's shipped template has an agreements item."""
    groups.ensure_groups(ws)
    styrgrupp = groups.find_group(ws, "styrgrupp")
    assert styrgrupp is not None and styrgrupp.id is not None
    agreement_id = _lofte(ws)
    commitment = agreements.add_commitment(ws, agreement_id, "Trygghetsvandringar",
                                           "Trygghetssamordnare")
    meeting = meetings.plan_meeting(ws, styrgrupp.id, date(2026, 11, 10))
    assert commitment.id is not None and meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return agreement_id, commitment.id, meeting.id


def test_a_closed_meeting_keeps_what_it_showed(ws: Workspace) -> None:
    agreement_id, commitment_id, meeting_id = _styrgrupp_meeting(ws)
    agreements.set_status(ws, commitment_id, MeasureStatus.IN_PROGRESS, meeting_id=meeting_id)
    closed = meetings.close_meeting(ws, meeting_id)
    agreements.set_status(ws, commitment_id, MeasureStatus.DONE)
    agreements.add_commitment(ws, agreement_id, "Senare", "Kommunen")
    shown = agreements.for_meeting(ws, closed)
    assert [(c.text, c.status) for c in shown[0].commitments] == [
        ("Trygghetsvandringar", MeasureStatus.IN_PROGRESS)]
    assert agreements.get_commitment(ws, commitment_id).status is MeasureStatus.DONE
    # In the closed meeting itself, a change is refused unless it is a correction.
    with pytest.raises(MeetingClosed):
        agreements.set_status(ws, commitment_id, MeasureStatus.CANCELLED, meeting_id=meeting_id)


def test_a_correction_of_a_closed_meeting_changes_its_minutes(ws: Workspace) -> None:
    """Corrected on purpose ("Ändra stängt möte"), a closed meeting's commitments change with an
    amendment, quoting the status its minutes showed; without it, nothing changes."""
    from meetingtui.services.amend import amending
    from meetingtui.store.amendments import amendments_of

    agreement_id, commitment_id, meeting_id = _styrgrupp_meeting(ws)
    closed = meetings.close_meeting(ws, meeting_id)
    agreements.set_status(ws, commitment_id, MeasureStatus.DONE)  # later, outside the meeting
    with pytest.raises(MeetingClosed):
        agreements.set_status(ws, commitment_id, MeasureStatus.CANCELLED, meeting_id=meeting_id)
    with pytest.raises(MeetingClosed):
        agreements.add_commitment(ws, agreement_id, "Glömt", "Kommunen", meeting_id=meeting_id)
    assert agreements.get_commitment(ws, commitment_id).status is MeasureStatus.DONE
    assert [c.status for c in agreements.for_meeting(ws, closed)[0].commitments] == [
        MeasureStatus.NOT_STARTED]
    with amending(ws, "Karin Ek", "Fel status antecknades"):
        agreements.set_status(ws, commitment_id, MeasureStatus.IN_PROGRESS,
                              meeting_id=meeting_id)
        added = agreements.add_commitment(ws, agreement_id, "Glömt", "Kommunen",
                                          meeting_id=meeting_id)
    assert [(c.text, c.status) for c in agreements.for_meeting(ws, closed)[0].commitments] == [
        ("Trygghetsvandringar", MeasureStatus.IN_PROGRESS), ("Glömt", MeasureStatus.NOT_STARTED)]
    said = [(a.what, a.old, a.new, a.by, a.why) for a in amendments_of(ws.store, meeting_id)]
    assert said == [
        (f"Status för åtagande {commitment_id}", "not_started", "in_progress", "Karin Ek",
         "Fel status antecknades"),
        (f"Nytt åtagande {added.id}", "", "Glömt", "Karin Ek", "Fel status antecknades")]


def test_status_words() -> None:
    assert agreements.status_from_word("planned") is MeasureStatus.NOT_STARTED
    assert agreements.status_from_word(" Pågår ") is MeasureStatus.IN_PROGRESS
    assert agreements.status_from_word("klar") is MeasureStatus.DONE
    assert agreements.status_from_word("avbruten") is MeasureStatus.CANCELLED
    assert agreements.status_from_word("kanske") is None
