"""The action list's files read back as their readers would: CSV by Excel's rules, JSON by a
script, ICS line by line as RFC 5545 says, the docx per owner, Markdown, the terminal table."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph
from icalendar import Calendar

from meetingtui.export.actions import table as actions_table
from meetingtui.export.actions.calendar import build_ics
from meetingtui.export.actions.csv_list import build_csv
from meetingtui.export.actions.json_list import build_json
from meetingtui.export.actions.markdown import build_md
from meetingtui.export.actions.word import write_docx
from meetingtui.services.actions import ActionFilters, ActionList, by_owner, read_actions
from meetingtui.services.workspace import Workspace
from meetingtui.store.settings import set_setting
from tests.conftest import Clock
from tests.services.test_actions import LONG_TEXT, TODAY, Sample, build_sample

STATUSES = {"not_started", "in_progress", "done", "cancelled"}


@pytest.fixture
def sample(ws: Workspace, clock: Clock, test_agendas: Path) -> Sample:
    built = build_sample(ws, clock, test_agendas)
    set_setting(ws.store, "municipality", "Exempelkommun")  # as `config set municipality`
    clock.now = datetime.combine(TODAY, time(9, 0))
    return built


def listing(sample: Sample, **filters: object) -> ActionList:
    return read_actions(sample.db, ActionFilters(**{"status": "all", **filters}), TODAY)  # type: ignore[arg-type]


# --- CSV ---------------------------------------------------------------------------------------

def test_csv_is_what_swedish_excel_expects(sample: Sample) -> None:
    actions = listing(sample)
    data = build_csv(actions)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\ufeff" not in text
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel", delimiter=";"))
    assert rows[0] == ["Nr", "Åtgärd", "Ansvarig", "Organisation", "Klart senast", "Status",
                       "Försenad", "Grupp", "Möte nr", "Mötesdatum", "Sekretess", "Typ", "Nivå",
                       "Beprövad metod", "Orsaker", "Förslag till", "Beslutat av"]
    body = rows[1:]
    assert [int(r[0]) for r in body] == [row.id for row in actions.rows]
    by_id = {int(r[0]): r for r in body}
    for row in actions.rows:
        cells = by_id[row.id]
        assert cells[2].lstrip("'") == row.owner and cells[3] == row.owner_org
        assert cells[4] == (row.due.isoformat() if row.due else "")
        assert cells[5] in {"ej påbörjad", "pågående", "genomförd", "avbruten"}
        assert cells[6] == ("ja" if row.overdue else "nej")
        assert (cells[7], cells[8], cells[9]) == (row.group_short, str(row.meeting_id),
                                                  row.meeting_date.isoformat())
        assert cells[10] == ("ja" if row.confidential else "nej")
        # None of the sample's measures says more than its type (the default), nor is a
        # proposal waiting for a body or decided by one.
        assert cells[11:] == ["situationell", "", "vet ej", "", "", ""]
    formula = by_id[sample.measures["formula"]][1]
    assert formula == "'=SUMMA(A1) ser ut som en formel;\nmen är text på två rader"
    assert by_id[sample.measures["parents"]][1] == 'Samtal med föräldrar | "kvällsvandring"'
    assert by_id[sample.measures["light"]][1] == LONG_TEXT
    assert by_id[sample.measures["parents"]][5] == "avbruten"
    assert by_id[sample.measures["schools"]][5] == "pågående"
    # Records end in CRLF, as Excel writes them (a line break inside a quoted cell stays LF).
    assert text.endswith("\r\n") and text.count("\r\n") == len(rows)


def test_csv_of_nothing_is_the_heading_only(sample: Sample) -> None:
    data = build_csv(listing(sample, owner="Ingen Alls"))
    assert data.decode("utf-8-sig").splitlines() == [
        "Nr;Åtgärd;Ansvarig;Organisation;Klart senast;Status;Försenad;Grupp;Möte nr;Mötesdatum;"
        "Sekretess;Typ;Nivå;Beprövad metod;Orsaker;Förslag till;Beslutat av"]


# --- JSON --------------------------------------------------------------------------------------

def test_json_schema(sample: Sample) -> None:
    actions = listing(sample)
    objects = json.loads(build_json(actions))
    assert isinstance(objects, list) and len(objects) == len(actions.rows)
    required = {"id": int, "text": str, "owner": str, "owner_org": str, "status": str,
                "overdue": bool, "group": str, "group_name": str, "meeting_id": int,
                "meeting_date": str, "confidential": bool, "type": str, "level": str,
                "method": str, "causes": list, "proposal": str, "proposed_to": str}
    for obj, row in zip(objects, actions.rows, strict=True):
        assert set(obj) == {*required, "due", "proposal_decided_on"}
        for key, kind in required.items():
            assert type(obj[key]) is kind, (key, obj)
        assert obj["due"] is None or date.fromisoformat(obj["due"]) == row.due
        assert date.fromisoformat(obj["meeting_date"]) == row.meeting_date
        assert obj["status"] in STATUSES
        assert obj["overdue"] == (obj["status"] in ("not_started", "in_progress")
                                  and obj["due"] is not None and obj["due"] < TODAY.isoformat())
        assert (obj["id"], obj["owner"], obj["group"], obj["meeting_id"]) == (
            row.id, row.owner, row.group_short, row.meeting_id)
        assert (obj["type"], obj["level"], obj["method"], obj["causes"]) == (
            "situational", "", "unknown", [])
    assert json.loads(build_json(listing(sample, owner="Ingen Alls"))) == []


# --- ICS ---------------------------------------------------------------------------------------

def _lines(data: bytes) -> list[bytes]:
    """The physical lines, checked as RFC 5545 §3.1 says: CRLF, ≤ 75 octets each."""
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    for line in lines:
        assert b"\n" not in line and b"\r" not in line
        assert len(line) <= 75, line
        line.decode("utf-8")  # folding never splits a character
    return lines


def _unfold(lines: list[bytes]) -> list[str]:
    logical: list[str] = []
    raw: list[bytes] = []
    for line in lines:
        if line.startswith((b" ", b"\t")):
            raw[-1] += line[1:]
        else:
            raw.append(line)
    logical = [line.decode("utf-8") for line in raw]
    return logical


def _components(logical: list[str], name: str = "VTODO") -> list[dict[str, str]]:
    """Each top-level `name` component's properties; a component inside it (a VALARM) is
    listed by its name under "_inside", with its lines as "VALARM.TRIGGER" and so on."""
    found: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    inner = ""
    for line in logical:
        if line == f"BEGIN:{name}":
            current = {"_inside": ""}
        elif line == f"END:{name}":
            assert current is not None
            found.append(current)
            current = None
        elif current is not None and line.startswith("BEGIN:"):
            inner = line.removeprefix("BEGIN:")
            current["_inside"] += inner + " "
        elif current is not None and line.startswith("END:"):
            inner = ""
        elif current is not None:
            key, _, value = line.partition(":")
            current[f"{inner}.{key}" if inner else key] = value
    return found


def _todos(logical: list[str]) -> list[dict[str, str]]:
    return _components(logical, "VTODO")


def test_ics_todos_line_by_line(sample: Sample) -> None:
    actions = listing(sample)
    data = build_ics(actions, datetime(2026, 11, 23, 8, 0, tzinfo=UTC), kind="todos")
    lines = _lines(data)
    assert any(line.startswith(b" ") for line in lines)  # the long text was folded
    logical = _unfold(lines)
    assert logical[0] == "BEGIN:VCALENDAR" and logical[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in logical
    assert any(line.startswith("PRODID:-//meetingtui//") for line in logical)
    todos = _todos(logical)
    dated = [row for row in actions.rows if row.due is not None]
    assert len(todos) == len(dated) == len(actions.rows) - 1  # "cameras" has no due date
    assert logical.count("BEGIN:VTODO") == len(dated) and "BEGIN:VEVENT" not in logical
    status = {"not_started": "NEEDS-ACTION", "in_progress": "IN-PROCESS", "done": "COMPLETED",
              "cancelled": "CANCELLED"}
    database_id = actions.database_id
    assert len(database_id) == 32  # made once per database
    for todo, row in zip(todos, dated, strict=True):
        assert todo["UID"] == f"measure-{row.id}@{database_id}.meetingtui"
        assert row.due is not None
        assert todo["DUE;VALUE=DATE"] == row.due.strftime("%Y%m%d")
        assert todo["DTSTAMP"] == "20261123T080000Z"
        assert todo["STATUS"] == status[row.status]
        assert todo["SUMMARY"].startswith(f"{row.group_short}: ")
        description = todo["DESCRIPTION"]
        assert f"Grupp: {row.group_short}" in description
        assert f"Möte: {row.meeting_date.isoformat()} (nr {row.meeting_id})" in description
        assert f"Ansvarig: {row.owner}" in description
        assert ("Försenad" in description) == row.overdue
        assert ("CLASS" in todo) == row.confidential
    # icalendar reads it back with the text intact.
    parsed = Calendar.from_ical(data)
    light = next(c for c in parsed.walk("VTODO")
                 if str(c["UID"]).startswith(f"measure-{sample.measures['light']}@"))
    assert str(light["DESCRIPTION"]).endswith(LONG_TEXT)
    assert light.decoded("DUE") == date(2026, 10, 1)


def test_ics_events_are_all_day_deadlines_with_a_reminder_a_week_before(sample: Sample) -> None:
    """The default: what Outlook and Google show. RFC 5545's all-day event: DTSTART;VALUE=DATE
    the due date, DTEND;VALUE=DATE the day after; a reminder a week before while it is open."""
    actions = listing(sample, status="all")
    data = build_ics(actions, datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    logical = _unfold(_lines(data))
    events = _components(logical, "VEVENT")
    dated = [row for row in actions.rows if row.due is not None]
    assert len(events) == len(dated) and "BEGIN:VTODO" not in logical
    assert {row.status for row in dated} >= {"not_started", "done", "cancelled"}
    for event, row in zip(events, dated, strict=True):
        assert row.due is not None
        assert event["UID"] == f"measure-{row.id}-due@{actions.database_id}.meetingtui"
        assert event["DTSTART;VALUE=DATE"] == row.due.strftime("%Y%m%d")
        assert event["DTEND;VALUE=DATE"] == (row.due + timedelta(days=1)).strftime("%Y%m%d")
        assert event["TRANSP"] == "TRANSPARENT"
        assert event["STATUS"] == ("CANCELLED" if row.status == "cancelled" else "CONFIRMED")
        prefix = {"done": "Klar: ", "cancelled": "Avbruten: "}.get(row.status, "")
        assert event["SUMMARY"].startswith(prefix + f"{row.group_short}: ")
        assert ("CLASS" in event) == row.confidential
        if row.status in ("not_started", "in_progress"):
            assert event["_inside"] == "VALARM "
            assert event["VALARM.ACTION"] == "DISPLAY"
            assert event["VALARM.TRIGGER"] == "-P7D"
            assert event["VALARM.DESCRIPTION"].startswith("Om en vecka: ")
        else:
            assert event["_inside"] == ""  # nothing to be reminded of
    # icalendar reads each back as a whole day.
    for event in Calendar.from_ical(data).walk("VEVENT"):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and type(end) is date and end - start == timedelta(days=1)


def test_ics_both_has_an_event_and_a_to_do_per_measure_each_with_its_own_uid(
    sample: Sample,
) -> None:
    logical = _unfold(_lines(build_ics(listing(sample), kind="both")))
    events, todos = _components(logical, "VEVENT"), _todos(logical)
    assert len(events) == len(todos) > 0
    uids = [c["UID"] for c in events + todos]
    assert len(uids) == len(set(uids))
    with pytest.raises(ValueError, match="kind must be one of"):
        build_ics(listing(sample), kind="journal")


@pytest.mark.parametrize("kind", ["events", "todos"])
def test_ics_uids_are_stable_and_unique(sample: Sample, ws: Workspace, kind: str) -> None:
    component = "VEVENT" if kind == "events" else "VTODO"

    def uids_of(data: bytes) -> list[str]:
        return [c["UID"] for c in _components(_unfold(_lines(data)), component)]

    first = build_ics(listing(sample), datetime(2026, 11, 23, 8, 0, tzinfo=UTC), kind=kind)
    second = build_ics(listing(sample), datetime(2026, 11, 30, 12, 0, tzinfo=UTC), kind=kind)
    uids = uids_of(first)
    assert len(uids) == len(set(uids)) > 0
    assert uids == uids_of(second)
    assert first != second  # only DTSTAMP moved
    one = build_ics(listing(sample, owner="Karl Lind"), kind=kind)
    assert set(uids_of(one)) <= set(uids)
    # The municipality renamed: the calendar's name follows, every UID stays (issue 14 §1).
    set_setting(ws.store, "municipality", "Lilla Edet")
    renamed = build_ics(listing(sample), kind=kind)
    assert uids_of(renamed) == uids
    assert "Lilla Edet" in renamed.decode("utf-8")


def test_ics_of_nothing_is_an_empty_calendar(sample: Sample) -> None:
    logical = _unfold(_lines(build_ics(listing(sample, owner="Ingen Alls"), kind="both")))
    assert logical[0] == "BEGIN:VCALENDAR"
    assert "BEGIN:VTODO" not in logical and "BEGIN:VEVENT" not in logical


# --- docx --------------------------------------------------------------------------------------

def _per_owner(data: bytes) -> dict[str, list[list[str]]]:
    """Each Heading 1 and the rows (cell texts) of the table that follows it."""
    document = docx.Document(io.BytesIO(data))
    found: dict[str, list[list[str]]] = {}
    owner = None
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            if paragraph.style is not None and paragraph.style.name == "Heading 1":
                owner = paragraph.text
        elif tag == "tbl" and owner is not None:
            table = Table(child, document)
            found[owner] = [[cell.text for cell in row.cells] for row in table.rows]
            owner = None
    return found


def test_docx_a_heading_and_a_table_per_owner(sample: Sample) -> None:
    actions = listing(sample, status="open")
    stream = io.BytesIO()
    write_docx(actions, stream)
    data = stream.getvalue()
    found = _per_owner(data)
    expected = by_owner(actions.rows)
    assert list(found) == list(expected)
    assert list(found) == ["Anna Berg", "Karl Lind", "Lena Ek", "Mats Holm", "ÅSA ÖBERG",
                           "Åsa Öberg"]
    for owner, rows in expected.items():
        table = found[owner]
        assert table[0] == ["Nr", "Åtgärd", "Grupp", "Möte", "Klart senast", "Status"]
        assert [int(r[0]) for r in table[1:]] == [row.id for row in rows]
        for cells, row in zip(table[1:], rows, strict=True):
            # The measure's words, and under them its kind of prevention.
            assert cells[1] == f"{row.text}\nsituationell · beprövad metod: vet ej"
            assert cells[2] == row.group_short
            assert cells[3] == row.meeting_date.isoformat()
            assert cells[4] == (row.due.isoformat() if row.due else "")
            assert cells[5].startswith("Försenad") == row.overdue
    assert found["Anna Berg"][1][5] == "Försenad (pågående)"
    document = docx.Document(io.BytesIO(data))
    # The owners follow one another, each under a heading kept with its table.
    assert len(document.sections) == 1
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [p.text for p in headings] == list(expected)
    assert all(p.paragraph_format.keep_with_next for p in headings)
    assert document.core_properties.title == "Åtgärdslista"


def test_docx_a_page_per_owner_when_asked(sample: Sample) -> None:
    actions = listing(sample, status="open")
    stream = io.BytesIO()
    write_docx(actions, stream, page_per_owner=True)
    data = stream.getvalue()
    document = docx.Document(io.BytesIO(data))
    assert len(document.sections) == len(by_owner(actions.rows)) == 6
    assert list(_per_owner(data)) == list(by_owner(actions.rows))


def test_docx_of_nothing_says_so(sample: Sample) -> None:
    stream = io.BytesIO()
    write_docx(listing(sample, owner="Ingen Alls"), stream)
    document = docx.Document(io.BytesIO(stream.getvalue()))
    assert "Inga åtgärder." in [p.text for p in document.paragraphs]
    assert document.tables == []


# --- Markdown and the terminal table ----------------------------------------------------------

def test_markdown_per_owner_with_escaped_text(sample: Sample) -> None:
    actions = listing(sample)
    text = build_md(actions)
    assert text.startswith("# Åtgärdslista\n")
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert headings == list(by_owner(actions.rows))
    table_rows = [line for line in text.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert [int(line.split("|")[1]) for line in table_rows] == [
        row.id for rows in by_owner(actions.rows).values() for row in rows]
    assert r"Samtal med föräldrar \| \"kvällsvandring\"".replace('\\"', '"') in text
    assert r"Röj buskage vid \*cykelbanan\*" in text
    assert "**Försenad (pågående)**" in text


def test_terminal_table_chunks_line_up(sample: Sample, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(actions_table, "FIRST_CHUNK", 2)
    monkeypatch.setattr(actions_table, "CHUNK", 3)
    actions = listing(sample)
    out = io.StringIO()
    actions_table.print_table(actions, out)
    lines = out.getvalue().splitlines()
    due = re.compile(r"(?<=\s)20\d\d-\d\d-\d\d(?=\s{1,3}(Försenad|ej|pågående|genomförd|avbruten))")
    due_columns = [m.start() for line in lines if (m := due.search(line))]
    assert len(due_columns) == 11  # every row with a due date …
    assert len(set(due_columns)) == 1  # … in one column, whichever chunk it is in
    assert lines[-1] == "Exempelkommun · 2026-11-23 · 12 åtgärder, varav 4 försenade"
    ids = [int(m.group(1)) for line in lines if (m := re.match(r"^\s*(\d+)\s{2,}", line))]
    assert ids == [row.id for row in actions.rows]


def test_terminal_table_per_owner(sample: Sample) -> None:
    actions = listing(sample, status="overdue")
    out = io.StringIO()
    actions_table.print_table(actions, out, per_owner=True)
    text = out.getvalue()
    heads = [text.index(f"{owner} (") for owner in ("Anna Berg", "Karl Lind", "Mats Holm",
                                                      "Åsa Öberg")]
    assert heads == sorted(heads)
    assert "Ansvarig" not in text  # the owner is the block's heading, not a column
