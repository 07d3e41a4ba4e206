"""EST följer upp medborgarlöftet (issue 16 §4), keys only at 80×24.

    EST, tisdag 10 november 2026, skrivs in måndag 23 november. Medborgarlöftet "Tryggare
    Centrum 2026" (Herrljunga kommun och LPO Alingsås) gäller hela året. Punkten "Uppföljning av
    medborgarlöftet" visar löftet med åtagandena: trygghetsvandringar (kommunen, klart senast
    9 november: försenad vid mötet), synlig närvaro (polisen, klart senast 10 november: inte
    försenad på dagen) och den kopplade åtgärden belysning i gångtunneln. Ordföranden markerar
    trygghetsvandringarna som genomförda (d) och närvaron som pågående (i), lägger till ett
    åtagande (a) och skriver en anteckning (e). Samtidigt ändrar en annan dator närvarons status:
    ordförandens nästa ändring av den sägs som en konflikt, och ingenting går förlorat.
    Protokollet visar åtagandena med status som vid mötet, också när en status ändras efteråt.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input

from meetingtui.model import MeasureStatus
from meetingtui.services import agreements, meetings
from meetingtui.store import agreements as agreement_rows
from meetingtui.store.db import Store
from meetingtui.ui.app import make_app
from meetingtui.ui.widgets.panes.agreements import AgreementsPane
from tests.agreements_data import lofte_meeting
from tests.conftest import Clock
from tests.scenarios.helpers import (
    SIZE,
    Filed,
    export_all,
    fill,
    press,
    type_text,
)


async def _to_agreements(app: Any, pilot: Any) -> AgreementsPane:
    """n, item after item, until the agreements' item shows (as a chair walks the agenda)."""
    for _ in range(20):
        if app.screen.query(AgreementsPane) and app.screen.query_one(AgreementsPane).display:
            break
        await press(pilot, "n")
    return app.screen.query_one(AgreementsPane)


def _screen_text(pane: AgreementsPane) -> str:
    """The table, one line per row: each cell's lines joined by a space, cells by " | "."""
    table = pane.query_one(DataTable)
    return "\n".join(" | ".join(" ".join(str(cell).split()) for cell in table.get_row_at(row))
                     for row in range(table.row_count))


