"""Whole commands timed as processes, interleaved with their floor so that noise hits both alike."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Mapping, Sequence

from bench.stats import Samples


def run_once(command: Sequence[str]) -> float:
    """Milliseconds from start to exit of one run; output thrown away, failure raises."""
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return (time.perf_counter() - started) * 1000


def time_interleaved(commands: Mapping[str, Sequence[str]], runs: int,
                     warmup: int = 1) -> dict[str, Samples]:
    """Each command `runs` times, round-robin (a, b, c, a, b, c …), after `warmup` rounds."""
    for _ in range(warmup):
        for command in commands.values():
            run_once(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(run_once(command))
    return {name: Samples(tuple(values)) for name, values in times.items()}
