"""Upplands Väsby kommun installs meetingtui (issue 14): the first ten minutes, then a year.

    Onsdag 2 december 2026. Säkerhetssamordnaren öppnar appen på en ny databas. Den frågar
    efter kommunens namn: "Upplands Väsby kommun", och kommunens Word-mall (brevhuvud med
    logotyp). Strategin (seed 004) har ett lokalt brottsförebyggande råd i varje kommundel:
    typens eget råd döps om till "Lokalt BRÅ Centrala" (BRÅ C), som träffas en gång i månaden
    utom juli och december; "Lokalt BRÅ Västra" och "Lokalt BRÅ Östra" läggs till. Det
    centrala rådets medlemmar får namn: Eva Lind (social- och omsorgskontoret, ordförande),
    Ahmed Karimi (rektor, Vilundaskolan) och kommunpolisen Per Lund.

    Samma dag planeras det centrala rådets år: `meetingtui plan "BRÅ C" --year 2027`.

    Dagen efter januarimötet skriver sekreteraren in det: kl. 15.00–16.30 i Kommunhuset,
    Eva Lind ordförande, Ahmed Karimi sekreterare. Lägesbild: "Ungdomar samlas vid
    pendeltågsstationen fredagskvällar" (källa Fältarbetarna). Insats: "Fältarbetare vid
    stationen fredagar", Per Lund, Polisen, klart senast 26 februari.

Keys only in the app, at 80×24; the year is planned from the command line; the minutes are read
back as the secretary files them: the municipality's name, the people, the municipality's
letterhead with its logo, and never the demo's "Exempelkommun".
"""

from __future__ import annotations

import asyncio
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import holidays
from click.testing import CliRunner
from docx.oxml.ns import qn
from textual.pilot import Pilot
from textual.widgets import DataTable

from meetingtui.cli import main
from meetingtui.export.minutes import export_minutes
from meetingtui.model import MeetingStatus
from meetingtui.paths import resolve
from meetingtui.services import attendance, groups, lagesbild, meetings, settings
from meetingtui.services.workspace import Workspace, open_workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.dialogs.open_meeting import likely
from tests.conftest import Clock
from tests.export.word.template_helpers import LOGO, make_template
from tests.scenarios.helpers import (
    SIZE,
    Filed,
    awkward,
    choose_group,
    press,
    screen_name,
    type_text,
)

MUNICIPALITY = "Upplands Väsby kommun"
LETTERHEAD = "Upplands Väsby kommun – Kommunledningskontoret"
COUNCILS = {"BRÅ C": "Lokalt BRÅ Centrala", "BRÅ V": "Lokalt BRÅ Västra",
            "BRÅ Ö": "Lokalt BRÅ Östra"}


async def wait_for(pilot: Pilot[None], name: str) -> None:
    """The templates are read after the first frame: wait until `name` is on top."""
    for _ in range(60):
        await pilot.pause(0.05)
        if screen_name(pilot) == name:
            return
    raise AssertionError(f"{name} never came; {screen_name(pilot)} is shown")


async def clear_and_type(pilot: Pilot[None], text: str) -> None:
    await press(pilot, *["backspace"] * 40)
    await type_text(pilot, text)


