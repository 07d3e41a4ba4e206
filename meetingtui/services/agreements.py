"""Medborgarlöften and samverkansöverenskommelser (issue 16 §4): an agreement's period and
parties, what each party commits to (owner, due date, status like a measure's) and the measures
that carry it out; which are in force on a day, and which end soon.

Each call is one committed transaction. A save names what the user's screen read (`base`): a
field another program changed meanwhile is a `Conflict`, a removed row `Gone`, as everywhere.
A commitment keeps its status only (no history: schema 8 has no table for one); a change made
in a meeting is that meeting's, and a closed meeting keeps what its agreements item showed when
it closed (`freeze_for_meeting`), so later changes never alter its minutes.
"""

from __future__ import annotations

from datetime import date, timedelta

from meetingtui.model import (
    Agreement,
    AgreementDetail,
    AgreementKind,
    Commitment,
    MeasureStatus,
    Meeting,
)
from meetingtui.services.amend import note_change
from meetingtui.services.workspace import Workspace
from meetingtui.store import agreements as rows
from meetingtui.store.rows import Conflict, Gone

#: How long before its end an agreement is said to end soon (the home screen warns).
ENDING_DAYS = 60

#: The words a status may be given in (CLI, scripts): stored values, English and Swedish.
STATUS_WORDS: dict[str, MeasureStatus] = {
    "planned": MeasureStatus.NOT_STARTED, "not_started": MeasureStatus.NOT_STARTED,
    "planerad": MeasureStatus.NOT_STARTED, "planerat": MeasureStatus.NOT_STARTED,
    "ej påbörjad": MeasureStatus.NOT_STARTED, "ej påbörjat": MeasureStatus.NOT_STARTED,
    "ongoing": MeasureStatus.IN_PROGRESS, "in_progress": MeasureStatus.IN_PROGRESS,
    "pågår": MeasureStatus.IN_PROGRESS, "pågående": MeasureStatus.IN_PROGRESS,
    "done": MeasureStatus.DONE, "klar": MeasureStatus.DONE, "klart": MeasureStatus.DONE,
    "genomförd": MeasureStatus.DONE, "genomfört": MeasureStatus.DONE,
    "cancelled": MeasureStatus.CANCELLED, "avbruten": MeasureStatus.CANCELLED,
    "avbrutet": MeasureStatus.CANCELLED,
}


def status_from_word(text: str) -> MeasureStatus | None:
    return STATUS_WORDS.get(" ".join(text.split()).casefold())


# --- agreements --------------------------------------------------------------------------------

def add_agreement(ws: Workspace, kind: AgreementKind, title: str, period_start: date,
                  period_end: date, parties: list[str], *, group_id: int | None = None,
                  text: str = "") -> Agreement:
    """A new agreement; `ValidationError` for an empty title or a period that ends before it
    starts."""
    agreement = Agreement(
        kind=kind, title=title, group_id=group_id, period_start=period_start,
        period_end=period_end, parties=parties_text(parties), text=text, created_at=ws.now())
    return rows.insert_agreement(ws.store, agreement)


def save_agreement(ws: Workspace, agreement: Agreement, *,
                   base: Agreement | None = None) -> Agreement:
    Agreement.model_validate(agreement.model_dump())  # model_copy does not validate
    return rows.update_agreement(ws.store, agreement, base)


def remove_agreement(ws: Workspace, agreement_id: int) -> None:
    rows.remove_agreement(ws.store, agreement_id, ws.now())


def get_agreement(ws: Workspace, agreement_id: int) -> Agreement:
    agreement = rows.get_agreement(ws.store, agreement_id)
    if agreement is None:
        raise Gone("agreements", agreement_id)
    return agreement


def all_agreements(ws: Workspace) -> list[Agreement]:
    return rows.all_agreements(ws.store)


def detail(ws: Workspace, agreement_id: int) -> AgreementDetail:
    return _details(ws, [get_agreement(ws, agreement_id)])[0]


def in_force(ws: Workspace, day: date, group_id: int | None = None) -> list[AgreementDetail]:
    """The agreements in force on `day` (both ends of a period included); with `group_id`, only
    those that name no group or name this one."""
    found = [a for a in rows.agreements_in_force(ws.store, day)
             if group_id is None or a.group_id is None or a.group_id == group_id]
    return _details(ws, found)


def ending_soon(ws: Workspace, day: date, days: int = ENDING_DAYS) -> list[Agreement]:
    """In force on `day` and ending within `days` days of it (the 60th day included); one that
    has already ended is not "ending"."""
    return rows.agreements_ending(ws.store, day, day + timedelta(days=days))


def parties_of(agreement: Agreement) -> list[str]:
    return [line.strip() for line in agreement.parties.splitlines() if line.strip()]


# --- commitments -------------------------------------------------------------------------------

def add_commitment(ws: Workspace, agreement_id: int, text: str, owner: str, *, party: str = "",
                   organisation: str = "", due: date | None = None,
                   status: MeasureStatus = MeasureStatus.NOT_STARTED,
                   meeting_id: int | None = None) -> Commitment:
    """What a party commits to; `ValidationError` for an empty text or owner, `Gone` when the
    agreement was removed. Added in a meeting (`meeting_id`): a closed one only as an
    amendment, which its minutes then show."""
    commitment = Commitment(agreement_id=agreement_id, party=party, text=text, owner=owner,
                            organisation=organisation, due=due, status=status)
    with ws.store.transaction():
        made = rows.insert_commitment(ws.store, commitment)
        if meeting_id is not None:
            note_change(ws, meeting_id, f"Nytt åtagande {made.id}", "", made.text)
            _correct_closed(ws, meeting_id, made)
        return made


