"""Killing the app right after a form closes loses nothing: the real program in a terminal
(tmux), an observation typed and saved, SIGKILL the moment it shows in the table, then the
database is reopened and the observation is there."""

from __future__ import annotations

import time
from pathlib import Path

from meetingtui.agenda import load_templates
from meetingtui.paths import Locations
from meetingtui.services import groups, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.store.db import Store
from tests.robustness.terminal import app_in_tmux


def test_an_observation_survives_sigkill_right_after_its_form_closes(
    tmp_path: Path, agendas: Path,
) -> None:
    db = tmp_path / "kill.db"
    ws = Workspace(Store.open(db), load_templates([agendas]),
                   Locations(db=db, agendas=agendas, exports=tmp_path))
    est = next(g for g in groups.ensure_groups(ws) if g.template_id == "est")
    assert est.id is not None
    meeting = meetings.plan_meeting(ws, est.id, ws.today())
    assert meeting.id is not None
    ws.close()

    with app_in_tmux(db, agendas, meeting.id, name="kill-after-save") as app:
        app.wait_settled("e Anteckningar")  # the first item's keys are live
        app.keys("4")
        app.wait_for("Lägesbilden är tom")
        app.keys("o")
        app.wait_for("Ny iakttagelse (Lägesbild)")
        app.type("Torget")
        app.wait_for("Torget")
        app.keys("Tab", "Tab", "Tab")
        time.sleep(0.2)  # one key at a time, as a person types
        app.type("Glas på lekplatsen")
        app.wait_for("Glas på lekplatsen")
        app.keys("Enter")
        app.wait_for("S sekretess")  # the legend replaces "empty": the form has closed
        app.kill()

    store = Store.open(db)
    try:
        again = Workspace(store, load_templates([agendas]),
                          Locations(db=db, agendas=agendas, exports=tmp_path))
        found = [(o.area, o.description) for o in lagesbild.observations(again, meeting.id)]
    finally:
        store.close()
    assert found == [("Torget", "Glas på lekplatsen")]
