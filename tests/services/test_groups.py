"""Groups are instances of templates, members are people, the municipality names itself (issue 14
§1–§3), through the services and through the command line a municipality scripts against."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from meetingtui.cli import main
from meetingtui.cli.groups import FREQUENCIES
from meetingtui.export.minutes import export_minutes
from meetingtui.model import Frequency, Person
from meetingtui.paths import resolve
from meetingtui.services import groups, meetings, settings
from meetingtui.services.errors import GroupError
from meetingtui.services.home import lines, needs_setup
from meetingtui.services.workspace import Workspace, open_workspace
from tests.conftest import Clock


@pytest.fixture
def shipped(tmp_path: Path, clock: Clock) -> Workspace:
    """A new database with the shipped templates, as a municipality installs it."""
    ws = open_workspace(resolve(db=tmp_path / "m.db", exports=tmp_path / "exports"), clock)
    groups.ensure_groups(ws)
    return ws


def test_three_district_councils_of_one_type(shipped: Workspace) -> None:
    ws = shipped
    central = groups.find_group(ws, "BRÅ")
    assert central is not None and central.id is not None
    groups.rename_group(ws, central.id, name="Lokalt BRÅ Centrala", short="BRÅ C")
    west = groups.add_group(ws, "bra", "Lokalt BRÅ Västra", "BRÅ V")
    east = groups.add_group(ws, "bra", "Lokalt BRÅ Östra", "BRÅ Ö")
    assert {g.short for g in groups.all_groups(ws) if g.template_id == "bra"} == {
        "BRÅ C", "BRÅ V", "BRÅ Ö"}
    # Each is named by its own short name (any case) or id; the type alone names none of them.
    assert groups.find_group(ws, "brå v") == west
    assert groups.find_group(ws, str(east.id)) == east
    assert groups.find_group(ws, "bra") is None
    assert len(groups.find_groups(ws, "bra")) == 3
    with pytest.raises(GroupError) as taken:
        groups.add_group(ws, "bra", "Ännu ett", "brå v")
    assert taken.value.reason == "short_taken"
    with pytest.raises(GroupError):
        groups.add_group(ws, "finns-inte", "X", "X")
    # Each has the template's roles as its first members, its own.
    assert west.id is not None and east.id is not None
    assert [m.role for m in groups.members(ws, west.id)] == [
        m.role for m in groups.members(ws, east.id)]


def test_an_archived_group_keeps_its_meetings_and_leaves_the_home_screen(
        shipped: Workspace) -> None:
    ws = shipped
    kffv = groups.find_group(ws, "KFFV")
    assert kffv is not None and kffv.id is not None
    meeting = meetings.plan_meeting(ws, kffv.id, date(2026, 12, 1))
    groups.archive_group(ws, kffv.id)
    assert "KFFV" not in [line.short for line in lines(ws)]
    assert "KFFV" not in [g.short for g in groups.ensure_groups(ws)]  # not made again
    assert [m.id for m in meetings.list_meetings(ws, kffv.id)] == [meeting.id]
    groups.archive_group(ws, kffv.id, archived=False)
    assert "KFFV" in [line.short for line in lines(ws)]


def test_members_are_people_and_each_meeting_starts_from_the_regular_ones(
        shipped: Workspace) -> None:
    ws = shipped
    est = groups.find_group(ws, "EST")
    assert est is not None and est.id is not None
    first = groups.members(ws, est.id)[0]
    groups.update_member(ws, est.id, first.model_copy(update={
        "name": "Anna Berg", "organisation": "Kommunen", "email": "anna.berg@kommun.se"}),
        first)
    groups.add_member(ws, est.id, Person(name="Lisa Ek", role="Kommunpolis",
                                         organisation="Polisen"), substitute=True)
    people = groups.members(ws, est.id)
    assert (people[0].name, people[0].email) == ("Anna Berg", "anna.berg@kommun.se")
    assert people[-1].substitute and people[-1].name == "Lisa Ek"
    attendance = meetings.default_attendance(ws, est.id)
    assert attendance[0].name == "Anna Berg" and attendance[0].person_id == people[0].id
    assert "Lisa Ek" not in [a.name for a in attendance]  # comes instead of someone
    groups.remove_member(ws, est.id, people[-1].id or 0)
    assert "Lisa Ek" not in [m.name for m in groups.members(ws, est.id)]


def test_a_group_s_own_rhythm_and_chair(shipped: Workspace, clock: Clock) -> None:
    ws = shipped
    clock.now = datetime(2027, 1, 4, 9, 0)
    west = groups.add_group(ws, "bra", "Lokalt BRÅ Västra", "BRÅ V")
    assert west.id is not None
    west = groups.update_group(ws, west.model_copy(update={
        "frequency": Frequency.QUARTERLY, "skip_months": [7, 8],
        "chair": "Enhetschef Väster"}), west)
    assert groups.rhythm(ws, west) == (Frequency.QUARTERLY, [7, 8])
    meeting = meetings.plan_meeting(ws, west.id, date(2027, 1, 12), start=time(14, 0))
    assert meeting.chair == "Enhetschef Väster"
    assert meetings.propose_date(ws, west.id) == date(2027, 4, 13)  # a quarter on


def test_renaming_never_changes_a_closed_meetings_minutes(shipped: Workspace,
                                                          clock: Clock) -> None:
    ws = shipped
    settings.set_municipality(ws, "Upplands Väsby kommun")
    bra = groups.find_group(ws, "BRÅ")
    assert bra is not None and bra.id is not None
    clock.now = datetime(2026, 11, 10, 9, 0)
    meeting = meetings.plan_meeting(ws, bra.id, date(2026, 11, 10), start=time(9, 0))
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    meetings.close_meeting(ws, meeting.id)
    before = export_minutes(ws, meeting.id, fmt="md",
                            path=ws.locations.exports / "a.md").path.read_text("utf-8")
    groups.rename_group(ws, bra.id, name="Lokalt BRÅ Centrala", short="BRÅ C")
    settings.set_municipality(ws, "Väsby")
    after = export_minutes(ws, meeting.id, fmt="md",
                           path=ws.locations.exports / "b.md").path.read_text("utf-8")
    assert after == before
    assert "Upplands Väsby kommun" in after and "Centrala" not in after


def test_a_new_database_asks_for_its_municipality_and_names_none_until_then(
        shipped: Workspace) -> None:
    ws = shipped
    assert needs_setup(ws) and settings.municipality(ws) == ""
    settings.set_municipality(ws, "  Herrljunga   kommun ")
    assert settings.municipality(ws) == "Herrljunga kommun" and not needs_setup(ws)


# --- the command line ------------------------------------------------------------------------

def run(db: Path, *args: str, lang: str = "sv") -> Result:
    return CliRunner().invoke(main, ["--db", str(db), "--lang", lang, *args])


def test_the_command_line_sets_up_a_municipality(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    first = run(db, "config", "set", "municipality", "Upplands Väsby kommun")
    assert first.exit_code == 0, first.output
    shown = run(db, "config", "show")
    assert "Upplands Väsby kommun" in shown.stdout
    added = run(db, "groups", "add", "--template", "bra", "--name", "Lokalt BRÅ Västra",
                "--short", "BRÅ V")
    assert added.exit_code == 0, added.output
    assert run(db, "groups", "rename", "BRÅ", "--short", "BRÅ C").exit_code == 0
    named = run(db, "groups", "member-set", "BRÅ V", "1", "--name", "Per Lund",
                "--organisation", "Polisen", "--email", "per.lund@polisen.se")
    assert named.exit_code == 0, named.output
    listed = json.loads(run(db, "groups", "--format", "json").stdout)
    west = next(g for g in listed if g["short"] == "BRÅ V")
    assert (west["template"], west["name"]) == ("bra", "Lokalt BRÅ Västra")
    assert west["members"][0]["name"] == "Per Lund"
    assert west["members"][0]["email"] == "per.lund@polisen.se"
    assert run(db, "groups", "archive", "BRÅ V").exit_code == 0
    assert "BRÅ V" not in run(db, "groups").stdout
    assert "BRÅ V" in run(db, "groups", "--all").stdout


def test_the_command_line_gives_a_group_its_own_rhythm_and_chair(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    run(db, "config", "set", "municipality", "Upplands Väsby kommun")
    adhoc = run(db, "plan", "Lokalt BRÅ", "--year", "2027", "--dry-run")
    assert adhoc.exit_code == 1 and "ingen rytm" in adhoc.stderr
    own = run(db, "groups", "set", "Lokalt BRÅ", "--frequency", "monthly", "--skip-months",
              "7, 12", "--chair", "Eva Lind")
    assert own.exit_code == 0, own.output
    assert own.stdout.split() == ["Lokalt", "BRÅ", "monthly", "7,12", "Eva", "Lind"]
    planned = json.loads(run(db, "plan", "Lokalt BRÅ", "--year", "2027", "--dry-run",
                             "--format", "json").stdout)
    assert len(planned["meetings"]) == 10
    assert {m["date"][5:7] for m in planned["meetings"]}.isdisjoint({"07", "12"})
    # Only what is given changes; "template" and "" go back to the template's.
    assert run(db, "groups", "set", "Lokalt BRÅ", "--skip-months", "6,7,8").stdout.split() \
        == ["Lokalt", "BRÅ", "monthly", "6,7,8", "Eva", "Lind"]
    back = run(db, "groups", "set", "Lokalt BRÅ", "--frequency", "template", "--skip-months",
               "", "--chair", "")
    assert back.stdout.split()[2:4] == ["ad-hoc", "-"]
    assert "Representant för social- och omsorgskontoret" in back.stdout


@pytest.mark.parametrize(("args", "lang", "words"), [
    (["--skip-months", "13"], "sv", "ange månader som tal 1–12"),
    (["--skip-months", "juli"], "en", "give months as numbers 1–12"),
    ([], "sv", "ange --chair, --frequency eller --skip-months"),
    ([], "en", "give --chair, --frequency or --skip-months"),
    (["--frequency", "monthy"], "en", "Invalid value for '--frequency'"),
])
def test_a_rhythm_that_is_not_one_is_refused_and_nothing_changes(
        tmp_path: Path, args: list[str], lang: str, words: str) -> None:
    db = tmp_path / "m.db"
    run(db, "config", "set", "municipality", "Väsby")
    before = run(db, "groups", "--format", "json").stdout
    refused = run(db, "groups", "set", "EST", *args, lang=lang)
    assert refused.exit_code in (1, 2) and words in refused.stderr
    assert "Traceback" not in refused.output
    assert run(db, "groups", "--format", "json").stdout == before


def test_the_command_line_knows_every_rhythm() -> None:
    assert set(FREQUENCIES) == {f.value for f in Frequency}


@pytest.mark.parametrize(("lang", "words"), [
    ("sv", "är typen för flera grupper"), ("en", "is the type of several groups")])
def test_a_type_with_several_groups_is_not_a_group_s_name(tmp_path: Path, lang: str,
                                                         words: str) -> None:
    db = tmp_path / "m.db"
    run(db, "config", "set", "municipality", "Väsby")
    run(db, "groups", "add", "--template", "bra", "--name", "Lokalt BRÅ Västra",
        "--short", "BRÅ V")
    refused = run(db, "groups", "members", "bra", lang=lang)
    assert refused.exit_code == 1
    assert words in refused.stderr and "BRÅ V" in refused.stderr
    taken = run(db, "groups", "add", "--template", "bra", "--name", "X", "--short", "brå v",
                lang=lang)
    assert taken.exit_code == 1 and len(taken.stderr.strip().splitlines()) == 1


def test_a_word_template_that_is_not_one_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    run(db, "config", "set", "municipality", "Väsby")
    (tmp_path / "brev.txt").write_text("inte Word")
    refused = run(db, "config", "set", "word-template", str(tmp_path / "brev.txt"))
    assert refused.exit_code == 1 and "Worddokument" in refused.stderr
    cleared = run(db, "config", "set", "word-template", "")
    assert cleared.exit_code == 0
