"""A proposal to a body above against a cause of its meeting's lägesbild (the templates ask
each proposal to say "vilken orsak det ska påverka"): the minutes say which, a confidential
problem's proposal is confidential too and the public minutes leave it, and its cause, out."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from meetingtui.export.minutes import export_minutes
from meetingtui.model import Cause, Measure, Meeting, Observation, ProposalState
from meetingtui.services import lagesbild, meetings, proposals
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.scenarios.helpers import scenario_workspace, started_meeting

OPEN_CAUSE = "Fritidsgården stänger kl. 21"
SECRET_CAUSE = "Personalen är ensam på kvällspasset"


def _two_problems(tmp_path: Path, clock: Clock) -> tuple[Workspace, Meeting, dict[str, Cause]]:
    """A Trygghetsgrupp meeting under way with two problems, a cause each, one confidential."""
    clock.now = datetime(2026, 12, 1, 9, 0)
    ws = scenario_workspace(tmp_path, clock, "Lysekils kommun")
    meeting = meetings.get_meeting(ws, started_meeting(ws, "Trygghetsgrupp", date(2026, 12, 1)))
    causes = {}
    for area, text, confidential in (("Centrum", OPEN_CAUSE, False),
                                     ("Södra Hamnen", SECRET_CAUSE, True)):
        seen = lagesbild.save_observation(ws, Observation(
            meeting_id=meeting.id, area=area, description=f"Otryggt i {area}",
            confidential=confidential))
        assert seen.id is not None
        causes[text] = lagesbild.save_cause(ws, Cause(observation_id=seen.id, text=text))
    return ws, meeting, causes


def test_a_proposal_says_the_cause_it_is_to_affect(tmp_path: Path, clock: Clock) -> None:
    ws, meeting, causes = _two_problems(tmp_path, clock)
    assert meeting.id is not None

    offered, places = proposals.causes_to_offer(ws, Measure.model_construct(
        meeting_id=meeting.id, text="", owner="", proposed_to="KLG",
        proposal=ProposalState.PROPOSED, cause_ids=[]))
    assert {c.text for c in offered} == {OPEN_CAUSE, SECRET_CAUSE}
    assert sorted(places.values()) == ["Centrum", "Södra Hamnen"]

    made = {}
    for text, cause in causes.items():
        made[text] = lagesbild.save_measure(ws, Measure(
            meeting_id=meeting.id, text=f"Förslag mot: {text}", owner="Fritidschef",
            proposed_to="KLG", proposal=ProposalState.PROPOSED, cause_ids=[cause.id or 0]))
    assert not made[OPEN_CAUSE].confidential
    assert made[SECRET_CAUSE].confidential  # a confidential problem's proposal is too
    # Once it addresses a cause, only its own problem's are offered when it is changed.
    again, _ = proposals.causes_to_offer(ws, made[OPEN_CAUSE])
    assert [c.text for c in again] == [OPEN_CAUSE]

    def minutes(public: bool) -> str:
        path = tmp_path / f"{public}.md"
        export_minutes(ws, meeting.id or 0, public=public, fmt="md", path=path, force=True)
        return path.read_text(encoding="utf-8")

    internal, public = minutes(False), minutes(True)
    for text in (OPEN_CAUSE, SECRET_CAUSE):
        assert f"Förslag mot: {text} (till KLG)" in internal
        assert f"Riktas mot orsaken: {text}" in internal
    assert f"Riktas mot orsaken: {OPEN_CAUSE}" in public
    assert SECRET_CAUSE not in public and "Förslag mot: Personalen" not in public

    # Marked confidential afterwards (s, perhaps in another program): the proposal tied to its
    # cause goes with the problem, and out of the public minutes and lists.
    lagesbild.set_confidential(ws, causes[OPEN_CAUSE].observation_id, True, by="Karin Ek",
                               reason="Uppgifter från socialtjänsten")
    assert proposals.get(ws, made[OPEN_CAUSE].id or 0).confidential
    assert OPEN_CAUSE not in minutes(True)


def test_a_proposal_saved_without_a_cause_gets_one_later(tmp_path: Path, clock: Clock) -> None:
    """Recorded in haste, the cause left for after the meeting: changed later, the proposal is
    offered its meeting's causes, takes one problem's, and a confidential problem's flag with
    it. A measure of the action plan still addresses none."""
    ws, meeting, causes = _two_problems(tmp_path, clock)
    assert meeting.id is not None
    made = {text: lagesbild.save_measure(ws, Measure(
        meeting_id=meeting.id, text=f"Förslag mot: {text}", owner="Fritidschef",
        proposed_to="KLG", proposal=ProposalState.PROPOSED)) for text in causes}

    offered, places = proposals.causes_to_offer(ws, made[OPEN_CAUSE])
    assert {c.text for c in offered} == {OPEN_CAUSE, SECRET_CAUSE}
    assert sorted(places.values()) == ["Centrum", "Södra Hamnen"]
    for text, cause in causes.items():
        made[text] = lagesbild.save_measure(
            ws, made[text].model_copy(update={"cause_ids": [cause.id or 0]}), base=made[text])
    assert made[OPEN_CAUSE].cause_ids == [causes[OPEN_CAUSE].id]
    assert not made[OPEN_CAUSE].confidential
    assert made[SECRET_CAUSE].confidential  # the problem's flag came with its cause
    assert proposals.get(ws, made[SECRET_CAUSE].id or 0).confidential
    # Tied now: only its own problem's causes, and never two problems'.
    again, _ = proposals.causes_to_offer(ws, made[OPEN_CAUSE])
    assert [c.text for c in again] == [OPEN_CAUSE]
    with pytest.raises(ValueError, match="not a cause of the problem"):
        lagesbild.save_measure(ws, made[OPEN_CAUSE].model_copy(update={
            "cause_ids": [causes[OPEN_CAUSE].id or 0, causes[SECRET_CAUSE].id or 0]}),
            base=made[OPEN_CAUSE])

    path = tmp_path / "offentligt.md"
    export_minutes(ws, meeting.id, public=True, fmt="md", path=path)
    public = path.read_text(encoding="utf-8")
    assert f"Riktas mot orsaken: {OPEN_CAUSE}" in public
    assert SECRET_CAUSE not in public and "Förslag mot: Personalen" not in public

    planned = lagesbild.save_measure(ws, Measure(meeting_id=meeting.id, text="Kvällsvandring",
                                                 owner="Fritidschef"))
    with pytest.raises(ValueError, match="outside the lägesbild"):
        lagesbild.save_measure(ws, planned.model_copy(update={
            "cause_ids": [causes[OPEN_CAUSE].id or 0]}), base=planned)
