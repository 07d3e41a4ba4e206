"""What makes `publish` fast must not change a page: the minutes' HTML made straight from the
record is what markdown-it makes of the Markdown minutes, byte for byte, the follow-ups read
for many meetings at once are each meeting's own `followups`, also after later changes, and a
site written at once with one sync is still all or nothing and never over a database."""

from __future__ import annotations

import errno
import re
import sqlite3
import stat
from collections.abc import Callable
from datetime import datetime
from html import unescape
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from meetingtui.demo.fill import fill_demo
from meetingtui.export.files import ExportError
from meetingtui.export.minutes.html import build_minutes_html
from meetingtui.export.minutes.markdown import build_minutes_md
from meetingtui.export.minutes.markdown_html import block, markdown_html
from meetingtui.export.minutes.markdown_html import markdown_parser as markdown_it
from meetingtui.export.site.staging import write_site
from meetingtui.model import MeasureStatus, MeetingRecord
from meetingtui.paths import resolve
from meetingtui.services.amend import amending
from meetingtui.services.followup import FollowupReader, followups, record_update
from meetingtui.services.lagesbild import remove_measure
from meetingtui.services.meetings import get_meeting
from meetingtui.services.record import RecordReader, load_meeting
from meetingtui.services.workspace import Workspace, open_workspace
from meetingtui.store.measures import get_measure
from tests.conftest import Clock


def _meeting_ids(ws: Workspace, closed: bool = False) -> list[int]:
    where = " WHERE status = 'closed'" if closed else ""
    return [row[0] for row in ws.store.conn.execute(f"SELECT id FROM meetings{where} ORDER BY id")]


def _through_markdown(record: MeetingRecord, public: bool) -> str:
    return markdown_html(build_minutes_md(record, public=public, municipality="Exempelkommun"))


def _direct(record: MeetingRecord, public: bool) -> str:
    return build_minutes_html(record, public=public, municipality="Exempelkommun")


def test_every_demo_minutes_page_is_what_markdown_it_makes_of_the_markdown(
        demo: Workspace) -> None:
    ids = _meeting_ids(demo)
    assert len(ids) > 50
    for meeting_id in ids:
        record = load_meeting(demo, meeting_id)
        for public in (True, False):
            assert _direct(record, public) == _through_markdown(record, public), (
                meeting_id, public)


#: Texts a member may type, full of what Markdown reads inside a line: each comes out as
#: markdown-it shows it in the Markdown minutes, byte for byte.
INLINE_TRICKY = [
    "1. Anna & Co *stjärna* _under_ `kod` [länk](http://x.se) <b>fet</b> a|b \\ slut",
    "# rubrik? &amp; &copy; ~~struken~~ ![bild](x.png)",
    "**Beslut:** redan fetstil",
    "  indraget",
    "===",
    "Plain text with trailing spaces  ",
    'Han sa "hej" och gick',  # plain: the quotes escaped as markdown-it escapes them
    "*",
    "",
]
#: Notes and decisions that are blocks of their own (lists, code, quotes). In one Markdown
#: document a list in a note runs on into a list after it (the proposals) as one loose list;
#: here each block stands alone. The text shown is the same.
BLOCK_TRICKY = [
    "- ser ut som en lista",
    "Rad ett\nrad två\n\n- punkt\n- punkt *två*\n\n```\nkod | ej tabell\n```\n\n> citat",
    "1) numrerad\n2) lista",
]


