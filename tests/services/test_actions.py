"""Action lists (issue 5): every filter against an independent query, the follow-up history, the
chair's overdue-per-owner reminders, and `meetingtui actions` as scripts and people use it."""

from __future__ import annotations

import itertools
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pytest
from click.testing import Result

from meetingtui.cli import actions as cli_actions
from meetingtui.model import Measure, MeasureStatus
from meetingtui.services import followup, groups, lagesbild, meetings
from meetingtui.services.actions import (
    STATUS_CHOICES,
    ActionFilters,
    action_list,
    by_owner,
    overdue_by_owner,
    read_actions,
)
from meetingtui.services.workspace import Workspace
from meetingtui.store import actions as action_rows
from meetingtui.store import schema
from tests.actions_reference import TODAY, expected, reference
from tests.conftest import Clock

Run = Callable[..., Result]
POLICE = "Polisen, lokalpolisområde Exempelkommun"
LONG_TEXT = ("Byt ut den trasiga belysningen i gångtunneln under järnvägen vid Östra "
             "stationsgatan, så att skolbarnen vågar gå där även när det är mörkt på "
             "eftermiddagen – åäö ÅÄÖ")


@dataclass
class Sample:
    """The database the tests share: its file, meetings and measures by name."""

    db: Path
    agendas: Path
    meetings: dict[str, int]
    measures: dict[str, int]
    deleted: int


def _group_id(ws: Workspace, name: str) -> int:
    group = groups.find_group(ws, name)
    assert group is not None and group.id is not None
    return group.id


def _meeting(ws: Workspace, clock: Clock, group: str, day: date) -> int:
    clock.now = datetime.combine(day, time(9, 0))
    meeting = meetings.plan_meeting(ws, _group_id(ws, group), day)
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return meeting.id


def build_sample(ws: Workspace, clock: Clock, agendas: Path) -> Sample:
    """Three groups, four meetings, six owners (one spelled in two cases), every status,
    due dates before, on and after today, one without, one confidential, one deleted."""
    groups.ensure_groups(ws)
    m = {
        "est1": _meeting(ws, clock, "EST", date(2026, 9, 8)),
        "sspf": _meeting(ws, clock, "SSPF", date(2026, 10, 1)),
        "est2": _meeting(ws, clock, "EST", date(2026, 10, 13)),
        "bra": _meeting(ws, clock, "BRÅ", date(2026, 11, 10)),
    }
    plan = [  # name, meeting, text, owner, org, due, confidential
        ("light", "est1", LONG_TEXT, "Anna Berg", "Tekniska förvaltningen", date(2026, 10, 1),
         False),
        ("graffiti", "est1", "Sanera klotter på väntkurerna", "Åsa Öberg", "Bostadsbolaget AB",
         date(2026, 9, 30), False),
        ("walk", "est1", "Ordna en trygghetsvandring i Norra parken", "Karl Lind", POLICE,
         date(2026, 12, 15), False),
        ("landlord", "est2", "Kontakta fastighetsägaren om belysning", "Åsa Öberg",
         "Bostadsbolaget AB", date(2026, 11, 22), False),
        ("schools", "est2", "Informera skolorna om läget", "Karl Lind", POLICE, TODAY, False),
        ("cameras", "est2", "Utred kamerabevakning vid torget", "Anna Berg",
         "Tekniska förvaltningen", None, False),
        ("parents", "sspf", "Samtal med föräldrar | \"kvällsvandring\"", "Lena Ek",
         "Socialtjänsten", date(2026, 11, 1), False),
        ("patrol", "sspf", "Fältgång fredagar kl. 21–24", "Karl Lind", POLICE,
         date(2026, 11, 20), False),
        ("support", "sspf", "Stödsamtal enligt sekretessbelagt underlag", "Lena Ek",
         "Socialtjänsten", date(2026, 12, 1), True),
        ("formula", "bra", "=SUMMA(A1) ser ut som en formel;\nmen är text på två rader",
         "Mats Holm", "Räddningstjänsten", date(2027, 1, 15), False),
        ("bushes", "bra", "Röj buskage vid *cykelbanan*", "ÅSA ÖBERG", "", date(2026, 12, 10),
         False),
        ("reopened", "bra", "Laga staketet vid skolgården", "Mats Holm", "Räddningstjänsten",
         date(2026, 11, 5), False),
    ]
    ids: dict[str, int] = {}
    for name, meeting, text, owner, org, due, secret in plan:
        clock.now = datetime.combine(date(2026, 11, 10), time(10, 0))
        saved = lagesbild.save_measure(ws, Measure(
            meeting_id=m[meeting], text=text, owner=owner, owner_org=org, due=due,
            confidential=secret))
        assert saved.id is not None
        ids[name] = saved.id
    gone = lagesbild.save_measure(ws, Measure(
        meeting_id=m["bra"], text="Borttagen åtgärd", owner="Anna Berg", due=date(2026, 1, 1)))
    assert gone.id is not None
    lagesbild.remove_measure(ws, gone)

    clock.now = datetime(2026, 11, 20, 14, 0)
    ip, done, cancelled = MeasureStatus.IN_PROGRESS, MeasureStatus.DONE, MeasureStatus.CANCELLED
    followup.record_update(ws, ids["light"], ip, "Beställt", meeting_id=m["est2"], by="Anna")
    followup.record_update(ws, ids["light"], ip, "Leverans försenad", meeting_id=m["bra"])
    followup.record_update(ws, ids["graffiti"], done, "Klart", meeting_id=m["est2"])
    followup.record_update(ws, ids["schools"], ip, "Brev skickat")
    followup.record_update(ws, ids["parents"], cancelled, "Ersätts av annan insats",
                           meeting_id=m["sspf"])
    followup.record_update(ws, ids["patrol"], ip, "Startat")
    followup.record_update(ws, ids["reopened"], done, "Lagat", meeting_id=m["bra"])
    followup.record_update(ws, ids["reopened"], ip, "Trasigt igen")
    db = ws.locations.db
    return Sample(db=db, agendas=agendas, meetings=m, measures=ids, deleted=gone.id)


