"""A measure addresses the causes of its problem (issue 15 §2): several, one or none, saved with
the measure in one transaction and edited by two programs at once; a cause rests on an assumption
or on data; a measure has its level and says whether its method is tested or evaluated; the form
offers the causes of every appearance of a carried problem. A cause removed:
test_measure_cause_removed.py; confidentiality: test_measure_causes_confidential.py; closed
meetings: test_measure_causes_closed_meeting.py."""

from __future__ import annotations

from datetime import date

import pytest

from meetingtui.model import (
    CauseBasis,
    Measure,
    MeasureType,
    Observation,
    PreventionLevel,
    ProvenMethod,
)
from meetingtui.services import lagesbild, meetings
from meetingtui.services.errors import Conflict, Gone
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.services.measure_causes_helpers import (
    _cause,
    _first_cause,
    _measure,
    _meeting,
    _observation,
    _ties,
)

# --- saved -------------------------------------------------------------------------------------

def test_a_measure_against_two_causes_another_against_none(ws: Workspace, clock: Clock) -> None:
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    locks = _cause(ws, hagen, "Olåsta cykelrum", CauseBasis.DATA)
    buyers = _cause(ws, hagen, "Köpare från grannkommuner", CauseBasis.ASSUMPTION)
    both = _measure(ws, meeting, hagen, [buyers, locks], level=PreventionLevel.UNIVERSAL,
                    method=ProvenMethod.YES, type=MeasureType.SITUATIONAL)
    none = _measure(ws, meeting, hagen, [], text="Information till boende")

    assert both.cause_ids == sorted([locks.id or 0, buyers.id or 0])  # recorded order
    assert none.cause_ids == []
    stored = {m.id: m for m in lagesbild.measures(ws, meeting)}
    assert stored[both.id].cause_ids == both.cause_ids
    assert (stored[both.id].level, stored[both.id].method) == (
        PreventionLevel.UNIVERSAL, ProvenMethod.YES)
    assert (stored[none.id].cause_ids, stored[none.id].level, stored[none.id].method) == (
        [], PreventionLevel.UNSAID, ProvenMethod.UNKNOWN)
    assert _ties(ws, both) == both.cause_ids and _ties(ws, none) == []
    # The column code older than schema 6 reads: the first cause.
    assert _first_cause(ws, both) == locks.id and _first_cause(ws, none) is None
    assert [(c.text, c.basis) for c in lagesbild.causes(ws, meeting)] == [
        ("Olåsta cykelrum", CauseBasis.DATA), ("Köpare från grannkommuner", CauseBasis.ASSUMPTION)]


def test_a_cause_s_basis_is_edited_like_any_field(ws: Workspace, clock: Clock) -> None:
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    cause = _cause(ws, _observation(ws, meeting), "Mörk gångtunnel")
    assert cause.basis is CauseBasis.UNSAID
    stored = lagesbild.save_cause(ws, cause.model_copy(update={"basis": CauseBasis.DATA}),
                                  base=cause)
    assert stored.basis is CauseBasis.DATA and stored.version == cause.version + 1
    assert lagesbild.causes(ws, meeting)[0].basis is CauseBasis.DATA


def test_the_old_single_cause_still_reads(ws: Workspace, clock: Clock) -> None:
    """Code written before schema 6 names one `cause_id`: it is the measure's list of one."""
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    cause = _cause(ws, hagen, "Olåsta cykelrum")
    measure = lagesbild.save_measure(ws, Measure(meeting_id=meeting, text="Byta lås",
                                                 owner="Lars", observation_id=hagen.id,
                                                 cause_id=cause.id))  # type: ignore[call-arg]
    assert measure.cause_ids == [cause.id] and _first_cause(ws, measure) == cause.id


# --- edited ------------------------------------------------------------------------------------

