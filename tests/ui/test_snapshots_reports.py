"""How reports between meetings look (issue 16 §1), in Swedish, at 80×24 and 120×40: the
Rapportera form on the home screen, the lägesbild with reports waiting and answered, and the
form that rejects one. Checked by eye (`python3 /tmp/snaptext.py FILE.svg`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from textual.pilot import Pilot

from meetingtui.services import meetings, reports
from meetingtui.services.workspace import Workspace
from tests.ui.snapshot_helpers import SIZES, Snap, app_for, settle


def with_reports(ws: Workspace, meeting_id: int) -> None:
    group = meetings.get_meeting(ws, meeting_id).group_id
    made = [reports.report(ws, group, area=area, category=category, description=text,
                           reported_by=by, reported_at=datetime(2026, 3, day, 15, 0),
                           source=source)
            for area, category, text, by, day, source in (
                ("Centrum", "Skadegörelse", "Krossade rutor i busskuren vid torget",
                 "Anna Berg, Bostadsbolaget", 2, "Bostadsbolag"),
                ("Stationen", "Klotter", "Nya taggar i gångtunneln", "Bo Ek", 4, "Polis"),
                ("Torget", "Ordningsstörning", "Hörsägen om bråk vid kiosken", "", 5, ""))]
    reports.reject(ws, made[2], meeting_id, "Inte bekräftat; polisen följer upp")


@pytest.mark.parametrize("size", SIZES)
def test_report_form_on_the_home_screen(snap_compare: Snap,
                                        seeded: tuple[Workspace, int, list[int]],
                                        size: tuple[int, int]) -> None:
    async def report(pilot: Pilot[Any]) -> None:
        await pilot.press("r", *"Centrum", "tab", "tab", *"Klo")
        await settle(pilot)

    assert snap_compare(app_for(seeded[0]), terminal_size=size, run_before=report)


@pytest.mark.parametrize("size", SIZES)
def test_lagesbild_with_reports(snap_compare: Snap, in_meeting: tuple[Workspace, int],
                                size: tuple[int, int]) -> None:
    ws, meeting_id = in_meeting
    with_reports(ws, meeting_id)
    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_rejecting_a_report_asks_why(snap_compare: Snap, in_meeting: tuple[Workspace, int],
                                     size: tuple[int, int]) -> None:
    ws, meeting_id = in_meeting
    with_reports(ws, meeting_id)

    async def reject(pilot: Pilot[Any]) -> None:
        await pilot.press("x", "right", "enter")
        await settle(pilot)

    assert snap_compare(app_for(ws, meeting_id), terminal_size=size, run_before=reject)
