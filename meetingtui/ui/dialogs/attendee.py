"""One row of the attendance list: the person's name, role and organisation, whether they stand
in for a member (ersättare) and whether they are here. A member's name is remembered for the
group's next meetings (`attendance.update_attendee`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from meetingtui.i18n import t
from meetingtui.model import Attendance, Presence
from meetingtui.ui.labels import label
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldRow
from meetingtui.ui.widgets.form import FormDialog, text_input

FIELDS = ("name", "role", "organisation", "substitute", "presence")


class AttendeeDialog(FormDialog[Attendance]):
    def __init__(self, person: Attendance,
                 save: Callable[[Attendance, Attendance | None], Attendance]) -> None:
        super().__init__(save, person)
        self.person = person
        self.title = t("attendee.title", name=person.name)

    def rows(self) -> Iterable[FieldRow]:
        p = self.person
        yield FieldRow("name", t("attendee.name"), text_input(p.name, id="name"))
        yield FieldRow("role", t("attendee.role"), text_input(p.role, id="role"))
        yield FieldRow("organisation", t("attendee.organisation"),
                       text_input(p.organisation, id="organisation"))
        yield FieldRow("substitute", t("attendee.substitute"),
                       Choice([(t("common.no"), False), (t("common.yes"), True)], p.substitute,
                              id="substitute"))
        presences = [Presence.GUEST] if p.presence is Presence.GUEST else [
            Presence.PRESENT, Presence.ABSENT]
        yield FieldRow("presence", t("attendee.presence"),
                       Choice([(label(value), value) for value in presences], p.presence,
                              id="presence"))

    def build(self) -> Attendance:
        return Attendance.model_validate({**self.person.model_dump(),
                                          **{name: self.value(name) for name in FIELDS}})
