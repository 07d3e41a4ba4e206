"""Keystroke-to-screen latency from outside: ../shared/tools/keylat.sh on the meeting screen."""

from __future__ import annotations

import re
import shlex
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

from bench.paths import TOOLS

_LINE = re.compile(r"median ([\d.]+)\s+p90 ([\d.]+)")


@dataclass(frozen=True)
class KeyLatency:
    median_ms: float
    p90_ms: float
    summary: str  # keylat.sh's own line (n, min, median, p90, max)


def keylat(command: Sequence[str], marker: str, presses: int, key: str) -> KeyLatency:
    result = subprocess.run(
        ["bash", str(TOOLS / "keylat.sh"), shlex.join(command), marker, str(presses), "80x24", key],
        check=False, capture_output=True, text=True, timeout=120,
    )
    found = _LINE.search(result.stdout)
    if result.returncode != 0 or found is None:
        raise RuntimeError(f"keylat.sh failed: {result.stdout.strip()} {result.stderr.strip()}")
    return KeyLatency(float(found.group(1)), float(found.group(2)), result.stdout.strip())
