"""A measure on a cause carries its problem's confidentiality (issue 15 §2): marked with the
problem, at every appearance, and left out of the public view together with the cause."""

from __future__ import annotations

from datetime import date

from meetingtui.model import Measure
from meetingtui.services import lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.store.amendments import amendments_of
from tests.conftest import Clock
from tests.services.measure_causes_helpers import _cause, _measure, _meeting, _observation

# --- confidentiality ---------------------------------------------------------------------------

def test_a_measure_on_a_cause_of_a_confidential_problem_is_confidential(ws: Workspace,
                                                                        clock: Clock) -> None:
    meeting = _meeting(ws, clock, date(2026, 10, 14))
    secret = _observation(ws, meeting, "Cykelrummet", confidential=True)
    cause = _cause(ws, secret, "Försäljning i trapphuset")
    assert _measure(ws, meeting, None, [cause]).confidential


def test_marking_a_problem_marks_measures_on_causes_of_every_appearance(ws: Workspace,
                                                                         clock: Clock) -> None:
    september = _meeting(ws, clock, date(2026, 9, 9))
    first = _observation(ws, september, "Gångtunneln")
    dark = _cause(ws, first, "Mörk gångtunnel")
    on_cause = _measure(ws, september, None, [dark], text="Belysning")
    meetings.close_meeting(ws, september)
    october = _meeting(ws, clock, date(2026, 10, 14))
    [again] = lagesbild.observations(ws, october)
    later = _measure(ws, october, None, [dark], text="Kamera")
    changed = lagesbild.set_confidential(ws, again.id or 0, True, reason="Polisens uppgifter")
    assert changed.confidential
    marked = {m.id: m.confidential for m in [*lagesbild.measures(ws, september),
                                             *lagesbild.measures(ws, october)]}
    assert marked == {on_cause.id: True, later.id: True}
    # September's minutes changed: an amendment says so, named by number only.
    assert [a.what for a in amendments_of(ws.store, september)] == [
        f"Sekretess för problem {first.id} i lägesbilden"]


def test_the_public_view_drops_a_measure_on_a_confidential_cause_with_the_cause() -> None:
    """Decided on a confidential observation's cause alone (no observation of its own): the
    public minutes leave it out by its cause, and with it the cause it addresses."""
    from meetingtui.privacy import public_view
    from tests.export_fixtures import est_record

    record = est_record()
    secret_cause = record.observations[1].causes[0]
    on_cause = Measure(id=24, meeting_id=12, text="Enbart mot orsaken", owner="Sara Lind",
                       cause_ids=[secret_cause.id or 0])
    record = record.model_copy(update={"measures": [*record.measures, on_cause]})
    view = public_view(record)
    assert [m.id for m in view.measures] == [21, 23]
    assert list(view.addressed) == [31]  # the public measure's cause only
    assert list(record.addressed) == [31, 32]
