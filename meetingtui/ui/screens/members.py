"""A group's members as people (`m` on the home screen): named once, each new meeting's
attendance starts from them. Enter edits one, `a` adds one, Del removes one (asks first)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from meetingtui.i18n import t
from meetingtui.model import Group, Member
from meetingtui.services import groups
from meetingtui.services.workspace import Workspace
from meetingtui.ui.timing import cells, flex_width
from meetingtui.ui.widgets.fixed_table import FixedTable
from meetingtui.ui.widgets.footer import Footer


class MembersScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "edit", t("common.edit"), id="members.edit"),
        Binding("a", "add", t("member.add"), id="members.add"),
        Binding("delete", "remove", t("common.remove"), id="members.remove"),
        Binding("escape", "back", t("common.back"), id="members.back"),
    ]

    def __init__(self, ws: Workspace, group: Group) -> None:
        super().__init__()
        self.ws = ws
        self.group = group
        self.people: list[Member] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("member.heading", group=self.group.name), classes="table-title")
        yield FixedTable(cursor_type="row", id="members")
        yield Static(t("member.hint"), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("app.title")
        self.sub_title = groups.municipality(self.ws)  # as on every other screen's title
        self.reload()

    def on_resize(self) -> None:
        self.reload()

    def reload(self) -> None:
        assert self.group.id is not None
        self.people = groups.members(self.ws, self.group.id)
        table: DataTable[Text] = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        width = max(44, self.size.width)
        name, email = 18, (0 if width < 100 else 24)
        fixed = [name, 11] + ([email] if email else [])
        role = flex_width(width, fixed)
        table.add_column(t("attendee.name"), width=name, key="name")
        table.add_column(f"{t('attendee.role')}, {t('attendee.organisation').lower()}",
                         width=role, key="role")
        if email:
            table.add_column(t("member.email"), width=email, key="email")
        table.add_column(t("attendee.substitute"), width=11, key="substitute")
        for person in self.people:
            unnamed = person.name == person.role
            roles = ", ".join(part for part in (person.role, person.organisation) if part)
            columns: list[tuple[str | list[str], int]] = [
                ("–" if unnamed else person.name, name), (roles, role)]
            if email:
                columns.append((person.email, email))
            columns.append((t("common.yes") if person.substitute else "", 11))
            row, height = cells(*columns)
            table.add_row(*row, height=height, key=str(person.id))
        if self.people:
            table.move_cursor(row=min(cursor, len(self.people) - 1))
        table.focus()

    def current(self) -> Member | None:
        if not self.people:
            return None
        return self.people[self.query_one(DataTable).cursor_row]

    def action_edit(self) -> None:
        member = self.current()
        if member is not None:
            self._form(member)

    def action_add(self) -> None:
        self._form(Member.model_construct(name="", role="", organisation="", email="",
                                          substitute=False))

    def _form(self, member: Member) -> None:
        from meetingtui.ui.dialogs.member import MemberDialog

        group_id = self.group.id
        assert group_id is not None

        def save(edited: Member, base: Member | None) -> Member:
            if base is None:
                return groups.add_member(self.ws, group_id, edited, substitute=edited.substitute)
            return groups.update_member(self.ws, group_id, edited, base)

        self.app.push_screen(MemberDialog(member, save), lambda _: self.reload())

    def action_remove(self) -> None:
        from meetingtui.ui.removal import remove_after_asking

        member = self.current()
        if member is None or member.id is None or self.group.id is None:
            return
        group_id, person_id = self.group.id, member.id
        remove_after_asking(self.app, t("member.remove_title"),
                            t("member.remove_question", name=member.name),
                            lambda: groups.remove_member(self.ws, group_id, person_id),
                            self.reload)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_back(self) -> None:
        self.app.pop_screen()
