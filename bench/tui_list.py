"""Screens opened from the home screen, from outside: from the key (F7: the action list; s:
Statistik) to what the screen shows once its rows are in."""

from __future__ import annotations

import time
from collections.abc import Sequence

from bench.stats import Samples
from bench.terminal import Tmux


def action_list_ms(command: Sequence[str], rows: int, runs: int = 3) -> Samples:
    """Milliseconds from F7 on the home screen until "N åtgärder" shows, over `runs` starts."""
    return key_to_screen_ms(command, "F7", f"{rows} åtgärder", runs)


def key_to_screen_ms(command: Sequence[str], key: str, marker: str, runs: int) -> Samples:
    """Milliseconds from `key` on the home screen until `marker` shows, over `runs` starts."""
    values: list[float] = []
    for _ in range(runs):
        term = Tmux()
        try:
            term.start(command)
            term.wait_for("EST")
            time.sleep(0.5)  # the templates are read after the first frame: let that pass
            started = time.perf_counter()
            term.send(key)
            term.wait_for(marker, timeout=60)
            values.append((time.perf_counter() - started) * 1000)
        finally:
            term.close()
    return Samples(tuple(values))