def test_est_follows_up_the_medborgarlofte(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 11, 23, 9, 0))
    made = lofte_meeting(tmp_path, clock)
    ws, meeting_id = made.ws, made.meeting_id
    lofte_id, walks_id, presence_id = made.lofte_id, made.walks_id, made.presence_id

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            pane = await _to_agreements(app, pilot)
            shown = _screen_text(pane)
            assert "Medborgarlöfte: Tryggare Centrum 2026" in shown
            assert "Herrljunga kommun · LPO Alingsås" in shown
            lines = shown.splitlines()
            walks_row = next(line for line in lines if "Trygghetsvandringar" in line)
            presence_row = next(line for line in lines if "Synlig närvaro" in line)
            assert walks_row.endswith("| 2026-11-09 Försenad | Ej påbörjad")
            assert "Försenad" not in presence_row  # due on the meeting's day: not late yet
            assert "Åtgärd: Belysning i gångtunneln" in shown
            # ↓ to the first commitment, d: done; ↓ i: in progress.
            await press(pilot, "down", "d")
            assert agreements.get_commitment(ws, walks_id).status is MeasureStatus.DONE
            await press(pilot, "down", "i")
            assert agreements.get_commitment(ws, presence_id).status is \
                MeasureStatus.IN_PROGRESS
            assert "Pågående" in next(line for line in _screen_text(pane).splitlines()
                                      if "Synlig närvaro" in line)
            # On the agreement's head a status key says what to do instead.
            await press(pilot, "up", "up", "x")
            assert agreements.get_commitment(ws, walks_id).status is MeasureStatus.DONE
            # a: a new commitment for the agreement under the cursor.
            await press(pilot, "a")
            await fill(pilot, "Kommunen", "Informera i lokaltidningen", "Kommunikatör", "",
                       "30 nov")
            await press(pilot, "ctrl+s")
            added = agreements.detail(ws, lofte_id).commitments[-1]
            assert (added.party, added.text, added.owner, added.due) == (
                "Kommunen", "Informera i lokaltidningen", "Kommunikatör", date(2026, 11, 30))
            assert "Informera i lokaltidningen" in _screen_text(pane)
            # e: the item's notes, as on a text item; Esc back to the table.
            await press(pilot, "e")
            await type_text(pilot, "Löftet har kommunicerats i lokaltidningen.")
            await press(pilot, "escape")
            assert isinstance(app.screen.focused, DataTable)
            # Another program sets the presence to cancelled meanwhile. Its save lands between
            # two of the screen's looks at the file (once a second): the chair's screen still
            # shows what it read before, and the chair's key comes first.
            await press(pilot, "down", "down")
            other = Store.open(ws.store.path)
            try:
                theirs = agreement_rows.get_commitment(other, presence_id)
                assert theirs is not None
                agreement_rows.update_commitment(
                    other, theirs.model_copy(update={"status": MeasureStatus.CANCELLED}), theirs)
            finally:
                other.close()
            screen: Any = app.screen
            screen.others_seen = ws.revision()[1]
            pane.mark_current()
            await press(pilot, "u")
            said = [n.message for n in app._notifications]
            assert ("Ett annat program sparade något annat i samma fält; din ändring sparades "
                    "inte.") in said
            assert agreements.get_commitment(ws, presence_id).status is MeasureStatus.CANCELLED
            assert "Avbruten" in next(line for line in _screen_text(pane).splitlines()
                                      if "Synlig närvaro" in line)

    asyncio.run(run())
    meetings.close_meeting(ws, meeting_id)
    # Later, outside any meeting: the walks are reopened. The closed minutes do not change.
    agreements.set_status(ws, walks_id, MeasureStatus.IN_PROGRESS)

    async def closed_view() -> None:
        """The closed meeting shows its agreements as they stood; the keys change nothing."""
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "9", "n", "n")  # § 11
            pane = app.screen.query_one(AgreementsPane)
            assert pane.display
            walks_row = next(line for line in _screen_text(pane).splitlines()
                             if "Trygghetsvandringar" in line)
            assert walks_row.endswith("| Genomförd")
            app.clear_notifications()
            await press(pilot, "down", "x")
            assert agreements.get_commitment(ws, walks_id).status is MeasureStatus.IN_PROGRESS
            assert not list(app._notifications)  # inert: no refusal to read either

    asyncio.run(closed_view())
    files = export_all(ws, meeting_id, tmp_path / "minutes")
    doc = Filed(files["intern.docx"])
    lines = doc.section("§ 11 Uppföljning av medborgarlöftet")
    assert "Medborgarlöfte: Tryggare Centrum 2026 (2026-01-01 – 2026-12-31)" in lines
    assert "Parter: Herrljunga kommun, LPO Alingsås" in lines
    # Word: the party under the commitment (a column of its own broke words on A4).
    assert ("Trygghetsvandringar i Centrum varje månad\nKommunen | Trygghetssamordnare | "
            "2026-11-09 | genomförd") in lines
    assert ("Synlig närvaro fredagskvällar\nPolisen | Kommunpolis, LPO Alingsås | 2026-11-10 | "
            "avbruten") in lines
    assert ("Informera i lokaltidningen\nKommunen | Kommunikatör | 2026-11-30 | ej påbörjad"
            in lines)
    assert "Belysning i gångtunneln | Tekniska | 2026-12-15 | ej påbörjad" in lines
    assert "Löftet har kommunicerats i lokaltidningen." in lines
    assert "Status när mötet avslutades." in lines
    markdown = files["intern.md"].read_text(encoding="utf-8")
    assert ("| Kommunen | Trygghetsvandringar i Centrum varje månad | Trygghetssamordnare | "
            "2026-11-09 | genomförd |") in markdown
    assert agreements.get_commitment(ws, walks_id).status is MeasureStatus.IN_PROGRESS


