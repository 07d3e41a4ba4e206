"""Confidential content through every exporter, from the database outwards.

A confidential observation, its causes and measures (which inherit it), an observation marked
confidential after its measure was recorded, a confidential agenda item, and the follow-up of
those measures at the next meeting are all recorded through the services. The internal minutes
(docx and md) show each of them marked SEKRETESS; the public minutes leave out every trace:
text, area, place, source, owner, organisation, comment. The action lists, in every format,
mark the confidential measures in the internal list and leave them out of the public one.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from icalendar import Calendar

from meetingtui.cli import main
from meetingtui.export.minutes import export_minutes
from meetingtui.model import (
    Cause,
    Dimension,
    Measure,
    MeasureStatus,
    Observation,
)
from meetingtui.paths import resolve
from meetingtui.services import followup, lagesbild, meetings
from meetingtui.services.workspace import Workspace, open_workspace
from tests.conftest import TEST_TEMPLATE, Clock
from tests.export.confidential_data import (
    CAUSE_TEXT,
    FOLLOWUP_COMMENT,
    ITEM_DECISION,
    ITEM_NOTES,
    LATE_AREA,
    LATE_MEASURE,
    LATE_OWNER,
    LATE_TEXT,
    MEASURE_ORG,
    MEASURE_OWNER,
    MEASURE_TEXT,
    OBS_AREA,
    OBS_PLACE,
    OBS_SOURCE,
    OBS_TEXT,
    _meeting,
)

MARK = "SEKRETESS"

SECRETS_OF_FIRST = [OBS_AREA, OBS_PLACE, OBS_TEXT, OBS_SOURCE, CAUSE_TEXT, MEASURE_TEXT,
                    MEASURE_OWNER, MEASURE_ORG, LATE_AREA, LATE_TEXT, LATE_MEASURE, LATE_OWNER,
                    ITEM_NOTES, ITEM_DECISION]
SECRETS_OF_SECOND = [OBS_AREA, OBS_PLACE, OBS_TEXT, OBS_SOURCE, MEASURE_TEXT, MEASURE_OWNER,
                     MEASURE_ORG, LATE_AREA, LATE_TEXT, LATE_MEASURE, LATE_OWNER,
                     FOLLOWUP_COMMENT]
PUBLIC_OF_FIRST = ["Centrum", "Klotter vid torget", "Sanera klotter", "Per Holm",
                   "Mötets öppnande"]
PUBLIC_OF_SECOND = ["Sanera klotter", "Per Holm", "Saneringen är klar"]


@dataclass(frozen=True)
class Scenario:
    ws: Workspace
    first: int
    second: int
    folder: Path


def _record_first(ws: Workspace, first: int) -> None:
    public = lagesbild.save_observation(ws, Observation(
        meeting_id=first, area="Centrum", description="Klotter vid torget"))
    lagesbild.save_measure(ws, Measure(
        meeting_id=first, text="Sanera klotter", owner="Per Holm", due=date(2026, 10, 30),
        observation_id=public.id))
    secret = lagesbild.save_observation(ws, Observation(
        meeting_id=first, area=OBS_AREA, place_detail=OBS_PLACE, category="Narkotika",
        description=OBS_TEXT, source=OBS_SOURCE, confidential=True))
    assert secret.id is not None
    cause = lagesbild.save_cause(ws, Cause(observation_id=secret.id, text=CAUSE_TEXT,
                                           dimension=Dimension.OFFENDER))
    # Not marked confidential here: it inherits it from its observation.
    lagesbild.save_measure(ws, Measure(
        meeting_id=first, text=MEASURE_TEXT, owner=MEASURE_OWNER, owner_org=MEASURE_ORG,
        due=date(2026, 11, 30), observation_id=secret.id, cause_id=cause.id))
    # Recorded in the open, then found to be confidential when the group heard more.
    late = lagesbild.save_observation(ws, Observation(
        meeting_id=first, area=LATE_AREA, description=LATE_TEXT))
    lagesbild.save_measure(ws, Measure(
        meeting_id=first, text=LATE_MEASURE, owner=LATE_OWNER, due=date(2026, 11, 30),
        observation_id=late.id))
    assert late.id is not None
    lagesbild.set_confidential(ws, late.id, True)
    item = next(i for i in meetings.items(ws, first) if i.title == "Mötets öppnande")
    assert item.id is not None
    meetings.edit_item(ws, item.id, notes="Ordföranden öppnade mötet.")
    police = meetings.items(ws, first)[-1]  # "Nästa möte" stands in for a police briefing
    assert police.id is not None
    meetings.edit_item(ws, police.id, notes=ITEM_NOTES, decision=ITEM_DECISION,
                       confidential=True)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    root = tmp_path_factory.mktemp("confidential")
    agendas = root / "agendas"
    agendas.mkdir()
    (agendas / "est.md").write_text(TEST_TEMPLATE, encoding="utf-8")
    clock = Clock(datetime(2026, 10, 13, 9, 0))
    ws = open_workspace(resolve(db=root / "test.db", agendas=agendas, exports=root / "exports"),
                        clock=clock)
    first = _meeting(ws, clock, date(2026, 10, 13))
    _record_first(ws, first)
    meetings.close_meeting(ws, first)
    second = _meeting(ws, clock, date(2026, 11, 10))
    for f in followup.followups(ws, second):
        assert f.measure.id is not None
        if f.measure.text == MEASURE_TEXT:
            followup.record_update(ws, f.measure.id, MeasureStatus.IN_PROGRESS,
                                   FOLLOWUP_COMMENT, meeting_id=second)
        elif f.measure.text == "Sanera klotter":
            followup.record_update(ws, f.measure.id, MeasureStatus.DONE, "Saneringen är klar",
                                   meeting_id=second)
    yield Scenario(ws, first, second, root / "out")
    ws.close()


# --- reading the files back ----------------------------------------------------------------------

def _docx_blocks(data: bytes) -> list[str]:
    """The body in order: each paragraph, and each table row as its cells joined by " | "."""
    document = docx.Document(io.BytesIO(data))
    blocks: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)
            style = paragraph.style.name if paragraph.style is not None else ""
            blocks.append(("# " if style.startswith(("Heading", "Title")) else "")
                          + paragraph.text)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                blocks.append(" | ".join(cell.text for cell in row.cells))
    return blocks


def _package_text(data: bytes) -> str:
    """Every XML part of the docx (body, headers, footers, properties), tags and all."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "".join(package.read(name).decode("utf-8") for name in package.namelist()
                       if name.endswith((".xml", ".rels")))


