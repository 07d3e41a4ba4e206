"""FixedTable skips Textual's measuring of every new cell only where it changes nothing: with set
column widths it has the size and the look of a DataTable; with an auto-width column it is one."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult
from textual.widgets import DataTable

from meetingtui.ui.widgets.fixed_table import FixedTable

ROWS = [(str(n), f"Område {n}", "Skadegörelse vid skolan " * (n % 3 + 1)) for n in range(40)]


class Tables(App[None]):
    def __init__(self, auto: bool) -> None:
        super().__init__()
        self.auto = auto

    def compose(self) -> ComposeResult:
        yield DataTable(id="plain")
        yield FixedTable(id="fixed")

    def on_mount(self) -> None:
        for table in self.query(DataTable):
            table.styles.height = 12
            table.add_column("#", width=2)
            table.add_column("Område", width=None if self.auto else 10)
            table.add_column("Beskrivning", width=30)
            for row in ROWS:
                table.add_row(*row)


def lines(table: DataTable[str]) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


def test_with_set_widths_it_looks_and_scrolls_as_a_data_table() -> None:
    async def run() -> None:
        app = Tables(auto=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            plain = app.query_one("#plain", DataTable)
            fixed = app.query_one("#fixed", FixedTable)
            assert fixed.virtual_size == plain.virtual_size
            assert fixed.virtual_size.height == len(ROWS) + 1  # the rows and the header
            assert lines(fixed) == lines(plain)
            assert "Område 1" in "".join(lines(fixed))

    asyncio.run(run())


def test_with_an_auto_width_column_it_measures_as_textual_does() -> None:
    async def run() -> None:
        app = Tables(auto=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            plain = app.query_one("#plain", DataTable)
            fixed = app.query_one("#fixed", FixedTable)
            widths = [column.content_width for column in fixed.ordered_columns]
            assert widths == [column.content_width for column in plain.ordered_columns]
            assert widths[1] == len("Område 10")  # the column widened to its longest cell
            assert lines(fixed) == lines(plain)

    asyncio.run(run())
