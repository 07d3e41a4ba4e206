"""A measure stands unchanged in the follow-up of meeting after meeting, and a publish makes its
row and its part of the page's key once (`html._followup_row`, `reuse.Dumps`). What is
remembered must never show in minutes it does not belong to: each minutes read after others
that showed the same measure differently is what the Markdown minutes, made without anything
remembered, say of it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from meetingtui.export.minutes.html import build_minutes_html
from meetingtui.export.minutes.markdown import build_minutes_md
from meetingtui.export.minutes.markdown_html import markdown_html
from meetingtui.export.site import reuse
from meetingtui.model import FollowUp, Language, MeasureStatus, MeetingRecord
from meetingtui.services.record import RecordReader, load_meeting
from meetingtui.services.workspace import Workspace
from tests.export.site.test_publish_fast import _meeting_ids


def _html(record: MeetingRecord, public: bool) -> str:
    return build_minutes_html(record, public=public, municipality="Exempelkommun")


def _from_markdown(record: MeetingRecord, public: bool) -> str:
    return markdown_html(build_minutes_md(record, public=public, municipality="Exempelkommun"))


def _followed_unchanged(ws: Workspace) -> MeetingRecord:
    """A closed meeting's record with its follow-ups as if none was updated in it, the first
    one's measure due before the meeting and still open."""
    record = next(record for record in (load_meeting(ws, meeting_id)
                                        for meeting_id in _meeting_ids(ws, closed=True))
                  if len(record.followups) > 2)
    first = record.followups[0].measure.model_copy(update={
        "status": MeasureStatus.IN_PROGRESS, "confidential": False,
        "due": record.meeting.date - timedelta(days=3)})
    unchanged = [f.model_copy(update={"update": None}) for f in record.followups]
    unchanged[0] = unchanged[0].model_copy(update={"measure": first})
    return record.model_copy(update={"followups": unchanged})


def _with_first(record: MeetingRecord, change: Callable[[FollowUp], FollowUp]) -> MeetingRecord:
    return record.model_copy(update={"followups": [change(record.followups[0]),
                                                   *record.followups[1:]]})


def _measure(**changed: object) -> Callable[[MeetingRecord], MeetingRecord]:
    return lambda record: _with_first(record, lambda f: f.model_copy(
        update={"measure": f.measure.model_copy(update=changed)}))


def _followup(**changed: object) -> Callable[[MeetingRecord], MeetingRecord]:
    return lambda record: _with_first(record, lambda f: f.model_copy(update=changed))


def _later(record: MeetingRecord) -> MeetingRecord:
    """The same follow-up in a meeting before the measure's due date."""
    due = record.followups[0].measure.due
    assert due is not None
    return record.model_copy(update={"meeting": record.meeting.model_copy(
        update={"date": due - timedelta(days=1)})})


def _english(record: MeetingRecord) -> MeetingRecord:
    assert record.template is not None
    return record.model_copy(update={"template": record.template.model_copy(
        update={"language": Language.EN})})


#: Every thing a follow-up row without an update shows, changed one at a time.
CHANGES: dict[str, Callable[[MeetingRecord], MeetingRecord]] = {
    "text": _measure(text="Trygghetsvandring i Centrum"),
    "owner": _measure(owner="Per Lund"),
    "organisation": _measure(owner_org="Räddningstjänsten"),
    "status": _measure(status=MeasureStatus.NOT_STARTED),
    "done": _measure(status=MeasureStatus.DONE),
    "confidential": _measure(confidential=True),
    "group": _followup(group_short="SSPF Centrum"),
    "decided": _followup(decided_on=None),
    "not yet due": _later,
    "language": _english,
}


def test_a_followup_row_reads_as_its_own_minutes_whatever_was_shown_before(
        demo: Workspace) -> None:
    base = _followed_unchanged(demo)
    for public in (True, False):
        assert _html(base, public) == _from_markdown(base, public)
    for name, change in CHANGES.items():
        changed = change(base)
        for public in (False, True):  # the internal row remembered first, then the public
            _html(base, public)  # the unchanged measure's row made and remembered first
            assert _html(changed, public) == _from_markdown(changed, public), (name, public)
            assert _html(base, public) == _from_markdown(base, public), (name, public)


def test_the_changes_show_in_the_minutes(demo: Workspace) -> None:
    """The comparison above compares something: each change shows in the follow-up."""
    base = _followed_unchanged(demo)
    for name, change in CHANGES.items():
        public = name != "confidential"  # a confidential measure shows only internally
        assert _html(change(base), public) != _html(base, public), name
    assert "(försenad" in _html(base, True) and "(försenad" not in _html(_later(base), True)


def test_a_pages_key_with_followups_remembered_is_the_key_made_afresh(demo: Workspace) -> None:
    """Every meeting loaded in order with one reader, as a publish does: the key with the
    follow-ups' JSON remembered is the key made from the whole record."""
    reader, dumps = RecordReader(demo), reuse.Dumps()
    shared = 0
    keys = set()
    for meeting_id in _meeting_ids(demo, closed=True):
        record = load_meeting(demo, meeting_id, reader)
        frame: list[object] = ["sida.html", "sv", False, "Exempelkommun", "Exempelkommun"]
        key = reuse.key(record, frame, dumps)
        assert key == reuse.key(record, frame), meeting_id
        keys.add(key)
        shared += sum(1 for f in record.followups if f.update is None)
    assert shared > 100 and len(keys) == len(_meeting_ids(demo, closed=True))
    record = load_meeting(demo, _meeting_ids(demo, closed=True)[-1], reader)
    changed = _followup(group_short="Annan grupp")(record) if record.followups else record
    assert record.followups and reuse.key(changed, ["x"], dumps) != reuse.key(record, ["x"], dumps)


def test_a_pages_key_follows_its_groups_template(demo: Workspace) -> None:
    """The template's JSON is remembered per template: another template (an item renamed in
    the group's agenda file) gives another key, with the JSON remembered or not."""
    reader, dumps = RecordReader(demo), reuse.Dumps()
    record = load_meeting(demo, _meeting_ids(demo, closed=True)[-1], reader)
    assert record.template is not None
    items = [item.model_copy(update={"title": f"{item.title} (ny)"}) if n == 0 else item
             for n, item in enumerate(record.template.items)]
    renamed = record.model_copy(update={"template": record.template.model_copy(
        update={"items": items})})
    frame: list[object] = ["sida.html", "sv", False, "Exempelkommun", "Exempelkommun"]

    assert reuse.key(record, frame, dumps) == reuse.key(record, frame)
    assert reuse.key(renamed, frame, dumps) == reuse.key(renamed, frame)
    assert reuse.key(renamed, frame, dumps) != reuse.key(record, frame, dumps)