def save_commitment(ws: Workspace, commitment: Commitment, *,
                    base: Commitment | None = None) -> Commitment:
    Commitment.model_validate(commitment.model_dump())
    return rows.update_commitment(ws.store, commitment, base)


def remove_commitment(ws: Workspace, commitment_id: int) -> None:
    rows.remove_commitment(ws.store, commitment_id, ws.now())


def get_commitment(ws: Workspace, commitment_id: int) -> Commitment:
    commitment = rows.get_commitment(ws.store, commitment_id)
    if commitment is None:
        raise Gone("commitments", commitment_id)
    return commitment


def set_status(ws: Workspace, commitment_id: int, status: MeasureStatus, *,
               base: Commitment | None = None, meeting_id: int | None = None,
               by: str = "") -> Commitment:
    """A commitment's new status. `base`: the commitment as the user's screen read it (another
    program's different status since is a `Conflict`). In a meeting (`meeting_id`) the change
    is the meeting's: a closed one only as an amendment, as a measure's follow-up."""
    with ws.store.transaction():
        current = get_commitment(ws, commitment_id)
        seen = base if base is not None else current
        try:
            stored = rows.update_commitment(
                ws.store, seen.model_copy(update={"status": status}), seen, only={"status"})
        except Conflict as conflict:
            raise Conflict("commitments", conflict.mine, conflict.theirs, ["status"]) from None
        if meeting_id is not None:
            # A closed meeting showed the status as it was when it closed: that is the old one.
            before = _correct_closed(ws, meeting_id, stored)
            old = before.status if before is not None else current.status
            note_change(ws, meeting_id, f"Status för åtagande {commitment_id}", old.value,
                        status.value, by=by or None)
        return stored


# --- measures ----------------------------------------------------------------------------------

def link_measure(ws: Workspace, agreement_id: int, measure_id: int) -> None:
    """The measure carries the agreement out; `Gone` when either was removed."""
    rows.link_measure(ws.store, agreement_id, measure_id)


def unlink_measure(ws: Workspace, agreement_id: int, measure_id: int) -> None:
    rows.unlink_measure(ws.store, agreement_id, measure_id)


# --- in a meeting ------------------------------------------------------------------------------

def for_meeting(ws: Workspace, meeting: Meeting) -> list[AgreementDetail]:
    """What a meeting's agreements item shows: those in force on its date for its group, with
    commitments and measures as now; for a closed meeting, as they stood when it closed."""
    assert meeting.id is not None
    if meeting.closed:
        frozen = rows.frozen_for_meeting(ws.store, meeting.id)
        if frozen is not None:
            return [AgreementDetail.model_validate(shown) for shown in frozen]
    return in_force(ws, meeting.date, meeting.group_id)


def freeze_for_meeting(ws: Workspace, meeting: Meeting) -> None:
    """Called as the meeting closes (inside its transaction): keep what it shows, if its
    agenda has an agreements item (nothing is kept for the others: their minutes show none)."""
    assert meeting.id is not None
    if not rows.has_agreements_item(ws.store, meeting.id):
        return
    shown = in_force(ws, meeting.date, meeting.group_id)
    rows.freeze_for_meeting(ws.store, meeting.id,
                            [detail.model_dump(mode="json") for detail in shown])


def _correct_closed(ws: Workspace, meeting_id: int, commitment: Commitment) -> Commitment | None:
    """In a closed meeting being corrected, the copy its minutes show changes with the
    commitment (`note_change` refuses first when the meeting is closed and not being
    corrected). Returns the commitment as the copy had it, if it did."""
    from meetingtui.store.meetings import get_meeting

    meeting = get_meeting(ws.store, meeting_id)
    if meeting is None or not meeting.closed:
        return None
    before = rows.patch_frozen(ws.store, meeting_id, commitment)
    return Commitment.model_validate(before) if before is not None else None


def _details(ws: Workspace, agreements: list[Agreement]) -> list[AgreementDetail]:
    ids = [a.id for a in agreements if a.id is not None]
    commitments = rows.commitments_of(ws.store, ids)
    measures = rows.measures_of(ws.store, ids)
    return [AgreementDetail(agreement=a, commitments=commitments.get(a.id or 0, []),
                            measures=measures.get(a.id or 0, [])) for a in agreements]


def parties_text(parties: list[str]) -> str:
    """The parties as stored: one a line, each on one line, none empty."""
    return "\n".join(p for p in (" ".join(p.split()) for p in parties) if p)


__all__ = ["ENDING_DAYS", "Conflict", "Gone", "add_agreement", "add_commitment",
           "all_agreements", "detail", "ending_soon", "for_meeting", "freeze_for_meeting",
           "get_agreement", "get_commitment", "in_force", "link_measure", "parties_of",
           "parties_text",
           "remove_agreement", "remove_commitment", "save_agreement", "save_commitment",
           "set_status", "status_from_word", "unlink_measure"]
