"""Proposals are proposals (issue 16 §3): a group proposes measures to a body above it (KLG,
styrgruppen, kommunstyrelsen); the body decides or rejects each, at its meeting in the app or
by hand (`meetingtui proposals decide`). A decided proposal is a measure like any other from
then on; a waiting or rejected one is nobody's measure: it stands apart in the action lists and
is never overdue.

The body a meeting's `proposals` item proposes to is its template item's `body=`; a meeting is
the body's when its group's short name or name is that body (any case).
"""

from __future__ import annotations

from datetime import date

from meetingtui.model import (
    AgendaItem,
    Cause,
    Group,
    Measure,
    Meeting,
    Proposals,
    ProposalState,
)
from meetingtui.services import lagesbild
from meetingtui.services.amend import note_change
from meetingtui.services.template_items import template_item
from meetingtui.services.workspace import Workspace
from meetingtui.store import groups as group_rows
from meetingtui.store import measures as measure_rows
from meetingtui.store import meetings as meeting_rows
from meetingtui.store import proposals as rows
from meetingtui.store.rows import Gone


class TooEarly(ValueError):
    """A body cannot answer a proposal before the meeting that made it."""

    def __init__(self, measure_id: int, proposed_on: date) -> None:
        super().__init__(f"Proposal {measure_id} was made on {proposed_on.isoformat()}: "
                         "it cannot be answered before that")
        self.proposed_on = proposed_on


class NotAProposal(ValueError):
    """The measure named is not a proposal (or not one waiting, for a decision)."""

    def __init__(self, measure_id: int, state: str) -> None:
        super().__init__(f"Measure {measure_id} is not a waiting proposal ({state or 'a measure'})")
        self.measure_id = measure_id
        self.state = state


def body_of(ws: Workspace, group: Group, item: AgendaItem) -> str:
    """The body the measures recorded under `item` are proposed to ("" when its template no
    longer says)."""
    found = template_item(ws, group, item)
    return found.body if found is not None else ""


def names_of(group: Group) -> list[str]:
    """What a body is called that this group is: its short name and its name."""
    return [group.short, group.name]


def is_body(group: Group, body: str) -> bool:
    wanted = " ".join(body.split()).casefold()
    return bool(wanted) and wanted in {" ".join(n.split()).casefold() for n in names_of(group)}


def causes_to_offer(ws: Workspace, proposal: Measure) -> tuple[list[Cause], dict[int, str]]:
    """The causes a proposal may address, and where each was seen ("Centrum – Torget", by
    observation id). One that addresses none yet, new or saved: any cause in its meeting's
    lägesbild (it is made under its own item, not on an observation; one problem's, which the
    form checks and `lagesbild.save_measure` holds to). One that addresses some: its
    problem's."""
    if proposal.cause_ids:
        offered = lagesbild.causes_to_offer(ws, proposal)
    else:
        offered = lagesbild.causes(ws, proposal.meeting_id)
    places = {o.id: " – ".join(part for part in (o.area, o.place_detail) if part)
              for o in lagesbild.observations(ws, proposal.meeting_id) if o.id is not None}
    return offered, places


def made_in(ws: Workspace, meeting_id: int) -> list[Measure]:
    """The proposals a meeting made, in the order recorded."""
    return [m for m in measure_rows.measures_of_meeting(ws.store, meeting_id)
            if m.proposal is not ProposalState.NONE]


def for_body(ws: Workspace, meeting: Meeting, group: Group) -> list[Measure]:
    """What this meeting of the body has before it: the proposals it answered, and while it is
    not closed those still waiting that were made on or before its day (a closed meeting's
    minutes say only what it did)."""
    found = rows.proposals(ws.store, names_of(group))
    return [m for m in found if m.proposal_meeting_id == meeting.id
            or (not meeting.closed and m.proposal is ProposalState.PROPOSED
                and _proposed_on(ws, m) <= meeting.date)]


def _proposed_on(ws: Workspace, measure: Measure) -> date:
    """The day of the meeting that made the proposal."""
    meeting = meeting_rows.get_meeting(ws.store, measure.meeting_id)
    return meeting.date if meeting is not None else date.min


def origins(ws: Workspace, measures: list[Measure]) -> dict[int, str]:
    """Measure id → the short name of the group that proposed it."""
    result: dict[int, str] = {}
    for m in measures:
        meeting = meeting_rows.get_meeting(ws.store, m.meeting_id)
        group = group_rows.get_group(ws.store, meeting.group_id) if meeting else None
        result[m.id or 0] = group.short if group else ""
    return result


def proposals_of_meeting(ws: Workspace, meeting: Meeting, group: Group,
                         items: list[AgendaItem], answered: list[Measure] | None = None, *,
                         made: list[Measure] | None = None) -> Proposals | None:
    """For the minutes and the meeting screen; None when the meeting has no proposals item
    and made or answered none. ``answered``: a closed meeting's `answered_in`, and ``made``:
    `made_in`, when read already (a publish reads every meeting's answers at once, and the
    record its measures, proposals with them)."""
    from meetingtui.model import ItemKind

    assert meeting.id is not None
    if made is None:
        made = made_in(ws, meeting.id)
    if not meeting.closed:
        received = for_body(ws, meeting, group)
    else:
        received = answered if answered is not None else rows.answered_in(ws.store, meeting.id)
    if not made and not received and not any(i.kind is ItemKind.PROPOSALS for i in items):
        return None
    return Proposals(made=made, received=received, origins=origins(ws, received))


def waiting(ws: Workspace, body: str | None = None) -> list[Measure]:
    return rows.proposals(ws.store, [body] if body else None, waiting_only=True)


def every(ws: Workspace, body: str | None = None) -> list[Measure]:
    return rows.proposals(ws.store, [body] if body else None)


def get(ws: Workspace, measure_id: int) -> Measure:
    measure = measure_rows.get_measure(ws.store, measure_id)
    if measure is None:
        raise Gone("measures", measure_id)
    return measure


def answer(ws: Workspace, measure: Measure, *, decided: bool, day: date,
           meeting_id: int | None = None, reason: str = "") -> Measure:
    """Decide (`decided`) or reject (with `reason`) the proposal `measure` as read; `day` is the
    body's date. A `Conflict` when someone answered it since it was read; `NotAProposal` when
    it was not waiting then."""
    assert measure.id is not None
    if not decided and not " ".join(reason.split()):
        raise ValueError("A rejected proposal needs a reason")
    if measure.proposal is not ProposalState.PROPOSED:
        raise NotAProposal(measure.id, measure.proposal.value)
    if day < (made := _proposed_on(ws, measure)):
        raise TooEarly(measure.id, made)
    state = ProposalState.DECIDED if decided else ProposalState.REJECTED
    edited = measure.model_copy(update={
        "proposal": state, "proposal_decided_on": day, "proposal_meeting_id": meeting_id,
        "proposal_reason": "" if decided else reason})
    edited = Measure.model_validate(edited.model_dump())  # the reason as any line: cleaned
    with ws.store.transaction():
        if meeting_id is not None:
            note_change(ws, meeting_id, f"Förslag {measure.id}", "proposed", state.value)
        return rows.answer(ws.store, edited, measure)
