"""EST i Herrljunga, novembermötet, skrivet in dagen efter: åtgärder riktade mot orsaker
(issue 15 §2).

Mötesplan:

    EST, onsdag 11 november 2026, Kommunhuset; skrivs in torsdag 12 november.

    Förra mötet, 14 oktober: Stationsområdet – Gångtunneln, klotter (öppen, följer med), med
    orsaken "Mörk gångtunnel" (stöds av data: kommunens belysningsinventering).

    § 7  Lägesbild:
         1. Gångtunneln (från förra mötet): ny orsak "Syns från tåget" (ett antagande).
            Åtgärd "Belysning i gångtunneln", Mats Ek, teknisk förvaltning, 30 november,
            universell, beprövad metod: ja; riktas mot båda orsakerna, oktobers också.
         2. Centrum, Torget – ungdomar samlas fredagskvällar. Orsaker: "Ingen vuxennärvaro
            kvällstid" (stöds av data), "Fritidsgården stänger kl. 21" (gärningsperson).
            Åtgärder: "Nattvandring fredagar" (Sara Holm, folkhälsoenheten, 27 november,
            social, selektiv, beprövad metod: nej) mot båda; "Information till föräldrar"
            (Sara Holm, 4 december, social, indikerad) mot ingen särskild orsak.
         3. SEKRETESS: Hagen, Cykelrum – misstänkt narkotikaförsäljning; orsak "Olåsta
            cykelrum"; åtgärd "Byta lås till cykelrummen" (Lars Ågren) mot den.
    § 9  Åtgärder: därtill "Se över skyltningen" (Mats Ek, 15 november), beslutad i
         åtgärdsplanen: den har inga orsaker att riktas mot, och formuläret säger det.

Typed with keys only at 80×24; the October meeting is prepared through the services, and the
November meeting is closed through them after the typing (closing is another story's). The
database is read through the services, the Word minutes read back with python-docx.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time
from pathlib import Path

from textual.widgets import DataTable, Static

from meetingtui.model import (
    Cause,
    CauseBasis,
    Dimension,
    MeasureType,
    Observation,
    ObservationStatus,
    PreventionLevel,
    ProvenMethod,
)
from meetingtui.services import lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.conftest import Clock
from tests.scenarios.helpers import (
    SIZE,
    Filed,
    awkward,
    choose_group,
    export_all,
    fill,
    group_id,
    press,
    scenario_workspace,
    screen_name,
    type_text,
)

SECRET = ["Hagen", "Cykelrum", "cykelrum", "narkotika", "Olåsta", "Byta lås", "Lars Ågren"]


def october(ws: Workspace, clock: Clock) -> tuple[int, int]:
    """The October meeting as it was closed: the tunnel and its dark. (meeting, cause)"""
    est = group_id(ws, "EST")
    clock.now = datetime(2026, 10, 14, 13, 0)
    oct_ = meetings.plan_meeting(ws, est, date(2026, 10, 14), start=time(13, 0),
                                 place="Kommunhuset")
    assert oct_.id is not None
    meetings.start_meeting(ws, oct_.id)
    tunnel = lagesbild.save_observation(ws, Observation(
        meeting_id=oct_.id, area="Stationsområdet", place_detail="Gångtunneln",
        category="Klotter", description="Klotter i gångtunneln under järnvägen",
        status=ObservationStatus.OPEN))
    dark = lagesbild.save_cause(ws, Cause(observation_id=tunnel.id or 0, text="Mörk gångtunnel",
                                          basis=CauseBasis.DATA))
    meetings.decide_next_meeting(ws, oct_.id, date(2026, 11, 11), start=time(13, 0),
                                 place="Kommunhuset")
    clock.now = datetime(2026, 10, 14, 14, 30)
    meetings.close_meeting(ws, oct_.id)
    assert dark.id is not None
    return oct_.id, dark.id


def rows_of(pilot_app: object, table_id: str) -> list[str]:
    """Each row of a table on the screen as the eye reads it: its cells' lines side by side."""
    table = pilot_app.screen.query_one(table_id, DataTable)  # type: ignore[attr-defined]
    return [" | ".join(str(cell) for cell in table.get_row_at(row))
            for row in range(table.row_count)]


async def measure(pilot, text: str, owner: str, org: str, due: str,  # type: ignore[no-untyped-def]
                  social: bool, level: int, method: int, causes: list[int]) -> None:
    """The measure form by keys: the Choices stepped on with →, each cause chosen with space
    (↓ between them), Enter saves from the list."""
    await press(pilot, "a")
    assert screen_name(pilot) == "MeasureDialog"
    await fill(pilot, text, owner, org, due)
    await press(pilot, "tab", *(["right"] if social else []))
    await press(pilot, "tab", *["right"] * level)
    await press(pilot, "tab", *["right"] * method)
    if causes:
        await press(pilot, "tab")
        at = 0
        for index in causes:
            await press(pilot, *["down"] * (index - at), "space")
            at = index
    await press(pilot, "enter")
    assert screen_name(pilot) == "ObservationScreen"


