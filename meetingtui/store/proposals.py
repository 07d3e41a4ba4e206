"""Proposals to a body above (issue 16 §3): measures with `proposal` set, read by the body they
went to. Deciding one is an update of the measure's proposal fields (`rows.update_record`)."""

from __future__ import annotations

from meetingtui.model import Measure, ProposalState
from meetingtui.store.db import Store
from meetingtui.store.measures import with_causes
from meetingtui.store.rows import Conflict, from_row, models, read_row, update_record

_PROPOSAL_FIELDS = {"proposal", "proposal_decided_on", "proposal_meeting_id", "proposal_reason"}


_LIVE = ("SELECT m.*, coalesce((SELECT u.new_status FROM measure_updates u WHERE u.measure_id = "
         "m.id ORDER BY u.id DESC LIMIT 1), 'not_started') AS status FROM measures m "
         "WHERE m.proposal != '' AND m.deleted_at IS NULL")


def proposals(store: Store, bodies: list[str] | None = None, *,
              waiting_only: bool = False) -> list[Measure]:
    """Every live proposal (to one of `bodies`, any case, when given), oldest first."""
    rows = models(Measure, store.db, f"{_LIVE} ORDER BY m.id")
    wanted = {" ".join(b.split()).casefold() for b in bodies} if bodies is not None else None
    return with_causes(store, [
        m for m in rows
        if (wanted is None or " ".join(m.proposed_to.split()).casefold() in wanted)
        and (not waiting_only or m.proposal is ProposalState.PROPOSED)])


def answered_in(store: Store, meeting_id: int) -> list[Measure]:
    """The live proposals a body's meeting answered, oldest first: all a closed meeting's
    minutes say of what was put before it (read alone, not picked from every proposal ever
    made, which cost a ten-year site 10 s)."""
    return with_causes(store, models(Measure, store.db,
        f"{_LIVE} AND m.proposal_meeting_id = ? ORDER BY m.id", [meeting_id]))


def answered_by_meeting(store: Store) -> dict[int, list[Measure]]:
    """`answered_in` of every meeting at once, by the meeting's id: a publish asks it of every
    closed meeting, and each query reads every proposal (1 ms a meeting)."""
    answered: dict[int, list[Measure]] = {}
    for measure in with_causes(store, models(Measure, store.db,
            f"{_LIVE} AND m.proposal_meeting_id IS NOT NULL ORDER BY m.id")):
        answered.setdefault(measure.proposal_meeting_id or 0, []).append(measure)
    return answered


def answer(store: Store, edited: Measure, base: Measure) -> Measure:
    """Write the answer: a `Conflict` on "proposal" when someone answered it since `base` was
    read (even the same way: each answer names its own date and meeting)."""
    assert edited.id is not None
    with store.transaction() as db:
        row = read_row(db, "measures", edited.id)
        if row is not None and not row.get("deleted_at") and row["proposal"] != base.proposal.value:
            theirs = from_row(Measure, {**row, "status": base.status})
            raise Conflict("measures", edited, theirs, ["proposal"])
        return update_record(db, "measures", edited, base, only=_PROPOSAL_FIELDS)
