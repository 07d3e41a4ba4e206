"""What a measure addresses and what kind of prevention it is, in the minutes (issue 15 §2): in
Word and Markdown, under each measure and in the action plan, which causes, type, level and
tested method, and a cause's basis; in English too. The public minutes leave out a confidential
problem's cause with its measure, and are refused for a personnummer in a cause a measure
addresses, even one recorded a meeting earlier."""

# The recorded meeting is a fixture imported below; pytest passes it by name, which ruff reads
# as a redefinition.
# ruff: noqa: F811

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from meetingtui.export.minutes import PersonalDataFound, export_minutes
from meetingtui.model import (
    CauseBasis,
    MeasureType,
    Observation,
    PreventionLevel,
    ProvenMethod,
)
from meetingtui.services import lagesbild, meetings
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.export.measure_knowledge_data import (  # noqa: F401 - recorded is a fixture
    SECRET,
    Recorded,
    _cause,
    _measure,
    _meeting,
    _minutes,
    recorded,
)
from tests.scenarios.helpers import Filed


def _after(lines: list[str], start: str, count: int) -> list[str]:
    return lines[lines.index(start):][:count]


KNOW_BELYSNING = "Typ: situationell · Nivå: universell · Beprövad/utvärderad metod: ja"
KNOW_NATT = "Typ: social · Nivå: selektiv · Beprövad/utvärderad metod: nej"
KNOW_INFO = "Typ: social · Beprövad/utvärderad metod: vet ej"


# --- the minutes -------------------------------------------------------------------------------

def test_word_minutes_say_under_each_measure_what_it_addresses_and_what_kind_it_is(
        recorded: Recorded) -> None:
    doc = Filed(_minutes(recorded, "docx", public=False))
    assert _after(doc.lines, "Iakttagelse 1: Gångtunneln – Klotter", 6) == [
        "Iakttagelse 1: Gångtunneln – Klotter",
        "Orsaker", "Plats/situation: Syns från tåget (antagande)",
        "Åtgärder",
        "Åtgärd 1: Belysning i tunneln (Ansvarig: Mats Ek, klart senast 2026-11-30)",
        # September's cause too: the problem's, found at its first appearance.
        "Riktas mot orsakerna: Mörk gångtunnel; Syns från tåget"]
    assert _after(doc.lines, "Åtgärd 1: Belysning i tunneln (Ansvarig: Mats Ek, klart senast "
                             "2026-11-30)", 3)[2] == KNOW_BELYSNING
    assert _after(doc.lines, "Iakttagelse 2: Centrum – Torget – Otrygghet", 9) == [
        "Iakttagelse 2: Centrum – Torget – Otrygghet",
        "Orsaker", "Plats/situation: Ingen vuxennärvaro kvällstid (stöds av data)",
        "Gärningsperson: Fritidsgården stänger kl. 21",
        "Åtgärder",
        "Åtgärd 2: Nattvandring fredagar (Ansvarig: Sara Holm, klart senast 2026-11-30)",
        "Riktas mot orsakerna: Ingen vuxennärvaro kvällstid; Fritidsgården stänger kl. 21",
        KNOW_NATT,
        "Åtgärd 3: Information till föräldrar (Ansvarig: Sara Holm, klart senast 2026-11-30)"]
    assert _after(doc.lines, "Åtgärd 3: Information till föräldrar (Ansvarig: Sara Holm, klart "
                             "senast 2026-11-30)", 2)[1] == KNOW_INFO
    assert _after(doc.lines, "Åtgärd 4: Byta lås i Hagen (Ansvarig: Lars Ågren-Hemlig, klart "
                             "senast 2026-11-30) SEKRETESS", 3)[1:] == [
        "Riktas mot orsaken: Olåsta cykelrum i Hagen",
        "Typ: situationell · Nivå: indikerad · Beprövad/utvärderad metod: ja"]
    plan = doc.tables[-1]
    assert plan[0] == ["Nr", "Åtgärd", "Ansvarig", "Klart senast", "Status"]
    assert [row[1] for row in plan[1:]] == [
        f"Belysning i tunneln / Riktas mot orsakerna: Mörk gångtunnel; Syns från tåget / "
        f"{KNOW_BELYSNING}",
        "Nattvandring fredagar / Riktas mot orsakerna: Ingen vuxennärvaro kvällstid; "
        f"Fritidsgården stänger kl. 21 / {KNOW_NATT}",
        f"Information till föräldrar / {KNOW_INFO}",
        "Byta lås i Hagen / Riktas mot orsaken: Olåsta cykelrum i Hagen / Typ: situationell · "
        "Nivå: indikerad · Beprövad/utvärderad metod: ja / SEKRETESS",
        "Se över skyltningen / Typ: situationell · Beprövad/utvärderad metod: vet ej"]


