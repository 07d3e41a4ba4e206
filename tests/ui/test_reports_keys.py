"""Reports between meetings by keys (issue 16 §1): the Rapportera form refuses what the
lägesbild's form refuses and loses nothing; in the meeting the answer keys are there only while
a report waits, a report another program answered meanwhile is said and not answered twice,
and a closed meeting shows what it answered without the keys."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from meetingtui.model import ReportState
from meetingtui.services import groups, meetings, reports
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.conftest import Clock


def notes(pilot: Pilot[Any]) -> list[str]:
    return [str(n.message) for n in pilot.app._notifications]


def screen(pilot: Pilot[Any]) -> str:
    return type(pilot.app.screen).__name__


def test_the_report_form_refuses_a_missing_description_and_a_bad_date(ws: Workspace) -> None:
    group = groups.ensure_groups(ws)[0]
    assert group.id is not None

    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("r", *"Centrum", "enter")
            await pilot.pause()
            assert screen(pilot) == "ReportDialog"  # no description: refused, kept
            assert any("Fältet får inte vara tomt" in str(w.render())
                       for w in app.screen.query(Static))
            await pilot.press(*"Klotter på busskuren")
            for _ in range(4):
                await pilot.press("tab")
            await pilot.press(*["backspace"] * 10, *"32 okt", "enter")
            await pilot.pause()
            assert screen(pilot) == "ReportDialog"
            assert any("Ange ett datum" in str(w.render()) for w in app.screen.query(Static))
            assert reports.waiting(ws, group.id or 0) == []
            await pilot.press(*["backspace"] * 6, *"1 nov", "enter")
            await pilot.pause()
            assert screen(pilot) == "HomeScreen"
            assert any("väntar på nästa möte" in n for n in notes(pilot))

    asyncio.run(run())
    [made] = reports.waiting(ws, group.id)
    assert (made.area, made.description, made.reported_at.date().isoformat()) == (
        "Centrum", "Klotter på busskuren", "2026-11-01")
    assert meetings.list_meetings(ws, group.id) == []  # no meeting was started or planned


def test_the_home_screen_says_how_many_reports_wait_for_the_highlighted_group(
    ws: Workspace,
) -> None:
    first = groups.ensure_groups(ws)[0]
    second = groups.add_group(ws, first.template_id, "Östra trygghetsgruppen", "Östra")
    assert first.id is not None
    for area in ("Centrum", "Norr"):
        reports.report(ws, first.id, area=area, description="Klotter",
                       reported_at=datetime(2026, 11, 1, 10))

    def line(pilot: Pilot[Any]) -> str:
        widget = pilot.app.screen.query_one("#waiting-reports", Static)
        return str(widget.render()) if widget.display else ""

    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert line(pilot) == (f"Inrapporterat till {first.short}: 2 rapporter väntar på "
                                   "nästa möte")
            await pilot.press("down")  # a group nobody reported to: no line
            await pilot.pause()
            assert line(pilot) == ""
            await pilot.press("up", "r", *"Hagen", "tab", "tab", "tab", *"Trasig lampa",
                              "enter")
            await pilot.pause()
            assert line(pilot) == (f"Inrapporterat till {first.short}: 3 rapporter väntar på "
                                   "nästa möte")

    asyncio.run(run())
    assert reports.waiting(ws, second.id or 0) == []


def test_answer_keys_only_while_a_report_waits(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert not {"u", "l", "x"} & set(app.screen.active_bindings)  # not in the footer
            for key in ("u", "l", "x"):
                await pilot.press(key)
                await pilot.pause()
                assert screen(pilot) == "MeetingScreen"
            assert not app.screen.query_one("#situation-reports").display

    asyncio.run(run())


def test_a_report_answered_elsewhere_meanwhile_is_said(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    group = meetings.get_meeting(ws, meeting_id).group_id
    made = reports.report(ws, group, area="Centrum", description="Krossade rutor",
                          reported_by="Anna Berg")

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert {"u", "l", "x"} <= set(app.screen.active_bindings)
            await pilot.press("u")
            await pilot.pause()
            assert screen(pilot) == "ReportAnswerDialog"
            reports.reject(ws, made, meeting_id, "Dubblett")  # the other program
            await pilot.press("enter")
            await pilot.pause()
            assert any("redan besvarats" in n for n in notes(pilot))
            await pilot.press("escape")
            await pilot.pause()
            shown = str(app.screen.query_one("#situation-reports", Static).render())
            assert "avvisad: Dubblett" in shown and "0 väntar" in shown

    asyncio.run(run())
    [answered] = reports.of_meeting(ws, meeting_id)
    assert answered.state is ReportState.REJECTED


def test_a_closed_meeting_shows_its_answers_without_the_keys(
        in_meeting: tuple[Workspace, int], clock: Clock) -> None:
    ws, meeting_id = in_meeting
    group = meetings.get_meeting(ws, meeting_id).group_id
    made = reports.report(ws, group, area="Centrum", description="Krossade rutor",
                          reported_by="Anna Berg", reported_at=datetime(2026, 3, 2, 9, 0))
    reports.accept(ws, made, meeting_id)
    meetings.close_meeting(ws, meeting_id)
    waiting = reports.report(ws, group, area="Torget", description="Skräp",
                             reported_by="Bo Ek")
    clock.now = datetime(2026, 3, 20, 9, 0)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            shown = str(app.screen.query_one("#situation-reports", Static).render())
            assert "✓ Centrum: Krossade rutor" in shown and "Skräp" not in shown
            await pilot.press("u")
            await pilot.pause()
            assert screen(pilot) == "MeetingScreen"

    asyncio.run(run())
    assert reports.waiting(ws, group) == [waiting]
