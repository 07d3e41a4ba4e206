"""The database the published-site tests share: the action lists' sample
(tests/services/test_actions.py: owners in two spellings, every status, a measure due today, a
confidential one) and, for the site, observations (one confidential), user text that is markup,
a name that is a path, and a closed meeting with minutes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import html5lib
import pytest

from meetingtui import i18n
from meetingtui.model import Measure, Observation
from meetingtui.services import lagesbild, meetings
from meetingtui.services.workspace import Workspace
from tests.actions_reference import TODAY
from tests.conftest import Clock
from tests.services.test_actions import Sample, build_sample

MARKUP = "<script>alert('x')</script> & \"citat\" <b>fet</b>"
PATH_OWNER = "Polis/../../etc"
SECRET_OBSERVATION = "HEMLIG-OBSERVATION om en namngiven person"
SECRET_MEASURE = "Stödsamtal enligt sekretessbelagt underlag"  # the sample's confidential one
SECRET_ON_OBSERVATION = "HEMLIG-ÅTGÄRD på den hemliga observationen"
OPEN_OBSERVATION = "Klotter på busshållplatsen vid <torget> & \"parken\""
INTERNAL = "Intern – får inte spridas"


@pytest.fixture(autouse=True)
def swedish() -> Iterator[None]:
    """The site in Swedish whatever the machine's locale (the CLI sets it from --lang)."""
    before = i18n.language()
    i18n.set_language("sv")
    yield
    i18n.set_language(before)


@dataclass
class SiteSample:
    base: Sample
    closed: int  # the meeting whose minutes are published


def build_site_sample(ws: Workspace, clock: Clock, agendas: Path) -> SiteSample:
    base = build_sample(ws, clock, agendas)
    est1 = base.meetings["est1"]
    clock.now = datetime(2026, 11, 21, 10, 0)
    seen = lagesbild.save_observation(ws, Observation(
        meeting_id=est1, area="Torget", place_detail="Busshållplatsen", category="Klotter",
        description=OPEN_OBSERVATION))
    secret = lagesbild.save_observation(ws, Observation(
        meeting_id=est1, area="Hemliga gatan", description=SECRET_OBSERVATION,
        confidential=True))
    assert seen.id is not None and secret.id is not None
    lagesbild.save_measure(ws, Measure(
        meeting_id=est1, observation_id=seen.id, text=MARKUP, owner=PATH_OWNER,
        owner_org="Polisen", due=date(2027, 2, 1)))
    lagesbild.save_measure(ws, Measure(
        meeting_id=est1, observation_id=secret.id, text=SECRET_ON_OBSERVATION,
        owner="Karl Lind", owner_org="Polisen, lokalpolisområde Exempelkommun",
        due=date(2027, 3, 1), confidential=True))
    # Closed a day after it was held, with an end time typed: its minutes are published.
    meeting = meetings.get_meeting(ws, est1)
    meetings.update_details(ws, meeting.model_copy(update={"end": time(11, 0)}), meeting)
    meetings.close_meeting(ws, est1)
    clock.now = datetime.combine(TODAY, time(9, 0))
    return SiteSample(base, est1)


def parse(path: Path) -> object:
    """The page parsed as a browser would, raising on any HTML5 parse error."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(path.read_bytes(), transport_encoding="utf-8")


def text_of(element: object) -> str:
    """The text a reader sees, with single spaces."""
    parts = list(element.itertext())  # type: ignore[attr-defined]
    return " ".join("".join(parts).split())
