"""A measure addresses the causes of its problem (issue 15 §2): several, one or none, saved with
the measure in one transaction, edited by two programs at once, outliving a cause removed, and
carrying its problem's confidentiality; a cause rests on an assumption or on data; a measure has
its level and says whether its method is tested or evaluated."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from meetingtui.model import (
    Cause,
    CauseBasis,
    Measure,
    MeasureType,
    Observation,
    PreventionLevel,
    ProvenMethod,
)
from meetingtui.services import groups, lagesbild, meetings
from meetingtui.services.amend import amending
from meetingtui.services.errors import Conflict, Gone, MeetingClosed
from meetingtui.services.workspace import Workspace
from meetingtui.store.amendments import amendments_of
from tests.conftest import Clock


def _meeting(ws: Workspace, clock: Clock, day: date) -> int:
    groups.ensure_groups(ws)
    group = groups.find_group(ws, "EST")
    assert group is not None and group.id is not None
    clock.now = datetime.combine(day, time(9, 0))
    meeting = meetings.plan_meeting(ws, group.id, day)
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return meeting.id


def _observation(ws: Workspace, meeting_id: int, area: str = "Hagen",
                 confidential: bool = False) -> Observation:
    return lagesbild.save_observation(ws, Observation(
        meeting_id=meeting_id, area=area, description=f"Skadegörelse i {area}",
        confidential=confidential))


def _cause(ws: Workspace, observation: Observation, text: str,
           basis: CauseBasis = CauseBasis.UNSAID) -> Cause:
    assert observation.id is not None
    return lagesbild.save_cause(ws, Cause(observation_id=observation.id, text=text, basis=basis))


def _measure(ws: Workspace, meeting_id: int, observation: Observation | None,
             causes: list[Cause], text: str = "Byta lås", **fields: object) -> Measure:
    return lagesbild.save_measure(ws, Measure.model_validate({
        "meeting_id": meeting_id, "text": text, "owner": "Lars Ågren",
        "observation_id": observation.id if observation else None,
        "cause_ids": [c.id for c in causes], **fields}))


def _ties(ws: Workspace, measure: Measure) -> list[int]:
    return [row[0] for row in ws.store.conn.execute(
        "SELECT cause_id FROM measure_causes WHERE measure_id = ? ORDER BY cause_id",
        [measure.id])]


def _first_cause(ws: Workspace, measure: Measure) -> int | None:
    row = ws.store.conn.execute("SELECT cause_id FROM measures WHERE id = ?",
                                [measure.id]).fetchone()
    return None if row is None else row[0]


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


# --- a cause removed ---------------------------------------------------------------------------

def test_removing_a_cause_keeps_its_measures_without_it(ws: Workspace, clock: Clock) -> None:
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    a, b = _cause(ws, hagen, "Olåsta"), _cause(ws, hagen, "Köpare")
    measure = _measure(ws, meeting, hagen, [a, b])
    assert [m.id for m in lagesbild.measures_addressing(ws, a)] == [measure.id]
    lagesbild.remove_cause(ws, a)
    [kept] = lagesbild.measures(ws, meeting)
    assert (kept.id, kept.cause_ids, kept.version) == (measure.id, [b.id], measure.version)
    assert lagesbild.measures_addressing(ws, b) == [kept]
    # The row stays (it still ties the measure to its problem); the first cause as it was.
    assert _ties(ws, kept) == [a.id, b.id] and _first_cause(ws, kept) == a.id
    # Edited afterwards, the measure keeps the tie it no longer shows, and nothing clashes.
    edited = lagesbild.save_measure(ws, kept.model_copy(update={"text": "Byta alla lås"}))
    assert edited.cause_ids == [b.id] and _ties(ws, edited) == [a.id, b.id]


def test_a_measure_read_before_its_cause_was_removed_is_still_edited(ws: Workspace,
                                                                     clock: Clock) -> None:
    """Another program removes the cause after this one read the measure: the text typed here
    is saved, not refused for a cause the user never touched (found by the confidentiality
    machine)."""
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    a = _cause(ws, hagen, "Olåsta")
    read = _measure(ws, meeting, hagen, [a])
    lagesbild.remove_cause(ws, a)  # the other program
    edited = lagesbild.save_measure(ws, read.model_copy(update={"text": "Byta alla lås"}),
                                    base=read)
    assert edited.text == "Byta alla lås" and edited.cause_ids == []
    assert _ties(ws, edited) == [a.id]
    # Without what was read (a script's stale copy), the same.
    again = lagesbild.save_measure(ws, edited.model_copy(update={"text": "Byta lås i dag",
                                                               "cause_ids": [a.id]}))
    assert again.text == "Byta lås i dag" and again.cause_ids == []


def test_a_measure_on_a_removed_cause_alone_still_follows_its_problem(ws: Workspace,
                                                                      clock: Clock) -> None:
    """Decided on a cause only (no observation): removing the cause must not set it free of
    its problem's confidentiality, or the public minutes would show it once the problem is
    marked."""
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    cause = _cause(ws, hagen, "Olåsta")
    measure = _measure(ws, meeting, None, [cause])
    assert measure.cause_ids == [cause.id] and not measure.confidential
    lagesbild.remove_cause(ws, cause)
    # A form read before the removal, the cause unticked: still its problem's measure.
    lagesbild.save_measure(ws, measure.model_copy(update={"cause_ids": []}), base=measure)
    assert _ties(ws, measure) == [cause.id]
    lagesbild.set_confidential(ws, hagen.id or 0, True)
    assert lagesbild.measures(ws, meeting)[0].confidential
    lagesbild.set_confidential(ws, hagen.id or 0, False)
    assert not lagesbild.measures(ws, meeting)[0].confidential


def test_removing_a_cause_another_meeting_s_measure_addresses_is_noted_there(
        ws: Workspace, clock: Clock) -> None:
    september = _meeting(ws, clock, date(2026, 9, 9))
    first = _observation(ws, september, "Gångtunneln")
    dark = _cause(ws, first, "Mörk gångtunnel")
    meetings.close_meeting(ws, september)
    october = _meeting(ws, clock, date(2026, 10, 14))
    [again] = lagesbild.observations(ws, october)
    measure = _measure(ws, october, again, [dark], text="Belysning")
    meetings.close_meeting(ws, october)
    with pytest.raises(MeetingClosed):
        lagesbild.remove_cause(ws, dark)
    assert lagesbild.measures(ws, october)[0].cause_ids == [dark.id]
    with amending(ws, "Sara Holm", "Orsaken var fel"):
        lagesbild.remove_cause(ws, dark)
    assert lagesbild.measures(ws, october)[0].cause_ids == []
    [noted] = amendments_of(ws.store, october)
    assert (noted.what, noted.why) == (f"Åtgärd {measure.id}", "Orsaken var fel")
    assert f"orsak {dark.id}" in noted.old and "orsak" not in noted.new
    assert [a.what for a in amendments_of(ws.store, september)] == [
        f"Orsak {dark.id} borttagen"]


# --- confidentiality ---------------------------------------------------------------------------

def test_a_measure_on_a_cause_of_a_confidential_problem_is_confidential(ws: Workspace,
                                                                        clock: Clock) -> None:
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    secret = _observation(ws, meeting, "Cykelrummet", confidential=True)
    cause = _cause(ws, secret, "Försäljning i trapphuset")
    assert _measure(ws, meeting, None, [cause]).confidential


def test_marking_a_problem_marks_measures_on_causes_of_every_appearance(ws: Workspace,
                                                                         clock: Clock) -> None:
    september = _meeting(ws, clock, date(2026, 9, 9))
    first = _observation(ws, september, "Gångtunneln")
    dark = _cause(ws, first, "Mörk gångtunnel")
    on_cause = _measure(ws, september, None, [dark], text="Belysning")
    meetings.close_meeting(ws, september)
    october = _meeting(ws, clock, date(2026, 10, 14))
    [again] = lagesbild.observations(ws, october)
    later = _measure(ws, october, None, [dark], text="Kamera")
    changed = lagesbild.set_confidential(ws, again.id or 0, True, reason="Polisens uppgifter")
    assert changed.confidential
    marked = {m.id: m.confidential for m in [*lagesbild.measures(ws, september),
                                             *lagesbild.measures(ws, october)]}
    assert marked == {on_cause.id: True, later.id: True}
    # September's minutes changed: an amendment says so, named by number only.
    assert [a.what for a in amendments_of(ws.store, september)] == [
        f"Sekretess för problem {first.id} i lägesbilden"]


# --- closed meetings ---------------------------------------------------------------------------

def test_a_closed_meeting_s_measure_changes_its_causes_level_or_method_only_as_an_amendment(
        ws: Workspace, clock: Clock) -> None:
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    hagen = _observation(ws, meeting)
    cause = _cause(ws, hagen, "Olåsta")
    measure = _measure(ws, meeting, hagen, [])
    meetings.close_meeting(ws, meeting)
    for change in ({"cause_ids": [cause.id]}, {"level": PreventionLevel.INDICATED},
                   {"method": ProvenMethod.YES}):
        with pytest.raises(MeetingClosed):
            lagesbild.save_measure(ws, measure.model_copy(update=change), base=measure)
    assert lagesbild.measures(ws, meeting) == [measure]
    with amending(ws, "Sara Holm", "Orsaken glömdes"):
        stored = lagesbild.save_measure(ws, measure.model_copy(update={
            "cause_ids": [cause.id], "method": ProvenMethod.YES}), base=measure)
    assert stored.cause_ids == [cause.id] and stored.method is ProvenMethod.YES
    [noted] = amendments_of(ws.store, meeting)
    assert noted.what == f"Åtgärd {measure.id}"
    assert "method unknown" in noted.old and "method yes" in noted.new
    assert noted.new.endswith(f"; orsak {cause.id})")


def test_a_cause_s_basis_in_a_closed_meeting_is_an_amendment(ws: Workspace,
                                                              clock: Clock) -> None:
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    cause = _cause(ws, _observation(ws, meeting), "Mörkt", CauseBasis.ASSUMPTION)
    meetings.close_meeting(ws, meeting)
    with pytest.raises(MeetingClosed):
        lagesbild.save_cause(ws, cause.model_copy(update={"basis": CauseBasis.DATA}), base=cause)
    with amending(ws, "Sara Holm", "Polisens statistik visar det"):
        lagesbild.save_cause(ws, cause.model_copy(update={"basis": CauseBasis.DATA}), base=cause)
    [noted] = amendments_of(ws.store, meeting)
    assert (noted.old, noted.new) == ("place (assumption): Mörkt", "place (data): Mörkt")



def test_the_public_view_drops_a_measure_on_a_confidential_cause_with_the_cause() -> None:
    """Decided on a confidential observation's cause alone (no observation of its own): the
    public minutes leave it out by its cause, and with it the cause it addresses."""
    from meetingtui.privacy import public_view
    from tests.export_fixtures import est_record

    record = est_record()
    secret_cause = record.observations[1].causes[0]
    on_cause = Measure(id=24, meeting_id=12, text="Enbart mot orsaken", owner="Sara Lind",
                       cause_ids=[secret_cause.id or 0])
    record = record.model_copy(update={"measures": [*record.measures, on_cause]})
    view = public_view(record)
    assert [m.id for m in view.measures] == [21, 23]
    assert list(view.addressed) == [31]  # the public measure's cause only
    assert list(record.addressed) == [31, 32]

