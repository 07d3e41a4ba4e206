"""The demo's medborgarlöfte and samverkansöverenskommelse (issue 16 §4): a newcomer sees a löfte
of the kommun and the lokalpolisområde with commitments (owners, statuses), measures linked to it,
a samverkansöverenskommelse the styrgrupp follows up, and the home screen's warning."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from meetingtui.demo.agreements import LOFTE, SAMVERKAN
from meetingtui.demo.fill import fill_demo
from meetingtui.model import AgreementKind, MeasureStatus, MeetingStatus
from meetingtui.paths import resolve
from meetingtui.services import agreements, home
from meetingtui.services.groups import ensure_groups
from meetingtui.services.meetings import list_meetings
from meetingtui.services.record import load_meeting
from meetingtui.services.workspace import open_workspace

TODAY = date(2026, 11, 23)


def test_the_demo_keeps_a_lofte_and_an_agreement(tmp_path: Path) -> None:
    ws = open_workspace(resolve(db=tmp_path / "demo.db"),
                        clock=lambda: datetime.combine(TODAY, datetime.min.time()))
    try:
        fill_demo(ws, years=1, seed=1)
        shown = {d.agreement.title: d for d in agreements.in_force(ws, TODAY)}
        lofte, deal = shown[LOFTE], shown[SAMVERKAN]
        assert lofte.agreement.kind is AgreementKind.MEDBORGARLOFTE
        assert agreements.parties_of(lofte.agreement) == ["Kommunen", "Lokalpolisområdet"]
        assert {c.party for c in lofte.commitments} == {"Kommunen", "Lokalpolisområdet"}
        assert all(c.owner and c.organisation and c.due for c in lofte.commitments)
        statuses = [c.status for c in lofte.commitments]
        assert MeasureStatus.DONE in statuses and MeasureStatus.IN_PROGRESS in statuses
        assert any(c.overdue(TODAY) for c in lofte.commitments)  # something to raise
        assert len(lofte.measures) >= 2
        styrgrupp = next(g for g in ensure_groups(ws) if g.template_id == "styrgrupp")
        assert deal.agreement.kind is AgreementKind.SAMVERKAN
        assert deal.agreement.group_id == styrgrupp.id
        assert deal.agreement.period_end == date(2027, 12, 31)
        # The löfte ends on 31 December: within 60 days of 23 November.
        assert [title for title, _ in home.ending_agreements(ws)] == [LOFTE]
        # An EST meeting closed this year kept the löfte as it stood then: not started.
        est = next(g for g in ensure_groups(ws) if g.template_id == "est")
        closed = [m for m in list_meetings(ws) if m.group_id == est.id
                  and m.status is MeetingStatus.CLOSED and m.date.year == TODAY.year]
        record = load_meeting(ws, closed[-1].id or 0)
        kept = {d.agreement.title: d for d in record.agreements}
        assert set(kept) == {LOFTE}  # the samverkansöverenskommelse is the styrgrupp's
        assert {c.status for c in kept[LOFTE].commitments} == {MeasureStatus.NOT_STARTED}
    finally:
        ws.close()
