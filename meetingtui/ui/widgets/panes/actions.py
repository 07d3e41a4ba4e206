"""An `actions` item: the meeting's action plan, every measure decided here: `a` adds one,
Enter edits it, Del removes one added by mistake (it leaves the minutes too). Rows wrap so that
the measure discussed shows whole at 80×24, with the kind of prevention it is and the causes it
addresses under its words; S marks a confidential one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import DataTable, Static

from meetingtui.i18n import t
from meetingtui.model import AgendaItem, Cause, Measure, MeasureType
from meetingtui.services import lagesbild
from meetingtui.ui.knowledge import addressed, kind_line
from meetingtui.ui.labels import label
from meetingtui.ui.timing import cells, fit, wrap
from meetingtui.ui.widgets.fixed_table import FixedTable
from meetingtui.ui.widgets.kept_form import push_form
from meetingtui.ui.widgets.panes.base import DecisionLine, ItemPane
from meetingtui.ui.widgets.panes.columns import (
    DUE_WIDTH,
    STATUS_WIDTH,
    measure_columns,
    owner_of,
)

MISSING = "bold red reverse"


def _owner_span(cell: str) -> tuple[int, int]:
    """Where "Ansvarig: saknas" stands in a measure's cell (its last line)."""
    start = cell.rfind("\n") + 1
    return start, len(cell)


class ActionsPane(ItemPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "new", t("measure.new"), id="actions.new"),
        Binding("enter", "edit", t("common.edit"), id="actions.edit"),
        Binding("delete", "remove", t("common.remove"), id="actions.remove"),
    ]
    EDIT_ACTIONS = frozenset({"new", "edit", "remove", "decision"})

    def compose(self) -> ComposeResult:
        yield FixedTable(cursor_type="row", id="measures", zebra_stripes=True)
        yield Static("", id="actions-hint", classes="hint")
        yield DecisionLine()

    def on_mount(self) -> None:
        self.rows, self.causes = [], {}
        self.reload()
        self.show_item(self.item)

    rows: list[Measure]
    causes: dict[int, Cause]  # those the rows address
    shown_width: int | None = None  # the width the table was laid out for

    def on_resize(self) -> None:
        if self.size.width != self.shown_width:
            self.fill()

    def refresh_data(self, item: AgendaItem) -> bool:
        self.reload()
        self.show_item(item)
        return True

    def reload(self, select: int | None = None) -> None:
        rows = lagesbild.measures(self.session.ws, self.session.meeting_id)
        causes = lagesbild.causes_addressed(self.session.ws, rows)
        unchanged = (rows, causes) == (self.rows, self.causes) and self.shown_width is not None
        self.rows, self.causes = rows, causes
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
        """The table from the measures read last, in columns that fit the pane's width: at 80
        columns the owner stands under the measure, beside it when there is room."""
        table: DataTable[Text] = self.query_one(DataTable)
        cursor = table.cursor_row
        self.shown_width = self.size.width
        text_width, owner_width = measure_columns(table, self.size.width, t("measure.text"),
                                                  numbered=True)
        incomplete = 0
        day = self.session.meeting.date
        for number, m in enumerate(self.rows, start=1):
            late = m.overdue(day)
            owner = owner_of(m) or t("measure.missing")
            text = wrap(("S " if m.confidential else "") + m.text, text_width)
            # What kind of prevention, and against which causes: under the measure's words.
            text += kind_line(m, text_width)
            if against := addressed(m, {}, self.causes):
                text += wrap(against, text_width, max_lines=3)
            if not owner_width:
                text += wrap(f"{t('measure.owner')}: {owner}", text_width, max_lines=2)
            due = [m.due.isoformat() if m.due else t("measure.missing"),
                   *([t("action_list.overdue")] if late else [])]
            columns: list[tuple[str | list[str], int]] = [(str(number), 2), (text, text_width)]
            if owner_width:
                columns.append((owner, owner_width))
            columns += [(due, DUE_WIDTH), (label(m.status), STATUS_WIDTH)]
            row, height = cells(*columns)
            if not m.owner and owner_width:
                row[2].stylize(MISSING)
            elif not m.owner:
                row[1].stylize(MISSING, *_owner_span(row[1].plain))
            if m.due is None:
                row[-2].stylize(MISSING)
            elif late:
                row[-2].stylize("bold red")
            if m.confidential:
                row[1].stylize("bold", 0, 1)
            incomplete += not (m.owner and m.due)
            table.add_row(*row, height=height, key=str(m.id))
        self._select(select, cursor)
        hint = t("actions.empty") if not self.rows else t("actions.count", count=len(self.rows))
        if incomplete:
            hint += " · " + t("actions.incomplete", count=incomplete)
        self.query_one("#actions-hint", Static).update(hint)

    def main_widget(self) -> Widget | None:
        return self.query_one(DataTable)

    def action_new(self) -> None:
        template = self.session.template  # SSPF's measures are social unless changed
        self.form(Measure.model_construct(
            meeting_id=self.session.meeting_id, text="", owner="",
            type=template.measure_type if template else MeasureType.SITUATIONAL))

    def action_edit(self) -> None:
        if self.rows:
            self.form(self.rows[self.query_one(DataTable).cursor_row])

    def form(self, measure: Measure) -> None:
        from meetingtui.ui.dialogs.measure import MeasureDialog

        def done(result: Measure | None) -> None:
            self.reload(select=result.id if result else None)
            self.query_one(DataTable).focus()

        people, today = self.session.people(), self.session.today()
        causes = lagesbild.causes_to_offer(self.session.ws, measure)
        push_form(self, MeasureDialog, lambda: MeasureDialog(
            measure, people, today,
            lambda m, base: lagesbild.save_measure(self.session.ws, m, by=self.session.user(),
                                                  base=base), causes),
            lambda dialog: dialog.show(measure, people, today, causes), done)

    def action_remove(self) -> None:
        from meetingtui.ui.removal import remove_after_asking

        if not self.rows:
            return
        measure = self.rows[self.query_one(DataTable).cursor_row]
        remove_after_asking(
            self.app, t("remove.measure_title"),
            t("remove.measure_question", text=fit(measure.text, 60), owner=measure.owner),
            lambda: lagesbild.remove_measure(self.session.ws, measure), self.reload)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if not self.session.readonly:
            self.action_edit()