async def cause(pilot, text: str, offender: bool, basis: int) -> None:  # type: ignore[no-untyped-def]
    await press(pilot, "c")
    assert screen_name(pilot) == "CauseDialog"
    await type_text(pilot, text)
    await press(pilot, "tab", *(["right"] if offender else []), "tab", "tab", *["right"] * basis)
    await press(pilot, "enter")
    assert screen_name(pilot) == "ObservationScreen"


async def type_the_meeting(ws: Workspace) -> dict[str, list[str]]:
    """The keys; what the screens showed on the way, for the test to look at."""
    seen: dict[str, list[str]] = {}
    app = make_app(ws, lang="sv")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await choose_group(pilot, "EST")
        await press(pilot, "o")
        await press(pilot, "enter")
        assert screen_name(pilot) == "MeetingScreen"

        # § 7: the tunnel came along from October; its cause of October is offered with it.
        await press(pilot, "7", "enter")
        assert screen_name(pilot) == "ObservationScreen"
        await cause(pilot, "Syns från tåget", offender=False, basis=1)  # antagande
        await press(pilot, "a")
        picker = app.screen.query_one("#cause_ids")
        seen["tunnel offers"] = [str(option.prompt) for option in picker.options]  # type: ignore[attr-defined]
        await press(pilot, "escape")
        await measure(pilot, "Belysning i gångtunneln", "Mats Ek", "Teknisk förvaltning",
                      "30/11", social=False, level=1, method=1, causes=[0, 1])
        seen["tunnel causes"] = rows_of(app, "#causes")
        seen["tunnel measures"] = rows_of(app, "#measures")
        await press(pilot, "escape")

        # A new observation, two causes, a measure against both and one against none.
        await press(pilot, "o")
        await fill(pilot, "Centrum", "Torget", "Ung", "Ungdomar samlas fredagskvällar")
        await press(pilot, "enter")
        await press(pilot, "enter")
        assert screen_name(pilot) == "ObservationScreen"
        await cause(pilot, "Ingen vuxennärvaro kvällstid", offender=False, basis=2)
        await cause(pilot, "Fritidsgården stänger kl. 21", offender=True, basis=0)
        await measure(pilot, "Nattvandring fredagar", "Sara Holm", "Folkhälsoenheten",
                      "27/11", social=True, level=2, method=2, causes=[0, 1])
        await measure(pilot, "Information till föräldrar", "Sara Holm", "", "4/12",
                      social=True, level=3, method=0, causes=[])
        seen["torget causes"] = rows_of(app, "#causes")
        seen["torget measures"] = rows_of(app, "#measures")
        await press(pilot, "escape")

        # In confidence: Hagen.
        await press(pilot, "o")
        await fill(pilot, "Hagen", "Cykelrum", "Nar",
                   "Misstänkt försäljning av narkotika i cykelrum", "Polis")
        # trend ny, nivå 3, status öppen, sekretess Ja.
        await press(pilot, "tab", "tab", "right", "right", "tab", "tab", "right", "enter")
        await press(pilot, "enter")
        assert screen_name(pilot) == "ObservationScreen"
        await cause(pilot, "Olåsta cykelrum", offender=False, basis=0)
        await measure(pilot, "Byta lås till cykelrummen", "Lars Ågren", "Herrljungabostäder",
                      "2026-11-30", social=False, level=0, method=0, causes=[0])
        await press(pilot, "escape")

        # § 9: a measure of the action plan has no causes to offer, and the form says so.
        await press(pilot, "9", "a")
        assert screen_name(pilot) == "MeasureDialog"
        note = app.screen.query_one("#causes-none", Static)
        seen["plan note"] = [str(note.render())] if note.display else []
        seen["plan list shown"] = [str(app.screen.query_one("#cause_ids").display)]
        await fill(pilot, "Se över skyltningen", "Mats Ek", "", "15 nov")
        await press(pilot, "enter")
        assert screen_name(pilot) == "MeetingScreen"
        seen["plan"] = rows_of(app, "#measures")
    return seen