def test_edited_ties_and_unties_what_was_ticked(ws: Workspace, clock: Clock) -> None:
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    a, b, c = (_cause(ws, hagen, text) for text in ("Olåsta", "Köpare", "Mörkt"))
    measure = _measure(ws, meeting, hagen, [a])
    edited = lagesbild.save_measure(ws, measure.model_copy(update={
        "cause_ids": [b.id, c.id], "level": PreventionLevel.SELECTIVE,
        "method": ProvenMethod.NO}), base=measure)
    assert edited.cause_ids == [b.id, c.id] and _ties(ws, edited) == [b.id, c.id]
    assert edited.version == measure.version + 2  # the fields, and the causes
    assert _first_cause(ws, edited) == b.id
    again = lagesbild.measures(ws, meeting)[0]
    assert again == edited
    untied = lagesbild.save_measure(ws, again.model_copy(update={"cause_ids": []}), base=again)
    assert untied.cause_ids == [] and _ties(ws, untied) == [] and _first_cause(ws, untied) is None
    same = lagesbild.save_measure(ws, untied, base=untied)
    assert same.version == untied.version  # nothing changed, nothing written


def test_two_programs_tie_a_cause_each_and_both_stand(ws: Workspace, clock: Clock) -> None:
    """Each cause is tied or not, a field of its own: the chair ticks one, the secretary in
    another program ticks another, and neither loses the other's."""
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    a, b, c = (_cause(ws, hagen, text) for text in ("Olåsta", "Köpare", "Mörkt"))
    read = _measure(ws, meeting, hagen, [a])
    chair = lagesbild.save_measure(ws, read.model_copy(update={"cause_ids": [a.id, b.id]}),
                                   base=read)
    secretary = lagesbild.save_measure(ws, read.model_copy(update={
        "cause_ids": [c.id], "text": "Byta lås i alla cykelrum"}), base=read)
    # The secretary unticked a (which the chair left as it was) and ticked c.
    assert secretary.cause_ids == [b.id, c.id]
    assert secretary.text == "Byta lås i alla cykelrum"
    assert lagesbild.measures(ws, meeting)[0].cause_ids == [b.id, c.id]
    assert secretary.version > chair.version


def test_the_same_cause_unticked_twice_or_ticked_twice_is_no_clash(ws: Workspace,
                                                                  clock: Clock) -> None:
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    a, b = _cause(ws, hagen, "Olåsta"), _cause(ws, hagen, "Köpare")
    read = _measure(ws, meeting, hagen, [a])
    for _ in range(2):
        stored = lagesbild.save_measure(ws, read.model_copy(update={"cause_ids": [b.id]}),
                                        base=read)
    assert stored.cause_ids == [b.id] and _ties(ws, stored) == [b.id]


def test_without_what_was_read_a_stale_list_is_a_conflict(ws: Workspace, clock: Clock) -> None:
    """A save that names no base replaces the list, as any field: only on the version read."""
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    a, b = _cause(ws, hagen, "Olåsta"), _cause(ws, hagen, "Köpare")
    read = _measure(ws, meeting, hagen, [a])
    other = lagesbild.save_measure(ws, read.model_copy(update={"cause_ids": [a.id, b.id]}),
                                   base=read)
    with pytest.raises(Conflict) as caught:
        lagesbild.save_measure(ws, read.model_copy(update={"cause_ids": []}))
    assert caught.value.fields == ["cause_ids"]
    assert caught.value.theirs.cause_ids == other.cause_ids  # what the user is shown
    assert _ties(ws, other) == [a.id, b.id]  # nothing written
    # A field clash says the causes too, and shows the stored ones.
    with pytest.raises(Conflict) as both:
        lagesbild.save_measure(ws, read.model_copy(update={"cause_ids": [], "text": "Annat"}))
    assert set(both.value.fields) == {"text", "cause_ids"}
    assert both.value.theirs.cause_ids == [a.id, b.id]
    # On the stored version, the list as given is the list.
    current = lagesbild.measures(ws, meeting)[0]
    replaced = lagesbild.save_measure(ws, current.model_copy(update={"cause_ids": [b.id]}))
    assert replaced.cause_ids == [b.id] and _ties(ws, replaced) == [b.id]


