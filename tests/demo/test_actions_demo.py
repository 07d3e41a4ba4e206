"""Action lists on the demo generator's data (issue 5): every filter, alone and combined, against
the independent reference; the chair's overdue-per-owner reminder; and the command line."""

from __future__ import annotations

import csv
import io
import itertools
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui.cli import actions as cli_actions
from meetingtui.cli import main
from meetingtui.demo.fill import fill_demo
from meetingtui.paths import resolve
from meetingtui.services.actions import (
    STATUS_CHOICES,
    ActionFilters,
    overdue_by_owner,
    read_actions,
)
from meetingtui.services.workspace import open_workspace
from tests.actions_reference import TODAY, Ref, expected, reference
from tests.conftest import Clock
from tests.export.actions.test_actions_formats import (
    _components,
    _lines,
    _per_owner,
    _todos,
    _unfold,
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[int]]]:
    """A year of demo meetings (built once for the module) and the reminder it gives."""
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    ws = open_workspace(resolve(db=db, exports=db.parent / "exports"),
                        clock=Clock(datetime(2026, 11, 23, 9, 0)))
    try:
        fill_demo(ws, 1, seed=7)
        reminders = {owner: [r.id for r in rows] for owner, rows in overdue_by_owner(ws).items()}
    finally:
        ws.close()
    return db, reminders


def _ids(db: Path, filters: ActionFilters) -> list[int]:
    return [row.id for row in read_actions(db, filters, TODAY).rows]