def _export(sc: Scenario, meeting_id: int, fmt: str, public: bool) -> tuple[list[str], str]:
    """(blocks in reading order, the whole file as text) of one export written to disk."""
    name = f"{meeting_id}-{'public' if public else 'internal'}.{fmt}"
    path = export_minutes(sc.ws, meeting_id, public=public, fmt=fmt,  # type: ignore[arg-type]
                          path=sc.folder / name, force=True).path
    data = path.read_bytes()
    if fmt == "docx":
        return _docx_blocks(data), _package_text(data)
    text = data.decode("utf-8")
    blocks = [("# " if line.startswith("#") else "") + line for line in text.splitlines()]
    return blocks, text


def _marked(blocks: list[str], secret: str) -> bool:
    """True when every block showing ``secret`` carries the mark, or stands under a heading that
    does (causes are listed under their observation's heading)."""
    found = False
    heading = ""
    for block in blocks:
        if block.startswith("# "):
            heading = block
        if secret in block:
            found = True
            if MARK not in block and MARK not in heading:
                return False
    return found


MEETINGS = {"first": (SECRETS_OF_FIRST, PUBLIC_OF_FIRST),
            "second": (SECRETS_OF_SECOND, PUBLIC_OF_SECOND)}


@pytest.mark.parametrize("fmt", ["docx", "md"])
@pytest.mark.parametrize("which", ["first", "second"])
def test_internal_minutes_show_every_confidential_part_marked(scenario: Scenario, fmt: str,
                                                              which: str) -> None:
    secrets, public = MEETINGS[which]
    meeting_id = scenario.first if which == "first" else scenario.second
    blocks, _ = _export(scenario, meeting_id, fmt, public=False)
    unmarked = [secret for secret in secrets if not _marked(blocks, secret)]
    assert unmarked == []
    assert all(any(text in block for block in blocks) for text in public)
    # The open content is not marked.
    assert not any(MARK in block for block in blocks if "Sanera klotter" in block)


