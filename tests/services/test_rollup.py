"""The styrgrupp's roll-up of the operative groups' measures (issue 16 §2): counts against an
independent reference on demo data, the colour boundaries, a closed meeting's counts kept, the
groups a template names, and the minutes' table read back (Word and Markdown, public too)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from meetingtui.demo.fill import fill_demo
from meetingtui.model import ItemKind, Measure, MeasureStatus, Observation
from meetingtui.paths import resolve
from meetingtui.services import followup, lagesbild, meetings, rollup
from meetingtui.services.amend import amending
from meetingtui.services.workspace import Workspace, open_workspace
from meetingtui.store.measures import get_measure
from tests.conftest import Clock
from tests.rollup_reference import reference
from tests.scenarios.helpers import Filed, export_all, group_id, scenario_workspace

DAY = date(2026, 10, 14)  # the styrgrupp's meeting: not the clock's day


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    ws = open_workspace(resolve(db=db, exports=db.parent / "exports"),
                        clock=Clock(datetime(2026, 11, 23, 9, 0)))
    try:
        fill_demo(ws, 1, seed=7)
    finally:
        ws.close()
    return db


def _rollup(ws: Workspace, meeting_id: int,
            reader: rollup.RollupReader | None = None) -> rollup.Rollup:
    meeting = meetings.get_meeting(ws, meeting_id)
    item = next(i for i in meetings.items(ws, meeting_id) if i.kind is ItemKind.ROLLUP)
    return rollup.rollup_for_item(ws, meeting, meetings_group(ws, meeting.group_id), item, reader)


def _counts(ws: Workspace, meeting_id: int,
            reader: rollup.RollupReader | None = None) -> dict[tuple[str, str], Counter[str]]:
    found = _rollup(ws, meeting_id, reader)
    return {(r.group, r.area): Counter({k: getattr(r, k) for k in (
        "green", "yellow", "red", "not_started", "in_progress", "done", "cancelled")
        if getattr(r, k)}) for r in found.rows}


def meetings_group(ws: Workspace, group: int):  # type: ignore[no-untyped-def]
    from meetingtui.services.groups import get_group

    return get_group(ws, group)


def test_demo_counts_match_the_reference_at_every_styrgrupp_meeting(demo: Path) -> None:
    ws = open_workspace(resolve(db=demo, exports=demo.parent / "exports"),
                        clock=Clock(datetime(2026, 11, 23, 9, 0)))
    try:
        styr = [m for m in meetings.list_meetings(ws) if any(
            i.kind is ItemKind.ROLLUP for i in meetings.items(ws, m.id or 0))]
        assert len(styr) >= 3 and {m.status.value for m in styr} >= {"closed", "planned"}
        seen: Counter[str] = Counter()
        reader = rollup.RollupReader(ws)  # one for every meeting, as a publish reads them
        for meeting in styr:
            assert meeting.id is not None
            want = {k: +v for k, v in reference(demo, meeting.id).items()}
            got = _counts(ws, meeting.id)
            assert got == want, meeting.date
            assert _counts(ws, meeting.id, reader) == want, meeting.date
            for counts in got.values():
                seen.update(counts)
        # Every colour and status occurs: the comparison is not of empty tables.
        assert all(seen[k] > 0 for k in ("green", "yellow", "red", "cancelled", "done")), seen
    finally:
        ws.close()


def test_roll_ups_read_for_many_meetings_are_each_meetings_own(
        demo: Path, tmp_path: Path) -> None:
    """After the meetings closed, measures are done, reopened and removed: a publish's reader
    counts each closed meeting as it closed, read in any order, as `rollup` does."""
    db = tmp_path / "demo.db"
    db.write_bytes(demo.read_bytes())
    ws = open_workspace(resolve(db=db, exports=tmp_path / "exports"),
                        clock=Clock(datetime(2026, 11, 24, 9, 0)))
    try:
        styr = [m.id or 0 for m in meetings.list_meetings(ws) if any(
            i.kind is ItemKind.ROLLUP for i in meetings.items(ws, m.id or 0))]
        measures = [row[0] for row in ws.store.conn.execute(
            "SELECT id FROM measures WHERE deleted_at IS NULL AND proposal = '' ORDER BY id")]
        for measure_id in measures[::7]:
            followup.record_update(ws, measure_id, MeasureStatus.DONE, "klart i efterhand")
        for measure_id in measures[3::11]:
            followup.record_update(ws, measure_id, MeasureStatus.IN_PROGRESS, "återupptagen")
        for measure_id in measures[5::13]:
            measure = get_measure(ws.store, measure_id)
            assert measure is not None
            with amending(ws, "Eva Berg", "Dubblett"):
                lagesbild.remove_measure(ws, measure)
        late = 0
        for order in (styr, styr[::-1], styr[1::2] + styr[::2]):
            reader = rollup.RollupReader(ws)
            for meeting_id in order:
                found = _rollup(ws, meeting_id, reader)
                assert found == _rollup(ws, meeting_id), meeting_id
                late += len(found.late)
        assert late > 0 and len(styr) >= 3
    finally:
        ws.close()


@pytest.fixture
def town(tmp_path: Path) -> tuple[Workspace, Clock]:
    clock = Clock(datetime(2026, 11, 23, 9, 0))
    ws = scenario_workspace(tmp_path, clock, "Storköping")
    yield ws, clock
    ws.close()


def _measure(ws: Workspace, meeting_id: int, text: str, due: date | None,
             status: MeasureStatus = MeasureStatus.NOT_STARTED,
             observation_id: int | None = None, confidential: bool = False) -> int:
    saved = lagesbild.save_measure(ws, Measure(meeting_id=meeting_id, text=text, owner="Eva Lund",
                                               owner_org="Polisen", due=due,
                                               observation_id=observation_id,
                                               confidential=confidential))
    assert saved.id is not None
    if status is not MeasureStatus.NOT_STARTED:
        followup.record_update(ws, saved.id, status)
    return saved.id


def _est_meeting(ws: Workspace, clock: Clock) -> int:
    clock.now = datetime(2026, 9, 8, 9, 0)
    meeting = meetings.plan_meeting(ws, group_id(ws, "EST"), date(2026, 9, 8))
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return meeting.id


def _styrgrupp(ws: Workspace, clock: Clock, day: date = DAY) -> int:
    clock.now = datetime.combine(day, datetime.min.time()).replace(hour=13)
    meeting = meetings.plan_meeting(ws, group_id(ws, "Styrgrupp"), day)
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return meeting.id


def test_the_boundaries_of_red_and_yellow(town: tuple[Workspace, Clock]) -> None:
    ws, clock = town
    est = _est_meeting(ws, clock)
    obs = lagesbild.save_observation(ws, Observation(meeting_id=est, area="Centrum",
                                                     description="Klotter"))
    cases = {
        "late by a day": (DAY - timedelta(days=1), MeasureStatus.NOT_STARTED, "red"),
        "late, in progress": (DAY - timedelta(days=1), MeasureStatus.IN_PROGRESS, "red"),
        "due on the day": (DAY, MeasureStatus.NOT_STARTED, "yellow"),
        "due on the day, in progress": (DAY, MeasureStatus.IN_PROGRESS, "green"),
        "day 30": (DAY + timedelta(days=30), MeasureStatus.NOT_STARTED, "yellow"),
        "day 31": (DAY + timedelta(days=31), MeasureStatus.NOT_STARTED, "green"),
        "no due date": (None, MeasureStatus.NOT_STARTED, "green"),
        "done late": (DAY - timedelta(days=40), MeasureStatus.DONE, "green"),
        "cancelled late": (DAY - timedelta(days=40), MeasureStatus.CANCELLED, ""),
    }
    for text, (due, status, _) in cases.items():
        _measure(ws, est, text, due, status, observation_id=obs.id)
    for text, (due, status, shade) in cases.items():
        assert rollup.colour(status, due, DAY) == shade, text
    styr = _styrgrupp(ws, clock)
    counts = _counts(ws, styr)
    assert counts == {("EST", "Centrum"): Counter(
        red=2, yellow=2, green=4, not_started=5, in_progress=2, done=1, cancelled=1)}
    meeting = meetings.get_meeting(ws, styr)
    late = rollup.rollup(ws, meeting, []).late
    assert [m.text for m in late] == ["late by a day", "late, in progress"]
    assert {m.group for m in late} == {"EST"} and late[0].owner == "Eva Lund, Polisen"


def test_a_closed_meeting_keeps_its_counts_and_later_meetings_are_left_out(
        town: tuple[Workspace, Clock], tmp_path: Path) -> None:
    ws, clock = town
    est = _est_meeting(ws, clock)
    late = _measure(ws, est, "Sanera klottret", DAY - timedelta(days=5))
    styr = _styrgrupp(ws, clock)
    meetings.close_meeting(ws, styr)
    # After the close: the late one is done, another measure decided (before the day, too).
    followup.record_update(ws, late, MeasureStatus.DONE)
    _measure(ws, est, "Ny belysning", DAY + timedelta(days=3))
    closed = _counts(ws, styr)
    assert closed == {("EST", ""): Counter(red=1, not_started=1)}
    text = Filed(export_all(ws, styr, tmp_path / "closed")["intern.docx"]).text
    assert "Sanera klottret" in text
    # A meeting on a later day sees what is true now; a measure decided after its day does not
    # count (an EST meeting after it).
    clock.now = datetime(2027, 1, 20, 9, 0)
    after = meetings.plan_meeting(ws, group_id(ws, "EST"), date(2027, 1, 20))
    _measure(ws, after.id or 0, "Efter mötet", None)
    later = _styrgrupp(ws, clock, date(2027, 1, 10))
    assert _counts(ws, later) == {("EST", ""): Counter(green=1, red=1, done=1, not_started=1)}


def test_a_publish_counts_a_closed_meeting_as_it_closed(town: tuple[Workspace, Clock]) -> None:
    """As `rollup` does, with the reader a publish reads many meetings with: a measure of a
    meeting on the roll-up's own day counts; one decided after it closed, and a later status,
    do not."""
    ws, clock = town
    est = _est_meeting(ws, clock)
    same_day = meetings.plan_meeting(ws, group_id(ws, "EST"), DAY)
    _measure(ws, same_day.id or 0, "Samma dag", DAY + timedelta(days=60))
    late = _measure(ws, est, "Sanera klottret", DAY - timedelta(days=5))
    styr = _styrgrupp(ws, clock)
    meetings.close_meeting(ws, styr)
    followup.record_update(ws, late, MeasureStatus.DONE)
    _measure(ws, est, "Ny belysning", DAY + timedelta(days=3))
    want = {("EST", ""): Counter(red=1, green=1, not_started=2)}
    assert _counts(ws, styr) == want
    assert _counts(ws, styr, rollup.RollupReader(ws)) == want


def test_only_the_groups_a_template_names(town: tuple[Workspace, Clock]) -> None:
    ws, clock = town
    est = _est_meeting(ws, clock)
    _measure(ws, est, "EST:s åtgärd", DAY - timedelta(days=1))
    clock.now = datetime(2026, 9, 9, 9, 0)
    sspf = meetings.plan_meeting(ws, group_id(ws, "SSPF"), date(2026, 9, 9))
    _measure(ws, sspf.id or 0, "SSPF:s åtgärd", DAY + timedelta(days=60))
    styr = _styrgrupp(ws, clock)
    meeting = meetings.get_meeting(ws, styr)
    assert {r.group for r in rollup.rollup(ws, meeting, []).rows} == {"EST", "SSPF"}
    named = rollup.rollup(ws, meeting, ["sspf"])
    assert named.groups == ["SSPF"] and [r.green for r in named.rows] == [1]
    assert not named.late
    # The meeting's own group is never rolled up when none is named, nor an archived one.
    from meetingtui.services.groups import archive_group

    archive_group(ws, group_id(ws, "SSPF"))
    assert "SSPF" not in rollup.rollup(ws, meeting, []).groups
    assert "Styrgrupp" not in rollup.rollup(ws, meeting, []).groups


def test_the_minutes_show_one_table_and_the_late_ones(
        town: tuple[Workspace, Clock], tmp_path: Path) -> None:
    ws, clock = town
    est = _est_meeting(ws, clock)
    secret = lagesbild.save_observation(ws, Observation(
        meeting_id=est, area="Hamnen", description="Hot mot en person", confidential=True))
    _measure(ws, est, "Hemlig insats mot gruppen", DAY - timedelta(days=2),
             observation_id=secret.id)
    _measure(ws, est, "Sanera klottret", DAY - timedelta(days=1))
    _measure(ws, est, "Trygghetsvandring", DAY + timedelta(days=10))
    styr = _styrgrupp(ws, clock)
    paths = export_all(ws, styr, tmp_path / "minutes")
    filed = Filed(paths["intern.docx"])
    table = filed.table_under("§ 7 Uppföljning av åtgärdsplanen")
    assert table[0] == ["Grupp", "Område", "Grön", "Gul", "Röd", "Avbrutna"]
    assert table[1:] == [["EST", "Hamnen", "0", "0", "1", "0"],
                         ["EST", "(inget område)", "0", "1", "1", "0"],
                         ["Totalt", "", "0", "1", "2", "0"]]
    section = filed.section("§ 7 Uppföljning av åtgärdsplanen")
    assert any(line.startswith("Per 2026-10-14.") for line in section)
    # Another group's secret stays in that group, in the internal minutes too: counted, dated,
    # its group and area said, its text and owner not.
    assert "Hemlig insats" not in filed.text and "Hot mot" not in filed.text
    assert "Åtgärd som omfattas av sekretess (EST, Hamnen): klart senast 2026-10-12" in section
    assert any(line.startswith("Sanera klottret (Eva Lund, Polisen; EST): klart senast "
                               "2026-10-13") for line in section)
    public = Filed(paths["offentlig.docx"])
    assert "Hemlig insats" not in public.text and "Hot mot" not in public.text
    assert public.table_under("§ 7 Uppföljning")[1] == ["EST", "Hamnen", "0", "0", "1", "0"]
    assert any(line.startswith("Åtgärd som omfattas av sekretess (EST, Hamnen)")
               for line in public.section("§ 7 Uppföljning"))
    md = paths["intern.md"].read_text(encoding="utf-8")
    assert "| Grupp | Område | Grön | Gul | Röd | Avbrutna |" in md
    assert "| Totalt |  | 0 | 1 | 2 | 0 |" in md
    public_md = paths["offentlig.md"].read_text(encoding="utf-8")
    assert "Hemlig insats" not in public_md and "| EST | Hamnen | 0 | 0 | 1 | 0 |" in public_md
