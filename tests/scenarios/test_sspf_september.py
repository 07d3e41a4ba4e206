"""SSPF i Herrljunga kommun: höstens första samverkansmöte, skrivet in dagen efter, med ett
personnummer som skrevs in av misstag och togs bort på protokollet efter att mötet stängts.

Mötesplan (Herrljungas riktlinje: samverkan skola, socialtjänst, polis och fritid, riktat mot
barn och unga med utgångspunkt i risk- och skyddsfaktorer; fyra gånger om året; ordförande är
folkhälsostrategen; allt på gruppnivå, inga enskilda barn):

    SSPF, onsdag 23 september 2026 kl. 9.00–11.00, Altorpskolan. Gruppens första möte i
    appen. Skrivs in torsdag 24 september av sekreteraren Ola Strand (kultur- och
    fritidschef). Ordförande Sara Holm, justerare Karin Ek.

    Närvarande: Anna Berg (rektor, Altorpskolan), Ola Strand, Karin Ek (säkerhetschef),
    Mona Lind (enhetschef barn och familj), Sara Holm (folkhälsostrateg), Jonas Berg (polis,
    Polisen). Frånvarande: anhörigsamordnaren (inte namngiven). Adjungerad: Maria Sund,
    fältsekreterare, Socialtjänsten.

    § 3  Beslut: "Karin Ek justerar anteckningarna."
    § 4  Beslut: "Dagordningen godkändes."
    § 6  Lägesbild barn och unga:
         1. Altorpskolan, Skolgården – Alkohol/ANDT: "Ökad snusning bland elever i åk 8-9"
            (källa Skola, ökande, nivå 2). Orsak (plats/situation): "Få vuxna ute på
            rasterna". Insats: "Rastvärdar på skolgården", Anna Berg, Altorpskolan, klart
            senast 30 november, social.
         2. Centrum, Busstationen – Ungdomsgrupperingar / samlingsplats: "Grupp unga samlas
            efter kl. 22 på fredagar" (källa Fritid, ny, nivå 1).
         Beslut: "Bilden delas av skola, socialtjänst, polis och fritid."
    § 7  Risk- och skyddsfaktorer: "Risk: ökad skolfrånvaro i åk 9. Skydd: fritidsgården har
         öppet tre kvällar." Beslut: "Selektiv insats i åk 9."
    § 8  Insatser: därtill "Föräldramöte om snus i åk 8", Anna Berg, klart senast 20 oktober,
         social. Beslut: "Insatserna beslutades."
    § 9  Kommande lovperioder: "Höstlov v. 44: fritidsgården öppen alla dagar."
    § 10 Övriga frågor: sekreteraren skriver "Orosanmälan om elev 811218-9876 lämnas till
         socialtjänsten." Appen varnar under fältet; mötet stängs ändå (det som visas i
         stängningsfrågan). Den offentliga versionen vägras. Samma dag rättar sekreteraren
         det stängda mötet med r ("Personnummer togs bort", Ola Strand) till "Orosanmälan om
         en elev lämnas till socialtjänsten." Därefter går den offentliga versionen att ta ut,
         och ändringen står i den interna versionens "Ändringar efter mötet".
    § 11 Nästa möte: inte den föreslagna dagen (23 december), utan onsdag 9 december kl.
         9.00–11.00, Altorpskolan.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time
from pathlib import Path

import pytest
from textual.widgets import Static

from meetingtui.export.minutes import PersonalDataFound, export_minutes
from meetingtui.model import Dimension, MeasureType, MeetingStatus, Presence, Trend
from meetingtui.services import attendance, followup, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.store.amendments import amendments_of
from meetingtui.ui.app import make_app
from meetingtui.ui.widgets.personal_data import PersonalDataWarning
from tests.conftest import Clock
from tests.scenarios.helpers import (
    SIZE,
    Filed,
    awkward,
    choose_group,
    export_all,
    group_id,
    press,
    scenario_workspace,
    screen_name,
    text_item,
    type_text,
)

NUMBER = "811218-9876"
TITLES = ["Mötets öppnande", "Närvaro", "Val av sekreterare och justerare",
          "Godkännande av dagordning", "Föregående anteckningar och åtgärdslista",
          "Lägesbild barn och unga", "Risk- och skyddsfaktorer", "Pågående och nya insatser",
          "Kommande lovperioder", "Övriga frågor", "Nästa möte", "Mötets avslutande"]
PEOPLE = [  # the members' rows as the template lists them: (name, role, organisation)
    ("Anna Berg", "Rektor", "Altorpskolan"),
    ("Ola Strand", None, None),
    ("Karin Ek", None, None),
    ("Mona Lind", None, None),
    (None, None, None),  # the anhörigsamordnare, absent, not named
    ("Sara Holm", None, None),
    ("Jonas Berg", None, "Polisen"),
]
NOTES = {7: "Risk: ökad skolfrånvaro i åk 9. Skydd: fritidsgården har öppet tre kvällar.",
         9: "Höstlov v. 44: fritidsgården öppen alla dagar.",
         10: f"Orosanmälan om elev {NUMBER} lämnas till socialtjänsten."}
CORRECTED = "Orosanmälan om en elev lämnas till socialtjänsten."
DECISIONS = {3: "Karin Ek justerar anteckningarna.", 4: "Dagordningen godkändes.",
             6: "Bilden delas av skola, socialtjänst, polis och fritid.",
             7: "Selektiv insats i åk 9.", 8: "Insatserna beslutades."}


async def type_the_meeting(ws: Workspace, seen: dict[str, str]) -> None:
    app = make_app(ws, lang="sv")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await choose_group(pilot, "SSPF")
        await press(pilot, "n")
        assert screen_name(pilot) == "PlanMeetingDialog"
        await type_text(pilot, "23/9")
        await press(pilot, "tab")
        await type_text(pilot, "9-11")
        await press(pilot, "tab")
        await type_text(pilot, "Altorpskolan")
        await press(pilot, "tab")
        await type_text(pilot, "Sara Holm")
        await press(pilot, "tab")
        await type_text(pilot, "Ola Strand")
        await press(pilot, "tab")
        await type_text(pilot, "Karin Ek")
        await press(pilot, "tab", *["down"] * 4, "space")  # the anhörigsamordnare is away
        await press(pilot, "tab")
        await type_text(pilot, "Maria Sund")
        await press(pilot, "enter")  # a co-opted guest, added to the list
        await press(pilot, "ctrl+s")
        assert screen_name(pilot) == "MeetingScreen"

        # § 2: names, and the guest's role.
        await press(pilot, "n")
        for name, role, organisation in PEOPLE:
            if name is not None:
                await press(pilot, "enter")
                await type_text(pilot, name)
                if role is not None:
                    await press(pilot, "tab")
                    await type_text(pilot, role)
                if organisation is not None:
                    await press(pilot, *(["tab"] if role is not None else ["tab", "tab"]))
                    await type_text(pilot, organisation)
                await press(pilot, "enter")
            await press(pilot, "down")
        await press(pilot, "enter", "tab")  # Maria Sund: her role and organisation
        await type_text(pilot, "Fältsekreterare")
        await press(pilot, "tab")
        await type_text(pilot, "Socialtjänsten")
        await press(pilot, "enter")

        await press(pilot, "n")
        await text_item(pilot, "b", DECISIONS[3])
        await press(pilot, "n")
        await text_item(pilot, "b", DECISIONS[4])

        # § 5 nothing to follow up; § 6 the picture of children and young people.
        await press(pilot, "n", "n", "o")
        await type_text(pilot, "Altorpskolan")
        await press(pilot, "tab")
        await type_text(pilot, "Skolgården")
        await press(pilot, "tab")
        await type_text(pilot, "Alk")
        await press(pilot, "tab")
        await type_text(pilot, "Ökad snusning bland elever i åk 8-9")
        await press(pilot, "tab")
        await type_text(pilot, "Sk")
        await press(pilot, "tab", "right", "tab", "right", "enter")
        await press(pilot, "enter", "c")
        await type_text(pilot, "Få vuxna ute på rasterna")
        await press(pilot, "enter", "a")
        await type_text(pilot, "Rastvärdar på skolgården")
        await press(pilot, "tab")
        await type_text(pilot, "Anna Berg")
        await press(pilot, "tab")
        await type_text(pilot, "Altorpskolan")
        await press(pilot, "tab")
        await type_text(pilot, "30/11")
        await press(pilot, "enter", "escape")  # social, as SSPF's measures start
        await press(pilot, "o")
        await type_text(pilot, "Centrum")
        await press(pilot, "tab")
        await type_text(pilot, "Busstationen")
        await press(pilot, "tab")
        await type_text(pilot, "Ung")
        await press(pilot, "tab")
        await type_text(pilot, "Grupp unga samlas efter kl. 22 på fredagar")
        await press(pilot, "tab")
        await type_text(pilot, "Fr")
        await press(pilot, "tab", "enter")  # Tab takes "Fritid" (Enter alone keeps "Fr")
        await press(pilot, "b")
        await type_text(pilot, DECISIONS[6])
        await press(pilot, "ctrl+s")

        await press(pilot, "n")
        await text_item(pilot, "e", NOTES[7])
        await text_item(pilot, "b", DECISIONS[7])

        await press(pilot, "n", "a")
        await type_text(pilot, "Föräldramöte om snus i åk 8")
        await press(pilot, "tab")
        await type_text(pilot, "Anna Berg")
        await press(pilot, "tab", "tab")
        await type_text(pilot, "20/10")
        await press(pilot, "enter")
        await press(pilot, "b")
        await type_text(pilot, DECISIONS[8])
        await press(pilot, "ctrl+s")

        await press(pilot, "n")
        await text_item(pilot, "e", NOTES[9])

        # § 10: the number typed; the app says so under the notes while it is there.
        await press(pilot, "n", "e")
        await type_text(pilot, NOTES[10])
        pane = app.screen.pane  # type: ignore[attr-defined]
        warning = pane.query_one("#personal-notes", PersonalDataWarning)
        seen["warning"] = warning.shown if warning.display else ""
        await press(pilot, "escape")

        # § 11: not the proposed day (two days before Christmas Eve): 9 December.
        await press(pilot, "n")
        seen["proposed"] = str(app.screen.query_one("#next-status", Static).render())
        await press(pilot, "enter")
        await type_text(pilot, "2026-12-09")
        await press(pilot, "enter")

        # § 12; close: the question lists the number; j closes all the same.
        await press(pilot, "n", "c")
        assert screen_name(pilot) == "ConfirmDialog"
        seen["closing"] = str(app.screen.query_one(".confirm-message", Static).render())
        await press(pilot, "j", "n")
        assert screen_name(pilot) == "HomeScreen"


async def correct_the_closed_meeting(ws: Workspace, seen: dict[str, str]) -> None:
    """The public export is refused; the secretary opens the closed meeting and removes the
    number on the record (r: why and who), then leaves it."""
    app = make_app(ws, lang="sv")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await choose_group(pilot, "SSPF")
        await press(pilot, "o", "down", "enter")  # newest first: December, then September
        assert screen_name(pilot) == "MeetingScreen"
        await press(pilot, "9", "n", "e")  # § 10; e types nothing in a closed meeting
        assert meetings.items(ws, app.screen.session.meeting_id)[9].notes == NOTES[10]  # type: ignore[attr-defined]
        await press(pilot, "r")
        assert screen_name(pilot) == "AmendDialog"
        await type_text(pilot, "Personnummer togs bort")
        await press(pilot, "enter")  # who: the secretary, as proposed
        assert screen_name(pilot) == "MeetingScreen"
        seen["banner"] = app.screen.sub_title
        # The note wraps onto two lines of the pane: select both, type it anew.
        await press(pilot, "e", "home", "shift+down", "shift+end")
        await type_text(pilot, CORRECTED)
        await press(pilot, "escape", "escape")
        assert screen_name(pilot) == "HomeScreen"


def test_sspf_september_with_a_personnummer_corrected_after_closing(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 9, 24, 8, 30))  # Thursday, the day after
    ws = scenario_workspace(tmp_path, clock, "Herrljunga kommun")
    seen: dict[str, str] = {}
    asyncio.run(type_the_meeting(ws, seen))

    sspf = group_id(ws, "SSPF")
    held = meetings.list_meetings(ws, sspf)
    assert [(m.date, m.start, m.end, m.place, m.status) for m in held] == [
        (date(2026, 9, 23), time(9, 0), time(11, 0), "Altorpskolan", MeetingStatus.CLOSED),
        (date(2026, 12, 9), time(9, 0), time(11, 0), "Altorpskolan", MeetingStatus.PLANNED)]
    m = held[0]
    assert m.id is not None
    assert NUMBER not in seen["warning"] and "811218-****" in seen["warning"]
    assert "ons 23 dec 2026" in seen["proposed"]
    assert "§ 10 Övriga frågor" in seen["closing"] and "811218-****" in seen["closing"]
    assert NUMBER not in seen["closing"]

    # The public version is refused, and says where without the number; the internal one is
    # written (the full record).
    refused = tmp_path / "refused.docx"
    with pytest.raises(PersonalDataFound) as error:
        export_minutes(ws, m.id, public=True, fmt="docx", path=refused)
    assert "§ 10 Övriga frågor" in str(error.value) and NUMBER not in str(error.value)
    assert not refused.exists()
    assert export_minutes(ws, m.id, fmt="docx", path=tmp_path / "before.docx").findings

    clock.now = datetime(2026, 9, 24, 10, 15)
    asyncio.run(correct_the_closed_meeting(ws, seen))
    assert "Personnummer togs bort" in seen["banner"]
    [amendment] = amendments_of(ws.store, m.id)
    assert (amendment.by, amendment.why, amendment.at) == (
        "Ola Strand", "Personnummer togs bort", datetime(2026, 9, 24, 10, 15))
    # What changed, without keeping the number the correction removed (domain §6).
    assert "811218-****" in amendment.old and "9876" not in amendment.old + amendment.new
    corrected = meetings.get_meeting(ws, m.id)
    assert (corrected.status, corrected.start, corrected.end) == (
        MeetingStatus.CLOSED, time(9, 0), time(11, 0))
    check_database(ws, m.id)

    paths = export_all(ws, m.id, tmp_path / "anteckningar")
    internal, public = Filed(paths["intern.docx"]), Filed(paths["offentlig.docx"])
    check_notes(internal)
    assert internal.section("Ändringar efter mötet") == [
        "2026-09-24 10:15, Ola Strand: § 10 Övriga frågor. Skäl: Personnummer togs bort"]
    assert public.header == "Herrljunga kommun\tMinnesanteckningar · 2026-09-23 · Offentlig version"
    assert "Ändringar efter mötet" not in public.text  # amendments are internal
    assert [line for line in public.lines if not line.startswith("Offentlig version")] == \
        internal.lines[:internal.lines.index("Ändringar efter mötet")] + \
        internal.lines[internal.lines.index("Vid anteckningarna"):]
    for path in paths.values():
        text = path.read_text(encoding="utf-8") if path.suffix == ".md" else Filed(path).text
        assert NUMBER not in text and "9876" not in text, path.name
        assert awkward(text) == [], path.name
    assert "**Överenskommet:** Selektiv insats i åk 9." in paths["offentlig.md"].read_text(
        encoding="utf-8")


def check_database(ws: Workspace, meeting_id: int) -> None:
    people = attendance.of_meeting(ws, meeting_id)
    assert [(p.name, p.role, p.organisation, p.presence) for p in people] == [
        ("Anna Berg", "Rektor", "Altorpskolan", Presence.PRESENT),
        ("Ola Strand", "Kultur- och fritidschef", "", Presence.PRESENT),
        ("Karin Ek", "Säkerhetschef", "", Presence.PRESENT),
        ("Mona Lind", "Enhetschef barn och familj", "", Presence.PRESENT),
        ("Anhörigsamordnare", "Anhörigsamordnare", "", Presence.ABSENT),
        ("Sara Holm", "Folkhälsostrateg", "", Presence.PRESENT),
        ("Jonas Berg", "Polis", "Polisen", Presence.PRESENT),
        ("Maria Sund", "Fältsekreterare", "Socialtjänsten", Presence.GUEST),
    ]
    agenda = meetings.items(ws, meeting_id)
    assert [i.title for i in agenda] == TITLES
    assert all(item.visited for item in agenda)
    assert {i.position: i.notes for i in agenda if i.notes} == {**NOTES, 10: CORRECTED}
    assert {i.position: i.decision for i in agenda if i.decision} == DECISIONS
    assert followup.followups(ws, meeting_id) == []
    observed = lagesbild.observations(ws, meeting_id)
    assert [(o.area, o.place_detail, o.category, o.description, o.source, o.trend, o.level,
             o.confidential) for o in observed] == [
        ("Altorpskolan", "Skolgården", "Alkohol/ANDT", "Ökad snusning bland elever i åk 8-9",
         "Skola", Trend.RISING, 2, False),
        ("Centrum", "Busstationen", "Ungdomsgrupperingar / samlingsplats",
         "Grupp unga samlas efter kl. 22 på fredagar", "Fritid", Trend.NEW, 1, False),
    ]
    assert [(c.observation_id, c.text, c.dimension) for c in lagesbild.causes(ws, meeting_id)] \
        == [(observed[0].id, "Få vuxna ute på rasterna", Dimension.PLACE)]
    assert [(x.text, x.owner, x.owner_org, x.due, x.type, x.observation_id)
            for x in lagesbild.measures(ws, meeting_id)] == [
        ("Rastvärdar på skolgården", "Anna Berg", "Altorpskolan", date(2026, 11, 30),
         MeasureType.SOCIAL, observed[0].id),
        # Her organisation, as the attendance knows it, came with her name.
        ("Föräldramöte om snus i åk 8", "Anna Berg", "Altorpskolan", date(2026, 10, 20),
         MeasureType.SOCIAL, None),
    ]
    meeting = meetings.get_meeting(ws, meeting_id)
    assert (meeting.chair, meeting.secretary, meeting.adjuster) == (
        "Sara Holm", "Ola Strand", "Karin Ek")
    assert (meeting.next_date, meeting.next_start, meeting.next_end, meeting.next_place) == (
        date(2026, 12, 9), time(9, 0), time(11, 0), "Altorpskolan")


def check_notes(doc: Filed) -> None:
    assert doc.header == "Herrljunga kommun\tMinnesanteckningar · 2026-09-23"
    assert doc.lines[:3] == ["Herrljunga kommun", "Minnesanteckningar",
                             "Samverkan skola, socialtjänst, polis och fritid (SSPF)"]
    info = doc.info()
    assert (info["Datum"], info["Tid"], info["Plats"]) == (
        "2026-09-23", "kl. 9.00–11.00", "Altorpskolan")
    assert info["Närvarande"].split("\n") == [
        "Anna Berg, rektor, Altorpskolan", "Ola Strand, kultur- och fritidschef",
        "Karin Ek, säkerhetschef", "Mona Lind, enhetschef barn och familj",
        "Sara Holm, folkhälsostrateg", "Jonas Berg, Polisen"]
    assert info["Adjungerade"] == "Maria Sund, fältsekreterare, Socialtjänsten"
    assert info["Frånvarande"] == "Anhörigsamordnare"  # not named: the role once, no "–"
    assert (info["Ordförande"], info["Sekreterare"], info["Justerare"], info["Paragrafer"]) == (
        "Sara Holm", "Ola Strand", "Karin Ek", "§ 1–12")
    assert doc.headings[:12] == [f"§ {n} {title}" for n, title in enumerate(TITLES, start=1)]
    for number, decision in DECISIONS.items():
        assert doc.section(f"§ {number} ")[-1] == f"Överenskommet: {decision}", number
    assert doc.text.count("Överenskommet:") == len(DECISIONS) and "Beslut:" not in doc.text
    assert doc.section("§ 10 ") == [CORRECTED]
    assert doc.section("§ 5 ") == ["Inga öppna åtgärder att följa upp."]
    assert doc.table_under("§ 6 ") == [
        ["Område/plats", "Kategori", "Beskrivning", "Trend"],
        ["1. Altorpskolan – Skolgården", "Alkohol/ANDT",
         "Ökad snusning bland elever i åk 8-9 / Källa: Skola", "ökande"],
        ["2. Centrum – Busstationen", "Ungdomsgrupperingar / samlingsplats",
         "Grupp unga samlas efter kl. 22 på fredagar / Källa: Fritid", "ny"],
    ]
    assert doc.section("§ 6 ")[3:7] == [
        "Iakttagelse 1: Altorpskolan – Skolgården – Alkohol/ANDT", "Orsaker",
        "Plats/situation: Få vuxna ute på rasterna", "Åtgärder"]
    assert doc.table_under("§ 8 ") == [
        ["Nr", "Åtgärd", "Ansvarig", "Klart senast", "Status"],
        ["1", "Rastvärdar på skolgården / Typ: social · Beprövad/utvärderad metod: vet ej",
         "Anna Berg, Altorpskolan", "2026-11-30", "ej påbörjad"],
        ["2", "Föräldramöte om snus i åk 8 / Typ: social · Beprövad/utvärderad metod: vet ej",
         "Anna Berg, Altorpskolan", "2026-10-20", "ej påbörjad"],
    ]
    assert doc.section("§ 11 ") == ["Nästa möte: 2026-12-09 kl. 9.00–11.00, Altorpskolan"]
    signatures = doc.lines[doc.lines.index("Vid anteckningarna"):]
    assert signatures[1].split(" / ")[1:] == ["Ola Strand", "Sekreterare | "]
    assert signatures[2] == "Justeras"
    assert "Sara Holm / Ordförande" in signatures[3] and "Karin Ek / Justerare" in signatures[3]