def test_public_word_minutes_leave_the_confidential_cause_out(recorded: Recorded) -> None:
    path = _minutes(recorded, "docx", public=True)
    with zipfile.ZipFile(path) as package:
        whole = "".join(package.read(name).decode("utf-8") for name in package.namelist()
                        if name.endswith(".xml"))
    assert [text for text in SECRET if text in whole] == []
    doc = Filed(path)
    assert "Riktas mot orsakerna: Mörk gångtunnel; Syns från tåget" in doc.lines
    assert [row[0] for row in doc.tables[-1]] == ["Nr", "1", "2", "3", "5"]
    assert "Åtgärd 4 omfattas av sekretess och redovisas inte." in doc.lines


def test_markdown_minutes_say_the_same(recorded: Recorded) -> None:
    text = _minutes(recorded, "md", public=False).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert _after(lines, "- Åtgärd 2: Nattvandring fredagar (Ansvarig: Sara Holm, klart "
                         "senast 2026-11-30)", 5) == [
        "- Åtgärd 2: Nattvandring fredagar (Ansvarig: Sara Holm, klart senast 2026-11-30)",
        "  - Riktas mot orsakerna: Ingen vuxennärvaro kvällstid; Fritidsgården stänger kl. 21",
        f"  - {KNOW_NATT}",
        "- Åtgärd 3: Information till föräldrar (Ansvarig: Sara Holm, klart senast 2026-11-30)",
        f"  - {KNOW_INFO}"]
    assert "- Plats/situation: Ingen vuxennärvaro kvällstid (stöds av data)" in lines
    assert "- Gärningsperson: Fritidsgården stänger kl. 21" in lines
    head = lines.index("| Nr | Åtgärd | Orsaker | Typ | Nivå | Beprövad/utvärderad metod | "
                       "Ansvarig | Klart senast | Status |")
    assert lines[head + 2:head + 7] == [
        "| 1 | Belysning i tunneln | Mörk gångtunnel; Syns från tåget | situationell | "
        "universell | ja | Mats Ek | 2026-11-30 | ej påbörjad |",
        "| 2 | Nattvandring fredagar | Ingen vuxennärvaro kvällstid; Fritidsgården stänger kl. "
        "21 | social | selektiv | nej | Sara Holm | 2026-11-30 | ej påbörjad |",
        "| 3 | Information till föräldrar |  | social |  | vet ej | Sara Holm | 2026-11-30 | "
        "ej påbörjad |",
        "| 4 | Byta lås i Hagen **SEKRETESS** | Olåsta cykelrum i Hagen | situationell | "
        "indikerad | ja | Lars Ågren-Hemlig | 2026-11-30 | ej påbörjad |",
        "| 5 | Se över skyltningen |  | situationell |  | vet ej | Mats Ek | 2026-11-30 | "
        "ej påbörjad |"]
    public = _minutes(recorded, "md", public=True).read_text(encoding="utf-8")
    assert [secret for secret in SECRET if secret in public] == []
    assert "Mörk gångtunnel; Syns från tåget" in public


def test_english_minutes_use_english_words() -> None:
    from meetingtui.export.minutes.markdown import build_minutes_md
    from meetingtui.model import Language
    from tests.export_fixtures import MUNICIPALITY, est_record

    record = est_record(language=Language.EN)
    cause = record.observations[0].causes[0].model_copy(update={"basis": CauseBasis.DATA})
    first = record.measures[0].model_copy(update={
        "cause_ids": [cause.id], "level": PreventionLevel.SELECTIVE,
        "method": ProvenMethod.UNKNOWN})
    record = record.model_copy(update={
        "measures": [first, *record.measures[1:]], "addressed": {cause.id: cause},
        "observations": [record.observations[0].model_copy(update={
            "causes": [cause], "measures": [first]}), *record.observations[1:]]})
    text = build_minutes_md(record, public=False, municipality=MUNICIPALITY)
    assert "  - Addresses the cause: Dålig insyn efter kl. 20" in text
    assert ("  - Type: situational · Level: selective · Tested or evaluated method: unknown"
            in text)
    assert "- Place/situation: Dålig insyn efter kl. 20 (supported by data)" in text


# --- personnummer ------------------------------------------------------------------------------

def test_a_personnummer_in_a_cause_from_an_earlier_meeting_stops_the_public_minutes(
        ws: Workspace, clock: Clock, tmp_path: Path) -> None:
    """The cause stands in the minutes only beside the measure that addresses it (it was
    recorded a meeting earlier): that place is checked too."""
    september = _meeting(ws, clock, date(2026, 9, 9))
    tunnel = lagesbild.save_observation(ws, Observation(
        meeting_id=september, area="Gångtunneln", description="Klotter"))
    named = _cause(ws, tunnel, "Anmäld av 811218-9876", CauseBasis.DATA)
    meetings.close_meeting(ws, september)
    october = _meeting(ws, clock, date(2026, 10, 14))
    [again] = lagesbild.observations(ws, october)
    _measure(ws, october, again, "Sanera", [named], MeasureType.SITUATIONAL,
             PreventionLevel.UNSAID, ProvenMethod.UNKNOWN)
    with pytest.raises(PersonalDataFound) as refused:
        export_minutes(ws, october, public=True, path=tmp_path / "public.docx")
    assert "åtgärd 1, orsak 1" in str(refused.value) and "811218-****" in str(refused.value)
    assert "9876" not in str(refused.value) and not (tmp_path / "public.docx").exists()
