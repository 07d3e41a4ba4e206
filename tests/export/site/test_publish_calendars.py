"""The calendars of `meetingtui publish DIR` (issue 17 §2): one per owner with open public
measures, all-day events with a reminder, and UIDs that stay the same when published again or
from a copy of the database."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar

from meetingtui.export.site import publish_site
from meetingtui.services.workspace import Workspace
from tests.export.site.publish_helpers import sample
from tests.site_sample import SiteSample, swedish

__all__ = ["sample", "swedish"]  # fixtures, imported to apply here


def test_one_calendar_per_owner_all_day_events_with_stable_uids(
        ws: Workspace, sample: SiteSample, tmp_path: Path) -> None:
    first, again = tmp_path / "a", tmp_path / "b"
    publish_site(ws, first)
    publish_site(ws, again)
    calendars = sorted(first.rglob("*.ics"))
    assert [p.name for p in calendars] == [
        "anna-berg.ics", "asa-oberg-2.ics", "asa-oberg.ics", "karl-lind.ics", "mats-holm.ics",
        "polis-etc.ics"]  # Lena Ek's only open measure is confidential
    for path in calendars:
        raw = path.read_bytes()
        calendar = Calendar.from_ical(raw)
        events = list(calendar.walk("VEVENT"))
        assert events, path
        assert raw.count(b"DTSTART;VALUE=DATE:") == len(events)
        for event in events:
            start, end = event.decoded("dtstart"), event.decoded("dtend")
            assert type(start) is date and end == start + timedelta(days=1)
            assert event.walk("VALARM")  # a reminder a week before
        twin = Calendar.from_ical((again / path.relative_to(first)).read_bytes())
        assert [str(e["uid"]) for e in events] == [str(e["uid"]) for e in twin.walk("VEVENT")]
    karl = Calendar.from_ical((first / "ansvariga" / "karl-lind.ics").read_bytes())
    assert sorted(str(e["summary"]) for e in karl.walk("VEVENT")) == [
        "EST: Informera skolorna om läget", "EST: Ordna en trygghetsvandring i Norra parken",
        "SSPF: Fältgång fredagar kl. 21–24"]


def test_uids_survive_a_copy_of_the_database(ws: Workspace, sample: SiteSample,
                                              tmp_path: Path) -> None:
    import shutil

    from meetingtui.paths import resolve
    from meetingtui.services.workspace import open_workspace

    publish_site(ws, tmp_path / "a")
    ws.store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "kopia.db"
    shutil.copy(sample.base.db, copy)
    other = open_workspace(resolve(db=copy, agendas=sample.base.agendas,
                                   exports=tmp_path / "x"), clock=lambda: ws.now())
    try:
        publish_site(other, tmp_path / "b")
    finally:
        other.close()
    for name in ("karl-lind.ics", "anna-berg.ics"):
        uids = [[str(e["uid"]) for e in Calendar.from_ical(
            (tmp_path / where / "ansvariga" / name).read_bytes()).walk("VEVENT")]
            for where in ("a", "b")]
        assert uids[0] == uids[1] and uids[0]
