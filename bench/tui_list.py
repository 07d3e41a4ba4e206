"""The TUI's action list (F7) from outside: from the key to the count of its rows on screen."""

from __future__ import annotations

import time
from collections.abc import Sequence

from bench.stats import Samples
from bench.terminal import Tmux


def action_list_ms(command: Sequence[str], rows: int, runs: int = 3) -> Samples:
    """Milliseconds from F7 on the home screen until "N åtgärder" shows, over `runs` starts."""
    values: list[float] = []
    for _ in range(runs):
        term = Tmux()
        try:
            term.start(command)
            term.wait_for("EST")
            time.sleep(0.5)  # the templates are read after the first frame: let that pass
            started = time.perf_counter()
            term.send("F7")
            term.wait_for(f"{rows} åtgärder", timeout=60)
            values.append((time.perf_counter() - started) * 1000)
        finally:
            term.close()
    return Samples(tuple(values))
