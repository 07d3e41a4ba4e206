"""Any Unicode a form accepted, from the database into every exporter and back out.

Minutes (docx and md, internal and public) and action lists (csv, json, md, ics, docx, table)
are built from what the services stored, then read back: the docx with python-docx, the CSV with
the csv module, the JSON with json, the calendar with icalendar. Plain fields (names, places,
areas, owners, causes) come back as the model stored them folded to one line; in Markdown they
come back once the escaping backslashes are read. Notes, decisions and descriptions are Markdown:
arbitrary text must export without error, and text without Markdown marks comes back word for
word. Word cannot hold some characters the models already remove (the documented cleaning,
`export/clean.py`); nothing else is lost. A public export may be refused only with
`PersonalDataFound`, and only when the text holds a personnummer.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TypeVar

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from markdown_it import MarkdownIt
from pydantic import BaseModel, ValidationError

from meetingtui.export.actions.calendar import build_ics
from meetingtui.export.actions.common import kind_text
from meetingtui.export.actions.csv_list import build_csv
from meetingtui.export.actions.json_list import build_json
from meetingtui.export.actions.markdown import build_md
from meetingtui.export.actions.table import print_table
from meetingtui.export.actions.word import build_docx
from meetingtui.export.clean import one_line
from meetingtui.export.minutes import PersonalDataFound, export_minutes
from meetingtui.export.minutes.markdown import build_minutes_md
from meetingtui.model import LONG_MAX, Attendance, Cause, Measure, Observation, Presence
from meetingtui.paths import resolve
from meetingtui.privacy import find_personal_numbers
from meetingtui.services import attendance, groups, lagesbild, meetings
from meetingtui.services.actions import ActionFilters, ActionList, action_list
from meetingtui.services.workspace import Workspace, open_workspace
from tests.conftest import TEST_TEMPLATE, Clock
from tests.export_fixtures import est_record
from tests.unicode_strategies import ANY_TEXT, TEXT_ERRORS

# No shrinking: each example writes four files, and shrinking a failure of long text took
# minutes; the failing example is reported as generated.
BOUNDED = settings(max_examples=20, deadline=None,
                   phases=[Phase.explicit, Phase.reuse, Phase.generate],
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
#: Four minutes files per example.
MINUTES = settings(BOUNDED, max_examples=12)

#: Text Markdown leaves as it is: letters (Swedish, Arabic, Hebrew), digits, emoji, combining
#: marks, spaces and plain punctuation.
PLAIN = st.lists(st.sampled_from([*"abcåäöÅÄÖ xyzé0123456789.,;:?'\"()",
                                  "مرحبا", "שלום", "😀", "👩‍👩‍👧", "e\u0301", "\u00a0"]),
                 min_size=1, max_size=40).map("".join).filter(lambda s: s.strip(" \u00a0"))

M = TypeVar("M", bound=BaseModel)


def accepted(cls: type[M], **fields: object) -> M:
    """The model, with each field the model refuses (in plain words) replaced by "x", so that
    every example reaches the exporters; the refusals themselves are test_properties_store's."""
    for _ in range(len(fields) + 1):
        try:
            return cls(**fields)
        except ValidationError as error:
            assert {e["type"] for e in error.errors()} <= TEXT_ERRORS, error
            for problem in error.errors():
                fields[str(problem["loc"][0])] = "x"
    raise AssertionError("unreachable: every refused field was replaced")


@dataclass(frozen=True)
class Place:
    ws: Workspace
    meeting: int
    out: Path