@pytest.fixture
def sample(ws: Workspace, clock: Clock, test_agendas: Path) -> Sample:
    built = build_sample(ws, clock, test_agendas)
    clock.now = datetime.combine(TODAY, time(9, 0))
    return built


# --- the service -----------------------------------------------------------------------------

def test_every_filter_combination_matches_an_independent_query(sample: Sample) -> None:
    refs = reference(sample.db)
    assert len(refs) == len(sample.measures)  # the deleted one is not there
    owners = [None, "anna berg", "ÅSA ÖBERG", "åsa öberg", "Polisen", "polisen, lokalpolisområde "
              "exempelkommun", "  Karl   Lind ", "räddningstjänsten", "Ingen Alls"]
    group_names = [None, "est", "SSPF", "bra", "Brottsförebyggande rådet"]
    group_names = [g for g in group_names if g is None or _known(sample, g)]
    combos = itertools.product(owners, group_names, STATUS_CHOICES,
                               [None, date(2026, 12, 1), TODAY],
                               [None, sample.meetings["est2"], sample.meetings["sspf"]],
                               [False, True])
    checked = nonempty = 0
    for owner, group, status, due_before, meeting, public in combos:
        filters = ActionFilters(owner=owner, group=group, status=status, due_before=due_before,
                                meeting_id=meeting, public=public)
        got = [row.id for row in read_actions(sample.db, filters, TODAY).rows]
        want = expected(refs, owner=" ".join(owner.split()) if owner else None, group=group,
                        status=status, due_before=due_before, meeting_id=meeting, public=public)
        assert got == want, filters
        checked += 1
        nonempty += bool(want)
    assert checked > 2000 and nonempty > 300


def test_public_leaves_every_confidential_measure_out(sample: Sample) -> None:
    everything = read_actions(sample.db, ActionFilters(status="all"), TODAY).rows
    public = read_actions(sample.db, ActionFilters(status="all", public=True), TODAY).rows
    secret = {row.id for row in everything if row.confidential}
    assert sample.measures["support"] in secret
    assert [row.id for row in public] == [row.id for row in everything if row.id not in secret]