def test_est_november_measures_against_causes(tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 10, 14, 13, 0))
    ws = scenario_workspace(tmp_path, clock, "Herrljunga kommun")
    october_id, dark_id = october(ws, clock)
    clock.now = datetime(2026, 11, 12, 9, 10)  # the day after
    seen = asyncio.run(type_the_meeting(ws))

    # What the chair saw on the way (80×24): causes numbered with their basis, each measure
    # with what it addresses and its kind, whole words on lines of their own.
    assert seen["tunnel offers"] == ["[ ] Mörk gångtunnel (från ett tidigare möte)",
                                     "[ ] Syns från tåget"]
    # October's cause is the problem's too: shown first, with October's date.
    assert [row.split(" | ")[0] for row in seen["tunnel causes"]] == [
        "↻ 2026-10-14 1. Mörk gångtunnel", "2. Syns från tåget"]
    assert "Stöds av\ndata" in seen["tunnel causes"][0]
    assert "Antagande" in seen["tunnel causes"][1]
    assert seen["tunnel measures"][0].split(" | ")[0] == (
        "Belysning i gångtunneln\nMot orsak 1, 2")  # October's cause is number 1 here
    assert seen["tunnel measures"][0].split(" | ")[3] == "Situationell\nUniversell\nMetod: ja"
    assert [row.split(" | ")[0] for row in seen["torget causes"]] == [
        "1. Ingen vuxennärvaro kvällstid", "2. Fritidsgården stänger kl. 21"]
    assert seen["torget causes"][0].split(" | ")[2] == "Stöds av\ndata"
    assert seen["torget causes"][1].split(" | ")[1:] == ["Gärningsperson", "–"]
    assert [row.split(" | ")[0] for row in seen["torget measures"]] == [
        "Nattvandring fredagar\nMot orsak 1, 2", "Information till föräldrar"]
    assert [row.split(" | ")[3] for row in seen["torget measures"]] == [
        "Social\nSelektiv\nMetod: nej", "Social\nIndikerad\nMetod: vet ej"]
    assert seen["plan note"] == [
        "Åtgärden är beslutad i åtgärdsplanen, inte på en iakttagelse: den har inga orsaker "
        "att riktas mot."]
    assert seen["plan list shown"] == ["False"]
    # The action plan (about 50 columns at 80): under each measure its kind, parts whole.
    assert seen["plan"][-1].split(" | ")[1] == (
        "Se över skyltningen\nSituationell\nMetod: vet ej\nAnsvarig: Mats Ek")
    assert seen["plan"][0].split(" | ")[1] == (
        "Belysning i\ngångtunneln\nSituationell\nUniversell\nMetod: ja\nMot Mörk gångtunnel;"
        "\nSyns från tåget\nAnsvarig: Mats Ek,\nTeknisk förvaltning")

    [november] = [m for m in meetings.list_meetings(ws) if m.date == date(2026, 11, 11)]
    assert november.id is not None
    check_database(ws, november.id, dark_id)
    meetings.close_meeting(ws, november.id)
    paths = export_all(ws, november.id, tmp_path / "anteckningar")
    check_internal(Filed(paths["intern.docx"]))
    check_public(Filed(paths["offentlig.docx"]))
    public_md = paths["offentlig.md"].read_text(encoding="utf-8")
    assert [word for word in SECRET if word in public_md] == []
    assert "  - Riktas mot orsakerna: Ingen vuxennärvaro kvällstid; Fritidsgården stänger " \
           "kl. 21" in public_md
    assert october_id != november.id


def check_database(ws: Workspace, meeting_id: int, dark_id: int) -> None:
    tunnel, torget, hagen = lagesbild.observations(ws, meeting_id)
    causes = lagesbild.causes(ws, meeting_id)
    assert [(c.observation_id, c.text, c.dimension, c.basis) for c in causes] == [
        (tunnel.id, "Syns från tåget", Dimension.PLACE, CauseBasis.ASSUMPTION),
        (torget.id, "Ingen vuxennärvaro kvällstid", Dimension.PLACE, CauseBasis.DATA),
        (torget.id, "Fritidsgården stänger kl. 21", Dimension.OFFENDER, CauseBasis.UNSAID),
        (hagen.id, "Olåsta cykelrum", Dimension.PLACE, CauseBasis.UNSAID)]
    seen, adults, youth, locks = (c.id for c in causes)
    assert [(m.text, m.observation_id, m.cause_ids, m.type, m.level, m.method, m.due,
             m.confidential) for m in lagesbild.measures(ws, meeting_id)] == [
        ("Belysning i gångtunneln", tunnel.id, [dark_id, seen], MeasureType.SITUATIONAL,
         PreventionLevel.UNIVERSAL, ProvenMethod.YES, date(2026, 11, 30), False),
        ("Nattvandring fredagar", torget.id, [adults, youth], MeasureType.SOCIAL,
         PreventionLevel.SELECTIVE, ProvenMethod.NO, date(2026, 11, 27), False),
        ("Information till föräldrar", torget.id, [], MeasureType.SOCIAL,
         PreventionLevel.INDICATED, ProvenMethod.UNKNOWN, date(2026, 12, 4), False),
        ("Byta lås till cykelrummen", hagen.id, [locks], MeasureType.SITUATIONAL,
         PreventionLevel.UNSAID, ProvenMethod.UNKNOWN, date(2026, 11, 30), True),
        ("Se över skyltningen", None, [], MeasureType.SITUATIONAL, PreventionLevel.UNSAID,
         ProvenMethod.UNKNOWN, date(2026, 11, 15), False)]