@contextmanager
def workspace(factory: pytest.TempPathFactory) -> Iterator[Place]:
    root = factory.mktemp("export-props")
    agendas = root / "agendas"
    agendas.mkdir()
    (agendas / "est.md").write_text(TEST_TEMPLATE, encoding="utf-8")
    clock = Clock(datetime(2026, 11, 10, 9, 0))
    ws = open_workspace(resolve(db=root / "p.db", agendas=agendas, exports=root / "exports"),
                        clock=clock)
    try:
        group = groups.find_group(ws, "EST") if groups.ensure_groups(ws) else None
        assert group is not None and group.id is not None
        meeting = meetings.plan_meeting(ws, group.id, date(2026, 11, 10), start=time(9, 0))
        assert meeting.id is not None
        meetings.start_meeting(ws, meeting.id)
        yield Place(ws, meeting.id, root / "out")
    finally:
        ws.close()


# --- reading back ---------------------------------------------------------------------------------

def docx_text(data: bytes) -> list[str]:
    """Every paragraph of the body in order, table cells included (cell by cell)."""
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(Paragraph(child, document).text)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                lines += [cell.text for cell in row.cells]
    return lines


def unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def folded(text: str) -> str:
    """Whitespace as one space: how a paragraph's text compares, whatever its line breaks."""
    return " ".join(text.split())


def export_all(place: Place) -> dict[tuple[str, bool], str | list[str]]:
    """The four minutes, read back: docx as paragraphs, md as text."""
    out: dict[tuple[str, bool], str | list[str]] = {}
    for fmt in ("docx", "md"):
        for public in (False, True):
            path = place.out / f"{fmt}-{public}.{fmt}"
            try:
                written = export_minutes(place.ws, place.meeting, public=public,
                                         fmt=fmt,  # type: ignore[arg-type]
                                         path=path, force=True).path
            except PersonalDataFound as refusal:
                assert public and refusal.findings
                written = export_minutes(place.ws, place.meeting, public=True,
                                         fmt=fmt,  # type: ignore[arg-type]
                                         path=path, force=True,
                                         allow_personal_data=True).path
            data = written.read_bytes()
            out[fmt, public] = docx_text(data) if fmt == "docx" else data.decode("utf-8")
    return out


def shows(exported: str | list[str], value: str, *, markdown: bool = False) -> bool:
    """True when a field's value is in the export as the minutes show it (one line): in
    Markdown minutes a plain field is escaped, a Markdown field (a cause) is kept as written."""
    if not one_line(value):
        return True
    if isinstance(exported, list):
        return any(one_line(value) in line for line in exported)
    if markdown:  # kept as written, but HTML's "<" and "&" as entities (text, never markup)
        return one_line(value).replace("|", "\\|") in html.unescape(exported)
    return one_line(value) in unescape(exported)


# --- minutes --------------------------------------------------------------------------------------

def test_minutes_show_any_text_the_forms_accept(tmp_path_factory: pytest.TempPathFactory) -> None:
    with workspace(tmp_path_factory) as place:
        @MINUTES
        @given(area=ANY_TEXT, source=ANY_TEXT, description=ANY_TEXT, cause=ANY_TEXT,
               measure=ANY_TEXT, owner=ANY_TEXT, org=ANY_TEXT, guest=ANY_TEXT,
               notes=ANY_TEXT, confidential=st.booleans())
        def check(area: str, source: str, description: str, cause: str, measure: str,
                  owner: str, org: str, guest: str, notes: str, confidential: bool) -> None:
            ws, meeting_id = place.ws, place.meeting
            obs = lagesbild.save_observation(ws, accepted(
                Observation, meeting_id=meeting_id, area=area, source=source,
                description=description, confidential=confidential))
            said = lagesbild.save_cause(ws, accepted(Cause, observation_id=obs.id, text=cause))
            decided = lagesbild.save_measure(ws, accepted(
                Measure, meeting_id=meeting_id, text=measure, owner=owner, owner_org=org,
                observation_id=obs.id))
            person = attendance.add_attendee(ws, accepted(
                Attendance, meeting_id=meeting_id, name=guest, presence=Presence.GUEST))
            item = meetings.items(ws, meeting_id)[0]
            meetings.edit_item(ws, item.id or 0,
                               notes=accepted(Observation, meeting_id=0, area="x",
                                              description=notes).description)
            try:
                exported = export_all(place)
                for (fmt, public), content in exported.items():
                    hidden = public and confidential
                    for value in (obs.area, obs.source, decided.owner, decided.owner_org):
                        assert shows(content, value) or hidden, (fmt, public, value)
                    assert shows(content, said.text, markdown=True) or hidden, (fmt, public)
                    assert shows(content, person.name), (fmt, public)
            finally:
                lagesbild.remove_measure(ws, decided)
                lagesbild.remove_observation(ws, obs)

        check()


