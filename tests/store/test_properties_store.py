"""Any Unicode typed into a form, through the models into the database and back.

Each example is either refused by the model with a text error type (text_empty, text_too_long,
owner_missing) or saved through the services and read back equal to what the model accepted
(control characters, U+FFFE/U+FFFF and lone surrogates removed, line ends as LF, blanks around
trimmed; one-line fields folded to one line). Never another exception. Half of the examples edit
a closed meeting, so the amendment each edit leaves is exercised with the same text.

One workspace per test function (hypothesis runs many examples in one function call), so the
ids grow from example to example and each check looks its own row up by id.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from meetingtui.model import (
    LONG_MAX,
    SHORT_MAX,
    Attendance,
    Cause,
    Measure,
    MeasureStatus,
    Meeting,
    Observation,
    Presence,
)
from meetingtui.paths import resolve
from meetingtui.services import attendance, followup, groups, lagesbild, meetings, priorities
from meetingtui.services.workspace import Amending, Workspace, open_workspace
from meetingtui.store.amendments import amendments_of
from tests.conftest import TEST_TEMPLATE, Clock
from tests.unicode_strategies import ANY_TEXT, TEXT_ERRORS

BOUNDED = settings(max_examples=40, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@dataclass(frozen=True)
class Place:
    ws: Workspace
    running: int
    closed: int

    def meeting(self, closed: bool) -> int:
        """The meeting to edit; the closed one is edited as a correction with a reason, as the
        app's "Ändra stängt möte" does (without one the services refuse: tested elsewhere)."""
        self.ws.amending = Amending(by="Eva Berg", why="Rättelse") if closed else None
        return self.closed if closed else self.running


@contextmanager
def workspace(factory: pytest.TempPathFactory) -> Iterator[Place]:
    """A database with one closed and one running EST meeting."""
    root = factory.mktemp("props")
    agendas = root / "agendas"
    agendas.mkdir()
    (agendas / "est.md").write_text(TEST_TEMPLATE, encoding="utf-8")
    clock = Clock(datetime(2026, 10, 13, 9, 0))
    ws = open_workspace(resolve(db=root / "p.db", agendas=agendas, exports=root / "exports"),
                        clock=clock)
    try:
        group = groups.find_group(ws, "EST") if groups.ensure_groups(ws) else None
        assert group is not None and group.id is not None
        ids = []
        for day in (date(2026, 10, 13), date(2026, 11, 10)):
            clock.now = datetime.combine(day, time(9, 0))
            meeting = meetings.plan_meeting(ws, group.id, day)
            assert meeting.id is not None
            meetings.start_meeting(ws, meeting.id)
            ids.append(meeting.id)
        meetings.close_meeting(ws, ids[0])
        yield Place(ws, running=ids[1], closed=ids[0])
    finally:
        ws.close()


def refused(error: ValidationError, model: str) -> None:
    """A refusal must be one of the text errors the UI words, about the model the form fills
    (not, say, about the amendment the service writes beside it)."""
    types = {e["type"] for e in error.errors()}
    assert error.title == model and types <= TEXT_ERRORS, error


def test_observations_round_trip(tmp_path_factory: pytest.TempPathFactory) -> None:
    with workspace(tmp_path_factory) as place:
        @BOUNDED
        @given(area=ANY_TEXT, detail=ANY_TEXT, category=ANY_TEXT, description=ANY_TEXT,
               source=ANY_TEXT, confidential=st.booleans(), closed=st.booleans(),
               edit=ANY_TEXT)
        # Fields at their limits on a closed meeting: the amendment quotes more than one field.
        @example(area="Å" * SHORT_MAX, detail="", category="", description="d" * LONG_MAX,
                 source="", confidential=False, closed=True, edit="e" * LONG_MAX)
        def check(area: str, detail: str, category: str, description: str, source: str,
                  confidential: bool, closed: bool, edit: str) -> None:
            meeting_id = place.meeting(closed)
            try:
                typed = Observation(meeting_id=meeting_id, area=area, place_detail=detail,
                                    category=category, description=description, source=source,
                                    confidential=confidential)
            except ValidationError as error:
                refused(error, "Observation")
                return
            saved = lagesbild.save_observation(place.ws, typed)
            stored = {o.id: o for o in lagesbild.observations(place.ws, meeting_id)}
            assert stored[saved.id] == saved == typed.model_copy(
                update={"id": saved.id, "problem_id": saved.id})
            try:
                changed = Observation.model_validate({**saved.model_dump(),
                                                      "description": edit})
            except ValidationError as error:
                refused(error, "Observation")
                return
            result = lagesbild.save_observation(place.ws, changed)
            stored = {o.id: o for o in lagesbild.observations(place.ws, meeting_id)}
            assert stored[saved.id] == result == changed.model_copy(
                update={"version": result.version})
            if closed and changed.description != saved.description:
                assert amendments_of(place.ws.store, meeting_id)[-1].new.endswith(
                    changed.description)

        check()


