"""The one Markdown table `make bench` prints: figure, value, floor, ratio, target, met?"""

from __future__ import annotations

from dataclasses import dataclass

from bench.stats import Samples


@dataclass(frozen=True)
class Row:
    figure: str
    value: str
    floor: str
    ratio: str
    target: str
    met: bool | None  # None: not judged (missing or informational)


def ratio_row(figure: str, value: Samples, floor: Samples, floor_name: str,
              limit: float) -> Row:
    """A figure judged by the ratio of its median to the floor's median, both from this run."""
    ratio = value.median / floor.median
    return Row(figure, value.describe(), f"{floor_name}: {floor.describe()}", f"{ratio:.2f}×",
               f"≤ {limit:g}× floor", ratio <= limit)


def absolute_row(figure: str, value: Samples, limit: float, floor: Samples | None = None,
                 floor_name: str = "") -> Row:
    """A figure judged by its median against an absolute limit (in the samples' unit)."""
    floor_text, ratio_text = "—", "—"
    if floor is not None:
        floor_text = f"{floor_name}: {floor.describe()}"
        ratio_text = f"{value.median / floor.median:.2f}×"
    return Row(figure, value.describe(), floor_text, ratio_text, f"≤ {limit:g} {value.unit}",
               value.median <= limit)


def growth_row(figure: str, large: Samples, small: Samples, limit: float,
               labels: tuple[str, str] = ("10 y", "1 y"), kind: str = "flat") -> Row:
    """Growth: the larger case's median over the smaller one's, same run (by default 10 years
    over 1 year, which should be flat)."""
    ratio = large.median / small.median
    return Row(figure, f"{labels[0]}: {large.describe()}", f"{labels[1]}: {small.describe()}",
               f"{ratio:.2f}×", f"≤ {limit:g}× ({kind})", ratio <= limit)


def markdown(rows: list[Row]) -> str:
    lines = ["| figure | value (median, spread) | floor (same run) | ratio | target | met? |",
             "|---|---|---|---|---|---|"]
    for row in rows:
        met = {True: "yes", False: "**no**", None: "—"}[row.met]
        lines.append(f"| {row.figure} | {row.value} | {row.floor} | {row.ratio} | {row.target} "
                     f"| {met} |")
    return "\n".join(lines)