def test_plain_markdown_fields_come_back_word_for_word(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    with workspace(tmp_path_factory) as place:
        @MINUTES
        @given(description=PLAIN, notes=PLAIN, decision=PLAIN, measure=PLAIN)
        # Markup with nothing inside: once a crash (decision) and a silent loss (measure).
        @example(description="1.", notes="#", decision="7)", measure="0)")
        def check(description: str, notes: str, decision: str, measure: str) -> None:
            ws, meeting_id = place.ws, place.meeting
            obs = lagesbild.save_observation(ws, Observation(
                meeting_id=meeting_id, area="Centrum", description=description))
            decided = lagesbild.save_measure(ws, Measure(meeting_id=meeting_id, text=measure,
                                                         owner="Per Holm"))
            item = meetings.items(ws, meeting_id)[0]
            edited = meetings.edit_item(ws, item.id or 0, notes=notes, decision=decision)
            try:
                exported = export_all(place)
                for key, content in exported.items():
                    for value in (obs.description, edited.notes, edited.decision, decided.text):
                        if isinstance(content, list):
                            found = any(folded(value) in folded(line) for line in content)
                        else:
                            found = folded(value) in folded(content)
                        assert found, (key, value)
            finally:
                lagesbild.remove_measure(ws, decided)
                lagesbild.remove_observation(ws, obs)

        check()


# --- action lists ---------------------------------------------------------------------------------

def _csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8").removeprefix("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def check_every_format(actions: ActionList, text: str, owner: str, org: str) -> None:
    """Each action-list format holds the one row, and gives its texts back."""
    [row] = actions.rows
    [line] = _csv_rows(build_csv(actions))
    formula = ("=", "+", "-", "@", "\t", "\r")
    assert line["Åtgärd"] == ("'" + text if text.startswith(formula) else text)
    assert line["Ansvarig"] == ("'" + owner if owner.startswith(formula) else owner)
    [obj] = json.loads(build_json(actions))
    assert (obj["text"], obj["owner"], obj["owner_org"]) == (text, owner, org)
    markdown = unescape(build_md(actions))
    assert folded(text) in markdown and folded(owner) in markdown
    calendar = Calendar.from_ical(build_ics(actions, datetime(2026, 11, 10, 9, tzinfo=UTC),
                                            kind="both"))
    [todo], [event] = calendar.walk("VTODO"), calendar.walk("VEVENT")
    assert str(todo["description"]).endswith(text) and str(event["description"]).endswith(text)
    assert str(todo["uid"]).startswith(f"measure-{row.id}@")
    document = docx_text(_docx_bytes(actions))
    # The measure's cell: its words, then (a paragraph of its own) the kind of prevention.
    assert any(folded(line) == folded(f"{text}\n{kind_text(row)}") for line in document)
    assert any(one_line(owner) in line for line in document)
    table = io.StringIO()
    print_table(actions, table)
    assert str(row.id) in table.getvalue()


def _docx_bytes(actions: ActionList) -> bytes:
    out = io.BytesIO()
    build_docx(actions, datetime(2026, 11, 10, 9)).save(out)
    return out.getvalue()


def test_action_lists_give_any_text_back(tmp_path_factory: pytest.TempPathFactory) -> None:
    with workspace(tmp_path_factory) as place:
        @BOUNDED
        @given(text=ANY_TEXT, owner=ANY_TEXT, org=ANY_TEXT, confidential=st.booleans())
        def check(text: str, owner: str, org: str, confidential: bool) -> None:
            ws = place.ws
            typed = accepted(Measure, meeting_id=place.meeting, text=text, owner=owner,
                             owner_org=org, due=date(2026, 12, 1), confidential=confidential)
            saved = lagesbild.save_measure(ws, typed)
            try:
                rows = action_list(ws, ActionFilters(status="all", meeting_id=place.meeting))
                actions = ActionList(rows, ws.today(), "Exempelkommun",
                                     ActionFilters(status="all", meeting_id=place.meeting))
                check_every_format(actions, saved.text, saved.owner, saved.owner_org)
                public = action_list(ws, ActionFilters(status="all", meeting_id=place.meeting,
                                                       public=True))
                assert [row.id for row in public] == ([] if saved.confidential else [saved.id])
            finally:
                lagesbild.remove_measure(ws, saved)

        check()


def test_a_personnummer_in_any_text_stops_only_the_public_minutes(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    with workspace(tmp_path_factory) as place:
        @settings(max_examples=10, deadline=None)
        @given(before=ANY_TEXT, after=ANY_TEXT)
        def check(before: str, after: str) -> None:
            ws = place.ws
            description = f"{before} 811218-9876 {after}"
            try:
                obs = lagesbild.save_observation(ws, Observation(
                    meeting_id=place.meeting, area="Centrum", description=description))
            except ValidationError as error:
                assert {e["type"] for e in error.errors()} == {"text_too_long"}
                return
            assert find_personal_numbers(obs.description)
            try:
                internal = export_minutes(ws, place.meeting, fmt="md",
                                          path=place.out / "internal.md", force=True)
                assert internal.findings and internal.path.exists()
                target = place.out / "public.md"
                with pytest.raises(PersonalDataFound):
                    export_minutes(ws, place.meeting, public=True, fmt="md", path=target,
                                   force=False)
                assert not target.exists()
            finally:
                lagesbild.remove_observation(ws, obs)

        check()


# --- Markdown minutes never carry HTML that a page would run --------------------------------------

HTML = st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!-- x -->",
                        "</div>", "<https://example.org>", "<?php ?>", "<b>fet</b>", "a < b",
                        "<a href='javascript:x'>", "`<kod>`", "<\n"])
