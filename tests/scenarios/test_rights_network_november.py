"""Rättighetsnätverket's November meeting, typed in the day after (seed 000: "Nätverk av
representanter från samtliga förvaltningar … samverkar för att föra dialog om hur kommunens
rättighetsbaserade arbete kan utvecklas", four meetings a year, the Folkhälsostrateg chairs).

    Fredag 27 november 2026. Sekreteraren planerar gårdagens träff från startsidan: torsdag
    26 november kl. 13.00–15.30 i Kommunhuset, sal Tor. Chef sysselsättning hade anmält
    förhinder. Under § 2 får chefen för hemtjänsten sitt namn, Maria Öberg, Vård- och
    omsorgsförvaltningen. Under § 8 beslutas "Ta fram en mall för barnrättsbedömning",
    ansvarig Maria Öberg, klart senast 31 mars. Nästa träff enligt rytmen, 25 februari.
    Träffen avslutas och minnesanteckningarna exporteras.

Keys only, at 80×24, on a meeting dated the day before the clock's. What a first user of the
form met: the attendance in the new-meeting form scrolled sideways (the presence out of view),
the measure's organisation stayed empty beside a member whose organisation the meeting knew
(so the measure was on no organisation's list), the next meeting read "tid 13.00–15.30", and a
network that writes minnesanteckningar was offered "protokollet".
"""

from __future__ import annotations

import asyncio
import re
from datetime import date, datetime
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from meetingtui.model import MeetingStatus, Presence
from meetingtui.services import attendance, lagesbild, meetings
from meetingtui.ui.app import make_app
from tests.conftest import Clock
from tests.scenarios.helpers import (
    SIZE,
    Filed,
    fill,
    group_id,
    plan_by_keys,
    press,
    scenario_workspace,
    screen_name,
    type_text,
)
from tests.ui.test_i18n_english import visible_text

DAY = date(2026, 11, 26)
ORGANISATION = "Vård- och omsorgsförvaltningen"


def test_rights_network_november_typed_in_the_day_after(tmp_path: Path, clock: Clock) -> None:
    clock.now = datetime(2026, 11, 27, 9, 0)
    ws = scenario_workspace(tmp_path, clock, "Vårgårda kommun")
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=SIZE) as pilot:
            await plan_by_keys(pilot, "Rättighetsnätverket", "26/11", "13.00-15.30",
                               "Kommunhuset, sal Tor")
            await press(pilot, "tab", "ctrl+a")
            await fill(pilot, "Eva Holm", "Per Ek", "Sara Lind")
            await press(pilot, "tab")  # into the attendance
            table = pilot.app.screen.query_one("#attendance", DataTable)
            assert table.has_focus
            await press(pilot, "down", "space")  # Chef sysselsättning has sent word
            seen["plan"] = visible_text(pilot)
            # Read whole at 80 columns: nothing of it out of sight to the right.
            assert table.virtual_size.width <= table.scrollable_content_region.width
            await press(pilot, "ctrl+s")
            assert screen_name(pilot) == "MeetingScreen"

            await press(pilot, "2", "enter")  # the first row: Chef hemtjänsten
            assert screen_name(pilot) == "AttendeeDialog"
            await press(pilot, "ctrl+a")
            await type_text(pilot, "Maria Öberg")
            await press(pilot, "tab", "tab")
            await type_text(pilot, ORGANISATION)
            await press(pilot, "enter")
            assert screen_name(pilot) == "MeetingScreen"

            await press(pilot, "8", "a")
            assert screen_name(pilot) == "MeasureDialog"
            await type_text(pilot, "Ta fram en mall för barnrättsbedömning")
            await press(pilot, "tab")
            await type_text(pilot, "Mar")
            await press(pilot, "tab")  # takes "Maria Öberg" from the suggestions
            organisation = pilot.app.screen.query_one("#owner_org", Input)
            seen["organisation"] = organisation.value
            await press(pilot, "tab")
            await type_text(pilot, "31 mar")
            await press(pilot, "enter")
            assert screen_name(pilot) == "MeetingScreen"

            await press(pilot, "1", "1", "e", "enter", "enter", "enter")  # as proposed
            seen["next"] = str(pilot.app.screen.query_one("#next-status", Static).render())

            await press(pilot, "c")
            assert screen_name(pilot) == "ConfirmDialog"
            await press(pilot, "j")
            assert screen_name(pilot) == "ConfirmDialog"
            seen["offer"] = visible_text(pilot)
            await press(pilot, "j")
            assert screen_name(pilot) == "ExportDialog"
            seen["export"] = visible_text(pilot)
            await press(pilot, "enter")
            await pilot.pause()

    asyncio.run(run())

    plan = seen["plan"]
    assert "Närvaro" in plan and "Roll, organisation" in plan
    assert "Chef sysselsättning" in plan and "Frånvarande" in plan
    # No name yet: "–", the role beside it once, the presence in sight.
    assert re.search(r"–\s+Chef hemtjänsten\s+Närvarande", plan)
    assert re.search(r"–\s+Chef sysselsättning\s+Frånvarande", plan)
    assert not re.search(r"Chef hemtjänsten\s+Chef hemtjänsten", plan)
    [meeting] = [m for m in meetings.list_meetings(ws, group_id(ws, "Rättighetsnätverket"))
                 if m.date == DAY]
    assert meeting.status is MeetingStatus.CLOSED
    people = {p.role: p for p in attendance.of_meeting(ws, meeting.id or 0)}
    assert people["Chef sysselsättning"].presence is Presence.ABSENT
    assert people["Anhörigsamordnare"].presence is Presence.PRESENT

    assert seen["organisation"] == ORGANISATION
    [measure] = lagesbild.measures(ws, meeting.id or 0)
    assert (measure.owner, measure.owner_org, measure.due) == (
        "Maria Öberg", ORGANISATION, date(2027, 3, 31))

    assert seen["next"] == ("Beslutat: nästa möte tors 25 feb 2027 kl. 13.00–15.30, "
                            "Kommunhuset, sal Tor")
    assert "Exportera minnesanteckningar" in seen["offer"]
    assert "Vill du exportera minnesanteckningarna nu?" in seen["offer"]
    assert "protokoll" not in seen["offer"]
    assert "Mötets minnesanteckningar" in seen["export"]

    [path] = (tmp_path / "exports").rglob("*.docx")
    assert path.name == "2026-11-26-rattighetsnatverket-minnesanteckningar.docx"
    filed = Filed(path)
    assert "Minnesanteckningar" in filed.lines[:3]
    [row] = [cells for cells in filed.table_under("§ 8") if "barnrättsbedömning" in cells[1]]
    assert "Maria Öberg" in row[2] and ORGANISATION in row[2]
    assert "2027-03-31" in row[3]