def test_a_commitment_without_owner_is_said_and_kept(tmp_path: Path) -> None:
    """a, the text, no owner, Ctrl+S: the form stays with the message under the owner field and
    the text typed; with an owner it is saved. A personnummer typed is warned of at once."""
    from meetingtui.ui.widgets.field_row import FieldMessage

    made = lofte_meeting(tmp_path, Clock(datetime(2026, 11, 23, 9, 0)))
    ws = made.ws

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=made.meeting_id)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "9", "n", "n", "a")
            await fill(pilot, "Kommunen", "Samtal med 19121212-1212")
            await press(pilot, "ctrl+s")
            assert type(app.screen).__name__ == "CommitmentDialog"
            owner = str(app.screen.query_one("#message-owner", FieldMessage).render())
            assert owner == "⚠ Varje åtagande behöver en ansvarig"
            assert "personnummer" in str(
                app.screen.query_one("#message-text", FieldMessage).render()).casefold()
            assert len(agreements.detail(ws, made.lofte_id).commitments) == 2
            await type_text(pilot, "Socialsekreterare")  # the cursor stands in the owner
            await press(pilot, "ctrl+s")
            assert type(app.screen).__name__ == "MeetingScreen"
            added = agreements.detail(ws, made.lofte_id).commitments[-1]
            assert (added.party, added.text, added.owner) == (
                "Kommunen", "Samtal med 19121212-1212", "Socialsekreterare")

    asyncio.run(run())


def test_enter_on_a_commitment_corrects_it_and_a_closed_meeting_keeps_it(
        tmp_path: Path) -> None:
    """↓ to a commitment, Enter: the form holds what is stored; the owner corrected, Ctrl+S
    saves only that. On the agreement's head Enter does nothing; once the meeting is closed,
    Enter opens nothing (the minutes keep what they showed)."""
    made = lofte_meeting(tmp_path, Clock(datetime(2026, 11, 23, 9, 0)))
    ws = made.ws
    before = agreements.get_commitment(ws, made.walks_id)

    async def run(meeting_closed: bool) -> None:
        app = make_app(ws, lang="sv", meeting_id=made.meeting_id)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            pane = await _to_agreements(app, pilot)
            await press(pilot, "enter")  # the agreement's head: nothing to correct
            assert type(app.screen).__name__ == "MeetingScreen"
            await press(pilot, "down", "enter")
            if meeting_closed:
                assert type(app.screen).__name__ == "MeetingScreen"
                return
            assert type(app.screen).__name__ == "CommitmentDialog"
            fields = {field.id: field.value for field in app.screen.query(Input)}
            assert (fields["text"], fields["owner"], fields["due"]) == (
                before.text, before.owner, before.due.isoformat() if before.due else "")
            await press(pilot, "tab", "tab", "ctrl+u")  # the owner
            await type_text(pilot, "Trygghetssamordnaren")
            await press(pilot, "ctrl+s")
            assert type(app.screen).__name__ == "MeetingScreen"
            assert "Trygghetssamordnaren" in _screen_text(pane)

    asyncio.run(run(meeting_closed=False))
    after = agreements.get_commitment(ws, made.walks_id)
    assert after.owner == "Trygghetssamordnaren"
    assert (after.text, after.due, after.party, after.status) == (
        before.text, before.due, before.party, before.status)
    meetings.close_meeting(ws, made.meeting_id)
    asyncio.run(run(meeting_closed=True))


def test_delete_removes_a_commitment_only_on_yes(tmp_path: Path) -> None:
    """Delete on a commitment asks; Enter keeps it (the safe answer), j removes it. On the
    agreement's head Delete says to choose a commitment; nothing is removed."""
    made = lofte_meeting(tmp_path, Clock(datetime(2026, 11, 23, 9, 0)))
    ws = made.ws
    walks = agreements.get_commitment(ws, made.walks_id)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=made.meeting_id)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            pane = await _to_agreements(app, pilot)
            await press(pilot, "delete")
            assert "Välj ett åtagande (pilarna) och tryck sedan Delete." in [
                n.message for n in app._notifications]
            await press(pilot, "down", "delete")
            assert type(app.screen).__name__ == "ConfirmDialog"
            await press(pilot, "enter")  # no: kept
            assert agreements.get_commitment(ws, made.walks_id) == walks
            await press(pilot, "delete", "j")
            assert type(app.screen).__name__ == "MeetingScreen"
            assert "Trygghetsvandringar" not in _screen_text(pane)

    asyncio.run(run())
    assert [c.id for c in agreements.detail(ws, made.lofte_id).commitments] == [
        made.presence_id]