def _text(html: str) -> str:
    """What a reader sees: the text without tags, entities read, spaces folded."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _tricky(record: MeetingRecord, text: str) -> MeetingRecord:
    """``record`` with ``text`` in every field a writer escapes or renders as Markdown."""
    one = text.replace("\n", " ")
    meeting = record.meeting.model_copy(update={"place": one, "secretary": one,
                                                "chair": one, "adjuster": one})
    items = [item.model_copy(update={"title": one, "notes": text, "decision": text})
             for item in record.items]
    attendance = [person.model_copy(update={"name": one or "N"}) for person in record.attendance]
    details = [detail.model_copy(update={
        "observation": detail.observation.model_copy(update={
            "area": one, "description": text, "category": one, "source": one}),
        "causes": [cause.model_copy(update={"text": text}) for cause in detail.causes],
    }) for detail in record.observations]
    measures = [ms.model_copy(update={"text": text, "owner_org": one})
                for ms in record.measures]
    follow = [f.model_copy(update={
        "measure": f.measure.model_copy(update={"text": text, "owner_org": one}),
        "update": (f.update.model_copy(update={"comment": text}) if f.update else None)})
        for f in record.followups]
    return record.model_copy(update={"meeting": meeting, "items": items,
                                     "attendance": attendance, "observations": details,
                                     "measures": measures, "followups": follow})


def _fullest(ws: Workspace) -> list[MeetingRecord]:
    """The demo's fullest meetings: observations, causes, measures, follow-ups, decisions."""
    records = [load_meeting(ws, meeting_id) for meeting_id in _meeting_ids(ws, closed=True)]
    return sorted(records, key=lambda r: len(r.observations) + len(r.followups))[-2:]


@pytest.mark.parametrize("text", INLINE_TRICKY)
def test_texts_full_of_markdown_come_out_as_markdown_it_shows_them(
        demo: Workspace, text: str) -> None:
    for record in _fullest(demo):
        changed = _tricky(record, text)
        for public in (True, False):
            assert _direct(changed, public) == _through_markdown(changed, public)


@pytest.mark.parametrize("text", BLOCK_TRICKY)
def test_notes_of_many_blocks_show_the_same_text(demo: Workspace, text: str) -> None:
    for record in _fullest(demo):
        changed = _tricky(record, text)
        for public in (True, False):
            direct = _direct(changed, public)
            assert _text(direct) == _text(_through_markdown(changed, public))
            assert "<li>punkt <em>två</em></li>" in direct or "punkt" not in text


#: Pieces of notes: paragraphs and lists with words in bold (laid out without markdown-it),
#: and what makes them something else (emphasis, headings, ordered and loose lists, breaks).
_PIECES = ["Genomförda", "b2", " ", "**", "\n", "\n\n", "- ", "1. ", "7", "(", ")", ":",
           "  \n", "é", "_", "*", "#", '"', "&", "-", "\t", "=", ".", "x y"]


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14).map("".join))
@example("- a\n\n- b")  # one loose list
@example("Text:\n- a")  # a list that interrupts the paragraph
@example("a **b**c **d**\n\n- **1**  \n- x")
@settings(max_examples=400)
def test_notes_of_paragraphs_and_lists_are_what_markdown_it_makes_of_them(text: str) -> None:
    assert block(text) == markdown_it().render(text)


def test_statistics_in_the_notes_are_laid_out_as_markdown_it_does() -> None:
    text = ("Statistik sedan förra mötet:\n\n- Anmälda brott: **28** (föregående period 116)\n"
            "- Skadegörelse och klotter: **17**")
    assert block(text) == markdown_it().render(text)
    assert "<li>Skadegörelse och klotter: <strong>17</strong></li>" in block(text)


def _compare_followups(ws: Workspace) -> int:
    reader = FollowupReader(ws)
    compared = 0
    for meeting_id in _meeting_ids(ws):
        expected = followups(ws, meeting_id)
        assert reader.followups(get_meeting(ws, meeting_id)) == expected, meeting_id
        compared += len(expected)
    return compared


def test_followups_read_at_once_are_each_meetings_own(demo: Workspace) -> None:
    assert _compare_followups(demo) > 200


def test_followups_read_in_any_order_are_each_meetings_own(demo: Workspace) -> None:
    """The reader carries what was open from one closed meeting to the next: meetings read
    newest first, or back and forth, start it again and find the same."""
    ids = _meeting_ids(demo, closed=True)
    for order in (ids[::-1], ids[::2] + ids[1::2]):
        reader = FollowupReader(demo)
        for meeting_id in order:
            assert reader.followups(get_meeting(demo, meeting_id)) == followups(demo, meeting_id)