def _under(doc: Filed, line: str, count: int) -> list[str]:
    at = doc.lines.index(line)
    return doc.lines[at + 1:at + 1 + count]


def check_internal(doc: Filed) -> None:
    situation = doc.section("§ 7 ")
    assert "Plats/situation: Syns från tåget (antagande)" in situation
    assert "Plats/situation: Ingen vuxennärvaro kvällstid (stöds av data)" in situation
    assert "Gärningsperson: Fritidsgården stänger kl. 21" in situation
    assert _under(doc, "Åtgärd 1: Belysning i gångtunneln (Ansvarig: Mats Ek, Teknisk "
                       "förvaltning, klart senast 2026-11-30)", 2) == [
        "Riktas mot orsakerna: Mörk gångtunnel; Syns från tåget",
        "Typ: situationell · Nivå: universell · Beprövad/utvärderad metod: ja"]
    assert _under(doc, "Åtgärd 2: Nattvandring fredagar (Ansvarig: Sara Holm, "
                       "Folkhälsoenheten, klart senast 2026-11-27)", 2) == [
        "Riktas mot orsakerna: Ingen vuxennärvaro kvällstid; Fritidsgården stänger kl. 21",
        "Typ: social · Nivå: selektiv · Beprövad/utvärderad metod: nej"]
    # Against no cause in particular: its kind only, then the next measure.
    assert _under(doc, "Åtgärd 3: Information till föräldrar (Ansvarig: Sara Holm, klart "
                       "senast 2026-12-04)", 2) == [
        "Typ: social · Nivå: indikerad · Beprövad/utvärderad metod: vet ej",
        "Iakttagelse 3: Hagen – Cykelrum – Narkotika (misstänkt handel/bruk) SEKRETESS"]
    assert _under(doc, "Åtgärd 4: Byta lås till cykelrummen (Ansvarig: Lars Ågren, "
                       "Herrljungabostäder, klart senast 2026-11-30) SEKRETESS", 1) == [
        "Riktas mot orsaken: Olåsta cykelrum"]
    assert doc.table_under("§ 9 ") == [
        ["Nr", "Åtgärd", "Ansvarig", "Klart senast", "Status"],
        ["1", "Belysning i gångtunneln / Riktas mot orsakerna: Mörk gångtunnel; Syns från "
              "tåget / Typ: situationell · Nivå: universell · Beprövad/utvärderad metod: ja",
         "Mats Ek, Teknisk förvaltning", "2026-11-30", "ej påbörjad"],
        ["2", "Nattvandring fredagar / Riktas mot orsakerna: Ingen vuxennärvaro kvällstid; "
              "Fritidsgården stänger kl. 21 / Typ: social · Nivå: selektiv · "
              "Beprövad/utvärderad metod: nej", "Sara Holm, Folkhälsoenheten", "2026-11-27",
         "ej påbörjad"],
        ["3", "Information till föräldrar / Typ: social · Nivå: indikerad · "
              "Beprövad/utvärderad metod: vet ej", "Sara Holm", "2026-12-04", "ej påbörjad"],
        ["4", "Byta lås till cykelrummen / Riktas mot orsaken: Olåsta cykelrum / Typ: "
              "situationell · Beprövad/utvärderad metod: vet ej / SEKRETESS",
         "Lars Ågren, Herrljungabostäder", "2026-11-30", "ej påbörjad"],
        ["5", "Se över skyltningen / Typ: situationell · Beprövad/utvärderad metod: vet ej",
         "Mats Ek", "2026-11-15", "ej påbörjad"],
    ]
    assert awkward(doc.text) == []


def check_public(doc: Filed) -> None:
    assert [word for word in SECRET if word in doc.text] == []
    assert "Riktas mot orsakerna: Mörk gångtunnel; Syns från tåget" in doc.lines
    assert [row[0] for row in doc.table_under("§ 9 ")] == ["Nr", "1", "2", "3", "5"]
    assert "Åtgärd 4 omfattas av sekretess och redovisas inte." in doc.section("§ 9 ")
    assert awkward(doc.text) == []
