"""Plan (and start) a meeting: date, time, place, roles, and who is there."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Input

from meetingtui.dates import parse_time
from meetingtui.i18n import t
from meetingtui.model import Attendance, Meeting, Presence
from meetingtui.ui.labels import label
from meetingtui.ui.widgets.form import FieldProblem, FieldRow, FormDialog, date_text, text_input


class AttendanceTable(DataTable[str]):
    """The members by role; space toggles present/absent."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_presence", t("attendance.toggle"), id="plan.toggle"),
    ]

    def __init__(self, people: list[Attendance]) -> None:
        super().__init__(cursor_type="row", id="attendance")
        self.people = people

    def on_mount(self) -> None:
        self.add_columns(t("attendance.name"), t("attendance.role"), t("attendance.presence"))
        for number, person in enumerate(self.people):
            self.add_row(person.name, person.role, label(person.presence), key=str(number))

    def action_toggle_presence(self) -> None:
        if not self.people:
            return
        row = self.cursor_row
        person = self.people[row]
        if person.presence is Presence.GUEST:
            return
        presence = Presence.ABSENT if person.presence is Presence.PRESENT else Presence.PRESENT
        self.people[row] = person.model_copy(update={"presence": presence})
        self.update_cell(str(row), self.ordered_columns[2].key, label(presence))

    def add_guest(self, name: str) -> None:
        guest = Attendance(meeting_id=0, name=name, presence=Presence.GUEST)
        self.people.append(guest)
        self.add_row(guest.name, "", label(guest.presence), key=str(len(self.people) - 1))


class PlanMeetingDialog(FormDialog[Meeting]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "focus_guest", t("plan.guest"), id="plan.guest"),
    ]

    def __init__(self, group_id: int, group_name: str, proposed: date, today: date,
                 chair: str, people: list[Attendance],
                 plan: Callable[[Meeting, list[Attendance]], Meeting]) -> None:
        super().__init__(lambda meeting: plan(meeting, self.table.people))
        self.group_id = group_id
        self.proposed = proposed
        self.today = today
        self.chair = chair
        self.table = AttendanceTable(list(people))
        self.title = t("plan.title", group=group_name)

    def rows(self) -> Iterable[FieldRow]:
        yield FieldRow("date", t("plan.date"), text_input(self.proposed.isoformat(), id="date",
                                                          placeholder=t("form.date_example")))
        yield FieldRow("start", t("plan.time"), text_input("", id="start", placeholder="9:00"))
        yield FieldRow("place", t("plan.place"), text_input(id="place"))
        yield FieldRow("chair", t("plan.chair"), text_input(self.chair, id="chair"))
        yield FieldRow("secretary", t("plan.secretary"), text_input(id="secretary"))
        yield FieldRow("adjuster", t("plan.adjuster"), text_input(id="adjuster"))
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

    def action_focus_guest(self) -> None:
        self.query_one("#guest").focus()

    def build(self) -> Meeting:
        day_text, time_text = self.value("date"), self.value("start")
        day = self.parsed(lambda: date_text(day_text, self.today, "date"))
        start = self.parsed(lambda: _time(time_text))
        return Meeting.model_validate({
            "group_id": self.group_id, "date": day or self.today, "start": start,
            "place": self.value("place"), "chair": self.value("chair"),
            "secretary": self.value("secretary"), "adjuster": self.value("adjuster"),
        })


def _time(text: str) -> object:
    if not text.strip():
        return None
    try:
        return parse_time(text)
    except ValueError:
        raise FieldProblem("start", t("error.time")) from None
