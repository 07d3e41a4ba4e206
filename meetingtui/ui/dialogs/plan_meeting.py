"""Plan (and start) a meeting: date, time, place, roles, and who is there."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Input

from meetingtui.i18n import t
from meetingtui.model import Attendance, Meeting, Presence
from meetingtui.ui.dialogs.meeting_details import MeetingDetailsDialog
from meetingtui.ui.widgets.attendance_table import attendance_row, column_widths, fill_attendance
from meetingtui.ui.widgets.field_row import FieldRow
from meetingtui.ui.widgets.fixed_table import FixedTable
from meetingtui.ui.widgets.form import text_input


class AttendanceTable(FixedTable[Text]):
    """The members by role, as the meeting's attendance item shows them (never sideways at
    80 columns); space toggles present/absent."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_presence", t("attendance.toggle"), id="plan.toggle"),
    ]

    def __init__(self, people: list[Attendance]) -> None:
        super().__init__(cursor_type="row", id="attendance")
        self.people = people
        self.shown_width = 0

    def on_resize(self) -> None:
        if self.size.width and self.size.width != self.shown_width:
            self.fill()

    def fill(self) -> None:
        self.shown_width = self.size.width
        fill_attendance(self, self.people, self.size.width)

    def action_toggle_presence(self) -> None:
        if not self.people:
            return
        row = self.cursor_row
        person = self.people[row]
        if person.presence is Presence.GUEST:
            return
        presence = Presence.ABSENT if person.presence is Presence.PRESENT else Presence.PRESENT
        self.people[row] = person.model_copy(update={"presence": presence})
        cells, _ = attendance_row(self.people[row], *column_widths(self.shown_width))
        self.update_cell(str(row), "presence", cells[2])

    def add_guest(self, name: str) -> None:
        self.people.append(Attendance(meeting_id=0, name=name, presence=Presence.GUEST))
        cells, height = attendance_row(self.people[-1], *column_widths(self.shown_width))
        self.add_row(*cells, height=height, key=str(len(self.people) - 1))


class PlanMeetingDialog(MeetingDetailsDialog):
    """The details, then who is there (members by role, co-opted guests)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "focus_guest", t("plan.guest"), id="plan.guest"),
    ]

    def __init__(self, group_id: int, group_name: str, proposed: date, today: date,
                 chair: str, people: list[Attendance],
                 plan: Callable[[Meeting, list[Attendance]], Meeting]) -> None:
        draft = Meeting(group_id=group_id, date=proposed, chair=chair)
        super().__init__(draft, today, lambda meeting, _base: plan(meeting, self.people()),
                         t("plan.title", group=group_name), record_fields=False)
        self.table = AttendanceTable(list(people))

    def rows(self) -> Iterable[FieldRow]:
        yield from super().rows()
        yield FieldRow("attendance", t("plan.attendance"), self.table)
        yield FieldRow("guest", t("plan.guest"),
                       text_input(id="guest", placeholder=t("plan.guest_hint")))

    @on(Input.Submitted, "#guest")
    def _guest(self, event: Input.Submitted) -> None:
        event.stop()
        event.prevent_default()  # the form's own Enter-submits handler must not run
        name = " ".join(event.value.split())
        if name:
            self.table.add_guest(name)
            event.input.value = ""

    def people(self) -> list[Attendance]:
        return self.table.people

    def enter_saves(self, field: Widget) -> bool:
        return super().enter_saves(field) and field.id != "guest"  # Enter adds the guest

    def action_focus_guest(self) -> None:
        self.query_one("#guest").focus()
