"""A `rollup` item (issue 16 §2): the operative groups' measures per group and area, green /
yellow / red as of the meeting's date, and under them the overdue ones. Read only: the groups
follow their measures up in their own meetings; here the styrgrupp sees them all."""

from __future__ import annotations

import itertools

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import DataTable, Static

from meetingtui.i18n import t
from meetingtui.model import Rollup
from meetingtui.services import rollup
from meetingtui.ui.timing import cells, flex_width, wrap
from meetingtui.ui.widgets.fixed_table import FixedTable
from meetingtui.ui.widgets.panes.base import DataPane, DecisionLine
from meetingtui.ui.widgets.panes.columns import DUE_WIDTH

COUNT_WIDTH = 4  # "Grön", "Röd ", up to 9999


class RollupPane(DataPane):
    DEFAULT_CSS = """
    RollupPane #rollup-counts { height: auto; max-height: 50%; }
    RollupPane #rollup-late { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield FixedTable(cursor_type="row", id="rollup-counts", zebra_stripes=True)
        yield Static("", id="rollup-summary", classes="hint")
        yield FixedTable(cursor_type="row", id="rollup-late")
        yield DecisionLine()

    data: Rollup | None = None

    def reload(self) -> None:
        session = self.session
        self.data = rollup.rollup_for_item(session.ws, session.meeting, session.group, self.item)
        self.mark_current()
        self.fill_when_shown()

    def fill(self) -> None:
        if self.data is None:
            return
        self.shown_width = self.size.width
        width = max(44, self.size.width)
        counts: DataTable[Text] = self.query_one("#rollup-counts", DataTable)
        counts.clear(columns=True)
        # A group's name as a row of its own above its areas, with its totals: at 80 columns a
        # column for names from "EST" to "Rättighetsnätverket" broke them mid-word.
        name_width = flex_width(width, [COUNT_WIDTH] * 4)
        counts.add_column(t("rollup.group_area"), width=name_width)
        for key in ("green", "yellow", "red", "cancelled"):
            counts.add_column(t(f"rollup.{key}_short"), width=COUNT_WIDTH)
        for group, rows in itertools.groupby(self.data.rows, key=lambda row: row.group):
            areas = list(rows)
            totals = [sum(getattr(r, k) for r in areas)
                      for k in ("green", "yellow", "red", "cancelled")]
            self._add_count_row(counts, wrap(group, name_width), totals, key=f"group:{group}",
                                style="bold")
            for row in areas:
                name = wrap(row.area or t("rollup.no_area"), name_width - 2)
                self._add_count_row(counts, ["  " + line for line in name],
                                    [row.green, row.yellow, row.red, row.cancelled],
                                    key=f"{group}:{row.area}")
        data = self.data
        green, yellow, red = (sum(getattr(r, k) for r in data.rows)
                              for k in ("green", "yellow", "red"))
        summary = (t("rollup.none") if not data.rows else
                   t("rollup.summary", green=green, yellow=yellow, red=red,
                     day=data.day.isoformat()))
        self.query_one("#rollup-summary", Static).update(summary)
        late: DataTable[Text] = self.query_one("#rollup-late", DataTable)
        late.clear(columns=True)
        text_width = flex_width(width, [DUE_WIDTH])
        late.add_column(t("rollup.late"), width=text_width)
        late.add_column(t("measure.due_short"), width=DUE_WIDTH)
        for m in data.late:
            if m.confidential:  # counted here; its text and owner stay in its group
                text = wrap(t("rollup.secret"), text_width, max_lines=3)
                text += wrap(" · ".join(p for p in (m.group, m.area) if p), text_width,
                             max_lines=1)
            else:
                text = wrap(m.text, text_width, max_lines=3)
                text += wrap(f"{m.group} · {m.owner}", text_width, max_lines=1)
            line, height = cells((text, text_width), (m.due.isoformat(), DUE_WIDTH))
            line[1].stylize("bold red")
            late.add_row(*line, height=height, key=str(m.measure_id))
        late.display = bool(data.late)

    @staticmethod
    def _add_count_row(table: DataTable[Text], name: list[str], numbers: list[int], *, key: str,
                       style: str = "") -> None:
        line, height = cells((name, 0), *[(str(n), COUNT_WIDTH) for n in numbers])
        line[0].stylize(style)
        line[1].stylize("green")
        line[2].stylize("yellow")
        if numbers[2]:
            line[3].stylize("bold red")
        table.add_row(*line, height=height, key=key)

    def main_widget(self) -> Widget | None:
        return self.query_one("#rollup-counts", DataTable)
