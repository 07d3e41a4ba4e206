"""A `followup` item: the open measures from earlier meetings; d/i/x/enter record an update."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import DataTable, Static

from meetingtui.i18n import t
from meetingtui.model import AgendaItem, FollowUp, MeasureStatus, MeasureUpdate
from meetingtui.services import followup
from meetingtui.ui.labels import label
from meetingtui.ui.timing import cells, wrap
from meetingtui.ui.widgets.fixed_table import FixedTable
from meetingtui.ui.widgets.kept_form import push_form
from meetingtui.ui.widgets.panes.base import DecisionLine, ItemPane
from meetingtui.ui.widgets.panes.columns import (
    DUE_WIDTH,
    STATUS_WIDTH,
    measure_columns,
    owner_of,
)


class FollowupPane(ItemPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "update('done')", t("followup.done"), id="followup.done"),
        Binding("i", "update('in_progress')", t("followup.in_progress"),
                id="followup.in_progress"),
        Binding("x", "update('cancelled')", t("followup.cancelled"), id="followup.cancelled"),
        Binding("enter", "update('')", t("followup.update"), id="followup.update"),
    ]
    EDIT_ACTIONS = frozenset({"update", "decision"})

    def compose(self) -> ComposeResult:
        yield FixedTable(cursor_type="row", id="followups")
        yield Static("", id="followup-empty", classes="hint")
        yield DecisionLine()

    def on_mount(self) -> None:
        self.rows = []
        self.reload()
        self.show_item(self.item)

    rows: list[FollowUp]
    shown_width: int | None = None  # the width the table was laid out for

    def on_resize(self) -> None:
        if self.size.width != self.shown_width:
            self.fill()

    def refresh_data(self, item: AgendaItem) -> bool:
        self.reload()
        self.show_item(item)
        return True

    def reload(self) -> None:
        rows = followup.followups(self.session.ws, self.session.meeting_id)
        unchanged = rows == self.rows and self.shown_width is not None
        self.rows = rows
        self.mark_current()
        if unchanged:
            return
        if not self.size.width:  # new, or hidden: the resize that shows it fills the table
            self.shown_width = None
        else:
            self.fill()

    def fill(self) -> None:
        """The table from the measures read last, each row as high as its text needs (what is
        discussed shows whole at 80×24), in columns that fit the pane's width: at 80 columns
        the owner stands under the measure, beside it when there is room."""
        table: DataTable[Text] = self.query_one(DataTable)
        cursor = table.cursor_row
        self.shown_width = self.size.width
        text_width, owner_width = measure_columns(table, self.size.width, t("measure.text"))
        for row in self.rows:
            cells_, height = followup_cells(row, self.session.meeting.date,
                                            text_width, owner_width)
            table.add_row(*cells_, height=height, key=str(row.measure.id))
        if self.rows:
            table.move_cursor(row=min(cursor, len(self.rows) - 1))
        self.query_one("#followup-empty", Static).update(
            t("followup.none") if not self.rows else t("followup.hint"))

    def main_widget(self) -> Widget | None:
        return self.query_one(DataTable)

    def action_update(self, status: str) -> None:
        from meetingtui.ui.dialogs.followup import FollowupDialog

        if not self.rows:
            return
        row = self.rows[self.query_one(DataTable).cursor_row]
        chosen = MeasureStatus(status) if status else row.measure.status

        def done(update: MeasureUpdate | None) -> None:
            if update is not None:
                self.reload()
                self.query_one(DataTable).focus()

        now = self.session.now()
        push_form(self, FollowupDialog,
                  lambda: FollowupDialog(row.measure, chosen, now,
                                         lambda update, _base: self._record(update)),
                  lambda dialog: dialog.show(row.measure, chosen, now), done)

    def _record(self, update: MeasureUpdate) -> MeasureUpdate:
        return followup.record_update(
            self.session.ws, update.measure_id, update.new_status, update.comment,
            meeting_id=self.session.meeting_id, by=self.session.meeting.chair,
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if not self.session.readonly:
            self.action_update("")


def followup_cells(row: FollowUp, meeting_day: date, text_width: int,
                   owner_width: int) -> tuple[list[Text], int]:
    """One follow-up row: the measure (S when confidential), its owner under it when there is
    no owner column (`owner_width` 0), the comment recorded in this meeting, the due date
    (Försenad when it was past on the meeting's day) and the status, before → after when this
    meeting changed it."""
    m = row.measure
    text = wrap(("S " if m.confidential else "") + m.text, text_width)
    if not owner_width:
        text += wrap(f"{t('measure.owner')}: {owner_of(m)}", text_width, max_lines=2)
    if row.update is not None and row.update.comment.strip():
        text += wrap("↳ " + row.update.comment, text_width, max_lines=3)
    if row.update is not None and row.update.new_status != row.update.old_status:
        before = label(row.update.old_status) if row.update.old_status else ""
        status = f"{before} → {label(row.update.new_status)}".strip()
    else:
        status = label(row.update.new_status if row.update else m.status)
    late = m.overdue(meeting_day)
    due = [m.due.isoformat() if m.due else "–", *([t("action_list.overdue")] if late else [])]
    columns: list[tuple[str | list[str], int]] = [(text, text_width)]
    if owner_width:
        columns.append((owner_of(m), owner_width))
    columns += [(due, DUE_WIDTH), (status, STATUS_WIDTH)]
    cells_, height = cells(*columns)
    if late:
        cells_[-2].stylize("bold red")
    if m.confidential:
        cells_[0].stylize("bold", 0, 1)
    return cells_, height
