"""What a chair who had never seen the app needed (issue 12 §5–§10), each with keys at 80×24 on a
meeting typed in after its date: names remembered for the next meeting, a decision on the
lägesbild, overdue as it was at the meeting, mistakes undone, safe answers on Enter."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time
from pathlib import Path

from textual.widgets import DataTable, Static

from meetingtui.export.minutes import export_minutes
from meetingtui.model import Measure
from meetingtui.services import attendance, groups, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.conftest import Clock


def exported(ws: Workspace) -> list[Path]:
    return sorted(p for p in ws.locations.exports.rglob("*") if p.is_file())


def test_a_name_typed_in_the_attendance_is_the_members_at_the_next_meeting(
        in_meeting: tuple[Workspace, int], clock: Clock) -> None:
    ws, meeting_id = in_meeting
    clock.now = datetime(2026, 3, 11, 10, 0)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            # Räddningstjänst is the fourth member: Per Lund, of the rescue service.
            await pilot.press("2", "down", "down", "down", "enter", *["backspace"] * 20)
            await pilot.press(*"Per Lund", "tab", "tab", *"Räddningstjänsten", "enter")
            await pilot.pause()
            # The fifth is away: a stand-in comes.
            await pilot.press("down", "enter", *["backspace"] * 20, *"Lisa Ek", "tab", "tab",
                              *"Väsbyhem", "tab", "space", "enter")
            await pilot.pause()

    asyncio.run(run())
    people = {a.name: a for a in attendance.of_meeting(ws, meeting_id)}
    assert (people["Per Lund"].role, people["Per Lund"].organisation) == (
        "Räddningstjänst", "Räddningstjänsten")
    assert people["Lisa Ek"].substitute
    group = groups.ensure_groups(ws)[0]
    assert group.id is not None
    # The member's name is remembered; the stand-in is this meeting's only.
    names = [a.name for a in meetings.default_attendance(ws, group.id)]
    assert "Per Lund" in names and "Lisa Ek" not in names and "Bostadsbolag" in names
    minutes = export_minutes(ws, meeting_id, fmt="md",
                             path=ws.locations.exports / "m.md").path.read_text("utf-8")
    assert "Per Lund, Räddningstjänsten" in minutes
    assert "Lisa Ek" in minutes and "ersättare" in minutes


def test_the_lagesbild_gets_a_decision_under_its_own_paragraph(
        in_meeting: tuple[Workspace, int], clock: Clock) -> None:
    ws, meeting_id = in_meeting
    clock.now = datetime(2026, 3, 11, 10, 0)
    shown: list[str] = []

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("4", "b", *"Polisen och fältarna bevakar Stationen", "ctrl+s")
            await pilot.pause()
            shown.append(str(app.screen.query_one("DecisionLine", Static).render()))

    asyncio.run(run())
    assert shown == ["Beslut: Polisen och fältarna bevakar Stationen"]
    lagesbild_item = meetings.items(ws, meeting_id)[3]
    assert lagesbild_item.decision == "Polisen och fältarna bevakar Stationen"
    minutes = export_minutes(ws, meeting_id, fmt="md",
                             path=ws.locations.exports / "m.md").path.read_text("utf-8")
    section = minutes.split("## § 4 Lägesbild")[1].split("## § 5")[0]
    assert "Polisen och fältarna bevakar Stationen" in section


def test_overdue_is_judged_against_the_meetings_date(
        in_meeting: tuple[Workspace, int], clock: Clock) -> None:
    """February's "Trygghetsvandring" is due 1 April: not overdue at the March meeting, though
    typed in on 20 April; "Sanera klotter" was due 1 March: overdue then."""
    ws, meeting_id = in_meeting
    clock.now = datetime(2026, 4, 20, 10, 0)
    cells: list[str] = []

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3")
            await pilot.pause()
            table = app.screen.query_one("#followups", DataTable)
            cells.extend(" ".join(str(c) for c in table.get_row_at(row))
                         for row in range(table.row_count))

    asyncio.run(run())
    sanera, vandring = cells
    assert "Sanera klotter" in sanera and "Försenad" in sanera
    assert "Trygghetsvandring" in vandring and "Försenad" not in vandring


def test_a_measure_added_by_mistake_is_removed_and_gone_from_the_minutes(
        in_meeting: tuple[Workspace, int], clock: Clock) -> None:
    ws, meeting_id = in_meeting
    clock.now = datetime(2026, 3, 11, 10, 0)
    lagesbild.save_measure(ws, Measure(meeting_id=meeting_id, text="Fel åtgärd", owner="Ingen",
                                       due=date(2026, 4, 1)))

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("5", "down", "delete")
            await pilot.pause()
            assert type(app.screen).__name__ == "ConfirmDialog"
            await pilot.press("enter")  # Enter is "no" here: nothing removed by reflex
            await pilot.pause()
            assert len(lagesbild.measures(ws, meeting_id)) == 2
            await pilot.press("delete", "j")
            await pilot.pause()

    asyncio.run(run())
    assert [m.text for m in lagesbild.measures(ws, meeting_id)] == [
        "Sätt upp belysning vid idrottshallen"]
    minutes = export_minutes(ws, meeting_id, fmt="md",
                             path=ws.locations.exports / "m.md").path.read_text("utf-8")
    assert "Fel åtgärd" not in minutes


def test_a_meeting_planned_by_mistake_is_removed_from_the_home_screen(
        seeded: tuple[Workspace, int, list[int]], clock: Clock) -> None:
    ws, _feb_id, _ = seeded
    group = groups.ensure_groups(ws)[0]
    assert group.id is not None
    wrong = meetings.plan_meeting(ws, group.id, date(2026, 3, 17), start=time(9, 0))

    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("delete")
            await pilot.pause()
            message = str(app.screen.query_one(".confirm-message", Static).render())
            assert "2026-03-17" in message
            await pilot.press("j")
            await pilot.pause()

    asyncio.run(run())
    assert wrong.id not in [m.id for m in meetings.list_meetings(ws)]


def test_a_personnummer_is_not_published_by_a_reflex_and_the_close_dialog_lists_it(
        in_meeting: tuple[Workspace, int], clock: Clock) -> None:
    ws, meeting_id = in_meeting
    clock.now = datetime(2026, 3, 11, 10, 0)
    first = meetings.items(ws, meeting_id)[0]
    assert first.id is not None
    meetings.edit_item(ws, first.id, notes="Anmälan från 811218-9876 om klotter")
    messages: list[str] = []

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f6", "right", "tab", "right", "enter")  # public, Markdown
            await pilot.pause()
            assert type(app.screen).__name__ == "ConfirmDialog"
            await pilot.press("enter")  # the safe answer
            await pilot.pause()
            assert exported(ws) == []
            await pilot.press("escape")  # the export dialog
            await pilot.pause()
            await pilot.press("c")
            await pilot.pause()
            messages.append(str(app.screen.query_one(".confirm-message", Static).render()))
            await pilot.press("enter")  # with a personnummer standing, Enter is "no" here too
            await pilot.pause()
            assert type(app.screen).__name__ == "MeetingScreen"

    asyncio.run(run())
    assert "Personnummer står i protokollet" in messages[0]
    assert "811218-****" in messages[0] and "9876" not in messages[0]
    assert not meetings.get_meeting(ws, meeting_id).closed
