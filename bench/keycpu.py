"""CPU per key in-process: the meeting screen driven by Textual's Pilot, timed by process time.

Wall time in-process says little (perf.md: `pilot.press` waits for idle twice, at least 42 ms a
key); the CPU the process spends from the key to the settled screen is what the key costs. The
Pilot's own waiting is asleep, so `time.process_time()` around `pilot.press` counts the app's
work (event handling, queries, layout, rendering the frame headless) and little else.

Run alone: `python -m bench.keycpu DB MEETING_ID` prints one line per key sequence.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.stats import Samples


@dataclass(frozen=True)
class KeyScript:
    name: str
    keys: tuple[str, ...]  # pressed in turn, again and again; each press is one sample
    presses: int


#: What a chair does on the lägesbild: move the cursor; leave for the next item and come back;
#: open an observation's form and save it unchanged (a commit and a table update).
SCRIPTS = (
    KeyScript("cursor down/up on the lägesbild", ("down", "down", "up"), 30),
    KeyScript("next item / previous item (leaving and re-entering the lägesbild)", ("n", "p"),
              12),
    KeyScript("open the observation form (e) / save it (Enter)", ("e", "enter"), 12),
)


async def _measure(db: Path, meeting_id: int, scripts: Sequence[KeyScript],
                   size: tuple[int, int]) -> dict[str, Samples]:
    from meetingtui.paths import Locations
    from meetingtui.services.workspace import open_workspace
    from meetingtui.ui.app import make_app

    ws = open_workspace(Locations(db=db, agendas=None, exports=db.parent))
    results: dict[str, Samples] = {}
    try:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=size) as pilot:
            await pilot.pause(0.5)
            depth = len(app.screen_stack)
            for script in scripts:
                for key in script.keys:  # warm: first use of a form imports its module
                    await pilot.press(key)
                times: dict[str, list[float]] = {key: [] for key in script.keys}
                for n in range(script.presses):
                    key = script.keys[n % len(script.keys)]
                    started = time.process_time()
                    await pilot.press(key)
                    times[key].append((time.process_time() - started) * 1000)
                while len(app.screen_stack) > depth:  # a form left open by an odd count
                    await pilot.press("escape")
                for key, values in times.items():
                    results[f"{script.name}: {key}"] = Samples(tuple(values))
    finally:
        ws.close()
    return results


def cpu_per_key(db: Path, meeting_id: int, scripts: Sequence[KeyScript] = SCRIPTS,
                size: tuple[int, int] = (80, 24)) -> dict[str, Samples]:
    """Milliseconds of CPU per key, per script and key, on a copy of `db` (saving changes it)."""
    with tempfile.TemporaryDirectory(prefix="meetingtui-bench-") as tmp:
        copy = Path(tmp) / "keys.db"
        shutil.copy(db, copy)
        return asyncio.run(_measure(copy, meeting_id, scripts, size))


def main(argv: list[str]) -> int:
    db, meeting_id = Path(argv[0]), int(argv[1])
    for name, samples in cpu_per_key(db, meeting_id).items():
        print(f"{name}: {samples.describe()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
