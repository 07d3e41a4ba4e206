"""Recording the lägesbild during the meeting: observations, their causes and measures.

Each call is one committed transaction. A save names what the user's screen read (`base`): only
the fields the user changed are written, and a field that another program changed meanwhile is
a `Conflict`, never overwritten. A change to a closed meeting needs a reason and leaves an
amendment (`services.amend`). Confidentiality is a problem's, changed only by `set_confidential`.
"""

from __future__ import annotations

from collections.abc import Iterable

from meetingtui.model import (
    Cause,
    CauseBasis,
    Measure,
    MeasureStatus,
    MeasureUpdate,
    Observation,
    ProposalState,
)
from meetingtui.services.amend import note_change
from meetingtui.services.workspace import Workspace
from meetingtui.store import lagesbild as rows
from meetingtui.store import measures as measure_rows
from meetingtui.store.rows import Conflict, Gone


def observations(ws: Workspace, meeting_id: int) -> list[Observation]:
    return rows.observations_of(ws.store, meeting_id)


def get_observation(ws: Workspace, observation_id: int) -> Observation:
    observation = rows.get_observation(ws.store, observation_id)
    if observation is None:
        raise Gone("observations", observation_id)
    return observation


def save_observation(ws: Workspace, observation: Observation, *,
                     base: Observation | None = None) -> Observation:
    """Insert when new, else write what changed since `base`. The confidential flag of a new
    observation is as given; of a stored one it changes only through `set_confidential`."""
    with ws.store.transaction():
        if observation.id is None:
            note_change(ws, observation.meeting_id, "Ny iakttagelse", "", _said(observation))
            return rows.insert_observation(ws.store, observation)
        old = rows.get_observation(ws.store, observation.id)
        stored = rows.update_observation(ws.store, observation, base)
        note_change(ws, observation.meeting_id, f"Iakttagelse {observation.id}",
                    _said(old) if old else "", _said(stored))
        return stored


def set_confidential(ws: Workspace, observation_id: int, confidential: bool, *,
                     by: str = "", reason: str = "",
                     base: Observation | None = None) -> Observation:
    """Mark a problem confidential, or public again, as a whole: every meeting it appeared in,
    with the measures decided on it. Recorded (who, when, why); each closed meeting whose
    minutes this changes gets an amendment. `base`: the observation as the user saw it, so a
    flag another program changed meanwhile is a `Conflict`, not silently flipped back."""
    old, new = ("Offentlig", "Sekretess") if confidential else ("Sekretess", "Offentlig")
    why = reason or ("Sekretessmarkerad" if confidential else "Offentlig igen")
    with ws.store.transaction():  # read and write in one: no other program in between
        current = get_observation(ws, observation_id)
        if base is not None and base.confidential != current.confidential:
            raise Conflict("observations",
                           base.model_copy(update={"confidential": confidential}), current,
                           ["confidential"])
        if current.confidential == confidential:
            return current
        problem = current.problem_id or observation_id
        for meeting_id in rows.set_problem_confidential(ws.store, problem, confidential):
            # Named by number, not by its area: the area is what may be confidential.
            note_change(ws, meeting_id, f"Sekretess för problem {problem} i lägesbilden", old,
                        new, why=why, by=by)
        rows.record_confidentiality(ws.store, problem, ws.now(), by, confidential, reason)
    return get_observation(ws, observation_id)


def remove_observation(ws: Workspace, observation: Observation) -> None:
    """Soft: gone from the lägesbild and the minutes, with its causes and the measures decided
    on it in this meeting."""
    assert observation.id is not None
    with ws.store.transaction():
        note_change(ws, observation.meeting_id, f"Iakttagelse {observation.id} borttagen",
                    _said(observation), "")
        now = ws.now()
        for cause in rows.causes_of_meeting(ws.store, observation.meeting_id):
            if cause.observation_id == observation.id and cause.id is not None:
                _note_untied(ws, cause, observation.meeting_id)
                rows.remove_cause(ws.store, cause.id, now)
        for measure in measure_rows.measures_of_meeting(ws.store, observation.meeting_id):
            if measure.observation_id == observation.id and measure.id is not None:
                measure_rows.remove_measure(ws.store, measure.id, now)
        rows.remove_observation(ws.store, observation.id, now)


def _said(observation: Observation) -> str:
    """The observation as an amendment quotes it: every field a save may change (a change to a
    closed meeting is noted only when this text changes), the description last."""
    where = " – ".join(text for text in (observation.area, observation.place_detail) if text)
    about = "; ".join(text for text in (
        observation.category, observation.source, observation.trend.value,
        f"nivå {observation.level}", observation.status.value) if text)
    return f"{where} ({about}): {observation.description}"


