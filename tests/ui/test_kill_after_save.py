"""Killing the app right after a form closes loses nothing: the real program in a terminal
(tmux), an observation typed and saved, SIGKILL the moment it shows in the table, then the
database is reopened and the observation is there."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from meetingtui.agenda import load_templates
from meetingtui.paths import Locations
from meetingtui.services import groups, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.store.db import Store

# .ci/run installs tmux when it is missing: without it this test fails, it is never skipped.
assert shutil.which("tmux"), "this test drives the real app in tmux: apt-get install tmux"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def wait_for(session: str, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.02)
    raise AssertionError(f"{text!r} never showed; the screen was:\n{screen}")


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

    session = f"mtui-kill-{os.getpid()}"
    env = {**os.environ, "MEETINGTUI_DB": str(db), "MEETINGTUI_AGENDAS": str(agendas),
           "MEETINGTUI_LANG": "sv", "TERM": "xterm-256color"}
    command = f"{sys.executable} -m meetingtui.ui --lang sv --meeting {meeting.id}"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30",
                    command], check=True, env=env)
    try:
        pid = int(tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip())
        wait_for(session, "Mötets öppnande")
        tmux("send-keys", "-t", session, "4")
        wait_for(session, "Lägesbilden är tom")
        tmux("send-keys", "-t", session, "o")
        wait_for(session, "Ny iakttagelse (Lägesbild)")
        tmux("send-keys", "-t", session, "-l", "Torget")
        wait_for(session, "Torget")
        for _ in range(3):
            tmux("send-keys", "-t", session, "Tab")
            time.sleep(0.2)  # one key at a time, as a person types
        tmux("send-keys", "-t", session, "-l", "Glas på lekplatsen")
        wait_for(session, "Glas på lekplatsen")
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "S sekretess")  # the legend replaces "empty": the form has closed
        os.kill(pid, signal.SIGKILL)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)

    store = Store.open(db)
    try:
        again = Workspace(store, load_templates([agendas]),
                          Locations(db=db, agendas=agendas, exports=tmp_path))
        found = [(o.area, o.description) for o in lagesbild.observations(again, meeting.id)]
    finally:
        store.close()
    assert found == [("Torget", "Glas på lekplatsen")]
