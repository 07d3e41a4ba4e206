"""Add a co-opted guest (adjungerad) or a stand-in to this meeting's attendance."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from meetingtui.i18n import t
from meetingtui.model import Attendance, Presence
from meetingtui.ui.widgets.field_row import FieldRow
from meetingtui.ui.widgets.form import FormDialog, text_input


class GuestDialog(FormDialog[Attendance]):
    def __init__(self, meeting_id: int,
                 save: Callable[[Attendance, Attendance | None], Attendance]) -> None:
        super().__init__(save)
        self.meeting_id = meeting_id
        self.title = t("guest.title")

    def rows(self) -> Iterable[FieldRow]:
        yield FieldRow("name", t("guest.name"), text_input(id="name"))
        yield FieldRow("role", t("guest.role"), text_input(id="role"))
        yield FieldRow("organisation", t("guest.organisation"), text_input(id="organisation"))

    def build(self) -> Attendance:
        return Attendance(meeting_id=self.meeting_id, name=self.value("name"),
                          role=self.value("role"), organisation=self.value("organisation"),
                          presence=Presence.GUEST)
