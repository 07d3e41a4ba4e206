"""An `attendance` item: who is here; space toggles present/absent, g adds a co-opted guest."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import DataTable

from meetingtui.i18n import t
from meetingtui.model import AgendaItem, Attendance, Presence
from meetingtui.services import meetings
from meetingtui.ui.errors import Failed, attempt, saved
from meetingtui.ui.labels import label
from meetingtui.ui.widgets.panes.base import ItemPane


class AttendancePane(ItemPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_presence", t("attendance.toggle"), id="attendance.toggle"),
        Binding("g", "guest", t("attendance.guest"), id="attendance.guest"),
    ]
    EDIT_ACTIONS = frozenset({"toggle_presence", "guest"})

    def compose(self) -> ComposeResult:
        table: DataTable[str] = DataTable(cursor_type="row", id="attendance")
        table.add_columns(t("attendance.name"), t("attendance.role"),
                          t("attendance.organisation"), t("attendance.presence"))
        yield table

    def on_mount(self) -> None:
        self.reload()

    def refresh_data(self, item: AgendaItem) -> bool:
        self.reload()
        return True

    def reload(self) -> None:
        self.mark_current()
        self.people = meetings.attendance(self.session.ws, self.session.meeting_id)
        table = self.query_one(DataTable)
        table.clear()
        for person in self.people:
            table.add_row(person.name, person.role, person.organisation,
                          label(person.presence), key=str(person.id))

    def main_widget(self) -> Widget | None:
        return self.query_one(DataTable)

    def action_toggle_presence(self) -> None:
        table = self.query_one(DataTable)
        if not self.people:
            return
        person = self.people[table.cursor_row]
        if person.presence is Presence.GUEST or person.id is None:
            return
        presence = Presence.ABSENT if person.presence is Presence.PRESENT else Presence.PRESENT
        try:
            attempt(self.app, meetings.set_presence, self.session.ws, person.id,
                    self.session.meeting_id, presence)
        except Failed:
            return
        self.people[table.cursor_row] = person.model_copy(update={"presence": presence})
        table.update_cell(str(person.id), table.ordered_columns[3].key, label(presence))

    def action_guest(self) -> None:
        from meetingtui.ui.dialogs.guest import GuestDialog

        def added(guest: Attendance | None) -> None:
            if guest is not None:
                self.reload()

        self.app.push_screen(GuestDialog(self.session.meeting_id, self._add), added)

    def _add(self, guest: Attendance) -> Attendance:
        return meetings.add_attendee(self.session.ws, guest)


__all__ = ["AttendancePane", "saved"]
