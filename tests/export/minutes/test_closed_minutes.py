"""What a meeting decided belongs to that meeting (issue 12 §2): the minutes of a closed meeting
are the same however many later meetings follow its measures up and change the priorities,
except for the amendments recorded on it, which they list in a section of their own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pytest

from meetingtui.export.minutes import export_minutes
from meetingtui.model import Measure, MeasureStatus, Observation
from meetingtui.paths import resolve
from meetingtui.services import followup, groups, lagesbild, meetings, priorities
from meetingtui.services.amend import amending
from meetingtui.services.workspace import Workspace, open_workspace
from tests.conftest import TEST_TEMPLATE, Clock


@dataclass
class Year:
    ws: Workspace
    clock: Clock
    group_id: int

    def meeting(self, day: date) -> int:
        self.clock.now = datetime.combine(day, time(8, 0))
        planned = [m for m in meetings.list_meetings(self.ws, self.group_id) if m.date == day]
        meeting = planned[0] if planned else meetings.plan_meeting(
            self.ws, self.group_id, day, start=time(13, 0), end=time(14, 30), place="Kommunhuset",
            secretary="Eva Berg", adjuster="Ali Khan")
        assert meeting.id is not None
        meetings.start_meeting(self.ws, meeting.id)
        return meeting.id

    def minutes(self, meeting_id: int, name: str) -> str:
        return export_minutes(self.ws, meeting_id, fmt="md", force=True,
                              path=self.ws.locations.exports / f"{name}.md").path.read_text()


@pytest.fixture
def year(tmp_path: Path) -> Iterator[Year]:
    agendas = tmp_path / "agendas"
    agendas.mkdir()
    (agendas / "est.md").write_text(TEST_TEMPLATE, encoding="utf-8")
    clock = Clock(datetime(2026, 10, 13, 8, 0))
    ws = open_workspace(resolve(db=tmp_path / "y.db", agendas=agendas,
                                exports=tmp_path / "exports"), clock)
    groups.ensure_groups(ws)
    group = groups.find_group(ws, "est")
    assert group is not None and group.id is not None
    yield Year(ws, clock, group.id)
    ws.close()


def _followup(year: Year, meeting_id: int, text: str, status: MeasureStatus, comment: str) -> None:
    row = next(f for f in followup.followups(year.ws, meeting_id) if f.measure.text == text)
    assert row.measure.id is not None
    followup.record_update(year.ws, row.measure.id, status, comment, meeting_id=meeting_id)


def test_a_closed_meetings_minutes_do_not_change_with_later_meetings(year: Year) -> None:
    ws = year.ws
    october = year.meeting(date(2026, 10, 13))
    seen = lagesbild.save_observation(ws, Observation(
        meeting_id=october, area="Torget", description="Klotter på busskuren"))
    for text, owner in (("Sanera busskuren", "Gatuenheten"), ("Trygghetsvandring", "Polisen"),
                        ("Informera skolan", "Rektor")):
        lagesbild.save_measure(ws, Measure(meeting_id=october, text=text, owner=owner,
                                           due=date(2026, 11, 30), observation_id=seen.id))
    priorities.set_priorities(ws, october, ["Torget", "Stationen", "Skolan"])
    meetings.decide_next_meeting(ws, october, date(2026, 11, 10), start=time(13, 0),
                                 end=time(14, 30), place="Kommunhuset")
    year.clock.now = datetime(2026, 10, 14, 10, 0)  # typed in the day after
    meetings.close_meeting(ws, october)
    at_closing = year.minutes(october, "october-at-closing")
    assert "ej påbörjad" in at_closing and "1. Torget" in at_closing
    assert "2026-11-10 kl. 13.00–14.30" in at_closing

    november = year.meeting(date(2026, 11, 10))
    _followup(year, november, "Sanera busskuren", MeasureStatus.DONE, "Sanerat 3/11")
    _followup(year, november, "Trygghetsvandring", MeasureStatus.IN_PROGRESS, "Bokad")
    priorities.set_priorities(ws, november, ["Stationen", "Centrum"])
    [copy] = lagesbild.observations(ws, november)
    lagesbild.save_observation(ws, copy.model_copy(update={"description": "Nytt klotter"}),
                               base=copy)
    meetings.decide_next_meeting(ws, november, date(2027, 1, 12))
    meetings.close_meeting(ws, november)
    november_at_closing = year.minutes(november, "november-at-closing")

    january = year.meeting(date(2027, 1, 12))
    _followup(year, january, "Trygghetsvandring", MeasureStatus.DONE, "Genomförd 8/1")
    _followup(year, january, "Informera skolan", MeasureStatus.DONE, "Klart")
    priorities.set_priorities(ws, january, ["Skolan"])
    meeting = meetings.get_meeting(ws, november)  # the next meeting moved and held
    assert meeting.next_date == date(2027, 1, 12)
    meetings.update_details(ws, meetings.get_meeting(ws, january).model_copy(
        update={"start": time(9, 0), "end": time(11, 15)}))
    meetings.close_meeting(ws, january)

    assert year.minutes(october, "october-again") == at_closing
    again = year.minutes(november, "november-again")
    assert again == november_at_closing
    assert "ej påbörjad → pågående" in again and "Genomförd 8/1" not in again
    # Not followed up in November: still in its follow-up, as it stood then.
    assert "| Informera skolan (EST, beslutad 2026-10-13) | Rektor | ej påbörjad" in again
    assert "1. Stationen" in again and "Skolan" not in again.split("Prioriterade")[1]

    # A correction on the record: shown in its own section, with who and why.
    item = meetings.items(ws, october)[0]
    assert item.id is not None
    year.clock.now = datetime(2027, 1, 20, 15, 30)
    with amending(ws, by="Eva Berg", why="Fel i anteckningen"):
        meetings.edit_item(ws, item.id, notes="Mötet öppnades kl. 13.05.")
    corrected = year.minutes(october, "october-corrected")
    expected = at_closing.replace(
        "## § 1 Mötets öppnande\n\n", "## § 1 Mötets öppnande\n\nMötet öppnades kl. 13.05.\n\n"
    ).replace("**Vid anteckningarna", "## Ändringar efter mötet\n\n- 2027-01-20 15:30, Eva Berg: "
              "§ 1 Mötets öppnande. Skäl: Fel i anteckningen\n\n**Vid anteckningarna")
    assert corrected == expected
    public = export_minutes(ws, october, fmt="md", public=True, force=True,
                            path=ws.locations.exports / "o-public.md").path.read_text()
    assert "Ändringar efter mötet" not in public and "Fel i anteckningen" not in public