@pytest.mark.parametrize("fmt", ["docx", "md"])
@pytest.mark.parametrize("which", ["first", "second"])
def test_public_minutes_leave_out_every_trace(scenario: Scenario, fmt: str, which: str) -> None:
    secrets, public = MEETINGS[which]
    meeting_id = scenario.first if which == "first" else scenario.second
    blocks, whole = _export(scenario, meeting_id, fmt, public=True)
    assert [secret for secret in secrets if secret in whole] == []
    assert MARK not in whole
    assert all(any(text in block for block in blocks) for text in public)
    assert re.search("Offentlig version", whole)


# --- action lists: marked in the internal list, absent from the public one (`--public`) --------

SECRET_MEASURES = [MEASURE_TEXT, LATE_MEASURE]
SECRET_PEOPLE = [MEASURE_OWNER, MEASURE_ORG, LATE_OWNER]


def _actions(sc: Scenario, fmt: str, public: bool) -> bytes:
    """`meetingtui actions --status all [--public] --format FMT`, as the member runs it."""
    args = ["--db", str(sc.ws.locations.db), "--agendas", str(sc.ws.locations.agendas),
            "--exports", str(sc.folder), "actions", "--status", "all", "--format", fmt]
    target = sc.folder / f"actions-{'public' if public else 'internal'}.{fmt}"
    if fmt != "table":
        args += ["-o", str(target), "--force"]
    if public:
        args.append("--public")
    result = CliRunner().invoke(main, args, catch_exceptions=False, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return target.read_bytes() if fmt != "table" else result.stdout.encode("utf-8")


def _rows(fmt: str, data: bytes) -> list[tuple[str, bool]]:
    """(what the row says, whether it is marked confidential) for each measure in the file."""
    if fmt == "csv":
        text = data.decode("utf-8").removeprefix("\ufeff")
        return [(" ".join(row.values()), row["Sekretess"] == "ja")
                for row in csv.DictReader(io.StringIO(text, newline=""), delimiter=";")]
    if fmt == "json":
        return [(json.dumps(obj, ensure_ascii=False), obj["confidential"])
                for obj in json.loads(data)]
    if fmt == "ics":
        return [(str(entry["description"]), str(entry.get("class", "")) == "CONFIDENTIAL")
                for entry in Calendar.from_ical(data).walk()
                if entry.name in ("VEVENT", "VTODO")]
    if fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        return [(" | ".join(cell.text for cell in row.cells), "Sekretess" in row.cells[-1].text)
                for table in document.tables for row in table.rows[1:]]
    lines = data.decode("utf-8").splitlines()
    if fmt == "md":
        return [(line, "**Sekretess**" in line) for line in lines if re.match(r"\| \d", line)]
    # The terminal table: a row starts with its number; the lines under it continue its cells.
    rows: list[tuple[str, bool]] = []
    for line in lines:
        if re.match(r"\s*\d+\s", line):
            rows.append((line, False))
        elif rows and line.startswith(" "):
            rows[-1] = (rows[-1][0], rows[-1][1] or "Sekretess" in line)
    return rows


ACTION_FORMATS = ["csv", "json", "md", "ics", "docx", "table"]


@pytest.mark.parametrize("fmt", ACTION_FORMATS)
def test_internal_action_lists_mark_confidential_measures(scenario: Scenario, fmt: str) -> None:
    rows = _rows(fmt, _actions(scenario, fmt, public=False))
    assert len(rows) == 3
    for text, marked in rows:
        secret = any(s in text for s in SECRET_MEASURES)
        assert marked is secret, text
    assert sum(any(s in text for s in SECRET_MEASURES) for text, _ in rows) == 2


@pytest.mark.parametrize("fmt", ACTION_FORMATS)
def test_public_action_lists_leave_confidential_measures_out(scenario: Scenario,
                                                             fmt: str) -> None:
    data = _actions(scenario, fmt, public=True)
    whole = data.decode("utf-8", errors="replace") if fmt != "docx" else _package_text(data)
    assert [s for s in SECRET_MEASURES + SECRET_PEOPLE if s in whole] == []
    rows = _rows(fmt, data)
    assert [marked for _, marked in rows] == [False]
    assert "Sanera klotter" in rows[0][0]
