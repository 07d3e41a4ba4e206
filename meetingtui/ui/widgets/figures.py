"""How the figures read on screen, wherever they show (the Statistik screen, the priorities
item): a trend as arrows, and a line with a sparkline between its name and its numbers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from textual.app import ComposeResult, RenderResult
from textual.renderables.sparkline import Sparkline as SparklineRenderable
from textual.widget import Widget
from textual.widgets import Sparkline, Static

from meetingtui.services.stats import TRENDS, Problems
from meetingtui.ui.timing import fit

ARROWS = {"new": "+", "rising": "↑", "unchanged": "→", "falling": "↓"}
#: The widest a sparkline gets (cells): a period gets as many cells as fit (at least one).
SPARK_WIDTH = 16


def trend_marks(problems: Problems) -> str:
    """"+2 ↑1 ↓3": how many problems had each trend, those with none left out."""
    return " ".join(f"{ARROWS[trend]}{getattr(problems, trend)}" for trend in TRENDS
                    if getattr(problems, trend))


class FromZero(Sparkline):
    """A sparkline whose lowest bar is none. Textual's scales a series from its own smallest
    value, so a steady 2, 2, 2, 2 drew as four empty-looking bars, like 0, 0, 0, 0: here the
    series is drawn after a 0, which is then cut off."""

    def render(self) -> RenderResult:
        drawn = super().render()
        data = list(self.data or [])
        if not isinstance(drawn, SparklineRenderable) or not data or min(data) <= 0:
            return drawn
        cells = max(self.size.width // len(data), 1)
        drawn.data = [0, *data]
        drawn.width = self.size.width + cells
        return _Skipping(drawn, cells)


class _Skipping:
    """A one-line renderable without its first `cells` cells."""

    def __init__(self, inner: SparklineRenderable[float], cells: int) -> None:
        self.inner = inner
        self.cells = cells

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        skip = self.cells
        for segment in console.render(self.inner, options):
            if skip and segment.text:
                skip -= 1  # one bar, one cell
                continue
            yield segment


class FigureLine(Widget):
    """`name  ▂▅▇▄  numbers` on one line: a series over the periods and what it adds up to."""

    DEFAULT_CSS = """
    FigureLine { layout: horizontal; height: 1; }
    FigureLine > .figure-name { width: 24; padding-right: 1; }
    FigureLine > Sparkline { height: 1; margin-right: 2; }
    FigureLine > .figure-numbers { width: 1fr; }
    """

    def __init__(self, name: str, series: Sequence[float], numbers: str, *,
                 bold: bool = False) -> None:
        super().__init__(classes="figure-line")
        self.label = name
        self.series = list(series)
        self.numbers = numbers
        self.bold = bold

    def compose(self) -> ComposeResult:
        yield Static(fit(self.label, 23), classes="figure-name", markup=False)
        spark = FromZero(self.series)
        spark.styles.width = max(SPARK_WIDTH // max(len(self.series), 1), 1) * len(self.series)
        yield spark
        yield Static(self.numbers, classes="figure-numbers", markup=False)
