"""`fill_demo`: Exempelkommun's groups and meetings, deterministic, in every group's rhythm."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.dates import holiday_name, next_meeting_date, quarter_of
from meetingtui.demo.fill import REFUSAL, DemoError, DemoSummary, fill_demo
from meetingtui.model import Frequency, MeetingStatus
from meetingtui.paths import resolve
from meetingtui.privacy import find_personal_numbers
from meetingtui.services.workspace import Workspace, open_workspace
from tests.cli_helpers import one_line_error

TODAY = datetime(2026, 11, 23, 9, 0)
# The closed meetings a year holds at each frequency (twelve months, less the skipped ones).
PER_YEAR = {Frequency.MONTHLY: 12, Frequency.SIX_PER_YEAR: 6, Frequency.QUARTERLY: 4,
            Frequency.TWICE_YEARLY: 2, Frequency.AD_HOC: 13, Frequency.BIWEEKLY: 26,
            Frequency.WEEKLY: 52}
TEXT_COLUMNS = {
    "groups": ["name", "short", "municipality"], "people": ["name", "role", "organisation"],
    "meetings": ["place", "chair", "secretary", "adjuster"],
    "attendance": ["name", "role", "organisation"], "agenda_items": ["title", "notes", "decision"],
    "observations": ["area", "place_detail", "category", "description", "source"],
    "causes": ["text"], "measures": ["text", "owner", "owner_org"],
    "measure_updates": ["comment", "by"], "priorities": ["title"],
}


def _open(path: Path) -> Workspace:
    return open_workspace(resolve(db=path), clock=lambda: TODAY)


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, DemoSummary]]:
    ws = _open(tmp_path_factory.mktemp("demo") / "t.db")
    summary = fill_demo(ws, years=1, seed=1)
    yield ws, summary
    ws.close()


def _rows(ws: Workspace, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    return list(ws.store.db.execute(sql, list(args)).fetchall())


def _meetings(ws: Workspace, template_id: str) -> list[tuple[date, str]]:
    return [(date.fromisoformat(day), status) for day, status in _rows(
        ws, "SELECT m.date, m.status FROM meetings m JOIN groups g ON g.id = m.group_id "
        "WHERE g.template_id = ? ORDER BY m.date", template_id)]


def test_every_template_has_a_group_meeting_in_its_rhythm(
    filled: tuple[Workspace, DemoSummary],
) -> None:
    ws, summary = filled
    assert summary.groups == len(ws.templates.templates) >= 9
    for template in ws.templates.templates.values():
        meetings = _meetings(ws, template.id)
        days = [day for day, _ in meetings]
        for earlier, later in itertools.pairwise(days):
            assert later == next_meeting_date(template.frequency, template.skip_months, earlier)
        assert not any(day.month in template.skip_months for day in days)
        closed = [day for day, status in meetings if status == MeetingStatus.CLOSED]
        planned = [day for day, status in meetings if status == MeetingStatus.PLANNED]
        assert len(planned) == 1 and planned[0] >= TODAY.date() and planned == days[-1:]
        assert all(day < TODAY.date() for day in closed)
        expected = PER_YEAR[template.frequency] * (12 - len(template.skip_months)) / 12
        assert abs(len(closed) - expected) <= 1, (template.id, len(closed))


def test_est_is_monthly_except_july_and_december(filled: tuple[Workspace, DemoSummary]) -> None:
    ws, _ = filled
    closed = [day for day, status in _meetings(ws, "est") if status == "closed"]
    assert [day.month for day in closed] == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11]
    assert {day.weekday() for day in closed} == {1}  # the group keeps its weekday


def test_measure_statuses_are_mixed_and_some_are_overdue(
    filled: tuple[Workspace, DemoSummary],
) -> None:
    ws, summary = filled
    statuses = {status for (status,) in _rows(ws, "SELECT status FROM measures_current")}
    assert {"done", "in_progress", "cancelled"} <= statuses
    # A proposal waiting for its body, or rejected by it, is nobody's measure: never overdue.
    overdue = _rows(ws, "SELECT count(*) FROM measures_current WHERE status IN "
                        "('not_started', 'in_progress') AND due < ? "
                        "AND proposal IN ('', 'decided')", TODAY.date().isoformat())
    assert summary.overdue_measures == overdue[0][0] >= 3
    assert summary.measures == _rows(ws, "SELECT count(*) FROM measures")[0][0]
    assert summary.meetings == _rows(ws, "SELECT count(*) FROM meetings")[0][0]
    assert summary.observations == _rows(ws, "SELECT count(*) FROM observations")[0][0]


def test_measures_in_the_lagesbild_lean_the_way_their_group_type_works(
    filled: tuple[Workspace, DemoSummary],
) -> None:
    """SSPF and the district councils (measure_type = "social") mostly decide social measures
    against what they see; EST mostly situational ones."""
    ws, _ = filled

    def social_share(*template_ids: str) -> float:
        marks = ", ".join("?" for _ in template_ids)
        [(social, total)] = _rows(
            ws, "SELECT sum(ms.type = 'social'), count(*) FROM measures_current ms "
            "JOIN meetings m ON m.id = ms.meeting_id JOIN groups g ON g.id = m.group_id "
            f"WHERE g.template_id IN ({marks}) AND ms.observation_id IS NOT NULL", *template_ids)
        assert total >= 20, template_ids
        return float(social) / total

    assert social_share("sspf", "bra-lokal") > 0.6
    assert social_share("est", "trygghetsgrupp") < 0.4


def test_updates_happen_in_later_meetings_at_their_time(
    filled: tuple[Workspace, DemoSummary],
) -> None:
    ws, _ = filled
    rows = _rows(ws, "SELECT u.at, mt.date, u.old_status, dm.date "
                     "FROM measure_updates u JOIN meetings mt ON mt.id = u.meeting_id "
                     "JOIN measures m ON m.id = u.measure_id "
                     "JOIN meetings dm ON dm.id = m.meeting_id")
    assert rows
    for at, day, old, decided in rows:
        assert at.startswith(day)  # the clock was the meeting's
        if old is not None:
            assert day > decided
    assert ws.clock() == TODAY  # the caller's clock is back


def test_open_observations_are_carried_over_from_the_previous_meeting(
    filled: tuple[Workspace, DemoSummary],
) -> None:
    ws, _ = filled
    rows = _rows(ws, "SELECT new.meeting_id, old.meeting_id, new.description, old.description, "
                     "old.status FROM observations new JOIN observations old "
                     "ON old.id = new.carried_over_from")
    assert len(rows) >= 10
    for new_meeting, old_meeting, new_text, old_text, old_status in rows:
        previous = _rows(ws, "SELECT p.id FROM meetings p JOIN meetings m ON m.id = ? "
                             "WHERE p.group_id = m.group_id AND p.date < m.date "
                             "ORDER BY p.date DESC LIMIT 1", new_meeting)
        assert previous == [(old_meeting,)]
        assert new_text == old_text and old_status in ("open", "watched")
    handled = _rows(ws, "SELECT count(*) FROM observations WHERE status = 'handled' "
                        "AND carried_over_from IS NOT NULL")
    assert handled[0][0] > 0  # carried observations also get resolved


def test_confidential_items_exist(filled: tuple[Workspace, DemoSummary]) -> None:
    ws, _ = filled
    for table in ("observations", "measures"):
        assert _rows(ws, f"SELECT count(*) FROM {table} WHERE confidential = 1")[0][0] > 0


def test_every_measure_has_an_owner_from_its_group(filled: tuple[Workspace, DemoSummary]) -> None:
    ws, _ = filled
    rows = _rows(ws, "SELECT m.owner, m.due, (SELECT count(*) FROM people p "
                     "JOIN group_members gm ON gm.person_id = p.id "
                     "WHERE gm.group_id = mt.group_id AND p.name = m.owner) "
                     "FROM measures m JOIN meetings mt ON mt.id = m.meeting_id")
    assert rows
    assert all(owner and due and members == 1 for owner, due, members in rows)


def test_members_attendance_and_roles(filled: tuple[Workspace, DemoSummary]) -> None:
    ws, _ = filled
    placeholders = _rows(ws, "SELECT count(*) FROM people WHERE name = role")
    assert placeholders == [(0,)]
    presence = dict(_rows(ws, "SELECT presence, count(*) FROM attendance GROUP BY presence"))
    assert presence["present"] > presence["absent"] > 0 and presence["guest"] > 0
    unset = _rows(ws, "SELECT count(*) FROM meetings WHERE chair = '' OR secretary = '' "
                      "OR adjuster = '' OR secretary = chair OR adjuster = secretary")
    assert unset == [(0,)]
    unvisited = _rows(ws, "SELECT count(*) FROM agenda_items a "
                          "JOIN meetings m ON m.id = a.meeting_id WHERE m.status = 'closed' "
                          "AND (a.started_at IS NULL OR a.ended_at IS NULL)")
    assert unvisited == [(0,)]


def test_est_picks_three_priority_areas_every_quarter(
    filled: tuple[Workspace, DemoSummary],
) -> None:
    ws, _ = filled
    rows = _rows(ws, "SELECT m.date, p.title FROM meetings m JOIN groups g ON g.id = m.group_id "
                     "JOIN meeting_priorities p ON p.meeting_id = m.id "
                     "WHERE g.template_id = 'est' AND m.status = 'closed'")
    closed = {day for day, status in _meetings(ws, "est") if status == "closed"}
    per_meeting: dict[date, int] = {}
    per_quarter: dict[str, set[str]] = {}
    for day, title in rows:
        when = date.fromisoformat(day)
        per_meeting[when] = per_meeting.get(when, 0) + 1
        per_quarter.setdefault(quarter_of(when), set()).add(title)
    # Every closed meeting has three, its own rows; each quarter chose one set of three.
    assert per_meeting == dict.fromkeys(closed, 3)
    assert {quarter: len(titles) for quarter, titles in per_quarter.items()} == dict.fromkeys(
        {quarter_of(day) for day in closed}, 3)


def test_text_is_swedish_markdown_without_personal_numbers(
    filled: tuple[Workspace, DemoSummary],
) -> None:
    ws, _ = filled
    texts = [value for table, columns in TEXT_COLUMNS.items() for column in columns
             for (value,) in _rows(ws, f'SELECT "{column}" FROM {table}') if value]
    joined = "\n".join(texts)
    assert all(letter in joined for letter in "åäöÅÖ")
    assert "Östra bostadsområdet" in joined and "Säkerhetschef" in joined
    assert "Rättighetsnätverket" in joined and "Exempelkommun" in joined
    assert "**" in joined and "\n- " in joined
    assert not re.search(r"(?<!\d)\d{6}[-+]?\d{4}(?!\d)", joined)
    assert not re.search(r"\d{10}", joined)
    assert not any(find_personal_numbers(text) for text in texts)
    assert "\ufffd" not in joined


def test_decisions_are_written_without_a_label_and_numbers_agree_with_their_nouns(
    filled: tuple[Workspace, DemoSummary],
) -> None:
    """The minutes put "Beslut:" or "Överenskommet:" in front of a decision themselves."""
    ws, _ = filled
    decisions = [d for (d,) in _rows(ws, "SELECT decision FROM agenda_items WHERE decision != ''")]
    assert decisions
    label = re.compile(r"^\W*(beslut|överenskommet|decision|agreed)\W*:", re.IGNORECASE)
    assert [d for d in decisions if label.match(d)] == []
    notes = "\n".join(n for (n,) in _rows(ws, "SELECT notes FROM agenda_items"))
    assert not re.search(r"\b1\*{0,2} nya\b", notes)
    assert re.search(r"\*\*\d+\*\* nya? (åtgärder?|iakttagelser?) ", notes)


def test_each_closed_meeting_decided_the_date_of_its_groups_next_meeting(
    filled: tuple[Workspace, DemoSummary],
) -> None:
    """Its minutes say when the next meeting is ("Nästa möte: …"), never "Inte bestämt"."""
    ws, _ = filled
    rows = _rows(ws, "SELECT group_id, date, status, next_date FROM meetings "
                     "ORDER BY group_id, date")
    pairs = [(a, b) for a, b in itertools.pairwise(rows) if a[0] == b[0] and a[2] == "closed"]
    assert pairs
    assert [(a[1], a[3]) for a, b in pairs if a[3] != b[1]] == []


def test_no_meeting_falls_on_a_holiday_or_holiday_eve(tmp_path: Path) -> None:
    """Planned as a chair plans: a year of demo made on 2 December 2026 had the beredningsgrupp
    meet on nyårsdagen before the dates were moved off holidays."""
    ws = open_workspace(resolve(db=tmp_path / "t.db"), clock=lambda: datetime(2026, 12, 2, 9))
    fill_demo(ws, years=1, seed=1)
    days = [date.fromisoformat(d) for (d,) in _rows(ws, "SELECT date FROM meetings")]
    ws.close()
    assert len(days) > 50
    assert [(d, holiday_name(d)) for d in days if holiday_name(d)] == []


def _fingerprint(ws: Workspace) -> list[list[tuple[Any, ...]]]:
    return [
        _rows(ws, "SELECT name, role FROM people ORDER BY id"),
        _rows(ws, "SELECT group_id, date, start, place, chair FROM meetings ORDER BY id"),
        _rows(ws, "SELECT area, description, level, status FROM observations ORDER BY id"),
        _rows(ws, "SELECT text, owner, due FROM measures ORDER BY id"),
        _rows(ws, "SELECT at, new_status, comment FROM measure_updates ORDER BY id"),
    ]


def test_the_same_seed_and_today_give_the_same_database(
    filled: tuple[Workspace, DemoSummary], tmp_path: Path,
) -> None:
    ws, summary = filled
    again = _open(tmp_path / "again.db")
    other = _open(tmp_path / "other.db")
    try:
        assert fill_demo(again, years=1, seed=1) == summary
        assert _fingerprint(again) == _fingerprint(ws)
        fill_demo(other, years=1, seed=2)
        assert _fingerprint(other) != _fingerprint(ws)
    finally:
        again.close()
        other.close()


def test_refuses_a_database_that_has_meetings(filled: tuple[Workspace, DemoSummary]) -> None:
    ws, summary = filled
    with pytest.raises(DemoError) as caught:
        fill_demo(ws)
    assert str(caught.value) == REFUSAL
    said = CliRunner().invoke(main, ["--db", str(ws.locations.db), "--lang", "sv", "demo"])
    assert said.exit_code == 1
    assert one_line_error(said) == ("meetingtui: Databasen har redan möten; demo fyller en tom "
                                    "databas. Ange en ny fil med --db.")
    assert _rows(ws, "SELECT count(*) FROM meetings") == [(summary.meetings,)]


def test_an_interrupted_demo_leaves_whole_meetings(tmp_path: Path) -> None:
    ws = _open(tmp_path / "t.db")
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 12:
            raise KeyboardInterrupt

    try:
        with pytest.raises(KeyboardInterrupt):
            fill_demo(ws, progress=progress)
        assert ws.clock() == TODAY
        assert _rows(ws, "SELECT count(*), sum(status = 'closed') FROM meetings") == [(12, 12)]
        assert seen[0][0] == 1 and seen[-1][0] == 12 and seen[0][1] > 12
    finally:
        ws.close()


def test_more_est_meetings_for_benchmarks(tmp_path: Path) -> None:
    ws = _open(tmp_path / "t.db")
    try:
        summary = fill_demo(ws, years=1, meetings_per_year=40)
        days = [day for day, _ in _meetings(ws, "est")]
        assert 38 <= len(days) <= 42
        assert not any(day.month in (7, 12) or day.weekday() > 4 for day in days)
        assert summary.overdue_measures > 0
    finally:
        ws.close()


def test_bad_arguments(tmp_path: Path) -> None:
    ws = _open(tmp_path / "t.db")
    try:
        with pytest.raises(DemoError):
            fill_demo(ws, years=0)
        with pytest.raises(DemoError):
            fill_demo(ws, meetings_per_year=0)
    finally:
        ws.close()
