"""Where the benchmark finds the project, its command and the shared measuring tools."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "bench" / ".cache"
TOOLS = Path(os.environ.get("BENCH_TOOLS", REPO.parent / "shared" / "tools")).resolve()
PYTHON = Path(sys.executable)
MEETINGTUI = PYTHON.parent / "meetingtui"
