"""Recording the lägesbild during the meeting: observations, their causes and measures.

Each call is one committed transaction; a change to a closed meeting leaves an amendment.
"""

from __future__ import annotations

from meetingtui.model import Cause, Measure, MeasureStatus, MeasureUpdate, Observation
from meetingtui.services.amend import note_change
from meetingtui.services.workspace import Workspace
from meetingtui.store import lagesbild as rows
from meetingtui.store import measures as measure_rows


def observations(ws: Workspace, meeting_id: int) -> list[Observation]:
    return rows.observations_of(ws.store, meeting_id)


def save_observation(ws: Workspace, observation: Observation) -> Observation:
    """Insert when new, update otherwise.

    An observation marked confidential after its measures were recorded takes them along (see
    `save_measure`), and so do the copies later meetings already carried over (each change to a
    closed meeting noted as usual); unmarking it leaves them confidential until each is unmarked
    on purpose."""
    with ws.store.transaction():
        if observation.id is None:
            note_change(ws, observation.meeting_id, "Ny iakttagelse", "", _said(observation))
            return rows.insert_observation(ws.store, observation)
        old = rows.get_observation(ws.store, observation.id)
        note_change(ws, observation.meeting_id, f"Iakttagelse {observation.id}",
                    _said(old) if old else "", _said(observation))
        rows.update_observation(ws.store, observation)
        if observation.confidential:
            measure_rows.confide_measures_of(ws.store, observation.id)
            for copy in rows.carried_copies(ws.store, observation.id):
                if not copy.confidential:
                    save_observation(ws, copy.model_copy(update={"confidential": True}))
        return observation


def remove_observation(ws: Workspace, observation: Observation) -> None:
    assert observation.id is not None
    with ws.store.transaction():
        note_change(ws, observation.meeting_id, f"Iakttagelse {observation.id} borttagen",
                    _said(observation), "")
        rows.remove_observation(ws.store, observation.id, ws.now())


def _said(observation: Observation) -> str:
    return f"{observation.area}: {observation.description}"


def causes(ws: Workspace, meeting_id: int) -> list[Cause]:
    return rows.causes_of_meeting(ws.store, meeting_id)


def save_cause(ws: Workspace, cause: Cause) -> Cause:
    observation = rows.get_observation(ws.store, cause.observation_id)
    if observation is None:
        raise LookupError(f"No observation with id {cause.observation_id}")
    with ws.store.transaction():
        if cause.id is None:
            note_change(ws, observation.meeting_id, "Ny orsak", "", cause.text)
            return rows.insert_cause(ws.store, cause)
        old = rows.get_cause(ws.store, cause.id)
        note_change(ws, observation.meeting_id, f"Orsak {cause.id}",
                    old.text if old else "", cause.text)
        rows.update_cause(ws.store, cause)
        return cause


def remove_cause(ws: Workspace, cause: Cause) -> None:
    assert cause.id is not None
    observation = rows.get_observation(ws.store, cause.observation_id)
    with ws.store.transaction():
        if observation is not None:
            note_change(ws, observation.meeting_id, f"Orsak {cause.id} borttagen", cause.text, "")
        rows.remove_cause(ws.store, cause.id, ws.now())


def measures(ws: Workspace, meeting_id: int) -> list[Measure]:
    return measure_rows.measures_of_meeting(ws.store, meeting_id)


def save_measure(ws: Workspace, measure: Measure, by: str = "") -> Measure:
    """A new measure starts as not started (its first update); status changes go through
    `followup.record_update`, never through here.

    A measure for a confidential observation is confidential too: later meetings follow it up
    without the observation beside it, and the public minutes must still leave it out."""
    if not measure.confidential and _observation_confidential(ws, measure):
        measure = measure.model_copy(update={"confidential": True})
    with ws.store.transaction():
        if measure.id is None:
            note_change(ws, measure.meeting_id, "Ny åtgärd", "", _assigned(measure))
            return measure_rows.insert_measure(ws.store, measure, MeasureUpdate(
                measure_id=0, meeting_id=measure.meeting_id, at=ws.now(),
                new_status=MeasureStatus.NOT_STARTED, by=by,
            ))
        old = measure_rows.get_measure(ws.store, measure.id)
        note_change(ws, measure.meeting_id, f"Åtgärd {measure.id}",
                    _assigned(old) if old else "", _assigned(measure))
        measure_rows.update_measure(ws.store, measure)
        return measure.model_copy(update={"status": old.status if old else measure.status})


def _observation_confidential(ws: Workspace, measure: Measure) -> bool:
    """True when the measure's observation, or the observation of its cause, is confidential."""
    observation_id = measure.observation_id
    if observation_id is None and measure.cause_id is not None:
        cause = rows.get_cause(ws.store, measure.cause_id)
        observation_id = cause.observation_id if cause is not None else None
    if observation_id is None:
        return False
    observation = rows.get_observation(ws.store, observation_id)
    return observation is not None and observation.confidential


def remove_measure(ws: Workspace, measure: Measure) -> None:
    assert measure.id is not None
    with ws.store.transaction():
        note_change(ws, measure.meeting_id, f"Åtgärd {measure.id} borttagen",
                    _assigned(measure), "")
        measure_rows.remove_measure(ws.store, measure.id, ws.now())


def _assigned(measure: Measure) -> str:
    return f"{measure.text} ({measure.owner}, {measure.due or '–'})"
