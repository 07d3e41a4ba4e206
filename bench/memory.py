"""Peak memory (max RSS) of the TUI opened in tmux until the home screen shows, then quit."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.paths import MEETINGTUI
from bench.stats import Samples
from bench.terminal import Tmux


def peak_rss_mb(db: Path, marker: str = "EST", runs: int = 3, settle: float = 1.0) -> Samples:
    """Max RSS in MB (/usr/bin/time -f %M) over `runs` starts; `settle` s shown, then ctrl+q."""
    values: list[float] = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="meetingtui-bench-") as tmp:
            out = Path(tmp) / "rss"
            term = Tmux()
            try:
                term.start(["/usr/bin/time", "-f", "%M", "-o", str(out),
                            str(MEETINGTUI), "--db", str(db)])
                term.wait_for(marker)
                time.sleep(settle)
                term.send("C-q")
                deadline = time.perf_counter() + 15
                while not (out.exists() and out.read_text().strip()):
                    if time.perf_counter() > deadline:
                        raise TimeoutError("the TUI did not quit on ctrl+q within 15 s")
                    time.sleep(0.05)
            finally:
                term.close()
            kib = int(out.read_text().split()[-1])
            values.append(kib / 1024)
    return Samples(tuple(values), unit="MB")