def causes(ws: Workspace, meeting_id: int) -> list[Cause]:
    return rows.causes_of_meeting(ws.store, meeting_id)


def problem_causes(ws: Workspace, problem_id: int) -> list[Cause]:
    """The causes recorded on every appearance of a problem, oldest meeting first."""
    return rows.problem_causes(ws.store, problem_id)


def causes_to_offer(ws: Workspace, measure: Measure) -> list[Cause]:
    """The causes a measure may address: those of its problem, from every appearance up to the
    measure's meeting (a problem carried over keeps the causes found earlier). None for a
    measure decided outside the lägesbild (in the action plan)."""
    problem = _problem_of(ws, measure)
    if problem is None:
        return []
    return rows.problem_causes(ws.store, problem, until=measure.meeting_id)


def causes_addressed(ws: Workspace, measures: Iterable[Measure]) -> dict[int, Cause]:
    """The causes these measures address, by id (some from earlier appearances of a problem)."""
    return rows.causes_by_id(ws.store, sorted({c for m in measures for c in m.cause_ids}))


def measures_addressing(ws: Workspace, cause: Cause) -> list[Measure]:
    """The measures that address a cause: what removing it takes from them."""
    assert cause.id is not None
    return measure_rows.measures_addressing(ws.store, cause.id)


def save_cause(ws: Workspace, cause: Cause, *, base: Cause | None = None) -> Cause:
    observation = rows.get_observation(ws.store, cause.observation_id)
    if observation is None:
        raise Gone("observations", cause.observation_id)
    with ws.store.transaction():
        if cause.id is None:
            note_change(ws, observation.meeting_id, "Ny orsak", "", _caused(cause))
            return rows.insert_cause(ws.store, cause)
        old = rows.get_cause(ws.store, cause.id)
        stored = rows.update_cause(ws.store, cause, base)
        note_change(ws, observation.meeting_id, f"Orsak {cause.id}",
                    _caused(old) if old else "", _caused(stored))
        return stored


def remove_cause(ws: Workspace, cause: Cause) -> None:
    """Soft, as every removal. The measures that address it stay, without it: each of them in
    another meeting is a change to that meeting's minutes too (an amendment when it is closed).
    """
    assert cause.id is not None
    observation = rows.get_observation(ws.store, cause.observation_id)
    with ws.store.transaction():
        if observation is not None:
            note_change(ws, observation.meeting_id, f"Orsak {cause.id} borttagen",
                        _caused(cause), "")
        _note_untied(ws, cause, observation.meeting_id if observation else None)
        rows.remove_cause(ws.store, cause.id, ws.now())


def _note_untied(ws: Workspace, cause: Cause, meeting_id: int | None) -> None:
    """Note, in each other meeting, that its measures no longer show the cause removed."""
    assert cause.id is not None
    for measure in measure_rows.measures_addressing(ws.store, cause.id):
        if measure.meeting_id != meeting_id:
            without = measure.model_copy(update={
                "cause_ids": [c for c in measure.cause_ids if c != cause.id]})
            note_change(ws, measure.meeting_id, f"Åtgärd {measure.id}", _assigned(measure),
                        _assigned(without))


def _caused(cause: Cause) -> str:
    """A cause as an amendment quotes it: its side of the triangle, who controls it, what it
    rests on, its text."""
    side = cause.dimension.value + (f"/{cause.controller.value}" if cause.controller else "")
    basis = f" ({cause.basis.value})" if cause.basis is not CauseBasis.UNSAID else ""
    return f"{side}{basis}: {cause.text}"


def measures(ws: Workspace, meeting_id: int) -> list[Measure]:
    """The meeting's own measures (its proposals to a body above stand apart)."""
    return [m for m in measure_rows.measures_of_meeting(ws.store, meeting_id) if not m.proposal]


