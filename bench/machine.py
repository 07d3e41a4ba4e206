"""The date and machine a run was made on, printed above the table."""

from __future__ import annotations

import os
import platform
from datetime import datetime
from pathlib import Path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def describe() -> str:
    return (f"{datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores ({cpu_model()}), "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
