"""A measure or a commitment is late ("försenad") in the minutes only after its due date: due the
day before the meeting it is, due on the meeting's own day or after it is not. The follow-up
row of a measure whose status did not change and one whose status changed, and an agreement's
commitment, in Word, Markdown and HTML, read back from the files."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from docx.table import Table

from meetingtui.export.minutes.html import build_minutes_html
from meetingtui.model import (
    AgendaItem,
    Agreement,
    AgreementDetail,
    AgreementKind,
    FollowUp,
    ItemKind,
    Measure,
    MeasureStatus,
    MeasureUpdate,
    MeetingRecord,
)
from meetingtui.model.upward import Commitment
from tests.export.minutes.minutes_helpers import export, md
from tests.export_fixtures import MUNICIPALITY, est_record

MEETING_DAY = date(2026, 4, 14)  # the fixture's meeting
UNCHANGED = "Sanera klotter i gångtunneln"
CHANGED = "Byta lampor i parken"
PROMISED = "Fotpatrull på torget"
DAYS = [(-1, True), (0, False), (1, False)]  # due relative to the meeting day: late?


def record_due(due: date) -> MeetingRecord:
    record = est_record()
    unchanged = Measure(id=7, meeting_id=9, text=UNCHANGED, owner="Mats Ek", due=due,
                        status=MeasureStatus.IN_PROGRESS)
    changed = Measure(id=8, meeting_id=9, text=CHANGED, owner="Mats Ek", due=due,
                      status=MeasureStatus.IN_PROGRESS)
    record.followups = [
        FollowUp(measure=unchanged, group_short="EST", decided_on=date(2026, 3, 10)),
        FollowUp(measure=changed, group_short="EST", decided_on=date(2026, 3, 10),
                 update=MeasureUpdate(measure_id=8, meeting_id=12,
                                      at=datetime(2026, 4, 14, 13, 30),
                                      old_status=MeasureStatus.NOT_STARTED,
                                      new_status=MeasureStatus.IN_PROGRESS, comment="Pågår")),
    ]
    record.items.append(AgendaItem(id=300, meeting_id=12, position=len(record.items) + 1,
                                   title="Medborgarlöften", kind=ItemKind.AGREEMENTS))
    record.agreements = [AgreementDetail(
        agreement=Agreement(id=1, kind=AgreementKind.MEDBORGARLOFTE, title="Tryggare torget",
                            period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
                            created_at=datetime(2026, 1, 1, 9, 0)),
        commitments=[Commitment(id=2, agreement_id=1, party="Polisen", text=PROMISED,
                                owner="Jonas Berg", due=due,
                                status=MeasureStatus.IN_PROGRESS)])]
    return record


def word_rows(record: MeetingRecord) -> dict[str, str]:
    """Each table row's text by the text of its first cell."""
    rows: dict[str, str] = {}
    for table in export(record).tables:
        assert isinstance(table, Table)
        for row in table.rows:
            cells = [cell.text for cell in row.cells]
            rows[cells[0]] = " | ".join(cells)
    return rows


def line_with(text: str, what: str) -> str:
    [line] = [line for line in text.splitlines() if what in line]
    return line


@pytest.mark.parametrize(("days", "late"), DAYS, ids=["day-before", "due-day", "day-after"])
def test_late_only_after_the_due_date_in_word(days: int, late: bool) -> None:
    rows = word_rows(record_due(MEETING_DAY + timedelta(days=days)))
    for what in (UNCHANGED, CHANGED, PROMISED):
        [row] = [row for first, row in rows.items() if first.startswith(what)]
        assert ("försenad" in row) is late, (what, row)


@pytest.mark.parametrize(("days", "late"), DAYS, ids=["day-before", "due-day", "day-after"])
def test_late_only_after_the_due_date_in_markdown_and_html(days: int, late: bool) -> None:
    record = record_due(MEETING_DAY + timedelta(days=days))
    text = md(record)
    html = build_minutes_html(record, public=False, municipality=MUNICIPALITY)
    html_rows = "\n".join(" ".join(row.split())
                          for row in re.findall(r"<tr>.*?</tr>", html, flags=re.S))
    for what in (UNCHANGED, CHANGED, PROMISED):
        assert ("försenad" in line_with(text, what)) is late, (what, line_with(text, what))
        assert ("försenad" in line_with(html_rows, what)) is late, what


def test_the_rows_are_there_to_be_read() -> None:
    """The tests above can fail: every row is found, and its status stands in it."""
    rows = word_rows(record_due(MEETING_DAY))
    for what in (UNCHANGED, CHANGED, PROMISED):
        assert any(first.startswith(what) and "pågående" in row for first, row in rows.items())