def test_causes_and_measures_round_trip(tmp_path_factory: pytest.TempPathFactory) -> None:
    with workspace(tmp_path_factory) as place:
        observations = {
            closed: lagesbild.save_observation(place.ws, Observation(
                meeting_id=place.meeting(closed), area="Centrum", description="Klotter"))
            for closed in (False, True)
        }

        @BOUNDED
        @given(cause_text=ANY_TEXT, text=ANY_TEXT, owner=ANY_TEXT, org=ANY_TEXT,
               comment=ANY_TEXT, closed=st.booleans())
        @example(cause_text="c" * LONG_MAX, text="t" * LONG_MAX, owner="Ö" * SHORT_MAX,
                 org="", comment="k" * LONG_MAX, closed=True)
        def check(cause_text: str, text: str, owner: str, org: str, comment: str,
                  closed: bool) -> None:
            meeting_id = place.meeting(closed)
            observation = observations[closed]
            assert observation.id is not None
            try:
                cause = lagesbild.save_cause(place.ws, Cause(observation_id=observation.id,
                                                             text=cause_text))
            except ValidationError as error:
                refused(error, "Cause")
            else:
                stored_causes = {c.id: c for c in lagesbild.causes(place.ws, meeting_id)}
                assert stored_causes[cause.id] == cause
            try:
                typed = Measure(meeting_id=meeting_id, text=text, owner=owner, owner_org=org,
                                due=date(2026, 12, 1), observation_id=observation.id)
            except ValidationError as error:
                refused(error, "Measure")
                return
            saved = lagesbild.save_measure(place.ws, typed, by=owner)
            stored = {m.id: m for m in lagesbild.measures(place.ws, meeting_id)}
            assert stored[saved.id] == saved
            assert (saved.text, saved.owner, saved.owner_org) == (typed.text, typed.owner,
                                                                  typed.owner_org)
            assert saved.id is not None
            try:
                update = followup.record_update(place.ws, saved.id, MeasureStatus.IN_PROGRESS,
                                                comment, meeting_id=place.running)
            except ValidationError as error:
                refused(error, "MeasureUpdate")
                return
            assert followup.history(place.ws, saved.id)[-1] == update

        check()


def test_agenda_notes_and_decisions_round_trip(tmp_path_factory: pytest.TempPathFactory) -> None:
    with workspace(tmp_path_factory) as place:
        @BOUNDED
        @given(notes=ANY_TEXT, decision=ANY_TEXT, confidential=st.booleans(),
               closed=st.booleans(), position=st.integers(min_value=0, max_value=6))
        @example(notes="n" * LONG_MAX, decision="b" * LONG_MAX, confidential=True, closed=True,
                 position=0)
        def check(notes: str, decision: str, confidential: bool, closed: bool,
                  position: int) -> None:
            meeting_id = place.meeting(closed)
            item = meetings.items(place.ws, meeting_id)[position]
            assert item.id is not None
            try:
                edited = meetings.edit_item(place.ws, item.id, notes=notes, decision=decision,
                                            confidential=confidential)
            except ValidationError as error:
                refused(error, "AgendaItem")
                return
            stored = {i.id: i for i in meetings.items(place.ws, meeting_id)}
            assert stored[item.id] == edited
            assert (edited.title, edited.kind) == (item.title, item.kind)

        check()


def test_attendance_details_and_priorities_round_trip(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    with workspace(tmp_path_factory) as place:
        @BOUNDED
        @given(name=ANY_TEXT, role=ANY_TEXT, org=ANY_TEXT, where=ANY_TEXT, chair=ANY_TEXT,
               titles=st.lists(ANY_TEXT, max_size=3), closed=st.booleans())
        def check(name: str, role: str, org: str, where: str, chair: str, titles: list[str],
                  closed: bool) -> None:
            meeting_id = place.meeting(closed)
            try:
                guest = attendance.add_attendee(place.ws, Attendance(
                    meeting_id=meeting_id, name=name, role=role, organisation=org,
                    presence=Presence.GUEST))
            except ValidationError as error:
                refused(error, "Attendance")
            else:
                stored = {a.id: a for a in attendance.of_meeting(place.ws, meeting_id)}
                assert stored[guest.id] == guest
            meeting = meetings.get_meeting(place.ws, meeting_id)
            try:
                changed = Meeting.model_validate({**meeting.model_dump(), "place": where,
                                                  "chair": chair})
            except ValidationError as error:
                refused(error, "Meeting")
            else:
                result = meetings.update_details(place.ws, changed)
                assert meetings.get_meeting(place.ws, meeting_id) == result == changed.model_copy(
                    update={"version": result.version})
            try:
                chosen = priorities.set_priorities(place.ws, meeting_id, titles)
            except ValidationError as error:
                refused(error, "Priority")
                return
            assert priorities.priorities_for_meeting(place.ws, meeting_id) == chosen

        check()
