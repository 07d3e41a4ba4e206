"""Trygghetsgruppen's December meeting, typed in two days after (seed 001, Lysekil: the group
"tar fram lägesbild och förslag på åtgärder som presenteras i kommundirektörens ledningsgrupp
(KLG)"; the KLG decides them and hands them to the förvaltningar).

    Torsdag 3 december 2026. Sekreteraren planerar tisdagens möte från startsidan: 1 december
    kl. 9.00–11.00 i Stadshuset, Kungsgatan 44. Under § 8 föreslås KLG att förlänga
    fritidsgårdens öppettider, Fritidschef på Socialförvaltningen, klart senast 28 februari.
    Nästa möte som gruppens rytm föreslår, samma tid. Årets uppföljning (§ 11) görs en gång per
    år, "övriga månader hoppar ni över punkten": den utgår.

Keys only, at 80×24. What a first user met: the proposal's form was titled "Ny åtgärd" and said
the proposal was "beslutad i åtgärdsplanen" (it is neither decided nor in an action plan), and
the meeting's time was "09:00" in the forms and the list of meetings while the minutes and
everything else write "09.00"; and an item the template says to skip most months could not be
skipped: the minutes showed its § with nothing under it.
"""

from __future__ import annotations

import asyncio
import csv
import email
import email.policy
import io
import json
from datetime import date, datetime
from pathlib import Path

import docx
from textual.widgets import Input, Static

from meetingtui.model import ProposalState
from meetingtui.services import lagesbild, meetings, proposals
from meetingtui.ui.app import make_app
from tests.conftest import Clock
from tests.scenarios.helpers import (
    SIZE,
    Filed,
    export_all,
    fill,
    group_id,
    plan_by_keys,
    press,
    scenario_workspace,
    screen_name,
    type_text,
)
from tests.ui.test_i18n_english import visible_text

DAY = date(2026, 12, 1)
PROPOSAL = "Förlänga fritidsgårdens öppettider fredag och lördag till kl. 23"


