"""What a measure addresses and what kind of prevention it is, in the action lists (issue 15 §2):
type, level, tested method and causes in the table, CSV, JSON, Markdown, Word and calendar; every
stored value has its words; the Word columns fit their longest words. The public lists leave out
a confidential problem's cause, and are refused for a personnummer in a cause; a cause that looks
like a formula stays text; a removed cause leaves the lists and the minutes."""

# The recorded meeting is a fixture imported below; pytest passes it by name, which ruff reads
# as a redefinition.
# ruff: noqa: F811

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from icalendar import Calendar

from meetingtui.cli import main
from meetingtui.model import (
    CauseBasis,
    MeasureType,
    Observation,
    PreventionLevel,
    ProvenMethod,
)
from meetingtui.services import lagesbild
from meetingtui.services.workspace import Workspace
from tests.cli_helpers import one_line_error
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
    assert list(rows[0])[-6:] == ["Typ", "Nivå", "Beprövad metod", "Orsaker", "Förslag till",
                                  "Beslutat av"]
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
