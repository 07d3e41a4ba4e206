"""Closing the terminal window (SIGHUP) or ending the session (SIGTERM) quits the app as Ctrl+Q
does: the words being typed, shown as "Sparas strax …", are saved, and the item's clock stops.
Before, the app died on the signal: the last words were lost and the item counted the time
until it was next left (found in tmux, by closing the window mid-sentence)."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

import pytest

from tests.robustness.terminal import app_in_tmux, tmux, wait_until


def _ended(pid: int) -> bool:
    """The process has exited (gone, or a zombie nobody has reaped yet)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return True
    return state in ("Z", "X")


@pytest.mark.parametrize("how", ["window closed", "SIGTERM"])
def test_the_words_being_typed_are_saved_when_the_window_closes(
        agendas: Path, planned: tuple[Path, int], how: str) -> None:
    db, meeting = planned
    with app_in_tmux(db, agendas, meeting, name="hup") as app:
        app.wait_settled("e Anteckningar")
        app.keys("e")
        app.wait_until(lambda screen: "e Anteckningar" not in screen, "the notes editor")
        app.type("Sista orden")
        screen = app.wait_for("Sista orden")
        assert "Sparas strax" in screen  # shown, not yet saved: the autosave is 2 s away
        if how == "SIGTERM":
            os.kill(app.pid, signal.SIGTERM)
        else:
            tmux(app.socket, "kill-server")  # the terminal goes: the app gets SIGHUP
        wait_until(lambda: _ended(app.pid), "the app to quit", timeout=10)

    conn = sqlite3.connect(db)
    notes = conn.execute("SELECT notes FROM agenda_items WHERE meeting_id = ? AND position = 1",
                         [meeting]).fetchone()[0]
    running = conn.execute("SELECT count(*) FROM agenda_items WHERE meeting_id = ? "
                           "AND shown_since IS NOT NULL", [meeting]).fetchone()[0]
    conn.close()
    assert notes == "Sista orden"
    assert running == 0  # the clock stopped: no item counts time while the app is closed