def test_trygghetsgrupp_proposes_to_klg_typed_in_two_days_after(tmp_path: Path,
                                                                 clock: Clock) -> None:
    clock.now = datetime(2026, 12, 3, 9, 0)
    ws = scenario_workspace(tmp_path, clock, "Lysekils kommun")
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=SIZE) as pilot:
            await plan_by_keys(pilot, "Trygghetsgrupp", "1/12", "9.00-11.00",
                               "Stadshuset, Kungsgatan 44")
            await press(pilot, "ctrl+s")
            assert screen_name(pilot) == "MeetingScreen"

            await press(pilot, "m")
            seen["details"] = pilot.app.screen.query_one("#time", Input).value
            await press(pilot, "escape")

            # § 6 Lägesbild: two problems, a cause found for each.
            for area, place, category, description, cause in (
                    ("Centrum", "Torget", "Otrygg", "Trasig belysning vid torget",
                     "Belysningen har varit trasig sedan oktober"),
                    ("Centrum", "Busshållplatsen", "Ungdom",
                     "Grupper av unga samlas kvällstid vid busshållplatsen",
                     "Fritidsgården stänger kl. 21")):
                await press(pilot, "6", "o")
                await fill(pilot, area, place, category, description, "Polisen")
                await press(pilot, "enter", "enter")
                assert screen_name(pilot) == "ObservationScreen"
                await press(pilot, "c")
                await type_text(pilot, cause)
                await press(pilot, "enter", "escape")
                assert screen_name(pilot) == "MeetingScreen"

            # § 8: the proposal to KLG is against the busshållplats' cause; both problems'
            # causes are offered, each after its place, and ticking one of each is refused.
            await press(pilot, "8", "a")
            assert screen_name(pilot) == "MeasureDialog"
            await fill(pilot, PROPOSAL, "Fritidschef", "Socialförvaltningen", "28/2")
            await press(pilot, "tab", "tab", "tab", "tab", "space", "down", "space", "enter")
            assert screen_name(pilot) == "MeasureDialog"  # two problems: refused, it stays
            seen["new"] = visible_text(pilot)
            await press(pilot, "up", "space", "enter")  # the torget's cause off again
            assert screen_name(pilot) == "MeetingScreen"
            await press(pilot, "enter")  # the proposal just made, to change
            assert screen_name(pilot) == "MeasureDialog"
            seen["edit"] = visible_text(pilot)
            await press(pilot, "escape")

            await press(pilot, "1", "1", "U")  # Årets uppföljning: not this month
            seen["header"] = str(pilot.app.screen.query_one("#item-header", Static).render())
            await press(pilot, "1", "5")  # Nästa möte: as the rhythm proposes, the same time
            seen["next"] = pilot.app.screen.query_one("#next-time", Input).value
            seen["agenda"] = visible_text(pilot)
            await press(pilot, "escape", "o")
            assert screen_name(pilot) == "OpenMeetingDialog"
            seen["open"] = visible_text(pilot)
            await press(pilot, "escape")

    asyncio.run(run())

    assert seen["header"].startswith("§ 11 (utgår) Årets uppföljning")
    assert "–11 Årets uppföljni" in seen["agenda"]  # marked in the agenda beside the item
    assert "Totalt 0:00 av 1:57" in seen["agenda"]  # 2:07 planned, its 10 minutes left out

    assert seen["details"] == seen["next"] == "09.00–11.00"  # as Swedish writes a time
    assert "2026-12-01  09.00  Pågår" in seen["open"]
    assert "09:00" not in seen["open"]

    for form, title in (("new", "Nytt förslag till KLG"), ("edit", "Ändra förslag till KLG")):
        shown = seen[form]
        assert title in shown and "Ny åtgärd" not in shown and "Ändra åtgärd" not in shown
        assert "åtgärdsplanen" not in shown and "Inga orsaker att välja" not in shown
    said = " ".join(seen["new"].replace("│", " ").split())
    assert "[x] Centrum – Torget: Belysningen har varit trasig sedan oktober" in said
    assert "[x] Centrum – Busshållplatsen: Fritidsgården stänger kl. 21" in said
    assert "Ett förslag riktas mot ett problem" in said
    edit = " ".join(seen["edit"].replace("│", " ").split())  # its problem's cause only
    assert "[x] Centrum – Busshållplatsen: Fritidsgården stänger kl. 21" in edit
    assert "Torget" not in edit

    [meeting] = [m for m in meetings.list_meetings(ws, group_id(ws, "Trygghetsgrupp"))
                 if m.date == DAY]
    [made] = proposals.made_in(ws, meeting.id or 0)
    assert (made.text, made.owner, made.owner_org, made.due) == (
        PROPOSAL, "Fritidschef", "Socialförvaltningen", date(2027, 2, 28))
    assert (made.proposed_to, made.proposal) == ("KLG", ProposalState.PROPOSED)

    exported = export_all(ws, meeting.id or 0, tmp_path / "filed")
    for name in ("intern.docx", "offentlig.docx"):
        assert Filed(exported[name]).section("§ 11 Årets uppföljning") == ["Punkten utgår."]
    for name in ("intern.md", "offentlig.md"):
        text = exported[name].read_text(encoding="utf-8")
        assert "Årets uppföljning och gemensam kartläggning med polisen (en gång per år)\n\n" \
               "Punkten utgår.\n" in text
    filed = Filed(exported["intern.docx"])
    assert filed.info()["Tid"] == "kl. 9.00–11.00"
    section = " ".join(filed.section("§ 8"))
    assert f"Föreslås: {PROPOSAL} (till KLG)" in section
    assert "Riktas mot orsaken: Fritidsgården stänger kl. 21" in section
    assert [cause.text for cause in lagesbild.causes_addressed(ws, [made]).values()] == [
        "Fritidsgården stänger kl. 21"]
    assert "Fritidschef, Socialförvaltningen" in section


