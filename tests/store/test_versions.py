"""Two programs on one file: a save names what it read, writes only what the user changed, and
never overwrites silently what another program saved meanwhile (issue 13 §2).

Two workspaces on one database file stand for the chair's app and the secretary's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

from meetingtui.model import Cause, Measure, Observation
from meetingtui.paths import resolve
from meetingtui.services import groups, lagesbild, meetings
from meetingtui.services.workspace import Workspace, open_workspace
from meetingtui.store.rows import Conflict, Gone
from tests.conftest import TEST_TEMPLATE, Clock


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace, int]]:
    agendas = tmp_path / "agendas"
    agendas.mkdir()
    (agendas / "est.md").write_text(TEST_TEMPLATE, encoding="utf-8")
    where = resolve(db=tmp_path / "shared.db", agendas=agendas, exports=tmp_path / "exports")
    clock = Clock(datetime(2026, 11, 10, 9, 0))
    chair, secretary = open_workspace(where, clock), open_workspace(where, clock)
    group = groups.ensure_groups(chair)[0]
    assert group.id is not None
    meeting = meetings.plan_meeting(chair, group.id, date(2026, 11, 10), start=time(9, 0))
    assert meeting.id is not None
    meetings.start_meeting(chair, meeting.id)
    yield chair, secretary, meeting.id
    chair.close()
    secretary.close()


def test_notes_and_decision_typed_in_two_programs_are_both_kept(
        pair: tuple[Workspace, Workspace, int]) -> None:
    chair, secretary, meeting_id = pair
    item_a = meetings.items(chair, meeting_id)[0]
    item_b = meetings.items(secretary, meeting_id)[0]  # both read the empty item
    assert item_a.id is not None
    meetings.edit_item(chair, item_a.id, notes="Ordföranden öppnade mötet.", base=item_a)
    meetings.edit_item(secretary, item_a.id, decision="Dagordningen godkändes.", base=item_b)
    stored = meetings.items(chair, meeting_id)[0]
    assert (stored.notes, stored.decision) == ("Ordföranden öppnade mötet.",
                                               "Dagordningen godkändes.")
    assert stored.version == 3


def test_the_same_field_saved_from_a_stale_screen_is_a_conflict_and_nothing_is_written(
        pair: tuple[Workspace, Workspace, int]) -> None:
    chair, secretary, meeting_id = pair
    item_a = meetings.items(chair, meeting_id)[0]
    item_b = meetings.items(secretary, meeting_id)[0]
    assert item_a.id is not None
    meetings.edit_item(secretary, item_a.id, notes="Sekreterarens anteckning", base=item_b)
    with pytest.raises(Conflict) as caught:
        meetings.edit_item(chair, item_a.id, notes="Ordförandens anteckning", base=item_a)
    assert caught.value.fields == ["notes"]
    assert caught.value.theirs.notes == "Sekreterarens anteckning"  # shown to the chair
    assert meetings.items(chair, meeting_id)[0].notes == "Sekreterarens anteckning"
    # Keeping one's own text on purpose: saved on top of what the other program saved.
    theirs = caught.value.theirs
    meetings.edit_item(chair, item_a.id, notes="Ordförandens anteckning", base=theirs)
    assert meetings.items(secretary, meeting_id)[0].notes == "Ordförandens anteckning"


def test_the_same_text_saved_in_two_programs_is_no_conflict(
        pair: tuple[Workspace, Workspace, int]) -> None:
    """The chair and the secretary both correct the same word the same way: nothing to choose
    between, so no conflict for the second save, which keeps the text."""
    chair, secretary, meeting_id = pair
    item_a = meetings.items(chair, meeting_id)[0]
    item_b = meetings.items(secretary, meeting_id)[0]
    assert item_a.id is not None
    meetings.edit_item(secretary, item_a.id, decision="Lägesbilden fastställs.", base=item_b)
    meetings.edit_item(chair, item_a.id, decision="Lägesbilden fastställs.", base=item_a)
    assert meetings.items(chair, meeting_id)[0].decision == "Lägesbilden fastställs."


def test_an_edit_to_a_removed_observation_says_it_is_gone(
        pair: tuple[Workspace, Workspace, int]) -> None:
    chair, secretary, meeting_id = pair
    seen = lagesbild.save_observation(chair, Observation(meeting_id=meeting_id, area="Torget",
                                                         description="Klotter"))
    lagesbild.remove_observation(secretary, seen)
    with pytest.raises(Gone):
        lagesbild.save_observation(chair, seen.model_copy(update={"description": "Mer klotter"}),
                                   base=seen)
    assert lagesbild.observations(chair, meeting_id) == []


def test_only_changed_fields_are_written_for_observations_causes_and_measures(
        pair: tuple[Workspace, Workspace, int]) -> None:
    chair, secretary, meeting_id = pair
    seen = lagesbild.save_observation(chair, Observation(meeting_id=meeting_id, area="Torget",
                                                         description="Klotter"))
    assert seen.id is not None
    cause = lagesbild.save_cause(chair, Cause(observation_id=seen.id, text="Mörkt"))
    measure = lagesbild.save_measure(chair, Measure(meeting_id=meeting_id, text="Belysning",
                                                    owner="Tekniska", observation_id=seen.id))
    # A edits the description, B the area, from the same reading: both kept.
    lagesbild.save_observation(chair, seen.model_copy(update={"description": "Klotter igen"}),
                               base=seen)
    lagesbild.save_observation(secretary, seen.model_copy(update={"area": "Stora torget"}),
                               base=seen)
    [stored] = lagesbild.observations(chair, meeting_id)
    assert (stored.area, stored.description) == ("Stora torget", "Klotter igen")
    lagesbild.save_cause(chair, cause.model_copy(update={"text": "Mörkt kvällstid"}),
                         base=cause)
    with pytest.raises(Conflict):
        lagesbild.save_cause(secretary, cause.model_copy(update={"text": "Ingen belysning"}),
                             base=cause)
    lagesbild.save_measure(chair, measure.model_copy(update={"owner": "Gatuenheten"}),
                           base=measure)
    lagesbild.save_measure(secretary, measure.model_copy(update={"due": date(2026, 12, 1)}),
                           base=measure)
    [decided] = lagesbild.measures(chair, meeting_id)
    assert (decided.owner, decided.due) == ("Gatuenheten", date(2026, 12, 1))


def test_a_stale_form_cannot_make_a_confidential_observation_public(
        pair: tuple[Workspace, Workspace, int]) -> None:
    chair, secretary, meeting_id = pair
    seen = lagesbild.save_observation(chair, Observation(meeting_id=meeting_id, area="Stationen",
                                                         description="Hot mot personal"))
    assert seen.id is not None
    lagesbild.set_confidential(secretary, seen.id, True, by="Eva Berg")
    # The chair's form was opened before: saving the description leaves the flag alone.
    lagesbild.save_observation(chair, seen.model_copy(update={"description": "Hot mot förare"}),
                               base=seen)
    stored = lagesbild.get_observation(chair, seen.id)
    assert stored.confidential and stored.description == "Hot mot förare"
    # Nor can the stale form flip it back on purpose without seeing the change first.
    with pytest.raises(Conflict):
        lagesbild.set_confidential(chair, seen.id, False, base=seen)
    assert lagesbild.get_observation(chair, seen.id).confidential


def test_a_save_without_a_base_names_the_version_it_read(
        pair: tuple[Workspace, Workspace, int]) -> None:
    chair, secretary, meeting_id = pair
    seen = lagesbild.save_observation(chair, Observation(meeting_id=meeting_id, area="Torget",
                                                         description="Klotter"))
    lagesbild.save_observation(secretary, seen.model_copy(update={"area": "Hamnen"}))
    with pytest.raises(Conflict):  # version 1 was read; 2 is stored
        lagesbild.save_observation(chair, seen.model_copy(update={"area": "Parken"}))
    assert lagesbild.observations(chair, meeting_id)[0].area == "Hamnen"


def test_a_measure_for_an_observation_removed_meanwhile_is_gone(
        pair: tuple[Workspace, Workspace, int]) -> None:
    """Found by tests/robustness/test_confidentiality_machine.py: the chair's measure form was
    open on a confidential observation (or one of its causes) that the secretary removed; the
    measure was saved anyway, public, since the removed observation's flag was not read, and
    the public minutes and `actions --public` showed it."""
    chair, secretary, meeting_id = pair
    seen = lagesbild.save_observation(chair, Observation(
        meeting_id=meeting_id, area="Stationen", description="Hot mot personal",
        confidential=True))
    assert seen.id is not None
    cause = lagesbild.save_cause(chair, Cause(observation_id=seen.id, text="Ensam personal"))
    lagesbild.remove_observation(secretary, seen)
    for measure in (Measure(meeting_id=meeting_id, text="Väktare", owner="Tekniska",
                            observation_id=seen.id),
                    Measure(meeting_id=meeting_id, text="Väktare", owner="Tekniska",
                            cause_id=cause.id)):
        with pytest.raises(Gone):
            lagesbild.save_measure(chair, measure)
    assert lagesbild.measures(chair, meeting_id) == []
