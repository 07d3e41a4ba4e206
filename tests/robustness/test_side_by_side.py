"""The app and the command line at once: while the TUI (a real process in tmux) saves
observations, a second process exports the minutes and the action list in every format, over
and over. Nobody sees "database is locked", every command succeeds, every save shows as saved,
and every export is one consistent moment of the meeting."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from meetingtui.model import Measure, Observation
from meetingtui.services import lagesbild
from tests.robustness.conftest import open_ws
from tests.robustness.terminal import Terminal, app_in_tmux, wait_until

MEETINGTUI = [sys.executable, "-m", "meetingtui"]
ACTION_FORMATS = ("table", "csv", "md", "json", "ics", "docx")
OBSERVATIONS = 2


@dataclass
class Run:
    args: list[str]
    returncode: int
    stderr: str
    output: Path | None


def _commands(db: Path, meeting: int, out: Path, round_: int) -> list[tuple[list[str], Path]]:
    """One round: every action-list format and three kinds of minutes, the Markdown minutes
    between the others so that several moments of the meeting are caught."""
    base = [*MEETINGTUI, "--db", str(db), "--exports", str(out / "exports")]

    def minutes(n: int) -> tuple[list[str], Path]:
        target = out / f"{round_}-{n}-minutes.md"
        return [*base, "export", str(meeting), "--format", "md", "-o", str(target)], target

    commands = [minutes(0)]
    for n, fmt in enumerate(ACTION_FORMATS, start=1):
        target = out / f"actions-{round_}.{fmt}"
        extra = [] if fmt == "table" else ["-o", str(target)]
        commands.append(([*base, "actions", "--status", "all", "--format", fmt, *extra], target))
        if n == 3:
            commands.append(minutes(n))
    for name, flags in (("minutes.docx", []), ("public.md", ["--format", "md", "--public"])):
        target = out / f"{round_}-{name}"
        commands.append(([*base, "export", str(meeting), *flags, "-o", str(target)], target))
    return commands


def _keep_exporting(db: Path, meeting: int, out: Path, stop: threading.Event,
                    runs: list[Run]) -> None:
    """Every command in turn until told to stop, and at least one whole round."""
    round_ = 0
    while round_ == 0 or not stop.is_set():
        for args, target in _commands(db, meeting, out, round_):
            done = subprocess.run(args, capture_output=True, text=True, timeout=60)
            runs.append(Run(args, done.returncode, done.stderr, target))
        round_ += 1


def _save_observation(app: Terminal, k: int) -> None:
    app.wait_for("o Ny iakttagelse")
    app.keys("o")
    app.wait_for("Ny iakttagelse (Lägesbild)")
    app.type(f"Torg {k}")
    app.wait_for(f"Torg {k}")
    app.keys("Tab", "Tab", "Tab")
    app.type(f"Krossat glas {k}")
    app.wait_for(f"Krossat glas {k}")
    app.keys("Enter")
    wait_until(lambda: "Ny iakttagelse (Lägesbild)" not in (screen := app.screen())
               and f"Torg {k}" in screen, f"observation {k} saved")
    assert "Inte sparat" not in app.screen()


def test_the_app_saves_while_another_process_exports_in_every_format(
    tmp_path: Path, agendas: Path, planned: tuple[Path, int],
) -> None:
    db, meeting = planned
    ws = open_ws(db, agendas)
    try:
        first = lagesbild.save_observation(ws, Observation(
            meeting_id=meeting, area="Stationen", description="Ungdomar samlas sent"))
        lagesbild.save_measure(ws, Measure(
            meeting_id=meeting, observation_id=first.id, text="Trygghetsvandring",
            owner="Folkhälsostrateg", due=date(2026, 12, 1)))
    finally:
        ws.close()

    out = tmp_path / "out"
    out.mkdir()
    runs: list[Run] = []
    stop = threading.Event()
    with app_in_tmux(db, agendas, meeting, name="side") as app:
        app.wait_settled("e Anteckningar")
        app.keys("4")
        app.wait_for("Stationen")
        exporter = threading.Thread(target=_keep_exporting,
                                    args=(db, meeting, out, stop, runs))
        exporter.start()
        try:
            for k in range(1, OBSERVATIONS + 1):
                _save_observation(app, k)
        finally:
            stop.set()
            exporter.join(timeout=120)
        assert "Inte sparat" not in app.screen()

    assert not exporter.is_alive()
    for run in runs:
        assert run.returncode == 0, f"{' '.join(run.args[2:])}: {run.stderr}"
        assert "locked" not in run.stderr and "busy" not in run.stderr
    assert {a for r in runs for a in r.args if a in ACTION_FORMATS} == set(ACTION_FORMATS)

    conn = sqlite3.connect(db)
    areas = [a for (a,) in conn.execute("SELECT area FROM observations ORDER BY id")]
    conn.close()
    assert areas == ["Stationen", *(f"Torg {k}" for k in range(1, OBSERVATIONS + 1))]
    # Each Markdown export is one moment: the observations saved by then, in order, no gaps.
    minutes = [r.output for r in runs if r.output and r.output.name.endswith("-minutes.md")]
    assert minutes
    for path in minutes:
        shown = [int(k) for k in re.findall(r"Torg (\d+)", path.read_text(encoding="utf-8"))]
        seen = sorted(set(shown))
        assert seen == list(range(1, len(seen) + 1)), f"{path.name} shows {seen}"
        assert "Stationen" in path.read_text(encoding="utf-8")
