"""Proposals outside the meeting screen (issue 16 §3): a waiting proposal is never overdue
and stands apart, a rejected one is nobody's measure, the public minutes leave a confidential
problem's proposals out, and `meetingtui proposals` lists them and records a decision."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.export.actions.json_list import build_json
from meetingtui.model import Measure, Observation, ProposalState
from meetingtui.services import meetings, proposals
from meetingtui.services.actions import ActionFilters, action_list, read_actions
from meetingtui.services.groups import get_group
from meetingtui.services.lagesbild import save_measure, save_observation
from meetingtui.services.workspace import Workspace
from meetingtui.store.overview import group_lines
from tests.cli_helpers import one_line_error
from tests.conftest import Clock
from tests.english_words import english_words
from tests.scenarios.helpers import export_all, group_id, scenario_workspace, started_meeting

TODAY = date(2026, 11, 27)


@pytest.fixture
def town(tmp_path: Path) -> tuple[Workspace, Clock, int]:
    clock = Clock(datetime(2026, 9, 1, 9, 0))
    ws = scenario_workspace(tmp_path, clock, "Fagersta kommun")
    meeting_id = started_meeting(ws, "Trygghetsgrupp", date(2026, 9, 1))
    clock.now = datetime.combine(TODAY, datetime.min.time()).replace(hour=9)
    yield ws, clock, meeting_id
    ws.close()


def _propose(ws: Workspace, meeting_id: int, text: str, due: date | None = date(2026, 10, 1),
             **more: object) -> Measure:
    return save_measure(ws, Measure(meeting_id=meeting_id, text=text, owner="Eva Lund", due=due,
                                    proposed_to="KLG", proposal=ProposalState.PROPOSED,
                                    **more))  # type: ignore[arg-type]


def test_a_waiting_proposal_is_never_overdue_and_a_rejected_one_is_not_listed(
        town: tuple[Workspace, Clock, int]) -> None:
    ws, _, meeting = town
    waiting = _propose(ws, meeting, "Belysningsplan")  # due 2026-10-01: past, yet not late
    rejected = _propose(ws, meeting, "Kameror")
    decided = _propose(ws, meeting, "Kvällsvandring")
    proposals.answer(ws, rejected, decided=False, day=date(2026, 9, 15), reason="Dyrt")
    proposals.answer(ws, decided, decided=True, day=date(2026, 9, 15))
    rows = {r.id: r for r in action_list(ws, ActionFilters(status="all"))}
    assert rejected.id not in rows
    assert rows[waiting.id or 0].waiting and not rows[waiting.id or 0].overdue
    assert rows[decided.id or 0].overdue and not rows[decided.id or 0].waiting
    late = [r.id for r in action_list(ws, ActionFilters(status="overdue"))]
    assert late == [decided.id]
    # Listed last, apart; JSON says what each is.
    assert list(rows)[-1] == waiting.id
    listing = read_actions(ws.locations.db, ActionFilters(status="all"), TODAY)
    objects = {o["id"]: o for o in json.loads(build_json(listing))}
    assert (objects[waiting.id]["proposal"], objects[waiting.id]["proposed_to"]) == (
        "proposed", "KLG")
    assert objects[decided.id]["proposal"] == "decided"
    line = next(g for g in group_lines(ws.store.conn, TODAY) if g.short == "Trygghetsgrupp")
    assert (line.open_measures, line.overdue_measures) == (1, 1)


def test_public_minutes_leave_a_confidential_problems_proposals_out(
        town: tuple[Workspace, Clock, int], tmp_path: Path) -> None:
    ws, _, meeting = town
    secret = save_observation(ws, Observation(meeting_id=meeting, area="Hamnen",
                                              description="Hot mot en anställd",
                                              confidential=True))
    _propose(ws, meeting, "Skyddsåtgärd för den utsatta", observation_id=secret.id)
    _propose(ws, meeting, "Belysningsplan för hamnen")
    paths = export_all(ws, meeting, tmp_path / "minutes")
    internal = paths["intern.md"].read_text(encoding="utf-8")
    public = paths["offentlig.md"].read_text(encoding="utf-8")
    assert "Föreslås: Skyddsåtgärd för den utsatta (till KLG)" in internal
    assert "Föreslås: Belysningsplan för hamnen (till KLG)" in public
    assert "Skyddsåtgärd" not in public
    listing = read_actions(ws.locations.db, ActionFilters(status="all", public=True), TODAY)
    assert [r.text for r in listing.rows] == ["Belysningsplan för hamnen"]


def test_the_command_lists_and_decides(town: tuple[Workspace, Clock, int]) -> None:
    ws, _, meeting = town
    one = _propose(ws, meeting, "Belysningsplan")
    two = _propose(ws, meeting, "Kameror")
    three = _propose(ws, meeting, "Trygghetsvandring")
    db = str(ws.locations.db)
    ws.close()
    runner = CliRunner()

    def run(*args: str) -> object:
        return runner.invoke(main, ["--db", db, "--lang", "sv", "proposals", *args])

    listed = run("--body", "klg", "--format", "json")
    assert listed.exit_code == 0, listed.output
    assert [(p["id"], p["from"], p["proposal"]) for p in json.loads(listed.output)] == [
        (one.id, "Trygghetsgrupp", "proposed"), (two.id, "Trygghetsgrupp", "proposed"),
        (three.id, "Trygghetsgrupp", "proposed")]
    assert json.loads(run("--body", "Styrgrupp", "--format", "json").output) == []
    done = run("decide", str(one.id), "--decided", "--date", "2026-12-10")
    assert done.exit_code == 0 and done.output == f"{one.id}: beslutat 2026-12-10 (KLG)\n"
    no = run("decide", str(two.id), "--rejected", "Dyrt", "--date", "10 dec")
    assert no.exit_code == 0 and "avslaget 2026-12-10" in no.output
    refusals = [
        (run("decide", str(one.id), "--rejected", "Nej", "--date", "2026-12-11"),
         "är redan beslutat (2026-12-10); inget ändrades"),
        (run("decide", str(two.id), "--date", "2026-12-11"),
         "ange antingen --decided eller --rejected"),
        (run("decide", str(two.id), "--rejected", "  ", "--date", "2026-12-11"),
         "--rejected behöver ett skäl"),
        (run("decide", str(three.id), "--decided", "--date", "2026-08-31"),  # before 1 Sept
         "lades fram 2026-09-01"),
        (run("decide", "999", "--decided", "--date", "2026-12-11"), "ingen åtgärd 999"),
        (run("decide", str(three.id), "--decided", "--date", "31 feb"),
         "--date: det finns ingen 31 feb"),
    ]
    for result, swedish in refusals:
        line = one_line_error(result)
        assert swedish in line
        options_out = re.sub(r"--[\w-]+", " ", line.removeprefix("meetingtui: "))
        assert english_words(options_out) == [], line
    english = runner.invoke(main, ["--db", db, "--lang", "en", "proposals", "decide",
                                   str(one.id), "--rejected", "Nej", "--date", "2026-12-11"])
    assert "proposal" in one_line_error(english)
    assert "is already decided (2026-12-10); nothing changed" in one_line_error(english)
    table = run("--all")
    assert table.exit_code == 0
    assert f"{one.id}" in table.output and "beslutat 2026-12-10" in table.output
    assert "avslaget 2026-12-10" in table.output and "föreslaget" in table.output
    waiting = run()
    assert waiting.exit_code == 0 and "Trygghetsvandring" in waiting.output
    assert len(waiting.output.splitlines()) == 1  # the one still waiting


def test_a_body_meeting_sees_only_what_was_proposed_by_its_day(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 11, 27, 9, 0))
    ws = scenario_workspace(tmp_path, clock, "Fagersta kommun")

    def meeting(short: str, day: date) -> int:
        found = meetings.plan_meeting(ws, group_id(ws, short), day)
        assert found.id is not None
        return found.id

    bered = meeting("Beredningsgrupp", date(2026, 10, 1))
    made = save_measure(ws, Measure(meeting_id=bered, text="Fältverksamhet", owner="Anna Berg",
                                    proposed_to="styrgrupp", proposal=ProposalState.PROPOSED))
    before, on_the_day = meeting("Styrgrupp", date(2026, 9, 30)), meeting("Styrgrupp",
                                                                            date(2026, 10, 1))
    group = get_group(ws, group_id(ws, "Styrgrupp"))
    assert proposals.for_body(ws, meetings.get_meeting(ws, before), group) == []
    assert [m.id for m in proposals.for_body(ws, meetings.get_meeting(ws, on_the_day),
                                             group)] == [made.id]  # "styrgrupp": any case
    with pytest.raises(proposals.TooEarly):
        proposals.answer(ws, made, decided=True, day=date(2026, 9, 30), meeting_id=before)
    ws.close()
