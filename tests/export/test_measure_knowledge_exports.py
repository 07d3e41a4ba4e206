"""What a measure addresses and what kind of prevention it is, in every output (issue 15 §2): the
minutes in Word and Markdown (which causes, type, level, tested method; a cause's basis), and the
action lists as table, CSV, JSON, Markdown, Word and calendar. Public outputs leave out a
confidential problem's causes with its measures, and are refused for a personnummer in a cause
a measure addresses, as for any text they would show."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from icalendar import Calendar

from meetingtui.cli import main
from meetingtui.export.minutes import PersonalDataFound, export_minutes
from meetingtui.model import (
    Cause,
    CauseBasis,
    Dimension,
    Measure,
    MeasureType,
    Observation,
    PreventionLevel,
    ProvenMethod,
)
from meetingtui.services import groups, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from tests.cli_helpers import one_line_error
from tests.conftest import Clock
from tests.scenarios.helpers import Filed

SECRET = ["Cykelrummet i Hagen", "Olåsta cykelrum i Hagen", "Byta lås i Hagen",
          "Lars Ågren-Hemlig"]


@dataclass(frozen=True)
class Recorded:
    ws: Workspace
    meeting: int
    folder: Path


def _meeting(ws: Workspace, clock: Clock, day: date) -> int:
    groups.ensure_groups(ws)
    group = groups.find_group(ws, "EST")
    assert group is not None and group.id is not None
    clock.now = datetime.combine(day, time(9, 0))
    meeting = meetings.plan_meeting(ws, group.id, day, place="Kommunhuset")
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return meeting.id


def _cause(ws: Workspace, observation: Observation, text: str, basis: CauseBasis,
           dimension: Dimension = Dimension.PLACE) -> Cause:
    assert observation.id is not None
    return lagesbild.save_cause(ws, Cause(observation_id=observation.id, text=text, basis=basis,
                                          dimension=dimension))


def _measure(ws: Workspace, meeting: int, observation: Observation | None, text: str,
             causes: list[Cause], kind: MeasureType, level: PreventionLevel,
             method: ProvenMethod, owner: str = "Sara Holm") -> Measure:
    return lagesbild.save_measure(ws, Measure(
        meeting_id=meeting, text=text, owner=owner, due=date(2026, 11, 30),
        observation_id=observation.id if observation else None,
        cause_ids=[c.id for c in causes if c.id is not None], type=kind, level=level,
        method=method))


def record(ws: Workspace, clock: Clock, folder: Path) -> Recorded:
    """September: the tunnel and its dark; October (another day than today): the tunnel again
    with a cause of its own, Torget with two causes and two measures (one against both, one
    against none), Hagen in confidence, and one measure decided in the action plan."""
    september = _meeting(ws, clock, date(2026, 9, 9))
    tunnel = lagesbild.save_observation(ws, Observation(
        meeting_id=september, area="Gångtunneln", category="Klotter",
        description="Klotter i gångtunneln"))
    dark = _cause(ws, tunnel, "Mörk gångtunnel", CauseBasis.DATA)
    meetings.close_meeting(ws, september)
    october = _meeting(ws, clock, date(2026, 10, 14))
    clock.now = datetime(2026, 10, 15, 9, 0)
    [again] = lagesbild.observations(ws, october)
    seen = _cause(ws, again, "Syns från tåget", CauseBasis.ASSUMPTION)
    _measure(ws, october, again, "Belysning i tunneln", [dark, seen], MeasureType.SITUATIONAL,
             PreventionLevel.UNIVERSAL, ProvenMethod.YES, owner="Mats Ek")
    torget = lagesbild.save_observation(ws, Observation(
        meeting_id=october, area="Centrum", place_detail="Torget", category="Otrygghet",
        description="Ungdomar samlas fredagskvällar"))
    adults = _cause(ws, torget, "Ingen vuxennärvaro kvällstid", CauseBasis.DATA)
    youth = _cause(ws, torget, "Fritidsgården stänger kl. 21", CauseBasis.UNSAID,
                   Dimension.OFFENDER)
    _measure(ws, october, torget, "Nattvandring fredagar", [adults, youth], MeasureType.SOCIAL,
             PreventionLevel.SELECTIVE, ProvenMethod.NO)
    _measure(ws, october, torget, "Information till föräldrar", [], MeasureType.SOCIAL,
             PreventionLevel.UNSAID, ProvenMethod.UNKNOWN)
    hagen = lagesbild.save_observation(ws, Observation(
        meeting_id=october, area="Cykelrummet i Hagen", category="Narkotika",
        description="Misstänkt försäljning", confidential=True))
    locks = _cause(ws, hagen, "Olåsta cykelrum i Hagen", CauseBasis.DATA)
    _measure(ws, october, hagen, "Byta lås i Hagen", [locks], MeasureType.SITUATIONAL,
             PreventionLevel.INDICATED, ProvenMethod.YES, owner="Lars Ågren-Hemlig")
    _measure(ws, october, None, "Se över skyltningen", [], MeasureType.SITUATIONAL,
             PreventionLevel.UNSAID, ProvenMethod.UNKNOWN, owner="Mats Ek")
    return Recorded(ws, october, folder)


@pytest.fixture
def recorded(ws: Workspace, clock: Clock, tmp_path: Path) -> Recorded:
    return record(ws, clock, tmp_path / "out")


def _minutes(rec: Recorded, fmt: str, public: bool) -> Path:
    name = f"{'public' if public else 'internal'}.{fmt}"
    return export_minutes(rec.ws, rec.meeting, public=public, fmt=fmt,  # type: ignore[arg-type]
                          path=rec.folder / name).path


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


# --- the action lists --------------------------------------------------------------------------

def _actions(rec: Recorded, fmt: str, *extra: str) -> tuple[int, bytes, str]:
    args = ["--db", str(rec.ws.locations.db), "--agendas", str(rec.ws.locations.agendas),
            "actions", "--status", "all", "--format", fmt, *extra]
    target = rec.folder / f"actions-{fmt}-{len(extra)}.{fmt}"
    if fmt != "table":
        args += ["-o", str(target)]
    result = CliRunner().invoke(main, args, catch_exceptions=False, env={"COLUMNS": "120"})
    data = (target.read_bytes() if fmt != "table" and target.exists()
            else result.stdout.encode("utf-8"))
    return result.exit_code, data, result.stderr


BELYSNING = {"type": "situational", "level": "universal", "method": "yes",
             "causes": ["Mörk gångtunnel", "Syns från tåget"]}
NATT = {"type": "social", "level": "selective", "method": "no",
        "causes": ["Ingen vuxennärvaro kvällstid", "Fritidsgården stänger kl. 21"]}
INFO = {"type": "social", "level": "", "method": "unknown", "causes": []}


def test_json_has_type_level_method_and_causes(recorded: Recorded) -> None:
    code, data, _ = _actions(recorded, "json")
    assert code == 0
    objects = {obj["text"]: obj for obj in json.loads(data)}
    for text, expected in (("Belysning i tunneln", BELYSNING), ("Nattvandring fredagar", NATT),
                           ("Information till föräldrar", INFO)):
        assert {key: objects[text][key] for key in expected} == expected, text
    assert objects["Byta lås i Hagen"]["causes"] == ["Olåsta cykelrum i Hagen"]
    code, data, _ = _actions(recorded, "json", "--public")
    assert code == 0 and [s for s in SECRET if s in data.decode("utf-8")] == []


def test_csv_has_them_in_swedish_beside_the_other_columns(recorded: Recorded) -> None:
    code, data, _ = _actions(recorded, "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                               delimiter=";"))
    assert list(rows[0])[-5:] == ["Typ", "Nivå", "Beprövad metod", "Orsaker", "Förslag till"]
    by_text = {row["Åtgärd"]: row for row in rows}
    assert [by_text["Belysning i tunneln"][k] for k in ("Typ", "Nivå", "Beprövad metod",
                                                         "Orsaker")] == [
        "situationell", "universell", "ja", "Mörk gångtunnel; Syns från tåget"]
    assert [by_text["Information till föräldrar"][k] for k in (
        "Typ", "Nivå", "Beprövad metod", "Orsaker")] == ["social", "", "vet ej", ""]


def test_markdown_docx_ics_and_table_say_them_too(recorded: Recorded) -> None:
    code, data, _ = _actions(recorded, "md")
    assert code == 0
    md = data.decode("utf-8")
    assert ("| Nr | Åtgärd | Typ | Nivå | Beprövad metod | Orsaker | Grupp | Möte | "
            "Klart senast | Status |") in md
    assert ("| Nattvandring fredagar | social | selektiv | nej | Ingen vuxennärvaro kvällstid; "
            "Fritidsgården stänger kl. 21 | EST | 2026-10-14 |") in md

    code, data, _ = _actions(recorded, "docx")
    assert code == 0
    cells = {row.cells[1].paragraphs[0].text: [p.text for p in row.cells[1].paragraphs]
             for table in docx.Document(io.BytesIO(data)).tables for row in table.rows[1:]}
    assert cells["Belysning i tunneln"] == [
        "Belysning i tunneln", "situationell, universell · beprövad metod: ja",
        "Orsaker: Mörk gångtunnel; Syns från tåget"]
    assert cells["Information till föräldrar"] == [
        "Information till föräldrar", "social · beprövad metod: vet ej"]

    code, data, _ = _actions(recorded, "ics")
    assert code == 0
    descriptions = {str(event["summary"]): str(event["description"])
                    for event in Calendar.from_ical(data).walk("VEVENT")}
    assert descriptions["EST: Nattvandring fredagar"].splitlines()[4:6] == [
        "Typ: social, selektiv · beprövad metod: nej",
        "Orsaker: Ingen vuxennärvaro kvällstid; Fritidsgården stänger kl. 21"]

    code, data, _ = _actions(recorded, "table")
    assert code == 0
    table = data.decode("utf-8")
    assert "situationell, universell · beprövad metod: ja" in table
    assert "Orsak: Olåsta cykelrum i Hagen" in table
    assert "Orsaker: Mörk gångtunnel; Syns från tåget" in table


@pytest.mark.parametrize("fmt", ["table", "csv", "md", "json", "ics", "docx"])
def test_public_lists_leave_a_confidential_problem_s_cause_out(recorded: Recorded,
                                                               fmt: str) -> None:
    code, data, _ = _actions(recorded, fmt, "--public")
    assert code == 0
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            whole = "".join(package.read(name).decode("utf-8") for name in package.namelist()
                            if name.endswith(".xml"))
    else:
        whole = data.decode("utf-8")
    assert [s for s in SECRET if s in whole] == []
    assert "Mörk gångtunnel" in whole or fmt == "ics"  # ics: folded lines


def _against(ws: Workspace, clock: Clock, cause: str) -> int:
    """A meeting whose one measure addresses one cause, with these words."""
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    torget = lagesbild.save_observation(ws, Observation(
        meeting_id=meeting, area="Torget", description="Bråk"))
    _measure(ws, meeting, torget, "Vakter", [_cause(ws, torget, cause, CauseBasis.UNSAID)],
             MeasureType.SITUATIONAL, PreventionLevel.UNSAID, ProvenMethod.UNKNOWN)
    return meeting


def test_a_cause_that_looks_like_a_formula_stays_text_in_excel(ws: Workspace, clock: Clock,
                                                               tmp_path: Path) -> None:
    meeting = _against(ws, clock, "=HYPERLINK(\"x\") fel")
    code, data, _ = _actions(Recorded(ws, meeting, tmp_path), "csv")
    assert code == 0
    [row] = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                                delimiter=";"))
    assert row["Orsaker"] == "'=HYPERLINK(\"x\") fel"


def test_a_personnummer_in_a_cause_stops_the_public_list(ws: Workspace, clock: Clock,
                                                         tmp_path: Path) -> None:
    meeting = _against(ws, clock, "Anmälan från 811218-9876")
    message = one_line_error(CliRunner().invoke(main, [
        "--db", str(ws.locations.db), "actions", "--status", "all", "--public", "--format",
        "json", "-o", str(tmp_path / "public.json")], catch_exceptions=False))
    assert "cause 1: 811218-**** (personnummer)" in message and "9876" not in message
    assert not (tmp_path / "public.json").exists()
    code, data, _ = _actions(Recorded(ws, meeting, tmp_path), "json", "--public",
                             "--allow-personal-data")
    assert code == 0 and "811218-9876" in data.decode("utf-8")


def test_every_stored_value_has_its_swedish_word_and_label() -> None:
    """The action lists spell the stored values out without pydantic; the UI and the minutes
    have a word for each."""
    from meetingtui.export.actions.common import LEVEL_WORDS, METHOD_WORDS, TYPE_WORDS
    from meetingtui.export.minutes.labels import EN, SV
    from meetingtui.i18n import catalogue

    assert set(TYPE_WORDS) == {v.value for v in MeasureType}
    assert set(LEVEL_WORDS) == {v.value for v in PreventionLevel}
    assert set(METHOD_WORDS) == {v.value for v in ProvenMethod}
    for enum in (MeasureType, PreventionLevel, ProvenMethod, CauseBasis):
        for value in enum:
            for lang in ("sv", "en"):
                assert f"enum.{enum.__name__}.{value.value}" in catalogue(lang)
            if value.value:  # "" (not said) is never written in the minutes
                assert f"{enum.__name__}.{value.value}" in SV
                assert f"{enum.__name__}.{value.value}" in EN


def test_word_action_list_columns_hold_their_longest_words() -> None:
    """No word broken in the middle: a long group name and "Klart senast" fit their columns."""
    from meetingtui.export.actions.word import build_docx
    from meetingtui.export.word.column_widths import longest_word_cm
    from meetingtui.export.word.layout import TABLE_FONT_SIZE
    from meetingtui.services.actions import ActionFilters, ActionList, ActionRow

    row = ActionRow(id=1234, text="Räddningstjänstförbundet bjuds in", owner="Anna Berg",
                    owner_org="", due=date(2026, 12, 1), status="in_progress", overdue=True,
                    group_id=1, group_short="Styrgruppen", group_name="Styrgrupp",
                    meeting_id=1, meeting_date=date(2026, 11, 10), causes=("Mörkt",))
    document = build_docx(ActionList([row], date(2026, 12, 2), "Exempelkommun",
                                     ActionFilters(status="all")))
    [table] = document.tables
    size = TABLE_FONT_SIZE.pt
    margins = 2 * 108 / 1440 * 2.54  # the table style's cell margins, left and right
    head, *body = [[cell.text for cell in r.cells] for r in table.rows]
    for index, column in enumerate(table.columns):
        # The heading is bold, and so is "Försenad" in the status column.
        need = max(longest_word_cm([r[index] for r in body], size,
                                   bold=index == len(head) - 1),
                   longest_word_cm([head[index]], size, bold=True)) + margins
        assert need <= column.width.cm, (head[index], need, column.width.cm)


def test_a_removed_cause_leaves_the_lists_and_the_minutes(recorded: Recorded) -> None:
    ws = recorded.ws
    [seen] = [c for c in lagesbild.causes(ws, recorded.meeting) if c.text == "Syns från tåget"]
    lagesbild.remove_cause(ws, seen)
    code, data, _ = _actions(recorded, "json")
    assert code == 0
    objects = {obj["text"]: obj for obj in json.loads(data)}
    assert objects["Belysning i tunneln"]["causes"] == ["Mörk gångtunnel"]
    doc = Filed(_minutes(recorded, "docx", public=False))
    assert "Riktas mot orsaken: Mörk gångtunnel" in doc.lines
    assert not any("Syns från tåget" in line for line in doc.lines)