async def first_ten_minutes(ws: Workspace, template: Path) -> None:
    async with make_app(ws, lang="sv").run_test(size=SIZE) as pilot:
        await wait_for(pilot, "SettingsDialog")  # asked before anything else
        await type_text(pilot, MUNICIPALITY)
        await press(pilot, "tab")
        await type_text(pilot, str(template))
        await press(pilot, "enter")
        assert screen_name(pilot) == "HomeScreen"
        assert pilot.app.screen.sub_title == MUNICIPALITY

        # The type's own council becomes the central one, monthly except July and December.
        await choose_group(pilot, "Lokalt BRÅ")
        await press(pilot, "e")
        assert screen_name(pilot) == "GroupDialog"
        await clear_and_type(pilot, COUNCILS["BRÅ C"])
        await press(pilot, "tab")
        await clear_and_type(pilot, "BRÅ C")
        await press(pilot, "tab", "tab", "right", "right", "right", "tab")  # månadsvis
        await type_text(pilot, "7, 12")
        await press(pilot, "enter")
        assert screen_name(pilot) == "HomeScreen"

        # Two more councils of the same type: `a` on the central one offers its type first.
        for short in ("BRÅ V", "BRÅ Ö"):
            await choose_group(pilot, "BRÅ C")
            await press(pilot, "a")
            assert screen_name(pilot) == "GroupDialog"
            await press(pilot, "tab")
            await type_text(pilot, COUNCILS[short])
            await press(pilot, "tab")
            await type_text(pilot, short)
            await press(pilot, "enter")
            assert screen_name(pilot) == "HomeScreen"

        # The central council's members get their names, once.
        await choose_group(pilot, "BRÅ C")
        await press(pilot, "m")
        assert screen_name(pilot) == "MembersScreen"
        at = 0
        for row, (name, organisation, email) in (
                (0, ("Eva Lind", "Social- och omsorgskontoret", "eva.lind@upplandsvasby.se")),
                (1, ("Ahmed Karimi", "Vilundaskolan", "")),
                (7, ("Per Lund", "Polisen", "per.lund@polisen.se"))):
            await press(pilot, *["down"] * (row - at))
            at = row
            await press(pilot, "enter")
            assert screen_name(pilot) == "MemberDialog"
            await type_text(pilot, name)
            await press(pilot, "tab", "tab")
            await type_text(pilot, organisation)
            await press(pilot, "tab")
            await type_text(pilot, email)
            await press(pilot, "enter")
            assert screen_name(pilot) == "MembersScreen"
        await press(pilot, "escape")
        assert screen_name(pilot) == "HomeScreen"


def plan_the_year(ws: Workspace) -> list[date]:
    db = str(ws.locations.db)
    runner = CliRunner()
    proposed = runner.invoke(main, ["--db", db, "plan", "BRÅ C", "--year", "2027", "--dry-run",
                                    "--format", "json"])
    assert proposed.exit_code == 0, proposed.output
    dates = [date.fromisoformat(row["date"]) for row in json.loads(proposed.output)["meetings"]]
    planned = runner.invoke(main, ["--db", db, "plan", "BRÅ C", "--year", "2027"])
    assert planned.exit_code == 0, planned.output
    return dates


async def the_january_meeting(ws: Workspace) -> None:
    async with make_app(ws, lang="sv").run_test(size=SIZE) as pilot:
        await wait_for(pilot, "HomeScreen")
        await choose_group(pilot, "BRÅ C")
        await press(pilot, "o")
        assert screen_name(pilot) == "OpenMeetingDialog"
        await press(pilot, "enter")  # yesterday's meeting is the one offered, not December's
        assert screen_name(pilot) == "MeetingScreen"

        await press(pilot, "m")
        assert screen_name(pilot) == "MeetingDetailsDialog"
        await press(pilot, "tab")
        await clear_and_type(pilot, "15-16.30")
        await press(pilot, "tab")
        await clear_and_type(pilot, "Kommunhuset")
        await press(pilot, "tab")
        await clear_and_type(pilot, "Eva Lind")
        await press(pilot, "tab")
        await clear_and_type(pilot, "Ahmed Karimi")
        await press(pilot, "enter")
        assert screen_name(pilot) == "MeetingScreen"

        # § 2 Närvaro is the members by name: nothing to type for those who came.
        await press(pilot, "2")
        table = pilot.app.screen.query_one("#attendance", DataTable)
        names = [str(table.get_row_at(row)[0]) for row in range(table.row_count)]
        assert {"Eva Lind", "Ahmed Karimi", "Per Lund"} <= set(names)

        # The lägesbild: one observation and the insats for it.
        await press(pilot, "7", "o")
        assert screen_name(pilot) == "ObservationDialog"
        await type_text(pilot, "Centrum")
        await press(pilot, "tab")
        await type_text(pilot, "Pendeltågsstationen")
        await press(pilot, "tab")
        await type_text(pilot, "Ung")
        await press(pilot, "tab")
        await type_text(pilot, "Ungdomar samlas vid pendeltågsstationen fredagskvällar")
        await press(pilot, "tab")
        await type_text(pilot, "Fältarbetarna")
        await press(pilot, "enter")
        assert screen_name(pilot) == "MeetingScreen"
        await press(pilot, "enter")
        assert screen_name(pilot) == "ObservationScreen"
        await press(pilot, "a")
        await type_text(pilot, "Fältarbetare vid stationen fredagar")
        await press(pilot, "tab")
        await type_text(pilot, "Per Lund")
        await press(pilot, "tab")
        await type_text(pilot, "Polisen")
        await press(pilot, "tab")
        await type_text(pilot, "2027-02-26")
        await press(pilot, "enter", "escape")
        assert screen_name(pilot) == "MeetingScreen"

        # The last item, then close (no export now: the secretary exports below).
        await press(pilot, *["n"] * 6, "c")
        assert screen_name(pilot) == "ConfirmDialog"
        await press(pilot, "j")
        assert screen_name(pilot) == "ConfirmDialog"
        await press(pilot, "n")
        assert screen_name(pilot) == "HomeScreen"