def test_a_field_clash_shows_the_stored_causes(ws: Workspace, clock: Clock) -> None:
    """Resolving a clash starts from what is stored: its causes too, or "take theirs" would
    untie what the other program tied."""
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    a, b = _cause(ws, hagen, "Olåsta"), _cause(ws, hagen, "Köpare")
    read = _measure(ws, meeting, hagen, [a])
    lagesbild.save_measure(ws, read.model_copy(update={"text": "Deras", "cause_ids": [a.id, b.id]}),
                           base=read)
    with pytest.raises(Conflict) as caught:
        lagesbild.save_measure(ws, read.model_copy(update={"text": "Mitt"}), base=read)
    assert caught.value.fields == ["text"]
    assert caught.value.theirs.cause_ids == [a.id, b.id]


def test_a_cause_removed_meanwhile_cannot_be_tied(ws: Workspace, clock: Clock) -> None:
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    a, b = _cause(ws, hagen, "Olåsta"), _cause(ws, hagen, "Köpare")
    read = _measure(ws, meeting, hagen, [a])
    lagesbild.remove_cause(ws, b)
    with pytest.raises(Gone):
        lagesbild.save_measure(ws, read.model_copy(update={"cause_ids": [a.id, b.id]}),
                               base=read)
    with pytest.raises(Gone):
        _measure(ws, meeting, hagen, [b], text="Ny")
    assert [m.text for m in lagesbild.measures(ws, meeting)] == ["Byta lås"]
    assert _ties(ws, read) == [a.id]


def test_a_measure_addresses_causes_of_its_own_problem_only(ws: Workspace, clock: Clock) -> None:
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen, torget = _observation(ws, meeting), _observation(ws, meeting, "Torget")
    own, other = _cause(ws, hagen, "Olåsta"), _cause(ws, torget, "Ingen vuxennärvaro")
    with pytest.raises(ValueError, match="not a cause of the problem"):
        _measure(ws, meeting, hagen, [own, other])
    read = _measure(ws, meeting, hagen, [own])
    with pytest.raises(ValueError):
        lagesbild.save_measure(ws, read.model_copy(update={"cause_ids": [own.id, other.id]}),
                               base=read)
    # Decided in the action plan: no problem, no causes to address.
    plan = _measure(ws, meeting, None, [], text="Se över belysningen")
    with pytest.raises(ValueError):
        lagesbild.save_measure(ws, plan.model_copy(update={"cause_ids": [own.id]}), base=plan)
    assert _ties(ws, read) == [own.id] and _ties(ws, plan) == []


# --- what the form offers ----------------------------------------------------------------------

def test_a_carried_problem_offers_the_causes_of_every_appearance(ws: Workspace,
                                                                 clock: Clock) -> None:
    september = _meeting(ws, clock, date(2026, 9, 9))
    first = _observation(ws, september, "Gångtunneln")
    dark = _cause(ws, first, "Mörk gångtunnel", CauseBasis.DATA)
    meetings.close_meeting(ws, september)
    october = _meeting(ws, clock, date(2026, 10, 14))
    [again] = lagesbild.observations(ws, october)
    assert again.problem_id == first.id
    seen = _cause(ws, again, "Syns från tåget")
    november = _meeting(ws, clock, date(2026, 11, 11))
    [third] = lagesbild.observations(ws, november)
    later = _cause(ws, third, "Nya klottrare")
    assert [c.id for c in lagesbild.problem_causes(ws, first.id or 0)] == [
        dark.id, seen.id, later.id]

    def offered(meeting_id: int, observation: Observation) -> list[int | None]:
        new = Measure.model_construct(meeting_id=meeting_id, text="", owner="",
                                      observation_id=observation.id, cause_ids=[])
        return [c.id for c in lagesbild.causes_to_offer(ws, new)]

    assert offered(october, again) == [dark.id, seen.id]  # not November's: it came later
    assert offered(november, third) == [dark.id, seen.id, later.id]
    assert offered(september, first) == [dark.id]
    # A measure in October against September's cause: one problem, one list.
    measure = _measure(ws, october, again, [dark, seen])
    assert measure.cause_ids == [dark.id, seen.id]
    # Decided in the action plan: nothing to offer.
    plan = Measure.model_construct(meeting_id=november, text="", owner="", observation_id=None,
                                   cause_ids=[])
    assert lagesbild.causes_to_offer(ws, plan) == []
    # A removed cause is offered no more.
    lagesbild.remove_cause(ws, seen)
    assert offered(november, third) == [dark.id, later.id]