def test_the_tui_filter_takes_part_of_a_name_or_organisation(sample: Sample) -> None:
    refs = reference(sample.db)
    for part in ("berg", "ÖBER", "polis", "lokalpolis", "Lind", "xyz"):
        filters = ActionFilters(owner=part, owner_partial=True, status="all")
        got = [row.id for row in read_actions(sample.db, filters, TODAY).rows]
        assert got == expected(refs, owner=part, status="all", partial=True), part
    assert read_actions(sample.db, ActionFilters(owner="berg", status="all"), TODAY).rows == []


def _known(sample: Sample, name: str) -> bool:
    refs = reference(sample.db)
    return any(name.casefold() in (r.group.casefold(), r.template_id.casefold(),
                                   r.group_name.casefold()) for r in refs)


def test_rows_carry_group_meeting_status_and_overdue(sample: Sample, ws: Workspace) -> None:
    rows = {r.id: r for r in action_list(ws, ActionFilters(status="all"))}
    light = rows[sample.measures["light"]]
    assert (light.group_short, light.meeting_id, light.meeting_date) == (
        "EST", sample.meetings["est1"], date(2026, 9, 8))
    assert light.status == "in_progress" and light.overdue and light.is_open
    assert light.owner_org == "Tekniska förvaltningen" and light.text == LONG_TEXT
    schools = rows[sample.measures["schools"]]
    assert schools.due == TODAY and not schools.overdue  # due today is not late yet
    assert rows[sample.measures["graffiti"]].status == "done"
    assert not rows[sample.measures["graffiti"]].overdue  # past due but done
    assert rows[sample.measures["parents"]].status == "cancelled"
    assert rows[sample.measures["reopened"]].status == "in_progress"  # done, then reopened
    assert rows[sample.measures["support"]].confidential
    assert sample.deleted not in rows
    ordered = list(rows.values())
    flags = [r.overdue for r in ordered]
    assert flags == sorted(flags, reverse=True)  # overdue first
    later = [r.due for r in ordered if not r.overdue]
    assert later[-1] is None and later[:-1] == sorted(d for d in later if d)  # no due last


def test_the_workspace_and_the_file_give_the_same_rows(sample: Sample, ws: Workspace) -> None:
    for status in STATUS_CHOICES:
        filters = ActionFilters(status=status)
        assert action_list(ws, filters) == read_actions(sample.db, filters, TODAY).rows


def test_status_is_the_newest_update_and_history_keeps_every_step(sample: Sample,
                                                                  ws: Workspace) -> None:
    measure = sample.measures["reopened"]
    steps = followup.history(ws, measure)
    assert [(u.old_status, u.new_status) for u in steps] == [
        (None, MeasureStatus.NOT_STARTED), (MeasureStatus.NOT_STARTED, MeasureStatus.DONE),
        (MeasureStatus.DONE, MeasureStatus.IN_PROGRESS)]
    assert steps[1].meeting_id == sample.meetings["bra"] and steps[2].meeting_id is None
    assert steps[2].comment == "Trasigt igen"
    row = next(r for r in action_list(ws, ActionFilters(status="all")) if r.id == measure)
    assert row.status == steps[-1].new_status.value
    # A change shows at once in the list: the status is derived, never stored twice.
    followup.record_update(ws, measure, MeasureStatus.DONE, "Lagat igen")
    assert measure in [r.id for r in action_list(ws, ActionFilters(status="done"))]
    assert measure not in [r.id for r in action_list(ws, ActionFilters(status="open"))]


def test_overdue_by_owner_for_the_chair(sample: Sample, ws: Workspace) -> None:
    reminders = overdue_by_owner(ws)
    refs = reference(sample.db)
    want: dict[str, list[int]] = {}
    for ref in sorted(refs, key=lambda r: (r.due or date.max, r.meeting_date, r.id)):
        if ref.overdue:
            want.setdefault(ref.owner, []).append(ref.id)
    assert {owner: [r.id for r in rows] for owner, rows in reminders.items()} == want
    assert list(reminders) == sorted(want, key=str.casefold)
    assert list(reminders) == ["Anna Berg", "Karl Lind", "Mats Holm", "Åsa Öberg"]
    assert all(row.overdue for rows in reminders.values() for row in rows)
    est_only = overdue_by_owner(ws, group="est")
    assert {r.group_short for rows in est_only.values() for r in rows} == {"EST"}


