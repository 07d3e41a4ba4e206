"""A `priorities` item: the three focus areas this meeting sets or confirms (EST picks three each
quarter). Arriving here never puts the cursor in a field: `e` or Enter enters the first one,
Enter in a field saves it and moves on, Esc leaves (issue 12 §1)."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Static

from meetingtui.dates import quarter_of
from meetingtui.i18n import t
from meetingtui.model import AgendaItem, Priority
from meetingtui.services import priorities
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.widgets.form import FieldRow, text_input
from meetingtui.ui.widgets.panes.base import DecisionLine, ItemPane

COUNT = 3


class PrioritiesPane(ItemPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit_fields", t("priorities_extra.edit"), id="priorities.edit"),
        Binding("enter", "edit_fields", t("priorities_extra.edit"), id="priorities.enter",
                show=False),
    ]
    EDIT_ACTIONS = frozenset({"edit_fields", "decision"})

    def compose(self) -> ComposeResult:
        self.stored = self._stored()
        titles = [*self.stored, "", "", ""][:COUNT]
        yield Static(t("priorities.intro", quarter=quarter_of(self.session.meeting.date)),
                     classes="guidance")
        for number, title in enumerate(titles, start=1):
            field = text_input(title, id=f"priority-{number}")
            field.disabled = self.session.readonly
            yield FieldRow(f"priority-{number}", f"{number}.", field)
        yield Static("", id="save-state", classes="save-state")
        if not self.session.readonly:
            yield Static(t("priorities_extra.hint"), classes="hint")
        yield DecisionLine()

    def on_mount(self) -> None:
        self.show_item(self.item)

    def refresh_data(self, item: AgendaItem) -> bool:
        stored = self._stored()
        if stored != self.stored and not self.editing():
            self._fill(stored)
        self.show_item(item)
        return True

    def _stored(self) -> list[str]:
        return [p.title for p in priorities.priorities_for_meeting(
            self.session.ws, self.session.meeting_id)]

    def _fill(self, stored: list[str]) -> None:
        self.stored = stored
        with self.prevent(Input.Changed):
            for number, title in enumerate([*stored, "", "", ""][:COUNT], start=1):
                self.query_one(f"#priority-{number}", Input).value = title

    def action_edit_fields(self) -> None:
        self.query_one("#priority-1", Input).focus()

    def titles(self) -> list[str]:
        return [self.query_one(f"#priority-{n}", Input).value for n in range(1, COUNT + 1)]

    @on(Input.Changed)
    def _check(self, event: Input.Changed) -> None:
        row = self.query_one(f"#row-{event.input.id}", FieldRow)
        try:
            if event.value.strip():
                Priority(meeting_id=0, position=1, title=event.value)
            row.show_error(None)
        except ValueError as error:
            from pydantic import ValidationError

            from meetingtui.i18n import validation_message

            if isinstance(error, ValidationError):
                first = error.errors()[0]
                row.show_error(validation_message(first["type"], first["msg"], first.get("ctx")))

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.flush():
            return
        number = int((event.input.id or "priority-3").rsplit("-", 1)[1])
        if number < COUNT:
            self.query_one(f"#priority-{number + 1}").focus()
        else:
            self.focus()  # done: n/p move on again

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.flush()

    def flush(self) -> bool:
        if self.session.readonly or not self.is_mounted:
            return True
        wanted = [" ".join(title.split()) for title in self.titles()]
        if [w for w in wanted if w] == self.stored:
            return True
        try:
            stored = attempt(self.app, priorities.set_priorities, self.session.ws,
                             self.session.meeting_id, wanted, base=self.stored)
        except Failed:
            return False
        except priorities.PrioritiesChanged as changed:
            self.app.notify(t("priorities_extra.changed"), severity="warning", timeout=10)
            self._fill(changed.theirs)
            return False
        self.stored = [p.title for p in stored]
        self.mark_current()
        self.query_one("#save-state", Static).update(
            t("text.saved_at", time=self.session.now().strftime("%H:%M")))
        return True
