"""Inrapportering i Fagersta kommun (issue 16 §1, seed 002: members "dokumentera de
lägesbilder som kommer in mellan mötena"): between the October and November meetings four
observations are reported to the EST from the home screen, without starting any meeting; at
the November meeting (typed in the day after, 12 November) the chair takes one up, adds one to
a problem the meeting has, takes up a confidential one and rejects one with a reason. Keys
only, at 80×24; then the database, and the minutes read back as the secretary files them.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time
from pathlib import Path

import pytest
from textual.widgets import Static

from meetingtui.model import ReportState
from meetingtui.services import lagesbild, meetings, reports
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.conftest import Clock
from tests.scenarios.helpers import (
    SIZE,
    Filed,
    choose_group,
    export_all,
    group_id,
    press,
    scenario_workspace,
    screen_name,
    type_text,
)

NOV = date(2026, 11, 11)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return scenario_workspace(tmp_path, Clock(datetime(2026, 10, 20, 9, 0)), "Fagersta kommun")


def clock_of(ws: Workspace) -> Clock:
    assert isinstance(ws.clock, Clock)
    return ws.clock


async def report(pilot, area: str, place: str, category: str, description: str,  # type: ignore[no-untyped-def]
                 source: str, by: str, *, confidential: bool = False) -> None:
    """r on the home screen, the form filled field by field, Enter saves."""
    await press(pilot, "r")
    assert screen_name(pilot) == "ReportDialog"
    for text in (area, place, category, description, source):
        await type_text(pilot, text)
        await press(pilot, "tab")
    if confidential:
        await press(pilot, "right")
    await press(pilot, "tab")
    await type_text(pilot, by)
    await press(pilot, "enter")  # the date stays today's
    assert screen_name(pilot) == "HomeScreen"


def shown(pilot) -> str:  # type: ignore[no-untyped-def]
    return str(pilot.app.screen.query_one("#situation-reports", Static).render())


def test_reports_between_meetings_answered_at_the_next(ws: Workspace, tmp_path: Path) -> None:
    est = group_id(ws, "EST")
    planned = meetings.plan_meeting(ws, est, NOV, start=time(13, 0), place="Stadshuset")
    assert planned.id is not None
    asyncio.run(type_it(ws, est, planned.id))
    check_it(ws, planned.id, tmp_path)


async def type_it(ws: Workspace, est: int, meeting: int) -> None:
    app = make_app(ws, lang="sv")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await choose_group(pilot, "EST")
        await report(pilot, "Centrum", "Busstorget", "Skadegörelse",
                     "Krossade rutor i busskuren", "Bostadsbolaget", "Anna Berg")
        await report(pilot, "Stationsområdet", "Gångtunneln", "Klotter",
                     "Nya taggar på tunnelns norra vägg", "Polisen", "Bo Ek")
        await report(pilot, "Hagen", "Trapphus 4", "Otrygghet",
                     "Orolig för en ungdom som sover i trapphuset", "Socialtjänsten",
                     "Lena Dahl", confidential=True)
        await report(pilot, "Centrum", "", "Ordningsstörning", "Hörsägen om bråk vid kiosken",
                     "", "Okänd granne")
        # Reported, and no meeting started: the November meeting is still planned.
        assert [r.reported_by for r in reports.waiting(ws, est)] == [
            "Anna Berg", "Bo Ek", "Lena Dahl", "Okänd granne"]
        assert all(r.reported_at == datetime(2026, 10, 20, 9, 0)
                   for r in reports.waiting(ws, est))
        assert meetings.get_meeting(ws, meeting).status.value == "planned"

        # The day after the November meeting, the secretary types it in.
        clock_of(ws).now = datetime(2026, 11, 12, 10, 0)
        await press(pilot, "o")
        assert screen_name(pilot) == "OpenMeetingDialog"
        await press(pilot, "enter")
        assert screen_name(pilot) == "MeetingScreen"
        await press(pilot, "7")  # § 7 Lägesbild
        assert "inrapporterad av Anna Berg, 2026-10-20" in shown(pilot)
        assert "4 väntar" in shown(pilot)

        # The meeting's own observation of the tunnel, then the reports answered.
        await press(pilot, "o")
        await type_text(pilot, "Stationsområdet")
        await press(pilot, "tab", "tab", "tab")
        await type_text(pilot, "Klotter i gångtunneln under järnvägen")
        await press(pilot, "enter")
        assert screen_name(pilot) == "MeetingScreen"
        await press(pilot, "u")  # take up: the oldest waiting one is offered first
        assert screen_name(pilot) == "ReportAnswerDialog"
        await press(pilot, "enter")
        await press(pilot, "up")  # back on the tunnel
        await press(pilot, "l")  # add the next one to it
        await press(pilot, "enter")
        await press(pilot, "u", "enter")  # the confidential one, taken up on its own
        await press(pilot, "x")  # reject the last, with a reason
        await press(pilot, "enter")  # no reason: refused, the cursor goes to the reason
        assert screen_name(pilot) == "ReportAnswerDialog"
        assert pilot.app.focused is not None and pilot.app.focused.id == "reason"
        await type_text(pilot, "Inte bekräftat, polisen följer upp")
        await press(pilot, "enter")
        assert screen_name(pilot) == "MeetingScreen"
        assert "avvisad: Inte bekräftat, polisen följer upp" in shown(pilot)
        assert "0 väntar" in shown(pilot)



def check_it(ws: Workspace, meeting: int, tmp_path: Path) -> None:
    answered = {r.reported_by: r for r in reports.of_meeting(ws, meeting)}
    assert {by: r.state for by, r in answered.items()} == {
        "Anna Berg": ReportState.ACCEPTED, "Bo Ek": ReportState.MERGED,
        "Lena Dahl": ReportState.ACCEPTED, "Okänd granne": ReportState.REJECTED}
    tunnel, bus, secret = lagesbild.observations(ws, meeting)
    assert answered["Bo Ek"].observation_id == tunnel.id
    assert tunnel.description.endswith(
        "Inrapporterat av Bo Ek 2026-10-20 (källa: Polisen): Nya taggar på tunnelns norra vägg")
    assert (bus.area, bus.place_detail, bus.category, bus.source) == (
        "Centrum", "Busstorget", "Skadegörelse", "Bostadsbolaget")
    assert secret.confidential and not bus.confidential
    assert answered["Okänd granne"].reason == "Inte bekräftat, polisen följer upp"

    files = export_all(ws, meeting, tmp_path / "out")
    internal, public = Filed(files["intern.docx"]), Filed(files["offentlig.docx"])
    situation = "\n".join(internal.section("§ 7"))
    assert "Krossade rutor i busskuren" in situation
    assert "Nya taggar på tunnelns norra vägg" in situation
    assert "Orolig för en ungdom" in situation
    assert "Hörsägen" not in internal.text and "Okänd granne" not in internal.text
    open_part = "\n".join(public.section("§ 7"))
    assert "Krossade rutor i busskuren" in open_part and "Nya taggar" in open_part
    assert "Orolig" not in public.text and "Trapphus 4" not in public.text
    assert "Hörsägen" not in public.text
