"""A DataTable whose columns all have a set width, without Textual's measuring of every cell.

When rows are added, Textual's DataTable renders every new cell once to measure it, so that an
auto-width column can widen (`_update_dimensions`, textual 8.x): about 60 µs a cell, 100 ms for
the lägesbild's 200 rows of 8 cells, before the rows can show. Our tables set each column's
width from the pane's width, so those measures change nothing; this table skips them while
every column has a set width and no row has a label or an automatic height, and otherwise does
as Textual does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

CellType = TypeVar("CellType")


class FixedTable(DataTable[CellType]):
    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        new_rows = list(new_rows)
        rows = [self.rows[key] for key in new_rows if key in self.rows]
        if (any(column.auto_width for column in self.columns.values())
                or any(row.label is not None or row.auto_height for row in rows)):
            super()._update_dimensions(new_rows)
            return
        # What Textual's does after its measuring: the scrollable size.
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header_height = self.header_height if self.show_header else 0
        self.virtual_size = Size(width + self._row_label_column_width,
                                 self._total_row_height + header_height)
