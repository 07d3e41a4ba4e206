"""One EST meeting that follows up a medborgarlöfte, for the scenario and the snapshots: EST on
10 November 2026 with the shipped templates; the löfte "Tryggare Centrum 2026" with a commitment
late at the meeting, one due on its day and a linked measure; a samverkansöverenskommelse of the
whole municipality (no group named)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from meetingtui.model import AgreementKind, Measure
from meetingtui.services import agreements, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.scenarios.helpers import group_id, scenario_workspace

MEETING_DAY = date(2026, 11, 10)


@dataclass(frozen=True)
class LofteMeeting:
    ws: Workspace
    meeting_id: int
    lofte_id: int
    walks_id: int  # Kommunen's walks, due 9 November: late at the meeting
    presence_id: int  # Polisen's presence, due on the meeting's day: not late yet


def lofte_meeting(tmp_path: Path, clock: Clock) -> LofteMeeting:
    ws = scenario_workspace(tmp_path, clock, "Herrljunga kommun")
    est = group_id(ws, "EST")
    lofte = agreements.add_agreement(
        ws, AgreementKind.MEDBORGARLOFTE, "Tryggare Centrum 2026", date(2026, 1, 1),
        date(2026, 12, 31), ["Herrljunga kommun", "LPO Alingsås"])
    assert lofte.id is not None
    walks = agreements.add_commitment(ws, lofte.id, "Trygghetsvandringar i Centrum varje månad",
                                      "Trygghetssamordnare", party="Kommunen",
                                      due=date(2026, 11, 9))
    presence = agreements.add_commitment(ws, lofte.id, "Synlig närvaro fredagskvällar",
                                         "Kommunpolis", party="Polisen",
                                         organisation="LPO Alingsås", due=MEETING_DAY)
    earlier = meetings.plan_meeting(ws, est, date(2026, 10, 13))
    light = lagesbild.save_measure(ws, Measure(meeting_id=earlier.id or 0,
                                               text="Belysning i gångtunneln", owner="Tekniska",
                                               due=date(2026, 12, 15)))
    agreements.link_measure(ws, lofte.id, light.id or 0)
    deal = agreements.add_agreement(
        ws, AgreementKind.SAMVERKAN, "Samverkansöverenskommelse 2025–2026", date(2025, 1, 1),
        date(2026, 12, 31), ["Herrljunga kommun", "Polisen"])
    agreements.add_commitment(ws, deal.id or 0, "Gemensam lägesbild varje kvartal",
                              "Säkerhetschef", party="Kommunen")
    meeting = meetings.plan_meeting(ws, est, MEETING_DAY)
    assert meeting.id is not None and walks.id is not None and presence.id is not None
    return LofteMeeting(ws, meeting.id, lofte.id, walks.id, presence.id)
