"""Styrgruppen (Strategiskt råd) i Herrljunga kommun: höstens sammanträde, skrivet som protokoll
av sekreteraren dagen efter.

Mötesplan (Herrljungas riktlinje: styrgruppen beslutar om strategiska åtgärder och
prioriteringar, följer upp åtgärdsplanerna och de operativa gruppernas arbete och håller
kommunstyrelsen informerad; två sammanträden om året; ordförande är kommunstyrelsens
ordförande):

    Styrgrupp (Strategiskt råd), torsdag 26 november 2026 kl. 08.30–10.00, Kommunhuset,
    KS-salen. Gruppens första sammanträde i appen. Skrivs in fredag 27 november av
    sekreteraren Karin Ek (säkerhetschef). Ordförande Eva Lind (KSO), justerare Johan Alm.

    Närvarande: Eva Lind (kommunstyrelsens ordförande), Johan Alm (kommundirektör), Maria Ek
    (socialchef, Socialförvaltningen), Jonas Berg (kommunpolis, Polisen), Karin Ek
    (säkerhetschef). Anmält förhinder: Sara Holm (folkhälsostrateg).

    § 1  Anteckning: "Ordföranden öppnade sammanträdet."
    § 3  Beslut: "Karin Ek utses till sekreterare och Johan Alm till justerare. Justering sker
         2026-12-03 i kommunhuset."
    § 4  Beslut: "Dagordningen godkänns."
    § 5  Föregående protokoll: inga öppna åtgärder (gruppens första sammanträde).
    § 6  Rapporter: "EST: lägesbild varje månad, tre prioriterade områden. SSPF: ökad
         snusning i åk 8-9." Beslut: "Rapporterna läggs till handlingarna."
    § 7  Åtgärdsplanen: "Belysning i gångtunneln: grön. Kameror vid stationen: röd,
         tillstånd saknas."
    § 8  Lägesbildens utveckling. Beslut: "En fördjupad lägesbild tas fram till
         2027-03-31."
    § 9  Långsiktig åtgärdsplan. Beslut: "Den långsiktiga åtgärdsplanen beslutas när den
         fördjupade lägesbilden är klar."
    § 10 Förslag från beredningsgruppen: inga (issue 16 §3).
    § 11 Strategiska beslut: "Ta fram fördjupad lägesbild 2027" (Karin Ek, Säkerhetsenheten,
         2027-03-31) och "Förnya samverkansöverenskommelsen med polisen" (Johan Alm,
         2027-06-30, social). Beslut: "Styrgruppen fastställer åtgärderna."
    § 12 Samverkansöverenskommelse och medborgarlöfte: "Medborgarlöftet 2026 har
         kommunicerats."
    § 13 Rapport till KS: sekreteraren skriver beslutet med egen etikett, som många gör:
         "Beslut: Ordföranden rapporterar till kommunstyrelsen i januari." (Protokollet ska
         ändå säga "Beslut:" en gång.)
    § 16 Nästa möte: torsdag 20 maj 2027 kl. 08.30–10.00, Kommunhuset, KS-salen.
    § 17 Anteckning: "Ordföranden förklarade sammanträdet avslutat."
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time
from pathlib import Path

from meetingtui.model import MeasureType, MeetingStatus, Presence
from meetingtui.services import attendance, followup, groups, lagesbild, meetings, priorities
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
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

PEOPLE = [  # row by row as the template lists the members: (name, new role, organisation)
    ("Eva Lind", None, None),
    ("Johan Alm", None, None),
    ("Maria Ek", "Socialchef", "Socialförvaltningen"),
    ("Jonas Berg", "Kommunpolis", "Polisen"),
    ("Karin Ek", None, None),
    ("Sara Holm", None, None),
]
TITLES = ["Mötets öppnande", "Närvaro", "Val av sekreterare och justerare",
          "Godkännande av dagordning", "Föregående protokoll och åtgärdslista",
          "Rapporter från EST, SSPF och nätverken", "Uppföljning av åtgärdsplanen",
          "Lägesbildens utveckling",
          "Beslut om långsiktig strategisk åtgärdsplan (efter fördjupad lägesbild, minst "
          "vartannat år)", "Förslag från beredningsgruppen",
          "Strategiska prioriteringar och beslut",
          "Samverkansöverenskommelse och medborgarlöfte", "Rapport till kommunstyrelsen",
          "Resurser", "Övriga frågor", "Nästa möte", "Mötets avslutande"]
NOTES = {1: "Ordföranden öppnade sammanträdet.",
         6: "EST: lägesbild varje månad, tre prioriterade områden. SSPF: ökad snusning i "
            "åk 8-9.",
         7: "Belysning i gångtunneln: grön. Kameror vid stationen: röd, tillstånd saknas.",
         12: "Medborgarlöftet 2026 har kommunicerats.",
         17: "Ordföranden förklarade sammanträdet avslutat."}
DECISIONS = {3: "Karin Ek utses till sekreterare och Johan Alm till justerare. Justering sker "
                "2026-12-03 i kommunhuset.",
             4: "Dagordningen godkänns.",
             6: "Rapporterna läggs till handlingarna.",
             8: "En fördjupad lägesbild tas fram till 2027-03-31.",
             9: "Den långsiktiga åtgärdsplanen beslutas när den fördjupade lägesbilden är klar.",
             11: "Styrgruppen fastställer åtgärderna.",
             13: "Beslut: Ordföranden rapporterar till kommunstyrelsen i januari."}


async def type_the_meeting(ws: Workspace) -> None:
    app = make_app(ws, lang="sv")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Home: Styrgrupp, n plans its meeting. Its first: the date proposed is today, the
        # day after, so the secretary types the meeting's own.
        await choose_group(pilot, "Styrgrupp")
        await press(pilot, "n")
        assert screen_name(pilot) == "PlanMeetingDialog"
        await type_text(pilot, "26/11")
        await press(pilot, "tab")
        await type_text(pilot, "8.30-10")
        await press(pilot, "tab")
        await type_text(pilot, "Kommunhuset, KS-salen")
        await press(pilot, "tab")
        await type_text(pilot, "Eva Lind")  # over the template's "Kommunstyrelsens ordförande"
        await press(pilot, "tab")
        await type_text(pilot, "Karin Ek")
        await press(pilot, "tab")
        await type_text(pilot, "Johan Alm")
        await press(pilot, "tab", *["down"] * 5, "space")  # the folkhälsostrateg: förhinder
        await press(pilot, "ctrl+s")
        assert screen_name(pilot) == "MeetingScreen"  # a past day: it opens at once

        await text_item(pilot, "e", NOTES[1])

        # § 2: the members by name (the rows start as the template's roles).
        await press(pilot, "n")
        for row, (name, role, organisation) in enumerate(PEOPLE):
            await press(pilot, "enter")
            assert screen_name(pilot) == "AttendeeDialog", row
            await type_text(pilot, name)
            if role is not None and organisation is not None:
                await press(pilot, "tab")
                await type_text(pilot, role)
                await press(pilot, "tab")
                await type_text(pilot, organisation)
            await press(pilot, "enter", "down")

        await press(pilot, "n")
        await text_item(pilot, "b", DECISIONS[3])
        await press(pilot, "n")
        await text_item(pilot, "b", DECISIONS[4])
        await press(pilot, "n", "n")  # § 5: nothing to follow up yet
        await text_item(pilot, "e", NOTES[6])
        await text_item(pilot, "b", DECISIONS[6])
        # § 7 rolls up the operative groups' measures (none yet); its notes in the item's
        # form: the decision first, Tab to the notes, Ctrl+S.
        await press(pilot, "n", "b")
        assert screen_name(pilot) == "ItemTextDialog"
        await press(pilot, "tab")
        await type_text(pilot, NOTES[7])
        await press(pilot, "ctrl+s")
        await press(pilot, "n")
        await text_item(pilot, "b", DECISIONS[8])
        await press(pilot, "n")
        await text_item(pilot, "b", DECISIONS[9])

        # § 10: no proposals from the beredningsgrupp. § 11: two strategic measures and the
        # decision (a form: Ctrl+S saves).
        await press(pilot, "n", "n", "a")
        assert screen_name(pilot) == "MeasureDialog"
        await type_text(pilot, "Ta fram fördjupad lägesbild 2027")
        await press(pilot, "tab")
        await type_text(pilot, "Karin Ek")
        await press(pilot, "tab")
        await type_text(pilot, "Säkerhetsenheten")
        await press(pilot, "tab")
        await type_text(pilot, "2027-03-31")
        await press(pilot, "enter")
        await press(pilot, "a")
        await type_text(pilot, "Förnya samverkansöverenskommelsen med polisen")
        await press(pilot, "tab")
        await type_text(pilot, "Johan Alm")
        await press(pilot, "tab", "tab")
        await type_text(pilot, "2027-06-30")
        await press(pilot, "tab", "right", "enter")  # social
        await press(pilot, "b")
        assert screen_name(pilot) == "ItemTextDialog"
        await type_text(pilot, DECISIONS[11])
        await press(pilot, "ctrl+s")

        await press(pilot, "n")
        await text_item(pilot, "e", NOTES[12])
        await press(pilot, "n")
        await text_item(pilot, "b", DECISIONS[13])

        # § 14, § 15, § 16: the next meeting in May, typed over the proposed date.
        await press(pilot, "n", "n", "n", "enter")
        await type_text(pilot, "2027-05-20")
        await press(pilot, "enter")
        await press(pilot, "n")
        await text_item(pilot, "e", NOTES[17])
        await press(pilot, "c")
        assert screen_name(pilot) == "ConfirmDialog"
        await press(pilot, "j", "n")
        assert screen_name(pilot) == "HomeScreen"


def test_styrgrupp_protokoll_typed_the_day_after(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 11, 27, 8, 45))  # Friday morning, the day after
    ws = scenario_workspace(tmp_path, clock, "Herrljunga kommun")
    asyncio.run(type_the_meeting(ws))

    styrgrupp = group_id(ws, "Styrgrupp")
    held = meetings.list_meetings(ws, styrgrupp)
    assert [(m.date, m.status) for m in held] == [
        (date(2026, 11, 26), MeetingStatus.CLOSED), (date(2027, 5, 20), MeetingStatus.PLANNED)]
    m = held[0]
    assert m.id is not None
    assert (m.start, m.end, m.place) == (time(8, 30), time(10, 0), "Kommunhuset, KS-salen")
    assert (m.chair, m.secretary, m.adjuster) == ("Eva Lind", "Karin Ek", "Johan Alm")
    assert (m.next_date, m.next_start, m.next_end, m.next_place) == (
        date(2027, 5, 20), time(8, 30), time(10, 0), "Kommunhuset, KS-salen")
    may = held[1]
    assert (may.start, may.end, may.place, may.chair, may.secretary, may.adjuster) == (
        time(8, 30), time(10, 0), "Kommunhuset, KS-salen", "Eva Lind", "Karin Ek", "Johan Alm")
    check_database(ws, m.id, styrgrupp)

    paths = export_all(ws, m.id, tmp_path / "protokoll")
    internal, public = Filed(paths["intern.docx"]), Filed(paths["offentlig.docx"])
    check_protokoll(internal)
    # Nothing here is confidential: the public version is the same protokoll, said public.
    assert public.header == "Herrljunga kommun\tProtokoll · 2026-11-26 · Offentlig version"
    assert [line for line in public.lines if not line.startswith("Offentlig version")] == \
        internal.lines
    text = paths["intern.md"].read_text(encoding="utf-8")
    assert text.startswith("**Herrljunga kommun**\n\n# Protokoll: Styrgrupp (Strategiskt råd)\n")
    assert text.count("**Beslut:**") == len(DECISIONS)
    assert "**Beslut:** Ordföranden rapporterar till kommunstyrelsen i januari." in text
    assert "**Vid protokollet**" in text and "**Justeras**" in text
    assert awkward(text) == []


def check_database(ws: Workspace, meeting_id: int, styrgrupp: int) -> None:
    people = attendance.of_meeting(ws, meeting_id)
    assert [(p.name, p.role, p.organisation, p.presence) for p in people] == [
        ("Eva Lind", "Kommunstyrelsens ordförande", "", Presence.PRESENT),
        ("Johan Alm", "Kommundirektör", "", Presence.PRESENT),
        ("Maria Ek", "Socialchef", "Socialförvaltningen", Presence.PRESENT),
        ("Jonas Berg", "Kommunpolis", "Polisen", Presence.PRESENT),
        ("Karin Ek", "Säkerhetschef", "", Presence.PRESENT),
        ("Sara Holm", "Folkhälsostrateg", "", Presence.ABSENT),
    ]
    # The names are the group's now: its next meeting starts from them.
    assert [p.name for p in groups.members(ws, styrgrupp)] == [name for name, *_ in PEOPLE]

    agenda = meetings.items(ws, meeting_id)
    assert [i.title for i in agenda] == TITLES
    assert all(item.visited for item in agenda)
    assert {i.position: i.notes for i in agenda if i.notes} == NOTES
    assert {i.position: i.decision for i in agenda if i.decision} == DECISIONS
    assert followup.followups(ws, meeting_id) == []
    assert lagesbild.observations(ws, meeting_id) == []
    assert priorities.priorities_for_meeting(ws, meeting_id) == []
    assert [(x.text, x.owner, x.owner_org, x.due, x.type, x.observation_id, x.confidential)
            for x in lagesbild.measures(ws, meeting_id)] == [
        ("Ta fram fördjupad lägesbild 2027", "Karin Ek", "Säkerhetsenheten", date(2027, 3, 31),
         MeasureType.SITUATIONAL, None, False),
        ("Förnya samverkansöverenskommelsen med polisen", "Johan Alm", "", date(2027, 6, 30),
         MeasureType.SOCIAL, None, False),
    ]


def check_protokoll(doc: Filed) -> None:
    assert doc.header == "Herrljunga kommun\tProtokoll · 2026-11-26"
    assert doc.lines[:3] == ["Herrljunga kommun", "Protokoll", "Styrgrupp (Strategiskt råd)"]
    info = doc.info()
    assert (info["Datum"], info["Tid"], info["Plats"]) == (
        "2026-11-26", "kl. 8.30–10.00", "Kommunhuset, KS-salen")
    assert info["Närvarande"].split("\n") == [
        "Eva Lind, kommunstyrelsens ordförande", "Johan Alm, kommundirektör",
        "Maria Ek, socialchef, Socialförvaltningen", "Jonas Berg, kommunpolis, Polisen",
        "Karin Ek, säkerhetschef"]
    assert info["Frånvarande"] == "Sara Holm, folkhälsostrateg"
    assert "Adjungerade" not in info
    assert (info["Ordförande"], info["Sekreterare"], info["Justerare"], info["Paragrafer"]) == (
        "Eva Lind", "Karin Ek", "Johan Alm", "§ 1–17")
    assert doc.headings == [f"§ {n} {title}" for n, title in enumerate(TITLES, start=1)]
    for number, notes in NOTES.items():
        assert doc.section(f"§ {number} ")[0] == notes, number
    for number, decision in DECISIONS.items():
        said = decision.removeprefix("Beslut: ")
        assert doc.section(f"§ {number} ")[-1] == f"Beslut: {said}", number
    assert doc.text.count("Beslut:") == len(DECISIONS)  # once each, also where it was typed
    assert "Överenskommet" not in doc.text
    assert doc.section("§ 5 ") == ["Inga öppna åtgärder att följa upp."]
    assert doc.section("§ 7 ") == [NOTES[7], "Inga åtgärder i de operativa grupperna."]
    assert doc.section("§ 10 ") == ["Inga förslag."]
    assert doc.section("§ 11 ")[:3] == [
        "Nr | Åtgärd | Ansvarig | Klart senast | Status",
        "1 | Ta fram fördjupad lägesbild 2027 / Typ: situationell · Beprövad/utvärderad "
        "metod: vet ej | Karin Ek, Säkerhetsenheten | 2027-03-31 | ej påbörjad",
        "2 | Förnya samverkansöverenskommelsen med polisen / Typ: social · Beprövad/utvärderad "
        "metod: vet ej | Johan Alm | 2027-06-30 | ej påbörjad"]
    assert doc.section("§ 16 ") == ["Nästa möte: 2027-05-20 kl. 8.30–10.00, Kommunhuset, KS-salen"]
    signatures = doc.lines[doc.lines.index("Vid protokollet"):]
    assert signatures[1].split(" / ")[1:] == ["Karin Ek", "Sekreterare | "]
    assert signatures[2] == "Justeras"
    assert "Eva Lind / Ordförande" in signatures[3] and "Johan Alm / Justerare" in signatures[3]
    assert awkward(doc.text) == []
