"""EST i Herrljunga kommun, månadsmötet i oktober, skrivet in av sekreteraren dagen efter.

Mötesplan (som ordföranden Karin Ek, säkerhetschef, har den på sitt papper):

    EST – Effektiv samordning för trygghet, onsdag 14 oktober 2026 kl. 13.00–14.30,
    Kommunhuset. Ordförande Karin Ek, sekreterare Sara Holm, justerare Anders Nyström
    (i stället för Per Lund, som septembermötet hade utsett). Skrivs in torsdag 15 oktober.

    Förra mötet, 9 september: lägesbild Stationsområdet – Klotter i gångtunneln under
    järnvägen (öppen, följer med). Åtgärder: "Sanera klotter i gångtunneln" (Mats Ek,
    teknisk förvaltning, klart senast 30 september: försenad i oktober) och
    "Trygghetsvandring i Centrum" (Sara Holm, folkhälsa, klart senast 15 november).
    Nästa möte beslutades till 14 oktober kl. 13.00, Kommunhuset.

    § 2  Närvaro: kommunpolisen Jonas Berg har förhinder, Elin Vik (Polisen) är ersättare;
         Jan Ek (näringslivet) är frånvarande; Maria Sund, fältsekreterare i socialtjänsten,
         är adjungerad.
    § 3  Beslut: Anders Nyström justerar anteckningarna.
    § 4  Beslut: Dagordningen godkändes.
    § 5  Uppföljning: saneringen pågår ("Saneras vecka 43"), fortfarande försenad;
         trygghetsvandringen är genomförd ("Genomförd 6/10, 12 deltagare").
    § 6  Statistik: "Polisen: 14 anmälda brott, varav 5 skadegörelse. Räddningstjänsten:
         2 anlagda bränder."
    § 7  Lägesbild, laget runt:
         1. Centrum, Torget – Ungdomsgrupperingar / samlingsplats: "Ungdomar samlas
            fredagskvällar, nedskräpning och oro" (källa Polis, ökande, nivå 2).
            Orsak (plats/situation): "Ingen vuxennärvaro kvällstid".
            Åtgärd: "Nattvandring fredagar v. 43-47", Sara Holm, folkhälsoenheten,
            klart senast 27 november, social.
         2. SEKRETESS (polisens uppgift): Hagen, Cykelrum – Narkotika (misstänkt
            handel/bruk): "Misstänkt försäljning av narkotika i cykelrum" (källa Polis,
            ny, nivå 3). Orsaker: "Olåsta cykelrum" (plats/situation), "Köpare från
            grannkommuner" (gärningsperson). Åtgärd: "Byta lås till cykelrummen", Lars
            Ågren, Herrljungabostäder, klart senast 30 november.
         Beslut: "Lägesbilden fastställdes."
    § 8  Orsaksanalys: "Fritidsgården stänger kl. 21 på fredagar."
    § 9  Åtgärder: därtill "Se över belysningen i gångtunneln", Mats Ek, teknisk
         förvaltning, klart senast 15 november. Beslut: "Åtgärderna i åtgärdsplanen
         beslutades."
    § 10 Prioriterade områden för kommande kvartal (2027-Q1): Centrum, Stationsområdet,
         Skolområdet.
    § 11 Medborgarlöftet: "Trygghetsvandringen i Centrum är genomförd (löftets punkt 2)."
    § 12 Årlig uppföljning: inte i oktober.
    § 13 Kommande händelser: "Halloween 31/10: extra vuxennärvaro i Centrum."
    § 14 Återkoppling: beslut "Sara Holm återkopplar till inrapportörerna."
    § 16 Nästa möte: som föreslaget, onsdag 11 november kl. 13.00–14.30, Kommunhuset.

The meeting is typed with keys only, at 80×24, from the home screen; the September meeting is
prepared through the services. Then the database is read through the services and the minutes
(internal and public, Word and Markdown) are read back as the secretary files them; what they
should hold, and the checks that read them, are in tests/scenarios/est_oktober_readback.py.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time
from pathlib import Path

from textual.widgets import DataTable

from meetingtui.model import (
    Measure,
    MeasureType,
    MeetingStatus,
    Observation,
    ObservationStatus,
    Trend,
)
from meetingtui.services import groups, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.conftest import Clock
from tests.scenarios.est_oktober_readback import (
    check_database,
    check_internal,
    check_markdown,
    check_public,
)
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

MEMBERS = {  # the EST's members by role, as the group named them in the spring
    "Säkerhetschef": ("Karin Ek", "Herrljunga kommun"),
    "Folkhälsostrateg": ("Sara Holm", "Herrljunga kommun"),
    "Kommunpolis": ("Jonas Berg", "Polisen, LPO Alingsås"),
    "Representant för räddningstjänsten": ("Per Lund", "Södra Älvsborgs Räddningstjänstförbund"),
    "Representant för berörd kommunal verksamhet": ("Lena Dahl", "Fritidsgården"),
    "Representant för bostadsbolaget": ("Anders Nyström", "Herrljungabostäder"),
    "Representant för näringslivet": ("Jan Ek", "Herrljunga Företagarförening"),
}


def september(ws: Workspace, clock: Clock) -> tuple[int, int, int]:
    """The September meeting as it was held and closed: its open observation, two measures,
    and the October meeting it decided. Returns (september, sanera, vandring)."""
    est = group_id(ws, "EST")
    for person in groups.members(ws, est):
        name, organisation = MEMBERS[person.role]
        groups.update_member(ws, est, person.model_copy(update={
            "name": name, "organisation": organisation}), person)
    clock.now = datetime(2026, 9, 9, 13, 0)
    sep = meetings.plan_meeting(ws, est, date(2026, 9, 9), start=time(13, 0), end=time(14, 30),
                                place="Kommunhuset", chair="Karin Ek", secretary="Sara Holm",
                                adjuster="Per Lund")
    assert sep.id is not None
    meetings.start_meeting(ws, sep.id)
    tunnel = lagesbild.save_observation(ws, Observation(
        meeting_id=sep.id, area="Stationsområdet", place_detail="Gångtunneln",
        category="Klotter", description="Klotter i gångtunneln under järnvägen",
        source="Teknisk förvaltning", trend=Trend.RISING, level=2,
        status=ObservationStatus.OPEN))
    ids = []
    for text, owner, org, due in (
            ("Sanera klotter i gångtunneln", "Mats Ek", "Teknisk förvaltning",
             date(2026, 9, 30)),
            ("Trygghetsvandring i Centrum", "Sara Holm", "Folkhälsa", date(2026, 11, 15))):
        measure = lagesbild.save_measure(ws, Measure(
            meeting_id=sep.id, text=text, owner=owner, owner_org=org, due=due,
            type=MeasureType.SITUATIONAL, observation_id=tunnel.id))
        assert measure.id is not None
        ids.append(measure.id)
    meetings.decide_next_meeting(ws, sep.id, date(2026, 10, 14), start=time(13, 0),
                                 place="Kommunhuset")
    clock.now = datetime(2026, 9, 9, 14, 30)
    meetings.close_meeting(ws, sep.id)
    return sep.id, ids[0], ids[1]


async def type_the_meeting(ws: Workspace) -> None:
    app = make_app(ws, lang="sv")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Home: EST, o opens its meetings (newest first: October, planned in September).
        await choose_group(pilot, "EST")
        await press(pilot, "o")
        assert screen_name(pilot) == "OpenMeetingDialog"
        await press(pilot, "enter")
        assert screen_name(pilot) == "MeetingScreen"

        # m: the time as it was (13-14.30) and the justerare chosen today.
        await press(pilot, "m")
        assert screen_name(pilot) == "MeetingDetailsDialog"
        await press(pilot, "tab")
        await type_text(pilot, "13-14.30")
        await press(pilot, "tab", "tab", "tab", "tab")
        await type_text(pilot, "Anders Nyström")
        await press(pilot, "enter")
        assert screen_name(pilot) == "MeetingScreen"

        # § 2 Närvaro: the kommunpolis's row becomes the stand-in; näringslivet is absent;
        # the fältsekreterare is co-opted.
        await press(pilot, "2", "down", "down", "enter")
        assert screen_name(pilot) == "AttendeeDialog"
        await type_text(pilot, "Elin Vik")
        await press(pilot, "tab", "tab")
        await type_text(pilot, "Polisen")
        await press(pilot, "tab", "space", "enter")  # ersättare: Ja
        await press(pilot, *["down"] * 4, "space")
        await press(pilot, "g")
        assert screen_name(pilot) == "GuestDialog"
        await type_text(pilot, "Maria Sund")
        await press(pilot, "tab")
        await type_text(pilot, "Fältsekreterare")
        await press(pilot, "tab")
        await type_text(pilot, "Socialtjänsten")
        await press(pilot, "enter")

        # § 3 and § 4: decisions, typed in place (b), Esc leaves the field.
        await press(pilot, "n", "b")
        await type_text(pilot, "Anders Nyström justerar anteckningarna.")
        await press(pilot, "escape", "n", "b")
        await type_text(pilot, "Dagordningen godkändes.")
        await press(pilot, "escape")

        # § 5 follow-up: the overdue cleaning is in progress, the walk is done. On the
        # screen the cleaning is late on the meeting's day (not on today's).
        await press(pilot, "n")
        rows = app.screen.query_one("#followups", DataTable)
        assert "Försenad" in " ".join(str(cell) for cell in rows.get_row_at(0))
        assert "Försenad" not in " ".join(str(cell) for cell in rows.get_row_at(1))
        await press(pilot, "i")
        assert screen_name(pilot) == "FollowupDialog"
        await type_text(pilot, "Saneras vecka 43")
        await press(pilot, "enter", "down", "d")
        await type_text(pilot, "Genomförd 6/10, 12 deltagare")
        await press(pilot, "enter")

        # § 6 statistics: notes.
        await press(pilot, "n", "e")
        await type_text(pilot, "Polisen: 14 anmälda brott, varav 5 skadegörelse. "
                               "Räddningstjänsten: 2 anlagda bränder.")
        await press(pilot, "escape")

        # § 7 lägesbild: two observations, the second confidential, each opened for its
        # causes and measures.
        await press(pilot, "n", "o")
        assert screen_name(pilot) == "ObservationDialog"
        await type_text(pilot, "Centrum")
        await press(pilot, "tab")
        await type_text(pilot, "Torget")
        await press(pilot, "tab")
        await type_text(pilot, "Ung")
        await press(pilot, "tab")  # takes "Ungdomsgrupperingar / samlingsplats"
        await type_text(pilot, "Ungdomar samlas fredagskvällar, nedskräpning och oro")
        await press(pilot, "tab")
        await type_text(pilot, "Po")
        await press(pilot, "tab", "right", "tab", "right", "enter")  # Polis, ökande, nivå 2
        assert screen_name(pilot) == "MeetingScreen"
        await press(pilot, "enter")  # open it
        assert screen_name(pilot) == "ObservationScreen"
        await press(pilot, "c")
        await type_text(pilot, "Ingen vuxennärvaro kvällstid")
        await press(pilot, "enter")  # plats/situation, as proposed
        await press(pilot, "a")
        await type_text(pilot, "Nattvandring fredagar v. 43-47")
        await press(pilot, "tab")
        await type_text(pilot, "Sara Holm")
        await press(pilot, "tab")
        await type_text(pilot, "Folkhälsoenheten")
        await press(pilot, "tab")
        await type_text(pilot, "27/11")
        await press(pilot, "tab", "right", "enter")  # social
        await press(pilot, "escape")
        assert screen_name(pilot) == "MeetingScreen"

        await press(pilot, "o")
        await type_text(pilot, "Hagen")
        await press(pilot, "tab")
        await type_text(pilot, "Cykelrum")
        await press(pilot, "tab")
        await type_text(pilot, "Nar")
        await press(pilot, "tab")
        await type_text(pilot, "Misstänkt försäljning av narkotika i cykelrum")
        await press(pilot, "tab")
        await type_text(pilot, "Polis")
        # trend ny, nivå 3 (two steps on), status öppen, sekretess Ja.
        await press(pilot, "tab", "tab", "right", "right", "tab", "tab", "right", "enter")
        await press(pilot, "enter")  # the new row is selected: open it
        assert screen_name(pilot) == "ObservationScreen"
        await press(pilot, "c")
        await type_text(pilot, "Olåsta cykelrum")
        await press(pilot, "enter")
        await press(pilot, "c")
        await type_text(pilot, "Köpare från grannkommuner")
        await press(pilot, "tab", "right", "enter")  # gärningsperson
        await press(pilot, "a")
        await type_text(pilot, "Byta lås till cykelrummen")
        await press(pilot, "tab")
        await type_text(pilot, "Lars Ågren")
        await press(pilot, "tab")
        await type_text(pilot, "Herrljungabostäder")
        await press(pilot, "tab")
        await type_text(pilot, "2026-11-30")
        await press(pilot, "enter")
        await press(pilot, "escape")
        await press(pilot, "b")  # the item's decision (a form: Ctrl+S saves)
        assert screen_name(pilot) == "ItemTextDialog"
        await type_text(pilot, "Lägesbilden fastställdes.")
        await press(pilot, "ctrl+s")

        # § 8 cause analysis: notes.
        await press(pilot, "n", "e")
        await type_text(pilot, "Fritidsgården stänger kl. 21 på fredagar.")
        await press(pilot, "escape")

        # § 9 the action plan: one more measure, and the decision.
        await press(pilot, "n", "a")
        assert screen_name(pilot) == "MeasureDialog"
        await type_text(pilot, "Se över belysningen i gångtunneln")
        await press(pilot, "tab")
        await type_text(pilot, "Mats Ek")
        await press(pilot, "tab")
        await type_text(pilot, "Teknisk förvaltning")
        await press(pilot, "tab")
        await type_text(pilot, "15 nov")
        await press(pilot, "enter")
        await press(pilot, "b")
        await type_text(pilot, "Åtgärderna i åtgärdsplanen beslutades.")
        await press(pilot, "ctrl+s")

        # § 10 priorities for the quarter.
        await press(pilot, "n", "e")
        for area in ("Centrum", "Stationsområdet", "Skolområdet"):
            await type_text(pilot, area)
            await press(pilot, "enter")

        # § 11 the medborgarlöfte; § 12 (yearly) passed over; § 13 and § 14.
        await press(pilot, "n", "e")
        await type_text(pilot, "Trygghetsvandringen i Centrum är genomförd (löftets punkt 2).")
        await press(pilot, "escape", "n", "n", "e")
        await type_text(pilot, "Halloween 31/10: extra vuxennärvaro i Centrum.")
        await press(pilot, "escape", "n", "b")
        await type_text(pilot, "Sara Holm återkopplar till inrapportörerna.")
        await press(pilot, "escape")

        # § 15 nothing; § 16 the next meeting as proposed; § 17; close.
        await press(pilot, "n", "n", "enter", "enter")
        await press(pilot, "n", "c")
        assert screen_name(pilot) == "ConfirmDialog"
        await press(pilot, "j")
        assert screen_name(pilot) == "ConfirmDialog"  # export now? later, from the minutes
        await press(pilot, "n")
        assert screen_name(pilot) == "HomeScreen"


def test_est_october_typed_the_day_after(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 9, 9, 13, 0))
    ws = scenario_workspace(tmp_path, clock, "Herrljunga kommun")
    sep_id, sanera_id, vandring_id = september(ws, clock)
    clock.now = datetime(2026, 10, 15, 9, 10)  # Thursday morning, the day after
    asyncio.run(type_the_meeting(ws))

    october = [m for m in meetings.list_meetings(ws) if m.date == date(2026, 10, 14)]
    assert len(october) == 1
    m = october[0]
    assert m.id is not None
    assert (m.start, m.end, m.place, m.status) == (
        time(13, 0), time(14, 30), "Kommunhuset", MeetingStatus.CLOSED)
    assert (m.chair, m.secretary, m.adjuster) == ("Karin Ek", "Sara Holm", "Anders Nyström")
    assert (m.next_date, m.next_start, m.next_end, m.next_place) == (
        date(2026, 11, 11), time(13, 0), time(14, 30), "Kommunhuset")
    check_database(ws, m.id, sep_id, sanera_id, vandring_id)

    paths = export_all(ws, m.id, tmp_path / "anteckningar")
    check_internal(Filed(paths["intern.docx"]))
    check_public(Filed(paths["offentlig.docx"]))
    check_markdown(paths["intern.md"].read_text(encoding="utf-8"),
                   paths["offentlig.md"].read_text(encoding="utf-8"))