def test_the_january_meeting_follows_up_what_klg_decided(tmp_path: Path, clock: Clock) -> None:
    """Thursday 10 December KLG decides the proposal (the secretary records it from the command
    line, `proposals decide`); on 12 January the group follows it up. Its row says who decided
    it and when, not that the group decided it on the day it proposed it."""
    from click.testing import CliRunner

    from meetingtui.cli import main
    from meetingtui.export.minutes.html import build_minutes_html
    from meetingtui.model import Measure
    from meetingtui.services.record import load_meeting

    clock.now = datetime(2026, 12, 1, 9, 0)
    ws = scenario_workspace(tmp_path, clock, "Lysekils kommun")
    group = group_id(ws, "Trygghetsgrupp")
    december = meetings.plan_meeting(ws, group, DAY)
    assert december.id is not None
    meetings.start_meeting(ws, december.id)
    made = lagesbild.save_measure(ws, Measure(
        meeting_id=december.id, text=PROPOSAL, owner="Fritidschef",
        owner_org="Socialförvaltningen", due=date(2027, 2, 28), proposed_to="KLG",
        proposal=ProposalState.PROPOSED))
    meetings.close_meeting(ws, december.id)
    january = meetings.plan_meeting(ws, group, date(2027, 1, 12))
    assert january.id is not None

    answered = CliRunner().invoke(main, [
        "--db", str(ws.locations.db), "--lang", "sv", "proposals", "decide", str(made.id),
        "--decided", "--date", "2026-12-10"])
    assert answered.exit_code == 0, answered.output

    clock.now = datetime(2027, 1, 12, 9, 0)
    meetings.start_meeting(ws, january.id)
    said = f"{PROPOSAL} (Trygghetsgrupp, beslutad av KLG 2026-12-10)"
    exported = export_all(ws, january.id, tmp_path / "januari")
    [row] = [cells for cells in Filed(exported["intern.docx"]).table_under("§ 5")
             if PROPOSAL in cells[0]]
    assert row[0] == said
    assert said in exported["offentlig.md"].read_text(encoding="utf-8")
    page = build_minutes_html(load_meeting(ws, january.id), public=True,
                              municipality="Lysekils kommun")
    assert said in page and "beslutad 2026-12-01" not in page

    # The members' channels say it too: the published owner page and the JSON list.
    from meetingtui.export.site import publish_site

    publish_site(ws, tmp_path / "webbplats", workers=1)
    owner_page = (tmp_path / "webbplats" / "ansvariga" / "fritidschef.html").read_text(
        encoding="utf-8")
    assert "2026-12-01 (förslag, beslutat av KLG 2026-12-10)" in owner_page
    listed = CliRunner().invoke(main, ["--db", str(ws.locations.db), "actions", "--format",
                                       "json", "--owner", "Fritidschef"])
    assert listed.exit_code == 0, listed.output
    [row] = json.loads(listed.stdout)
    assert (row["proposal"], row["proposed_to"], row["proposal_decided_on"]) == (
        "decided", "KLG", "2026-12-10")
    # And the files the secretary sends: the Word list and the e-mail draft.
    decided = "förslag, beslutat av KLG 2026-12-10"
    for fmt, name in (("docx", "lista.docx"), ("eml", "utkast")):
        written = CliRunner().invoke(main, [
            "--db", str(ws.locations.db), "--lang", "sv", "actions", "--owner", "Fritidschef",
            "--format", fmt, "-o", str(tmp_path / name)])
        assert written.exit_code == 0, written.output
    word = docx.Document(str(tmp_path / "lista.docx"))
    assert any(decided in cell.text for table in word.tables for cell in table.columns[1].cells)
    [draft] = (tmp_path / "utkast").glob("*.eml")
    letter = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
    plain = letter.get_body(("plain",))
    assert plain is not None and f"   {decided}" in plain.get_content().splitlines()
    html_part = letter.get_body(("html",))
    assert html_part is not None and f"({decided})</td>" in html_part.get_content()
    # The spreadsheet and the terminal's table: the same words.
    spread = CliRunner().invoke(main, ["--db", str(ws.locations.db), "--lang", "sv", "actions",
                                       "--owner", "Fritidschef", "--format", "csv"])
    assert spread.exit_code == 0, spread.output
    [sheet_row] = csv.DictReader(io.StringIO(spread.stdout.lstrip("\ufeff")), delimiter=";")
    assert sheet_row["Beslutat av"] == "KLG 2026-12-10" and sheet_row["Förslag till"] == ""
    table = CliRunner().invoke(main, ["--db", str(ws.locations.db), "--lang", "sv", "actions",
                                      "--owner", "Fritidschef"], env={"COLUMNS": "100"})
    assert table.exit_code == 0, table.output
    assert decided in " ".join(table.stdout.split())