def _choices(refs: list[Ref]) -> tuple[list[str | None], list[str | None], list[int | None]]:
    """Owners (names and organisations, in other case), groups and meetings the data has."""
    owners = sorted({r.owner for r in refs})
    orgs = sorted({r.org.split(",")[0] for r in refs if r.org})
    groups = sorted({r.group for r in refs})
    meetings = sorted({r.meeting_id for r in refs})
    return ([None, *owners[:2], owners[-1].upper(), *orgs[:2], "Ingen Alls"],
            [None, groups[0], groups[-1].lower()],
            [None, meetings[len(meetings) // 2], meetings[-1]])


def test_the_demo_has_what_the_filters_need(demo: tuple[Path, dict[str, list[int]]]) -> None:
    refs = reference(demo[0])
    assert any(r.overdue for r in refs) and any(r.status == "done" for r in refs)
    assert any(r.status == "cancelled" for r in refs) and any(r.confidential for r in refs)
    assert len({r.group for r in refs}) >= 5


@pytest.mark.parametrize("status", STATUS_CHOICES)
def test_every_filter_on_the_demo_database(demo: tuple[Path, dict[str, list[int]]],
                                           status: str) -> None:
    db = demo[0]
    refs = reference(db)
    # Owners, groups and meetings that hold measures of this status (a few are cancelled in a
    # year), so that the combinations are not all empty whatever the templates make of the demo.
    holding = set(expected(refs, status=status))
    owners, groups, meetings = _choices([r for r in refs if r.id in holding])
    checked = nonempty = 0
    for owner, group, due_before, meeting, public in itertools.product(
            owners, groups, [None, date(2026, 12, 1), TODAY], meetings, [False, True]):
        filters = ActionFilters(owner=owner, group=group, status=status, due_before=due_before,
                                meeting_id=meeting, public=public)
        want = expected(refs, owner=owner, group=group, status=status, due_before=due_before,
                        meeting_id=meeting, public=public)
        assert _ids(db, filters) == want, filters
        checked += 1
        nonempty += bool(want)
    assert checked == len(owners) * len(groups) * 3 * len(meetings) * 2 and nonempty > 20


def test_part_of_a_name_on_the_demo_database(demo: tuple[Path, dict[str, list[int]]]) -> None:
    db = demo[0]
    refs = reference(db)
    for part in ("an", "ström", "POLIS", "skola", "ö"):
        filters = ActionFilters(owner=part, owner_partial=True, status="all")
        assert _ids(db, filters) == expected(refs, owner=part, status="all", partial=True)


def test_overdue_per_owner_on_the_demo_database(
        demo: tuple[Path, dict[str, list[int]]], monkeypatch: pytest.MonkeyPatch) -> None:
    db, reminders = demo
    refs = reference(db)
    want: dict[str, list[int]] = {}
    for ref in sorted(refs, key=lambda r: (r.due or date.max, r.meeting_date, r.id)):
        if ref.overdue:
            want.setdefault(ref.owner, []).append(ref.id)
    assert reminders == want and len(want) > 3
    monkeypatch.setattr(cli_actions, "today", lambda: TODAY)
    for owner in list(want)[:3]:
        result = CliRunner().invoke(main, ["--db", str(db), "actions", "--status", "overdue",
                                           "--owner", owner, "--format", "json"])
        assert [r["id"] for r in json.loads(result.stdout)] == expected(
            refs, owner=owner, status="overdue")
    table = CliRunner().invoke(main, ["--db", str(db), "actions", "--status", "overdue"])
    first_owner = next(iter(want))
    assert table.exit_code == 0 and first_owner in table.stdout


# --- every format from the command line, on the demo database ---------------------------------

def _cli(db: Path, tmp: Path, *args: str) -> bytes:
    result = CliRunner().invoke(main, ["--db", str(db), "--exports", str(tmp / "exports"),
                                       "actions", "--status", "all", *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.fixture
def at_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_actions, "today", lambda: TODAY)


@pytest.mark.usefixtures("at_today")
def test_csv_json_ics_and_docx_of_the_demo_database(
        demo: tuple[Path, dict[str, list[int]]], tmp_path: Path) -> None:
    db = demo[0]
    refs = {r.id: r for r in reference(db)}
    order = expected(list(refs.values()), status="all")

    data = _cli(db, tmp_path, "--format", "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                           dialect="excel", delimiter=";"))
    assert rows[0][:3] == ["Nr", "Åtgärd", "Ansvarig"] and len({len(r) for r in rows}) == 1
    assert [int(r[0]) for r in rows[1:]] == order
    for cells in rows[1:]:
        ref = refs[int(cells[0])]
        assert (cells[2].lstrip("'"), cells[3], cells[10]) == (
            ref.owner, ref.org, "ja" if ref.confidential else "nej")

    objects = json.loads(_cli(db, tmp_path, "--format", "json"))
    assert [o["id"] for o in objects] == order
    for obj in objects:
        ref = refs[obj["id"]]
        assert {"id", "text", "owner", "due", "status", "group", "meeting_id"} <= set(obj)
        assert (obj["owner"], obj["status"], obj["group"], obj["meeting_id"]) == (
            ref.owner, ref.status, ref.group, ref.meeting_id)
        assert obj["proposal"] == ref.proposal and obj["overdue"] == ref.overdue
        assert obj["due"] == (ref.due.isoformat() if ref.due else None)

    first = _cli(db, tmp_path, "--format", "ics", "--ics", "both")
    # CRLF, ≤ 75 octets, folding checked line by line.
    todos = _todos(_unfold(_lines(first)))
    events = _components(_unfold(_lines(first)), "VEVENT")
    dated = [i for i in order if refs[i].due is not None]
    assert [t["UID"].split("@")[0] for t in todos] == [f"measure-{i}" for i in dated]
    assert [e["UID"].split("@")[0] for e in events] == [f"measure-{i}-due" for i in dated]
    again = _unfold(_lines(_cli(db, tmp_path, "--format", "ics", "--ics", "both")))
    assert [t["UID"] for t in _todos(again)] == [t["UID"] for t in todos]
    assert [e["UID"] for e in _components(again, "VEVENT")] == [e["UID"] for e in events]
    for entry in (*todos, *events):
        number = int(entry["UID"].split("@")[0].split("-")[1])
        assert ("CLASS" in entry) == refs[number].confidential

    out = tmp_path / "alla.docx"
    _cli(db, tmp_path, "--format", "docx", "-o", str(out))
    found = _per_owner(out.read_bytes())
    # Per owner their measures; proposals waiting for a body apart, under "Förslag till …".
    owners = {ref.owner for ref in refs.values() if ref.proposal != "proposed"}
    waiting = {i for i, ref in refs.items() if ref.proposal == "proposed"}
    assert waiting, "the demo has proposals waiting for a body"
    apart = {name for name in found if name.startswith("Förslag till ")}
    assert set(found) - apart == owners and apart
    assert {int(r[0]) for name in apart for r in found[name][1:]} == waiting
    for owner, table in found.items():
        if owner in apart:
            continue
        assert sorted(int(r[0]) for r in table[1:]) == sorted(
            i for i, ref in refs.items() if ref.owner == owner and i not in waiting)