def save_measure(ws: Workspace, measure: Measure, *, by: str = "",
                 base: Measure | None = None) -> Measure:
    """A new measure starts as not started (its first update); status changes go through
    `followup.record_update`, never through here.

    A measure addresses causes of its own problem only (its observation's, or, decided on a
    cause alone, that cause's). A measure of a confidential problem is confidential too: later
    meetings follow it up without the observation beside it, and the public minutes must still
    leave it out. A new measure on an observation or a cause that another program removed
    meanwhile is `Gone` (its problem's flag can no longer be read from it), and the flag is
    read in the transaction that inserts it, so that a problem marked meanwhile is not missed.
    An edit ties and unties the causes ticked and unticked since `base` (see
    `store.measures.update_measure`)."""
    with ws.store.transaction():
        if measure.id is None:
            if _confidential_problem(ws, measure, measure.cause_ids) and not measure.confidential:
                measure = measure.model_copy(update={"confidential": True})
            note_change(ws, measure.meeting_id, "Ny åtgärd", "", _assigned(measure))
            return measure_rows.insert_measure(ws.store, measure, MeasureUpdate(
                measure_id=0, meeting_id=measure.meeting_id, at=ws.now(),
                new_status=MeasureStatus.NOT_STARTED, by=by,
            ))
        old = measure_rows.get_measure(ws.store, measure.id)
        before = base if base is not None else old
        added = set(measure.cause_ids) - set(before.cause_ids if before else [])
        if base is None:  # a cause removed since it was read stays tied, as the store keeps it
            added -= measure_rows.ever_tied(ws.store, measure.id)
        # Of its own problem (whose flag the measure already has), not removed; a proposal
        # that addressed none may take its first problem's, and its flag with them.
        secret = bool(added) and _confidential_problem(ws, old or measure, sorted(added))
        stored = measure_rows.update_measure(ws.store, measure, base)
        if secret and not stored.confidential:
            stored = measure_rows.mark_confidential(ws.store, stored)
        note_change(ws, measure.meeting_id, f"Åtgärd {measure.id}",
                    _assigned(old) if old else "", _assigned(stored))
        return stored.model_copy(update={"status": old.status if old else measure.status})


def _confidential_problem(ws: Workspace, measure: Measure, cause_ids: Iterable[int]) -> bool:
    """Whether the measure's problem is confidential, read from its observation and from the
    causes `cause_ids` it is to address; `Gone` when one of them was removed, a `ValueError`
    when a cause is another problem's, or the measure was decided in the action plan (no
    problem to tie one to; a proposal, made under its own item, may get one later)."""
    confidential = False
    problem = None
    if measure.observation_id is not None:
        observation = get_observation(ws, measure.observation_id)
        problem, confidential = observation.problem_id or observation.id, observation.confidential
    elif measure.id is not None:
        problem = _problem_of(ws, measure)
    for cause_id in cause_ids:
        cause = rows.get_cause(ws.store, cause_id)
        if cause is None:
            raise Gone("causes", cause_id)
        observation = get_observation(ws, cause.observation_id)
        own = observation.problem_id or observation.id
        if problem is None and measure.id is not None and measure.proposal is ProposalState.NONE:
            raise ValueError(f"Measure {measure.id} was decided outside the lägesbild: it "
                             "addresses no cause")
        if problem is not None and problem != own:
            raise ValueError(f"Cause {cause_id} is not a cause of the problem the measure is "
                             "decided against")
        problem = own
        confidential = confidential or observation.confidential
    return confidential


def _problem_of(ws: Workspace, measure: Measure) -> int | None:
    """The problem a measure is decided against: its observation's, or that of a cause it
    addresses; None for one decided outside the lägesbild."""
    if measure.observation_id is not None:
        observation = rows.get_observation(ws.store, measure.observation_id)
        return (observation.problem_id or observation.id) if observation else None
    for cause_id in measure.cause_ids:
        cause = rows.get_cause(ws.store, cause_id)
        observation = rows.get_observation(ws.store, cause.observation_id) if cause else None
        if observation is not None:
            return observation.problem_id or observation.id
    return None


def remove_measure(ws: Workspace, measure: Measure) -> None:
    assert measure.id is not None
    with ws.store.transaction():
        note_change(ws, measure.meeting_id, f"Åtgärd {measure.id} borttagen",
                    _assigned(measure), "")
        measure_rows.remove_measure(ws.store, measure.id, ws.now())


def _assigned(measure: Measure) -> str:
    """A measure as an amendment quotes it: every field a save may change (the causes it
    addresses by number: their texts are quoted where they are recorded)."""
    who = ", ".join(text for text in (measure.owner, measure.owner_org) if text)
    kind = ", ".join(value for value in (measure.type.value, measure.level.value,
                                         f"method {measure.method.value}") if value)
    causes = f"; orsak {', '.join(map(str, measure.cause_ids))}" if measure.cause_ids else ""
    return f"{measure.text} ({who}, {measure.due or '–'}, {kind}{causes})"
