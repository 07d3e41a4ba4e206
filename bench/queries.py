"""The queries behind the home screen and the action list, timed in-process: how they grow with
the years of meetings, without process start-up in the figure."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bench.stats import Samples


def _time(call: Callable[[], object], runs: int) -> Samples:
    call()  # warm: the page cache, the statement cache
    values = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        values.append((time.perf_counter() - started) * 1000)
    return Samples(tuple(values))


def home_lines_ms(db: Path, runs: int = 30) -> Samples:
    """`services.home.lines`: what the home screen shows, one line per group."""
    from meetingtui.paths import resolve
    from meetingtui.services import home
    from meetingtui.services.workspace import open_workspace

    ws = open_workspace(resolve(db=db))
    try:
        return _time(lambda: home.lines(ws), runs)
    finally:
        ws.close()


def open_actions_ms(db: Path, runs: int = 30) -> Samples:
    """`services.actions.read_actions` with the default filters (every open measure)."""
    from meetingtui.services.actions import ActionFilters, read_actions

    return _time(lambda: read_actions(db, ActionFilters(), date.today()), runs)
