"""An `attendance` item: who is here, as people (name, role, organisation), readable at 80×24:
rows wrap, never scroll sideways. Space toggles present/absent, Enter corrects a row (a
member's name is remembered for the group's next meetings), g adds a co-opted guest."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import DataTable, Static

from meetingtui.i18n import t
from meetingtui.model import AgendaItem, Attendance, Presence
from meetingtui.services import attendance
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.widgets.attendance_table import fill_attendance
from meetingtui.ui.widgets.fixed_table import FixedTable
from meetingtui.ui.widgets.panes.base import DecisionLine, ItemPane


class AttendancePane(ItemPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_presence", t("attendance.toggle"), id="attendance.toggle"),
        Binding("enter", "edit", t("attendee.edit"), id="attendance.edit"),
        Binding("g", "guest", t("attendance.guest"), id="attendance.guest"),
    ]
    EDIT_ACTIONS = frozenset({"toggle_presence", "guest", "edit", "decision"})

    people: list[Attendance]
    shown_width: int | None = None

    def compose(self) -> ComposeResult:
        yield FixedTable(cursor_type="row", id="attendance")
        yield Static(t("attendee.hint"), classes="hint")
        yield DecisionLine()

    def on_mount(self) -> None:
        self.people = []
        self.reload()
        self.show_item(self.item)

    def on_resize(self) -> None:
        if self.size.width != self.shown_width:
            self.fill()

    def refresh_data(self, item: AgendaItem) -> bool:
        self.reload()
        self.show_item(item)
        return True

    def reload(self) -> None:
        self.mark_current()
        self.people = attendance.of_meeting(self.session.ws, self.session.meeting_id)
        if self.size.width:
            self.fill()
        else:  # hidden or new: the resize that shows it fills the table (as `fill_when_shown`)
            self.shown_width = None

    def fill(self) -> None:
        self.shown_width = self.size.width
        fill_attendance(self.query_one(DataTable), self.people, self.size.width)

    def main_widget(self) -> Widget | None:
        return self.query_one(DataTable)

    def current(self) -> Attendance | None:
        if not self.people:
            return None
        return self.people[self.query_one(DataTable).cursor_row]

    def action_toggle_presence(self) -> None:
        person = self.current()
        if person is None or person.presence is Presence.GUEST or person.id is None:
            return
        presence = Presence.ABSENT if person.presence is Presence.PRESENT else Presence.PRESENT
        try:
            attempt(self.app, attendance.set_presence, self.session.ws, person.id,
                    self.session.meeting_id, presence)
        except Failed:
            return
        self.reload()

    def action_edit(self) -> None:
        from meetingtui.ui.dialogs.attendee import AttendeeDialog

        person = self.current()
        if person is None:
            return

        def done(saved: Attendance | None) -> None:
            if saved is not None:
                self.reload()
            self.query_one(DataTable).focus()

        def save(edited: Attendance, base: Attendance | None) -> Attendance:
            return attendance.update_attendee(self.session.ws, edited, base or person)

        self.app.push_screen(AttendeeDialog(person, save), done)

    def action_guest(self) -> None:
        from meetingtui.ui.dialogs.guest import GuestDialog

        def added(guest: Attendance | None) -> None:
            if guest is not None:
                self.reload()

        self.app.push_screen(GuestDialog(self.session.meeting_id,
                                         lambda guest, _base: self._add(guest)), added)

    def _add(self, guest: Attendance) -> Attendance:
        return attendance.add_attendee(self.session.ws, guest)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if not self.session.readonly:
            self.action_edit()
