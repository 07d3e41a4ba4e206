"""An `attendance` item: who is here, as people (name, role, organisation), readable at 80×24:
rows wrap, never scroll sideways. Space toggles present/absent, Enter corrects a row (a
member's name is remembered for the group's next meetings), g adds a co-opted guest."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import DataTable, Static

from meetingtui.i18n import t
from meetingtui.model import AgendaItem, Attendance, Presence
from meetingtui.services import attendance
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.labels import label
from meetingtui.ui.timing import cells, flex_width
from meetingtui.ui.widgets.fixed_table import FixedTable
from meetingtui.ui.widgets.panes.base import DecisionLine, ItemPane

PRESENCE_WIDTH = 11  # "Frånvarande"


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

    def _widths(self) -> tuple[int, int]:
        width = max(44, self.size.width)
        name = 15 if width < 70 else 24  # at 80×24 the role column's header fits whole
        return name, flex_width(width, [name, PRESENCE_WIDTH])

    def fill(self) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        cursor = table.cursor_row
        self.shown_width = self.size.width
        table.clear(columns=True)
        name_width, role_width = self._widths()
        table.add_column(t("attendance.name"), width=name_width, key="name")
        table.add_column(f"{t('attendance.role')}, {t('attendance.organisation').lower()}",
                         width=role_width, key="role")
        table.add_column(t("attendance.presence"), width=PRESENCE_WIDTH, key="presence")
        for person in self.people:
            row, height = self._row(person, name_width, role_width)
            table.add_row(*row, height=height, key=str(person.id))
        if self.people:
            table.move_cursor(row=min(cursor, len(self.people) - 1))

    def _row(self, person: Attendance, name_width: int, role_width: int) -> tuple[list[Text], int]:
        # A member still named by the role alone has no name yet: "–", the role beside it.
        unnamed = person.unnamed
        name = "–" if unnamed else person.name
        name += f" ({t('attendee.marker')})" if person.substitute else ""
        roles = [part for part in (person.role, person.organisation)
                 if part and (unnamed or part != person.name)]
        row, height = cells((name, name_width), (", ".join(roles), role_width),
                            (label(person.presence), PRESENCE_WIDTH))
        if unnamed:
            row[0].stylize("dim")
        if person.presence is Presence.ABSENT:
            row[2].stylize("bold")
        return row, height

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
