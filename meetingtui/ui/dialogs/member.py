"""A member of a group as a person: name, role, organisation, e-mail, substitute or regular.
Each new meeting's attendance starts from the group's regular members."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from meetingtui.i18n import t
from meetingtui.model import Member
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldRow
from meetingtui.ui.widgets.form import FormDialog, text_input

FIELDS = ("name", "role", "organisation", "email", "substitute")


class MemberDialog(FormDialog[Member]):
    def __init__(self, member: Member, save: Callable[[Member, Member | None], Member]) -> None:
        super().__init__(save, member if member.id is not None else None)
        self.member = member
        self.title = t("member.title_new" if member.id is None else "member.title_edit",
                       role=member.role)

    def rows(self) -> Iterable[FieldRow]:
        m = self.member
        unnamed = m.name == m.role  # named by role until someone names them
        yield FieldRow("name", t("attendee.name"), text_input(
            "" if unnamed else m.name, id="name", placeholder=t("member.name_example")))
        yield FieldRow("role", t("attendee.role"), text_input(m.role, id="role"))
        yield FieldRow("organisation", t("attendee.organisation"),
                       text_input(m.organisation, id="organisation"))
        yield FieldRow("email", t("member.email"), text_input(
            m.email, id="email", placeholder=t("member.email_example")))
        yield FieldRow("substitute", t("attendee.substitute"),
                       Choice([(t("common.no"), False), (t("common.yes"), True)], m.substitute,
                              id="substitute"))

    def build(self) -> Member:
        return Member.model_validate({**self.member.model_dump(),
                                      **{name: self.value(name) for name in FIELDS}})