WITH_HTML = st.lists(HTML | ANY_TEXT, min_size=1, max_size=4).map(" ".join)


def _html_tokens(markdown: str) -> list[str]:
    """The raw HTML a CommonMark page (HTML allowed, as most are) would pass through."""
    found = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "html_block":
            found.append(token.content)
        found += [child.content for child in token.children or [] if child.type == "html_inline"]
    return found


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(notes=WITH_HTML, decision=WITH_HTML, description=WITH_HTML, cause=WITH_HTML,
       measure=WITH_HTML, comment=WITH_HTML)
def test_markdown_minutes_show_html_as_typed(notes: str, decision: str, description: str,
                                             cause: str, measure: str, comment: str) -> None:
    record = est_record()
    first = accepted(Observation, meeting_id=12, area="x", description=notes)
    record.items[0].notes = first.description
    record.items[0].decision = accepted(Observation, meeting_id=12, area="x",
                                        description=decision).description
    record.observations[0].observation.description = accepted(
        Observation, meeting_id=12, area="x", description=description).description
    record.observations[0].causes[0].text = accepted(Cause, observation_id=1, text=cause).text
    record.measures[0].text = accepted(Measure, meeting_id=12, text=measure, owner="x").text
    assert record.followups[0].update is not None
    record.followups[0].update.comment = comment[:LONG_MAX]
    for public in (False, True):
        text = build_minutes_md(record, public=public, municipality="Exempelkommun")
        assert _html_tokens(text) == []
