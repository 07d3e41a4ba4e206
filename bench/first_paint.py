"""Time to first paint in a real terminal: ../shared/tools/ttfp.sh (tmux, polling for a marker)."""

from __future__ import annotations

import re
import shlex
import subprocess
from collections.abc import Mapping, Sequence

from bench.paths import TOOLS
from bench.stats import Samples

_RUNS = re.compile(r"^runs:((?: \d+)+)$", re.MULTILINE)


def ttfp_once(command: Sequence[str], marker: str, size: tuple[int, int] = (80, 24)) -> float:
    """One run of ttfp.sh: milliseconds until `marker` shows on a `size` screen."""
    cols, rows = size
    result = subprocess.run(
        ["bash", str(TOOLS / "ttfp.sh"), str(cols), str(rows), marker, "1", "--",
         shlex.join(command)],
        check=False, capture_output=True, text=True, timeout=60,
    )
    found = _RUNS.search(result.stdout)
    if result.returncode != 0 or found is None:
        raise RuntimeError(f"ttfp.sh found no {marker!r} for {shlex.join(command)}: "
                           f"{result.stdout.strip()} {result.stderr.strip()}")
    return float(found.group(1).split()[0])


def ttfp_interleaved(commands: Mapping[str, Sequence[str]], marker: str, runs: int,
                     warmup: int = 1, markers: Mapping[str, str] | None = None
                     ) -> dict[str, Samples]:
    """One ttfp.sh run per command per round, so the floor and the app share the machine's mood.
    `markers` overrides `marker` for some commands (the bare app never shows a lägesbild)."""
    def mark(name: str) -> str:
        return (markers or {}).get(name, marker)

    for _ in range(warmup):
        for name, command in commands.items():
            ttfp_once(command, mark(name))
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(ttfp_once(command, mark(name)))
    return {name: Samples(tuple(values)) for name, values in times.items()}
