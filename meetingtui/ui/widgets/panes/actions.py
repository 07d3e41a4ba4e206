"""An `actions` item: the meeting's action plan, every measure decided here, editable."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import DataTable, Static

from meetingtui.i18n import t
from meetingtui.model import AgendaItem, Measure
from meetingtui.services import lagesbild
from meetingtui.ui.labels import label
from meetingtui.ui.timing import fit, flex_width
from meetingtui.ui.widgets.fixed_table import FixedTable
from meetingtui.ui.widgets.kept_form import push_form
from meetingtui.ui.widgets.panes.base import ItemPane

MISSING = "bold red reverse"


class ActionsPane(ItemPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "new", t("measure.new"), id="actions.new"),
        Binding("enter", "edit", t("common.edit"), id="actions.edit"),
    ]
    EDIT_ACTIONS = frozenset({"new", "edit"})

    def compose(self) -> ComposeResult:
        yield FixedTable(cursor_type="row", id="measures", zebra_stripes=True)
        yield Static("", id="actions-hint", classes="hint")

    def on_mount(self) -> None:
        self.rows = []
        self.reload()

    rows: list[Measure]
    shown_width: int | None = None  # the width the table was laid out for

    def on_resize(self) -> None:
        if self.size.width != self.shown_width:
            self.fill()

    def refresh_data(self, item: AgendaItem) -> bool:
        self.reload()
        return True

    def reload(self, select: int | None = None) -> None:
        rows = lagesbild.measures(self.session.ws, self.session.meeting_id)
        unchanged = rows == self.rows and self.shown_width is not None
        self.rows = rows
        self.mark_current()
        if unchanged:
            if select is not None:
                self._select(select, self.query_one(DataTable).cursor_row)
        elif not self.size.width:  # new, or hidden: the resize that shows it fills the table
            self.shown_width = None
        else:
            self.fill(select)

    def _select(self, select: int | None, cursor: int) -> None:
        if self.rows:
            index = next((i for i, m in enumerate(self.rows) if m.id == select), cursor)
            self.query_one(DataTable).move_cursor(row=min(index, len(self.rows) - 1))

    def fill(self, select: int | None = None) -> None:
        """The table from the measures read last, in columns that fit the pane's width."""
        table: DataTable[Text | str] = self.query_one(DataTable)
        cursor = table.cursor_row
        self.shown_width = self.size.width
        table.clear(columns=True)
        width = max(44, self.size.width)
        text_width = flex_width(width, [2, 14, 10, 12])
        table.add_column("#", width=2, key="no")
        table.add_column(t("measure.text"), width=text_width, key="text")
        table.add_column(t("measure.owner"), width=14, key="owner")
        table.add_column(t("measure.due"), width=10, key="due")
        table.add_column(t("followup.status"), width=12, key="status")
        incomplete = 0
        for number, m in enumerate(self.rows, start=1):
            owner = Text(fit(m.owner, 14)) if m.owner else Text(t("measure.missing"),
                                                                style=MISSING)
            due = Text(m.due.isoformat()) if m.due else Text(t("measure.missing"), style=MISSING)
            incomplete += not (m.owner and m.due)
            table.add_row(str(number), fit(m.text, text_width), owner, due,
                          fit(label(m.status), 12), key=str(m.id))
        self._select(select, cursor)
        hint = t("actions.empty") if not self.rows else t("actions.count", count=len(self.rows))
        if incomplete:
            hint += " · " + t("actions.incomplete", count=incomplete)
        self.query_one("#actions-hint", Static).update(hint)

    def main_widget(self) -> Widget | None:
        return self.query_one(DataTable)

    def action_new(self) -> None:
        self.form(Measure.model_construct(meeting_id=self.session.meeting_id, text="", owner=""))

    def action_edit(self) -> None:
        if self.rows:
            self.form(self.rows[self.query_one(DataTable).cursor_row])

    def form(self, measure: Measure) -> None:
        from meetingtui.ui.dialogs.measure import MeasureDialog

        def done(result: Measure | None) -> None:
            self.reload(select=result.id if result else None)
            self.query_one(DataTable).focus()

        people, today = self.session.people(), self.session.today()
        push_form(self, MeasureDialog, lambda: MeasureDialog(
            measure, people, today,
            lambda m: lagesbild.save_measure(self.session.ws, m, by=self.session.meeting.chair)),
            lambda dialog: dialog.show(measure, people, today), done)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if not self.session.readonly:
            self.action_edit()
