"""The sample the search tests search: two meetings with one text of every kind, a
confidential problem, a personnummer in a public text and removed rows; and `found`, what a
search finds as (kind, id)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from meetingtui.model import Cause, Measure, MeasureStatus, Observation
from meetingtui.services import followup, groups, lagesbild, meetings
from meetingtui.services.search import SearchFilters, search
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock

PERSONNUMMER = "811218-9876"


@dataclass
class Sample:
    db: Path
    est: int  # the EST meeting, 2026-09-08
    sspf: int  # the SSPF meeting, 2026-10-13
    ids: dict[str, int]


def _meeting(ws: Workspace, clock: Clock, short: str, day: date) -> int:
    clock.now = datetime.combine(day, time(9, 0))
    group = groups.find_group(ws, short)
    assert group is not None and group.id is not None
    meeting = meetings.plan_meeting(ws, group.id, day)
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return meeting.id


def _item(ws: Workspace, meeting_id: int, position: int) -> int:
    item_id = meetings.items(ws, meeting_id)[position - 1].id
    assert item_id is not None
    return item_id


def build_sample(ws: Workspace, clock: Clock) -> Sample:
    """Two meetings with one text of every kind, a confidential problem with its cause,
    measure and comment, a personnummer in a public text, and removed rows."""
    groups.ensure_groups(ws)
    est = _meeting(ws, clock, "EST", date(2026, 9, 8))
    sspf = _meeting(ws, clock, "SSPF", date(2026, 10, 13))
    ids: dict[str, int] = {"opening": _item(ws, est, 1), "situation": _item(ws, est, 4)}
    meetings.edit_item(ws, ids["opening"], notes="Vi har en plan. Fika på café Müller.")
    meetings.edit_item(ws, ids["situation"], decision="Här behövs mer ljus vid NEAR-skylten")
    meetings.edit_item(ws, _item(ws, sspf, 1), notes="Samverkan med polisen i (centrum)")

    def observation(key: str, meeting_id: int, **fields: object) -> Observation:
        saved = lagesbild.save_observation(ws, Observation(meeting_id=meeting_id, **fields))
        assert saved.id is not None
        ids[key] = saved.id
        return saved

    graffiti = observation("graffiti", est, area="Centrum", place_detail="Torget",
                           category="Klotter", description="Nytt klotter på busskuren",
                           source="Polisen")
    threat = observation("threat", est, area="Stationen", category="Ordningsstörning",
                         description="Hot mot personal på kvällarna", confidential=True)
    observation("tip", sspf, area="Skolan", description=f"Uppgift om {PERSONNUMMER} lämnades")
    gone = observation("gone", est, area="Hamnen", description="Felregistrerad kajen")
    lagesbild.remove_observation(ws, gone)
    for key, owner, text in (("dark", graffiti, "Dålig belysning vid hållplatsen"),
                             ("gang", threat, "Gängkonflikt i området")):
        cause = lagesbild.save_cause(ws, Cause(observation_id=owner.id, text=text))
        assert cause.id is not None
        ids[key] = cause.id
    for key, owner, text in (("clean", graffiti, "Sanera klotter inom 24 timmar"),
                             ("patrol", threat, "Fältgång fredagar")):
        measure = lagesbild.save_measure(ws, Measure(
            meeting_id=est, observation_id=owner.id, text=text, owner="Anna Berg",
            owner_org="Tekniska förvaltningen", due=date(2026, 10, 1)))
        assert measure.id is not None
        ids[key] = measure.id
    dropped = lagesbild.save_measure(ws, Measure(meeting_id=est, text="Borttagen åtgärd kajen",
                                                 owner="Anna Berg"))
    lagesbild.remove_measure(ws, dropped)
    clock.now = datetime(2026, 10, 13, 10, 0)
    ids["done"] = followup.record_update(ws, ids["clean"], MeasureStatus.DONE,
                                         "Klart och återkopplat", meeting_id=sspf).id or 0
    ids["walked"] = followup.record_update(ws, ids["patrol"], MeasureStatus.IN_PROGRESS,
                                           "Fältgången återkopplad", meeting_id=sspf).id or 0
    return Sample(ws.locations.db, est, sspf, ids)


def found(ws: Workspace, query: str, **filters: object) -> set[tuple[str, int]]:
    return {(hit.kind, hit.id) for hit in search(ws, query, SearchFilters(**filters)).hits}