def test_records_read_for_many_meetings_are_each_meetings_own(demo: Workspace) -> None:
    """One reader for every meeting, as a publish loads them: the same records, and the
    proposals a meeting answered among them."""
    reader = RecordReader(demo)
    answered = 0
    for meeting_id in _meeting_ids(demo):
        record = load_meeting(demo, meeting_id, reader)
        assert record == load_meeting(demo, meeting_id), meeting_id
        answered += len(record.proposals.received) if record.proposals is not None else 0
    assert answered > 0


def test_changes_after_a_meeting_closed_reach_neither(tmp_path: Path) -> None:
    """Measures closed, reopened and removed after the meetings that followed them up closed,
    and a measure followed up again today: the closed meetings show them as they stood."""
    ws = open_workspace(resolve(db=tmp_path / "demo.db", exports=tmp_path / "exports"),
                        clock=Clock(datetime(2026, 11, 23, 9, 0)))
    try:
        fill_demo(ws, 1, seed=3)
        followed = sorted({f.measure.id for meeting_id in _meeting_ids(ws, closed=True)
                           for f in followups(ws, meeting_id) if f.measure.id is not None})
        assert len(followed) > 12
        for measure_id in followed[:4]:
            record_update(ws, measure_id, MeasureStatus.DONE, "klart i efterhand")
        for measure_id in followed[4:8]:
            record_update(ws, measure_id, MeasureStatus.CANCELLED)
            record_update(ws, measure_id, MeasureStatus.IN_PROGRESS, "återupptagen")
        for measure_id in followed[8:10]:
            measure = get_measure(ws.store, measure_id)
            assert measure is not None
            with amending(ws, "Eva Berg", "Dubblett"):  # an amendment of the meeting that made it
                remove_measure(ws, measure)
        assert _compare_followups(ws) > 100
        for meeting_id in _meeting_ids(ws, closed=True)[-5:]:
            reader = RecordReader(ws)
            assert load_meeting(ws, meeting_id, reader) == load_meeting(ws, meeting_id)
    finally:
        ws.close()


def _files(fail_at: int | None = None) -> list[tuple[str, Callable[[], bytes]]]:
    def make(n: int) -> Callable[[], bytes]:
        def bytes_of() -> bytes:
            if n == fail_at:
                raise OSError(errno.ENOSPC, "No space left on device")
            return f"sida {n}".encode()
        return bytes_of
    return [(f"{folder}/{n}.html", make(n)) for n in range(6) for folder in ("a", "b")]


def test_a_site_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    folder = tmp_path / "webbplats"
    with pytest.raises(ExportError) as raised:
        write_site(folder, _files(fail_at=3), force=False, protected=None)
    assert raised.value.reason == "disk_full"
    assert list(tmp_path.iterdir()) == []  # no site, no temporary folder
    written = write_site(folder, _files(), force=False, protected=None)
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html")) == sorted(
        name for name, _ in _files())
    assert [p.name for p in tmp_path.iterdir()] == ["webbplats"]
    assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o600}
    assert stat.S_IMODE((folder / "a").stat().st_mode) == 0o700
    (folder / "a" / "0.html").write_text("gammal", encoding="utf-8")
    with pytest.raises(ExportError):  # replaced only on purpose, and then all of them
        write_site(folder, _files(fail_at=5), force=True, protected=None)
    assert (folder / "a" / "0.html").read_text(encoding="utf-8") == "gammal"
    write_site(folder, _files(), force=True, protected=None)
    assert (folder / "a" / "0.html").read_text(encoding="utf-8") == "sida 0"
    assert [p.name for p in tmp_path.iterdir()] == ["webbplats"]


def test_no_file_of_a_site_replaces_a_database(tmp_path: Path) -> None:
    folder = tmp_path / "webbplats"
    write_site(folder, _files(), force=False, protected=None)
    database = folder / "b" / "4.html"  # a database put where a page was
    database.unlink()
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    (folder / "a" / "0.html").write_text("gammal", encoding="utf-8")
    before = (folder / "a" / "0.html").read_bytes()
    for protected in (None, database):
        with pytest.raises(ExportError) as raised:
            write_site(folder, _files(), force=True, protected=protected)
        assert raised.value.reason == "database"
        assert (folder / "a" / "0.html").read_bytes() == before  # checked before any move
    assert database.read_bytes().startswith(b"SQLite format 3")