def test_a_new_municipality_from_an_empty_database_to_filed_minutes(tmp_path: Path) -> None:
    template = make_template(tmp_path / "vasby-brevmall.docx", letterhead_text=LETTERHEAD)
    clock = Clock(datetime(2026, 12, 2, 10, 0))
    ws = open_workspace(resolve(db=tmp_path / "meetingtui.db", exports=tmp_path / "exports"),
                        clock=clock)
    try:
        asyncio.run(first_ten_minutes(ws, template))
        assert settings.municipality(ws) == MUNICIPALITY
        assert settings.word_template(ws) == template
        councils = {g.short: g for g in groups.find_groups(ws, "bra-lokal")}
        assert {short: g.name for short, g in councils.items()} == COUNCILS
        central = councils["BRÅ C"]
        assert central.id is not None
        named = [(m.name, m.role, m.organisation, m.email)
                 for m in groups.members(ws, central.id) if m.name != m.role]
        assert named == [
            ("Eva Lind", "Representant för social- och omsorgskontoret",
             "Social- och omsorgskontoret", "eva.lind@upplandsvasby.se"),
            ("Ahmed Karimi", "Rektor", "Vilundaskolan", ""),
            ("Per Lund", "Kommunpolis", "Polisen", "per.lund@polisen.se")]
        # Until named, a member is the role (the other councils name their own).
        assert all(m.name == m.role for m in groups.members(ws, councils["BRÅ V"].id or 0))

        dates = plan_the_year(ws)
        assert len(dates) == 10 and {d.month for d in dates} == set(range(1, 13)) - {7, 12}
        red_days = holidays.country_holidays("SE", years=2027)
        assert not [d for d in dates if d in red_days or d.weekday() >= 5]
        planned = meetings.list_meetings(ws, central.id)
        assert [m.date for m in planned] == dates
        assert all(m.status is MeetingStatus.PLANNED for m in planned)

        january = planned[0]
        assert january.id is not None
        clock.now = datetime.combine(january.date + timedelta(days=1), time(9, 0))
        assert likely(planned, clock.now.date()) == january
        asyncio.run(the_january_meeting(ws))

        held = meetings.get_meeting(ws, january.id)
        assert held.status is MeetingStatus.CLOSED
        assert (held.chair, held.secretary, held.place) == ("Eva Lind", "Ahmed Karimi",
                                                            "Kommunhuset")
        people = [a.name for a in attendance.of_meeting(ws, january.id)]
        assert people[:2] == ["Eva Lind", "Ahmed Karimi"] and "Per Lund" in people
        [observation] = lagesbild.observations(ws, january.id)
        assert observation.source == "Fältarbetarna"

        filed = Filed(export_minutes(ws, january.id, path=tmp_path / "januari.docx").path)
        assert MUNICIPALITY in filed.header and LETTERHEAD in filed.header
        header = filed.doc.sections[0].header
        [blip] = header._element.findall(".//" + qn("a:blip"))
        assert header.part.related_parts[blip.get(qn("r:embed"))].blob == LOGO
        assert "Exempelkommun" not in filed.text
        assert "Lokalt BRÅ Centrala" in filed.text
        info = filed.info()
        assert "Eva Lind" in info["Ordförande"] and "Ahmed Karimi" in info["Sekreterare"]
        assert "Per Lund" in info["Närvarande"]
        assert "Fältarbetare vid stationen fredagar" in filed.text
        assert "Per Lund" in " ".join(filed.section("§ 7"))
        assert awkward(filed.text) == []
    finally:
        ws.close()
