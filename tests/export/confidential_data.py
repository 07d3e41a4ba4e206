"""The confidential scenario's words, and a started meeting to record them at, for the tests of
confidential content in the exports (`test_confidential_exports.py`) and of how marking something
confidential carries over to what belongs to it (`test_confidential_inheritance.py`)."""

from __future__ import annotations

from datetime import date, datetime, time

from meetingtui.services import groups, meetings
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock

# Each secret is a string no other part of the minutes contains.
OBS_AREA = "Fritidsgården Tornet"
OBS_PLACE = "Baksidan vid cykelstället"
OBS_TEXT = "Misstänkt narkotikaförsäljning på kvällstid"
OBS_SOURCE = "Polisens underrättelseenhet"
CAUSE_TEXT = "Äldre ungdomar från grannkommunen rekryterar"
MEASURE_TEXT = "Socialtjänsten kontaktar vårdnadshavarna"
MEASURE_OWNER = "Sara Lindqvist-Hemlig"
MEASURE_ORG = "Socialtjänstens fältgrupp"
LATE_AREA = "Skolgården i Väster"
LATE_TEXT = "Hot mot en elev på skolgården"
LATE_MEASURE = "Mentorn följer eleven till bussen"
LATE_OWNER = "Nils Ekvall-Skyddad"
ITEM_NOTES = "Polisen redovisade en pågående förundersökning"
ITEM_DECISION = "Informationen noteras och stannar i rummet"
FOLLOWUP_COMMENT = "Två familjer har nåtts, en har tackat nej"


def _meeting(ws: Workspace, clock: Clock, day: date) -> int:
    clock.now = datetime.combine(day, time(9, 0))
    group = groups.find_group(ws, "EST") if groups.ensure_groups(ws) else None
    assert group is not None and group.id is not None
    meeting = meetings.plan_meeting(ws, group.id, day, start=time(9, 0), place="Kommunhuset",
                                    secretary="Omar Haddad")
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return meeting.id