def test_by_owner_keeps_order_within_each_owner(sample: Sample, ws: Workspace) -> None:
    rows = action_list(ws, ActionFilters(status="all"))
    for owner, own in by_owner(rows).items():
        assert own == [r for r in rows if r.owner == owner]


def test_unknown_group_and_meeting_are_lookup_errors(sample: Sample, ws: Workspace) -> None:
    with pytest.raises(LookupError, match=r"no group called 'nope'; known groups: .*EST"):
        action_list(ws, ActionFilters(group="nope"))
    with pytest.raises(LookupError, match="No meeting with id 9999"):
        action_list(ws, ActionFilters(meeting_id=9999))
    with pytest.raises(ValueError):
        ActionFilters(status="late")


def test_an_unknown_owner_is_an_empty_list_said_so(sample: Sample) -> None:
    found = read_actions(sample.db, ActionFilters(owner="Ingen Alls"), TODAY)
    assert found.rows == [] and not found.owner_known
    assert read_actions(sample.db, ActionFilters(owner="anna berg"), TODAY).owner_known


def test_limit_bounds_the_query(sample: Sample, ws: Workspace) -> None:
    everything = action_list(ws, ActionFilters(status="all"))
    assert action_list(ws, ActionFilters(status="all", limit=3)) == everything[:3]


# --- reading the file directly, safely -------------------------------------------------------

def test_the_direct_reader_knows_the_current_schema() -> None:
    assert action_rows.READS_VERSION == schema.VERSION
    assert set(action_rows.ALL_STATUSES) == {s.value for s in MeasureStatus}
    assert set(action_rows.OPEN_STATUSES) == {s.value for s in MeasureStatus if s.is_open}
    assert cli_actions.STATUSES == STATUS_CHOICES == action_rows.STATUS_CHOICES
    from meetingtui.export.actions.calendar import KINDS

    assert cli_actions.ICS_KINDS == KINDS


def test_the_direct_reader_takes_only_a_current_meetingtui_file(tmp_path: Path,
                                                                sample: Sample) -> None:
    conn = action_rows.open_for_reading(sample.db)
    assert conn is not None
    with pytest.raises(sqlite3.OperationalError):  # read-only
        conn.execute("DELETE FROM measures")
    conn.close()
    assert action_rows.open_for_reading(tmp_path / "missing.db") is None
    foreign = tmp_path / "foreign.db"
    other = sqlite3.connect(foreign)
    other.execute("CREATE TABLE t (x)")
    other.execute(f"PRAGMA user_version = {schema.VERSION}")
    other.commit()
    other.close()
    assert action_rows.open_for_reading(foreign) is None
    text = tmp_path / "notes.txt"
    text.write_text("inte en databas\n" * 50, encoding="utf-8")
    assert action_rows.open_for_reading(text) is None


def test_a_new_file_is_created_like_any_command_would(tmp_path: Path) -> None:
    db = tmp_path / "ny.db"
    found = read_actions(db, ActionFilters(status="all"), TODAY)
    # A new database names no municipality until it is given one (never the demo's town).
    assert found.rows == [] and found.municipality == ""
    assert db.exists() and stat.S_IMODE(db.stat().st_mode) == 0o600


def test_a_newer_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    from meetingtui.store.db import APPLICATION_ID, StoreError

    db = tmp_path / "newer.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (x)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="newer meetingtui"):
        read_actions(db, ActionFilters(), TODAY)
    assert db.read_bytes() == before


def test_owners_in_swedish_alphabetical_order() -> None:
    from meetingtui.services.actions import swedish_order

    names = ["Östen Ek", "Ärla Berg", "Åke Lund", "Zelda Ny", "anna Holm", "Anna Holm"]
    assert sorted(names, key=swedish_order) == ["Anna Holm", "anna Holm", "Zelda Ny",
                                                "Åke Lund", "Ärla Berg", "Östen Ek"]
