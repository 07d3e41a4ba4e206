"""A set of timings and how it is summarised: median and spread."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Samples:
    """Measurements in one unit (ms or MB)."""

    values: tuple[float, ...]
    unit: str = "ms"

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def spread(self) -> tuple[float, float]:
        """min–max for a few runs; p10–p90 from 20 runs on, where single outliers say little."""
        ordered = sorted(self.values)
        if len(ordered) < 20:
            return ordered[0], ordered[-1]
        deciles = statistics.quantiles(ordered, n=10)
        return deciles[0], deciles[-1]

    def describe(self) -> str:
        low, high = self.spread
        kind = "min–max" if len(self.values) < 20 else "p10–p90"
        return (f"{_fmt(self.median)} {self.unit} ({kind} {_fmt(low)}–{_fmt(high)}, "
                f"n={len(self.values)})")


def _fmt(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"
