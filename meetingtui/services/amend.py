"""A closed meeting changes only on purpose: each change leaves an amendment (when, who, what,
why) that its minutes list under "Ändringar efter mötet"."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from meetingtui.model import Amendment, MeetingStatus
from meetingtui.personal_numbers import mask_personal_numbers
from meetingtui.services.errors import MeetingClosed, MeetingNotFound
from meetingtui.services.workspace import Amending, Workspace
from meetingtui.store.amendments import insert_amendment
from meetingtui.store.meetings import get_meeting


def note_change(ws: Workspace, meeting_id: int, what: str, old: str, new: str, *,
                why: str | None = None, by: str | None = None) -> None:
    """Call inside the transaction that makes the change. A change to a closed meeting needs a
    reason: `ws.amending` (the user chose to correct it) or `why` (a change that follows from an
    explicit act elsewhere, such as marking a problem confidential); else `MeetingClosed`."""
    meeting = get_meeting(ws.store, meeting_id)
    if meeting is None:
        raise MeetingNotFound(f"No meeting with id {meeting_id}")
    if meeting.status is not MeetingStatus.CLOSED or old == new:
        return
    amending = ws.amending
    if why is None and amending is None:
        raise MeetingClosed(meeting_id)
    # The record says what changed, never a personnummer (domain §6: detect, warn, never
    # store): a correction that removes one must not keep it in the amendment's quote.
    insert_amendment(ws.store, Amendment(
        meeting_id=meeting_id, at=ws.now(), what=mask_personal_numbers(what)[:200],
        old=mask_personal_numbers(old), new=mask_personal_numbers(new),
        by=mask_personal_numbers(by if by is not None else (amending.by if amending else "")),
        why=mask_personal_numbers(why if why is not None else amending.why if amending
                                  else "")[:200],
    ))


def require_open(ws: Workspace, meeting_id: int) -> None:
    """Refuse a change to a closed meeting that is not being corrected on purpose."""
    meeting = get_meeting(ws.store, meeting_id)
    if meeting is None:
        raise MeetingNotFound(f"No meeting with id {meeting_id}")
    if meeting.status is MeetingStatus.CLOSED and ws.amending is None:
        raise MeetingClosed(meeting_id)


def begin_amending(ws: Workspace, by: str, why: str) -> None:
    """From now on closed meetings may be corrected, each change an amendment by `by` for `why`
    (the app's "Ändra stängt möte", until the user leaves the meeting: `end_amending`)."""
    by, why = " ".join(by.split()), " ".join(why.split())
    if not why:
        raise ValueError("A correction of a closed meeting needs a reason")
    ws.amending = Amending(by=by, why=why)


def end_amending(ws: Workspace) -> None:
    ws.amending = None


@contextmanager
def amending(ws: Workspace, by: str, why: str) -> Iterator[None]:
    """Correct closed meetings within the block, each change an amendment by `by` for `why`."""
    before = ws.amending
    begin_amending(ws, by, why)
    try:
        yield
    finally:
        ws.amending = before
