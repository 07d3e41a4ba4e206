"""A `rollup` item (issue 16 §2): the operative groups' measures per group and area, green /
yellow / red as of the meeting's date, and under them the overdue ones. Read only: the groups
follow their measures up in their own meetings; here the styrgrupp sees them all."""

from __future__ import annotations

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

GROUP_WIDTH = 9
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
        if self.size.width:
            self.fill()

    def fill(self) -> None:
        if self.data is None:
            return
        self.shown_width = self.size.width
        width = max(44, self.size.width)
        counts: DataTable[Text] = self.query_one("#rollup-counts", DataTable)
        counts.clear(columns=True)
        fixed = [GROUP_WIDTH, *[COUNT_WIDTH] * 4]
        area_width = flex_width(width, fixed)
        counts.add_column(t("rollup.group"), width=GROUP_WIDTH)
        counts.add_column(t("rollup.area"), width=area_width)
        for key in ("green", "yellow", "red", "cancelled"):
            counts.add_column(t(f"rollup.{key}_short"), width=COUNT_WIDTH)
        for number, row in enumerate(self.data.rows):
            line, height = cells((row.group, GROUP_WIDTH),
                                 (row.area or t("rollup.no_area"), area_width),
                                 *[(str(n), COUNT_WIDTH) for n in (row.green, row.yellow,
                                                                    row.red, row.cancelled)])
            line[2].stylize("green")
            line[3].stylize("yellow")
            if row.red:
                line[4].stylize("bold red")
            counts.add_row(*line, height=height, key=str(number))
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
            text = wrap(("S " if m.confidential else "") + m.text, text_width, max_lines=3)
            text += wrap(f"{m.group} · {m.owner}", text_width, max_lines=1)
            line, height = cells((text, text_width), (m.due.isoformat(), DUE_WIDTH))
            line[1].stylize("bold red")
            late.add_row(*line, height=height, key=str(m.measure_id))
        late.display = bool(data.late)

    def main_widget(self) -> Widget | None:
        return self.query_one("#rollup-counts", DataTable)
