"""`meetingtui agreements edit|remove|edit-commitment|remove-commitment`: a typo corrected, what
should not be there taken away; only what is given is written, another program's change
meanwhile is refused and kept, a removal asks for --yes, filed minutes keep what they showed."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.model import Agreement, AgreementKind
from meetingtui.services import agreements, meetings
from meetingtui.services.record import load_meeting
from meetingtui.services.workspace import Workspace
from tests.cli.test_agreements_cli import Run, _add, agreements_run
from tests.cli_helpers import one_line_error
from tests.conftest import Clock
from tests.english_words import english_words
from tests.scenarios.helpers import group_id, scenario_workspace


@pytest.fixture
def cli(ws: Workspace, test_agendas: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> Run:
    return agreements_run(ws, test_agendas, tmp_path, monkeypatch)


def test_edit_replaces_what_is_given_and_keeps_the_rest(cli: Run, ws: Workspace) -> None:
    number = _add(cli, "--text", "Kommunen och polisen lovar …")
    before = agreements.get_agreement(ws, number)
    result = cli("edit", str(number), "--title", "Medborgarlöfte Centrum 2026", "--to",
                 "2027-03-31")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{number}  Medborgarlöfte Centrum 2026  2026-01-01 – 2027-03-31\n"
    after = agreements.get_agreement(ws, number)
    assert (after.title, after.period_end) == ("Medborgarlöfte Centrum 2026", date(2027, 3, 31))
    assert (after.period_start, after.parties, after.text, after.kind) == (
        before.period_start, before.parties, before.text, before.kind)
    assert cli("edit", str(number), "--party", "Kommunen", "--party", " LPO  Alingsås ",
               "--text", "Nytt").exit_code == 0
    after = agreements.get_agreement(ws, number)
    assert (after.parties, after.text) == ("Kommunen\nLPO Alingsås", "Nytt")


def test_edit_refusals_say_one_line_in_swedish_and_write_nothing(cli: Run,
                                                                 ws: Workspace) -> None:
    number = _add(cli)
    before = agreements.get_agreement(ws, number)
    cases = [
        (("edit", str(number)), "Ange --title, --from, --to, --party eller --text"),
        (("edit", str(number), "--from", "2027-02-01"), "perioden slutar innan den börjar"),
        (("edit", str(number), "--to", "31 feb"), "det finns ingen 31 feb"),
        (("edit", str(number), "--title", " \x07 "), "title: fältet får inte vara tomt"),
        (("edit", "999", "--title", "x"), "Ingen överenskommelse med id 999"),
        (("edit-commitment", "999", "--text", "x"), "Inget åtagande med id 999"),
        (("remove", "999", "--yes"), "Ingen överenskommelse med id 999"),
    ]
    for args, said in cases:
        line = one_line_error(cli(*args))
        assert said in line, (args, line)
        assert english_words(re.sub(r"--[\w-]+", " ", line)) == [], line
    assert agreements.get_agreement(ws, number) == before


def test_another_programs_change_meanwhile_is_kept_and_said(
        cli: Run, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    number = _add(cli)
    read = agreements.get_agreement

    def read_then_the_other_program_saves(workspace: Workspace, wanted: int) -> Agreement:
        found = read(workspace, wanted)
        agreements.save_agreement(ws, found.model_copy(update={"title": "Sekreterarens titel"}),
                                  base=found)
        return found

    monkeypatch.setattr(agreements, "get_agreement", read_then_the_other_program_saves)
    line = one_line_error(cli("edit", str(number), "--title", "Ordförandens titel"))
    assert "ändrades under tiden i ett annat program; inget sparades" in line
    assert read(ws, number).title == "Sekreterarens titel"


def test_commitments_are_corrected_and_removed(cli: Run, ws: Workspace) -> None:
    number = _add(cli)
    made = cli("commit", str(number), "--text", "Synlig närvaro", "--owner", "Kommunpolis",
               "--due", "2026-12-01")
    commitment = int(made.stdout.split()[0])
    fixed = cli("edit-commitment", str(commitment), "--owner", "Kommunpolisen", "--due", "")
    assert fixed.exit_code == 0, fixed.output
    stored = agreements.get_commitment(ws, commitment)
    assert (stored.owner, stored.due, stored.text) == ("Kommunpolisen", None, "Synlig närvaro")
    assert "Varje åtagande behöver en ansvarig" in one_line_error(
        cli("edit-commitment", str(commitment), "--owner", " "))
    assert "Ange --party, --text, --owner, --org eller --due" in one_line_error(
        cli("edit-commitment", str(commitment)))
    asked = one_line_error(cli("remove-commitment", str(commitment)))
    assert asked == (f"meetingtui: Åtagande {commitment} (Synlig närvaro) tas bort bara med "
                     "--yes")
    assert [c.id for c in agreements.detail(ws, number).commitments] == [commitment]
    assert cli("remove-commitment", str(commitment), "--yes").exit_code == 0
    assert agreements.detail(ws, number).commitments == []


def test_an_agreement_is_removed_only_with_yes(cli: Run, ws: Workspace) -> None:
    number = _add(cli)
    made = cli("commit", str(number), "--text", "Belysning", "--owner", "Kommunen")
    assert made.exit_code == 0, made.output
    asked = one_line_error(cli("remove", str(number)))
    assert asked == (f"meetingtui: Överenskommelse {number} (Medborgarlöfte Centrum; "
                     "åtaganden: 1) tas bort bara med --yes")
    assert [a.id for a in agreements.all_agreements(ws)] == [number]
    assert cli("remove", str(number), "--yes").stdout == f"{number}  -\n"
    assert agreements.all_agreements(ws) == []
    assert "Ingen överenskommelse med id" in one_line_error(cli("show", str(number)))
    english = CliRunner().invoke(main, ["--db", str(ws.locations.db), "--lang", "en",
                                        "agreements", "remove", str(number)])
    assert "no agreement with id" in one_line_error(english).lower()


def test_filed_minutes_keep_an_agreement_removed_or_corrected_later(
        tmp_path: Path, clock: Clock) -> None:
    ws = scenario_workspace(tmp_path, clock, "Herrljunga kommun")
    made = agreements.add_agreement(ws, AgreementKind.SAMVERKAN, "Överenskommelse med polisen",
                                    date(2026, 1, 1), date(2026, 12, 31), ["Kommunen"])
    assert made.id is not None
    meeting = meetings.plan_meeting(ws, group_id(ws, "Styrgrupp"), date(2026, 11, 10))
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    meetings.close_meeting(ws, meeting.id)
    db = str(ws.locations.db)
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "agreements", "edit", str(made.id), "--title",
                                "Ny titel"]).exit_code == 0
    assert runner.invoke(main, ["--db", db, "agreements", "remove", str(made.id),
                                "--yes"]).exit_code == 0
    assert [d.agreement.title for d in load_meeting(ws, meeting.id).agreements] == [
        "Överenskommelse med polisen"]
    ws.close()


def test_an_edit_of_another_field_meanwhile_is_kept_beside_this_one(
        cli: Run, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two programs, one file: the secretary corrects the text while the chair corrects the
    title; both corrections stand."""
    number = _add(cli, "--text", "Första lydelsen")
    read = agreements.get_agreement

    def read_then_the_other_program_saves(workspace: Workspace, wanted: int) -> Agreement:
        found = read(workspace, wanted)
        agreements.save_agreement(ws, found.model_copy(update={"text": "Rättad lydelse"}),
                                  base=found)
        return found

    monkeypatch.setattr(agreements, "get_agreement", read_then_the_other_program_saves)
    result = cli("edit", str(number), "--title", "Rättad titel")
    assert result.exit_code == 0, result.output
    stored = read(ws, number)
    assert (stored.title, stored.text) == ("Rättad titel", "Rättad lydelse")
